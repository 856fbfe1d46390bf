"""The models every app of the portal builds on: timestamps, publishing, the content version."""

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


class ContentVersion(models.Model):
    """The one row whose token changes with every change of content (portal.core.content_version)."""

    ROW = 1

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()
    next_publication = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content version")

    def __str__(self):
        return self.token
