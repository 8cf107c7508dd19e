"""Indonesian and English amounts and dates, as statements and spreadsheets print them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.parsing import ParseError, guess_locale, parse_amount, parse_date


def format_id(value: Decimal, cents: bool) -> str:
    whole = f"{abs(value):,.0f}".replace(",", ".")
    text = whole + (",00" if cents else "")
    return ("-" if value < 0 else "") + text


def format_en(value: Decimal, cents: bool) -> str:
    text = f"{abs(value):,.2f}" if cents else f"{abs(value):,.0f}"
    return ("-" if value < 0 else "") + text


amounts = st.integers(min_value=-(10**12), max_value=10**12).map(Decimal)


@given(amounts, st.booleans())
def test_indonesian_grouping_round_trips(value: Decimal, cents: bool) -> None:
    assert parse_amount(format_id(value, cents), "id") == value


@given(amounts, st.booleans())
def test_english_grouping_round_trips(value: Decimal, cents: bool) -> None:
    assert parse_amount(format_en(value, cents), "en") == value


@given(st.integers(min_value=1000, max_value=10**12).map(Decimal))
def test_the_locale_is_guessed_from_grouped_values(value: Decimal) -> None:
    assert guess_locale([format_id(value, True)]) == "id"
    assert guess_locale([format_en(value, True)]) == "en"


def test_amount_forms() -> None:
    assert parse_amount("Rp 1.234.567") == Decimal(1234567)
    assert parse_amount("80.000.000,50") == Decimal("80000000.50")
    assert parse_amount("(25.000)") == Decimal(-25000)
    assert parse_amount("+1,000,000", "en") == Decimal(1000000)
    for bad in ("", "abc", "1.2.3,4,5", "12 D"):
        with pytest.raises(ParseError):
            parse_amount(bad)
    # an XLSX number cell comes as a float: read by its shortest decimal text, never its binary value
    assert parse_amount(0.1) == Decimal("0.1") and parse_amount(1.5) == Decimal("1.5")


MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember"]  # fmt: skip
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]  # fmt: skip
SHORT_ID = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_date_forms_round_trip(day: datetime.date) -> None:
    m = day.month - 1
    forms = [
        day.strftime("%d/%m/%Y"), day.strftime("%d/%m/%y"), day.strftime("%d-%m-%Y"), day.isoformat(),
        f"{day.day:02d} {SHORT_ID[m]} {day.year}", f"{day.day} {MONTHS_ID[m]} {day.year}",
        f"{day.day} {MONTHS_EN[m]} {day.year}", f"{day.day:02d} {MONTHS_EN[m][:3]} {day.year}",
        day.strftime("%d/%m/%y 05:31:09"), f"{day.day:02d} {SHORT_ID[m]} {day.year} 05:31:09 WIB",
    ]  # fmt: skip
    for form in forms:
        assert parse_date(form) == day, form


def test_bad_dates() -> None:
    for bad in ("31/02/2026", "2026-13-01", "1 Foo 2026", "yesterday", ""):
        with pytest.raises(ParseError):
            parse_date(bad)
    assert parse_date("1 Ags 2026") == datetime.date(2026, 8, 1)
