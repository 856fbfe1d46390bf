"""Articles, categories and the home page keep their versions like the registry does."""

import pytest
from django.urls import reverse
from reversion.models import Version

from portal.models import HomePage
from tests.core.test_revisions import change_form_data, staff
from tests.factories import make_article, make_category


@pytest.fixture
def editor(client, db):
    user = staff("editor.li", group="Content editors")
    client.force_login(user)
    return user


def _save(client, url, **changes):
    data = change_form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_an_articles_title_change_is_compared_and_restored(client, editor):
    article = make_article(title_en="County signs 15 projects")
    url = reverse("admin:news_article_change", args=[article.pk])
    _save(client, url)
    _save(client, url, title_en="County signs fifteen projects")
    first, second = Version.objects.get_for_object(article).order_by("pk")
    compare = client.get(
        reverse("admin:news_article_compare", args=[article.pk]), {"new": second.pk}
    )
    assert ("Title (English)", "County signs 15 projects", "County signs fifteen projects") in (
        compare.context["fields"]
    )

    revision_url = reverse("admin:news_article_revision", args=[article.pk, first.pk])
    assert client.post(revision_url, change_form_data(client.get(revision_url))).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "County signs 15 projects"
    assert Version.objects.get_for_object(article).count() == 3


def test_an_article_saved_unchanged_records_no_change(client, editor):
    article = make_article(body_en="<p>First line</p>\n<p>Second line</p>")
    url = reverse("admin:news_article_change", args=[article.pk])
    _save(client, url)
    _save(client, url)
    first, second = Version.objects.get_for_object(article).order_by("pk")
    assert second.revision.get_comment() == "No fields changed."


def test_a_category_and_the_home_page_keep_versions(client, editor):
    category = make_category()
    _save(client, reverse("admin:news_category_change", args=[category.pk]), name_en="Policy")
    assert Version.objects.get_for_object(category).get().field_dict["name_en"] == "Policy"

    home = HomePage.load()
    home.brand_line_en = "Guanxian Bearing, Forged in Qingshui"
    home.save()
    url = reverse("admin:portal_homepage_change", args=[home.pk])
    _save(client, url, lead_en="A new lead.")
    history = client.get(reverse("admin:portal_homepage_history", args=[home.pk]))
    assert history.status_code == 200
    assert "editor.li" in history.content.decode()
