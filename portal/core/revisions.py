"""Versions of the content records, so that staff can see and undo any change.

django-reversion keeps a version of a record, with its inline rows, each time it is saved
through the admin, published or withdrawn from a list, restored, or deleted. `RevisionAdmin`
adds to its `VersionAdmin`:

- a history page where any two versions are compared field by field, old and new value side
  by side, labels in the reader's language, inline rows (costs, images, milestones) included;
- restoring a version through django-reversion's confirmation form: the restore is saved as a
  version of its own, so it can be undone in turn;
- a version kept just before a deletion, so that "Recover deleted ..." always has it;
- history messages stored as Django's change-message structure, translated when read.

Each record's bulk change or deletion is a revision of its own: restoring one record never
brings back others that happened to be changed with it.

A version tells the truth only if saving unchanged data changes nothing. `NormalisedTextForm`
(admin forms, inlines included) reads submitted text with `\\n` line endings and surrounding
blanks stripped, before comparing it with what is stored; `NormalisedTextMixin` (models)
stores `\\n` line endings however a row is saved. Times set by code rather than typed (the
seed data, the publish action) are whole seconds, as the admin's time input shows them.
"""

import datetime
import json
from decimal import Decimal

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin
from reversion.models import Version

from portal.core.editors_desk import EditorsDeskMixin
from portal.core.review.editing import ReviewedEditingMixin

EMPTY = "–"


def normalise_line_endings(value):
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def normalise_text(value):
    """What a form stores of submitted text: `\\n` line endings, no surrounding blanks."""
    value = normalise_line_endings(value)
    return value.strip() if isinstance(value, str) else value


def _translated_originals(model):
    """`name` of `name_en`/`name_zh_hans`: read and written through the reader's language,
    so it is normalised through its language columns instead."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def normalise_instance(obj):
    originals = _translated_originals(type(obj))
    for field in obj._meta.concrete_fields:
        if field.name in originals:
            continue
        if isinstance(field, models.CharField | models.TextField):
            setattr(obj, field.attname, normalise_line_endings(getattr(obj, field.attname)))


class NormalisedTextMixin:
    """For content models: every way of saving stores `\\n` line endings, as the admin form
    does. Blanks are the form's to strip: text stored by code is kept as it was given (the
    open data's formula guard is tested on cells that begin with a tab or spaces)."""

    def save(self, *args, **kwargs):
        normalise_instance(self)
        super().save(*args, **kwargs)


class NormalisedTextForm(forms.ModelForm):
    """Normalises the submitted text before the form compares it with the stored value, so
    a browser's `\\r\\n` line endings are not reported as a change nobody made."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound or not hasattr(self.data, "getlist"):
            return
        data = self.data.copy()
        for name, field in self.fields.items():
            key = self.add_prefix(name)
            if isinstance(field, forms.CharField) and key in data:
                data.setlist(key, [normalise_text(value) for value in data.getlist(key)])
        self.data = data


class NormalisedInlineMixin:
    form = NormalisedTextForm


def _message_names(*names):
    """Names for a change message, kept untranslated and translated when the message is read,
    as Django's admin stores them."""
    with translation.override(None):
        return [str(name) for name in names]


def changed_message(model, field_names):
    labels = _message_names(*(capfirst(model._meta.get_field(n).verbose_name) for n in field_names))
    return [{"changed": {"fields": labels}}]


def keep_version(request, obj, message):
    """One revision holding `obj` as it is now, by the user of `request`."""
    if not reversion.is_registered(type(obj)):
        return
    with reversion.create_revision():
        reversion.set_user(request.user)
        reversion.set_comment(json.dumps(message))
        reversion.add_to_revision(obj)


def field_label(field):
    original = getattr(field, "translated_field", None)
    if isinstance(field, TranslationField) and original is not None:
        return gettext("%(field)s (%(language)s)") % {
            "field": capfirst(original.verbose_name),
            "language": dict(settings.LANGUAGES).get(field.language, field.language),
        }
    return capfirst(field.verbose_name)


def display_value(field, value):
    if value is None or value == "" or value == []:
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if field.many_to_many:
        rows = field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(sorted(str(row) for row in rows)) or EMPTY
    if field.is_relation:
        row = field.related_model._base_manager.filter(pk=value).first()
        return str(row) if row is not None else f"#{value}"
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if isinstance(value, datetime.date):
        return formats.localize(value)
    if isinstance(field, models.DecimalField):
        value = Decimal(value).quantize(Decimal(1).scaleb(-field.decimal_places))
    if isinstance(value, int | float | Decimal):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def content_fields(model, skip=()):
    """The fields an editor changes, in form order: no ids, no timestamps, no mirror column
    of a translated field."""
    originals = _translated_originals(model)
    return [
        field
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
        if field.editable
        and not field.primary_key
        and field.name not in originals
        and field.name not in skip
    ]


def content_data(version, skip=()):
    """A version's values of the fields an editor changes, by attribute name."""
    data = version.field_dict
    return {f.attname: data.get(f.attname) for f in content_fields(version._model, skip)}


def changed_fields(model, old, new, skip=()):
    """[(field, old value, new value)] for the fields that differ between two data dicts.
    An empty text and no text at all (a translation column's NULL) are the same."""
    changes = []
    for field in content_fields(model, skip):
        before = old.get(field.attname) if old is not None else None
        after = new.get(field.attname) if new is not None else None
        if field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        if before in (None, "") and after in (None, ""):
            continue
        if before != after:
            changes.append((field, before, after))
    return changes


def field_changes(model, old, new, skip=()):
    """[(label, old value, new value)] for the fields that differ between two data dicts."""
    return [
        (field_label(field), display_value(field, before), display_value(field, after))
        for field, before, after in changed_fields(model, old, new, skip)
    ]


def kept_versions():
    """Versions of what was live: a change still waiting for review (portal.core.review) is
    not part of a record's history."""
    return Version.objects.filter(revision__pending_change__isnull=True)


def snapshot(obj):
    """An unsaved version of `obj` as it is stored now, to compare with kept ones."""
    return Version(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        format="json",
        serialized_data=serializers.serialize("json", [obj]),
        object_repr=str(obj),
    )


class RevisionAdmin(ReviewedEditingMixin, EditorsDeskMixin, VersionAdmin):
    """VersionAdmin with field-by-field comparison and truthful history messages, and the
    editors' desk (kept uploads, error summary, refused conflicting saves)."""

    form = NormalisedTextForm
    object_history_template = "admin/revisions/object_history.html"
    compare_template = "admin/revisions/compare.html"
    history_latest_first = True

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def log_addition(self, request, obj, message):
        entry = admin.ModelAdmin.log_addition(self, request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = admin.ModelAdmin.log_change(self, request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "action" in request.POST:
            # Outside the list's revision, so that each record an action changes or deletes
            # is a revision of its own (PublishActionsMixin, delete_queryset).
            context = {"has_change_permission": self.has_change_permission(request)}
            context.update(extra_context or {})
            return admin.ModelAdmin.changelist_view(self, request, context)
        return super().changelist_view(request, extra_context)

    def delete_model(self, request, obj):
        self.keep_before_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.keep_before_deletion(request, obj)
        super().delete_queryset(request, queryset)

    def keep_before_deletion(self, request, obj):
        name, title = _message_names(self.model._meta.verbose_name, obj)
        keep_version(request, obj, [{"deleted": {"name": name, "object": title}}])

    def inline_relations(self):
        """(model, foreign key to this model) of each inline, as the versions follow them."""
        relations = []
        for inline in self.inlines:
            for field in inline.model._meta.concrete_fields:
                if field.is_relation and field.related_model is self.model:
                    relations.append((inline.model, field))
                    break
        return relations

    def _url(self, name, *args):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}",
            args=[quote(arg) for arg in args],
        )

    def history_view(self, request, object_id, extra_context=None):
        """Each version with links to compare it with the one before and to restore it."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = self._reversion_order_version_queryset(
            request,
            kept_versions()
            .get_for_object_reference(self.model, object_id)
            .select_related("revision__user"),
        )
        context = {
            "versions": [
                (version, self._url("revision", object_id, version.pk)) for version in versions
            ],
            "compare_url": self._url("compare", object_id),
            **(extra_context or {}),
        }
        return admin.ModelAdmin.history_view(self, request, quote(object_id), context)

    def compare_view(self, request, object_id):
        """Two versions side by side: `?old=<id>&new=<id>`, or `?new=<id>` for the change it
        made. A deleted record's versions can be compared too, before it is recovered."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        obj = self.get_object(request, object_id)
        if obj is not None and not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = kept_versions().get_for_object_reference(self.model, object_id)
        versions = versions.select_related("revision__user")
        new = get_object_or_404(versions, pk=_version_id(request.GET.get("new")))
        old_id = request.GET.get("old")
        if old_id:
            old = get_object_or_404(versions, pk=_version_id(old_id))
        else:
            old = versions.filter(pk__lt=new.pk).order_by("-pk").first()
        if old is not None and old.pk > new.pk:
            old, new = new, old
        may_restore = obj is not None and self.has_change_permission(request, obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "object_id": object_id,
            "title": gettext("Compare versions of %(name)s") % {"name": obj or new.object_repr},
            "old": old,
            "new": new,
            "fields": field_changes(self.model, old.field_dict if old else None, new.field_dict),
            "inline_rows": self.compare_inlines(old, new, object_id),
            "restore_old_url": old and may_restore and self._url("revision", object_id, old.pk),
            "restore_new_url": may_restore and self._url("revision", object_id, new.pk),
            "history_url": obj is not None and self._url("history", object_id),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.compare_template, context)

    def compare_inlines(self, old, new, pk):
        """[(row name, [(label, old, new)])] for the inline rows added, removed or changed."""
        return self.inline_changes(
            lambda model, parent: _rows_of(old, model, parent, pk),
            lambda model, parent: _rows_of(new, model, parent, pk),
        )

    def compare_live_inlines(self, new, pk):
        """The same between the rows stored now and the version `new`."""
        return self.inline_changes(
            lambda model, parent: {
                str(row.pk): snapshot(row)
                for row in model._base_manager.filter(**{parent.attname: pk})
            },
            lambda model, parent: _rows_of(new, model, parent, pk),
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not kept_versions().filter(pk=_version_id(version_id)).exists():
            raise Http404
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not kept_versions().filter(pk=_version_id(version_id)).exists():
            raise Http404
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        """Django-reversion's list of deleted records, without additions still waiting for
        review (they were never live, so there is nothing to recover)."""
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        deleted = self._reversion_order_version_queryset(
            request,
            kept_versions().get_deleted(self.model).select_related("revision"),
        )
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "module_name": capfirst(opts.verbose_name),
            "title": gettext("Recover deleted %(name)s") % {"name": opts.verbose_name_plural},
            "deleted": deleted,
            **(extra_context or {}),
        }
        return TemplateResponse(
            request,
            self.recover_list_template or self._reversion_get_template_list("recover_list.html"),
            context,
        )

    def inline_changes(self, rows_before, rows_after):
        rows = []
        for model, parent in self.inline_relations():
            before = rows_before(model, parent)
            after = rows_after(model, parent)
            for object_id in sorted({*before, *after}, key=_natural):
                was, now = before.get(object_id), after.get(object_id)
                changes = field_changes(
                    model,
                    was.field_dict if was else None,
                    now.field_dict if now else None,
                    skip=(parent.name,),
                )
                if changes:
                    name = capfirst(model._meta.verbose_name)
                    # Named in the reader's language, as the record itself is.
                    title = str((now or was)._object_version.object)
                    label = gettext("%(row)s “%(name)s”") % {"row": name, "name": title}
                    rows.append((label, changes))
        return rows


def _version_id(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def _natural(object_id):
    return (len(object_id), object_id)


def _rows_of(version, model, parent, pk):
    if version is None:
        return {}
    rows = Version.objects.get_for_model(model).filter(revision_id=version.revision_id)
    return {
        row.object_id: row for row in rows if str(row.field_dict.get(parent.attname)) == str(pk)
    }


class SiteHistoryAdmin(admin.ModelAdmin):
    """Every version kept on the site, newest first: read-only, for administrators (the
    permission to view versions)."""

    list_display = ("changed_at", "changed_by", "record_type", "record", "comment")
    list_filter = (
        ("revision__user", admin.RelatedOnlyFieldListFilter),
        ("content_type", admin.RelatedOnlyFieldListFilter),
        ("revision__date_created", admin.DateFieldListFilter),
    )
    list_select_related = ("revision__user", "content_type")
    search_fields = ("object_repr", "revision__comment")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(revision__pending_change__isnull=True)

    date_hierarchy = "revision__date_created"
    ordering = ("-revision__date_created", "-pk")
    list_per_page = 50
    # "N of M" would count the whole log a second time on every page.
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("date/time"), ordering="revision__date_created")
    def changed_at(self, version):
        return formats.localize(timezone.localtime(version.revision.date_created))

    @admin.display(description=_("user"), ordering="revision__user")
    def changed_by(self, version):
        user = version.revision.user
        return user.get_username() if user else EMPTY

    @admin.display(description=_("kind of record"), ordering="content_type")
    def record_type(self, version):
        model = version.content_type.model_class()
        return capfirst(model._meta.verbose_name) if model else version.content_type.model

    @admin.display(description=_("record"))
    def record(self, version):
        ct = version.content_type
        try:
            url = reverse(
                f"{self.admin_site.name}:{ct.app_label}_{ct.model}_compare",
                args=[quote(version.object_id)],
            )
        except NoReverseMatch:  # an inline row: it is compared on its owner's page
            return version.object_repr
        return format_html('<a href="{}?new={}">{}</a>', url, version.pk, version.object_repr)

    @admin.display(description=_("change"))
    def comment(self, version):
        return version.revision.get_comment()
