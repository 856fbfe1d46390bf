"""The newsroom admin: list, add, change, actions, author stamping, the editor under our CSP."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from portal.news.models import Article, Category
from tests.core.test_renditions import upload
from tests.factories import make_article, make_category, make_park, make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(client):
    user = User.objects.create_superuser("chief", "chief@example.cn", "x")
    client.force_login(user)
    return user


def test_changelist_columns_filters_and_search(client, admin_user):
    category = make_category(name_en="Policy")
    make_article(title_en="Bearing rings signed", category=category)
    make_article(title_en="Draft note", status=Article.Status.DRAFT)
    make_article(title_en="Later", published_at=timezone.now() + datetime.timedelta(days=3))
    url = reverse("admin:news_article_changelist")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Bearing rings signed", "Policy", "Draft", "Scheduled", "Published"):
        assert label in html
    assert client.get(url, {"q": "rings"}).context["cl"].result_count == 1
    assert client.get(url, {"status__exact": "draft"}).context["cl"].result_count == 1
    assert client.get(url, {"published_at__year": "2020"}).status_code == 200


def test_add_form_shows_both_languages_and_the_prose_editor(client, admin_user):
    response = client.get(reverse("admin:news_article_add"))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("title_en", "title_zh_hans", "body_en", "body_zh_hans"):
        assert f'name="{name}"' in html
    assert "data-django-prose-editor-configurable" in html
    assert '<script type="importmap"' in html
    assert "/static/django_prose_editor/configurable.js" in html
    assert "cdn" not in html.lower()
    # The import map is the page's only inline script and is allowed by its hash alone.
    csp = response["Content-Security-Policy"]
    assert "'sha256-" in csp
    assert "unsafe-inline" not in csp and "nonce-" not in csp


def test_add_stamps_the_author_and_sanitizes_the_body(client, admin_user):
    category = make_category()
    project, park = make_project(), make_park()
    response = client.post(
        reverse("admin:news_article_add"),
        {
            "title_en": "Fifteen projects signed",
            "title_zh_hans": "15个项目签约",
            "slug": "fifteen-projects-signed",
            "category": category.pk,
            "summary_en": "The conference signed fifteen key projects.",
            "summary_zh_hans": "大会签约15个重点项目。",
            "body_en": '<p onclick="x()">Signed <strong>today</strong>.</p><script>x()</script>',
            "body_zh_hans": "<p>今天签约。</p>",
            "status": "published",
            "published_at_0": "2023-11-14",
            "published_at_1": "18:00:00",
            "projects": [project.pk],
            "parks": [park.pk],
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="fifteen-projects-signed")
    assert article.author == admin_user
    assert article.body_en == "<p>Signed <strong>today</strong>.</p>"
    assert list(article.projects.all()) == [project]
    assert list(article.parks.all()) == [park]


def test_change_keeps_the_original_author(client, admin_user):
    author = User.objects.create_user("reporter", is_staff=True)
    article = make_article(author=author)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "View on site" in response.content.decode()
    data = {
        "title_en": "Renamed",
        "title_zh_hans": article.title_zh_hans,
        "slug": article.slug,
        "category": article.category.pk,
        "summary_en": article.summary_en,
        "summary_zh_hans": article.summary_zh_hans,
        "body_en": article.body_en,
        "status": "published",
        "published_at_0": "2023-11-14",
        "published_at_1": "09:00:00",
    }
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Renamed"
    assert article.author == author


def test_cover_without_text_alternative_is_refused(client, admin_user):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), "#0b3d5c").save(buffer, "PNG")
    response = client.post(
        reverse("admin:news_article_add"),
        {
            "title_en": "With a cover",
            "slug": "with-a-cover",
            "category": make_category().pk,
            "summary_en": "A summary.",
            "status": "draft",
            "published_at_0": "2023-11-14",
            "published_at_1": "09:00:00",
            "cover": SimpleUploadedFile("cover.png", buffer.getvalue(), "image/png"),
        },
    )
    assert response.status_code == 200
    assert "cover_alt_en" in response.context["adminform"].form.errors
    assert not Article.objects.exists()


def test_publish_and_unpublish_actions(client, admin_user):
    draft = make_article(status=Article.Status.DRAFT)
    live = make_article()
    url = reverse("admin:news_article_changelist")
    response = client.post(
        url, {"action": "publish", "_selected_action": [draft.pk, live.pk]}, follow=True
    )
    assert "1 article published." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    response = client.post(
        url, {"action": "unpublish", "_selected_action": [draft.pk, live.pk]}, follow=True
    )
    assert "2 articles withdrawn from the site." in response.content.decode()
    assert set(Article.objects.values_list("status", flat=True)) == {"draft"}


def test_publishing_dates_an_old_draft_now_and_keeps_a_scheduled_time(client, admin_user):
    old_draft = make_article(
        status=Article.Status.DRAFT, published_at=timezone.now() - datetime.timedelta(days=20)
    )
    scheduled_for = timezone.now() + datetime.timedelta(days=1)
    scheduled = make_article(status=Article.Status.DRAFT, published_at=scheduled_for)
    live = make_article()
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [old_draft.pk, scheduled.pk, live.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "2 articles published." in html
    assert "1 of them is scheduled: it appears at its publication time." in html
    old_draft.refresh_from_db()
    scheduled.refresh_from_db()
    assert timezone.now() - old_draft.published_at < datetime.timedelta(minutes=1)
    assert scheduled.published_at == scheduled_for
    assert Article.objects.get(pk=live.pk).published_at == live.published_at
    assert list(Article.objects.published()) == [old_draft, live]


def test_the_cover_column_previews_the_cover_at_its_proportions(client, admin_user):
    make_article(title_en="With cover", cover=upload(1200, 600), cover_alt_en="The hall")
    bare = make_article(title_en="Without cover")
    html = client.get(reverse("admin:news_article_changelist")).content.decode()
    assert 'alt="The hall" width="96" height="48" loading="lazy"' in html
    change = reverse("admin:news_article_change", args=[bare.pk])
    assert f'<th class="field-thumbnail"><a href="{change}">–</a></th>' in html


def test_actions_need_the_change_permission(client):
    from django.contrib.auth.models import Permission

    viewer = User.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    draft = make_article(status=Article.Status.DRAFT)
    response = client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 200
    assert 'value="publish"' not in response.content.decode()
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_category_admin(client, admin_user):
    make_article(category=make_category(name_en="Policy", slug="policy"))
    response = client.get(reverse("admin:news_category_changelist"))
    assert response.status_code == 200
    assert "Policy" in response.content.decode()
    response = client.post(
        reverse("admin:news_category_add"),
        {"name_en": "Cluster news", "name_zh_hans": "集群动态", "slug": "cluster-news", "order": 2},
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="cluster-news").name_zh_hans == "集群动态"


def test_changelist_shows_and_filters_language_completeness(client, admin_user):
    make_article(slug="complete")
    make_article(slug="english-only", title_zh_hans="", summary_zh_hans="", body_zh_hans="")
    make_article(slug="chinese-only", title_en="", summary_en="", body_en="")
    url = reverse("admin:news_article_changelist")
    html = client.get(url).content.decode()
    assert "Languages complete" in html
    text = strip_tags(html)
    assert "EN ✓ 中文 ✗ missing: title, summary, body" in text
    assert "EN ✗ missing: title, summary, body 中文 ✓" in text
    assert "Missing Chinese" in html
    assert "Missing English" in html

    def slugs(language):
        changelist = client.get(url, {"missing_language": language}).context["cl"]
        return sorted(article.slug for article in changelist.result_list)

    assert slugs("zh-hans") == ["english-only"]
    assert slugs("en") == ["chinese-only"]


def test_change_form_picks_projects_and_parks_by_autocomplete(client, admin_user):
    article = make_article()
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    autocomplete = reverse("admin:autocomplete")
    for field in ("projects", "parks"):
        tag = re.search(rf'<select name="{field}"[^>]*>', html).group(0)
        assert "admin-autocomplete" in tag
        assert f'data-ajax--url="{autocomplete}"' in tag
        assert 'data-model-name="article"' in tag
    assert "SelectFilter2" not in html


def test_autocomplete_finds_projects_and_parks_by_their_chinese_names(client, admin_user):
    make_project(slug="ring-plant", name_en="Ring forging plant", name_zh_hans="套圈锻造厂")
    make_project(slug="other", name_en="Cage works", name_zh_hans="保持架厂")
    make_park(slug="qingshui", name_en="Qingshui park", name_zh_hans="清水产业园")

    def found(field, term):
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": "news", "model_name": "article", "field_name": field, "term": term},
        )
        assert response.status_code == 200
        return [result["text"] for result in response.json()["results"]]

    assert found("projects", "锻造") == ["Ring forging plant"]
    assert found("parks", "清水") == ["Qingshui park"]


def test_autocomplete_needs_a_staff_login(client):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "news", "model_name": "article", "field_name": "projects", "term": "a"},
    )
    assert response.status_code == 302
