"""Indonesian and English numbers, dates and periods as printed on statements and typed in
spreadsheets: the one reader of each (docs/decisions.md), used by every importer.

Amounts are read with the locale's marks (id: 1.234.567,00; en: 1,234,567.00) into Decimal; a
float never appears. Dates accept the numeric forms banks print and month names in Indonesian
(Jan Feb Mar Apr Mei Jun Jul Agu/Ags Sep Okt Nov Des, Januari ... Desember) and English;
periods are two of those dates, or a month.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        ("jan", "januari", "january"),
        ("feb", "peb", "februari", "february", "pebruari"),
        ("mar", "mrt", "maret", "march"),
        ("apr", "april"),
        ("mei", "may"),
        ("jun", "juni", "june"),
        ("jul", "juli", "july"),
        ("agu", "ags", "agt", "agustus", "aug", "august"),
        ("sep", "sept", "september"),
        ("okt", "oktober", "oct", "october"),
        ("nov", "nop", "nopember", "november"),
        ("des", "desember", "dec", "december"),
    ),
    start=1,
):
    for name in names:
        MONTHS[name] = number


MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")  # fmt: skip


class ParseError(ValueError):
    pass


def month_number(name: str) -> int:
    try:
        return MONTHS[name.strip().strip(".").lower()]
    except KeyError:
        raise ParseError(f"unknown month name {name!r}") from None


_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/\-.](\d{1,2})[/\-.](\d{1,4})$")
_NAMED_DATE = re.compile(r"^(\d{1,2})[\s\-]+([A-Za-z]+)\.?[\s\-]+(\d{2,4})$")


def _year(text: str) -> int:
    """A printed year; two digits are this century's (statements are printed from 2000 on)."""
    year = int(text)
    if len(text) == 2:
        year += 2000
    return year


def _has_short_year(text: str) -> bool:
    """True when the date `text` prints its year with two digits (15/01/26, 1-Agu-26)."""
    cleaned = re.sub(r"\s+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(WIB|WITA|WIT))?$", "", text.strip()).strip()
    match = _NUMERIC_DATE.match(cleaned)
    if match:
        return len(match.group(1)) != 4 and len(match.group(3)) == 2
    named = _NAMED_DATE.match(cleaned)
    return named is not None and len(named.group(3)) == 2


def _shift_century(day: datetime.date, centuries: int) -> datetime.date | None:
    try:
        return day.replace(year=day.year + 100 * centuries)
    except ValueError:  # 29 February in a century year that is not a leap year
        return None


_WEEKDAY = re.compile(
    r"^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+",
    re.I,
)
EXCEL_SERIALS = (1, 2958466)  # 1900-01-01 .. 9999-12-31 as Excel counts days


def excel_date(number: float) -> datetime.date:
    """A date typed into an XLSX cell that is not formatted as a date: Excel's day serial."""
    if number != int(number) or not EXCEL_SERIALS[0] <= number < EXCEL_SERIALS[1]:
        raise ParseError(f"the number {number!r} is not a date")
    # Excel's day 60 is the 29 February 1900 that never was; later serials count one day more
    serial = int(number)
    return datetime.date(1899, 12, 31 if serial < 60 else 30) + datetime.timedelta(days=serial)


def day_first_of(texts: list[str]) -> bool | None:
    """Whether a column of numeric dates puts the day first: True when one of them can only be
    day-first (13/05/2026), False when one can only be month-first (05/13/2026), None when no
    date settles it. ISO dates (2026-05-13) say nothing."""
    first_wins = second_wins = False
    for text in texts:
        match = _NUMERIC_DATE.match(str(text).strip().split(" ")[0])
        if not match or len(match.group(1)) == 4:
            continue
        first, second = int(match.group(1)), int(match.group(2))
        first_wins |= first > 12 >= second
        second_wins |= second > 12 >= first
    if first_wins:
        return True
    return False if second_wins else None


def parse_date(
    text: str | int | float | datetime.date | datetime.datetime, *, day_first: bool | None = True
) -> datetime.date:
    """15/01/2026, 15-01-26, 2026-01-15, 15 Januari 2026, 02 Jan 2026, 1-Agu-26 (time ignored),
    Senin, 15 Januari 2026; a number is an Excel day serial (a date cell left unformatted).

    `day_first=None` refuses a numeric date that reads both ways (05/06/2026) instead of
    guessing; day_first_of() tells what the rest of a sheet's column settles.
    """
    if isinstance(text, datetime.datetime):
        return text.date()
    if isinstance(text, datetime.date):
        return text
    if isinstance(text, bool):
        raise ParseError(f"unreadable date {text!r}")
    if isinstance(text, int | float):
        return excel_date(text)
    cleaned = _WEEKDAY.sub("", str(text).strip())
    cleaned = re.sub(r"[\sT]+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(WIB|WITA|WIT))?$", "", cleaned).strip()
    match = _NUMERIC_DATE.match(cleaned)
    try:
        if match:
            first, second, third = match.groups()
            if len(first) == 4:
                return datetime.date(int(first), int(second), int(third))
            if len(first) > 2:
                raise ParseError(f"unreadable date {text!r}")
            a, b = int(first), int(second)
            if day_first is None and a != b and a <= 12 and b <= 12:
                raise ParseError(
                    f"ambiguous date {text!r}: day {a} of month {b}, or day {b} of month {a}? "
                    "(no other date of the sheet settles it; write it as 2026-06-05 or 5 Juni 2026)"
                )
            day, month = (b, a) if day_first is False else (a, b)
            return datetime.date(_year(third), month, day)
        match = _NAMED_DATE.match(cleaned)
        if match:
            day_text, month_text, year_text = match.groups()
            return datetime.date(_year(year_text), month_number(month_text), int(day_text))
    except ValueError as exc:
        if isinstance(exc, ParseError):
            raise
        raise ParseError(f"invalid date {text!r}: {exc}") from None
    raise ParseError(f"unreadable date {text!r}")


SEPARATORS = {"id": (",", "."), "en": (".", ",")}  # locale -> (decimal mark, thousands mark)

_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def parse_amount(
    value: str | int | float | Decimal,
    locale: str | None = "id",
    *,
    decimal: str | None = None,
    thousands: str | None = None,
) -> Decimal:
    """The one amount reader: statements, passbooks, profiles and every spreadsheet cell.

    Text may carry "Rp"/"IDR", spaces, a sign or parentheses and a trailing ",-". The marks
    come from `decimal`/`thousands` when given (a bank profile), else from `locale` ("id":
    1.234.567,00; "en": 1,234,567.00), else (locale None, as typed in a spreadsheet) from the
    text itself: two kinds of mark -> the last is the decimal one; one kind repeated, or once
    before exactly three digits -> thousands (1.250 and 1,250 are both 1250); once before one
    or two digits -> decimal (1,5 and 1.5 are both 1.5). Numbers (an XLSX cell) pass exactly:
    a float by its shortest decimal text, never by its binary value.
    """
    if isinstance(value, bool):
        raise ParseError(f"unreadable amount {value!r}")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ParseError(f"unreadable amount {value!r}")
        return Decimal(repr(value))
    text = str(value)
    cleaned = re.sub(r"(?i)\b(?:rp|idr)\.?|[\s\u00a0]", "", text)
    cleaned = re.sub(r"[.,]-$", "", cleaned)
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith(("-", "\u2212")):
        negative, cleaned = True, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not re.fullmatch(r"\d[\d.,]*", cleaned or "x"):
        raise ParseError(f"unreadable amount {text!r}")
    if decimal is None and thousands is None and locale is not None:
        decimal, thousands = SEPARATORS.get(locale, SEPARATORS["id"])
    if decimal is None:
        decimal, thousands = _marks_of(cleaned, text)
    number = _with_marks(cleaned, decimal, thousands or "", text)
    return -number if negative else number


def _marks_of(digits: str, text: str) -> tuple[str, str]:
    """(decimal, thousands) one typed number shows by itself (see parse_amount)."""
    marks = [c for c in digits if c in ".,"]
    if not marks:
        return ",", "."
    if len(set(marks)) == 2:
        last = marks[-1]
        return last, "." if last == "," else ","
    mark = marks[0]
    other = "," if mark == "." else "."
    if len(marks) > 1:
        return other, mark
    after = len(digits) - digits.index(mark) - 1
    if after == 3:
        return other, mark
    if after in (1, 2):
        return mark, other
    raise ParseError(f"unreadable amount {text!r}")


def _with_marks(digits: str, decimal: str, thousands: str, text: str) -> Decimal:
    whole, sep, fraction = digits.partition(decimal) if decimal else (digits, "", "")
    if sep and (not fraction or not fraction.isdigit()):
        raise ParseError(f"unreadable amount {text!r} (expected {_example(decimal)})")
    if thousands and thousands in whole:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", whole):
            raise ParseError(f"unreadable amount {text!r} (thousands grouped wrongly)")
        whole = whole.replace(thousands, "")
    if not whole.isdigit():
        raise ParseError(f"unreadable amount {text!r} (expected {_example(decimal)})")
    try:
        return Decimal(f"{whole}.{fraction}" if sep else whole)
    except InvalidOperation:
        raise ParseError(f"unreadable amount {text!r}") from None


def _example(decimal: str) -> str:
    return "1.234.567,00" if decimal == "," else "1,234,567.00"


def guess_locale(samples: list[str]) -> str:
    """Which grouping a column of amounts uses, from the separators its values show."""
    for sample in samples:
        text = sample.strip()
        if re.search(r",\d{1,2}$", text):
            return "id"
        if re.search(r"\.\d{1,2}$", text):
            return "en"
        if re.search(r"\.\d{3}", text) and "," not in text:
            return "id"
        if re.search(r",\d{3}", text) and "." not in text:
            return "en"
    return "id"


# "-" between spaces, a dash, s/d s.d. sd, sampai (dengan), hingga, to, until, till, through
_PERIOD_SPLIT = re.compile(
    r"\s*(?:\s[-~]\s|[–—]|\bs\s?[/.]\s?d(?![a-z])\.?|\bsd(?![a-z])|\bsampai(?:\s+dengan)?\b"
    r"|\bhingga\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*",
    re.I,
)
_WHOLE_MONTHS = (
    re.compile(r"^(?P<name>[A-Za-z]+)\.?[\s\-/,']*(?P<year>\d{4})$"),  # Januari 2026, JAN-2026
    re.compile(r"^(?P<month>\d{1,2})[/\-.](?P<year>\d{4})$"),  # 01/2026
    re.compile(r"^(?P<year>\d{4})[/\-.](?P<month>\d{1,2})$"),  # 2026-01
)
_PARTIAL_START = re.compile(r"^(?:(\d{1,2})(?:[\s\-]+([A-Za-z]+)\.?|[/\-.](\d{1,2}))?|([A-Za-z]+)\.?)$")


def parse_period(
    text: str, *, today: datetime.date | None = None, formats: tuple[str, ...] = ()
) -> tuple[datetime.date, datetime.date]:
    """The one period reader (statement headers, passbook and profile covers):
    "01/01/26 - 31/01/26", "01-01-2026 s/d 31-01-2026", "1 - 31 Januari 2026",
    "1 Oktober - 31 Desember 2025", "1 Januari 2026 s.d. 31 Januari 2026",
    "01 Jan 2026 to 31 Mar 2026", "Januari - Maret 2026", and a whole month: "Januari 2026",
    "JAN 2026", "01/2026". Separators: " - ", a dash, s/d, s.d., sd, sampai (dengan), hingga,
    to, until, through; "01/01/2026-31/01/2026" when only one hyphen splits it into two dates.

    `formats` (strptime patterns of a bank profile) are tried first on each end. The start
    may leave out what it shares with the end (month, year); a start after the end is refused.

    Two-digit years are read as 20yy, as in `parse_date`. When both ends print two digits and
    the end would precede the start (the period crosses a century: "01/01/99 - 01/01/00"),
    the period is placed in the pair of centuries that orders it and lies closest to `today`
    (default: the clock's date): 1999-2000 rather than 2099-2100 from 2026 on until 2050.
    """
    cleaned = str(text).strip()
    parts = [p for p in _PERIOD_SPLIT.split(cleaned) if p]
    if len(parts) == 1:
        whole = _whole_month(parts[0], text)
        if whole is not None:
            return whole
        parts = _split_at_hyphen(parts[0], formats)
    if len(parts) != 2:
        raise ParseError(f"unreadable period {text!r}")
    first, last = parts[0].strip(), parts[1].strip()
    month = _whole_month(last, text)
    end = month[1] if month else parse_date_in(last, formats)
    try:
        start = parse_date_in(first, formats)
        if start > end and _has_short_year(first) and _has_short_year(last):
            start, end = _closest(start, end, today or datetime.date.today())
    except ParseError:
        start = _partial_start(first, end, text)
    if start > end:
        raise ParseError(f"period {text!r} starts after it ends")
    return start, end


def parse_date_in(text: str, formats: tuple[str, ...]) -> datetime.date:
    """A date in one of a bank profile's strptime `formats` (tried first, in order), else as
    `parse_date` reads any date people type."""
    for fmt in formats:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return parse_date(text)


def _whole_month(part: str, text: str) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of a month printed without a day ("Januari 2026"), or None."""
    for pattern in _WHOLE_MONTHS:
        match = pattern.match(part.strip())
        if not match:
            continue
        groups = match.groupdict()
        name = (groups.get("name") or "").lower()
        if name and name not in MONTHS:
            return None
        month = MONTHS[name] if name else int(groups["month"])
        if not 1 <= month <= 12:
            raise ParseError(f"invalid period {text!r}: no month {month}")
        year = int(groups["year"])
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return datetime.date(year, month, 1), following - datetime.timedelta(days=1)
    return None


def _split_at_hyphen(text: str, formats: tuple[str, ...]) -> list[str]:
    """ "01/01/2026-31/01/2026": the one hyphen that leaves a date on either side."""
    found: list[list[str]] = []
    if text.count("-") > 5:  # two dd-mm-yyyy dates and the one between them at most
        return [text]
    for match in re.finditer(r"-", text):
        first, last = text[: match.start()].strip(), text[match.end() :].strip()
        try:
            parse_date_in(first, formats), parse_date_in(last, formats)
        except ParseError:
            continue
        found.append([first, last])
    return found[0] if len(found) == 1 else [text]


def _partial_start(first: str, end: datetime.date, text: str) -> datetime.date:
    """A start that leaves out what it shares with the end: "1", "1 Oktober", "01/10",
    "Oktober" (the first of the month), "Oktober 2025"."""
    month = _whole_month(first, text)
    if month is not None:
        return month[0]
    match = _PARTIAL_START.match(first)
    if not match:
        raise ParseError(f"unreadable period {text!r}")
    day, month_name, month_digits, only_month = match.groups()
    if only_month:
        day, month_name = "1", only_month
    month_of = month_number(month_name) if month_name else int(month_digits) if month_digits else end.month
    year = end.year if month_of <= end.month else end.year - 1
    try:
        return datetime.date(year, month_of, int(day))
    except ValueError as exc:
        raise ParseError(f"invalid period {text!r}: {exc}") from None


MAX_CROSSING_DAYS = 731  # a statement period that crosses a century is at most two years long


def _closest(
    start: datetime.date, end: datetime.date, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """A two-digit period that crosses a century: the start a century back, or the end a
    century on, whichever lies closer to `today` (the start when both are as close).

    Only a short period crosses (its start's yy above its end's, at most two years long):
    "31/01/26 - 01/01/26" or "01/01/30 - 01/01/20" stay refused as starting after they end.
    """
    if start.year % 100 <= end.year % 100:
        return start, end
    candidates = []
    for first, last in ((_shift_century(start, -1), end), (start, _shift_century(end, 1))):
        if first and last and first <= last and (last - first).days <= MAX_CROSSING_DAYS:
            middle = first + (last - first) / 2
            candidates.append((abs((middle - today).days), (first, last)))
    if not candidates:
        return start, end  # refused by the caller: it starts after it ends in every century
    return min(candidates, key=lambda c: c[0])[1]


def parse_short_date(text: str, start: datetime.date, end: datetime.date) -> datetime.date:
    """A day and month without year ("15/01", "15 Jan"), placed inside the period start..end."""
    match = re.match(r"^(\d{1,2})(?:[/\-.](\d{1,2})|[\s\-]+([A-Za-z]+)\.?)$", text.strip())
    if not match:
        raise ParseError(f"unreadable date {text!r}")
    day, digits, name = match.groups()
    month = int(digits) if digits else month_number(name)
    for year in range(start.year, end.year + 1):
        try:
            candidate = datetime.date(year, month, int(day))
        except ValueError:
            continue
        if start <= candidate <= end:
            return candidate
    raise ParseError(f"date {text!r} is outside the period {start} - {end}")
