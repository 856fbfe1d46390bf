"""Two people editing one record: the second save is refused, and nothing of either is lost.

A change form carries, in a hidden field, the id of the record's latest version when it was
opened (its edit-start token; "0" when it had none). Every save through the admin, every bulk
action and every restore keeps a version (`portal.core.revisions`), so a version newer than the
token means somebody saved meanwhile. The second save is then refused: the form comes back
with what its editor typed (files kept, `portal.core.upload_stash`), with who saved, when, and
what they changed, side by side, from the versions. The first editor's save is in the versions
whatever happens next, and the fields they changed that the second editor left alone come back
in the form with their values, inline rows included (`carry_their_changes`,
`carry_their_row_changes`), so saving again keeps both; where both
changed a field, the second editor's value stays and the table shows the other. The
re-rendered form carries the newest token, so saving again is a decision taken knowing what
was saved meanwhile.

A post without the token (a script, an old tab from before this existed) is not checked.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from reversion.models import Version

from portal.core import revisions

EDIT_START_FIELD = "_edit_start"


def versions_of(model, pk):
    return Version.objects.get_for_object_reference(model, pk)


def edit_start_token(model, pk):
    latest = versions_of(model, pk).order_by("-pk").values_list("pk", flat=True).first()
    return str(latest or 0)


def posted_token(request):
    """The edit-start token of a posted change form, or None when it carries none."""
    value = request.POST.get(EDIT_START_FIELD)
    if value is None:
        return None
    try:
        return max(int(value), 0)
    except ValueError:
        return 0


def person(user):
    if user is None:
        return gettext("someone whose account no longer exists")
    full_name = user.get_full_name()
    username = user.get_username()
    return f"{full_name} ({username})" if full_name else username


@dataclass
class EditConflict:
    """What was saved after the form was opened."""

    versions: list
    before: object = None
    fields: list = field(default_factory=list)
    inline_rows: list = field(default_factory=list)

    @property
    def latest(self):
        return self.versions[-1]

    @property
    def token(self):
        return str(self.latest.pk)

    @property
    def people(self):
        seen = {}
        for version in self.versions:
            user = version.revision.user
            seen.setdefault(user.pk if user else None, person(user))
        return list(seen.values())

    @property
    def people_text(self):
        return gettext(", ").join(self.people)

    @property
    def saved_at(self):
        return formats.localize(timezone.localtime(self.latest.revision.date_created))

    @property
    def comments(self):
        return [v.revision.get_comment() for v in self.versions if v.revision.get_comment()]

    def message(self):
        return gettext(
            "%(people)s saved this record at %(time)s, after you opened it. Your changes are "
            "not saved yet: they are still in the form below. Check them against what was "
            "saved meanwhile, then save again."
        ) % {"people": self.people_text, "time": self.saved_at}


def find_conflict(model_admin, obj, start):
    """An EditConflict if versions of `obj` newer than the version `start` exist, else None.

    Run inside the save's transaction: the row is locked first (on databases that lock
    rows), so two saves posted at the same moment are judged one after the other."""
    model = type(obj)
    model._base_manager.select_for_update().filter(pk=obj.pk).exists()
    newer = list(
        versions_of(model, obj.pk)
        .filter(pk__gt=start)
        .select_related("revision__user")
        .order_by("pk")
    )
    if not newer:
        return None
    conflict = EditConflict(versions=newer)
    before = versions_of(model, obj.pk).filter(pk=start).first() if start else None
    conflict.before = before
    if before is not None:
        # A time saved to the second, as the form shows it, is no change anyone can see.
        conflict.fields = [
            (label, was, now)
            for label, was, now in revisions.field_changes(
                model, before.field_dict, conflict.latest.field_dict
            )
            if was != now
        ]
        if hasattr(model_admin, "compare_inlines"):
            conflict.inline_rows = model_admin.compare_inlines(before, conflict.latest, obj.pk)
    return conflict


def _same(model_field, stored, value):
    """Whether a stored value (of a version) and a value (stored or cleaned) are the same for
    an editor: an empty text is no text, a row is its key."""
    if isinstance(value, models.Model):
        value = value.pk
    try:
        stored = model_field.to_python(stored)
        value = model_field.to_python(value)
    except ValidationError:  # a value stored under an older schema
        return False
    return (None if stored in (None, "") else stored) == (None if value in (None, "") else value)


def carry_their_changes(form, conflict):
    """Put into the refused form the other person's value of each field they changed and this
    editor left as it was; the labels of those fields. Fields with a plain widget only: split
    date-times, files and many-to-many stay as posted (the table shows them)."""
    if conflict.before is None:
        return []
    return _carry(form, conflict.before.field_dict, conflict.latest.field_dict)


def carry_their_row_changes(formset, conflict):
    """The same for the rows of an inline formset that existed before and still exist:
    [(index of the row's form, [labels carried])] for the rows where something was carried."""
    if conflict.before is None:
        return []
    before = _row_versions(conflict.before, formset.model)
    theirs = _row_versions(conflict.latest, formset.model)
    carried = []
    for index, row_form in enumerate(formset.forms):
        pk = getattr(row_form.instance, "pk", None)
        if pk is None or str(pk) not in before or str(pk) not in theirs:
            continue
        labels = _carry(row_form, before[str(pk)], theirs[str(pk)])
        if labels:
            carried.append((index, labels))
    return carried


def _row_versions(version, model):
    rows = Version.objects.get_for_model(model).filter(revision_id=version.revision_id)
    return {row.object_id: row.field_dict for row in rows}


def _carry(form, before, theirs):
    if not hasattr(form, "cleaned_data"):
        return []
    model = form._meta.model
    data = form.data.copy()
    carried = []
    for name, form_field in form.fields.items():
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        widget = getattr(form_field.widget, "widget", form_field.widget)
        if (
            model_field.many_to_many
            or not model_field.concrete
            or isinstance(widget, forms.MultiWidget | forms.FileInput)
            or name not in form.cleaned_data
        ):
            continue
        old, new = before.get(model_field.attname), theirs.get(model_field.attname)
        if _same(model_field, old, new) or not _same(model_field, old, form.cleaned_data[name]):
            continue
        value = model_field.to_python(new)
        key = form.add_prefix(name)
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[key] = "on"
            else:
                data.pop(key, None)
        else:
            data[key] = "" if value is None else str(value)
        carried.append(str(form_field.label or name))
    form.data = data
    return carried
