"""What the review step does, apart from its screens (see the package's docstring)."""

import contextlib
import contextvars
import json

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from reversion.models import Revision, Version
from reversion.signals import post_revision_commit

from portal.core import content_version

from .models import PendingChange

REVIEW_PERMISSION = "review.review_content"
_saved_revisions = contextvars.ContextVar("review_saved_revisions", default=None)


def review_required():
    return bool(getattr(settings, "CONTENT_REVIEW_REQUIRED", False))


def applies(model):
    """Whether an editor's changes of `model` wait for review."""
    return review_required() and model._meta.app_label in settings.CONTENT_APPS


def may_publish(user):
    return not review_required() or user.has_perm(REVIEW_PERMISSION)


def is_publishable(model):
    return bool(getattr(model, "publication_field", None))


def publication_fields(model):
    if not is_publishable(model):
        return ()
    return tuple(name for name in (model.publication_field, model.publication_time_field) if name)


def is_live(model, pk):
    """Whether visitors may see the stored row `pk` (or would, at its publication time)."""
    rows = model._base_manager.filter(pk=pk)
    if is_publishable(model):
        rows = rows.filter(**{model.publication_field: model.published_value})
    return rows.exists()


def _remember_revision(sender, revision, versions, **kwargs):
    saved = _saved_revisions.get()
    if saved is not None:
        saved.append(revision)


post_revision_commit.connect(_remember_revision, dispatch_uid="review.remember_revision")


@contextlib.contextmanager
def held_back(request, model, object_id):
    """Run an admin view's save, then undo it in the database and keep what it saved as a
    change waiting for review. Yields a list that holds the PendingChange once kept."""
    saved = []
    kept = []
    token = _saved_revisions.set(saved)
    try:
        with transaction.atomic():
            savepoint = transaction.savepoint()
            yield kept
            if not saved:
                transaction.savepoint_commit(savepoint)
                return
            revision = saved[-1]
            comment = revision.comment
            versions = [
                {
                    "content_type_id": v.content_type_id,
                    "object_id": v.object_id,
                    "db": v.db,
                    "format": v.format,
                    "serialized_data": v.serialized_data,
                    "object_repr": v.object_repr,
                }
                for v in revision.version_set.all()
            ]
            transaction.savepoint_rollback(savepoint)
            kept.append(_submit(request.user, model, object_id, comment, versions))
    finally:
        _saved_revisions.reset(token)


def _submit(user, model, object_id, comment, versions):
    content_type = ContentType.objects.get_for_model(model)
    if object_id is None:  # an addition: the pk it was given
        object_id = next(
            v["object_id"] for v in versions if v["content_type_id"] == content_type.pk
        )
    own = next(
        v
        for v in versions
        if v["content_type_id"] == content_type.pk and v["object_id"] == str(object_id)
    )
    revision = Revision.objects.create(user=user, comment=comment, date_created=timezone.now())
    Version.objects.bulk_create(Version(revision=revision, **version) for version in versions)
    pending = PendingChange.objects.filter(
        content_type=content_type, object_id=str(object_id), status=PendingChange.Status.PENDING
    ).first()
    if pending is None:
        return PendingChange.objects.create(
            content_type=content_type,
            object_id=str(object_id),
            object_repr=own["object_repr"][:200],
            kind=PendingChange.Kind.CHANGE,
            revision=revision,
            submitted_by=user,
        )
    # A second submission replaces the first: the reviewer judges the latest one.
    replaced = pending.revision
    pending.revision = revision
    pending.kind = PendingChange.Kind.CHANGE
    pending.object_repr = own["object_repr"][:200]
    pending.submitted_by = user
    pending.submitted_at = timezone.now()
    pending.save()
    if replaced is not None:
        replaced.delete()
    return pending


def request_publication(user, obj):
    """A new draft an editor saved: ask a reviewer to publish it."""
    content_type = ContentType.objects.get_for_model(obj)
    pending, _created = PendingChange.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        status=PendingChange.Status.PENDING,
        defaults={
            "object_repr": str(obj)[:200],
            "kind": PendingChange.Kind.PUBLICATION,
            "submitted_by": user,
            "submitted_at": timezone.now(),
        },
    )
    return pending


def pending_for(model, object_id):
    return PendingChange.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id),
        status=PendingChange.Status.PENDING,
    ).first()


def live_object(pending):
    model = pending.content_type.model_class()
    return model._base_manager.filter(pk=pending.object_id).first()


def _publish(obj):
    model = type(obj)
    setattr(obj, model.publication_field, model.published_value)
    time_field = model.publication_time_field
    now = timezone.now().replace(microsecond=0)
    if time_field and getattr(obj, time_field) <= now:
        setattr(obj, time_field, now)
    obj.save()


def approve(user, pending, message):
    """Apply the change (or publish the new record) as a new version of the record, by
    `user`; `message` is the history message (Django's change-message structure)."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(json.dumps(message))
        if pending.kind == PendingChange.Kind.CHANGE:
            pending.revision.revert(delete=True)
        obj = live_object(pending)
        if obj is None:
            raise PendingChange.DoesNotExist(pending.object_repr)
        if pending.kind == PendingChange.Kind.PUBLICATION and is_publishable(type(obj)):
            _publish(obj)
        reversion.add_to_revision(obj)
        pending.status = PendingChange.Status.APPROVED
        pending.decided_by = user
        pending.decided_at = timezone.now()
        pending.save()
        content_version.bump_content_version()
    return obj


def reject(user, pending, note):
    pending.status = PendingChange.Status.REJECTED
    pending.decided_by = user
    pending.decided_at = timezone.now()
    pending.note = note
    pending.save()
