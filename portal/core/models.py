"""The models every app of the portal builds on: timestamps, publishing, review dates, the
content version."""

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
        """What visitors may see: the model's `published_q()` (see `PublishableBase`)."""
        return self.filter(self.model.published_q())


class PublishableBase(TimeStampedModel):
    """What "published" means for a model, said once for its `published()` queryset, its
    `is_visible` and the admin's publish actions (`admin_mixins.PublishActionsMixin`).

    A record is published while `publication_field` holds `published_value`; withdrawing it
    stores `withdrawn_value`. With a `publication_time_field`, a time in the future schedules
    the record: visitors see it from that time on.
    """

    publication_field = "is_published"
    published_value = True
    withdrawn_value = False
    publication_time_field = "published_at"

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def published_q(cls, prefix=""):
        """The condition, also across a relation: `Project.published_q("projects__")`."""
        condition = models.Q(**{f"{prefix}{cls.publication_field}": cls.published_value})
        if cls.publication_time_field:
            condition &= models.Q(**{f"{prefix}{cls.publication_time_field}__lte": timezone.now()})
        return condition

    @property
    def is_visible(self):
        if getattr(self, self.publication_field) != self.published_value:
            return False
        return (
            not self.publication_time_field
            or getattr(self, self.publication_time_field) <= timezone.now()
        )


class Publishable(PublishableBase):
    """Published by a flag, from a publication time that may lie in the future."""

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

    class Meta:
        abstract = True


class FlagPublishable(PublishableBase):
    """Published by a flag alone, from the moment it is ticked: facts kept current rather
    than announced, such as the cluster's figures and partners."""

    publication_time_field = None

    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        abstract = True


class PublicationState(models.TextChoices):
    """What visitors see of a record now: nothing yet, nothing until its time, or the record."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


def publication_state(obj):
    """The `PublicationState` of a `PublishableBase` record."""
    if getattr(obj, obj.publication_field) != obj.published_value:
        return PublicationState.DRAFT
    if obj.publication_time_field and getattr(obj, obj.publication_time_field) > timezone.now():
        return PublicationState.SCHEDULED
    return PublicationState.PUBLISHED


def review_overdue_q(today=None):
    """Records whose "review by" date has passed, or that were never given one."""
    today = today or timezone.localdate()
    return models.Q(review_by__lt=today) | models.Q(review_by__isnull=True)


class ReviewDated(models.Model):
    """A fact that goes stale: someone checks it again by its "review by" date.

    Parks, cluster figures and incentives carry one; the admin lists what is overdue
    (`portal.core.admin_mixins.ReviewDueFilter`, `review_by_column`).
    """

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "The date by which someone checks that this is still true. From then on the "
            "admin lists it as overdue for review."
        ),
    )

    class Meta:
        abstract = True

    @property
    def review_overdue(self):
        return self.review_by is None or self.review_by < timezone.localdate()


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
