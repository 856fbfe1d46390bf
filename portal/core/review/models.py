from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision


class PendingChange(models.Model):
    """A change an editor made that visitors do not see until a reviewer approves it.

    A change to a published record is kept as a django-reversion revision (the record and
    its inline rows as the editor saved them) while the live rows stay as they were. A new
    record is saved as a draft, and this row asks a reviewer to publish it.
    """

    class Kind(models.TextChoices):
        CHANGE = "change", _("Change to what visitors see")
        PUBLICATION = "publication", _("New record to publish")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved and published")
        REJECTED = "rejected", _("Rejected")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind of record")
    )
    object_id = models.CharField(max_length=191)
    object_repr = models.CharField(_("record"), max_length=200)
    # The live record, named in the reader's language; None for an addition not yet approved.
    live_record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("request"), max_length=20, choices=Kind.choices)
    revision = models.OneToOneField(
        Revision,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_change",
        help_text=_("The record as the editor saved it."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    decided_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    note = models.TextField(
        _("reviewer's note"),
        blank=True,
        help_text=_("Why the change was rejected, or what to correct: the editor reads it."),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("change for review")
        verbose_name_plural = _("changes for review")
        permissions = [("review_content", _("Can approve and publish content under review"))]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(status="pending"),
                name="one_pending_change_per_record",
            )
        ]

    def __str__(self):
        return self.object_repr
