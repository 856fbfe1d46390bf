"""Money and land in the reader's language: one place decides how amounts are written."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import get_language, gettext, override

from projects.models import MU_PER_HECTARE

BILLION = Decimal(1_000_000_000)
MILLION = Decimal(1_000_000)
YI = Decimal(100_000_000)  # 亿
WAN = Decimal(10_000)  # 万


def _trimmed(value, places=2):
    """A Decimal rounded to `places` decimals without trailing zeros: 10.20 -> "10.2"."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,f}"
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
            return f"{_trimmed(amount / YI)}亿元"
        if amount >= WAN:
            return f"{_trimmed(amount / WAN)}万元"
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
