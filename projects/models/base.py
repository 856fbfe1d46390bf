"""Abstract building blocks the registry's models share: contact officers, galleries, documents."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.revisions import NormalisedTextMixin
from portal.core.uploads import SafeImageField


class ContactOfficer(NormalisedTextMixin, models.Model):
    """The officer an investor deals with; a project without one falls back to its park's."""

    contact_name = models.CharField(_("contact officer"), max_length=100, blank=True)
    contact_title = models.CharField(
        _("officer's title"),
        max_length=150,
        blank=True,
        help_text=_("For example: Deputy Director, Investment Promotion Bureau."),
    )
    contact_email = models.EmailField(
        _("officer's email"),
        blank=True,
        help_text=_("Enquiries about this item are sent to this address."),
    )
    contact_phone = models.CharField(_("officer's phone"), max_length=40, blank=True)

    class Meta:
        abstract = True

    @property
    def has_contact(self):
        return bool(self.contact_name and (self.contact_email or self.contact_phone))


class GalleryOwner(models.Model):
    """A park or a project, whose gallery is its `images` and whose cover is the first of them."""

    class Meta:
        abstract = True

    @property
    def cover(self):
        """The first image, from the prefetched images when the queryset fetched them."""
        images = list(self.images.all())
        return images[0] if images else None


def gallery_image_field(folder):
    """The image of a gallery entry, stored under `folder`, its size kept in width and height."""
    return SafeImageField(
        _("image"),
        folder=folder,
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, at least 1200 pixels wide."),
    )


class GalleryImage(NormalisedTextMixin, models.Model):
    """One image of a park's or a project's gallery; subclasses add the owner and the image."""

    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.alt_text


class Document(NormalisedTextMixin, models.Model):
    """A PDF attached to a park or a project; subclasses add the owner and the file."""

    title = models.CharField(_("title"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title
