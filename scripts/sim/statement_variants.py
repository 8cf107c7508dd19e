"""Statement variants: one bank's statement as its branches and app versions really print it.

A `Variant` describes what real Indonesian statements vary in (docs/importers-pdf.md lists the
sources): label wording and language (Indonesian, English, bilingual), footer text ("... sah
tanpa tanda tangan. Halaman 1", "Page 1 of 2"), info and warning boxes above or below the
table, the summary as a box on the first page or lines after the table, the opening balance as
a box, a header field or a SALDO AWAL row, amount formats (1.234.567,00; 1,234,567.00; whole
rupiah), date formats (dd/mm/yy, dd Mmm yyyy in either language, a time beside or under the
date, dd/mm with the year from the period), split Debet/Kredit, signed or D/K amounts, an extra
column (Teller, Cabang, No. Referensi), descriptions wrapped over 2-3 lines, the heading
repeated on each page or not, fonts, margins, portrait or landscape.

`render_variant` draws a statement of given lines in a variant with reportlab. It shares no
code with the reader (importers/bank/): formatting and wording are this module's own. A
"broken twin" (`drop`, `alter`) prints the same statement with one line missing or one
printed balance changed, and the summary of the true statement, as a misread would give.
"""

from __future__ import annotations

import datetime
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from scripts.sim.truth import BankLine, Person

BANKS = ("BRI", "BNI", "Mandiri")
BANK_NAMES = {
    "BRI": ("BANK BRI", "PT. BANK RAKYAT INDONESIA (PERSERO) Tbk.", "BRImo"),
    "BNI": ("BNI", "PT Bank Negara Indonesia (Persero) Tbk", "wondr by BNI"),
    "Mandiri": ("Bank Mandiri", "PT Bank Mandiri (Persero) Tbk", "Livin' by Mandiri"),
    # a bank no layout describes (read by the generic reader)
    "Lain": ("BANK PEMBANGUNAN DAERAH CONTOH", "PT Bank Pembangunan Daerah Contoh", "Contoh Mobile"),
}
TITLES = {
    "id": ("LAPORAN MUTASI REKENING", "Rekening Koran", "Mutasi Rekening", "e-Statement"),
    "en": ("ACCOUNT STATEMENT", "Statement of Account", "e-Statement", "Transaction History"),
}
ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
ID_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

# wordings, by language: id, en, bilingual ("id / en")
ACCOUNT_LABELS = {
    "id": ("No. Rekening", "Nomor Rekening", "No Rekening"),
    "en": ("Account No.", "Account Number"),
    "bi": ("No. Rekening / Account No.", "Nomor Rekening / Account Number"),
}
PERIOD_LABELS = {
    "id": ("Periode", "Periode Transaksi", "Periode Mutasi"),
    "en": ("Period", "Statement Period"),
    "bi": ("Periode / Period",),
}
PRODUCT_LABELS = {
    "id": ("Produk", "Nama Produk", "Jenis Produk", "Jenis Tabungan"),
    "en": ("Product", "Product Name"),
    "bi": ("Produk / Product",),
}
NAME_LABELS = {"id": ("Nama", "Nama Nasabah"), "en": ("Name", "Customer Name"), "bi": ("Nama / Name",)}
HEADINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "date": {
        "id": ("Tanggal", "Tgl Trans", "Tanggal Transaksi", "Tgl"),
        "en": ("Date", "Transaction Date", "Posting Date"),
    },
    "datetime": {"id": ("Tanggal & Waktu",), "en": ("Date & Time",)},
    "description": {
        "id": ("Keterangan", "Uraian", "Uraian Transaksi", "Rincian Transaksi"),
        "en": ("Description", "Transaction Details", "Remarks"),
    },
    "debit": {"id": ("Debet", "Mutasi Debet", "Penarikan"), "en": ("Debit", "Withdrawal")},
    "credit": {"id": ("Kredit", "Mutasi Kredit", "Setoran"), "en": ("Credit", "Deposit")},
    "amount": {"id": ("Mutasi", "Nominal", "Jumlah"), "en": ("Amount", "Transaction Amount")},
    "dk": {"id": ("D/K",), "en": ("DB/CR",)},
    "balance": {"id": ("Saldo",), "en": ("Balance",)},
    "Teller": {"id": ("Teller",), "en": ("Teller",)},
    "Cabang": {"id": ("Cabang",), "en": ("Branch",)},
    "No. Referensi": {"id": ("No. Referensi",), "en": ("Reference",)},
    "no": {"id": ("No",), "en": ("No",)},
}
SUMMARY_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "opening": {"id": ("Saldo Awal",), "en": ("Opening Balance", "Beginning Balance")},
    "credit": {
        "id": ("Total Kredit", "Total Mutasi Kredit", "Dana Masuk", "Total Pemasukan"),
        "en": ("Total Credit",),
    },
    "debit": {
        "id": ("Total Debet", "Total Mutasi Debet", "Dana Keluar", "Total Pengeluaran"),
        "en": ("Total Debit",),
    },
    "closing": {"id": ("Saldo Akhir",), "en": ("Closing Balance", "Ending Balance")},
    "count": {"id": ("Jumlah Transaksi",), "en": ("Number of Transactions",)},
}
FOOTERS = (
    "Halaman {n} dari {t}",
    "Page {n} of {t}",
    "Halaman {n} / {t}",
    "{n} dari {t}",
    "Dokumen ini dicetak secara elektronik dan sah tanpa tanda tangan. Halaman {n}",
    "This statement is computer generated and requires no signature. Page {n}",
    "Hubungi call center 1500 untuk informasi lebih lanjut.   {n}/{t}",
    "",
)
INFO = {
    "id": (
        "Informasi: saldo minimum tidak dapat ditarik. Waspada penipuan yang mengatasnamakan bank;",
        "petugas bank tidak pernah meminta PIN, password atau kode OTP Anda.",
    ),
    "en": (
        "Notice: the minimum balance cannot be withdrawn. Beware of fraud in the bank's name;",
        "our staff never ask for your PIN, password or OTP code.",
    ),
}


@dataclass(frozen=True)
class Variant:
    """One way a bank prints a statement. Index fields pick from the wording tables above."""

    bank: str = "BRI"
    language: str = "id"  # id, en, bi (labels "Nomor Rekening / Account Number", two-line headings)
    wording: int = 0  # which of a label's wordings
    title: int = 0
    footer: int = 0
    footer_align: str = "center"  # left, center, right
    info: str = "none"  # none, above, below
    summary: str = "last"  # first (a box above the table), last (lines after the table), box-last
    opening: str = "summary"  # summary, field, row
    count: bool = False  # the number of lines printed in the summary
    amounts: str = "split"  # split, signed, suffix (1.234,00 D), dk (a D/K column)
    zero_side: str = "zero"  # split: the unused side printed as 0.00 or left blank
    number_format: str = "id"  # id (1.234.567,00), en (1,234,567.00), id0, en0 (whole rupiah)
    date_format: str = "dd/mm/yyyy"  # dd/mm/yy, dd/mm/yyyy, dd-mm-yyyy, dd mmm yyyy, dd mon yyyy, dd/mm
    time: str = "none"  # none, beside, under
    extra: str = ""  # "", Teller, Cabang, No. Referensi
    numbered: bool = False  # a No column counting the rows
    description_width: float = 150.0  # points: narrower wraps descriptions over more lines
    repeat_heading: bool = True
    rows_per_page: int = 0  # 0: as many as fit
    currency_suffix: bool = False  # "Saldo (IDR)"
    font: str = "Helvetica"  # Helvetica, Times-Roman, Courier
    margin: float = 36.0
    landscape: bool = False
    ruled: bool = False

    @property
    def lang(self) -> str:
        return "en" if self.language == "en" else "id"


def _pick(options: Sequence[str], index: int) -> str:
    return options[index % len(options)]


def _grouped(value: Decimal, thousands: str, decimal: str, places: int) -> str:
    text = f"{abs(value):,.{places}f}"
    whole, _, cents = text.partition(".")
    whole = whole.replace(",", thousands)
    return whole + (decimal + cents if places else "")


class Printer:
    """The variant's own formatting of amounts, dates and periods."""

    def __init__(self, variant: Variant) -> None:
        self.v = variant

    def number(self, value: Decimal) -> str:
        fmt = self.v.number_format
        thousands, decimal = (".", ",") if fmt.startswith("id") else (",", ".")
        return _grouped(value, thousands, decimal, 0 if fmt.endswith("0") else 2)

    def zero(self) -> str:
        return self.number(Decimal(0))

    def date(self, day: datetime.date) -> str:
        fmt = self.v.date_format
        if fmt == "dd/mm/yy":
            return f"{day:%d/%m/%y}"
        if fmt == "dd-mm-yyyy":
            return f"{day:%d-%m-%Y}"
        if fmt == "dd mmm yyyy":
            return f"{day.day:02d} {ID_SHORT[day.month - 1]} {day.year}"
        if fmt == "dd mon yyyy":
            return f"{day.day:02d} {EN_SHORT[day.month - 1]} {day.year}"
        if fmt == "dd/mm":
            return f"{day:%d/%m}"
        return f"{day:%d/%m/%Y}"

    def period(self, start: datetime.date, end: datetime.date) -> str:
        fmt = self.v.date_format
        if fmt == "dd mmm yyyy" or (fmt == "dd/mm" and self.v.lang == "id"):
            first, last = ID_MONTHS[start.month - 1], ID_MONTHS[end.month - 1]
            return f"{start.day} {first} {start.year} s/d {end.day} {last} {end.year}"
        if fmt == "dd mon yyyy":
            first, last = EN_SHORT[start.month - 1], EN_SHORT[end.month - 1]
            return f"{start.day:02d} {first} {start.year} - {end.day:02d} {last} {end.year}"
        if fmt == "dd/mm/yy":
            return f"{start:%d/%m/%y} - {end:%d/%m/%y}"
        return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"


def clock(line: BankLine) -> str:
    seed = zlib.crc32(f"{line.ref}{line.description}".encode())
    return f"{7 + seed % 12:02d}:{(seed >> 4) % 60:02d}:{(seed >> 10) % 60:02d}"


def _extra_value(extra: str, line: BankLine, index: int) -> str:
    seed = zlib.crc32(f"{line.ref}{index}".encode())
    if extra == "Teller":
        return f"{seed % 10_000_000:07d}"
    if extra == "Cabang":
        return f"KCP {seed % 9000 + 1000}"
    return f"FT{line.date:%y%m%d}{seed % 100000:05d}"


@dataclass
class _Col:
    key: str
    title: str
    width: float
    align: str
    sub: str = ""  # the English line of a two-line bilingual heading


def _columns(v: Variant, p: Printer, widths: dict[str, float]) -> list[_Col]:
    lang = v.lang
    cur = " (IDR)" if v.currency_suffix else ""

    def title(key: str) -> tuple[str, str]:
        options = HEADINGS[key]
        main = _pick(options[lang], v.wording)
        sub = _pick(options["en"], v.wording) if v.language == "bi" else ""
        return main, sub

    cols: list[_Col] = []
    if v.numbered:
        cols.append(_Col("no", "No", 22, "left"))
    date_key = "datetime" if v.time == "under" else "date"
    main, sub = title(date_key)
    cols.append(_Col("date", main, widths["date"], "left", sub))
    main, sub = title("description")
    cols.append(_Col("description", main, v.description_width, "left", sub))
    if v.extra:
        main, sub = title(v.extra)
        cols.append(_Col("extra", main, 62, "left", sub))
    if v.amounts == "split":
        for key in ("debit", "credit"):
            main, sub = title(key)
            cols.append(_Col(key, main + cur, widths["money"], "right", sub))
    else:
        main, sub = title("amount")
        cols.append(
            _Col("amount", main + cur, widths["money"] + (14 if v.amounts == "suffix" else 0), "right", sub)
        )
        if v.amounts == "dk":
            main, sub = title("dk")
            cols.append(_Col("dk", main, 34, "center", sub))
    main, sub = title("balance")
    cols.append(_Col("balance", main + cur, widths["money"], "right", sub))
    return cols


def _cells(v: Variant, p: Printer, line: BankLine, index: int, number: int) -> dict[str, list[str]]:
    date = p.date(line.date)
    if v.time == "beside":
        date = f"{date} {clock(line)}"
    cells = {"date": [date] + ([f"{clock(line)} WIB"] if v.time == "under" else [])}
    cells["no"] = [str(number)]
    cells["description"] = [line.description]
    if v.extra:
        cells["extra"] = [_extra_value(v.extra, line, index)]
    debit, credit = line.debit, line.credit
    if v.amounts == "split":
        blank = "" if v.zero_side == "blank" else p.zero()
        cells["debit"] = [p.number(debit) if debit else blank]
        cells["credit"] = [p.number(credit) if credit else blank]
    elif v.amounts == "signed":
        cells["amount"] = [f"-{p.number(debit)}" if debit else f"+{p.number(credit)}"]
    elif v.amounts == "suffix":
        marks = ("D", "K") if v.lang == "id" else ("DB", "CR")
        cells["amount"] = [f"{p.number(debit)} {marks[0]}" if debit else f"{p.number(credit)} {marks[1]}"]
    else:
        marks = ("D", "K") if v.lang == "id" else ("DB", "CR")
        cells["amount"] = [p.number(debit or credit)]
        cells["dk"] = [marks[0] if debit else marks[1]]
    cells["balance"] = [p.number(line.balance)]
    return cells


def _wrap(text: str, width: float, font: str, size: float) -> list[str]:
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    out.append(current)
    return out


SIZE = 8.0
LEADING = 10.0


def render_variant(
    path: Path,
    variant: Variant,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    opening: Decimal,
    *,
    drop: int | None = None,
    alter: int | None = None,
) -> Path:
    """The statement of `lines` (start..end, opening balance `opening`) drawn in `variant`.

    `drop`: the index of a line left out of the table; `alter`: the index of a line whose
    printed balance is one rupiah off. The summary always tells the true statement.
    """
    p = Printer(variant)
    layout = _layout(variant, p, end)
    label, summary_values = _summary(variant, p, lines, opening)
    printed = _printed_rows(variant, p, lines, start, opening, label["opening"], drop, alter)
    pages = _paginate(layout, printed)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=(layout.page_w, layout.page_h), invariant=True)
    drawing = _Drawing(layout, canvas, person, start, end, opening, label, summary_values)
    for page_no, rows in enumerate(pages, start=1):
        drawing.page(page_no, len(pages), rows)
    canvas.save()
    return path


BOLD_FONTS = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}

Row = dict[str, list[str]]  # a printed row: its cells' lines by column key


@dataclass
class _Layout:
    """What the pages of one variant share: fonts, page size, the columns and their edges."""

    v: Variant
    p: Printer
    font: str
    bold: str
    page_w: float
    page_h: float
    cols: list[_Col]
    xs: list[float]

    def cell_lines(self, col: _Col, cells: Row) -> list[str]:
        """A cell's printed lines: descriptions wrap to their column."""
        values = cells.get(col.key, [])
        if col.key == "description" and values:
            values = _wrap(values[0], col.width - 6, self.font, SIZE)
        return values

    def height(self, cells: Row) -> float:
        """A row is as tall as its tallest cell."""
        return max([*(len(self.cell_lines(col, cells)) for col in self.cols), 1]) * LEADING + 6


def _layout(v: Variant, p: Printer, end: datetime.date) -> _Layout:
    """The page and the columns: each column at least as wide as its heading, the description
    taking what the page leaves."""
    font, bold = v.font, BOLD_FONTS[v.font]
    page_w, page_h = landscape(A4) if v.landscape else A4
    m = v.margin
    money_w = max(stringWidth(p.number(Decimal("9999999999")), font, SIZE) + 14, 70)
    date_w = max(stringWidth(p.date(end) + (" 23:59:59" if v.time == "beside" else ""), font, SIZE) + 10, 60)
    cols = _columns(v, p, {"money": money_w, "date": date_w})
    for col in cols:  # a column is at least as wide as its heading
        need = max(stringWidth(col.title, bold, SIZE), stringWidth(col.sub, "Helvetica-Oblique", SIZE)) + 12
        col.width = max(col.width, need)
    table_w = sum(c.width for c in cols)
    spare = page_w - 2 * m - table_w
    if spare > 0:  # the description takes what the page leaves
        for col in cols:
            if col.key == "description":
                col.width += spare
                break
    xs = [m]
    for col in cols:
        xs.append(xs[-1] + col.width)
    return _Layout(v, p, font, bold, page_w, page_h, cols, xs)


def _summary(
    v: Variant, p: Printer, lines: Sequence[BankLine], opening: Decimal
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The summary's labels in the variant's wording (both languages when bilingual) and the
    values it prints, of the true statement: the opening balance unless the variant prints it
    elsewhere, the number of lines where it counts them."""
    debit = sum((x.debit for x in lines), Decimal(0))
    credit = sum((x.credit for x in lines), Decimal(0))
    closing = opening + credit - debit
    label = {key: _pick(SUMMARY_LABELS[key][v.lang], v.wording) for key in SUMMARY_LABELS}
    if v.language == "bi":
        label = {key: f"{label[key]} / {_pick(SUMMARY_LABELS[key]['en'], v.wording)}" for key in label}
    summary_values = [
        ("opening", p.number(opening)),
        ("credit", p.number(credit)),
        ("debit", p.number(debit)),
        ("closing", p.number(closing)),
    ]
    if v.opening != "summary":
        summary_values = summary_values[1:]
    if v.count:
        summary_values.append(("count", str(len(lines))))
    return label, summary_values


def _printed_rows(
    v: Variant,
    p: Printer,
    lines: Sequence[BankLine],
    start: datetime.date,
    opening: Decimal,
    opening_label: str,
    drop: int | None,
    alter: int | None,
) -> list[Row]:
    """The table's rows as printed: a SALDO AWAL row where the variant has one, then the lines,
    less `drop`, with `alter`'s balance one rupiah off (a broken twin)."""
    printed: list[Row] = []
    if v.opening == "row":
        cells = {"date": [p.date(start)], "description": [opening_label.split(" / ")[0].upper()]}
        cells["balance"] = [p.number(opening)]
        printed.append(cells)
    number = 0
    for index, line in enumerate(lines):
        if index == drop:
            continue
        number += 1
        cells = _cells(v, p, line, index, number)
        if index == alter:
            cells["balance"] = [p.number(line.balance + 1)]
        printed.append(cells)
    return printed


def _paginate(layout: _Layout, printed: list[Row]) -> list[list[Row]]:
    """Rows per page: a page breaks before a row that would cross the bottom margin or past the
    variant's rows per page; what follows the table gets a page of its own when it does not fit
    under the last row (that page has no rows)."""
    v = layout.v
    m = v.margin
    head_h = 150.0 + (30 if v.info == "above" else 0) + (40 if v.summary == "first" else 0)
    heading_h = (2 if v.language == "bi" else 1) * LEADING + 8
    bottom = m + 30
    pages: list[list[Row]] = [[]]
    y = layout.page_h - m - head_h - heading_h
    for cells in printed:
        h = layout.height(cells)
        full = v.rows_per_page and len(pages[-1]) >= v.rows_per_page
        if y - h < bottom or full:
            pages.append([])
            y = layout.page_h - m - 30 - (heading_h if v.repeat_heading else 0)
        pages[-1].append(cells)
        y -= h
    after_h = 110.0
    if y - after_h < bottom:
        pages.append([])
    return pages


@dataclass
class _Drawing:
    """Draws the pages of one statement on `canvas`: the first page's head (bank, title,
    account fields, info box, summary box), the table heading and rows, what follows the table
    on the last page, the footer."""

    layout: _Layout
    canvas: Canvas
    person: Person
    start: datetime.date
    end: datetime.date
    opening: Decimal
    label: dict[str, str]
    summary_values: list[tuple[str, str]]

    def text(
        self, x: float, y: float, s: str, align: str = "left", f: str | None = None, size: float = SIZE
    ) -> None:
        self.canvas.setFont(f or self.layout.font, size)
        if align == "right":
            self.canvas.drawRightString(x, y, s)
        elif align == "center":
            self.canvas.drawCentredString(x, y, s)
        else:
            self.canvas.drawString(x, y, s)

    def page(self, page_no: int, total_pages: int, rows: list[Row]) -> None:
        v, m, page_w = self.layout.v, self.layout.v.margin, self.layout.page_w
        y = self.layout.page_h - m
        if page_no == 1:
            y = self.first_head(y)
        else:
            self.text(m, y - 10, _pick(TITLES[v.lang], v.title), f=self.layout.bold, size=9)
            y -= 30
            if v.repeat_heading:
                y = self.heading(y)
        y = self.table_rows(y, rows)
        if page_no == total_pages:
            self.after_table(y - 20)
        footer = FOOTERS[v.footer % len(FOOTERS)].format(n=page_no, t=total_pages)
        if footer:
            x = {"left": m, "center": page_w / 2, "right": page_w - m}[v.footer_align]
            self.text(x, m, footer, v.footer_align, size=7)
        self.canvas.showPage()

    def first_head(self, y: float) -> float:
        """Bank and app names, the title, the account fields, then the info and summary boxes
        of variants that print them above the table, and the table heading."""
        v, m, bold = self.layout.v, self.layout.v.margin, self.layout.bold
        bank_short, bank_long, app = BANK_NAMES[v.bank]
        name = bank_long if v.wording % 2 else bank_short
        self.text(m, y - 12, name, f=bold, size=12)
        self.text(self.layout.page_w - m, y - 12, app, "right", size=9)
        titles: tuple[str, ...] = TITLES[v.lang]
        if v.bank == "BRI":  # BRImo's own title
            titles = (*titles, "Laporan Transaksi Finansial")
        self.text(m, y - 30, _pick(titles, v.title), f=bold, size=11)
        y = self.field_block(y - 52) - 10
        if v.info == "above":
            y = self.info_box(y)
        if v.summary == "first":
            y = self.summary_box(y)
        return self.heading(y - 6)

    def after_table(self, y: float) -> None:
        """The last page's summary lines or box and the info box of variants that print them
        after the table."""
        v = self.layout.v
        if v.summary == "last":
            y = self.summary_lines(y)
        elif v.summary == "box-last":
            y = self.summary_box(y)
        if v.info == "below":
            self.info_box(y - 14)

    def field_block(self, y: float) -> float:
        v, m, p = self.layout.v, self.layout.v.margin, self.layout.p
        lab = {
            "name": _pick(NAME_LABELS[v.language], v.wording),
            "account": _pick(ACCOUNT_LABELS[v.language], v.wording),
            "product": _pick(PRODUCT_LABELS[v.language], v.wording),
            "period": _pick(PERIOD_LABELS[v.language], v.wording),
        }
        left = [
            (lab["name"], self.person.name.upper()),
            (lab["account"], self.person.account_number),
            (lab["product"], self.person.product),
        ]
        right = [
            (lab["period"], p.period(self.start, self.end)),
            ("Mata Uang" if v.lang == "id" else "Currency", "IDR"),
        ]
        if v.opening == "field":
            right.append((self.label["opening"], p.number(self.opening)))
        width = max(stringWidth(a, self.layout.font, SIZE) for a, _b in left + right) + 8
        half = self.layout.page_w / 2 + 10
        for row, (a, b) in enumerate(left):
            self.text(m, y - row * 12, a)
            self.text(m + width, y - row * 12, f": {b}")
        for row, (a, b) in enumerate(right):
            self.text(half, y - row * 12, a)
            self.text(half + width, y - row * 12, f": {b}")
        return y - max(len(left), len(right)) * 12

    def info_box(self, y: float) -> float:
        m = self.layout.v.margin
        self.canvas.setLineWidth(0.5)
        self.canvas.rect(m, y - 26, self.layout.page_w - 2 * m, 26)
        for row, s in enumerate(INFO[self.layout.v.lang]):
            self.text(m + 6, y - 10 - row * 10, s, size=7)
        return y - 34

    def summary_box(self, y: float) -> float:
        m, font = self.layout.v.margin, self.layout.font
        width = (self.layout.page_w - 2 * m) / len(self.summary_values)
        for index, (key, value) in enumerate(self.summary_values):
            x = m + index * width + 4
            fits = min(SIZE, SIZE * (width - 12) / stringWidth(self.label[key], font, SIZE))
            self.text(x, y - SIZE, self.label[key], size=fits)  # a long label printed smaller, as banks do
            self.text(x, y - SIZE - 13, value, f=self.layout.bold, size=9)
        return y - 36

    def summary_lines(self, y: float) -> float:
        v = self.layout.v
        x = self.layout.page_w / 2 + 10 if v.summary == "last" else v.margin
        width = max(stringWidth(self.label[k], self.layout.font, SIZE) for k, _v in self.summary_values) + 8
        for row, (key, value) in enumerate(self.summary_values):
            self.text(x, y - row * 12, self.label[key])
            self.text(x + width, y - row * 12, f": {value}")
        return y - len(self.summary_values) * 12

    def heading(self, y: float) -> float:
        layout = self.layout
        rows = 2 if layout.v.language == "bi" else 1
        for col, x in zip(layout.cols, layout.xs, strict=False):
            anchor = {"left": x + 3, "right": x + col.width - 3, "center": x + col.width / 2}[col.align]
            self.text(anchor, y - SIZE, col.title, col.align, f=layout.bold)
            if rows == 2:
                self.text(anchor, y - SIZE - LEADING, col.sub or col.title, col.align, f="Helvetica-Oblique")
        y -= rows * LEADING + 8
        if layout.v.ruled:
            self.canvas.setLineWidth(0.5)
            self.canvas.line(layout.xs[0], y + 3, layout.xs[-1], y + 3)
        return y

    def table_rows(self, y: float, rows: list[Row]) -> float:
        layout = self.layout
        for cells in rows:
            h = layout.height(cells)
            for col, x in zip(layout.cols, layout.xs, strict=False):
                values = layout.cell_lines(col, cells)
                anchor = {"left": x + 3, "right": x + col.width - 3, "center": x + col.width / 2}[col.align]
                for row, value in enumerate(values):
                    self.text(anchor, y - SIZE - row * LEADING, value, col.align)
            y -= h
            if layout.v.ruled:
                self.canvas.setLineWidth(0.3)
                self.canvas.line(layout.xs[0], y + 3, layout.xs[-1], y + 3)
        return y
