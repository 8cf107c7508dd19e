"""Spreadsheets people fill in (XLSX or CSV), read by their headers, as they are really typed.

Shared by every spreadsheet kind (participants, lists, plans, receipts, passbooks, profiles,
progress visits). What a person would call a correct sheet comes in (docs/importers.md,
"Spreadsheets"):

- the header row is found anywhere in the first HEADER_SCAN_ROWS rows (a title block above it
  is skipped), also when it spans two rows or has merged cells; headers match ignoring case,
  spacing, punctuation and a unit suffix ("Jumlah (Rp)"), against each kind's synonyms;
- columns the kind does not know (a leading "No", names) are ignored, and so are hidden ones;
- a JUMLAH/TOTAL row ends the table; its amounts are checked against the rows' sum, and the
  rows below it (place and date, signatures) are not read;
- blank rows are skipped; every sheet whose header matches is read, the others are listed;
- a formula saved without its value (by a program that does not compute formulas) is marked
  Uncomputed, never read as an empty cell.

Every row keeps its location (file, sheet, row) and the header it was read under, so a bad
value is reported where the user can find it. Files are read only when they are regular files
within the size and row limits (settable: AIDLEDGER_SHEET_MAX_BYTES, AIDLEDGER_SHEET_MAX_ROWS),
and XLSX sheets by their real extent, whatever range they declare.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime
import functools
import io
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from importers import session as importsession
from importers.messages import BELOW_TOTAL, tr
from ledger.fold import fold
from ledger.money import format_idr

HEADER_SCAN_ROWS = 20
MAX_COLUMNS = 512  # cells further right are not read (no header of ours is there)
MAX_ERRORS = 50
UNCOMPUTED = (
    "uncomputed formula {formula}: open the file in Excel or LibreOffice and save it, or type the value"
)
ENV_MAX_BYTES = "AIDLEDGER_SHEET_MAX_BYTES"
ENV_MAX_ROWS = "AIDLEDGER_SHEET_MAX_ROWS"
DEFAULT_MAX_BYTES = 50_000_000
DEFAULT_MAX_ROWS = 200_000
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")
TOTAL_WORDS = frozenset(
    (
        "jumlah",
        "total",
        "jumlahtotal",
        "totaljumlah",
        "grandtotal",
        "totalkeseluruhan",
        "jumlahkeseluruhan",
        "jumlahseluruhnya",
        "jumlahseluruh",
        "totalseluruhnya",
    )
)


class InputError(Exception):
    """Bad input: carries the location (file, sheet, row) and a plain message."""

    def __init__(self, location: str, message: str):
        super().__init__(f"{location}: {message}")
        self.location = location
        self.message = message


class InputErrors(InputError):
    """Every bad row of a file at once (the first MAX_ERRORS listed), so it is fixed in one pass."""

    def __init__(self, location: str, errors: list[InputError]):
        shown = errors[:MAX_ERRORS]
        lines = [str(e) for e in shown]
        if len(errors) > len(shown):
            lines.append(tr("... and {count} more", count=len(errors) - len(shown)))
        head = tr("{count} errors; the first {shown}:", count=len(errors), shown=len(shown))
        message = lines[0] if len(errors) == 1 else head + "\n  " + "\n  ".join(lines)
        Exception.__init__(self, message)
        self.location = location
        self.message = message
        self.errors = errors

    def __str__(self) -> str:
        return self.message


class RowErrors:
    """Collects the errors of a file's rows: `with errors.guard(): ...` per row, then `check()`."""

    def __init__(self, path: Path | str):
        self.path = str(path)
        self.errors: list[InputError] = []

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except InputErrors as many:
            self.errors.extend(many.errors)
        except InputError as exc:
            self.errors.append(exc)

    def add(self, error: InputError) -> None:
        self.errors.append(error)

    def check(self) -> None:
        if self.errors:
            raise InputErrors(self.path, self.errors)


@dataclass(frozen=True)
class Uncomputed:
    """A formula cell saved without its computed value."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class Column:
    key: str
    names: tuple[str, ...]
    required: bool = True
    kind: str = "text"  # text | amount | date: how the reader treats the cells (totals, dates)


_UNIT = re.compile(
    r"\(\s*(?:rp|idr|rupiah)\.?\s*\)|\b(?:dalam\s+)?(?:rp|idr|rupiah)\.?\s*$|\([^()]*\)\s*$", re.I
)
# Words people shorten when they type a header, and the word the specs spell out. Applied to
# both sides, so "Nomor Rek." is "No Rekening", "Jml (Rp)" is "Jumlah", "Ket." is "Keterangan"
# in every kind without each spec listing every shortening.
_SHORT_WORDS = {
    "tgl": "tanggal",
    "tggl": "tanggal",
    "jml": "jumlah",
    "jmlh": "jumlah",
    "nomor": "no",
    "nmr": "no",
    "rek": "rekening",
    "sat": "satuan",
    "ket": "keterangan",
    "hrg": "harga",
    "brg": "barang",
    "telp": "telepon",
    "tlp": "telepon",
}
_WORD_SPLIT = re.compile(r"[\W_]+")


def _norm(text: Any) -> str:
    """A header as compared: no case, spacing, punctuation, unit suffix ("Jumlah (Rp)", "Tenaga
    Kerja (orang)") nor shortened words ("Tgl", "Jml", "Nomor Rek.")."""
    return _norm_text(str(text or ""))


@functools.lru_cache(maxsize=4096)
def _norm_text(raw: str) -> str:
    return _spelled_out(_UNIT.sub("", raw)) or _spelled_out(raw)


def _spelled_out(raw: str) -> str:
    words = (fold(word) for word in _WORD_SPLIT.split(raw))
    return "".join(_SHORT_WORDS.get(word, word) for word in words)


@dataclass(frozen=True)
class TableSpec:
    """The columns of one kind of spreadsheet, with every name a person gives them."""

    name: str
    columns: tuple[Column, ...]
    totals: bool = True  # a JUMLAH/TOTAL row ends the table (bank exports: no, footers are read)

    @functools.cached_property
    def _lookup(self) -> dict[str, tuple[str, int]]:
        """Normalised name -> (key, rank); the bare "No" ranks last (a row counter, usually)."""
        lookup: dict[str, tuple[str, int]] = {}
        for column in self.columns:
            for name in (column.key, *column.names):
                norm = _norm(name)
                lookup.setdefault(norm, (column.key, 1 if norm == "no" else 0))
        return lookup

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def match(self, cells: list[Any]) -> dict[int, str] | None:
        """Column index -> key when this row is our header (all required columns present)."""
        spans = self.match_spans([[c] for c in cells])
        return {indexes[0]: key for key, indexes in spans.items()} if spans is not None else None

    def match_spans(self, candidates: list[list[Any]]) -> dict[str, list[int]] | None:
        """key -> column indexes (several when the header cell is merged across columns), given
        for each column the texts it may be headed by; None unless every required key is there."""
        lookup = self._lookup
        best: dict[str, tuple[int, int, str]] = {}  # key -> (rank, index, text)
        heads: dict[int, tuple[str, str]] = {}
        for index, texts in enumerate(candidates):
            for text in texts:
                found = lookup.get(_norm(text)) if text is not None and str(text).strip() else None
                if found is None:
                    continue
                key, rank = found
                heads[index] = (key, str(text))
                # a bare "No" twice: the leading one is a row counter, the later one the column's
                order = -index if rank else index
                if key not in best or (rank, order) < (best[key][0], -best[key][1] if rank else best[key][1]):
                    best[key] = (rank, index, str(text))
                break
        if not {c.key for c in self.columns if c.required} <= set(best):
            return None
        spans: dict[str, list[int]] = {}
        for key, (_, index, text) in best.items():
            span = [index]
            while heads.get(span[-1] + 1) == (key, text) and span[-1] + 1 not in _claimed(best, key):
                span.append(span[-1] + 1)
            spans[key] = span
        return spans

    def template_headers(self, lang: str = "id") -> list[str]:
        return [
            c.names[0] if lang == "id" else (c.names[1] if len(c.names) > 1 else c.names[0])
            for c in self.columns
        ]


def _claimed(best: dict[str, tuple[int, int, str]], key: str) -> set[int]:
    return {index for other, (_, index, _) in best.items() if other != key}


@dataclass
class Row:
    location: str
    values: dict[str, Any]
    cells: list[Any] = field(default_factory=list)  # the whole row as read (footers, cover lines)
    table: Table | None = field(default=None, repr=False, compare=False)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def header(self, key: str) -> str:
        """The column's header as the sheet spells it (for messages)."""
        if self.table is not None and key in self.table.headers:
            return self.table.headers[key]
        return key.replace("_", " ")

    def error(self, key: str | None, template: str, **values: object) -> InputError:
        """An InputError at this row, naming the column as the sheet heads it."""
        reason = tr(template, **values)
        return InputError(self.location, f"{self.header(key)}: {reason}" if key else reason)


@dataclass
class Table:
    path: Path
    sheet: str
    header_location: str
    rows: list[Row] = field(default_factory=list)
    above: list[list[Any]] = field(default_factory=list)  # the cells above the header (cover block)
    keys: set[str] = field(default_factory=set)  # the column keys the header has
    headers: dict[str, str] = field(default_factory=dict)  # key -> header text as typed
    spec: TableSpec | None = None
    errors: list[InputError] = field(default_factory=list)  # the table's own (a wrong total)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    header_cells: list[Any] = field(default_factory=list)

    @functools.cached_property
    def day_first(self) -> bool | None:
        """Whether this table's typed dates put the day first, as far as they settle it."""
        from importers.parsing import day_first_of

        columns = self.spec.columns if self.spec else ()
        keys = [c.key for c in columns if c.kind == "date" or "date" in c.key]
        return day_first_of(
            [r.values[k] for r in self.rows for k in keys if isinstance(r.values.get(k), str)]
        )


@dataclass
class Found:
    """What a file holds of one kind: its tables, and the sheets that are not of this kind."""

    tables: list[Table]
    skipped: list[tuple[str, str]]


# ----------------------------------------------------------------------------- reading files


def max_bytes() -> int:
    return int(os.environ.get(ENV_MAX_BYTES) or DEFAULT_MAX_BYTES)


def max_rows() -> int:
    return int(os.environ.get(ENV_MAX_ROWS) or DEFAULT_MAX_ROWS)


@dataclass
class Sheet:
    """A sheet's non-empty rows and their 1-based row numbers (a sheet may have gaps)."""

    title: str
    rows: list[list[Any]]
    numbers: list[int] = field(default_factory=list)
    hidden: bool = False

    def __post_init__(self) -> None:
        if not self.numbers:
            self.numbers = list(range(1, len(self.rows) + 1))


def _sheets(path: Path) -> Iterator[tuple[str, list[list[Any]]]]:
    """(title, rows) of every sheet (bank profiles read rows around the table themselves)."""
    for sheet in read_sheets(path):
        yield sheet.title, sheet.rows


def read_sheets(path: Path) -> list[Sheet]:
    """The sheets of a file, read once per import session while it is unchanged: every
    importer's `identify` and the one that reads it see the same rows without opening the
    workbook again (importers.session; outside a session the file is read every time)."""
    regular_file(path)
    session = importsession.active()
    key = importsession.fingerprint(path) if session is not None else None
    if session is not None and key is not None and key in session.sheets:
        cached: list[Sheet] | InputError = session.sheets[key]
        if isinstance(cached, InputError):
            raise cached
        return cached
    try:
        sheets: list[Sheet] | InputError = list(_read_sheets(path))
    except InputError as exc:  # kept too: every importer's identify asks, none reads it twice
        sheets = exc
    if session is not None and key is not None:
        session.remember(session.sheets, key, sheets)
    if isinstance(sheets, InputError):
        raise sheets
    return sheets


def regular_file(path: Path, limit: int | None = None) -> os.stat_result:
    """The file's status when it is a regular file within the size limit (links followed: a link
    to /dev/zero or a FIFO is refused before anything is read); InputError otherwise."""
    try:
        info = path.stat()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            str(path),
            tr("not a regular file (a folder, device, pipe or link to one): only plain files are read"),
        )
    limit = max_bytes() if limit is None else limit
    if info.st_size > limit:
        raise InputError(
            str(path),
            tr(
                "the file is {size} bytes, above the limit of {limit} (set {env} to raise it)",
                size=info.st_size,
                limit=limit,
                env=ENV_MAX_BYTES,
            ),
        )
    return info


def _read_sheets(path: Path) -> Iterator[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        yield from _xlsx_sheets(path)
    elif suffix in (".csv", ".txt"):
        yield _csv_sheet(path)
    else:
        raise InputError(
            str(path),
            tr("not a spreadsheet (.xlsx or .csv expected, got {suffix})", suffix=suffix or "no extension"),
        )


def encrypted_workbook(head: bytes) -> str | None:
    """Why a file named .xlsx is an OLE compound file: password-protected, or an old .xls."""
    if not head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return None
    if "EncryptedPackage".encode("utf-16-le") in head or b"EncryptionInfo" in head:
        return tr("the XLSX workbook is password-protected: save a copy without the password and import that")
    return tr("an Excel 97-2003 workbook (.xls): save it as .xlsx and import that")


def _xlsx_sheets(path: Path) -> Iterator[Sheet]:
    from openpyxl import load_workbook

    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    why = encrypted_workbook(head) if head.startswith(b"\xd0\xcf") else None
    if why is None and head.startswith(b"\xd0\xcf"):
        with open(path, "rb") as handle:
            why = encrypted_workbook(handle.read())
    if why:
        raise InputError(str(path), why)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(
            str(path), tr("not a readable XLSX workbook ({reason})", reason=exc.__class__.__name__)
        ) from None
    try:
        for ws in book.worksheets:
            try:
                rows = _xlsx_rows(book, ws, path)
            except InputError:
                raise
            except Exception as exc:  # a damaged sheet part
                raise InputError(
                    f"{path}:{ws.title}",
                    tr("not a readable XLSX workbook ({reason})", reason=exc.__class__.__name__),
                ) from None
            numbers = sorted(rows)
            yield Sheet(
                ws.title,
                [rows[n] for n in numbers],
                numbers,
                hidden=getattr(ws, "sheet_state", "visible") != "visible",
            )
    finally:
        book.close()


def _xlsx_rows(book: Any, ws: Any, path: Path) -> dict[int, list[Any]]:
    """A sheet's rows by its real extent (the declared range is ignored), hidden columns
    blanked, merged header cells spread over their range, formulas without a value marked."""
    with ws._get_source() as source:
        parser = _sheet_parser(book, ws, source)
        rows = _cell_rows(parser.parse(), path, ws.title)
        hidden = _hidden_columns(parser.column_dimensions)
        merged = [str(r) for r in (parser.merged_cells.mergeCell if parser.merged_cells else [])]
    _spread_merged(rows, merged)
    if hidden:
        for row in rows.values():
            for col in hidden:
                if col <= len(row):
                    row[col - 1] = None
    return rows


def _sheet_parser(book: Any, ws: Any, source: Any) -> Any:
    """openpyxl's streaming parser of a sheet's XML, values only, with a formula saved without
    its computed value kept as `Uncomputed` (not read as an empty cell)."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    cell["value"] = Uncomputed("=" + (formula.text or "").strip())
            return cell

    return Parser(
        source,
        ws._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )


def _cell_rows(
    parsed: Iterable[tuple[int, list[dict[str, Any]]]], path: Path, sheet: str
) -> dict[int, list[Any]]:
    """The non-blank rows by row number, each as long as its last non-blank cell (columns past
    MAX_COLUMNS ignored); more rows than the limit is refused rather than read for minutes."""
    limit = max_rows()
    rows: dict[int, list[Any]] = {}
    for number, cells in parsed:
        values = [(c["column"], c["value"]) for c in cells if c["value"] is not None]
        values = [(col, v) for col, v in values if col <= MAX_COLUMNS and not _blank_value(v)]
        if not values:
            continue
        if len(rows) >= limit:
            raise InputError(
                f"{path}:{sheet}",
                tr(
                    "more than {limit} rows in sheet {sheet!r} (the limit; set {env} to raise it)",
                    limit=limit,
                    sheet=sheet,
                    env=ENV_MAX_ROWS,
                ),
            )
        row = [None] * max(col for col, _ in values)
        for col, value in values:
            row[col - 1] = value
        rows[number] = row
    return rows


def _spread_merged(rows: dict[int, list[Any]], merged: list[str]) -> None:
    """Each merged range (A1:C2) spread over its cells; a reference that does not parse is
    left alone."""
    from openpyxl.utils.cell import range_boundaries

    for ref in merged:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (TypeError, ValueError):
            continue
        _spread(rows, min_col, min_row, max_col, max_row)


def _blank_value(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def _hidden_columns(dimensions: dict[str, dict[str, str]]) -> set[int]:
    hidden: set[int] = set()
    for attrs in dimensions.values():
        if str(attrs.get("hidden", "0")).lower() in ("1", "true"):
            low, high = int(attrs.get("min", 0)), int(attrs.get("max", 0))
            hidden.update(range(low, min(high, MAX_COLUMNS) + 1))
    return hidden


def _spread(rows: dict[int, list[Any]], min_col: int, min_row: int, max_col: int, max_row: int) -> None:
    """A merged range's value into its cells: every cell near the top (headers, two-row headers),
    below that only down a single column (a participant code merged over her purchases)."""
    if max_col > MAX_COLUMNS or (max_col - min_col + 1) * (max_row - min_row + 1) > 100_000:
        return
    if min_row > HEADER_SCAN_ROWS + 1 and min_col != max_col:
        return
    top = rows.get(min_row)
    value = top[min_col - 1] if top is not None and min_col <= len(top) else None
    if value is None:
        return
    for number in range(min_row, max_row + 1):
        row = rows.setdefault(number, [])
        if len(row) < max_col:
            row.extend([None] * (max_col - len(row)))
        for col in range(min_col, max_col + 1):
            if row[col - 1] is None:
                row[col - 1] = value


def decode_csv(raw: bytes) -> str:
    """A CSV's text: UTF-16 when it starts with its byte-order mark (Excel's "Unicode Text"),
    else UTF-8 (with or without a BOM), else Windows-1252, which is what Excel on Windows
    writes for "CSV (Comma delimited)" and what a treasurer's laptop will hand us. Bytes that
    none of them reads as text (NULs, or the five bytes cp1252 leaves undefined) raise
    UnicodeDecodeError at the first byte UTF-8 could not read."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as not_utf8:
        if b"\x00" in raw:
            raise not_utf8 from None
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            raise not_utf8 from None


def _csv_sheet(path: Path) -> Sheet:
    raw = path.read_bytes()
    try:
        text = decode_csv(raw)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        not_text = tr("neither UTF-8 nor Windows text (save the CSV as UTF-8)")
        raise InputError(f"{path}:{line}", not_text) from None
    limit = max_rows()
    rows: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text), csv_dialect(text))
    try:
        for cells in reader:
            if len(rows) >= limit:
                raise InputError(
                    str(path),
                    tr(
                        "more than {limit} rows in sheet {sheet!r} (the limit; set {env} to raise it)",
                        limit=limit,
                        sheet=path.name,
                        env=ENV_MAX_ROWS,
                    ),
                )
            rows.append(list(cells[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise InputError(
            f"{path}:{reader.line_num}", tr("not a readable CSV file ({reason})", reason=exc)
        ) from None
    numbers = [n for n, cells in enumerate(rows, start=1) if not _blank(cells)]
    return Sheet("", [rows[n - 1] for n in numbers], numbers)


def csv_dialect(text: str) -> Any:
    """The CSV dialect: the sniffer's, unless another delimiter splits some early line into more
    fields (a short cover block above the table, or 1.234,00 amounts, mislead the sniffer)."""
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = sample.splitlines()[:HEADER_SCAN_ROWS]

    def widest(delimiter: str) -> int:
        try:
            return max((len(row) for row in csv.reader(lines, delimiter=delimiter)), default=0)
        except csv.Error:
            return 0

    best = max((";", ",", "\t"), key=lambda d: (widest(d), d == dialect.delimiter))
    if best != dialect.delimiter and widest(best) > widest(dialect.delimiter):

        class Chosen(csv.excel):
            delimiter = best

        return Chosen
    return dialect


# ----------------------------------------------------------------------------- finding tables


def _location(path: Path, sheet: str, row: int) -> str:
    return f"{path}:{sheet}:{row}" if sheet else f"{path}:{row}"


def _blank(cells: list[Any]) -> bool:
    return all(c is None or str(c).strip() == "" for c in cells)


def _cell(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _header(spec: TableSpec, sheet: Sheet) -> tuple[int, int, dict[str, list[int]]] | None:
    """(index of the first row, rows it takes, key -> columns) of the header in the sheet's first
    HEADER_SCAN_ROWS rows: one row, else two (a merged "Harga" above "Satuan" and "Jumlah")."""
    scan = [i for i, n in enumerate(sheet.numbers) if n <= HEADER_SCAN_ROWS]
    for index in scan:
        spans = spec.match_spans([[c] for c in sheet.rows[index]])
        if spans is not None:
            return index, 1, spans
    for index in scan:
        if index + 1 >= len(sheet.rows) or sheet.numbers[index + 1] != sheet.numbers[index] + 1:
            continue
        cells, below = sheet.rows[index], sheet.rows[index + 1]
        if any(_data_like(c) for c in below):
            continue
        candidates = []
        for col in range(max(len(cells), len(below))):
            upper, lower = _cell(cells, col), _cell(below, col)
            joined = f"{upper} {lower}" if upper is not None and lower is not None else None
            # a heading over its parts ("Harga" over "Satuan" and "Jumlah") names them together
            # first, so it is not taken for a "Satuan" column beside it (merged down, upper == lower)
            candidates.append([joined, lower, upper] if upper != lower else [lower, upper])
        spans = spec.match_spans(candidates)
        if spans is not None:
            return index, 2, spans
    return None


_FIGURE = re.compile(r"(?:rp\.?)?[\s\d.,:/()+-]*\d[\s\d.,:/()+-]*(?:,-)?", re.I)


def _data_like(value: Any) -> bool:
    """A number or date (a cell, or text of figures): such a row is data, never the lower half of
    a two-row header, whatever text its other cells hold (a unit "unit" is also a header name)."""
    if isinstance(value, (int, float, Decimal, datetime.date)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and _FIGURE.fullmatch(value.strip()) is not None


def find(path: Path, spec: TableSpec, *, header_only: bool = False) -> Found:
    """Every table of this kind in the file (one per sheet at most), and the sheets skipped;
    `header_only`: the tables' headers without their rows (enough to recognise a file)."""
    found = Found([], [])
    for sheet in read_sheets(path):
        where = _location(path, sheet.title, 1) if sheet.title else str(path)
        header = _header(spec, sheet)
        if header is None:
            if sheet.title:
                found.skipped.append(
                    (
                        where,
                        tr(
                            "sheet {sheet!r}: no {kind} header in its first {rows} rows",
                            sheet=sheet.title,
                            kind=spec.name,
                            rows=HEADER_SCAN_ROWS,
                        ),
                    )
                )
            continue
        found.tables.append(_table(path, sheet, spec, *header, header_only=header_only))
    return found


def find_tables(path: Path, spec: TableSpec, *, header_only: bool = False) -> list[Table]:
    """Every table of this kind in the file (one per sheet at most); empty when none."""
    return find(path, spec, header_only=header_only).tables


def _table(
    path: Path,
    sheet: Sheet,
    spec: TableSpec,
    index: int,
    height: int,
    spans: dict[str, list[int]],
    *,
    header_only: bool = False,
) -> Table:
    rows = sheet.rows
    header_cells = rows[index + height - 1]
    table = Table(
        path,
        sheet.title,
        _location(path, sheet.title, sheet.numbers[index]),
        above=rows[:index],
        keys=set(spans),
        spec=spec,
        header_cells=list(header_cells),
    )
    for key, columns in spans.items():
        typed = _cell(header_cells, columns[0])
        if typed is None or spec._lookup.get(_norm(typed), ("",))[0] != key:
            typed = _cell(rows[index], columns[0])
        table.headers[key] = " ".join(str(typed if typed is not None else key).split())
    if header_only:
        return table
    required = [c.key for c in spec.columns if c.required]
    total_at: str | None = None
    below = 0
    for number, cells in zip(sheet.numbers[index + height :], rows[index + height :], strict=True):
        values = {key: _first(cells, columns) for key, columns in spans.items()}
        if not any(_filled(v) and not isinstance(v, Uncomputed) for v in values.values()):
            continue  # blank, or only a template's formulas with nothing to compute from
        location = _location(path, sheet.title, number)
        if total_at is not None:
            if all(_filled(values.get(k)) for k in required):
                table.errors.append(
                    InputError(
                        location,
                        tr(
                            BELOW_TOTAL,
                            total_row=total_at,
                        ),
                    )
                )
            below += 1
            continue
        if spec.totals and _is_total(cells, values):
            total_at = location
            _check_total(table, spec, location, values)
            continue
        table.rows.append(Row(location, values, list(cells), table))
    _drop_footer(table)
    if below:
        note = tr("{count} row(s) below the total row (signatures, notes) not read", count=below)
        table.skipped.append((total_at or table.header_location, note))
    return table


_CODE_LIKE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9-]*$")


def _drop_footer(table: Table) -> None:
    """A signature block under a table without a total row (place and date, "Bendahara", the
    names): trailing rows with at most two cells filled and nothing like a participant code
    (letters, digits and hyphens with a digit) are not data; listed as skipped, never read."""
    if table.spec is None or "code" not in table.keys:
        return
    footer = 0
    where = ""
    while table.rows:
        last = table.rows[-1]
        code = str(last.values.get("code") or "").strip()
        if _CODE_LIKE.match(code) or sum(1 for c in last.cells if _filled(c)) > 2:
            break
        where = table.rows.pop().location  # named at the block's first row
        footer += 1
    if footer:
        table.skipped.append(
            (where, tr("{count} row(s) below the table (signatures, notes) not read", count=footer))
        )


def _first(cells: list[Any], columns: list[int]) -> Any:
    """The value under a header: its first column, or the first filled one of a merged header;
    a currency mark alone ("Rp" typed in its own column beside the figure) is not the value."""
    marks = None
    for col in columns:
        value = _cell(cells, col)
        if _filled(value):
            if len(columns) > 1 and isinstance(value, str) and _CURRENCY_MARK.fullmatch(value.strip()):
                marks = marks if marks is not None else value
                continue
            return value
    return marks if marks is not None else _cell(cells, columns[0])


_CURRENCY_MARK = re.compile(r"(?:rp|idr)\.?", re.I)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _is_total(cells: list[Any], values: dict[str, Any]) -> bool:
    """A JUMLAH/TOTAL row: a cell says so, and the participant code (when the kind has one) is
    empty or is that word."""
    words = [
        c
        for c in cells
        if isinstance(c, str)
        and len(c) < 40
        and ("total" in c.lower() or "jumlah" in c.lower())
        and _norm(c) in TOTAL_WORDS
    ]
    if not words:
        return False
    code = values.get("code")
    return not _filled(code) or (isinstance(code, str) and _norm(code) in TOTAL_WORDS)


def _check_total(table: Table, spec: TableSpec, location: str, values: dict[str, Any]) -> None:
    from importers.parsing import ParseError, parse_amount

    for column in spec.columns:
        if (
            column.kind != "amount"
            or column.key in ("volume", "unit_price")
            or not _filled(values.get(column.key))
        ):
            continue
        try:
            total = parse_amount(values[column.key], None)
            cells = [r.values.get(column.key) for r in table.rows]
            if any(isinstance(c, Uncomputed) for c in cells):
                continue
            added = sum((parse_amount(c, None) for c in cells if c is not None and _filled(c)), Decimal(0))
        except (ParseError, TypeError):
            continue  # the unreadable cell is reported on its own row
        if total != added:
            header = table.headers.get(column.key, column.key)
            table.errors.append(
                InputError(
                    location,
                    f"{header}: "
                    + tr(
                        "the total row says {total}, but the rows above add up to {sum}",
                        total=format_idr(total, symbol=False, sen=True),
                        sum=format_idr(added, symbol=False, sen=True),
                    ),
                )
            )


def identify(path: Path, spec: TableSpec) -> bool:
    """True when the file is a spreadsheet with this kind's header (never raises)."""
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        return False
    try:
        return bool(find_tables(path, spec, header_only=True))
    except (InputError, OSError):
        return False


# ----------------------------------------------------------------------------- cells


def cell_decimal(row: Row, key: str) -> Decimal | None:
    """A number cell: native numbers from XLSX, text as typed ("Rp 1.250.000", "1.250.000,-",
    "1,250,000", "1.250.000,00"); an uncomputed formula is refused, never read as empty."""
    from importers.parsing import ParseError, parse_amount

    value = row.values.get(key)
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, Uncomputed):
        raise row.error(
            key,
            UNCOMPUTED,
            formula=value.formula,
        )
    if isinstance(value, bool | datetime.date):
        raise row.error(key, "expected a number, got {value!r}", value=str(value))
    try:
        return parse_amount(value, None)
    except ParseError:
        raise row.error(key, "unreadable amount {value!r}", value=str(value)) from None


def _readings(text: str) -> tuple[str, str]:
    """The two dates an ambiguous 05/06/2026 may be, as unambiguous text (day first: "5 Juni
    2026"; month first: "6 Mei 2026"), for the message that asks which."""
    from importers.parsing import MONTHS_ID, parse_date

    day_first, month_first = parse_date(text, day_first=True), parse_date(text, day_first=False)
    first, second = (f"{d.day} {MONTHS_ID[d.month - 1]} {d.year}" for d in (day_first, month_first))
    return first, second


def cell_date(row: Row, key: str) -> datetime.date | None:
    """A date cell: an Excel date, a number left unformatted (Excel's day serial), or text
    ("12/10/2025", "12-10-25", "12 Oktober 2025", "12 Okt 2025", "2025-10-12"). A numeric date
    that reads both ways is refused unless the table's other dates settle day-first."""
    from importers.parsing import ParseError, parse_date

    value = row.values.get(key)
    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, Uncomputed):
        raise row.error(
            key,
            UNCOMPUTED,
            formula=value.formula,
        )
    if isinstance(value, bool) or (
        isinstance(value, datetime.time) and not isinstance(value, datetime.datetime)
    ):
        raise row.error(key, "unreadable date {value!r}", value=str(value))
    settled = row.table.day_first if row.table is not None else True
    try:
        return parse_date(value, day_first=settled)
    except ParseError as exc:
        if str(exc).startswith("ambiguous"):
            raise row.error(
                key,
                "ambiguous date {value!r}: no other date of the sheet says whether the day or the month "
                "comes first; write it with the month's name: {iso} or {named}",
                value=str(value),
                iso=_readings(str(value))[0],
                named=_readings(str(value))[1],
            ) from None
        if str(exc).startswith("invalid"):
            raise row.error(key, "invalid date {value!r}: no such day", value=str(value)) from None
        raise row.error(key, "unreadable date {value!r}", value=str(value)) from None
