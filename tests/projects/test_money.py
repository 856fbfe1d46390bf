import pytest

from projects.formatting import format_area as area
from projects.formatting import format_money


@pytest.mark.parametrize(
    ("amount", "english", "chinese"),
    [
        ("680000000", "CNY 680 million", "6.8亿元"),
        ("1020000000", "CNY 1.02 billion", "10.2亿元"),
        ("1022000000", "CNY 1.02 billion", "10.22亿元"),
        ("10220000000", "CNY 10.22 billion", "102.2亿元"),
        ("12500000", "CNY 12.5 million", "1,250万元"),
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
    from django.utils import translation

    with translation.override("zh-hans"):
        assert format_money("680000000", "en") == "CNY 680 million"
    with translation.override("en"):
        assert format_money("680000000", "zh-hans") == "6.8亿元"
