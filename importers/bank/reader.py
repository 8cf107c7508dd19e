"""The one reader of statement PDFs: columns by their headings, rows by their dates.

A statement is read the same way whatever the bank (layouts in importers/bank/layouts.py say
only how a bank is recognised and what it may assume):

1. The heading row is the first line on a page whose separate cells name the columns, by any
   synonym in `layouts.COLUMNS` (a second heading line under it, in English or "(IDR)", is part
   of it). Its cells give each column's x band; a page without a heading uses the last one.
2. A transaction row is a line that begins with a date in the date band and prints money in a
   money band. Lines right under a row (within a wrapped line's distance) holding only text or
   a time continue it: wrapped descriptions are joined.
3. Every other line is page furniture (logos, titles, info and warning boxes, footers, page
   numbers, signatures), except: header fields (`layouts.FIELDS`) and printed totals
   (`layouts.SUMMARY`: in a box with the amount below the label, on a labelled line, or as a
   row of the table: SALDO AWAL, Total), which are read; and a line in the table that prints
   money but no date, which is refused (a row the reader cannot date is never dropped).

Ignoring furniture is safe because the statement must verify: the rows chain from the opening
to the closing balance line by line and agree with every printed total
(importers.booking.order_and_verify). A missed or invented row breaks the chain.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from importers.bank import layouts, pdf
from importers.bank.layouts import Layout
from importers.bank.pdf import Header, Line, Page, Word
from importers.messages import tr
from importers.parsing import ParseError, month_number, parse_date, parse_period, parse_short_date
from importers.statement import Statement, StatementLine
from importers.tables import InputError
from ledger.fold import fold

FIELD_GAP = 2.0  # in font sizes: a wider gap ends a label's value
BOX_BELOW = 3  # lines under a label where a boxed value may stand

_CURRENCY = {"(idr)", "idr", "(rp)", "rp", "(rp.)", "rp.", "(rupiah)"}
_JOINERS = {"/", "|"}
_DATE_START = re.compile(
    r"^(\d{1,2}[/\-]\d{1,2}\b|\d{1,2}\.\d{1,2}\.\d{2,4}\b|\d{1,2}[\s\-]+[A-Za-z]{3,}|\d{4}-\d{2}-\d{2})"
)
_SHORT_DATE = re.compile(r"^\d{1,2}(?:[/\-.]\d{1,2}|[\s\-]+[A-Za-z]+\.?)$")
_MARK = re.compile(r"^(?P<num>.*?)\s*(?P<mark>DB|DR|CR|D|K|C|Db|Cr|Dr)\.?$")
_DIGIT_RUN = re.compile(r"^[\d\- .]+$")


CELL_GAP = 1.0  # in font sizes: a wider gap separates two cells (a monospaced space is 0.6)


def _chunks(words: Sequence[Word]) -> list[list[Word]]:
    """Runs of words close enough to be one cell's text."""
    runs: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if runs and word.x0 - runs[-1][-1].x1 <= CELL_GAP * max(word.size, runs[-1][-1].size):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in (pdf._norm(p) for p in text.split()) if t)


@cache
def _synonyms(table: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """(tokens, key, printed) of every synonym of a table, longest first."""
    source = {"columns": layouts.COLUMNS, "fields": layouts.FIELDS, "summary": layouts.SUMMARY}[table]
    out = [(_tokens(text), key, text) for key, texts in source.items() for text in texts]
    return tuple(sorted((s for s in out if s[0]), key=lambda s: -len(s[0])))


def _match_at(tokens: Sequence[str], start: int, table: str) -> tuple[str, int] | None:
    """The key and length of the longest synonym starting at tokens[start]."""
    for syn, key, _text in _synonyms(table):
        if tuple(tokens[start : start + len(syn)]) == syn:
            return key, len(syn)
    return None


# --- the heading ------------------------------------------------------------------------------


@dataclass
class Band:
    key: str
    x0: float
    x1: float
    label: str  # the heading as printed ("Tanggal Transaksi", "Nominal (IDR)")


def _chunk_key(words: Sequence[Word]) -> str | None:
    """The column a heading cell names, when the whole cell is its synonyms ("Tanggal / Date",
    "Nominal (IDR)"); None otherwise."""
    tokens = [pdf._norm(w.text) for w in words]
    tokens = [t for t in tokens if t]
    key: str | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in _CURRENCY or (token in ("", "&") and key):
            index += 1
            continue
        found = _match_at(tokens, index, "columns")
        if found is None:
            return None
        if key is not None and found[0] != key:
            return None
        key = found[0]
        index += found[1]
    return key


def _raw_chunks(line: Line) -> list[list[Word]]:
    """A line's cells, "/" and "|" kept with their neighbours (a bilingual heading); a cell
    that reads as several column names printed close together split into them
    (`_split_names`)."""
    chunks = list(_chunks(line.words))
    merged: list[list[Word]] = []
    for chunk in chunks:
        if merged and (chunk[0].text in _JOINERS or merged[-1][-1].text in _JOINERS):
            merged[-1].extend(chunk)
        else:
            merged.append(chunk)
    return [part for chunk in merged for part in _split_names(chunk)]


MAX_HEADING_WORDS = 16  # a longer run of words is text, never a row of column names
NAME_GAP_OVER = 1.5  # a gap between two column names is this many times a gap inside a name
SPACE = 0.3  # in font sizes: about a proportional font's space, when no name has two words


def _gap(a: Word, b: Word) -> float:
    return (b.x0 - a.x1) / max(a.size, b.size)


def _split_names(chunk: list[Word]) -> list[list[Word]]:
    """A heading cell that is several column names side by side ("Tanggal & Waktu Rincian
    Transaksi"), split between them; any other cell unchanged.

    A bank's template sizes columns for its own font: at a larger size, or in a cramped
    layout, neighbouring headings stand closer than a cell gap (one font size) and read as one
    cell. They are still told apart the way a person does: each part is a whole column name,
    and the gaps between the names are clearly wider than the spaces inside them (so a
    description reading "Tanggal Saldo Debet" with ordinary spaces stays one cell).
    """
    if not 2 <= len(chunk) <= MAX_HEADING_WORDS or _chunk_key(chunk) is not None:
        return [chunk]
    parts = _name_parts(chunk, 0, {})
    if parts is None or len(parts) < 2:
        return [chunk]
    inside = [_gap(a, b) for part in parts for a, b in itertools.pairwise(part)]
    between = [_gap(a[-1], b[0]) for a, b in itertools.pairwise(parts)]
    if min(between) < NAME_GAP_OVER * max(inside, default=SPACE):
        return [chunk]
    return parts


def _name_parts(
    words: list[Word], start: int, seen: dict[int, list[list[Word]] | None]
) -> list[list[Word]] | None:
    """words[start:] as consecutive column names, the longest first name preferred."""
    if start == len(words):
        return []
    if start not in seen:
        seen[start] = None
        for end in range(len(words), start, -1):
            if _chunk_key(words[start:end]) is not None:
                rest = _name_parts(words, end, seen)
                if rest is not None:
                    seen[start] = [words[start:end], *rest]
                    break
    return seen[start]


def find_heading(line: Line) -> dict[str, Band] | None:
    """The column bands when `line` is a table's heading row, else None.

    Each cell of the line must name one column by itself (a description that happens to read
    "Tanggal Saldo Debet" is one cell, not a heading); a few unknown cells (a column this
    reader does not use) are allowed and kept as bands of their own.
    """
    if len(line.words) < 3:
        return None
    bands: dict[str, Band] = {}
    unknown = 0
    for chunk in _raw_chunks(line):
        key = _chunk_key(chunk)
        label = " ".join(w.text for w in chunk)
        if key is None:
            unknown += 1
            key = f"other{unknown}"
        elif key in bands:
            return None
        bands[key] = Band(key, chunk[0].x0, chunk[-1].x1, label)
    known = len(bands) - unknown
    if not all(k in bands for k in layouts.REQUIRED):
        return None
    if not ("amount" in bands or "debit" in bands or "credit" in bands):
        return None
    return bands if unknown <= max(1, known - 3) else None


def _sub_heading(line: Line) -> dict[str, Band] | None:
    """A second heading line (English names, "(IDR)"): every cell a column name or a currency."""
    found: dict[str, Band] = {}
    for chunk in _raw_chunks(line):
        texts = {pdf._norm(w.text) for w in chunk} - {""}
        if texts <= _CURRENCY:
            continue
        key = _chunk_key(chunk)
        if key is None:
            return None
        found[key] = Band(key, chunk[0].x0, chunk[-1].x1, " ".join(w.text for w in chunk))
    return found if line.words else None


def _wrapped_heading(line: Line, bands: dict[str, Band]) -> bool:
    """Whether `line` is the second line of headings wrapped in their cells ("No." over
    "Referensi", "Tanggal" over "Transaksi"); if so, each band takes the name the two lines
    make together (`bands` changed in place).

    Every cell of the line must stand under one heading and complete it to a column name (or
    be a currency, "(IDR)"); a heading's first word alone may name another column ("No." is
    the row number, "No. Referensi" the bank's reference), so the joined name decides.
    """
    renamed: dict[str, Band] = {}
    for chunk in _raw_chunks(line):
        x0, x1 = chunk[0].x0, chunk[-1].x1
        under = [b for b in bands.values() if min(x1, b.x1) - max(x0, b.x0) > 0]
        if {pdf._norm(w.text) for w in chunk} - {""} <= _CURRENCY:
            continue
        if len(under) != 1 or under[0].key in renamed:
            return False
        band = under[0]
        text = f"{band.label} {' '.join(w.text for w in chunk)}"
        key = _chunk_key([Word(t, 0, 0, 0, 0, 0) for t in text.split()])
        if key is None or (key != band.key and key in bands) or key in {b.key for b in renamed.values()}:
            return False
        label = band.label if key == band.key else text  # the name messages use: kept when unchanged
        renamed[band.key] = Band(key, min(band.x0, x0), max(band.x1, x1), label)
    if not renamed:
        return False
    for old, band in renamed.items():
        del bands[old]
        bands[band.key] = band
    return True


class Columns(Header):
    """A heading's bands, reading a line's cells.

    A cell under its heading (overlapping it) belongs to that column. One that overlaps no
    heading (a long description running right, an amount right-aligned under a centred
    heading) goes, when it is an amount, to the nearest money column, and otherwise to the
    column it starts in: the one whose heading begins last before it.
    """

    def _column(self, x0: float, x1: float, text: str = "") -> str:
        overlaps = [
            (min(x1, b) - max(x0, a), k) for k, (a, b) in self.spans.items() if min(x1, b) - max(x0, a) > 0
        ]
        if overlaps:
            return max(overlaps)[1]
        money = [k for k in self.spans if k in layouts.MONEY_COLUMNS or k == "dk"]
        if text and money and (_is_amount(text) or text.upper() in _MARKS):
            return min(money, key=lambda k: min(abs(self.spans[k][0] - x1), abs(self.spans[k][1] - x0)))
        before = [k for k, (a, _b) in self.spans.items() if a <= x0 and k not in layouts.MONEY_COLUMNS]
        if before:
            return max(before, key=lambda k: self.spans[k][0])
        return super()._column(x0, x1)

    def cells(self, line: Line) -> dict[str, str]:
        found: dict[str, list[Word]] = {}
        for chunk in _chunks(line.words):
            x0, x1 = chunk[0].x0, chunk[-1].x1
            overlapped = [k for k, (a, b) in self.spans.items() if min(x1, b) - max(x0, a) > 0]
            if len(overlapped) > 1:
                for word in chunk:
                    found.setdefault(self._column(word.x0, word.x1, word.text), []).append(word)
            else:
                text = " ".join(w.text for w in chunk)
                found.setdefault(self._column(x0, x1, text), []).extend(chunk)
        return {key: " ".join(w.text for w in words) for key, words in found.items()}


_MARKS = {"D", "K", "DB", "CR", "DR", "C"}


def _header(line: Line, bands: dict[str, Band]) -> Header:
    return Columns(line, {key: (b.x0, b.x1) for key, b in bands.items()})


# --- layout recognition -----------------------------------------------------------------------


def _heading_index(lines: Sequence[Line]) -> tuple[int, dict[str, Band]] | None:
    for index, line in enumerate(lines):
        bands = find_heading(line)
        if bands is not None:
            return index, bands
    return None


def bank_of(above: Sequence[Line]) -> list[Layout]:
    """The layouts whose bank is named above the table (the top-most mention wins)."""
    for line in above:
        text = fold(line.text)
        words = {fold(w.text) for w in line.words}
        hits = [
            lay
            for lay in layouts.LAYOUTS
            if any(m in text for m in lay.marks) or any(w in words for w in lay.words)
        ]
        if hits:
            bank = hits[0].bank
            return [lay for lay in layouts.LAYOUTS if lay.bank == bank]
    return []


def classify(lines: Sequence[Line]) -> tuple[Layout, int, dict[str, Band]] | None:
    """The layout of a statement from page 1: its heading row and what is printed above it.

    None when page 1 has no heading row. A bank recognised whose described layouts do not fit
    the columns is read as that bank's generic variant.
    """
    found = _heading_index(lines)
    if found is None:
        return None
    index, bands = found
    candidates = bank_of(lines[:index])
    for lay in candidates:
        if all(k in bands for k in lay.requires) and not any(k in bands for k in lay.excludes):
            return lay, index, bands
    if candidates:
        first = candidates[0]
        return Layout(first.layout, "generic", first.bank, description="generic reader"), index, bands
    return layouts.GENERIC, index, bands


# --- reading ----------------------------------------------------------------------------------


@dataclass
class Row:
    line: Line
    cells: dict[str, str]
    more: list[tuple[Line, dict[str, str]]] = field(default_factory=list)

    def joined(self, key: str) -> str:
        parts = [self.cells.get(key, "")] + [cells.get(key, "") for _line, cells in self.more]
        return " ".join(p for p in parts if p)


@dataclass
class Reading:
    """How a statement was read: what `aidledger import --explain` prints."""

    statement: Statement
    layout: Layout
    bands: dict[str, Band]
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (field, value, location)
    totals: list[tuple[str, Decimal, str]] = field(default_factory=list)  # (key, value, location)
    rows: list[Row] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)
    opening_from: str = ""
    locale: str = ""  # the amounts' grouping: "id" (1.234.567,00) or "en" (1,234,567.00)


@dataclass
class _Page:
    number: int
    before: list[Line]  # above the heading (page 1's header block)
    table: list[Line]  # the lines after the heading (everything, on a page without one)
    header: Header | None
    heading_last: Line | None = None  # the heading's last line, on a page with its own heading


def _in_band(previous: Line | None, line: Line) -> bool:
    return previous is not None and line.bottom - previous.bottom <= pdf.ROW_BAND * max(
        line.size, previous.size
    )


def _under_heading(previous: Line | None, line: Line, heading: Line | None) -> bool:
    """The first line under a repeated heading, where a row's wrapped text goes on from the
    previous page (a heading's rule and padding sit between: a looser band than a row's)."""
    return previous is not None and previous is heading and line.bottom - previous.bottom <= 3 * line.size


_TIME = re.compile(r"^\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(WIB|WITA|WIT))?$", re.I)


def _continues(cells: dict[str, str]) -> bool:
    allowed = set(layouts.TEXT_COLUMNS) | {"date"} | {k for k in cells if k.startswith("other")}
    return set(cells) <= allowed and (not cells.get("date") or bool(_TIME.match(cells["date"])))


_NAMED_START = re.compile(r"^\d{1,2}[\s\-]+([A-Za-z]{3,})\.?(?:[\s\-]+\d{2,4}\b)?")


def _dated(text: str) -> bool:
    """A date cell's start: 03/02/26, 2026-02-03, 03.02.2026, 15/12; "02 Okt 2025" (a month
    name, or any word followed by a year: "02 Okx 2025" is a misprinted date, refused as one);
    not "1 dari 2"."""
    if not _DATE_START.match(text):
        return False
    named = _NAMED_START.match(text)
    if named is None or re.match(r"^\d{1,2}[\s\-]+[A-Za-z]+\.?[\s\-]+\d{2,4}\b", text):
        return True
    try:
        month_number(named.group(1))
    except ParseError:
        return False
    return True


_DOTTED_DATE = re.compile(r"^\s*(\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")


def _after_date(text: str) -> str:
    """A date cell without its leading numeric date, where a time may follow: the date
    05.11.09 (dd.mm.yy) is not the time 05:11:09."""
    return _DOTTED_DATE.sub("", text, count=1)


def _starts(cells: dict[str, str]) -> bool:
    return _dated(cells.get("date", "")) and any(cells.get(k) for k in layouts.MONEY_COLUMNS)


class _Reader:
    def __init__(self, path: Path, pages: Sequence[Page], layout: Layout, index: int, bands: dict[str, Band]):
        self.path = path
        self.pages = pages
        self.layout = layout
        self.bands = dict(bands)
        self.first_heading = index
        self.reading = Reading(
            Statement(path=path, layout=layout.layout, bank=layout.bank, account_number=""),
            layout,
            self.bands,
        )
        self.locale = layout.locale
        self.field_ids: set[int] = set()

    def where(self, line: Line) -> str:
        return pdf.where(self.path, line)

    # -- structure

    def split_pages(self) -> list[_Page]:
        out: list[_Page] = []
        header: Header | None = None
        for page in self.pages:
            lines = page.lines
            start = 0
            found = _heading_index(lines) if page.number > 1 else (self.first_heading, self.bands)
            if found is not None:
                index, bands = found
                start = index + 1
                while start < len(lines) and _in_band(lines[start - 1], lines[start]):
                    if _wrapped_heading(lines[start], bands):
                        start += 1
                        continue
                    sub = _sub_heading(lines[start])
                    if sub is None:
                        break
                    for key, band in sub.items():
                        if key in bands:
                            old = bands[key]
                            bands[key] = Band(key, min(old.x0, band.x0), max(old.x1, band.x1), old.label)
                    start += 1
                if page.number == 1:
                    self.bands.update(bands)
                header = _header(lines[index], bands)
                out.append(_Page(page.number, lines[:index], lines[start:], header, lines[start - 1]))
            else:
                out.append(_Page(page.number, [] if header else lines, lines if header else [], header))
        return out

    def rows_and_rest(self, pages: list[_Page]) -> tuple[list[Row], list[tuple[Line, dict[str, str]]]]:
        """Rows (with their continuation lines) and every other line of the table region."""
        rows: list[Row] = []
        rest: list[tuple[Line, dict[str, str]]] = []
        for page in pages:
            if page.header is None:
                continue
            # under a repeated heading, a row's wrapped text may go on from the previous page
            current: Row | None = rows[-1] if page.heading_last is not None and rows else None
            previous: Line | None = page.heading_last
            ended = False
            for line in page.table:
                cells = page.header.cells(line)
                if _starts(cells):
                    if ended:
                        raise InputError(
                            self.where(line),
                            tr("a transaction line after the end of the table: {text!r}", text=line.text),
                        )
                    current = Row(line, cells)
                    rows.append(current)
                elif (
                    current is not None
                    and _continues(cells)
                    and (_in_band(previous, line) or _under_heading(previous, line, page.heading_last))
                ):
                    current.more.append((line, cells))
                else:
                    if pdf.FOOTER.match(line.text):
                        ended = True
                    current = None
                    rest.append((line, cells))
                previous = line
        return rows, rest

    # -- values

    def money(self, text: str, line: Line, what: str) -> Decimal:
        return pdf.amount(text, self.locale or "id", self.path, line, what)

    def label(self, key: str) -> str:
        band = self.bands.get(key)
        return band.label if band else key

    def guess_locale(self, rows: list[Row], others: Sequence[Line] = ()) -> None:
        """The grouping the rows print (1.234.567,00 or 1,234,567.00); when their amounts do not
        tell (all under 1.000 and whole), the grouping of the other amounts on the pages (the
        totals); else the layout's (a bank's branches and app versions print both)."""
        texts = [row.cells.get(key, "") for row in rows[:200] for key in layouts.MONEY_COLUMNS]
        found = _vote(texts)
        if not found:
            cells = [" ".join(w.text for w in chunk) for line in others for chunk in _chunks(line.words)]
            found = _vote([text for text in cells if _is_amount(text)])
        self.locale = found or self.locale or "id"

    def signed(self, text: str, line: Line, what: str, dk: str = "") -> tuple[Decimal, Decimal]:
        """(debit, credit) of one amount: a sign, a D/K (DB/CR) mark or a D/K column; bare is credit."""
        text = text.strip()
        mark = dk.strip().upper()
        match = _MARK.match(text)
        if match and match.group("num") and re.search(r"\d", match.group("num")):
            text, mark = match.group("num"), match.group("mark").upper()
        if mark and mark not in ("D", "DB", "DR", "K", "C", "CR", "DEBET", "DEBIT", "KREDIT", "CREDIT"):
            raise InputError(
                self.where(line), tr("{what}: unreadable debit/credit mark {mark!r}", what=what, mark=mark)
            )
        if not re.match(r"^[+\-−(]?\s*(Rp\.?\s*)?[\d.,]+\)?$", text):
            raise InputError(
                self.where(line),
                tr(
                    "{what}: unreadable amount {text!r} (expected a number, signed or marked D/K)",
                    what=what,
                    text=text,
                ),
            )
        value = self.money(text, line, what)
        if mark in ("D", "DB", "DR", "DEBET", "DEBIT"):
            return abs(value), Decimal(0)
        if mark:
            return Decimal(0), abs(value)
        return (-value, Decimal(0)) if value < 0 else (Decimal(0), value)

    def amounts(self, row: Row) -> tuple[Decimal, Decimal]:
        cells, line = row.cells, row.line
        if "debit" in self.bands and "credit" in self.bands:
            debit_text, credit_text = cells.get("debit", ""), cells.get("credit", "")
            if not debit_text or not credit_text:
                other = credit_text or debit_text
                if (
                    not other
                    or self.money(other, line, self.label("credit" if credit_text else "debit")) == 0
                ):
                    key = "debit" if not debit_text else "credit"
                    raise InputError(
                        self.where(line),
                        tr(
                            "{key} column is empty: neither {debit} nor {credit} is printed",
                            key=key,
                            debit=self.label("debit"),
                            credit=self.label("credit"),
                        ),
                    )
            debit = self.money(debit_text or "0", line, self.label("debit"))
            credit = self.money(credit_text or "0", line, self.label("credit"))
            # some banks print the debit column with a minus: the column already says the side
            return pdf.one_side(abs(debit), credit, self.path, line)
        if "amount" not in cells:
            raise InputError(
                self.where(line), tr("the amount column ({label}) is empty", label=self.label("amount"))
            )
        return self.signed(cells["amount"], line, self.label("amount"), cells.get("dk", ""))

    def date_of(self, text: str, line: Line) -> datetime.date:
        statement = self.reading.statement
        what = self.label("date")
        try:
            return parse_date(text)
        except ParseError as exc:
            bare = re.sub(r"\s+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*(WIB|WITA|WIT))?$", "", text.strip())
            # a layout that prints "01 Jan 2026" never leaves the year out of a named month
            named = bool(re.search(r"[A-Za-z]", bare))
            if (self.layout.year_in_dates and named) or not _SHORT_DATE.match(bare):
                raise InputError(self.where(line), f"{what}: {exc}") from None
            if statement.period_start is None or statement.period_end is None:
                raise InputError(
                    self.where(line),
                    tr("{what}: {text!r} has no year and the header prints no period", what=what, text=text),
                ) from None
            try:
                return parse_short_date(bare, statement.period_start, statement.period_end)
            except ParseError as short:
                raise InputError(self.where(line), f"{what}: {short}") from None

    # -- header fields and totals

    def value_after(self, line: Line, end: int, table: str, key: str) -> tuple[str, list[Word]]:
        """The words after a label ending at word `end`: its English half ("/ Account No.") and
        a colon skipped, up to a wide gap."""
        words = line.words
        tokens = [pdf._norm(w.text) for w in words]
        index = end
        if index < len(words) and words[index].text in _JOINERS:
            found = _match_at(tokens, index + 1, table)
            if found is not None:
                index += 1 + found[1]
            else:
                colon = next((i for i in range(index, len(words)) if words[i].text.endswith(":")), None)
                if colon is not None:
                    index = colon + 1
        value: list[Word] = []
        previous = words[end - 1]
        for word in words[index:]:
            if value and word.x0 - previous.x1 > FIELD_GAP * word.size:
                break
            previous = word
            text = word.text
            if not value and text.startswith((":", "：")):
                text = text[1:]
                if not text:
                    continue
            value.append(Word(text, word.x0, word.x1, word.top, word.bottom, word.size))
        return " ".join(w.text for w in value), value

    def labels(self, line: Line, table: str) -> list[tuple[str, int, int]]:
        """(key, first word, end word) of each label of `table` printed on the line."""
        tokens = [pdf._norm(w.text) for w in line.words]
        out = []
        index = 0
        while index < len(tokens):
            if not tokens[index]:
                index += 1
                continue
            found = _match_at(tokens, index, table)
            if found is None:
                index += 1
                continue
            end = index + found[1]
            # a bilingual label ("Saldo Awal / Opening Balance") is one label
            if end + 1 < len(tokens) and line.words[end].text in _JOINERS:
                second = _match_at(tokens, end + 1, table)
                if second is not None and second[0] == found[0]:
                    end += 1 + second[1]
            out.append((found[0], index, end))
            index = end
        return out

    def below(self, lines: Sequence[Line], at: int, x0: float, x1: float) -> tuple[str, Line] | None:
        """A boxed value: the cell under a label (overlapping it most), within a few lines."""
        for line in lines[at + 1 : at + 1 + BOX_BELOW]:
            best, score = None, 0.0
            for chunk in _chunks(line.words):
                overlap = min(chunk[-1].x1, x1) - max(chunk[0].x0, x0)
                if overlap > score:
                    best, score = chunk, overlap
            if best is not None:
                text = " ".join(w.text for w in best).lstrip(":").strip()
                if _is_amount(text):
                    return text, line
        return None

    def read_fields(self, head: Sequence[Line]) -> None:
        """The header fields (account, product, period) into the statement; without a labelled
        account number, the digit runs that could be it, for the caller to choose from."""
        statement = self.reading.statement
        found = self.find_fields(head)
        for key, (value, line) in found.items():
            self.reading.fields.append((key, value, line.location))
        if "account" in found and len(re.sub(r"\D", "", found["account"][0])) >= 6:
            statement.account_number = found["account"][0].replace(" ", "")
        if "product" in found:
            statement.product = found["product"][0]
        if "period" in found:
            value, line = found["period"]
            try:
                statement.period_start, statement.period_end = parse_period(value)
            except ParseError as exc:
                raise InputError(self.where(line), f"{self.label_of(line, 'fields')}: {exc}") from None
        if not statement.account_number:
            statement.account_candidates = _account_candidates(head)

    def find_fields(self, head: Sequence[Line]) -> dict[str, tuple[str, Line]]:
        """Each field's first labelled value: after its label on the line, else in a box under it.
        An account label right after "Nama" (the account's name) or without a number (a title,
        "Laporan Mutasi Rekening") is not the account number."""
        found: dict[str, tuple[str, Line]] = {}
        for index, line in enumerate(head):
            for key, start, end in self.labels(line, "fields"):
                if key in found:
                    continue
                if (
                    key == "account"
                    and start > 0
                    and pdf._norm(line.words[start - 1].text) in ("nama", "name")
                ):
                    continue
                value, _words = self.value_after(line, end, "fields", key)
                if not value:
                    box = self.below(head, index, line.words[start].x0, line.words[end - 1].x1)
                    value = box[0] if box else ""
                if key == "account" and len(re.sub(r"\D", "", value)) < 6:
                    continue  # a title ("Laporan Mutasi Rekening ...") or a label without a number
                if value:
                    found[key] = (value, line)
                    self.field_ids.add(id(line))
        return found

    def label_of(self, line: Line, table: str) -> str:
        found = self.labels(line, table)
        if not found:
            return ""
        _key, start, end = found[0]
        return " ".join(w.text for w in line.words[start:end])

    def read_totals(self, lines: Sequence[Line], region: set[int]) -> None:
        """Printed totals on lines that are not rows: labelled values and boxes."""
        for index, line in enumerate(lines):
            for key, start, end in self.labels(line, "summary"):
                value, _words = self.value_after(line, end, "summary", key)
                where = line
                if not _is_amount(value):
                    box = self.below(lines, index, line.words[start].x0, line.words[end - 1].x1)
                    if box is None:
                        continue
                    value, where = box
                    region.add(id(where))
                region.add(id(line))
                self.total(key, value, where)

    def total(self, key: str, text: str, line: Line) -> None:
        label = {
            "opening": "Saldo Awal",
            "closing": "Saldo Akhir",
            "debit": "total debit",
            "credit": "total credit",
            "count": "number of lines",
        }[key]
        if key == "count":
            value = Decimal(re.sub(r"\D", "", text) or "0")
        else:
            number = _MARK.match(text.strip())
            plain = number.group("num") if number and re.search(r"\d", number.group("num")) else text
            value = self.money(plain, line, label)
            if key in ("debit", "credit"):
                value = abs(value)
        self.reading.totals.append((key, value, line.location))

    def table_totals(self, rest: list[tuple[Line, dict[str, str]]], region: set[int]) -> None:
        """Rows of the table that print a total: SALDO AWAL / SALDO AKHIR, Total by column."""
        totals = {_tokens(t) for t in layouts.TOTAL_ROW}
        for line, cells in rest:
            if id(line) in region:
                continue
            text = " ".join(cells.get(k, "") for k in ("date", "description", "no") if cells.get(k))
            labels = self.labels(
                Line(line.page, line.number, [Word(t, 0, 0, 0, 0, 1) for t in text.split()]), "summary"
            )
            money = {k: cells[k] for k in layouts.MONEY_COLUMNS if cells.get(k) and _is_amount(cells[k])}
            if not money:
                continue
            if labels and labels[0][0] in ("opening", "closing"):
                value = money.get("balance") or next(iter(money.values()))
                self.total(labels[0][0], value, line)
                region.add(id(line))
            elif _tokens(text) in totals or (labels and labels[0][0] in ("debit", "credit")):
                for key in ("debit", "credit"):
                    if key in money:
                        self.total(key, money[key], line)
                if "amount" in money and labels:
                    self.total(labels[0][0], money["amount"], line)
                region.add(id(line))

    def settle_totals(self) -> None:
        statement = self.reading.statement
        chosen: dict[str, tuple[Decimal, str]] = {}
        for key, value, location in self.reading.totals:
            if key in chosen and chosen[key][0] != value:
                raise InputError(
                    f"{self.path}:{location}",
                    tr(
                        "the {key} total is printed twice with different amounts: "
                        "{first} ({first_at}) and {second} ({second_at})",
                        key=key,
                        first=chosen[key][0],
                        first_at=chosen[key][1],
                        second=value,
                        second_at=location,
                    ),
                )
            chosen.setdefault(key, (value, location))
        attribute = {
            "opening": "opening_balance",
            "closing": "closing_balance",
            "debit": "total_debit",
            "credit": "total_credit",
        }
        for key, (value, location) in chosen.items():
            statement.totals_at[key] = location
            if key == "count":
                statement.line_count = int(value)
            else:
                setattr(statement, attribute[key], value)

    # -- the whole statement

    def read(self) -> Reading:
        """The statement: header fields, printed totals, rows; every line outside the rows is
        a field, a total or page furniture, or the statement is refused."""
        pages = self.split_pages()
        rows, rest = self.rows_and_rest(pages)
        self.guess_locale(
            rows, [line for page in pages for line in page.before] + [line for line, _c in rest]
        )
        self.reading.locale = self.locale
        reading = self.reading
        statement = reading.statement
        statement.variant = self.layout.variant
        statement.reader = self.layout.name
        head = pages[0].before
        self.read_fields(head)
        region: set[int] = set()
        others = [line for page in pages for line in page.before] + [line for line, _c in rest]
        ordered = sorted(others, key=lambda x: (x.page, x.number))
        self.read_totals(ordered, region)
        self.table_totals(rest, region)
        self.refuse_unexplained(rest, region)
        reading.furniture = [line for line in ordered if id(line) not in region | self.field_ids]
        self.read_rows(rows)
        self.settle_totals()
        if not reading.opening_from:
            for key, _value, location in reading.totals:
                if key == "opening":
                    reading.opening_from = f"printed total ({location})"
                    break
            else:
                reading.opening_from = "none printed: the first row's balance less its amount"
        return reading

    def refuse_unexplained(self, rest: list[tuple[Line, dict[str, str]]], region: set[int]) -> None:
        """A line in the table that is not a row, not a total and still prints an amount in a
        money column: refused, as a row the reader would otherwise drop."""
        for line, _cells in rest:
            if id(line) in region:
                continue
            if self._prints_money(line):
                raise InputError(
                    self.where(line), tr("a line the table layout does not explain: {text!r}", text=line.text)
                )

    def read_rows(self, rows: Sequence[Row]) -> None:
        """The table's rows as statement lines: a dated SALDO AWAL row gives the opening balance;
        a numbered table's numbers must run 1, 2, 3 (a gap is a row lost)."""
        reading = self.reading
        statement = reading.statement
        number = 0
        for row in rows:
            line, cells = row.line, row.cells
            text = row.joined("description")
            if not cells.get("balance"):
                raise InputError(self.where(line), tr("balance column is empty"))
            balance = self.money(cells["balance"], line, self.label("balance"))
            day = self.date_of(cells["date"], line)
            if self._opening_row(row, text, statement):
                statement.opening_balance = balance
                reading.totals.append(("opening", balance, line.location))
                reading.opening_from = f"a {text} row ({line.location})"
                continue
            if "no" in self.bands:
                number += 1
                if cells.get("no") != str(number):
                    raise InputError(
                        self.where(line),
                        tr(
                            "row number {printed!r}, expected {number}",
                            printed=cells.get("no", ""),
                            number=number,
                        ),
                    )
            debit, credit = self.amounts(row)
            when = " ".join([_after_date(cells["date"]), *(c.get("date", "") for _l, c in row.more)])
            statement.lines.append(
                StatementLine(
                    date=day,
                    description=text,
                    debit=debit,
                    credit=credit,
                    balance=balance,
                    location=line.location,
                    code=row.joined("teller") or row.joined("branch"),
                    reference=row.joined("reference"),
                    time=pdf.time_of(when, self.path, line),
                )
            )
            reading.rows.append(row)

    def _prints_money(self, line: Line) -> bool:
        """A cell of its own that reads as an amount, in a money column (a footer's "1/2" or a
        sentence's "1500" is not one)."""
        header = self.header_for(line)
        for chunk in _chunks(line.words):
            text = " ".join(w.text for w in chunk)
            if _is_amount(text) and header._column(chunk[0].x0, chunk[-1].x1, text) in layouts.MONEY_COLUMNS:
                return True
        return False

    def header_for(self, line: Line) -> Columns:
        return Columns(line, {key: (b.x0, b.x1) for key, b in self.bands.items()})

    def _opening_row(self, row: Row, text: str, statement: Statement) -> bool:
        """A dated SALDO AWAL row: the opening balance, not a transaction (it moves no money)."""
        if statement.lines or not text:
            return False
        if _tokens(text) not in {_tokens(t) for t in layouts.SUMMARY["opening"]}:
            return False
        moving = [row.cells.get(k, "") for k in ("debit", "credit", "amount")]
        return all(not m or re.fullmatch(r"[0.,\-+]*", m) for m in moving)


def _vote(texts: Sequence[str]) -> str:
    """ "id" or "en" by the separators the amounts show; "" when they do not tell."""
    votes = {"id": 0, "en": 0}
    for raw in texts:
        text = re.sub(r"[^\d.,]", "", raw)
        if re.search(r",\d{2}$", text) or (re.search(r"\.\d{3}$", text) and "," not in text):
            votes["id"] += 1
        elif re.search(r"\.\d{2}$", text) or (re.search(r",\d{3}$", text) and "." not in text):
            votes["en"] += 1
    if votes["en"] == votes["id"]:
        return ""
    return "en" if votes["en"] > votes["id"] else "id"


def _is_amount(text: str) -> bool:
    text = text.strip()
    match = _MARK.match(text)
    if match and re.search(r"\d", match.group("num")):
        text = match.group("num")
    return bool(re.fullmatch(r"[+\-−(]?\s*(Rp\.?\s*)?\d[\d.,]*\)?", text))


def read(path: Path, password: str | None = None, bank: str | None = None, refusal: str = "") -> Reading:
    """Read a statement PDF; InputError with the file and page/line when it cannot be read.

    `bank` (the bank modules pass theirs) refuses a statement of another bank.
    """
    path = Path(path)
    pages = pdf.read_pages(path, password)
    found = classify(pages[0].lines)
    if found is None:
        raise InputError(
            f"{path}:p1",
            tr(
                "no transaction table: no line on page 1 names a date, a description, amounts and a balance "
                "(Tanggal, Keterangan, Debet/Kredit or Nominal, Saldo)"
            ),
        )
    layout, index, bands = found
    if bank is not None and layout.bank != bank:
        raise InputError(f"{path}:p1", refusal or tr("not a {bank} statement", bank=bank))
    reading = _Reader(path, pages, layout, index, bands).read()
    check_page_numbers(path, len(pages), reading.furniture)
    return reading


_PAGE_OF = re.compile(r"(\d+)\s*(?:dari|of|/)\s*(\d+)\s*$", re.I)


def check_page_numbers(path: Path, count: int, furniture: Sequence[Line]) -> None:
    """Pages numbered "Halaman 2 dari 3" / "Page 2 of 3" must be the file's pages, in order.

    A statement's summary (BRI's totals and Saldo Akhir) is printed on its last page only: a
    file saved or printed without it still chains line by line and would be booked short,
    every later line and the closing balance lost. The page numbers the bank printed say what
    the file must hold; a file that holds other pages, or fewer, is refused at the footer.
    Only page furniture counts: a row's wrapped description may read "Halaman 1 dari 9".
    """
    for line in furniture:
        match = _PAGE_OF.search(line.text) if pdf.FOOTER.match(line.text) else None
        if match is None:
            continue
        printed, total = int(match.group(1)), int(match.group(2))
        if printed != line.page or total != count:
            raise InputError(
                pdf.where(path, line),
                tr(
                    "page {page} of the file prints {text!r}, but the file has {count} pages "
                    "(a page is missing, added or out of order)",
                    page=line.page,
                    text=line.text,
                    count=count,
                ),
            )


def identify(path: Path, password: str | None = None) -> Layout | None:
    """The layout of a statement PDF from page 1, or None (never raises)."""
    found = classify(pdf.first_page_lines(Path(path), password))
    return found[0] if found else None


def _account_candidates(head: Sequence[Line]) -> list[str]:
    """Runs of 8 to 16 digits in the head, each once, in reading order: the numbers that could
    be the account number when no label names it."""
    seen: list[str] = []
    for line in head:
        for chunk in _chunks(line.words):
            text = " ".join(w.text for w in chunk).lstrip(":").strip()
            digits = re.sub(r"\D", "", text)
            if _DIGIT_RUN.match(text) and 8 <= len(digits) <= 16 and digits not in seen:
                seen.append(digits)
    return seen
