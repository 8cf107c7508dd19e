"""The one rupiah formatter (ledger.money.format_idr): read back by the one amount reader, and
what reports, findings, Fava and the command line print."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from importers.parsing import parse_amount
from ledger.money import format_idr
from reports.pdf.fmt import Fmt

whole = st.integers(min_value=-(10**15), max_value=10**15).map(Decimal)
with_sen = st.decimals(min_value=-(10**13), max_value=10**13, places=2, allow_nan=False, allow_infinity=False)


@given(whole, st.booleans())
def test_whole_rupiah_read_back(number: Decimal, symbol: bool) -> None:
    text = format_idr(number, symbol=symbol)
    assert parse_amount(text, "id") == number
    assert parse_amount(text, None) == number  # as typed into a spreadsheet: marks told by the text


@given(with_sen)
def test_sen_kept_and_read_back(number: Decimal) -> None:
    assert parse_amount(format_idr(number, sen=True), "id") == number
    assert parse_amount(format_idr(number, symbol=False, sen=True), "id") == number


@given(with_sen)
def test_sen_shown_when_present(number: Decimal) -> None:
    text = format_idr(number)
    assert parse_amount(text, "id") == number
    assert ("," in text) == (number != number.to_integral_value())


def test_the_shapes_people_see() -> None:
    assert format_idr(Decimal(1234567)) == "Rp 1.234.567"
    assert format_idr(Decimal(-1234567)) == "-Rp 1.234.567"
    assert format_idr(0) == "Rp 0"
    assert format_idr(Decimal("999.5")) == "Rp 999,50"
    assert format_idr(Decimal("80000000.50")) == "Rp 80.000.000,50"
    assert format_idr(Decimal("1234567.00")) == "Rp 1.234.567"
    assert format_idr(Decimal(-1250000), symbol=False) == "-1.250.000"
    assert format_idr(Decimal("1250000.5"), symbol=False, sen=True) == "1.250.000,5"
    assert format_idr(Decimal("1250000.50"), sen=True) == "Rp 1.250.000,50"


@given(whole, st.sampled_from(["id", "en"]))
def test_reports_write_money_as_everyone_else(number: Decimal, lang: str) -> None:
    assert Fmt(lang).money(number) == format_idr(number)
