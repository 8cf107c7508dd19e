"""Indonesian and English numbers and dates as printed on statements and typed in spreadsheets.

Amounts go through Babel's locale data (id: 1.234.567,00; en: 1,234,567.00) into Decimal; a
float never appears. Dates accept the numeric forms banks print and month names in Indonesian
(Jan Feb Mar Apr Mei Jun Jul Agu/Ags Sep Okt Nov Des, Januari ... Desember) and English.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal

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
    year = int(text)
    if len(text) == 2:
        year += 2000
    return year


def parse_date(text: str | datetime.date | datetime.datetime, *, day_first: bool = True) -> datetime.date:
    """15/01/2026, 15-01-26, 2026-01-15, 15 Januari 2026, 02 Jan 2026, 1-Agu-26 (time ignored)."""
    if isinstance(text, datetime.datetime):
        return text.date()
    if isinstance(text, datetime.date):
        return text
    cleaned = text.strip()
    cleaned = re.sub(r"\s+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(WIB|WITA|WIT))?$", "", cleaned).strip()
    match = _NUMERIC_DATE.match(cleaned)
    try:
        if match:
            first, second, third = match.groups()
            if len(first) == 4:
                return datetime.date(int(first), int(second), int(third))
            day, month = (int(first), int(second)) if day_first else (int(second), int(first))
            return datetime.date(_year(third), month, day)
        match = _NAMED_DATE.match(cleaned)
        if match:
            day_text, month_text, year_text = match.groups()
            return datetime.date(_year(year_text), month_number(month_text), int(day_text))
    except ValueError as exc:
        raise ParseError(f"invalid date {text!r}: {exc}") from None
    raise ParseError(f"unreadable date {text!r}")


def parse_amount(text: str | int | Decimal, locale: str = "id") -> Decimal:
    """An amount in the locale's grouping ("1.234.567,00" in id, "1,234,567.00" in en).

    A trailing D/K (debet/kredit) or Db/Cr is not accepted here; callers that use such a
    convention strip it and apply the sign themselves.
    """
    if isinstance(text, Decimal):
        return text
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, float):
        raise ParseError("amounts must not come as floats")
    cleaned = text.strip().replace("Rp", "").replace("IDR", "").replace("\u00a0", "").replace(" ", "")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1]
    if cleaned.startswith(("-", "−")):
        negative, cleaned = True, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not cleaned or not re.match(r"^[\d.,]+$", cleaned):
        raise ParseError(f"unreadable amount {text!r}")
    try:
        value = parse_decimal(cleaned, locale=locale, strict=True)
    except (NumberFormatError, InvalidOperation):
        raise ParseError(f"unreadable amount {text!r} (expected {_example(locale)})") from None
    return -value if negative else value


def _example(locale: str) -> str:
    return "1.234.567,00" if locale == "id" else "1,234,567.00"


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


_PERIOD_SPLIT = re.compile(r"\s*(?:\s-\s|–|—|\bs/d\b|\bsd\b|\bto\b|\bhingga\b|\bsampai\b)\s*", re.I)


def parse_period(text: str) -> tuple[datetime.date, datetime.date]:
    """A statement period: "01/01/26 - 31/01/26", "1 - 31 Januari 2026",
    "1 Oktober - 31 Desember 2025", "01 Jan 2026 s/d 31 Mar 2026".

    The start may leave out what it shares with the end (month, year); a start after the end
    is refused.
    """
    parts = [p for p in _PERIOD_SPLIT.split(text.strip()) if p]
    if len(parts) != 2:
        raise ParseError(f"unreadable period {text!r}")
    end = parse_date(parts[1])
    first = parts[0].strip()
    try:
        start = parse_date(first)
    except ParseError:
        day_month = re.match(r"^(\d{1,2})(?:[\s\-]+([A-Za-z]+)\.?|[/\-.](\d{1,2}))?$", first)
        if not day_month:
            raise ParseError(f"unreadable period {text!r}") from None
        day, month_name, month_digits = day_month.groups()
        month = month_number(month_name) if month_name else int(month_digits) if month_digits else end.month
        year = end.year if month <= end.month else end.year - 1
        try:
            start = datetime.date(year, month, int(day))
        except ValueError as exc:
            raise ParseError(f"invalid period {text!r}: {exc}") from None
    if start > end:
        raise ParseError(f"period {text!r} starts after it ends")
    return start, end


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
