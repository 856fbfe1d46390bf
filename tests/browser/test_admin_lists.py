"""The admin fits a 1366x768 office screen in both languages: each list shows its status,
published and languages columns without scrolling sideways, the park's cost table is one
click away, and amounts are read back beside their field while typing."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from projects.models import ClusterFigure, ParkCost, Partner
from tests.factories import make_park, make_project, make_sector

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

OFFICE_SCREEN = {"width": 1366, "height": 768}
LANGUAGES = {"en": "en-GB", "zh-hans": "zh-CN"}

# The columns a clerk must see on each list: whether visitors see it, and in which languages.
KEY_COLUMNS = {
    "project": ["name", "publication_status", "languages_complete"],
    "park": ["name", "publication_status", "languages_complete", "review_by_column"],
    "clusterfigure": ["label", "is_published", "languages_complete", "review_by_column"],
    "partner": ["organisation", "is_published", "languages_complete"],
    "sector": ["name", "languages_complete"],
}

SIDEWAYS = """() => {
  const results = document.querySelector('#changelist .results');
  const visible = results.getBoundingClientRect();
  const columns = {};
  for (const th of results.querySelectorAll('thead th')) {
    const name = [...th.classList].find((c) => c.startsWith('column-'));
    if (name) {
      const box = th.getBoundingClientRect();
      columns[name.slice(7)] = box.width > 0 && box.right <= Math.min(visible.right, innerWidth) + 0.5;
    }
  }
  return {
    columns,
    pageScrolls: document.documentElement.scrollWidth > innerWidth,
    listScrolls: results.scrollWidth > results.clientWidth,
  };
}"""


def _registry():
    """Long names in both languages, as the real registry has them, and every state."""
    sector = make_sector(
        name_en="Large and extra-large bearing rings", name_zh_hans="大型特大型轴承套圈"
    )
    park = make_park(
        name_en="Qingshui Bearing Forging Industrial Park (phase two)",
        name_zh_hans="清水镇轴承锻造产业园（二期）",
        review_by=timezone.localdate() - datetime.timedelta(days=3),
    )
    make_park(name_en="Guanxian Economic Development Zone", summary_zh_hans="", is_published=False)
    for number, published_at in enumerate(
        [timezone.now() - datetime.timedelta(days=2), timezone.now() + datetime.timedelta(days=9)]
    ):
        make_project(
            name_en=f"Precision ring forging line for robot joints and wind turbines {number}",
            name_zh_hans=f"机器人关节与风电轴承精密套圈锻造生产线项目{number}",
            sector=sector,
            park=park,
            investment_yuan=Decimal(1_022_000_000),
            published_at=published_at,
        )
    make_project(name_en="Heat treatment centre", summary_zh_hans="", is_published=False)
    ClusterFigure.objects.create(
        label_en="Output of the bearing industry",
        label_zh_hans="轴承产业产值",
        value=Decimal(8_000_000_000),
        unit_en="yuan",
        unit_zh_hans="元",
        source_en="People's Government of Guanxian County",
        source_zh_hans="冠县人民政府",
        as_of=datetime.date(2023, 11, 14),
    )
    Partner.objects.create(
        organisation_en="Luoyang Bearing Research Institute Co., Ltd.",
        organisation_zh_hans="洛阳轴承研究所有限公司",
        agreement_en="Strategic cooperation on research, testing and training",
        agreement_zh_hans="科研、检测与培训战略合作",
        signed_on=datetime.date(2023, 11, 14),
    )
    return park


@pytest.fixture
def clerk(browser, live_server):
    User.objects.create_superuser("clerk", "clerk@example.cn", "a long enough password")
    pages = []

    def open_as(language):
        context = browser.new_context(
            base_url=live_server.url, viewport=OFFICE_SCREEN, locale=LANGUAGES[language]
        )
        context.route(lambda url: not url.startswith(live_server.url), lambda route: route.abort())
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto("/admin/login/")
        page.fill("#id_username", "clerk")
        page.fill("#id_password", "a long enough password")
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        pages.append(context)
        return page, errors

    yield open_as
    for context in pages:
        context.close()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_list_shows_its_key_columns_without_scrolling_sideways(clerk, language):
    _registry()
    page, errors = clerk(language)
    for model, columns in KEY_COLUMNS.items():
        page.goto(f"/admin/projects/{model}/")
        seen = page.evaluate(SIDEWAYS)
        screenshot(page, f"admin-list-{model}-{language}-1366")
        assert {name: seen["columns"].get(name) for name in columns} == dict.fromkeys(
            columns, True
        ), (model, seen)
        assert not seen["pageScrolls"], model
        assert not seen["listScrolls"], model
    assert errors == []


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_the_parks_cost_table_is_one_click_from_the_top(clerk, language):
    park = _registry()
    ParkCost.objects.create(
        park=park,
        label_en="Industrial electricity",
        label_zh_hans="工业用电",
        amount=Decimal("0.6523"),
        unit_en="yuan per kWh",
        unit_zh_hans="元/千瓦时",
    )
    page, errors = clerk(language)
    page.goto(f"/admin/projects/park/{park.pk}/change/")
    # Save is at the top as well as at the bottom.
    assert page.locator("input[name=_save]").count() == 2
    assert page.locator("input[name=_save]").first.bounding_box()["y"] < OFFICE_SCREEN["height"]
    link = page.locator('.form-sections a[href="#costs-group"]')
    assert link.bounding_box()["y"] < OFFICE_SCREEN["height"]
    link.click()
    page.wait_for_function(
        "() => { const r = document.querySelector('#costs-group').getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight; }"
    )
    assert page.locator("#costs-group input[name=costs-0-amount]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, f"admin-park-form-{language}-1366")
    assert errors == []


def test_an_amount_is_read_back_while_it_is_typed(clerk):
    project = make_project(investment_yuan=Decimal(680_000_000))
    page, errors = clerk("zh-hans")
    page.goto(f"/admin/projects/project/{project.pk}/change/")
    readback = page.locator("#id_investment_yuan_readback")
    assert readback.text_content() == "6.8亿元 / CNY 680 million"
    page.fill("#id_investment_yuan", "3.2亿")
    assert readback.text_content() == "3.2亿元 / CNY 320 million"
    page.fill("#id_investment_yuan", "5,000万")
    assert readback.text_content() == "5000万元 / CNY 50 million"
    page.fill("#id_investment_yuan", "三亿")
    assert readback.text_content() == "请输入数字，例如 320000000、320,000,000、32000万 或 3.2亿。"
    page.fill("#id_investment_yuan", "1.02 billion")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/projects/project/")
    project.refresh_from_db()
    assert project.investment_yuan == Decimal(1_020_000_000)
    assert errors == []
