"""The media library: an image or a PDF, uploaded once, with its title and alternative text in
both languages, checked like every upload (`portal.core.uploads`) and kept in versions.

An item is public once uploaded, as the home page's picture is: it belongs to no record that
could be a draft. The rich-text editor inserts an image by its stored address, which never
changes; renditions are made when it is stored.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel
from portal.core.revisions import NormalisedTextMixin
from portal.core.uploads import PdfField, SafeImageField


class MediaItem(NormalisedTextMixin, TimeStampedModel):
    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        DOCUMENT = "document", _("PDF document")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, editable=False)
    title = models.CharField(
        _("title"),
        max_length=200,
        # Required in one language or the other (clean): a clerk may write Chinese first.
        blank=True,
        help_text=_(
            "What the file shows or is, for finding it in the library and as a PDF's link text."
        ),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "For an image: what it shows, for people who cannot see it. Inserted with the "
            "image into the text of the same language."
        ),
    )
    image = SafeImageField(
        _("image"),
        folder="library",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Leave empty for a PDF."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    document = PdfField(
        _("PDF document"),
        folder="library",
        blank=True,
        help_text=_("A PDF of at most 20 MB. Leave empty for an image."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("media item")
        verbose_name_plural = _("media library")
        constraints = [
            models.CheckConstraint(
                condition=(Q(image="") & ~Q(document="")) | (~Q(image="") & Q(document="")),
                name="media_item_one_file",
            ),
            models.CheckConstraint(
                condition=(Q(kind="image") & ~Q(image="")) | (Q(kind="document") & ~Q(document="")),
                name="media_item_kind_matches_file",
            ),
        ]
        indexes = [models.Index(fields=["kind", "-created_at"])]

    def __str__(self):
        return self.title or self.title_en or self.title_zh_hans or f"#{self.pk}"

    def clean(self):
        super().clean()
        if bool(self.image) == bool(self.document):
            raise ValidationError(_("Choose either an image or a PDF document: one file per item."))
        if not (self.title_en or self.title_zh_hans):
            raise ValidationError(
                {"title_en": _("Give the item a title, in at least one language.")}
            )
        if self.image and not (self.alt_text_en or self.alt_text_zh_hans):
            raise ValidationError(
                {"alt_text_en": _("Say what the image shows, in at least one language.")}
            )

    def save(self, *args, **kwargs):
        self.kind = self.Kind.IMAGE if self.image else self.Kind.DOCUMENT
        super().save(*args, **kwargs)

    @property
    def file(self):
        return self.image or self.document
