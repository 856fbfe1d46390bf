"""The newsroom in the admin: both languages side by side, publishing in one click."""

import base64
import hashlib
import re
from functools import cache

from django.apps import apps
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import (
    LanguageCompletenessMixin,
    PublishActionsMixin,
    thumbnail_html,
)
from portal.core.revisions import RevisionAdmin
from portal.media_library.forms import LibraryImageForm

from .models import Article, Category
from .sanitize import INTERNAL_LINK_KINDS, internal_link

LINK_CHOICES_PER_KIND = 20
_IMPORTMAP = re.compile(r"<script type=\"importmap\"[^>]*>(.*?)</script>", re.DOTALL)
# The base styles Tiptap writes into a <style> element when an editor starts.
_TIPTAP_STYLE = re.compile(r"`(\.ProseMirror \{.*?)`", re.DOTALL)


def _sha256_source(text):
    digest = hashlib.sha256(text.encode()).digest()
    return "'sha256-{}'".format(base64.b64encode(digest).decode("ascii"))


@cache
def _editor_style_hashes():
    path = finders.find("django_prose_editor/editor.js")
    if not path:
        return ()
    with open(path, encoding="utf-8") as script:
        return tuple(_sha256_source(css) for css in _TIPTAP_STYLE.findall(script.read()))


def allow_prose_editor(response):
    """Let the prose editor run under our CSP, by hashes rather than a nonce or unsafe-inline.

    Its module scripts need the inline import map to resolve "django-prose-editor/editor", and
    Tiptap injects its base styles as a <style> element. Hashes allow exactly those two texts
    and nothing else; the browser test of the editor fails if a new version breaks this.
    """
    media = (getattr(response, "context_data", None) or {}).get("media")
    if media is None or not hasattr(media, "render_importmap"):
        return response
    scripts = [
        _sha256_source(content)
        for tag in media.render_importmap()
        for content in _IMPORTMAP.findall(str(tag))
    ]
    if scripts:
        response._csp_update = {"script-src": scripts, "style-src": list(_editor_style_hashes())}
    return response


@admin.register(Category)
class CategoryAdmin(RevisionAdmin, TranslationAdmin):
    list_display = ["name", "slug", "order", "article_count"]
    list_editable = ["order"]
    search_fields = ["name_en", "name_zh_hans", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_total")
    def article_count(self, obj):
        return obj.article_total


class ArticleForm(LibraryImageForm):
    """The cover may come from the media library instead of a file."""

    image_field = "cover"
    alt_field = "cover_alt"


@admin.register(Article)
class ArticleAdmin(LanguageCompletenessMixin, PublishActionsMixin, RevisionAdmin, TranslationAdmin):
    """The "languages complete" column, the "missing ..." filter and the publish actions come
    from the mixins."""

    form = ArticleForm
    # What fits a 1366 px office screen in both languages; the author is a filter.
    list_display = [
        "thumbnail",
        "title",
        "visibility",
        "languages_complete",
        "category",
        "published_at",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "category", "published_at", "author"]
    list_select_related = ["category", "author"]
    search_fields = [
        "title_en",
        "title_zh_hans",
        "summary_en",
        "summary_zh_hans",
        "slug",
        "source_en",
        "source_zh_hans",
    ]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_en"]}
    # Searched by name in either language through the registry admins' search_fields.
    autocomplete_fields = ["projects", "parks"]
    readonly_fields = ["author", "created_at", "updated_at"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (_("Cover"), {"fields": ["cover", "from_library", "cover_alt"]}),
        (
            _("Publication"),
            {
                "fields": ["status", "published_at", "author", "created_at", "updated_at"],
                "description": _(
                    "Visitors see an article once it is published and its publication time "
                    "has come. Staff can preview drafts with “View on site”."
                ),
            },
        ),
        (_("Source"), {"fields": ["source", "source_url"]}),
        (_("Related"), {"fields": ["projects", "parks"]}),
    ]

    @admin.display(description=_("cover"))
    def thumbnail(self, obj):
        return thumbnail_html(obj, "cover", "cover_alt")

    @admin.display(description=_("status"), ordering="status")
    def visibility(self, obj):
        if obj.status == Article.Status.DRAFT:
            return _("Draft")
        if obj.published_at > timezone.now():
            return _("Scheduled")
        return _("Published")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            # An address typed without a scheme is read as https: most news offices serve it.
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        choices = path(
            "link-choices/",
            self.admin_site.admin_view(self.link_choices_view),
            name="news_article_link_choices",
        )
        return [choices, *super().get_urls()]

    def link_choices_view(self, request):
        """Projects, parks and articles whose name matches `?q=` in either language, as JSON
        with their language-neutral link: what the editor's link picker lists."""
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            raise PermissionDenied
        words = request.GET.get("q", "").split()[:5]
        choices = []
        for kind, label in INTERNAL_LINK_KINDS.items():
            model = apps.get_model(label)
            name = "title" if kind == "article" else "name"
            records = model._base_manager.order_by(f"-{model.publication_time_field}", "-pk")
            for word in words:
                records = records.filter(
                    Q(**{f"{name}_en__icontains": word}) | Q(**{f"{name}_zh_hans__icontains": word})
                )
            choices += [
                {
                    "kind": kind,
                    "kind_label": str(model._meta.verbose_name),
                    "name": str(record),
                    "href": internal_link(kind, record.pk),
                    "visible": record.is_visible,
                }
                for record in records[:LINK_CHOICES_PER_KIND]
            ]
        return JsonResponse({"items": choices})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return allow_prose_editor(
            super().changeform_view(request, object_id, form_url, extra_context)
        )
