"""Admin pieces every app shares: image thumbnails, the publish and withdraw actions, and which
languages a record is complete in, for editors closing the gaps.

A field counts for a language when it has a value in some language: a project without a
description in either language is not "missing Chinese", one with an English description and
no Chinese one is. The list column and the filter use the same rule, the filter in SQL.

Usage: `class ProjectAdmin(LanguageCompletenessMixin, TranslationAdmin): ...`; set
`i18n_fields` to check fewer fields than all the model's translated ones.
"""

import datetime
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.contrib.admin.widgets import AdminSplitDateTime
from django.db import transaction
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.forms.models import BaseInlineFormSet
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from portal.core import content_version, revisions
from portal.core.bilingual import language_name
from portal.core.languages import content_languages, missing_languages
from portal.core.models import PublicationState, publication_state, review_overdue_q

THUMBNAIL_WIDTH = 96


def thumbnail_html(obj, image_field="image", alt_field="alt_text"):
    """A small preview of the image in `obj.<image_field>`, or a dash.

    The height comes from the field's stored `height_field` and `width_field`, so a list of
    a hundred rows opens no image file. Defaults fit a gallery row (ProjectImage, ParkImage);
    an article's cover is `thumbnail_html(article, "cover", "cover_alt")`.
    """
    file = getattr(obj, image_field, None) if obj is not None else None
    if not file:
        return "–"
    field = obj._meta.get_field(image_field)
    stored_width = getattr(obj, field.width_field, None) if field.width_field else None
    stored_height = getattr(obj, field.height_field, None) if field.height_field else None
    width = THUMBNAIL_WIDTH
    height = round(width * stored_height / stored_width) if stored_width and stored_height else ""
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy">',
        file.url,
        getattr(obj, alt_field, "") or "",
        width,
        height,
    )


class DeskMediaMixin:
    """The admin's own small stylesheet: status badges, compact list columns, narrow inlines."""

    class Media:
        css = {"all": ["css/admin-desk.css"]}


def status_badge_html(obj):
    """Draft, Scheduled (with its time) or Published, as a compact coloured badge."""
    state = publication_state(obj)
    if state == PublicationState.SCHEDULED:
        when = timezone.localtime(getattr(obj, obj.publication_time_field))
        return format_html(
            '<span class="status-badge status-{}">{}<br><time datetime="{}">{}</time></span>',
            state.value,
            state.label,
            when.isoformat(),
            formats.date_format(when, "SHORT_DATETIME_FORMAT"),
        )
    return format_html('<span class="status-badge status-{}">{}</span>', state.value, state.label)


class PublicationStateFilter(admin.SimpleListFilter):
    """Draft, Scheduled or Published: what visitors see now, not only the flag."""

    title = _("publication status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PublicationState.choices

    def queryset(self, request, queryset):
        model = queryset.model
        published = Q(**{model.publication_field: model.published_value})
        if self.value() == PublicationState.DRAFT:
            return queryset.exclude(published)
        if self.value() == PublicationState.SCHEDULED:
            if not model.publication_time_field:
                return queryset.none()
            return queryset.filter(published).exclude(model.published_q())
        if self.value() == PublicationState.PUBLISHED:
            return queryset.filter(model.published_q())
        return queryset


class ReviewDueFilter(admin.SimpleListFilter):
    """What someone should check again: overdue (or never dated), due soon, or not yet due."""

    title = _("review")
    parameter_name = "review"
    SOON_DAYS = 30

    def lookups(self, request, model_admin):
        return [
            ("overdue", _("Overdue for review")),
            ("soon", _("Due within 30 days")),
            ("current", _("Reviewed and current")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        soon = today + datetime.timedelta(days=self.SOON_DAYS)
        if self.value() == "overdue":
            return queryset.filter(review_overdue_q(today))
        if self.value() == "soon":
            return queryset.filter(review_by__gte=today, review_by__lte=soon)
        if self.value() == "current":
            return queryset.filter(review_by__gt=soon)
        return queryset


@admin.display(description=_("review by"), ordering=F("review_by").asc(nulls_first=True))
def review_by_column(obj):
    """The "review by" date, flagged when it has passed or was never set."""
    if obj.review_by is None:
        return format_html('<span class="status-badge status-overdue">{}</span>', _("Not set"))
    text = formats.date_format(obj.review_by, "SHORT_DATE_FORMAT")
    if obj.review_overdue:
        return format_html(
            '<span class="status-badge status-overdue">{}<br>{}</span>', _("Overdue"), text
        )
    return text


def _drops_required(formfield, db_field):
    """A translated column's form field is optional: the model (portal.core.bilingual) or
    the inline's formset decides what each language needs, draft or published."""
    if formfield is not None and getattr(db_field, "translated_field", None) is not None:
        formfield.required = False
    return formfield


class EitherLanguageMixin:
    """For a TranslationAdmin whose model mixes in `portal.core.bilingual.BilingualToPublish`:
    a draft saves with its name in either language (modeltranslation would require English)."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return _drops_required(formfield, db_field)


def required_translated_fields(model):
    """The translated fields a row cannot do without (the model field is not blank)."""
    return [name for name in translated_fields(model) if not model._meta.get_field(name).blank]


class EitherLanguageInlineFormSet(BaseInlineFormSet):
    """Each row needs its required texts in one language, and in every language once the
    record it belongs to is published: an image's text alternative, a milestone's title."""

    def clean(self):
        super().clean()
        parent = self.instance
        field = getattr(parent, "publication_field", None)
        publishing = field is not None and getattr(parent, field) == parent.published_value
        required = required_translated_fields(self.model)
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            for name in required:
                self._check_languages(form, name, publishing)

    def _check_languages(self, form, name, publishing):
        languages = content_languages()
        columns = {code: build_localized_fieldname(name, code) for code in languages}
        values = {code: form.cleaned_data.get(column) for code, column in columns.items()}
        label = self.model._meta.get_field(name).verbose_name
        if not any(values.values()):
            form.add_error(
                columns[languages[0]],
                gettext("Give the %(field)s in English or in Chinese.") % {"field": label},
            )
            return
        if publishing:
            for code, value in values.items():
                if not value:
                    form.add_error(
                        columns[code],
                        gettext("Needed in %(language)s to publish.")
                        % {"language": language_name(code)},
                    )


class EitherLanguageInlineMixin:
    formset = EitherLanguageInlineFormSet

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        return _drops_required(formfield, db_field)


class PublishActionsMixin(DeskMediaMixin):
    """Publish or withdraw many records at once, for staff who may change them.

    The model says what publishing means (`portal.core.models.PublishableBase`). Publishing
    stamps a record's publication time with now, unless a later time schedules it: a draft
    written last month goes out dated today. Withdrawing leaves the time alone. The rows
    and the content version change in one transaction, so cached pages change with them, and
    each changed row gets a line in its history and, for a versioned model, a version of its
    own (`portal.core.revisions`).
    """

    actions = ("publish", "unpublish")

    @admin.display(description=_("status"), ordering="published_at")
    def publication_status(self, obj):
        return status_badge_html(obj)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Django shows the publication time's date and time inputs under the field's legend
        # with bare "Date:" and "Time:" text; each input gets that text as its own name.
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, AdminSplitDateTime):
            widget.widgets[0].attrs["aria-label"] = pgettext_lazy("date input", "Date")
            widget.widgets[1].attrs["aria-label"] = pgettext_lazy("time of day input", "Time")
        return formfield

    @admin.action(
        description=_("Publish the selected %(verbose_name_plural)s"), permissions=["change"]
    )
    def publish(self, request, queryset):
        model = queryset.model
        # To the second, as the change form shows it: saving the form unchanged changes nothing.
        now = timezone.now().replace(microsecond=0)
        changes = {model.publication_field: model.published_value, "updated_at": now}
        time_field = model.publication_time_field
        with transaction.atomic():
            drafts = queryset.exclude(**{model.publication_field: model.published_value})
            scheduled = 0
            if time_field:
                scheduled = drafts.filter(**{f"{time_field}__gt": now}).count()
                changes[time_field] = Case(
                    When(**{f"{time_field}__gt": now}, then=F(time_field)), default=Value(now)
                )
            count = self._update_and_record(request, drafts, changes)
        self.message_user(
            request,
            gettext("%(count)d %(items)s published.")
            % {"count": count, "items": model_ngettext(self.opts, count)},
            messages.SUCCESS,
        )
        if scheduled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d of them is scheduled: it appears at its publication time.",
                    "%(count)d of them are scheduled: they appear at their publication time.",
                    scheduled,
                )
                % {"count": scheduled},
                messages.INFO,
            )

    def _update_and_record(self, request, queryset, changes):
        """`queryset.update(**changes)`, then a history line and a version for each row."""
        model = queryset.model
        pks = list(queryset.values_list("pk", flat=True))
        count = model._base_manager.filter(pk__in=pks).update(**changes)
        if not count:
            return 0
        content_version.bump_content_version()
        fields = [name for name in changes if name != "updated_at"]
        message = revisions.changed_message(model, fields)
        for obj in model._base_manager.filter(pk__in=pks):
            self.log_change(request, obj, message)
            revisions.keep_version(request, obj, message)
        return count

    @admin.action(
        description=_("Withdraw the selected %(verbose_name_plural)s from the site"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        model = queryset.model
        with transaction.atomic():
            count = self._update_and_record(
                request,
                queryset.filter(**{model.publication_field: model.published_value}),
                {model.publication_field: model.withdrawn_value, "updated_at": timezone.now()},
            )
        self.message_user(
            request,
            gettext("%(count)d %(items)s withdrawn from the site.")
            % {"count": count, "items": model_ngettext(self.opts, count)},
            messages.SUCCESS,
        )


SHORT_NAMES = {"en": "EN", "zh-hans": "中文"}
MISSING_LABELS = {"en": _("Missing English"), "zh-hans": _("Missing Chinese")}
# Beyond this many, the column says how many more are missing rather than naming them.
MISSING_NAMED = 4


def translated_fields(model):
    """The model's translated fields, in the order of its fields (as the form shows them)."""
    try:
        names = set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()
    return tuple(field.name for field in model._meta.fields if field.name in names)


def filled_fields(obj, fields):
    """The fields that have a value in at least one language."""
    languages = [code for code, _name in settings.LANGUAGES]
    return [
        name
        for name in fields
        if any(getattr(obj, build_localized_fieldname(name, code), None) for code in languages)
    ]


def _empty(column):
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def missing_language_q(fields, language):
    """Rows where some field has a value in another language but none in `language`."""
    others = [code for code, _name in settings.LANGUAGES if code != language]
    conditions = []
    for name in fields:
        own = build_localized_fieldname(name, language)
        filled_elsewhere = reduce(
            or_, (~_empty(build_localized_fieldname(name, code)) for code in others)
        )
        conditions.append(_empty(own) & filled_elsewhere)
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("languages")
    parameter_name = "missing_language"

    def lookups(self, request, model_admin):
        return [
            (code, MISSING_LABELS.get(code, _("Missing %(language)s") % {"language": name}))
            for code, name in settings.LANGUAGES
        ]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in dict(settings.LANGUAGES):
            return queryset
        condition = missing_language_q(self.model_admin.get_i18n_fields(), language)
        for relation in self.model_admin.i18n_relations():
            rows = relation.model._base_manager.filter(**{relation.fk_name: OuterRef("pk")})
            condition |= Exists(rows.filter(missing_language_q(relation.fields, language)))
        return queryset.filter(condition)

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)


class I18nRelation:
    """An inline's rows as "languages complete" counts them: milestones, captions, documents'
    titles, cost labels."""

    def __init__(self, inline):
        self.model = inline.model
        self.fields = translated_fields(inline.model)
        self.fk_name = inline.fk_name or _fk_to(inline.model, inline.parent_model)
        self.accessor = self.model._meta.get_field(self.fk_name).remote_field.get_accessor_name()

    def rows(self, obj):
        return getattr(obj, self.accessor).all()


def _fk_to(model, parent):
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is parent:
            return field.name
    raise LookupError(f"{model.__name__} has no foreign key to {parent.__name__}")


def _field_label(model, name):
    return str(model._meta.get_field(name).verbose_name)


class LanguageCompletenessMixin(DeskMediaMixin):
    """Adds the "languages complete" column and the "missing ..." filter to a TranslationAdmin.

    Both count the translated fields of the inline rows too (a milestone titled in English
    only makes the project "missing Chinese"), and the column names what is missing. Place
    `languages_complete` and `MissingLanguageFilter` in `list_display` and `list_filter` to
    choose where they go; otherwise they come last.
    """

    i18n_fields = None

    def get_i18n_fields(self):
        return tuple(self.i18n_fields or translated_fields(self.model))

    def i18n_relations(self):
        return [
            I18nRelation(inline)
            for inline in self.get_inline_instances_for_languages()
            if translated_fields(inline.model)
        ]

    def get_inline_instances_for_languages(self):
        return [inline(self.model, self.admin_site) for inline in self.inlines]

    def get_queryset(self, request):
        accessors = [relation.accessor for relation in self.i18n_relations()]
        return super().get_queryset(request).prefetch_related(*accessors)

    def get_list_display(self, request):
        columns = tuple(super().get_list_display(request))
        return columns if "languages_complete" in columns else (*columns, "languages_complete")

    def get_list_filter(self, request):
        filters = tuple(super().get_list_filter(request))
        if MissingLanguageFilter in filters:
            return filters
        return (*filters, MissingLanguageFilter)

    def missing_fields(self, obj):
        """{language: [label]}: the record's fields, then its inline rows' ("milestone 2:
        title"), that have a value in another language but none in this one."""
        missing = {
            code: [_field_label(self.model, name) for name in names]
            for code, names in missing_languages(obj, self.get_i18n_fields()).items()
        }
        for relation in self.i18n_relations():
            noun = relation.model._meta.verbose_name
            for number, row in enumerate(relation.rows(obj), start=1):
                for code, names in missing_languages(row, relation.fields).items():
                    missing[code].extend(
                        gettext("%(row)s %(number)d: %(field)s")
                        % {
                            "row": noun,
                            "number": number,
                            "field": _field_label(relation.model, name),
                        }
                        for name in names
                    )
        return missing

    @admin.display(description=_("languages complete"))
    def languages_complete(self, obj):
        parts = []
        for code, labels in self.missing_fields(obj).items():
            short = SHORT_NAMES.get(code, code)
            if not labels:
                parts.append(format_html('<span class="lang-ok">{} ✓</span>', short))
                continue
            named = gettext(", ").join(labels[:MISSING_NAMED])
            if len(labels) > MISSING_NAMED:
                more = len(labels) - MISSING_NAMED
                named = ngettext(
                    "%(named)s and %(count)d more", "%(named)s and %(count)d more", more
                ) % {"named": named, "count": more}
            parts.append(
                format_html(
                    '<span class="lang-missing">{} ✗</span> <small class="missing-fields">{}</small>',
                    short,
                    gettext("missing: %(fields)s") % {"fields": named},
                )
            )
        return format_html_join(" ", "{}", ((part,) for part in parts))
