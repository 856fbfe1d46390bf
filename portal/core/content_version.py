"""The content version: one row in the database that changes whenever what visitors see does.

The page cache (`portal.core.page_cache`) stores each page with the version it was rendered
under and serves it only while the row still holds that version, so no visitor ever gets a
stale page. The row is renewed in the same transaction as the change that makes it necessary:

- every save, delete or many-to-many change of a model of a content app (settings.CONTENT_APPS),
  through the model signals, whoever makes it: the admin, `manage.py shell`, a command;
- every POST in the admin (bulk actions use `QuerySet.update()`, which sends no signal), and
  anything else that changes rows without signals, by calling `bump_content_version()`;
- `migrate`, so that a release's new templates are not hidden behind the old pages;
- the next scheduled publication time, kept on the row: the first request after it renews.
  A model whose rows appear or disappear by the calendar rather than by `published_at` (an
  incentive valid until a date) says when through `next_scheduled_change(now)`, a classmethod
  giving the first such moment after `now`, and `scheduled_changes()`, a row's own moments.

Because the version lives beside the content, a change and its new version commit together or
not at all: while the change is uncommitted other requests see the old rows and the old
version, afterwards the new rows and the new version. Nothing depends on the cache being
reachable when content changes, so an unreachable or restarted Redis can never bring an old
page back, and staff keep working while it is down.

The token is random rather than a counter, so a database restored from a backup never meets
pages stored under the same number for other content.
"""

import contextlib
import uuid

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections, router
from django.db.models import Min, Value
from django.db.models.functions import Coalesce, Least
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from portal.core.models import ContentVersion


def _content_models():
    for model in apps.get_models():
        if model._meta.app_label in settings.CONTENT_APPS:
            yield model


def _next_scheduled_publication():
    """The earliest future `published_at` or scheduled change of any content model, or None."""
    now = timezone.now()
    upcoming = []
    for model in _content_models():
        scheduled = getattr(model, "next_scheduled_change", None)
        if scheduled is not None and (moment := scheduled(now)) is not None:
            upcoming.append(moment)
        if "published_at" not in {f.name for f in model._meta.concrete_fields}:
            continue
        moment = model._base_manager.filter(published_at__gt=now).aggregate(
            first=Min("published_at")
        )["first"]
        if moment is not None:
            upcoming.append(moment)
    return min(upcoming) if upcoming else None


def _store(**values):
    values["changed_at"] = timezone.now()
    if not ContentVersion.objects.filter(pk=ContentVersion.ROW).update(**values):
        ContentVersion.objects.update_or_create(pk=ContentVersion.ROW, defaults=values)


def bump_content_version():
    """Make every cached page stale, and look again for the next scheduled publication.

    Call it after changing content without a model signal, in the same transaction.
    """
    _store(token=uuid.uuid4().hex, next_publication=_next_scheduled_publication())


def note_change(instance=None):
    """Renew the token for a change to `instance`: one query. A future publication time on it
    brings the row's next publication forward; one moved later leaves the earlier time, which
    then costs one renewal more, never a page shown too long."""
    values = {"token": uuid.uuid4().hex}
    now = timezone.now()
    moments = [getattr(instance, "published_at", None)]
    if hasattr(instance, "scheduled_changes"):
        moments.extend(instance.scheduled_changes())
    future = [moment for moment in moments if moment is not None and moment > now]
    if future:
        moment = min(future)
        values["next_publication"] = Least(Coalesce("next_publication", Value(moment)), moment)
    _store(**values)


def _read_row():
    """`(token, next_publication)` of the row, or None: one primary-key read on a cursor.

    Every page served from the cache makes this read, so it skips the ORM's query building
    (three quarters of a cache hit's time when it went through a QuerySet) and applies the
    backend's own converters to the timestamp, as the ORM would.
    """
    connection = connections[router.db_for_read(ContentVersion)]
    meta = ContentVersion._meta
    field = meta.get_field("next_publication")
    with connection.cursor() as cursor:
        cursor.execute(_row_sql(connection), [ContentVersion.ROW])
        found = cursor.fetchone()
    if found is None:
        return None
    token, until = found
    expression = field.get_col(meta.db_table)
    for converter in connection.ops.get_db_converters(expression) + field.get_db_converters(
        connection
    ):
        until = converter(until, expression, connection)
    return token, until


def _row_sql(connection):
    # Only the model's own table and column names, quoted by the backend; the key is a
    # parameter.
    quote = connection.ops.quote_name
    meta = ContentVersion._meta
    columns = f"{quote(meta.get_field('token').column)}, " + quote(
        meta.get_field("next_publication").column
    )
    table, key = quote(meta.db_table), quote(meta.pk.column)
    return f"SELECT {columns} FROM {table} WHERE {key} = %s"  # noqa: S608


def current():
    """The version to render with now: `(token, seconds it stays valid or None)`.

    One query while nothing is due; at the next scheduled publication the first request
    renews the row (and so stores nothing for the moment that has passed).
    """
    found = _read_row()
    now = timezone.now()
    if found is None or (found[1] is not None and found[1] <= now):
        bump_content_version()
        found = _read_row()
    token, until = found
    return token, (until - now).total_seconds() if until is not None else None


def content_version():
    """The token of the content as it is now."""
    return current()[0]


def _content_changed(sender, **kwargs):
    # Historical models of migrations have their own registry, and no page shows them.
    if sender._meta.app_label not in settings.CONTENT_APPS or sender._meta.apps is not apps:
        return
    if kwargs.get("action", "post_").startswith("pre_"):
        return
    note_change(kwargs.get("instance"))


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_content_changed, dispatch_uid=f"content-version-{id(signal)}")


def release_renews_the_content_version(**kwargs):
    # `migrate` of one app at a time (or `--plan`): the table may not exist yet.
    with contextlib.suppress(DatabaseError):
        bump_content_version()
