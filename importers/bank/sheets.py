"""What passbook transcriptions and profile exports share: the cover block above the table,
amounts with known or guessed separators, and row locations relative to the file."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from importers.parsing import parse_amount, parse_date_in
from importers.tables import InputError, Row, _norm

DEBIT_MARKS = ("D", "DB", "DR", "DEBET", "DEBIT", "-")
CREDIT_MARKS = ("K", "KR", "C", "CR", "KREDIT", "CREDIT", "+")


def cover_values(rows: Iterable[list[Any]], labels: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    """Values of a cover block: a label cell and the next non-empty cell, or "Label: value" in
    one cell. Only the labels asked for are read (so a name on the cover is never read)."""
    lookup = {_norm(name): key for key, names in labels.items() for name in names}
    found: dict[str, Any] = {}
    for cells in rows:
        filled = [c for c in cells if c is not None and str(c).strip() != ""]
        for index, cell in enumerate(filled):
            text = str(cell).strip()
            label, sep, rest = text.partition(":")
            key = lookup.get(_norm(label)) if sep else lookup.get(_norm(text))
            if key is None or key in found:
                continue
            if sep and rest.strip():
                found[key] = rest.strip()
            elif index + 1 < len(filled):
                value = filled[index + 1]
                found[key] = value.strip().lstrip(":").strip() if isinstance(value, str) else value
    return found


def relative_location(path: Path, row: Row) -> str:
    """ "Sheet:17" or "17": the row's place inside the file (the file is named by the caller)."""
    prefix = f"{path}:"
    return row.location[len(prefix) :] if row.location.startswith(prefix) else row.location


def account_digits(value: Any, where: str) -> str:
    if value is None:
        raise InputError(where, "no account number (No Rekening) in the block above the table")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    digits = re.sub(r"\D", "", str(value))
    if len(digits) < 6:
        raise InputError(where, f"account number {value!r} has fewer than 6 digits")
    return digits


def parse_number(value: Any, decimal: str, thousands: str) -> Decimal:
    """An amount with known separators (importers.parsing.parse_amount, the one reader)."""
    return parse_amount(value, decimal=decimal, thousands=thousands)


def guess_separators(samples: Iterable[Any]) -> tuple[str, str]:
    """(decimal, thousands) a column of typed amounts uses: Indonesian unless it shows otherwise."""
    from importers.parsing import guess_locale

    texts = [str(s) for s in samples if isinstance(s, str) and s.strip()]
    return (",", ".") if guess_locale(texts) == "id" else (".", ",")


def parse_day(value: Any, formats: tuple[str, ...] = ()) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return parse_date_in(str(value).strip(), formats)


def direction_of(mark: Any, debit: tuple[str, ...], credit: tuple[str, ...]) -> str | None:
    text = str(mark or "").strip().upper().rstrip(".")
    if text in debit:
        return "debit"
    if text in credit:
        return "credit"
    return None
