"""Money, land and quantities in the reader's language: one place decides how amounts are
written. Chinese counts large numbers in 万 (10^4) and 亿 (10^8) with the unit right after the
number ("100万吨", "15万元/亩"); English groups digits in thousands ("1,000,000 tons")."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language, gettext, override

from projects.models import MU_PER_HECTARE

BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
YI = Decimal(100_000_000)  # 亿
WAN = Decimal(10_000)  # 万


def _trimmed(value, places=2, grouped=True):
    """A Decimal rounded to `places` decimals without trailing zeros: 10.20 -> "10.2"; digits
    grouped in thousands unless `grouped` is false."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}" if grouped else f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _as_decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


def format_money(value, language=None):
    """Yuan in the reader's language: "CNY 1.02 billion" in English, "10.22亿元" in Chinese."""
    amount = _as_decimal(value)
    if amount is None:
        return ""
    language = language or get_language() or "en"
    if language.startswith("zh"):
        if amount >= YI:
            return f"{_trimmed(amount / YI, grouped=False)}亿元"
        if amount >= WAN:
            return f"{_trimmed(amount / WAN, grouped=False)}万元"
        return f"{_trimmed(amount)}元"
    # The wording follows `language`, not whichever language happens to be active.
    with override(language):
        if amount >= BILLION:
            return gettext("CNY %(amount)s billion") % {"amount": _trimmed(amount / BILLION)}
        if amount >= MILLION:
            return gettext("CNY %(amount)s million") % {"amount": _trimmed(amount / MILLION)}
    return f"CNY {_trimmed(amount)}"


def format_area(hectares):
    """Hectares with mu beside them, the unit Chinese land deals are made in (1 ha = 15 mu)."""
    amount = _as_decimal(hectares)
    if amount is None:
        return ""
    return gettext("%(ha)s ha (%(mu)s mu)") % {
        "ha": _trimmed(amount),
        "mu": _trimmed(amount * MU_PER_HECTARE, 0),
    }


def _chinese_number(amount, places):
    """A number as a Chinese editor writes it: 11000 -> "1.1万", 8000000000 -> "80亿"."""
    # A count of 万 or 亿 is written without separators: 7560万, never 7,560万.
    if abs(amount) >= YI:
        return f"{_trimmed(amount / YI, places + 4, grouped=False)}亿"
    if abs(amount) >= WAN:
        return f"{_trimmed(amount / WAN, places + 4, grouped=False)}万"
    return _trimmed(amount, places)


def format_quantity(value, unit="", language=None, places=2):
    """A count or measure with its unit, in the reader's language.

    `format_quantity(1000000, "吨", "zh-hans")` -> "100万吨"; `format_quantity(150000, "元/亩",
    "zh-hans")` -> "15万元/亩"; `format_quantity(1000000, "tons", "en")` -> "1,000,000 tons".
    A per cent sign follows the number directly in both languages. Up to `places` decimals
    of the number as stored are kept, so 12345 reads "1.2345万", never a rounded "1.2万".
    """
    amount = _as_decimal(value)
    if amount is None:
        return ""
    unit = (unit or "").strip()
    language = language or get_language() or "en"
    if language.startswith("zh"):
        return f"{_chinese_number(amount, places)}{unit}"
    number = _trimmed(amount, places)
    if not unit or unit == "%":
        return f"{number}{unit}"
    return f"{number} {unit}"


def format_figure(figure, language=None):
    """A cluster figure's value with its prefix and unit: "over 1,000,000 tons", "超过100万吨".

    An amount of money (unit "yuan") is written as `format_money` writes it.
    """
    language = language or get_language() or "en"
    if figure.is_money:
        text = format_money(figure.value, language)
    else:
        text = format_quantity(figure.value, figure.unit, language)
    prefix = (figure.prefix or "").strip()
    if not prefix:
        return text
    # Chinese sets no space between words; English does.
    return f"{prefix}{text}" if language.startswith("zh") else f"{prefix} {text}"


def amount_readback(kind, value):
    """What an amount typed in the admin says, in both languages, as the field's reading:
    "3.2亿元 / CNY 320 million" for money, "1.1万 / 11,000" for a number (up to 4 decimals,
    as costs are kept)."""
    if kind == "money":
        return f"{format_money(value, 'zh-hans')} / {format_money(value, 'en')}"
    return f"{format_quantity(value, '', 'zh-hans', 4)} / {format_quantity(value, '', 'en', 4)}"
