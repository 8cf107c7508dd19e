"""The one period reader (importers.parsing.parse_period): every way a bank, a passbook cover
or a profile export prints a statement period, rendered here from a random period and read
back. The renderer keeps its own month names and separators: it writes what statements print,
not what the reader knows."""

from __future__ import annotations

import calendar
import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.parsing import ParseError, parse_period

ID_LONG = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November "
           "Desember").split()  # fmt: skip
ID_ABBR = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
EN_LONG = ("January February March April May June July August September October November "
           "December").split()  # fmt: skip
EN_ABBR = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
NAMES = (ID_LONG, ID_ABBR, EN_LONG, EN_ABBR)
JOINERS = (" - ", " – ", "–", " s/d ", " S/D ", " s.d. ", " sd ", " sampai ", " sampai dengan ",
           " hingga ", " to ", " until ", " TO ")  # fmt: skip

days = st.dates(datetime.date(2000, 1, 1), datetime.date(2098, 12, 31))


def month_name(day: datetime.date, names: list[str], case: int) -> str:
    name = names[day.month - 1]
    return (name, name.upper(), name.lower())[case]


def full(day: datetime.date, style: int, names: list[str], case: int) -> str:
    """One date as statements print it."""
    if style == 0:
        return f"{day:%d/%m/%Y}"
    if style == 1:
        return f"{day:%d-%m-%Y}"
    if style == 2:
        return f"{day:%d/%m/%y}"
    if style == 3:
        return f"{day.day} {month_name(day, names, case)} {day.year}"
    if style == 4:
        return f"{day:%d} {month_name(day, names, case)} {day.year}"
    return f"{day:%Y-%m-%d}"


@given(days, st.integers(0, 500), st.integers(0, 5), st.sampled_from(NAMES), st.integers(0, 2),
       st.sampled_from(JOINERS))  # fmt: skip
def test_two_dates_in_every_form(
    start: datetime.date, length: int, style: int, names: list[str], case: int, joiner: str
) -> None:
    end = start + datetime.timedelta(days=length)
    if style == 2 and end.year > 2099:
        return  # two-digit years across a century: see test_bank_pdf_parsing
    text = f"{full(start, style, names, case)}{joiner}{full(end, style, names, case)}"
    assert parse_period(text) == (start, end)


@given(days, st.integers(0, 500), st.sampled_from(NAMES), st.integers(0, 2), st.sampled_from(JOINERS))
def test_start_leaves_out_what_it_shares(
    start: datetime.date, length: int, names: list[str], case: int, joiner: str
) -> None:
    """ "1 - 31 Januari 2026", "1 Oktober - 31 Desember 2025" (BNI)."""
    end = start + datetime.timedelta(days=length)
    if (start.year, start.month) == (end.year, end.month):
        head = f"{start.day}"
    elif start.year == end.year:
        head = f"{start.day} {month_name(start, names, case)}"
    else:
        head = f"{start.day} {month_name(start, names, case)} {start.year}"
    text = f"{head}{joiner}{end.day} {month_name(end, names, case)} {end.year}"
    assert parse_period(text) == (start, end)


def last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@given(days, st.sampled_from(NAMES), st.integers(0, 2), st.sampled_from(["{m} {y}", "{m}-{y}", "{m}. {y}"]))
def test_whole_month(day: datetime.date, names: list[str], case: int, shape: str) -> None:
    """ "Januari 2026", "JAN 2026", "01/2026": the whole month."""
    expected = (day.replace(day=1), last_day(day.year, day.month))
    assert parse_period(shape.format(m=month_name(day, names, case), y=day.year)) == expected
    assert parse_period(f"{day:%m/%Y}") == expected
    assert parse_period(f"{day:%Y-%m}") == expected


@given(days, st.integers(0, 24), st.sampled_from(NAMES), st.sampled_from(JOINERS), st.booleans())
def test_range_of_months(
    first: datetime.date, months: int, names: list[str], joiner: str, short_start: bool
) -> None:
    """ "Januari - Maret 2026", "Oktober 2025 s/d Desember 2025"."""
    index = first.year * 12 + first.month - 1 + months
    last = datetime.date(index // 12, index % 12 + 1, 1)
    head = names[first.month - 1]
    if not (short_start and first.year == last.year):
        head += f" {first.year}"
    text = f"{head}{joiner}{names[last.month - 1]} {last.year}"
    assert parse_period(text) == (first.replace(day=1), last_day(last.year, last.month))


@given(days, st.integers(0, 500))
def test_without_spaces_around_the_hyphen(start: datetime.date, length: int) -> None:
    end = start + datetime.timedelta(days=length)
    assert parse_period(f"{start:%d/%m/%Y}-{end:%d/%m/%Y}") == (start, end)
    assert parse_period(f"{start:%d-%m-%Y}-{end:%d-%m-%Y}") == (start, end)


@given(days, st.integers(1, 500), st.sampled_from(JOINERS), st.integers(0, 3))
def test_end_before_start_refused(start: datetime.date, length: int, joiner: str, style: int) -> None:
    end = start + datetime.timedelta(days=length)
    text = f"{full(end, style, EN_LONG, 0)}{joiner}{full(start, style, EN_LONG, 0)}"
    with pytest.raises(ParseError, match="starts after it ends"):
        parse_period(text)


def test_profile_formats_come_first() -> None:
    """A profile that says its export puts the month first."""
    text = "01/02/2026 - 01/03/2026"
    assert parse_period(text) == (datetime.date(2026, 2, 1), datetime.date(2026, 3, 1))
    assert parse_period(text, formats=("%m/%d/%Y",)) == (datetime.date(2026, 1, 2), datetime.date(2026, 1, 3))


@given(st.text(max_size=40))
def test_never_raises_anything_but_a_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        parse_period(text)
