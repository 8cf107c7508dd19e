"""Spreadsheets the companions fill in (XLSX or CSV), read by their headers.

A table is found by its header row, wherever it stands (a cover block may sit above it), in any
sheet. Headers match case-, space- and punctuation-insensitively against the Indonesian and
English names a column accepts. Every row keeps its location (file, sheet, row) so a bad value
is reported where the user can find it.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

HEADER_SCAN_ROWS = 30


class InputError(Exception):
    """Bad input: carries the location (file, sheet, row) and a plain message."""

    def __init__(self, location: str, message: str):
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]
    required: bool = True


def _norm(text: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text or "").lower())


@dataclass(frozen=True)
class TableSpec:
    """The columns of one kind of spreadsheet."""

    name: str
    columns: tuple[Column, ...]

    @functools.cached_property
    def _lookup(self) -> dict[str, str]:
        return {_norm(n): c.key for c in self.columns for n in (c.key, *c.names)}

    def match(self, cells: list[Any]) -> dict[int, str] | None:
        """Column index -> key when this row is our header (all required columns present)."""
        lookup = self._lookup
        found: dict[int, str] = {}
        for index, cell in enumerate(cells):
            key = lookup.get(_norm(cell))
            if key and key not in found.values():
                found[index] = key
        required = {c.key for c in self.columns if c.required}
        return found if required <= set(found.values()) else None

    def template_headers(self, lang: str = "id") -> list[str]:
        return [
            c.names[0] if lang == "id" else (c.names[1] if len(c.names) > 1 else c.names[0])
            for c in self.columns
        ]


@dataclass
class Row:
    location: str
    values: dict[str, Any]
    cells: list[Any] = field(default_factory=list)  # the whole row as read (footers, cover lines)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass
class Table:
    path: Path
    sheet: str
    header_location: str
    rows: list[Row] = field(default_factory=list)
    above: list[list[Any]] = field(default_factory=list)  # the cells above the header (cover block)
    keys: set[str] = field(default_factory=set)  # the column keys the header has


_READ_CACHE: dict[tuple[str, int, int], list[tuple[str, list[list[Any]]]]] = {}
_READ_CACHE_SIZE = 8


def _sheets(path: Path) -> Iterator[tuple[str, list[list[Any]]]]:
    """The sheets of a file, read once while it is unchanged: every importer's `identify` and
    the one that reads it see the same rows without opening the workbook again."""
    try:
        stat = path.stat()
        key: tuple[str, int, int] | None = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _READ_CACHE:
        yield from _READ_CACHE[key]
        return
    sheets = list(_read_sheets(path))
    if key is not None:
        if len(_READ_CACHE) >= _READ_CACHE_SIZE:
            _READ_CACHE.pop(next(iter(_READ_CACHE)))
        _READ_CACHE[key] = sheets
    yield from sheets


def _read_sheets(path: Path) -> Iterator[tuple[str, list[list[Any]]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise InputError(str(path), f"not a readable XLSX workbook ({exc.__class__.__name__})") from None
        try:
            for sheet in book.worksheets:
                yield sheet.title, [list(r) for r in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    elif suffix in (".csv", ".txt"):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InputError(f"{path}:{line}", "not UTF-8 text (save the CSV as UTF-8)") from None
        sample = text[:4096]
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        yield "", [list(r) for r in csv.reader(io.StringIO(text), dialect)]
    else:
        raise InputError(
            str(path), f"not a spreadsheet (.xlsx or .csv expected, got {suffix or 'no extension'})"
        )


def _location(path: Path, sheet: str, row: int) -> str:
    return f"{path}:{sheet}:{row}" if sheet else f"{path}:{row}"


def _blank(cells: list[Any]) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def find_tables(path: Path, spec: TableSpec) -> list[Table]:
    """Every table of this kind in the file (one per sheet at most); empty when none."""
    tables = []
    for sheet, rows in _sheets(path):
        for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
            mapping = spec.match(cells)
            if mapping is None:
                continue
            table = Table(
                path, sheet, _location(path, sheet, index + 1), above=rows[:index], keys=set(mapping.values())
            )
            for offset, data_cells in enumerate(rows[index + 1 :], start=index + 2):
                if _blank(data_cells):
                    continue
                values = {key: data_cells[i] if i < len(data_cells) else None for i, key in mapping.items()}
                table.rows.append(Row(_location(path, sheet, offset), values, list(data_cells)))
            tables.append(table)
            break
    return tables


def identify(path: Path, spec: TableSpec) -> bool:
    """True when the file is a spreadsheet with this kind's header (never raises)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".csv", ".txt"):
        return False
    try:
        return bool(find_tables(path, spec))
    except (InputError, OSError):
        return False


def cell_decimal(row: Row, key: str) -> Decimal | None:
    """A number cell: native numbers from XLSX, Indonesian or English text from CSV."""
    from importers.parsing import ParseError, guess_locale, parse_amount

    value = row.values.get(key)
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, bool):
        raise InputError(row.location, f"{key}: expected a number, got {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # XLSX stores numbers as binary floats; repr gives the shortest exact decimal text.
        return Decimal(repr(value))
    try:
        text = str(value)
        return parse_amount(text, guess_locale([text]))
    except ParseError as exc:
        raise InputError(row.location, f"{key}: {exc}") from None


def cell_date(row: Row, key: str) -> datetime.date | None:
    from importers.parsing import ParseError, parse_date

    value = row.values.get(key)
    if value is None or str(value).strip() == "":
        return None
    try:
        return parse_date(value)
    except ParseError as exc:
        raise InputError(row.location, f"{key}: {exc}") from None
