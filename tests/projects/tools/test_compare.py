"""Compare two or three projects, or parks, side by side; bad input gets a clear 400."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from projects.models import ParkCost
from tests.factories import make_park, make_project

pytestmark = pytest.mark.django_db


def rows(html):
    """{row label: (differs, [cell texts])} from the comparison table."""
    table = {}
    for row in re.findall(r"<tr( class=\"differs\")?>\s*<th scope=\"row\">(.*?)</tr>", html, re.S):
        differs, body = row
        label = re.sub(r"<.*", "", body, flags=re.S).strip()
        cells = [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td>(.*?)</td>", body, re.S)
        ]
        table[unescape(label)] = (bool(differs), cells)
    return table


def test_two_projects_side_by_side_with_differences_marked(client, registry):
    response = client.get("/en/projects/compare/?p=ring-forging&p=ball-plant")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="col"><a href="/en/projects/ring-forging/">Ring Forging Line</a></th>' in html
    assert (
        '<th scope="col"><a href="/en/projects/ball-plant/">Precision Ball Plant</a></th>' in html
    )
    table = rows(html)
    assert table["Investment"] == (True, ["CNY 680 million", "CNY 1.2 billion"])
    assert table["Stage"] == (True, ["Under construction", "Signed"])
    assert table["Industrial park"] == (True, ["North Park", "South Park"])
    assert table["Signing date"] == (False, ["14 November 2023", "14 November 2023"])
    assert table["Expected jobs"] == (False, ["300", "300"])
    assert table["Land area"] == (True, ["10 ha (150 mu)", "20 ha (300 mu)"])
    assert table["Construction end"] == (False, ["–not given", "–not given"])
    # Differences are told in words too, not by colour alone.
    assert html.count('<span class="visually-hidden"> (differs)</span>') == sum(
        1 for differs, _cells in table.values() if differs
    )
    assert "<title>Compare: Ring Forging Line · Precision Ball Plant · " in html
    assert 'class="table-scroll compare-scroll"' in html
    assert 'href="/en/enquire/?project=ring-forging&amp;project=ball-plant"' in html, (
        "the enquiry link names both projects"
    )


def test_three_projects(client, registry):
    response = client.get("/en/projects/compare/?p=ring-forging&p=ball-plant&p=cage-works")
    assert response.status_code == 200
    table = rows(response.content.decode())
    assert table["Kind"] == (
        True,
        ["Signed project", "Signed project", "Investment opportunity"],
    )
    assert table["Sector"] == (True, ["Forging", "Bearings", "Bearings"])


def test_in_chinese(client, registry):
    response = client.get("/zh-hans/projects/compare/?p=ring-forging&p=ball-plant")
    assert response.status_code == 200
    table = rows(response.content.decode())
    assert table["投资额"] == (True, ["6.8亿元", "12亿元"])
    assert table["签约日期"] == (False, ["2023年11月14日", "2023年11月14日"])
    assert table["产业园"] == (True, ["北产业园", "南产业园"])
    assert "（不同）" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("p=a&p=b&p=c&p=d", "Choose two or three different items to compare."),
        ("p=ring-forging&p=no-such-project", "We could not find every item you asked for"),
        ("p=ring-forging&p=secret-draft", "We could not find every item you asked for"),
        ("p=ring-forging&p=scheduled-later", "We could not find every item you asked for"),
        (
            "p=ring-forging&p=%3Cscript%3E",
            "One of the addresses you asked to compare is not valid.",
        ),
        ("p=&p=", "Choose two or three different items to compare."),
    ],
)
def test_bad_input_gets_a_400_with_the_picker(client, registry, query, message):
    response = client.get(f"/en/projects/compare/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert '<select id="compare-p-1" name="p">' in html
    assert "Secret Draft" not in html
    assert "<script>" not in html.split("<body>")[1].split("</header>")[1]


def test_the_picker_keeps_what_was_chosen(client, registry):
    response = client.get("/en/projects/compare/?p=ring-forging&p=no-such-project")
    html = response.content.decode()
    first = html.split('id="compare-p-1"')[1].split("</select>")[0]
    assert '<option value="ring-forging" selected>' in first


def test_without_a_choice_the_picker_is_shown(client, registry):
    response = client.get("/en/projects/compare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="compare-p-3">Third (optional)</label>' in html
    assert '<option value="cage-works">Cage Stamping Works</option>' in html
    assert "Secret Draft" not in html


def test_parks_side_by_side(client, registry):
    response = client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
    assert response.status_code == 200
    table = rows(response.content.decode())
    assert table["Planned area"] == (True, ["200 ha (3,000 mu)", "120 ha (1,800 mu)"])
    assert table["Published projects"] == (True, ["2", "1"])
    assert table["Status"] == (False, ["Under construction", "Under construction"])
    html = response.content.decode()
    assert 'href="/en/enquire/?park=north-park"' in html


def test_compare_starts_from_one_project(client, registry):
    response = client.get("/en/projects/compare/?p=ring-forging")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one or two more projects to compare with Ring Forging Line." in html
    first = html.split('id="compare-p-1"')[1].split("</select>")[0]
    assert '<option value="ring-forging" selected>' in first
    second = html.split('id="compare-p-2"')[1].split("</select>")[0]
    assert " selected" not in second
    assert "notice-error" not in html


def test_the_project_page_links_to_a_comparison_starting_from_it(client, registry):
    html = client.get("/en/projects/ring-forging/").content.decode()
    assert 'href="/en/projects/compare/?p=ring-forging">Compare with other projects</a>' in html


def test_with_two_parks_the_park_picker_shows_both_side_by_side(client, registry):
    response = client.get("/en/projects/compare/parks/")
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/compare/parks/?park=north-park&park=south-park"
    # From a park's page, that park comes first.
    response = client.get("/en/projects/compare/parks/?park=south-park")
    assert response["Location"] == "/en/projects/compare/parks/?park=south-park&park=north-park"
    park_page = client.get("/en/projects/parks/south-park/").content.decode()
    assert 'href="/en/projects/compare/parks/?park=south-park">Compare the parks</a>' in park_page
    park_list = client.get("/en/projects/parks/").content.decode()
    assert (
        '<a class="button button-secondary" href="/en/projects/compare/parks/">'
        "Compare the parks side by side: land, costs and incentives</a>" in park_list
    )


def test_with_more_parks_one_park_starts_the_picker(client, registry):
    make_park(slug="east-park", name_en="East Park")
    make_park(slug="west-park", name_en="West Park")
    response = client.get("/en/projects/compare/parks/?park=north-park")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one or two more industrial parks to compare with North Park." in html
    first = html.split('id="compare-park-1"')[1].split("</select>")[0]
    assert '<option value="north-park" selected>' in first
    assert client.get("/en/projects/compare/parks/").status_code == 200
    assert client.get("/en/projects/compare/parks/?park=no-such-park").status_code == 400


def test_park_costs_side_by_side_with_units_notes_and_date(client, registry):
    north, south = registry["north"], registry["south"]
    ParkCost.objects.create(
        park=north,
        label_en="Industrial land",
        label_zh_hans="工业用地",
        amount=Decimal("150000"),
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
        note_en="50-year use right",
        note_zh_hans="50年使用权",
        order=1,
    )
    ParkCost.objects.create(
        park=north, label_en="Industrial electricity", amount=Decimal("0.62"), unit_en="yuan/kWh"
    )
    ParkCost.objects.create(
        park=south,
        label_en="industrial  land",
        label_zh_hans="工业用地",
        amount=Decimal("120000"),
        unit_en="yuan per mu",
        unit_zh_hans="元/亩",
        order=1,
    )
    ParkCost.objects.create(
        park=south,
        label_en="Water",
        amount=Decimal("3.5"),
        unit_en="yuan per tonne",
        as_of="2026-10-01",
        source_en="Guanxian Water Company",
    )
    html = client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
    html = html.content.decode()
    table = rows(html)
    assert table["Industrial land"] == (
        True,
        ["150,000 yuan per mu50-year use right", "120,000 yuan per mu"],
    )
    assert table["Industrial electricity"] == (True, ["0.62 yuan/kWh", "–not given"])
    assert table["Water"] == (
        True,
        ["–not given", "3.5 yuan per tonneAs of 1 October 2026; source: Guanxian Water Company"],
    )
    today = date_format(timezone.localdate(), "DATE_FORMAT")
    assert table["Costs last updated"] == (False, [today, today])
    assert '<span class="compare-note">50-year use right</span>' in html
    # Once every cost carries its own date, the park's record date is not needed.
    ParkCost.objects.update(as_of="2026-10-01")
    dated = client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
    dated = dated.content.decode()
    assert "Costs last updated" not in rows(dated)
    land = rows(dated)["Industrial land"][1][0]
    assert land == "150,000 yuan per mu50-year use rightAs of 1 October 2026"
    assert "50-year use right<br>As of 1 October 2026</span>" in dated
    assert (
        '<tr class="compare-group"><th scope="colgroup" colspan="3"><span>Costs</span></th></tr>'
        in html
    )
    # The costs come after the park's other facts, their last row the date.
    labels = list(table)
    assert labels.index("Incentives valid today") < labels.index("Industrial land")
    assert labels[-1] == "Costs last updated"

    chinese = rows(
        client.get(
            "/zh-hans/projects/compare/parks/?park=north-park&park=south-park"
        ).content.decode()
    )
    assert chinese["工业用地"] == (
        True,
        ["15万元/亩50年使用权截至2026年10月1日", "12万元/亩截至2026年10月1日"],
    )


def test_parks_without_costs_have_no_cost_group(client, registry):
    html = client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
    assert "compare-group" not in html.content.decode()


def test_query_count_does_not_grow(client, registry, django_assert_num_queries):
    extra = make_project(slug="extra", sector=registry["forging"])
    client.get("/en/projects/compare/")  # the site-wide rows the shell caches
    with django_assert_num_queries(1):
        client.get("/en/projects/compare/?p=ring-forging&p=ball-plant")
    with django_assert_num_queries(1):
        client.get(f"/en/projects/compare/?p=ring-forging&p=ball-plant&p={extra.slug}")
    # the parks with their project counts, their industries, costs and incentives valid today
    with django_assert_num_queries(4):
        client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
