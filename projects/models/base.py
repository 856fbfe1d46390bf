"""Abstract building blocks that every content model of the portal shares."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see: published, and not scheduled for later."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Publishable(TimeStampedModel):
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Visitors see this only when it is published and its publication time has come."
        ),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        default=timezone.now,
        help_text=_("A time in the future schedules publication: it appears by itself then."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_visible(self):
        return self.is_published and self.published_at <= timezone.now()


class ContactOfficer(models.Model):
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
