"""Fragments shared by every visitor (the project list's filter counts and overview) are kept
in the cache under the content version: fewer queries when nothing changed, never stale."""

import pytest
from django.core.cache import cache

from projects.tools.shortlist import SESSION_KEY
from tests.factories import make_project, make_sector

pytestmark = pytest.mark.django_db

URL = "/en/projects/"


def test_unchanged_content_reuses_the_fragments(client, django_assert_num_queries):
    make_sector(slug="forging", name_en="Forging")
    make_project(sector=make_sector(slug="rings", name_en="Rings"))
    cache.clear()
    with django_assert_num_queries(18):
        first = client.get(URL).content
    # The first also renews the content version after the clear (three queries). The filter
    # counts (five queries), the headline figures and charts (five) and the cards (two) are
    # kept; what is left is the number of projects and the filters' sectors and parks.
    with django_assert_num_queries(3):
        second = client.get(URL).content
    assert second == first


def test_a_new_project_shows_in_the_counts_and_figures_at_once(client, settings):
    assert settings.PAGE_CACHE_SECONDS == 0  # the fragments work without the page cache
    sector = make_sector(slug="rings", name_en="Rings")
    make_project(sector=sector, name_en="First rings project")
    text = client.get(URL).content.decode()
    assert "Rings (1)" in text
    assert '<span class="figure-value">1</span>' in text

    make_project(sector=sector, name_en="Second rings project")
    text = client.get(URL).content.decode()
    assert "Rings (2)" in text
    assert '<span class="figure-value">2</span>' in text


def test_an_edit_shows_in_the_counts_at_once(client):
    sector = make_sector(slug="rings", name_en="Rings")
    project = make_project(sector=sector)
    assert "Rings (1)" in client.get(URL).content.decode()
    project.is_published = False
    project.save()
    assert "Rings (0)" in client.get(URL).content.decode()


def test_filters_and_languages_have_their_own_fragments(client):
    sector = make_sector(slug="rings", name_en="Rings", name_zh_hans="套圈")
    make_project(sector=sector, stage="production")
    make_project(sector=sector, stage="signed")
    assert "Rings (2)" in client.get(URL).content.decode()
    filtered = client.get(URL, {"stage": "production"}).content.decode()
    assert "Rings (1)" in filtered
    assert '<option value="production" selected>' in filtered
    assert "套圈 (2)" in client.get("/zh-hans/projects/").content.decode()


def test_save_buttons_follow_each_visitors_shortlist(client):
    project = make_project(name_en="Rings line", slug="rings-line")
    other = make_project(name_en="Forging line", slug="forging-line", sector=project.sector)
    for url in (URL, other.get_absolute_url()):
        assert 'data-saved="false"' in client.get(url).content.decode()
        session = client.session
        session[SESSION_KEY] = [project.pk]
        session.save()
        text = client.get(url).content.decode()
        assert 'data-saved="true"' in text
        client.cookies.clear()


def test_a_renamed_related_project_shows_at_once_on_a_detail_page(client):
    project = make_project(name_en="Rings line")
    neighbour = make_project(name_en="Forging line", sector=project.sector)
    url = project.get_absolute_url()
    assert "Forging line" in client.get(url).content.decode()
    neighbour.name_en = "Heat treatment line"
    neighbour.save()
    text = client.get(url).content.decode()
    assert "Heat treatment line" in text
    assert "Forging line" not in text


def test_home_blocks_follow_a_new_featured_project_at_once(client):
    make_project(name_en="Rings line", is_featured=True)
    text = client.get("/en/").content.decode()
    assert "1 signed project" in text
    assert "Forging line" not in text
    make_project(name_en="Forging line", is_featured=True)
    text = client.get("/en/").content.decode()
    assert "2 signed projects" in text
    assert "Forging line" in text


def test_a_new_milestone_shows_at_once_on_a_detail_page(client):
    project = make_project(name_en="Rings line")
    url = project.get_absolute_url()
    assert "Timeline" not in client.get(url).content.decode()
    project.milestones.create(date="2024-03-01", title_en="Ground broken", title_zh_hans="开工")
    text = client.get(url).content.decode()
    assert "Timeline" in text
    assert "Ground broken" in text
