"""With the page cache on, every page a visitor sees follows each change at once: the filter
counts, choices and overview of the project list, a project's or a park's page, the shell."""

import pytest
from django.contrib.auth.models import Permission, User
from pytest_django.asserts import assertInHTML

from projects.tools.shortlist import SESSION_KEY
from tests.factories import make_park, make_project, make_sector

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

URL = "/en/projects/"


def test_a_new_project_shows_in_the_counts_and_figures_at_once(client, settings):
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
    assert "套圈（2）" in client.get("/zh-hans/projects/").content.decode()


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


def test_a_renamed_sector_shows_at_once_in_the_filter_form(client):
    sector = make_sector(slug="rings", name_en="Rings", name_zh_hans="套圈")
    make_project(sector=sector)
    assert '<option value="rings">Rings (1)</option>' in client.get(URL).content.decode()
    assert (
        '<option value="rings">套圈（1）</option>'
        in client.get("/zh-hans/projects/").content.decode()
    )
    sector.name_en = "Bearing rings"
    sector.save()
    text = client.get(URL + "?stage=signed").content.decode()
    assert '<option value="rings">Bearing rings (1)</option>' in text
    assert "Rings (1)" not in text


def test_a_project_page_follows_each_edit_publication_and_withdrawal(client):
    url = "/en/projects/rings-line/"
    assert client.get(url).status_code == 404
    # The answer "nothing here" is kept too, and forgotten when content changes.
    project = make_project(slug="rings-line", name_en="Rings line", is_published=False)
    assert client.get(url).status_code == 404
    project.is_published = True
    project.save()
    assert "<h1>Rings line</h1>" in client.get(url).content.decode()
    project.name_en = "Ring rolling line"
    project.save()
    assert "<h1>Ring rolling line</h1>" in client.get(url).content.decode()
    project.is_published = False
    project.save()
    assert client.get(url).status_code == 404


def test_staff_preview_a_draft_whatever_visitors_were_told(client):
    make_project(slug="draft", name_en="Draft line", is_published=False)
    assert client.get("/en/projects/draft/").status_code == 404
    editor = User.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_project"))
    client.force_login(editor)
    response = client.get("/en/projects/draft/")
    assert response.status_code == 200
    assert "<h1>Draft line</h1>" in response.content.decode()


def test_a_park_page_follows_its_costs_and_projects_at_once(client):
    park = make_park(slug="east", name_en="East Park")
    url = "/en/projects/parks/east/"
    text = client.get(url).content.decode()
    assert '<dd class="figure-value">0</dd>' in text
    assert "its land is open to the first investors" in text
    make_project(park=park, name_en="Rings line")
    park.costs.create(label_en="Industrial power", amount="0.62", unit_en="yuan per kWh")
    text = client.get(url).content.decode()
    assert '<dd class="figure-value">1</dd>' in text
    assert "Rings line" in text
    assertInHTML(
        '<tr><th scope="row">Industrial power</th><td>0.62 yuan per kWh</td><td></td></tr>',
        text,
    )


def test_the_shell_follows_each_address_section_and_language(client):
    make_project(slug="rings-line")
    text = client.get("/en/projects/?stage=signed").content.decode()
    assert '<a href="/zh-hans/projects/?stage=signed" hreflang="zh-hans"' in text
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/projects/?stage=signed">' in text
    assert '<a href="/en/projects/" aria-current="page">Projects</a>' in text
    text = client.get("/en/projects/?stage=production").content.decode()
    assert '<a href="/zh-hans/projects/?stage=production" hreflang="zh-hans"' in text
    assert "stage=signed" not in text
    text = client.get("/en/news/").content.decode()
    assert '<a href="/en/news/" aria-current="page">News</a>' in text
    assert 'aria-current="page">Projects</a>' not in text
    text = client.get("/en/search/", {"q": "rings"}).content.decode()
    assertInHTML(
        '<input type="search" id="site-search-q" name="q" maxlength="100" placeholder="Search" value="rings">',
        text,
    )
    text = client.get("/en/search/", {"q": "forging"}).content.decode()
    assert 'value="forging">' in text
    text = client.get("/zh-hans/projects/?stage=signed").content.decode()
    assert '<a href="/en/projects/?stage=signed" hreflang="en"' in text
    assert '<meta property="og:locale:alternate" content="en_US">' in text


def test_a_release_renews_the_content_version():
    from django.core.management import call_command

    from portal.core.content_version import content_version

    before = content_version()
    call_command("migrate", verbosity=0)
    assert content_version() != before
