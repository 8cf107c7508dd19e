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


# One amount reader and one date reader for every importer (issue 13): the forms people type.

TYPED_FORMS = ("Rp {id}", "Rp. {id}", "{id},-", "{en}", "{id},00", "{en}.00", "IDR {id}", "{plain}")


@given(st.integers(min_value=0, max_value=10**13), st.sampled_from(TYPED_FORMS), st.booleans())
def test_a_typed_amount_reads_back_without_knowing_its_locale(value: int, form: str, negative: bool) -> None:
    grouped = f"{value:,}"
    text = form.format(id=grouped.replace(",", "."), en=grouped, plain=value)
    if negative:
        text = "-" + text
    assert parse_amount(text, None) == (-value if negative else value)


@given(
    st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99), st.sampled_from(",.")
)
def test_one_mark_before_one_or_two_digits_is_the_decimal_mark(whole: int, cents: int, mark: str) -> None:
    digits = f"{cents:02d}" if cents >= 10 or cents % 10 else f"{cents // 10}"
    assert parse_amount(f"{whole}{mark}{digits}", None) == Decimal(f"{whole}.{digits}")


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_marks_given_explicitly_are_followed(value: Decimal) -> None:
    text = f"{value:,.2f}"
    assert parse_amount(text, decimal=".", thousands=",") == value
    assert parse_amount(text.replace(",", "_").replace(".", ",").replace("_", "."), "id") == value


@given(st.floats(min_value=-(10**9), max_value=10**9, allow_nan=False))
def test_an_xlsx_number_is_read_by_its_shortest_decimal_text(number: float) -> None:
    assert parse_amount(number) == Decimal(repr(number))


@given(st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2099, 12, 31)))
def test_an_excel_day_serial_is_its_date(day: datetime.date) -> None:
    from openpyxl.utils.datetime import to_excel

    assert parse_date(int(to_excel(day))) == day


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_a_date_that_reads_both_ways_is_refused_unless_settled(day: datetime.date) -> None:
    from importers.parsing import day_first_of

    text = day.strftime("%d/%m/%Y")
    ambiguous = day.day <= 12 and day.day != day.month
    if ambiguous:
        with pytest.raises(ParseError, match="ambiguous"):
            parse_date(text, day_first=None)
    else:
        assert parse_date(text, day_first=None) == day
    settled = day_first_of([text, "13/01/2026"])
    assert settled is True and parse_date(text, day_first=settled) == day
    assert day_first_of(["01/13/2026"]) is False and day_first_of([day.isoformat()]) is None
