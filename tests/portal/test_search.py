import datetime
import re

import pytest
from django.utils import timezone
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.news.models import Article
from portal.search import MAX_QUERY_LENGTH, parse_query
from tests.factories import make_article, make_park, make_project

pytestmark = pytest.mark.django_db


def _titles(html):
    return re.findall(r'<h2><a href="([^"]+)">', html)


def test_finds_a_project_by_a_word_of_its_chinese_name_from_the_english_site(client):
    project = make_project(name_en="Precision Ring Forging", name_zh_hans="精密轴承套圈锻造项目")
    make_project(name_en="Steel Ball Plant", name_zh_hans="钢球厂")
    response = client.get("/en/search/", {"q": "套圈"})
    html = response.content.decode()
    assert response.status_code == 200
    assert _titles(html) == [f"/en/projects/{project.slug}/"]
    assert "1 result for “套圈”" in html
    assert "Precision Ring Forging" in html
    # The reader sees why it matched: the Chinese name, marked, beside the English one.
    assert (
        '<p class="search-other-title" lang="zh-hans">精密轴承<mark>套圈</mark>锻造项目</p>' in html
    )


def test_finds_a_project_by_an_english_word_from_the_chinese_site(client):
    project = make_project(name_en="Precision Ring Forging", name_zh_hans="精密轴承套圈锻造项目")
    html = client.get("/zh-hans/search/", {"q": "ring"}).content.decode()
    assert _titles(html) == [f"/zh-hans/projects/{project.slug}/"]
    assert "精密轴承套圈锻造项目" in html
    assert "“ring”共有1条结果" in html
    assert '<p class="search-other-title" lang="en">Precision <mark>Ring</mark> Forging</p>' in html


def test_results_have_their_type_and_a_highlighted_escaped_snippet(client):
    make_project(
        name_en="Forge A", summary_en="A <b>hot</b> forging line & a die shop < 5 km away."
    )
    make_park(name_en="Qingshui Park", summary_en="Land for forging plants.")
    make_article(title_en="Forging news", summary_en="Forging output rose.")
    html = client.get("/en/search/", {"q": "forging"}).content.decode()
    assert "3 results for “forging”" in html
    for kind in ("Project", "Industrial park", "News"):
        assert f'<p class="badge">{kind}</p>' in html
    assert "A hot <mark>forging</mark> line &amp; a die shop &lt; 5 km away." in html
    assert "<mark>Forging</mark> news" in html


@pytest.mark.parametrize(
    "q", ["strong", "href", "example.org", "blockquote", "amp", "nbsp", "rel=", "noopener"]
)
def test_the_markup_of_an_article_body_is_not_searched(client, q):
    make_article(
        title_en="Ring output rose",
        body_en=(
            "<p>Output of <strong>rings</strong>&nbsp;rose.</p><blockquote><p>Dies &amp; "
            'presses</p></blockquote><p><a href="https://example.org/report">Report</a></p>'
        ),
    )
    html = client.get("/en/search/", {"q": q}).content.decode()
    assert _titles(html) == []


def test_an_article_is_found_by_the_words_of_its_body_with_a_plain_snippet(client):
    article = make_article(
        title_en="Conference report",
        body_en=(
            "<h2>Signed</h2><p>Ten projects were signed.</p><ul><li>Rings &amp; races</li>"
            '<li>Steel balls</li></ul><p><a href="https://example.org/">Read the programme</a></p>'
        ),
        body_zh_hans="<p>签约<strong>十个</strong>项目。</p>",
    )
    for q, snippet in [
        ("races", "Signed Ten projects were signed. Rings &amp; <mark>races</mark> Steel balls"),
        # Blocks are separate words: "signed." and "Rings" are not run together.
        ("rings", "Ten projects were signed. <mark>Rings</mark> &amp; races"),
        ("programme", "Read the <mark>programme</mark>"),
        ("十个项目", "签约<mark>十个项目</mark>。"),
    ]:
        html = client.get("/en/search/", {"q": q}).content.decode()
        assert _titles(html) == [f"/en/news/{article.slug}/"], q
        assert snippet in html, q


def test_the_plain_text_follows_every_save_of_the_body(client):
    article = make_article(body_en="<p>First version.</p>")
    assert Article.objects.get().body_text_en == "First version."
    article.body_en = "<p>Second <em>version</em>.</p><p>With a second block.</p>"
    article.save(update_fields=["body_en"])
    stored = Article.objects.get()
    assert stored.body_text_en == "Second version. With a second block."
    assert stored.body_text_zh_hans == stored.body_zh_hans.replace("<p>", "").replace("</p>", "")
    assert _titles(client.get("/en/search/", {"q": "second block"}).content.decode()) == [
        f"/en/news/{article.slug}/"
    ]
    assert _titles(client.get("/en/search/", {"q": "first version"}).content.decode()) == []


def test_drafts_and_scheduled_items_are_not_found(client):
    make_project(name_en="Hidden forge", is_published=False)
    make_park(name_en="Future forge", published_at=timezone.now() + datetime.timedelta(days=1))
    make_article(title_en="Draft forge", status=Article.Status.DRAFT)
    html = client.get("/en/search/", {"q": "forge"}).content.decode()
    assert "Nothing matches “forge”" in html
    assert _titles(html) == []


def test_results_are_paginated_with_title_matches_first(client):
    for n in range(12):
        make_project(name_en=f"Plant {n}", summary_en="A bearing plant.")
    titled = make_article(title_en="Bearing fair", summary_en="A fair.")
    first = client.get("/en/search/", {"q": "bearing"}).content.decode()
    assert "13 results" in first
    assert _titles(first)[0] == titled.get_absolute_url()
    assert len(_titles(first)) == 10
    assert 'rel="next" href="?q=bearing&amp;page=2"' in first
    second = client.get("/en/search/", {"q": "bearing", "page": "2"}).content.decode()
    assert len(_titles(second)) == 3
    assert client.get("/en/search/", {"q": "bearing", "page": "x"}).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_a_page_of_results_makes_a_fixed_number_of_queries(client, django_assert_num_queries, n):
    make_project(name_en="Forge")
    make_park(name_en="Forge park")
    for i in range(n):
        make_article(title_en=f"Forge story {i}")
    # The count, the page, then one query for each kind on the page, whatever the total.
    with django_assert_num_queries(5):
        response = client.get("/en/search/", {"q": "forge"})
    assert response.status_code == 200


def test_a_new_or_withdrawn_project_is_found_or_not_at_once(client):
    assert "Nothing matches “forge”" in client.get("/en/search/", {"q": "forge"}).content.decode()
    project = make_project(name_en="Forge line")
    text = client.get("/en/search/", {"q": "forge"}).content.decode()
    assert "1 result for “forge”" in text
    assert "<mark>Forge</mark> line" in text
    project.is_published = False
    project.save()
    assert "Nothing matches “forge”" in client.get("/en/search/", {"q": "forge"}).content.decode()


@pytest.mark.parametrize(
    ("raw", "text", "terms", "too_short"),
    [
        ("", "", (), False),
        ("   ", "", (), False),
        ("a", "a", (), True),
        ("轴", "轴", ("轴",), False),
        ("ring ring RING", "ring ring RING", ("ring",), False),
        ("a\x00b", "a b", (), True),
        ("ring\x00", "ring", ("ring",), False),
    ],
)
def test_queries_are_cleaned(raw, text, terms, too_short):
    query = parse_query(raw)
    assert (query.text, query.terms, query.too_short) == (text, terms, too_short)


def test_a_one_letter_query_asks_for_more_and_one_chinese_character_searches(client):
    make_project(name_zh_hans="轴承项目")
    html = client.get("/en/search/", {"q": "x"}).content.decode()
    assert "Please type at least two letters, or a Chinese character." in html
    assert "1 result for “轴”" in client.get("/en/search/", {"q": "轴"}).content.decode()


def test_an_empty_query_invites_a_word(client):
    html = client.get("/zh-hans/search/").content.decode()
    assert "输入关键词，搜索项目、产业园和新闻。" in html


def test_a_very_long_query_is_cut_and_the_visitor_is_told(client):
    response = client.get("/en/search/", {"q": "bearing " * 1250})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"only its first {MAX_QUERY_LENGTH} characters were used" in html
    assert "bearing " * 20 not in html


HOSTILE = [
    "",
    "a",
    "x" * 10_000,
    "%",
    "_",
    "%%",
    "'; DROP TABLE projects_project; --",
    "{{ request }}",
    "{% debug %}",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "a\x00b",
    "\x00",
    "\\",
    "轴承\u202e",
]


@pytest.mark.parametrize("q", HOSTILE)
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_hostile_queries_never_break_the_page_nor_come_back_unescaped(client, q, lang):
    make_project(name_en="100% ring_forge", summary_en="<script>x</script>")
    response = client.get(f"/{lang}/search/", {"q": q})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    if q in ("<script>alert(1)</script>", "{{ request }}"):
        assert escape(q) in html  # reflected, escaped, never rendered


def test_percent_and_underscore_are_literal_characters(client):
    make_project(name_en="100% ring_forge")
    make_project(name_en="Plain forge")
    assert len(_titles(client.get("/en/search/", {"q": "0%"}).content.decode())) == 1
    assert len(_titles(client.get("/en/search/", {"q": "g_f"}).content.decode())) == 1
    assert _titles(client.get("/en/search/", {"q": "%%"}).content.decode()) == []


def test_a_repeated_parameter_uses_one_value(client):
    make_project(name_en="Ring forge")
    response = client.get("/en/search/?q=zzz&q=ring")
    assert response.status_code == 200
    assert len(_titles(response.content.decode())) == 1


def test_search_is_not_indexed_and_answers_only_get(client):
    response = client.get("/en/search/", {"q": "ring"})
    assert response["X-Robots-Tag"] == "noindex"
    assert client.post("/en/search/", {"q": "ring"}).status_code == 405


def test_the_header_has_a_labelled_search_form(client):
    html = client.get("/zh-hans/").content.decode()
    assert '<form class="site-search" action="/zh-hans/search/" method="get" role="search">' in html
    assert '<label for="site-search-q" class="visually-hidden">搜索本站</label>' in html


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=300))
def test_any_text_is_answered_without_an_error_or_raw_markup(client, q):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200
    query = parse_query(q)
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert "\x00" not in query.text
    if query.text:
        # Shown back in the search box, escaped.
        assert f'name="q" value="{escape(query.text)}"' in response.content.decode()
