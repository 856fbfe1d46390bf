"""Compare two or three projects, or parks, side by side; bad input gets a clear 400."""

import re
from html import unescape

import pytest

from tests.factories import make_project

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
    assert 'class="table-scroll"' in html
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
        ("p=ring-forging", "Choose two or three different items to compare."),
        ("p=ring-forging&p=ring-forging", "Choose two or three different items to compare."),
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


def test_parks_bad_input(client, registry):
    response = client.get("/en/projects/compare/parks/?park=north-park")
    assert response.status_code == 400
    assert "Choose two or three different items to compare." in response.content.decode()


def test_query_count_does_not_grow(client, registry, django_assert_num_queries):
    extra = make_project(slug="extra", sector=registry["forging"])
    with django_assert_num_queries(1):
        client.get("/en/projects/compare/?p=ring-forging&p=ball-plant")
    with django_assert_num_queries(1):
        client.get(f"/en/projects/compare/?p=ring-forging&p=ball-plant&p={extra.slug}")
    # the parks with their project counts, their industries, their incentives valid today
    with django_assert_num_queries(3):
        client.get("/en/projects/compare/parks/?park=north-park&park=south-park")
