"""Property tests: Indonesian and English amounts, dates, periods and year-less dates."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from importers.parsing import ParseError, parse_amount, parse_date, parse_period, parse_short_date

ID_FULL = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
ID_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
ID_SHORT_ALT = {2: "Peb", 3: "Mrt", 8: "Ags", 11: "Nop"}
EN_FULL = "January February March April May June July August September October November December".split()
EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

dates = st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))  # two-digit years are 20yy
amounts = st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2)


def grouped(value: Decimal, thousands: str, decimal: str, places: int) -> str:
    whole, _, cents = f"{value:.{places}f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return thousands.join(groups) + (decimal + cents if places else "")


@given(amounts, st.sampled_from(["", "-", "+"]), st.booleans())
def test_amounts_both_groupings(value: Decimal, sign: str, cents: bool) -> None:
    if not cents:
        value = value.to_integral_value()
    places = 2 if cents else 0
    expected = -value if sign == "-" else value
    assert parse_amount(sign + grouped(value, ".", ",", places), "id") == expected
    assert parse_amount(sign + grouped(value, ",", ".", places), "en") == expected


@given(amounts.filter(lambda v: v >= 1000 and v != v.to_integral_value()))
def test_amount_in_the_other_grouping_is_refused(value: Decimal) -> None:
    with pytest.raises(ParseError):
        parse_amount(grouped(value, ",", ".", 2), "id")
    with pytest.raises(ParseError):
        parse_amount(grouped(value, ".", ",", 2), "en")


def _month_name(day: datetime.date, style: int) -> str:
    m = day.month - 1
    return [
        ID_FULL[m],
        ID_SHORT[m],
        EN_FULL[m],
        EN_SHORT[m],
        ID_SHORT_ALT.get(day.month, ID_SHORT[m]).upper(),
    ][style]


@given(dates, st.integers(0, 4), st.sampled_from(["", " 05:31:09 WIB", " 23:59", " 09:15:02"]))
def test_named_dates_in_both_languages(day: datetime.date, style: int, time: str) -> None:
    assert parse_date(f"{day.day:02d} {_month_name(day, style)} {day.year}{time}") == day
    assert parse_date(f"{day.day}-{_month_name(day, style)}-{day:%y}") == day


@given(dates, st.sampled_from(["%d/%m/%y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"]), st.booleans())
def test_numeric_dates(day: datetime.date, pattern: str, with_time: bool) -> None:
    assert parse_date(day.strftime(pattern) + (" 10:05:31" if with_time else "")) == day


TODAY = datetime.date(2026, 11, 28)  # two-digit periods crossing a century are placed near it


def _century_back(day: datetime.date) -> datetime.date:
    return day.replace(year=day.year - 100)


@given(
    st.dates(datetime.date(2000, 1, 1), datetime.date(2098, 12, 31)), st.integers(0, 400), st.integers(0, 3)
)
# reported: 99 read as 2099 and 00 as 2000, so the period ended before it started
@example(datetime.date(2099, 1, 1), 365, 0)
@example(datetime.date(2098, 12, 31), 400, 0)
def test_periods(start: datetime.date, length: int, style: int) -> None:
    end = start + datetime.timedelta(days=length)
    if style == 0:
        text = f"{start:%d/%m/%y} - {end:%d/%m/%y}"
        if end.year >= 2100:
            # "dd/mm/99 - dd/mm/00" crosses a century: from 2026, 1999-2000 is the closer reading
            start, end = _century_back(start), _century_back(end)
        assert parse_period(text, today=TODAY) == (start, end)
        return
    elif style == 1:
        first, last = ID_FULL[start.month - 1], ID_FULL[end.month - 1]
        text = f"{start.day} {first} {start.year} - {end.day} {last} {end.year}"
    elif style == 2:
        first, last = EN_SHORT[start.month - 1], EN_SHORT[end.month - 1]
        text = f"{start:%d} {first} {start.year} s/d {end:%d} {last} {end.year}"
    else:  # the start leaves out what it shares with the end, as BNI prints it
        if (start.year, start.month) == (end.year, end.month):
            head = f"{start.day}"
        elif start.year == end.year:
            head = f"{start.day} {ID_FULL[start.month - 1]}"
        else:
            head = f"{start.day} {ID_FULL[start.month - 1]} {start.year}"
        text = f"{head} - {end.day} {ID_FULL[end.month - 1]} {end.year}"
    assert parse_period(text) == (start, end)


@given(dates, st.integers(0, 364), st.data())
def test_short_dates_placed_in_their_period(start: datetime.date, length: int, data: st.DataObject) -> None:
    end = start + datetime.timedelta(days=length)
    day = data.draw(st.dates(start, end))
    assert parse_short_date(f"{day:%d/%m}", start, end) == day
    assert parse_short_date(f"{day.day} {EN_SHORT[day.month - 1]}", start, end) == day


def test_unreadable() -> None:
    for text in ("", "1/2", "31/02/2026", "12 Foo 2026", "2026"):
        with pytest.raises(ParseError):
            parse_date(text)
    for text in ("", "abc", "1,2,3.4.5", "12,5OO"):
        with pytest.raises(ParseError):
            parse_amount(text, "en")
    with pytest.raises(ParseError):
        parse_period("31/01/26 - 01/01/26")
    for text in ("2026", "Januari", "13/2026", "Tahun 2026", "15/01/2026"):  # not a period
        with pytest.raises(ParseError):
            parse_period(text)
    for text in ("31/12/26 - 01/01/26", "01/01/30 - 01/01/20", "01/01/2099 - 01/01/00"):
        with pytest.raises(ParseError):  # only a short two-digit period crosses a century
            parse_period(text, today=TODAY)


def test_two_digit_period_across_a_century() -> None:
    assert parse_period("01/01/99 - 01/01/00", today=TODAY) == (
        datetime.date(1999, 1, 1),
        datetime.date(2000, 1, 1),
    )
    assert parse_period("1 Des 99 - 31 Jan 00", today=TODAY) == (
        datetime.date(1999, 12, 1),
        datetime.date(2000, 1, 31),
    )
    # closest to today: late in this century, the next one is the nearer reading
    assert parse_period("01/01/99 - 01/01/00", today=datetime.date(2080, 1, 1)) == (
        datetime.date(2099, 1, 1),
        datetime.date(2100, 1, 1),
    )
