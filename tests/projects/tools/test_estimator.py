"""The cost estimator: figures equal a hand computation from the parks' cost rows, a missing row
is reported and never counted, incentives match by park, sector, size and validity, bad input
gets the form again with a message per field, and the CSV reads back."""

import csv
import datetime
import io
from decimal import Decimal
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import translation
from django.utils.formats import date_format

from projects.models import Incentive, ParkCost, WorkforceFigure
from projects.models.incentives import county_today
from tests.factories import make_park, make_sector

pytestmark = pytest.mark.django_db

URL = "/en/projects/estimate/"
CSV_URL = "/en/projects/estimate/estimate.csv"
# Incentives are valid by the county's calendar (Beijing time).
TODAY = county_today()
DAY = datetime.timedelta(days=1)
Kind = ParkCost.Kind


def cost(park, kind, amount, unit="yuan", label="Row", **fields):
    return ParkCost.objects.create(
        park=park,
        kind=kind,
        label_en=label,
        label_zh_hans=label,
        amount=Decimal(amount),
        unit_en=unit,
        unit_zh_hans=unit,
        source_en=f"{park.name_en} office",
        source_zh_hans=f"{park.name_zh_hans}办公室",
        as_of=datetime.date(2026, 3, 1),
        **fields,
    )


def figure(role, low, high=None, **fields):
    return WorkforceFigure.objects.create(
        role_en=role,
        role_zh_hans=f"{role}（中文）",
        wage_from_yuan=low,
        wage_to_yuan=high,
        availability_en="Hired within a month",
        availability_zh_hans="一个月内可招到",
        source_en="County labour bureau",
        source_zh_hans="县人社局",
        as_of=datetime.date(2026, 1, 31),
        **fields,
    )


def incentive(title, parks, sectors=(), **fields):
    defaults = {
        "title_en": title,
        "title_zh_hans": f"{title}（中文）",
        "issuer_en": "People's Government of Guanxian County",
        "issuer_zh_hans": "冠县人民政府",
        "document_number": f"冠政发〔2025〕{title}号",
        "valid_from": TODAY - 400 * DAY,
        "valid_until": TODAY + 400 * DAY,
        "eligibility_en": "Eligible projects.",
        "eligibility_zh_hans": "符合条件的项目。",
        "benefit_en": f"Benefit of {title}",
        "benefit_zh_hans": f"{title}的优惠",
    }
    made = Incentive.objects.create(**{**defaults, **fields})
    made.parks.set(parks)
    made.sectors.set(sectors)
    return made


@pytest.fixture
def county(db):
    forging = make_sector(name_en="Forging", name_zh_hans="锻造", slug="forging")
    bearings = make_sector(name_en="Bearings", name_zh_hans="轴承", slug="bearings")
    alpha = make_park(name_en="Alpha Park", name_zh_hans="甲产业园", slug="alpha", order=1)
    beta = make_park(name_en="Beta Park", name_zh_hans="乙产业园", slug="beta", order=2)
    hidden = make_park(name_en="Hidden Park", slug="hidden", is_published=False, order=3)
    cost(alpha, Kind.LAND, "150000", "yuan per mu")
    cost(alpha, Kind.ELECTRICITY, "0.65", "yuan per kWh")
    cost(alpha, Kind.GAS, "3.6", "yuan per m³")
    cost(alpha, Kind.WATER, "4.2", "yuan per ton")
    # A row of no kind is shown on the park's page and left out of estimates.
    cost(alpha, "", "4500", "yuan", label="Average monthly wage")
    cost(beta, Kind.LAND, "160000", "yuan per mu")
    cost(beta, Kind.ELECTRICITY, "0.6523", "yuan per kWh")
    cost(beta, Kind.WATER, "5", "yuan per ton")
    cost(hidden, Kind.LAND, "1", "yuan per mu")
    press = figure("Press operator", 5200, 6800, order=1)
    inspector = figure("Inspector", 4800, order=2)
    figure("Unpublished role", 1, 2, is_published=False)
    return {
        "forging": forging,
        "bearings": bearings,
        "alpha": alpha,
        "beta": beta,
        "press": press,
        "inspector": inspector,
    }


def query(county, staff=None, **inputs):
    """The estimator's query string: the inputs, then each role's key and headcount."""
    values = {"land": "0", "electricity": "0", "gas": "0", "water": "0", **inputs}
    pairs = list(values.items())
    for role, count in (staff or {}).items():
        pairs += [("role", county[role].pk), ("staff", count)]
    return urlencode(pairs)


def estimate(client, county, staff=None, language="en", **inputs):
    response = client.get(f"/{language}/projects/estimate/?{query(county, staff, **inputs)}")
    assert response.status_code == 200
    return response


def figures(response):
    """{park slug: {"land", "total", "per_ton", "missing", line label: amount or None}}."""
    result = {}
    for entry in response.context["estimates"]:
        lines = {str(line["label"]): line["amount"] for line in entry["yearly"]}
        lines.update(
            land=entry["land"]["amount"] if entry["land"] else "no land line",
            total=entry["total"],
            per_ton=entry["per_ton"],
            missing=[str(label) for label in entry["missing"]],
        )
        result[entry["park"].slug] = lines
    return result


SET_ONE = {
    "inputs": {
        "land": "50",
        "electricity": "2,000,000",
        "gas": "1万",
        "water": "3000",
        "tonnage": "5000",
    },
    "staff": {"press": "20", "inspector": "0"},
    # Alpha: 50 x 150,000; 2,000,000 x 0.65; 10,000 x 3.6; 3,000 x 4.2; 20 x 6,000 x 12.
    # Beta: 50 x 160,000; 2,000,000 x 0.6523; no gas row; 3,000 x 5; the same wages.
    "alpha": {
        "land": Decimal("7500000.00"),
        "Electricity": Decimal("1300000.00"),
        "Natural gas": Decimal("36000.00"),
        "Water": Decimal("12600.00"),
        "Press operator": Decimal("1440000.00"),
        "total": Decimal("2788600.00"),
        "per_ton": Decimal("557.72"),
        "missing": [],
    },
    "beta": {
        "land": Decimal("8000000.00"),
        "Electricity": Decimal("1304600.00"),
        "Natural gas": None,
        "Water": Decimal("15000.00"),
        "Press operator": Decimal("1440000.00"),
        "total": Decimal("2759600.00"),
        "per_ton": Decimal("551.92"),
        "missing": ["Natural gas"],
    },
}
SET_TWO = {
    "inputs": {"water": "1000"},
    "staff": {"inspector": "3"},
    # Water only, and three inspectors at their single wage: 3 x 4,800 x 12 = 172,800.
    "alpha": {
        "land": "no land line",
        "Water": Decimal("4200.00"),
        "Inspector": Decimal("172800.00"),
        "total": Decimal("177000.00"),
        "per_ton": None,
        "missing": [],
    },
    "beta": {
        "land": "no land line",
        "Water": Decimal("5000.00"),
        "Inspector": Decimal("172800.00"),
        "total": Decimal("177800.00"),
        "per_ton": None,
        "missing": [],
    },
}
SET_THREE = {
    "inputs": {"land": "12.5", "electricity": "１万", "tonnage": "2"},
    "staff": {},
    # 12.5 mu; 10,000 kWh typed with a full-width digit; a cost per ton of 2 tons.
    "alpha": {
        "land": Decimal("1875000.00"),
        "Electricity": Decimal("6500.00"),
        "total": Decimal("6500.00"),
        "per_ton": Decimal("3250.00"),
        "missing": [],
    },
    "beta": {
        "land": Decimal("2000000.00"),
        "Electricity": Decimal("6523.00"),
        "total": Decimal("6523.00"),
        "per_ton": Decimal("3261.50"),
        "missing": [],
    },
}


@pytest.mark.parametrize("case", [SET_ONE, SET_TWO, SET_THREE], ids=["full", "water", "land"])
def test_figures_equal_a_hand_computation(client, county, case):
    response = estimate(client, county, case["staff"], **case["inputs"])
    assert figures(response) == {"alpha": case["alpha"], "beta": case["beta"]}
    assert [e["park"].slug for e in response.context["estimates"]] == ["alpha", "beta"]


def test_each_line_shows_its_calculation_source_and_date(client, county):
    response = estimate(client, county, SET_ONE["staff"], **SET_ONE["inputs"])
    html = response.content.decode()
    assert "CNY 7.5 million" in html
    assert "50 mu × 150,000 yuan per mu" in html
    assert "2,000,000 kWh × 0.6523 yuan per kWh" in html
    assert "20 people × CNY 6,000 a month × 12 months" in html
    assert "Alpha Park office" in html and "Beta Park office" in html
    assert '<time datetime="2026-03-01">1 March 2026</time>' in html
    assert "County labour bureau" in html
    assert '<time datetime="2026-01-31">31 January 2026</time>' in html
    assert "Wages are county-wide figures, the same for every park" in html
    assert "CNY 557.72 per ton" in html
    for left_out in ("buildings or factory rent", "equipment", "taxes", "financing", "logistics"):
        assert left_out in html
    assert "The incentives&#x27; value is not subtracted." in html
    assert "Hidden Park" not in html and "Unpublished role" not in html


def test_chinese_amounts_in_wan(client, county):
    response = estimate(client, county, SET_ONE["staff"], language="zh-hans", **SET_ONE["inputs"])
    html = response.content.decode()
    assert "750万元" in html and "278.86万元" in html
    assert "200万千瓦时 × 0.65yuan per kWh" in html
    assert "20人 × 月工资6,000元 × 12个月" in html


def test_doubling_a_headcount_changes_exactly_the_labour_lines(client, county):
    once = figures(estimate(client, county, {"press": "20"}, **SET_ONE["inputs"]))
    twice = figures(estimate(client, county, {"press": "40"}, **SET_ONE["inputs"]))
    for park in ("alpha", "beta"):
        changed = {key for key in once[park] if once[park][key] != twice[park][key]}
        assert changed == {"Press operator", "total", "per_ton"}
        assert twice[park]["Press operator"] == 2 * once[park]["Press operator"]
        assert twice[park]["total"] - once[park]["total"] == once[park]["Press operator"]


def test_a_missing_cost_row_is_reported_not_counted(client, county):
    response = estimate(client, county, **SET_ONE["inputs"])
    beta = response.context["estimates"][1]
    gas = next(line for line in beta["yearly"] if line["label"] == "Natural gas")
    assert gas["missing"] and gas["amount"] is None
    html = response.content.decode()
    assert html.count("No price listed: not counted") == 1
    assert "Incomplete: this park lists no price for natural gas." in html
    # With no gas needed, nothing is missing.
    inputs = {**SET_ONE["inputs"], "gas": "0"}
    assert figures(estimate(client, county, **inputs))["beta"]["missing"] == []
    # A park without a land row says so too.
    ParkCost.objects.filter(park=county["alpha"], kind=Kind.LAND).delete()
    alpha = estimate(client, county, **SET_ONE["inputs"]).context["estimates"][0]
    assert alpha["land"]["missing"] and alpha["land"]["amount"] is None


@pytest.fixture
def incentives(county):
    alpha, beta = county["alpha"], county["beta"]
    return {
        "any": incentive("any", [alpha, beta]),
        "forging": incentive("forging", [alpha], [county["forging"]]),
        "big": incentive("big", [alpha, beta], min_investment_yuan=Decimal(100_000_000)),
        "beta-only": incentive("beta-only", [beta], valid_until=None),
        "ends-today": incentive("ends-today", [alpha], valid_until=TODAY),
        "starts-today": incentive("starts-today", [beta], valid_from=TODAY),
        "expired": incentive(
            "expired", [alpha, beta], valid_from=TODAY - 900 * DAY, valid_until=TODAY - DAY
        ),
        "future": incentive("future", [alpha, beta], valid_from=TODAY + DAY),
        "draft": incentive("draft", [alpha, beta], is_published=False),
        "nowhere": incentive("nowhere", []),
    }


def listed(response):
    return {
        entry["park"].slug: [item["incentive"].title for item in entry["incentives"]]
        for entry in response.context["estimates"]
    }


@pytest.mark.parametrize(
    ("sector", "investment", "alpha", "beta"),
    [
        ("", "", ["any"], ["any", "beta-only"]),
        ("forging", "", ["any", "forging"], ["any", "beta-only"]),
        ("bearings", "", ["any"], ["any", "beta-only"]),
        ("forging", "1亿", ["any", "forging", "big"], ["any", "big", "beta-only"]),
        ("", "99999999", ["any"], ["any", "beta-only"]),
        ("", "100,000,000", ["any", "big"], ["any", "big", "beta-only"]),
    ],
)
def test_incentives_listed_match_park_sector_size_and_validity(
    client, county, incentives, sector, investment, alpha, beta
):
    response = estimate(client, county, land="10", sector=sector, investment=investment)
    found = {park: sorted(titles) for park, titles in listed(response).items()}
    assert found == {
        "alpha": sorted([*alpha, "ends-today"]),
        "beta": sorted([*beta, "starts-today"]),
    }


def test_incentives_show_document_number_and_validity(client, county, incentives):
    html = estimate(client, county, land="10").content.decode()
    start, end = (date_format(TODAY + n * DAY, "DATE_FORMAT") for n in (-400, 400))
    assert "冠政发〔2025〕any号" in html
    assert f"valid {start} to {end}" in html
    assert f"valid from {start}, no end date" in html
    assert "Benefit of beta-only" in html
    assert "expired" not in html and "future" not in html


HOSTILE = ["-5", "1e400", "NaN", "fifty", "9" * 10_000, "1" + "0" * 40, "Infinity", "0x10"]
MESSAGES = {
    "en": {
        "negative": "Enter 0 or more.",
        "invalid": "Enter a number, for example 50, 2,000,000 or 200万.",
        "large": "Enter at most",
        "required": "Enter a number; 0 if you need none.",
        "summary": "Please correct the following",
    },
    "zh-hans": {
        "negative": "请输入0或更大的数。",
        "invalid": "请输入数字，例如50、2,000,000或200万。",
        "large": "最多可输入",
        "required": "请输入数字；不需要的填0。",
        "summary": "请更正以下内容",
    },
}


def expected_message(value):
    if value == "-5":
        return "negative"
    if value.isdigit():
        return "large"
    return "invalid"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("field", ["land", "electricity", "gas", "water", "tonnage"])
@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: v[:12])
def test_hostile_input_gets_the_form_with_a_message(client, county, language, field, value):
    inputs = {"land": "10", field: value}
    response = client.get(f"/{language}/projects/estimate/?{query(county, **inputs)}")
    assert response.status_code == 200
    assert response.page_cache_do_not_store
    assert "estimates" not in response.context
    form = response.context["form"]
    assert list(form.errors) == [field]
    if field == "tonnage" and value == "-5":
        message = "Enter more than 0." if language == "en" else "请输入大于0的数。"
    else:
        message = MESSAGES[language][expected_message(value)]
    assert message in form.errors[field][0]
    html = response.content.decode()
    assert MESSAGES[language]["summary"] in html
    assert message in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_missing_quantity_and_a_bad_headcount_get_messages(client, county, language):
    url = f"/{language}/projects/estimate/?land=10&electricity=&gas=0&water=0"
    url += f"&role={county['press'].pk}&staff=2.5&role={county['inspector'].pk}&staff=-1"
    response = client.get(url)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {
        "electricity",
        f"staff_{county['press'].pk}",
        f"staff_{county['inspector'].pk}",
    }
    assert errors["electricity"] == [MESSAGES[language]["required"]]
    whole = "Enter a whole number of people." if language == "en" else "人数请输入整数。"
    assert errors[f"staff_{county['press'].pk}"] == [whole]


def test_nothing_needed_or_a_role_no_longer_listed_is_said(client, county):
    response = estimate(client, county)
    assert response.context["form"].non_field_errors() == [
        "Enter at least one quantity or headcount above 0."
    ]
    response = client.get(f"{URL}?{query(county, land='1')}&role=999999&staff=3")
    assert "no longer lists" in response.context["form"].non_field_errors()[0]
    assert "estimates" not in response.context


def test_an_empty_form_shows_just_the_form(client, county):
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    html = response.content.decode()
    assert "Please correct the following" not in html
    assert "Your estimate" not in html
    assert html.count('name="staff"') == 2 and html.count('name="role"') == 2
    assert not getattr(response, "page_cache_do_not_store", False)


def test_a_fixed_number_of_queries(client, county, incentives, django_assert_num_queries):
    url = f"{URL}?{query(county, SET_ONE['staff'], sector='forging', **SET_ONE['inputs'])}"
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    for n in range(5):
        park = make_park(name_en=f"More {n}", slug=f"more-{n}", order=10 + n)
        for kind in (Kind.LAND, Kind.ELECTRICITY, Kind.GAS, Kind.WATER, ""):
            cost(park, kind, "2")
        incentive(f"more-{n}", [park, county["alpha"]], [county["forging"]])
    figure("Another role", 3000, 4000)
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(response.context["estimates"]) == 7


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_reads_back(client, county, incentives):
    response = client.get(f"{CSV_URL}?{query(county, SET_ONE['staff'], **SET_ONE['inputs'])}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cost-estimate.csv"'
    rows = read_csv(response)
    assert rows[0] == ["Park", "Item", "Calculation", "Amount (yuan)", "Source", "As of"]
    by_item = {(row[0], row[1]): row for row in rows[1:]}
    assert by_item[("Alpha Park", "Land (one-off)")][2:] == [
        "50 mu × 150,000 yuan per mu",
        "7500000.00",
        "Alpha Park office",
        "2026-03-01",
    ]
    assert by_item[("Beta Park", "Natural gas")][3] == "no price listed"
    assert by_item[("Alpha Park", "Yearly operating cost")][3] == "2788600.00"
    assert (
        by_item[("Beta Park", "Yearly operating cost, incomplete: no price for natural gas")][3]
        == "2759600.00"
    )
    assert by_item[("Beta Park", "Cost per ton")][3] == "551.92"
    assert by_item[("Alpha Park", "Incentive: any")][4:] == [
        "冠政发〔2025〕any号",
        "valid {} to {}".format(
            *(date_format(TODAY + n * DAY, "DATE_FORMAT") for n in (-400, 400))
        ),
    ]
    assert rows[-1][0].startswith("This estimate leaves out buildings or factory rent")


def test_the_csv_guards_spreadsheet_formulas(client, county):
    ParkCost.objects.filter(park=county["alpha"]).update(source_en="=HYPERLINK(1)")
    rows = read_csv(client.get(f"{CSV_URL}?{query(county, land='1')}"))
    alpha_land = next(row for row in rows if row[:2] == ["Alpha Park", "Land (one-off)"])
    assert alpha_land[4] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("bad", ["", "land=-1", "land=1e400"])
def test_the_csv_of_bad_input_is_refused(client, county, bad):
    response = client.get(f"{CSV_URL}?{bad}")
    assert response.status_code == 400
    assert response.page_cache_do_not_store


def test_enquire_about_this_estimate_carries_the_inputs(client, county):
    response = estimate(client, county, SET_ONE["staff"], **SET_ONE["inputs"])
    link = response.context["enquiry_url"]
    assert link.startswith("/en/enquire/?message=")
    message = parse_qs(urlsplit(link).query)["message"][0]
    shared = urlsplit(message.split("\n")[0].split(": ", 1)[1])
    assert shared.path == URL
    assert "Land (mu): 50 mu" in message
    assert "Press operator: 20" in message
    form = client.get(link)
    assert form.status_code == 200
    assert form.context["form"].initial["message"] == message
    assert "Land (mu): 50 mu" in form.content.decode()


def test_the_shared_address_gives_the_same_estimate(client, county):
    first = estimate(client, county, SET_ONE["staff"], **SET_ONE["inputs"])
    message = parse_qs(urlsplit(first.context["enquiry_url"]).query)["message"][0]
    shared = message.split("\n")[0].split(": ", 1)[1]
    again = client.get(urlsplit(shared).path + "?" + urlsplit(shared).query)
    assert figures(again) == figures(first)


def test_the_page_cache_keeps_the_estimators_parameters(client, county, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = f"{URL}?{query(county, SET_ONE['staff'], **SET_ONE['inputs'])}&sector=forging"
    assert client.get(url).status_code == 200
    assert client.get(f"{url}&investment=3亿").status_code == 200
    assert client.get(f"{url}&utm_source=x").status_code == 301


def test_labels_are_translated(client, county):
    with translation.override("zh-hans"):
        response = estimate(client, county, language="zh-hans", land="1")
    html = response.content.decode()
    assert "成本估算" in html
    assert "土地（亩）" in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(
    ("field", "value", "english", "chinese"),
    [
        ("investment", "1e400", "Enter a number, for example 320000000", "请输入数字"),
        ("investment", "-3亿", "Enter 0 or more.", "请输入0或更大的数。"),
        ("investment", "20001亿", "Enter at most", "最多可输入"),
        ("sector", "<script>", "Select a valid choice.", "选择一个有效的选项"),
        ("staff", "1e400", "Enter a number, for example 50", "请输入数字"),
        ("staff", "9" * 10_000, "Enter at most 100,000.", "最多可输入10万。"),
    ],
)
def test_hostile_incentive_and_headcount_inputs(
    client, county, language, field, value, english, chinese
):
    if field == "staff":
        url = f"/{language}/projects/estimate/?{query(county, {'press': value}, land='1')}"
        name = f"staff_{county['press'].pk}"
    else:
        url = f"/{language}/projects/estimate/?{query(county, land='1', **{field: value})}"
        name = field
    response = client.get(url)
    assert response.status_code == 200
    assert response.page_cache_do_not_store
    errors = response.context["form"].errors
    assert list(errors) == [name]
    assert (english if language == "en" else chinese) in errors[name][0]


def test_the_enquiry_form_takes_a_prefilled_message_within_limits(client, county):
    response = client.get("/en/enquire/?" + urlencode({"message": "a\x00b" + "x" * 3000}))
    assert response.status_code == 200
    initial = response.context["form"].initial["message"]
    assert initial.startswith("abx") and len(initial) == 2000
    assert "message" not in client.get("/en/enquire/?message=%20%20").context["form"].initial
