"""Truth -> statement PDFs in the banks' layouts (BRI, BNI wondr and older BNI, Mandiri Livin'
and older Mandiri), drawn with reportlab as the banks print them.

Each layout is a header block, a table (with or without ruling lines) repeated with its header on
every page, wrapped long descriptions, page numbers and, on the last page, the summary. The
participant's invented name stands in the "Nama" field as on real statements. The parsers
(importers/bank/*.py) share no code with this module: only the truth model.
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from scripts.sim.truth import BankLine, Person

PAGE_W, PAGE_H = A4
MARGIN = 36.0
FONT, BOLD = "Helvetica", "Helvetica-Bold"
SIZE = 8.0
LEADING = 10.0
PAD = 3.0

LAYOUTS = ("bri-pdf", "bni-pdf", "mandiri-pdf")
VARIANTS = {"bri-pdf": ("",), "bni-pdf": ("", "old"), "mandiri-pdf": ("", "old")}

_ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
_ID_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
_EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


# -- formatting (the renderer's own, independent of importers/parsing.py) --------------------------


def en_amount(value: Decimal, places: int = 2) -> str:
    return f"{value:,.{places}f}"


def id_amount(value: Decimal, places: int = 2) -> str:
    return en_amount(value, places).replace(",", "_").replace(".", ",").replace("_", ".")


def clock(line: BankLine) -> datetime.time:
    """A plausible, deterministic time of day for a line (the truth has dates only)."""
    seed = zlib.crc32(f"{line.participant}{line.ref}".encode())
    if line.code in ("ADM", "BUNGA", "PAJAK"):
        return datetime.time(23, 59, seed % 60)
    return datetime.time(7 + seed % 12, (seed >> 4) % 60, (seed >> 10) % 60)


_ONES = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()


def terbilang(value: int) -> str:
    """An amount in Indonesian words, as BRI prints it under the summary."""

    def words(n: int) -> str:
        if n < 12:
            return _ONES[n]
        if n < 20:
            return f"{_ONES[n - 10]} belas"
        if n < 100:
            return f"{_ONES[n // 10]} puluh" + (f" {words(n % 10)}" if n % 10 else "")
        if n < 200:
            return "seratus" + (f" {words(n - 100)}" if n - 100 else "")
        if n < 1000:
            return f"{_ONES[n // 100]} ratus" + (f" {words(n % 100)}" if n % 100 else "")
        if n < 2000:
            return "seribu" + (f" {words(n - 1000)}" if n - 1000 else "")
        for unit, name in ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")):
            if n >= unit:
                return f"{words(n // unit)} {name}" + (f" {words(n % unit)}" if n % unit else "")
        raise AssertionError(n)

    return (words(value) + " rupiah").capitalize()


def wrap(text: str, width: float, font: str = FONT, size: float = SIZE) -> list[str]:
    """Words into lines no wider than `width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current or not lines:
        lines.append(current)
    return lines


# -- the generic table statement ----------------------------------------------------------------


@dataclass(frozen=True)
class Col:
    title: str
    width: float
    align: str = "left"  # left, right, center
    sub: str = ""  # a second header line (English sub-header, "(IDR)")
    wrap: bool = False


Cell = str | list[str]  # one line, or stacked lines (BNI prints the time under the date)


@dataclass
class Table:
    cols: Sequence[Col]
    rows: list[list[Cell]]
    header_align: str = "center"
    sub_header: Sequence[str] | None = None  # a whole second header row (BRI's English one)


def _cell_lines(col: Col, cell: Cell) -> list[str]:
    if isinstance(cell, list):
        return cell
    return wrap(cell, col.width - 2 * PAD) if col.wrap else [cell]


def _row_height(table: Table, row: list[Cell]) -> float:
    return max(len(_cell_lines(c, v)) for c, v in zip(table.cols, row, strict=True)) * LEADING + 2 * PAD


def _header_height(table: Table) -> float:
    lines = 2 if any(c.sub for c in table.cols) else 1
    lines += 1 if table.sub_header else 0
    return lines * LEADING + 2 * PAD


@dataclass
class Document:
    """How one layout draws around its table."""

    head: Callable[[Canvas, float], float]  # draws the header block at y, returns y below it
    head_height: float
    later_head: Callable[[Canvas, float], float] | None  # the block on pages 2.. (None: same)
    later_head_height: float
    summary: Callable[[Canvas, float], float]
    summary_height: float
    footer: Callable[[int, int], str]


def draw(
    path: Path,
    doc: Document,
    table: Table,
    *,
    ruled: bool,
    password: str | None,
    rows_per_page: int | None = None,
) -> Path:
    """Paginate rows, then draw every page with its header block, table header, rows, footer."""
    bottom = MARGIN + 24
    pages: list[list[list[Cell]]] = [[]]
    y = PAGE_H - MARGIN - doc.head_height - _header_height(table)
    for row in table.rows:
        height = _row_height(table, row)
        if y - height < bottom or (rows_per_page and len(pages[-1]) >= rows_per_page):
            pages.append([])
            y = PAGE_H - MARGIN - (doc.later_head_height if doc.later_head else doc.head_height)
            y -= _header_height(table)
        pages[-1].append(row)
        y -= height
    summary_on_new_page = y - doc.summary_height - 12 < bottom
    if summary_on_new_page:
        pages.append([])
    encrypt = (
        StandardEncryption(password, ownerPassword=password + "-owner", strength=128) if password else None
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=True)
    canvas.setTitle("Statement")
    total = len(pages)
    for number, rows in enumerate(pages, start=1):
        top = PAGE_H - MARGIN
        head = doc.head if number == 1 or doc.later_head is None else doc.later_head
        y = head(canvas, top)
        last = number == total
        if rows or not (last and summary_on_new_page):
            y = _draw_table(canvas, table, rows, y, ruled)
        if last:
            doc.summary(canvas, y - 12)
        canvas.setFont(FONT, 7)
        canvas.drawCentredString(PAGE_W / 2, MARGIN, doc.footer(number, total))
        canvas.showPage()
    canvas.save()
    return path


def _draw_table(canvas: Canvas, table: Table, rows: list[list[Cell]], y: float, ruled: bool) -> float:
    """The table's heading and `rows` from `y` down; returns y below the last row. Ruled: lines
    above and below the heading, under each row and between the columns, as BRI prints them."""
    xs = _column_edges(table)
    top = y
    _draw_heading(canvas, table, xs, y)
    y -= _header_height(table)
    if ruled:
        canvas.setLineWidth(0.6)
        canvas.line(xs[0], top, xs[-1], top)
        canvas.line(xs[0], y, xs[-1], y)
    y = _draw_rows(canvas, table, rows, xs, y, ruled)
    if ruled:
        canvas.setLineWidth(0.3)
        for x in xs:
            canvas.line(x, top, x, y)
    return y


def _column_edges(table: Table) -> list[float]:
    """The x of each column's left edge, and of the last column's right edge."""
    xs = [MARGIN]
    for col in table.cols:
        xs.append(xs[-1] + col.width)
    return xs


def _draw_heading(canvas: Canvas, table: Table, xs: list[float], y: float) -> None:
    """Column titles in bold (a second line under titles that have one), then the oblique
    sub-header row some layouts print under them."""
    canvas.setFont(BOLD, SIZE)
    line_y = y - PAD - SIZE
    for col, x in zip(table.cols, xs, strict=False):
        _text(canvas, col.title, x, col.width, line_y, table.header_align if col.align != "left" else "left")
        if col.sub:
            _text(
                canvas,
                col.sub,
                x,
                col.width,
                line_y - LEADING,
                table.header_align if col.align != "left" else "left",
            )
    if table.sub_header:
        canvas.setFont("Helvetica-Oblique", SIZE)
        sub_y = line_y - LEADING * (2 if any(c.sub for c in table.cols) else 1)
        for col, x, text in zip(table.cols, xs, table.sub_header, strict=False):
            _text(canvas, text, x, col.width, sub_y, table.header_align if col.align != "left" else "left")


def _draw_rows(
    canvas: Canvas, table: Table, rows: list[list[Cell]], xs: list[float], y: float, ruled: bool
) -> float:
    """Each row's cells, wrapped to their column, from `y` down; returns y below the last row."""
    canvas.setFont(FONT, SIZE)
    for row in rows:
        height = _row_height(table, row)
        for col, x, cell in zip(table.cols, xs[:-1], row, strict=True):
            for index, text in enumerate(_cell_lines(col, cell)):
                _text(canvas, text, x, col.width, y - PAD - SIZE - index * LEADING, col.align)
        y -= height
        if ruled:
            canvas.setLineWidth(0.3)
            canvas.line(xs[0], y, xs[-1], y)
    return y


def _text(canvas: Canvas, text: str, x: float, width: float, y: float, align: str) -> None:
    if align == "right":
        canvas.drawRightString(x + width - PAD, y, text)
    elif align == "center":
        canvas.drawCentredString(x + width / 2, y, text)
    else:
        canvas.drawString(x + PAD, y, text)


def _fields(canvas: Canvas, y: float, pairs: Sequence[tuple[str, str]], x: float, label_w: float) -> float:
    """Label : value lines, one under the other; returns y below them."""
    canvas.setFont(FONT, SIZE)
    for label, value in pairs:
        canvas.drawString(x, y, label)
        canvas.drawString(x + label_w, y, ":")
        canvas.drawString(x + label_w + 8, y, value)
        y -= LEADING + 2
    return y


def _block(
    canvas: Canvas,
    y: float,
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    label_w: float = 70,
) -> float:
    a = _fields(canvas, y, left, MARGIN, label_w)
    b = _fields(canvas, y, right, PAGE_W / 2 + 20, label_w + 10)
    return min(a, b)


# -- the period's lines -------------------------------------------------------------------------


def in_period(
    lines: Sequence[BankLine], start: datetime.date, end: datetime.date
) -> tuple[Decimal, list[BankLine]]:
    """The balance before `start` and the lines from start to end, in printed order."""
    opening = Decimal(0)
    chosen = []
    for line in lines:
        if line.date < start:
            opening = line.balance
        elif line.date <= end:
            chosen.append(line)
    return opening, chosen


def _totals(opening: Decimal, lines: Sequence[BankLine]) -> tuple[Decimal, Decimal, Decimal]:
    debit = sum((line.debit for line in lines), Decimal(0))
    credit = sum((line.credit for line in lines), Decimal(0))
    return debit, credit, opening - debit + credit


@dataclass(frozen=True)
class Period:
    """What a statement prints of one period: whose, its dates, its lines and their totals."""

    person: Person
    start: datetime.date
    end: datetime.date
    opening: Decimal
    lines: list[BankLine]
    debit: Decimal
    credit: Decimal
    closing: Decimal


def period_of(person: Person, lines: Sequence[BankLine], start: datetime.date, end: datetime.date) -> Period:
    """The period start..end of her book: the balance before it, its lines and their totals."""
    opening, chosen = in_period(lines, start, end)
    debit, credit, closing = _totals(opening, chosen)
    return Period(person, start, end, opening, chosen, debit, credit, closing)


# -- BRI ----------------------------------------------------------------------------------------


def _bri_teller(line: BankLine) -> str:
    if line.code in ("SETOR", "TARIK"):
        return f"{20451 + zlib.crc32(line.ref.encode()) % 7:07d}"
    return "8888888"


def render_bri(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
    issued: datetime.date | None = None,
) -> Path:
    """BRI "Laporan Transaksi Finansial" as BRImo/IBBIZ print it."""
    s = period_of(person, lines, start, end)
    issued = issued or end + datetime.timedelta(days=1)
    doc = Document(
        head=partial(_bri_head, s, issued),
        head_height=100,
        later_head=None,
        later_head_height=100,
        summary=partial(_bri_summary, s),
        summary_height=7 * LEADING + 10,
        footer=lambda n, t: f"Halaman {n} dari {t}",
    )
    return draw(path, doc, _bri_table(s), ruled=ruled, password=password, rows_per_page=rows_per_page)


def _bri_head(s: Period, issued: datetime.date, canvas: Canvas, y: float) -> float:
    """BRImo's head: the title in Indonesian and English, the bank, the account and the issuing unit."""
    canvas.setFont(BOLD, 13)
    canvas.drawString(MARGIN, y - 13, "Laporan Transaksi Finansial")
    canvas.setFont("Helvetica-Oblique", 9)
    canvas.drawString(MARGIN, y - 25, "Financial Transaction Report")
    canvas.setFont(BOLD, 10)
    canvas.drawRightString(PAGE_W - MARGIN, y - 13, "BANK BRI")
    y = _block(
        canvas,
        y - 44,
        [
            ("Nama", s.person.name.upper()),
            ("No. Rekening", s.person.account_number),
            ("Nama Produk", s.person.product),
            ("Valuta", "IDR"),
        ],
        [
            ("Tanggal Laporan", f"{issued:%d/%m/%y}"),
            ("Periode Transaksi", f"{s.start:%d/%m/%y} - {s.end:%d/%m/%y}"),
            ("Unit Kerja", "KC Palembang A. Rivai"),
            ("Alamat Unit Kerja", "Jl. Kapten A. Rivai No. 1"),
        ],
    )
    return y - 6


def _bri_summary(s: Period, canvas: Canvas, y: float) -> float:
    """Totals in four centred boxes, the closing balance in words (terbilang), the stamp-duty line."""
    labels = ("Saldo Awal", "Total Transaksi Debet", "Total Transaksi Kredit", "Saldo Akhir")
    english = (
        "Opening Balance",
        "Total Debit Transaction",
        "Total Credit Transaction",
        "Closing Balance",
    )
    values = (s.opening, s.debit, s.credit, s.closing)
    width = (PAGE_W - 2 * MARGIN) / 4
    for index, (label, sub, value) in enumerate(zip(labels, english, values, strict=True)):
        x = MARGIN + index * width
        canvas.setFont(BOLD, SIZE)
        canvas.drawCentredString(x + width / 2, y - SIZE, label)
        canvas.setFont("Helvetica-Oblique", SIZE)
        canvas.drawCentredString(x + width / 2, y - SIZE - LEADING, sub)
        canvas.setFont(FONT, SIZE)
        canvas.drawCentredString(x + width / 2, y - SIZE - 2 * LEADING - 4, en_amount(value))
    canvas.setFont("Helvetica-Oblique", SIZE)
    canvas.drawString(MARGIN, y - SIZE - 4 * LEADING, f"Terbilang : {terbilang(int(s.closing))}")
    canvas.setFont(FONT, 7)
    canvas.drawString(
        MARGIN,
        y - SIZE - 6 * LEADING,
        "Biaya materai dibebankan sesuai ketentuan. Laporan ini dicetak otomatis oleh sistem.",
    )
    return y - 7 * LEADING


def _bri_table(s: Period) -> Table:
    """Date and time, description, teller, debit and credit both printed (0.00 on the unused side),
    balance; an English sub-header under the headings."""
    cols = (
        Col("Tanggal Transaksi", 82),
        Col("Uraian Transaksi", 150, wrap=True),
        Col("Teller (User ID)", 66),
        Col("Debet", 75, "right"),
        Col("Kredit", 75, "right"),
        Col("Saldo", 75, "right"),
    )
    rows: list[list[Cell]] = [
        [
            f"{line.date:%d/%m/%y} {clock(line):%H:%M:%S}",
            line.description,
            _bri_teller(line),
            en_amount(line.debit),
            en_amount(line.credit),
            en_amount(line.balance),
        ]
        for line in s.lines
    ]
    return Table(
        cols,
        rows,
        sub_header=(
            "Transaction Date",
            "Transaction Description",
            "Teller (User ID)",
            "Debit",
            "Credit",
            "Balance",
        ),
    )


# -- BNI --------------------------------------------------------------------------------------


def _id_date(day: datetime.date) -> str:
    return f"{day.day:02d} {_ID_SHORT[day.month - 1]} {day.year}"


def _id_period(start: datetime.date, end: datetime.date) -> str:
    """ "1 - 31 Januari 2026", "1 Oktober - 31 Desember 2025", "1 Desember 2025 - 28 Februari 2026"."""
    tail = f"{end.day} {_ID_MONTHS[end.month - 1]} {end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} - {tail}"
    if start.year == end.year:
        return f"{start.day} {_ID_MONTHS[start.month - 1]} - {tail}"
    return f"{start.day} {_ID_MONTHS[start.month - 1]} {start.year} - {tail}"


def _signed_en(line: BankLine) -> str:
    return f"-{en_amount(line.debit, 0)}" if line.debit else f"+{en_amount(line.credit, 0)}"


def render_bni(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
) -> Path:
    """BNI wondr "Laporan Mutasi Rekening": signed whole rupiah, time under the date."""
    s = period_of(person, lines, start, end)
    doc = Document(
        head=partial(_bni_head, s),
        head_height=84,
        later_head=None,
        later_head_height=84,
        summary=partial(_bni_summary, s),
        summary_height=6 * LEADING,
        footer=lambda n, t: f"Halaman {n} dari {t}",
    )
    return draw(path, doc, _bni_table(s), ruled=ruled, password=password, rows_per_page=rows_per_page)


def _bni_head(s: Period, canvas: Canvas, y: float) -> float:
    """wondr's head: title, app, the period in words, name and account."""
    canvas.setFont(BOLD, 14)
    canvas.drawString(MARGIN, y - 14, "Laporan Mutasi Rekening")
    canvas.setFont(BOLD, 11)
    canvas.drawRightString(PAGE_W - MARGIN, y - 14, "wondr by BNI")
    canvas.setFont(FONT, SIZE)
    canvas.drawString(MARGIN, y - 30, f"Periode: {_id_period(s.start, s.end)}")
    y = _block(
        canvas,
        y - 48,
        [("Nama", s.person.name.title()), ("No. Rekening", s.person.account_number)],
        [("Produk", s.person.product), ("Mata Uang", "IDR")],
    )
    return y - 6


def _bni_summary(s: Period, canvas: Canvas, y: float) -> float:
    """Ringkasan: opening, money in (+), money out (-), closing, in whole rupiah."""
    canvas.setFont(BOLD, SIZE)
    canvas.drawString(MARGIN, y - SIZE, "Ringkasan")
    return _fields(
        canvas,
        y - SIZE - LEADING - 2,
        [
            ("Saldo Awal", en_amount(s.opening, 0)),
            ("Total Pemasukan", f"+{en_amount(s.credit, 0)}"),
            ("Total Pengeluaran", f"-{en_amount(s.debit, 0)}"),
            ("Saldo Akhir", en_amount(s.closing, 0)),
        ],
        MARGIN,
        90,
    )


def _bni_table(s: Period) -> Table:
    """Date with the time under it, details, one signed amount, balance; whole rupiah."""
    cols = (
        Col("Tanggal & Waktu", 90),
        Col("Rincian Transaksi", 235, wrap=True),
        Col("Nominal (IDR)", 100, "right"),
        Col("Saldo (IDR)", 98, "right"),
    )
    rows: list[list[Cell]] = [
        [
            [_id_date(line.date), f"{clock(line):%H:%M:%S} WIB"],
            line.description,
            _signed_en(line),
            en_amount(line.balance, 0),
        ]
        for line in s.lines
    ]
    return Table(cols, rows, header_align="right")


def render_bni_old(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
) -> Path:
    """The older BNI statement: Tgl Trans, Uraian, Debet, Kredit, Saldo; the unused side blank."""
    s = period_of(person, lines, start, end)
    doc = Document(
        head=partial(_bni_old_head, s),
        head_height=96,
        later_head=None,
        later_head_height=96,
        summary=partial(_bni_old_summary, s),
        summary_height=5 * LEADING,
        footer=lambda n, t: f"Halaman {n} / {t}",
    )
    return draw(path, doc, _bni_old_table(s), ruled=ruled, password=password, rows_per_page=rows_per_page)


def _bni_old_head(s: Period, canvas: Canvas, y: float) -> float:
    """The bank's name, the title centred, the account fields in two columns."""
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN, y - 11, "PT Bank Negara Indonesia (Persero) Tbk")
    canvas.setFont(BOLD, 13)
    canvas.drawCentredString(PAGE_W / 2, y - 32, "LAPORAN MUTASI REKENING")
    y = _block(
        canvas,
        y - 52,
        [
            ("Nama", s.person.name.upper()),
            ("No. Rekening", s.person.account_number),
            ("Jenis Produk", s.person.product),
        ],
        [
            ("Periode", f"{s.start:%d/%m/%Y} - {s.end:%d/%m/%Y}"),
            ("Mata Uang", "IDR"),
            ("Cabang", "Palembang"),
        ],
    )
    return y - 6


def _bni_old_summary(s: Period, canvas: Canvas, y: float) -> float:
    """The totals as label: value lines on the right."""
    return _fields(
        canvas,
        y - SIZE,
        [
            ("Saldo Awal", en_amount(s.opening)),
            ("Total Debet", en_amount(s.debit)),
            ("Total Kredit", en_amount(s.credit)),
            ("Saldo Akhir", en_amount(s.closing)),
        ],
        PAGE_W / 2 + 20,
        80,
    )


def _bni_old_table(s: Period) -> Table:
    """Date, description, debit and credit (the unused side blank), balance."""
    cols = (
        Col("Tgl Trans", 62),
        Col("Uraian", 196, wrap=True),
        Col("Debet", 88, "right"),
        Col("Kredit", 88, "right"),
        Col("Saldo", 89, "right"),
    )
    rows: list[list[Cell]] = [
        [
            f"{line.date:%d/%m/%Y}",
            line.description,
            en_amount(line.debit) if line.debit else "",
            en_amount(line.credit) if line.credit else "",
            en_amount(line.balance),
        ]
        for line in s.lines
    ]
    return Table(cols, rows)


# -- Mandiri ------------------------------------------------------------------------------------


def _en_date(day: datetime.date) -> str:
    return f"{day.day:02d} {_EN_SHORT[day.month - 1]} {day.year}"


def _signed_id(line: BankLine) -> str:
    return f"-{id_amount(line.debit)}" if line.debit else f"+{id_amount(line.credit)}"


def render_mandiri(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
) -> Path:
    """Mandiri Livin' e-Statement: summary boxes on top, numbered rows, Indonesian grouping."""
    s = period_of(person, lines, start, end)
    doc = Document(
        head=partial(_mandiri_head, s),
        head_height=122,
        later_head=partial(_mandiri_later, s),
        later_head_height=22,
        summary=partial(_mandiri_summary, s),
        summary_height=12,
        footer=lambda n, t: f"{n} dari {t}",
    )
    return draw(path, doc, _mandiri_table(s), ruled=ruled, password=password, rows_per_page=rows_per_page)


def _mandiri_head(s: Period, canvas: Canvas, y: float) -> float:
    """The Livin' head: title, app, the account fields, then the four totals as boxes above the table."""
    canvas.setFont(BOLD, 14)
    canvas.drawString(MARGIN, y - 14, "e-Statement")
    canvas.setFont(BOLD, 11)
    canvas.drawRightString(PAGE_W - MARGIN, y - 14, "Livin' by Mandiri")
    y = _block(
        canvas,
        y - 34,
        [
            ("Nama", s.person.name.upper()),
            ("No. Rekening", s.person.account_number),
            ("Produk", s.person.product),
        ],
        [
            ("Periode", f"{_en_date(s.start)} - {_en_date(s.end)}"),
            ("Mata Uang", "IDR"),
            ("Cabang", "KCP Palembang"),
        ],
    )
    labels = ("Saldo Awal", "Dana Masuk", "Dana Keluar", "Saldo Akhir")
    values = (id_amount(s.opening), f"+{id_amount(s.credit)}", f"-{id_amount(s.debit)}", id_amount(s.closing))
    width = (PAGE_W - 2 * MARGIN) / 4
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = MARGIN + index * width
        canvas.setFont(FONT, SIZE)
        canvas.drawString(x + PAD, y - 6 - SIZE, label)
        canvas.setFont(BOLD, 10)
        canvas.drawString(x + PAD, y - 6 - SIZE - 13, value)
    return y - 44


def _mandiri_later(s: Period, canvas: Canvas, y: float) -> float:
    """The head of pages 2..: the title and the period."""
    canvas.setFont(BOLD, 10)
    canvas.drawString(MARGIN, y - 10, "e-Statement")
    canvas.setFont(FONT, SIZE)
    canvas.drawRightString(PAGE_W - MARGIN, y - 10, f"Periode {_en_date(s.start)} - {_en_date(s.end)}")
    return y - 22


def _mandiri_summary(s: Period, canvas: Canvas, y: float) -> float:
    """Only the electronic-document note: the totals are printed on top."""
    canvas.setFont("Helvetica-Oblique", 7)
    canvas.drawString(
        MARGIN, y - 7, "Dokumen ini dibuat secara elektronik dan tidak memerlukan tanda tangan."
    )
    return y - 10


def _mandiri_table(s: Period) -> Table:
    """Numbered rows, the date with the time under it, signed amounts in Indonesian grouping."""
    cols = (
        Col("No", 26),
        Col("Tanggal", 78),
        Col("Keterangan", 223, wrap=True),
        Col("Nominal (IDR)", 98, "right"),
        Col("Saldo (IDR)", 98, "right"),
    )
    rows: list[list[Cell]] = [
        [
            str(number),
            [_en_date(line.date), f"{clock(line):%H:%M:%S} WIB"],
            line.description,
            _signed_id(line),
            id_amount(line.balance),
        ]
        for number, line in enumerate(s.lines, start=1)
    ]
    return Table(cols, rows)


def render_mandiri_old(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
) -> Path:
    """The older Mandiri statement: dd/MM dates, "1,234.56 D" debits, bilingual labels and totals."""
    s = period_of(person, lines, start, end)
    doc = Document(
        head=partial(_mandiri_old_head, s),
        head_height=92,
        later_head=None,
        later_head_height=92,
        summary=partial(_mandiri_old_summary, s),
        summary_height=5 * LEADING,
        footer=lambda n, t: f"Halaman / Page {n} of {t}",
    )
    return draw(path, doc, _mandiri_old_table(s), ruled=ruled, password=password, rows_per_page=rows_per_page)


def _mandiri_old_head(s: Period, canvas: Canvas, y: float) -> float:
    """The bank's name, the bilingual title centred, bilingual account fields."""
    canvas.setFont(BOLD, 11)
    canvas.drawString(MARGIN, y - 11, "PT Bank Mandiri (Persero) Tbk")
    canvas.setFont(BOLD, 12)
    canvas.drawCentredString(PAGE_W / 2, y - 30, "REKENING KORAN / ACCOUNT STATEMENT")
    y = _block(
        canvas,
        y - 50,
        [
            ("Nama / Name", s.person.name.upper()),
            ("No. Rekening / Account No.", s.person.account_number),
            ("Produk / Product", s.person.product),
        ],
        [
            ("Periode / Period", f"{s.start:%d/%m/%Y} - {s.end:%d/%m/%Y}"),
            ("Mata Uang / Currency", "IDR"),
            ("Cabang / Branch", "Palembang"),
        ],
        label_w=108,
    )
    return y - 6


def _mandiri_old_summary(s: Period, canvas: Canvas, y: float) -> float:
    """The bilingual totals as label: value lines."""
    return _fields(
        canvas,
        y - SIZE,
        [
            ("Saldo Awal / Opening Balance", en_amount(s.opening)),
            ("Mutasi Debet / Total Debit", en_amount(s.debit)),
            ("Mutasi Kredit / Total Credit", en_amount(s.credit)),
            ("Saldo Akhir / Closing Balance", en_amount(s.closing)),
        ],
        MARGIN,
        130,
    )


def _mandiri_old_table(s: Period) -> Table:
    """dd/mm dates, one amount column with a D after debits, bilingual headings."""
    cols = (
        Col("Tanggal", 52, sub="Date"),
        Col("Keterangan", 250, wrap=True, sub="Description"),
        Col("Mutasi", 110, "right", sub="Amount"),
        Col("Saldo", 111, "right", sub="Balance"),
    )
    rows: list[list[Cell]] = [
        [
            f"{line.date:%d/%m}",
            line.description,
            f"{en_amount(line.debit)} D" if line.debit else en_amount(line.credit),
            en_amount(line.balance),
        ]
        for line in s.lines
    ]
    return Table(cols, rows)


RENDERERS = {
    ("bri-pdf", ""): render_bri,
    ("bni-pdf", ""): render_bni,
    ("bni-pdf", "old"): render_bni_old,
    ("mandiri-pdf", ""): render_mandiri,
    ("mandiri-pdf", "old"): render_mandiri_old,
}


# -- dispatch -----------------------------------------------------------------------------------


def render_statement(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    *,
    layout: str | None = None,
    variant: str = "",
    ruled: bool = True,
    password: str | None = None,
    rows_per_page: int | None = None,
) -> Path:
    """The participant's statement for start..end in her bank's layout (or `layout`)."""
    layout = layout or person.layout
    try:
        renderer = RENDERERS[(layout, variant)]
    except KeyError:
        raise ValueError(f"no statement renderer for layout {layout!r} variant {variant!r}") from None
    return renderer(
        path, person, lines, start, end, ruled=ruled, password=password, rows_per_page=rows_per_page
    )
