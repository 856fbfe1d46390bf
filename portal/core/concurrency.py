"""Two people editing one record: the second save is refused, and nothing of either is lost.

A change form carries, in a hidden field, the id of the record's latest version when it was
opened (its edit-start token; "0" when it had none). Every save through the admin, every bulk
action and every restore keeps a version (`portal.core.revisions`), so a version newer than the
token means somebody saved meanwhile. The second save is then refused: the form comes back
with what its editor typed (files kept, `portal.core.upload_stash`), with who saved, when, and
what they changed, side by side, from the versions. The first editor's save is in the versions
whatever happens next. The re-rendered form carries the newest token, so saving again is a
decision to replace what the other person saved, taken knowing what it was.

A post without the token (a script, an old tab from before this existed) is not checked.
"""

from dataclasses import dataclass, field

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
            "not saved yet: they are still in the form below. Compare them with what was "
            "saved meanwhile, then save again to replace it."
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
    if before is not None:
        conflict.fields = revisions.field_changes(
            model, before.field_dict, conflict.latest.field_dict
        )
        if hasattr(model_admin, "compare_inlines"):
            conflict.inline_rows = model_admin.compare_inlines(before, conflict.latest, obj.pk)
    return conflict
