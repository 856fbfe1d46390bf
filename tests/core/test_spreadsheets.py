"""No cell of a CSV the site writes runs as a spreadsheet formula."""

import datetime
from decimal import Decimal

import pytest

from portal.core.spreadsheets import from_spreadsheet, spreadsheet_safe


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+86 635 1234", "-1234-5678", "@SUM(A1)", "\t=1", "\r=1", "  =HYPERLINK(1)", "\n-2"],
)
def test_text_that_a_spreadsheet_would_run_is_quoted(value):
    assert spreadsheet_safe(value) == f"'{value}"


@pytest.mark.parametrize("value", ["Ring forging line", "锻造环生产线", "", "a=b", "1+1", "'x"])
def test_other_text_is_left_alone(value):
    assert spreadsheet_safe(value) == value


@pytest.mark.parametrize("value", [-5, Decimal("-1.5"), 0, None, datetime.date(2023, 11, 14)])
def test_numbers_dates_and_nothing_are_not_text(value):
    assert spreadsheet_safe(value) is value


@pytest.mark.parametrize(
    "value", ["=1+1", "+86 635 1234", "  =HYPERLINK(1)", "Ring forging line", "'=x", "'quoted'", ""]
)
def test_a_cell_read_back_is_what_was_written(value):
    assert from_spreadsheet(spreadsheet_safe(value)) == value


def test_text_that_looks_guarded_is_guarded_again_so_its_quote_shows():
    assert spreadsheet_safe("'=x") == "''=x"


@pytest.mark.parametrize("value", ["'quoted'", "'1", "''"])
def test_a_quote_the_guard_did_not_write_is_kept(value):
    assert from_spreadsheet(value) == value
