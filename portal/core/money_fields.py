"""Amounts typed the way people say them, and read back beside the field.

`AmountField` takes yuan as a clerk writes them: "320000000", "320,000,000", "32000万",
"3.2亿", "3.2 亿元", "￥5000万" (full-width digits too), and stores the number. `AmountInput`
shows a stored amount with its thousands grouped and, beside it, what the number says
("3.2亿元 / CNY 320 million"), kept current while typing by static/js/admin-money.js. How the
words are written is the app's business: it passes `readback` (the registry's formatting).

Usage in an admin: `class ProjectAdmin(AmountFieldsMixin, ...): amount_fields = {"investment_yuan":
"money"}` and `def amount_readback(self, kind, value): ...`.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

INVALID = _("Enter a number, for example 320000000, 320,000,000, 32000万 or 3.2亿.")
MULTIPLIERS = {
    "亿": Decimal(100_000_000),
    "万": Decimal(10_000),
    "billion": Decimal(1_000_000_000),
    "million": Decimal(1_000_000),
}
_AMOUNT = re.compile(
    r"^(?:¥|cny|rmb)?(?P<number>-?\d+(?:\.\d+)?)(?P<unit>亿|万|billion|million)?(?:元|yuan|cny)?$"
)


def parse_amount(text):
    """The Decimal a clerk means by `text`; ValueError when it is not an amount."""
    if isinstance(text, Decimal | int):
        return Decimal(text)
    # NFKC turns full-width digits, points and the full-width yen sign into their ASCII forms.
    cleaned = unicodedata.normalize("NFKC", str(text)).lower()
    cleaned = re.sub(r"[\s,，_']", "", cleaned)
    match = _AMOUNT.match(cleaned)
    if not match:
        raise ValueError(text)
    try:
        value = Decimal(match["number"])
    except InvalidOperation as error:
        raise ValueError(text) from error
    if match["unit"]:
        value *= MULTIPLIERS[match["unit"]]
    # 3.2亿 is 320000000 exactly, not 320000000.0: whole numbers lose their decimals.
    if value == value.to_integral_value():
        try:
            return value.quantize(Decimal(1))
        except InvalidOperation:
            # More digits than the context keeps: returned as it is, for the caller's bounds
            # (a model field's digits, a form's maximum) to refuse with their own message.
            return value
    return value.normalize()


def grouped(value):
    """A Decimal with thousands grouped and no trailing zeros: 8000000000.00 -> 8,000,000,000."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class AmountInput(forms.TextInput):
    """A text input for an amount, with its reading beside it (see the module docstring)."""

    class Media:
        js = ["js/admin-money.js"]

    def __init__(self, kind="money", readback=None, attrs=None):
        self.kind = kind
        self.readback = readback
        attrs = {
            "inputmode": "decimal",
            "autocomplete": "off",
            "data-amount-kind": kind,
            **(attrs or {}),
        }
        super().__init__(attrs)

    def format_value(self, value):
        if isinstance(value, Decimal | int):
            return grouped(Decimal(value))
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_id = context["widget"]["attrs"].get("id")
        context["widget"]["attrs"]["data-amount-invalid"] = str(INVALID)
        if widget_id:
            context["widget"]["attrs"]["aria-describedby"] = f"{widget_id}_readback"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        widget_id = (attrs or {}).get("id") or self.attrs.get("id")
        if not widget_id:
            return html
        text = ""
        if self.readback:
            try:
                text = self.readback(parse_amount(value)) if value not in (None, "") else ""
            except ValueError:
                text = ""
        return format_html(
            '{}<output class="amount-readback" id="{}_readback" for="{}" aria-live="polite">'
            "{}</output>",
            html,
            widget_id,
            widget_id,
            text,
        )


class AmountField(forms.DecimalField):
    """A DecimalField that reads 万, 亿, grouping and full-width digits (`parse_amount`)."""

    widget = AmountInput
    default_error_messages = {
        "invalid": INVALID,
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_amount(value)
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def widget_attrs(self, widget):
        # No step, min or max attributes: the input is text, as "3.2亿" is.
        return forms.Field.widget_attrs(self, widget)


class AmountFieldsMixin:
    """For a ModelAdmin or an inline: `amount_fields` maps a DecimalField's name to "money"
    (yuan) or "number" (a cost per unit, a count); `amount_readback(kind, value)` words it."""

    amount_fields = {}

    def amount_readback(self, kind, value):
        return ""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        kind = self.amount_fields.get(db_field.name)
        if kind:
            kwargs["form_class"] = AmountField
            kwargs["widget"] = AmountInput(
                kind=kind, readback=lambda value, kind=kind: self.amount_readback(kind, value)
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
