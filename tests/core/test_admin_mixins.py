import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.test import RequestFactory
from django.utils.html import strip_tags
from modeltranslation.admin import TranslationAdmin

from portal.core.admin_mixins import (
    LanguageCompletenessMixin,
    MissingLanguageFilter,
    thumbnail_html,
)
from portal.news.models import Article
from projects.models import Park, Project, ProjectImage
from tests.factories import make_article, make_park, make_project

from .test_renditions import upload

pytestmark = pytest.mark.django_db


class ProjectLanguagesAdmin(LanguageCompletenessMixin, TranslationAdmin):
    list_display = ("name",)


class ParkLanguagesAdmin(LanguageCompletenessMixin, TranslationAdmin):
    list_display = ("name",)
    i18n_fields = ("name", "summary")


class ArticleLanguagesAdmin(LanguageCompletenessMixin, TranslationAdmin):
    list_display = ("title",)
    list_filter = ("status",)


def _changelist(model, model_admin_class, **params):
    request = RequestFactory().get("/", params)
    request.user = get_user_model().objects.create_superuser(
        f"editor{get_user_model().objects.count()}", "e@example.cn", "pw"
    )
    model_admin = model_admin_class(model, admin.site)
    changelist = model_admin.get_changelist_instance(request)
    assert isinstance(changelist, ChangeList)
    changelist.test_request = request
    return model_admin, changelist


def _names(changelist, field="slug"):
    return sorted(getattr(obj, field) for obj in changelist.queryset)


@pytest.fixture
def projects():
    make_project(slug="both")
    make_project(slug="no-chinese-name", name_zh_hans="")
    make_project(
        slug="no-chinese-description", description_en="Long text.", description_zh_hans=None
    )
    make_project(slug="no-english-summary", summary_en="", summary_zh_hans="简介")
    make_project(slug="described-in-both", description_en="Text.", description_zh_hans="正文。")


def test_missing_chinese_filters_in_sql_over_the_language_columns(projects):
    _, changelist = _changelist(Project, ProjectLanguagesAdmin, missing_language="zh-hans")
    assert _names(changelist) == ["no-chinese-description", "no-chinese-name"]
    assert '"name_zh_hans" IS NULL' in str(changelist.queryset.query)


def test_missing_english(projects):
    _, changelist = _changelist(Project, ProjectLanguagesAdmin, missing_language="en")
    assert _names(changelist) == ["no-english-summary"]


def test_an_unknown_choice_filters_nothing(projects):
    _, changelist = _changelist(Project, ProjectLanguagesAdmin, missing_language="fr")
    assert len(_names(changelist)) == 5


def test_the_filter_offers_both_languages(projects):
    model_admin, changelist = _changelist(Project, ProjectLanguagesAdmin)
    assert MissingLanguageFilter in model_admin.get_list_filter(changelist.test_request)
    spec = next(f for f in changelist.filter_specs if isinstance(f, MissingLanguageFilter))
    assert [(code, str(label)) for code, label in spec.lookup_choices] == [
        ("en", "Missing English"),
        ("zh-hans", "Missing Chinese"),
    ]


def test_the_column_shows_which_languages_are_complete(projects):
    model_admin, changelist = _changelist(Project, ProjectLanguagesAdmin)
    assert model_admin.get_list_display(changelist.test_request)[-1] == "languages_complete"
    column = {p.slug: strip_tags(model_admin.languages_complete(p)) for p in Project.objects.all()}
    assert column == {
        "both": "EN ✓ 中文 ✓",
        "no-chinese-name": "EN ✓ 中文 ✗ missing: name",
        "no-chinese-description": "EN ✓ 中文 ✗ missing: description",
        "no-english-summary": "EN ✗ missing: summary 中文 ✓",
        "described-in-both": "EN ✓ 中文 ✓",
    }


def test_the_fields_checked_can_be_narrowed(projects):
    make_park(slug="full")
    make_park(slug="no-chinese-body", body_en="Body", body_zh_hans="")
    make_park(slug="no-chinese-summary", summary_zh_hans="")
    _, changelist = _changelist(Park, ParkLanguagesAdmin, missing_language="zh-hans")
    assert _names(changelist) == ["no-chinese-summary"]


def test_articles_keep_their_own_filters_and_gain_the_language_one():
    make_article(slug="complete")
    make_article(slug="english-only", title_zh_hans="", summary_zh_hans="", body_zh_hans="")
    model_admin, changelist = _changelist(
        Article, ArticleLanguagesAdmin, missing_language="zh-hans"
    )
    assert model_admin.get_list_filter(changelist.test_request) == ("status", MissingLanguageFilter)
    assert _names(changelist) == ["english-only"]
    column = model_admin.languages_complete(Article.objects.get(slug="english-only"))
    assert strip_tags(column) == "EN ✓ 中文 ✗ missing: title, summary, body"


def test_a_thumbnail_keeps_the_proportions_stored_with_the_image():
    image = ProjectImage.objects.create(
        project=make_project(), image=upload(1200, 800), alt_text_en="Forging hall"
    )
    html = thumbnail_html(image)
    assert html == (
        f'<img src="{image.image.url}" alt="Forging hall" width="96" height="64" loading="lazy">'
    )


def test_an_article_cover_is_previewed_from_its_own_fields_without_opening_the_file():
    article = make_article(cover=upload(1000, 500), cover_alt_en="Signing ceremony")
    default_storage.delete(article.cover.name)
    article = Article.objects.get(pk=article.pk)
    assert thumbnail_html(article, "cover", "cover_alt") == (
        f'<img src="{article.cover.url}" alt="Signing ceremony" width="96" height="48" '
        'loading="lazy">'
    )


def test_no_image_is_a_dash():
    assert thumbnail_html(None) == "–"
    assert thumbnail_html(make_article(), "cover", "cover_alt") == "–"
