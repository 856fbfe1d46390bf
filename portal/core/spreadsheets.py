"""Cells of every CSV the site writes, safe to open in a spreadsheet.

A cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
spreadsheets skip before reading one of those) is run as a formula by Excel and LibreOffice:
a staff-entered `=HYPERLINK(...)` would become a live link in a file the county published. As
OWASP advises for CSV injection, such a cell is written with a leading single quote, which
spreadsheets show as text; leading spaces do not hide a formula from the check. Numbers and
dates are not text and stay as they are, so a spreadsheet still sums them. JSON needs none of
this: programs read it, not spreadsheets.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """`value` as a spreadsheet cell that is never a formula; anything but text unchanged."""
    if isinstance(value, str) and (
        value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    ):
        return f"'{value}"
    return value
