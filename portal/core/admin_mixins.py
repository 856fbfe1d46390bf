"""Admin pieces every app shares: image thumbnails, the publish and withdraw actions, and which
languages a record is complete in, for editors closing the gaps.

A field counts for a language when it has a value in some language: a project without a
description in either language is not "missing Chinese", one with an English description and
no Chinese one is. The list column and the filter use the same rule, the filter in SQL.

Usage: `class ProjectAdmin(LanguageCompletenessMixin, TranslationAdmin): ...`; set
`i18n_fields` to check fewer fields than all the model's translated ones.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from portal.core import content_version, revisions
from portal.core.languages import is_complete

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


class PublishActionsMixin:
    """Publish or withdraw many records at once, for staff who may change them.

    The model says what publishing means (`portal.core.models.PublishableBase`). Publishing
    stamps a record's publication time with now, unless a later time schedules it: a draft
    written last month goes out dated today. Withdrawing leaves the time alone. The rows
    and the content version change in one transaction, so cached pages change with them, and
    each changed row gets a line in its history and, for a versioned model, a version of its
    own (`portal.core.revisions`).
    """

    actions = ("publish", "unpublish")

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


def translated_fields(model):
    return tuple(translator.get_options_for_model(model).fields)


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
        fields = self.model_admin.get_i18n_fields()
        return queryset.filter(missing_language_q(fields, language))

    def __init__(self, request, params, model, model_admin):
        self.model_admin = model_admin
        super().__init__(request, params, model, model_admin)


class LanguageCompletenessMixin:
    """Adds the "languages complete" column and the "missing ..." filter to a TranslationAdmin."""

    i18n_fields = None

    def get_i18n_fields(self):
        return tuple(self.i18n_fields or translated_fields(self.model))

    def get_list_display(self, request):
        return (*super().get_list_display(request), "languages_complete")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingLanguageFilter)

    @admin.display(description=_("languages complete"))
    def languages_complete(self, obj):
        fields = filled_fields(obj, self.get_i18n_fields())
        return " ".join(
            f"{SHORT_NAMES.get(code, code)} {'✓' if is_complete(obj, fields, code) else '✗'}"
            for code, _name in settings.LANGUAGES
        )
