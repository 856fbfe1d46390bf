"""The rich-text link picker: it lists projects, parks and articles with a language-neutral
link, which the article page shows as the record's address in the visitor's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.news.sanitize import clean_html, render_html
from tests.core.test_revisions import staff
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db

CHOICES = "admin:news_article_link_choices"


def test_the_picker_lists_matching_records_in_the_editors_language(client):
    client.force_login(staff("editor.li", "Content editors"))
    project = make_project(name_en="Wind-power bearing rings", name_zh_hans="风电轴承套圈")
    park = make_park(
        name_en="Qingshui bearing park", name_zh_hans="清水轴承产业园", is_published=False
    )
    make_project(name_en="Precision balls", name_zh_hans="精密钢球")

    response = client.get(reverse(CHOICES), {"q": "轴承"}, HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 200
    assert response.json()["items"] == [
        {
            "kind": "project",
            "kind_label": "项目",
            "name": "风电轴承套圈",
            "href": f"/link/project/{project.pk}/",
            "visible": True,
        },
        {
            "kind": "park",
            "kind_label": "产业园",
            "name": "清水轴承产业园",
            "href": f"/link/park/{park.pk}/",
            "visible": False,
        },
    ]


def test_the_picker_is_for_those_who_may_write_articles(client):
    client.force_login(staff("officer.wang", "Enquiry officers"))
    assert client.get(reverse(CHOICES)).status_code == 403


def test_the_allowlist_keeps_an_internal_link_as_written():
    html = '<p><a href="/link/project/7/">the project</a></p>'
    assert clean_html(html) == html


def test_an_internal_link_is_the_records_address_in_each_language(client):
    project = make_project(slug="wind-power-bearing-rings")
    draft = make_project(slug="secret-plan", is_published=False)
    article = make_article(
        body_en=(
            f'<p>See <a href="/link/project/{project.pk}/">the rings</a> and '
            f'<a href="/link/project/{draft.pk}/">the plan</a>.</p>'
        ),
        body_zh_hans=f'<p>见<a href="/link/project/{project.pk}/">风电套圈</a>。</p>',
    )

    english = client.get(f"/en/news/{article.slug}/").content.decode()
    chinese = client.get(f"/zh-hans/news/{article.slug}/").content.decode()

    assert '<a href="/en/projects/wind-power-bearing-rings/">the rings</a> and the plan.' in english
    assert "secret-plan" not in english and "/link/" not in english
    assert '见<a href="/zh-hans/projects/wind-power-bearing-rings/">风电套圈</a>。' in chinese


def test_resolving_costs_one_query_per_kind_linked_and_none_without_links(
    django_assert_num_queries,
):
    project, park, article = make_project(), make_park(), make_article()
    html = clean_html(
        f'<p><a href="/link/project/{project.pk}/">a</a> <a href="/link/park/{park.pk}/">b</a> '
        f'<a href="/link/article/{article.pk}/">c</a> <a href="/link/project/999/">gone</a></p>'
    )
    with translation.override("en"), django_assert_num_queries(3):
        rendered = render_html(html)
    assert f'<a href="{project.get_absolute_url()}">a</a>' in rendered
    assert "gone</a>" not in rendered and " gone" in rendered
    with django_assert_num_queries(0):
        render_html("<p>No links here.</p>")
