from decimal import Decimal

import pytest
from django import forms
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import translation

from portal.core.money_fields import AmountField, parse_amount
from projects.formatting import amount_readback, format_money
from projects.formatting import format_area as area
from projects.models import ClusterFigure, ParkCost, Project
from tests.factories import make_park, make_project, make_sector


@pytest.mark.parametrize(
    ("amount", "english", "chinese"),
    [
        ("680000000", "CNY 680 million", "6.8亿元"),
        ("1020000000", "CNY 1.02 billion", "10.2亿元"),
        ("1022000000", "CNY 1.02 billion", "10.22亿元"),
        ("10220000000", "CNY 10.22 billion", "102.2亿元"),
        ("12500000", "CNY 12.5 million", "1250万元"),
        ("500000", "CNY 500,000", "50万元"),
        ("0", "CNY 0", "0元"),
    ],
)
def test_money_in_the_readers_language(amount, english, chinese):
    assert format_money(amount, "en") == english
    assert format_money(amount, "zh-hans") == chinese


@pytest.mark.parametrize("bad", [None, "", "abc", object()])
def test_money_of_nothing_is_empty(bad):
    assert format_money(bad, "en") == ""


def test_area_shows_mu_beside_hectares():
    assert area("12.5") == "12.5 ha (188 mu)"
    assert area(None) == ""


def test_money_follows_the_language_asked_for_not_the_active_one():
    with translation.override("zh-hans"):
        assert format_money("680000000", "en") == "CNY 680 million"
    with translation.override("en"):
        assert format_money("680000000", "zh-hans") == "6.8亿元"


# --- Amounts typed the way people say them (portal/core/money_fields.py) and read back


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("320000000", "320000000"),
        ("320,000,000", "320000000"),
        ("3.2亿", "320000000"),
        ("3.2 亿元", "320000000"),
        ("5000万", "50000000"),
        ("5,000万元", "50000000"),
        ("￥１２万", "120000"),
        ("¥1.5亿", "150000000"),
        ("CNY 320 million", "320000000"),
        ("1.02 billion", "1020000000"),
        ("0.6523", "0.6523"),
        ("150000.00", "150000"),
        ("1.23456789亿", "123456789"),
    ],
)
def test_an_amount_is_read_as_a_clerk_types_it(typed, stored):
    value = parse_amount(typed)
    assert value == Decimal(stored)
    assert str(value) == stored


@pytest.mark.parametrize("typed", ["abc", "3.2亿亿", "3..2", "亿", "1e9", "3.2 千"])
def test_what_is_not_an_amount_is_refused(typed):
    with pytest.raises(ValueError):
        parse_amount(typed)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Enter a number, for example 320000000, 320,000,000, 32000万 or 3.2亿."),
        ("zh-hans", "请输入数字，例如 320000000、320,000,000、32000万 或 3.2亿。"),
    ],
)
def test_the_refusal_is_in_the_editors_language(language, message):
    with translation.override(language):
        field = AmountField(max_digits=16, decimal_places=2)
        with pytest.raises(forms.ValidationError) as refused:
            field.clean("三亿")
        assert refused.value.messages == [message]


def test_the_reading_says_the_amount_in_both_languages():
    assert amount_readback("money", Decimal(320_000_000)) == "3.2亿元 / CNY 320 million"
    assert amount_readback("money", Decimal(8_000_000_000)) == "80亿元 / CNY 8 billion"
    assert amount_readback("number", Decimal(11_000)) == "1.1万 / 11,000"
    assert amount_readback("number", Decimal("0.6523")) == "0.6523 / 0.6523"


@pytest.fixture
def superuser(client, db):
    user = User.objects.create_superuser("admin", "admin@example.cn", "x")
    client.force_login(user)
    return user


def _project_form(**overrides):
    data = {
        "name_en": "Ring works",
        "name_zh_hans": "套圈工厂",
        "slug": "ring-works",
        "summary_en": "A summary.",
        "summary_zh_hans": "简介。",
        "kind": "signed",
        "sector": make_sector().pk,
        "stage": "signed",
        "investment_yuan": "3.2亿",
        "annual_output_yuan": "5000万",
        "signing_date": "2023-11-14",
        "published_at_0": "2023-11-14",
        "published_at_1": "10:00:00",
    }
    for prefix in ("images", "documents", "milestones"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data | overrides


def test_a_project_saves_an_investment_typed_in_yi_and_wan(client, superuser):
    response = client.post(reverse("admin:projects_project_add"), _project_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    project = Project.objects.get()
    assert project.investment_yuan == Decimal(320_000_000)
    assert project.annual_output_yuan == Decimal(50_000_000)


def test_a_mistyped_amount_is_answered_in_chinese_and_kept_as_typed(client, superuser):
    response = client.post(
        reverse("admin:projects_project_add"),
        _project_form(investment_yuan="3.2亿亿"),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["investment_yuan"] == [
        "请输入数字，例如 320000000、320,000,000、32000万 或 3.2亿。"
    ]
    assert 'value="3.2亿亿"' in response.content.decode()
    assert not Project.objects.exists()


def test_the_form_shows_the_amount_grouped_and_read_back_beside_it(client, superuser):
    project = make_project(investment_yuan=Decimal("320000000.00"))
    content = client.get(
        reverse("admin:projects_project_change", args=[project.pk])
    ).content.decode()
    assert 'name="investment_yuan" value="320,000,000"' in content
    assert 'inputmode="decimal"' in content
    assert 'aria-describedby="id_investment_yuan_readback"' in content
    assert (
        '<output class="amount-readback" id="id_investment_yuan_readback" '
        'for="id_investment_yuan" aria-live="polite">3.2亿元 / CNY 320 million</output>'
    ) in content
    assert "/static/js/admin-money.js" in content


def test_saving_an_amount_unchanged_changes_nothing(client, superuser):
    project = make_project(investment_yuan=Decimal("320000000.00"))
    url = reverse("admin:projects_project_change", args=[project.pk])
    form = client.get(url).context["adminform"].form
    assert not form["investment_yuan"].field.has_changed(
        form.initial["investment_yuan"], "320,000,000"
    )


def test_a_cost_keeps_four_decimals(client, superuser):
    park = make_park()
    cost = ParkCost.objects.create(
        park=park,
        label_en="Industrial electricity",
        label_zh_hans="工业用电",
        amount=Decimal("0.6523"),
        unit_en="yuan per kWh",
        unit_zh_hans="元/千瓦时",
    )
    cost.refresh_from_db()
    assert cost.amount == Decimal("0.6523")
    content = client.get(reverse("admin:projects_park_change", args=[park.pk])).content.decode()
    assert 'name="costs-0-amount" value="0.6523"' in content


def test_the_figure_list_shows_amounts_as_people_read_them(client, superuser):
    ClusterFigure.objects.create(
        label_en="Output",
        label_zh_hans="产值",
        value=Decimal("8000000000.00"),
        unit_en="yuan",
        unit_zh_hans="元",
        source_en="County",
        source_zh_hans="县政府",
        as_of="2024-01-01",
    )
    url = reverse("admin:projects_clusterfigure_changelist")
    assert "CNY 8 billion" in client.get(url).content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "80亿元" in chinese
    assert "8000000000.00" not in chinese


@pytest.mark.parametrize("text", ["9" * 10000, "9" * 40, "1" * 29 + ".5亿"])
def test_an_amount_with_more_digits_than_any_amount_is_refused_not_a_crash(text):
    """Read without an error, then refused by the field's own limit, in the editor's words."""
    assert parse_amount(text) > 10**27
    field = AmountField(max_digits=16, decimal_places=2)
    with pytest.raises(forms.ValidationError):
        field.clean(text)


def test_counts_of_wan_and_yi_have_no_separators():
    from projects.formatting import format_quantity

    assert format_quantity(75_600_000, "件/年", "zh-hans", places=0) == "7560万件/年"
    assert format_money(Decimal("12345678901234"), "zh-hans") == "123456.79亿元"
