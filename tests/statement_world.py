"""Statements as the world prints them, drawn independently of the reader (tests/test_bank_pdf_world.py).

Typed from ../shared/bank-layouts.md and from how banks vary their statements (fonts, sizes,
heading case and wrapping, column order, alignment, footers, logos, watermarks, several pages,
summaries in boxes or lines), with reportlab's canvas directly: not scripts/sim's renderers, so
the renderer and the reader cannot share a misunderstanding. Invented data only.

A `World` is the truth (opening balance, lines, period); a `Style` how one statement prints it;
`draw(path, layout, world, style)` the PDF. `broken(world, change)` gives the twins a reader must
refuse.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
MONTHS_ID = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
MONTHS_EN = "January February March April May June July August September October November December".split()
SHORT_ID = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split()
SHORT_EN = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def font_name(font: str, bold: bool = False) -> str:
    """A standard font, or a DejaVu TTF registered on first use."""
    if font.startswith("DejaVu"):
        name = font + ("-Bold" if bold else "")
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(DEJAVU / f"{name}.ttf")))
        return name
    return BOLD.get(font, font) if bold else font


# ---------------------------------------------------------------- the truth


@dataclass(frozen=True)
class Line:
    date: datetime.date
    time: datetime.time
    text: str
    debit: Decimal
    credit: Decimal
    balance: Decimal


@dataclass(frozen=True)
class World:
    number: str
    name: str
    start: datetime.date
    end: datetime.date
    opening: Decimal
    lines: tuple[Line, ...]

    @property
    def closing(self) -> Decimal:
        return self.lines[-1].balance if self.lines else self.opening

    @property
    def debit(self) -> Decimal:
        return sum((x.debit for x in self.lines), Decimal(0))

    @property
    def credit(self) -> Decimal:
        return sum((x.credit for x in self.lines), Decimal(0))


TEXTS = [
    ("SETORAN TUNAI", "in"),
    ("TRANSFER MASUK DARI DINSOS BANTUAN MODAL USAHA TAHAP I KELOMPOK SALON ANGKATAN 2026", "in"),
    ("TARIK TUNAI ATM", "out"),
    ("TRF KE BANK LAIN PEMBELIAN BAHAN USAHA TOKO SUMBER REJEKI", "out"),
    ("SETOR TUNAI TELLER", "in"),
    ("PEMBAYARAN QRIS WARUNG", "out"),
]


def world(
    seed: int,
    start: datetime.date = datetime.date(2026, 1, 1),
    end: datetime.date = datetime.date(2026, 1, 31),
    count: int = 6,
    *,
    sen: bool = False,
    whole: bool = True,
    opening: Decimal = Decimal(150_000),
) -> World:
    """Invented lines: cash and transfers in whole thousands, an admin fee, and with `sen` the
    month's interest and tax in sen (BUNGA 1.523,45, PAJAK 304,69)."""
    rng = random.Random(seed)
    span = (end - start).days
    days = sorted(rng.randrange(0, max(span - 1, 1)) for _ in range(count))
    balance, lines = opening, []
    for index, day in enumerate(days):
        text, way = TEXTS[rng.randrange(len(TEXTS))] if index else TEXTS[1]
        amount = Decimal(rng.randrange(5, 400) * 10_000)
        if not whole:
            amount += Decimal(rng.randrange(1, 100)) / 100
        if way == "out" and balance - amount < 25_000:
            text, way = "SETORAN TUNAI", "in"
        debit, credit = (amount, Decimal(0)) if way == "out" else (Decimal(0), amount)
        balance += credit - debit
        when = datetime.time(rng.randrange(7, 20), rng.randrange(60), rng.randrange(60))
        lines.append(Line(start + datetime.timedelta(days=day), when, text, debit, credit, balance))
    if count:
        extra = [("BIAYA ADMINISTRASI", Decimal(11_000), Decimal(0))]
        if sen:
            extra += [
                ("BUNGA TABUNGAN", Decimal(0), Decimal("1523.45")),
                ("PAJAK BUNGA", Decimal("304.69"), Decimal(0)),
            ]
        for text, debit, credit in extra:
            balance += credit - debit
            lines.append(Line(end, datetime.time(23, 59, 59), text, debit, credit, balance))
    number = "".join(str(rng.randrange(10)) for _ in range(rng.choice((10, 13, 15))))
    return World(number, "SITI CONTOH", start, end, opening, tuple(lines))


def broken(w: World, change: str) -> tuple[World, dict[str, object]]:
    """A twin a reader must refuse, and what the drawing must print instead of the truth:
    `removed` (a middle line gone, balances as printed), `altered` (one balance off by 1),
    `total` (the printed debit total off by 1000)."""
    lines = list(w.lines)
    middle = len(lines) // 2
    if change == "removed":
        del lines[middle]
        return dataclasses.replace(w, lines=tuple(lines)), {
            "closing": w.closing,
            "debit": w.debit,
            "credit": w.credit,
        }
    if change == "altered":
        lines[middle] = dataclasses.replace(lines[middle], balance=lines[middle].balance + 1)
        return dataclasses.replace(w, lines=tuple(lines)), {}
    if change == "total":
        return w, {"debit": w.debit + 1000}
    if change == "last-removed":
        return dataclasses.replace(w, lines=tuple(lines[:-1])), {"closing": w.closing, "debit": w.debit}
    if change == "duplicated":
        lines.insert(middle, lines[middle])
        return dataclasses.replace(w, lines=tuple(lines)), {"debit": w.debit, "credit": w.credit}
    if change == "first-removed":
        return dataclasses.replace(w, lines=tuple(lines[1:])), {
            "opening": w.opening,
            "debit": w.debit,
            "credit": w.credit,
        }
    raise ValueError(change)


def shuffled_same_day(w: World) -> World:
    """Two lines of one day printed in the reverse of their posting order (balances kept)."""
    lines = list(w.lines)
    for i in range(len(lines) - 1):
        if lines[i].date == lines[i + 1].date:
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            return dataclasses.replace(w, lines=tuple(lines))
    raise ValueError("no two lines on one day")


# ---------------------------------------------------------------- how it prints


@dataclass(frozen=True)
class Style:
    font: str = "Helvetica"
    size: float = 8
    caps: bool = False  # headings in capitals
    wrap_heading: bool = False  # "Saldo" over "(IDR)" on two lines
    amount_align: str = "right"
    heading_align: str = "same"  # amount headings: "same" as the amounts, or "center"
    order: tuple[str, ...] = ()  # column keys in another order
    rows_per_page: int = 40
    repeat_heading: bool = True
    footer: str = ""  # "Halaman {page} dari {pages}" / "Page {page} of {pages}"
    logo: bool = False  # a filled rectangle with the bank's short name in white
    bank_text: bool = True  # the bank's name printed as text
    watermark: str = ""
    english: bool = False  # month names in English
    time_column: bool = False  # date and time in separate columns
    summary: str = "box"  # "box" (labels over values), "lines" (label: value), "none"
    box_align: str = "center"
    printed: dict[str, object] = field(default_factory=dict)  # totals printed instead of the truth
    date_format: str = ""  # strftime with {MON} / {MONTH} for month names: "%d-{MON}-%y"
    period_format: str = ""  # a generic bank's period: "start pattern|between|end pattern"
    whole_amounts: bool = False  # amounts without sen (1.234.567)
    rp_prefix: bool = False  # "Rp 1.234.567,00"
    account_groups: tuple[int, ...] = ()  # the number printed in dashed groups: (4, 2, 6, 2, 1)
    plus_credits: bool = False  # credits signed "+" where debits are signed "-"
    stack_heading: bool = False  # multi-word headings on two lines ("Tanggal" over "Transaksi")
    disclaimer: str = ""  # a sentence across the foot of every page
    stamp: bool = False  # "Dicetak: 05/02/2026 10:15:33" at the top right of every page
    repeat_header: bool = False  # the account block printed again at the top of every page
    password: str = ""  # the PDF encrypted with this user password (e-statements often are)
    table_totals: bool = False  # SALDO AWAL, TOTAL and SALDO AKHIR as rows of the table (older BNI)
    mutasi: bool = False  # a generic bank's amount headings "Mutasi Debet" / "Mutasi Kredit"


@dataclass
class Col:
    key: str
    heading: str
    width: float
    align: str = "left"
    sub: str = ""  # second heading line: an English sub-header or "(IDR)"


def en(amount: Decimal, places: int = 2) -> str:
    return f"{amount:,.{places}f}"


def idr(amount: Decimal, places: int = 2) -> str:
    return en(amount, places).replace(",", "_").replace(".", ",").replace("_", ".")


def whole_or_sen(fmt: Callable[[Decimal, int], str], amount: Decimal) -> str:
    return fmt(amount, 0 if amount == amount.to_integral_value() else 2)


def month(d: datetime.date, english: bool, short: bool = False) -> str:
    names = (SHORT_EN if short else MONTHS_EN) if english else (SHORT_ID if short else MONTHS_ID)
    return names[d.month - 1]


def styled_date(d: datetime.date, pattern: str, english: bool) -> str:
    pattern = pattern.replace("{MON}", month(d, english, short=True)).replace("{MONTH}", month(d, english))
    return d.strftime(pattern)


def account(w: World, style: Style) -> str:
    """The account number as printed: plain digits, or in dashed groups (0123-01-000456-50-7)."""
    if not style.account_groups:
        return w.number
    parts, at = [], 0
    for size in style.account_groups:
        parts.append(w.number[at : at + size])
        at += size
    if at < len(w.number):
        parts.append(w.number[at:])
    return "-".join(p for p in parts if p)


def named_date(d: datetime.date, english: bool) -> str:
    return f"{d.day:02d} {month(d, english, short=True)} {d.year}"


def long_period(w: World, english: bool) -> str:
    """`1 - 31 Januari 2026`, or across months `1 Oktober - 31 Desember 2025`."""
    a, b = w.start, w.end
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day} - {b.day} {month(b, english)} {b.year}"
    if a.year == b.year:
        return f"{a.day} {month(a, english)} - {b.day} {month(b, english)} {b.year}"
    return f"{a.day} {month(a, english)} {a.year} - {b.day} {month(b, english)} {b.year}"


class Drawing:
    """One statement being drawn: header on page 1, a table over pages, a summary at the end."""

    def __init__(self, path: Path, style: Style, pages: int | None) -> None:
        self.canvas = Canvas(str(path), pagesize=A4, encrypt=style.password or None)
        self.style = style
        self.pages = pages
        self.page = 1
        self.y = A4[1] - 50
        self.header: list[tuple[str, str]] = []

    def font(self, bold: bool = False, size: float | None = None) -> None:
        self.canvas.setFont(font_name(self.style.font, bold), size or self.style.size)

    def text(
        self,
        x: float,
        text: str,
        *,
        bold: bool = False,
        size: float | None = None,
        align: str = "left",
        y: float | None = None,
    ) -> None:
        self.font(bold, size)
        y = self.y if y is None else y
        if align == "right":
            self.canvas.drawRightString(x, y, text)
        elif align == "center":
            self.canvas.drawCentredString(x, y, text)
        else:
            self.canvas.drawString(x, y, text)

    def width(self, text: str, bold: bool = False) -> float:
        return float(pdfmetrics.stringWidth(text, font_name(self.style.font, bold), self.style.size))

    def down(self, lines: float = 1) -> None:
        self.y -= lines * self.style.size * 1.45

    def decorate(self) -> None:
        """Watermark behind, footer below: drawn on every page before its content."""
        c = self.canvas
        if self.style.watermark:
            c.saveState()
            c.setFillGray(0.85)
            c.setFont(font_name(self.style.font, True), 48)
            c.translate(300, 420)
            c.rotate(35)
            c.drawCentredString(0, 0, self.style.watermark)
            c.restoreState()
        if self.style.footer:
            text = self.style.footer.format(page=self.page, pages=self.pages or 0)
            self.text(A4[0] / 2, text, align="center", y=30)
        if self.style.disclaimer:
            self.text(40, self.style.disclaimer, size=self.style.size - 1, y=44)
        if self.style.stamp:
            self.text(A4[0] - 40, "Dicetak: 05/02/2026 10:15:33", align="right", y=A4[1] - 30)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = A4[1] - 50
        self.decorate()
        if self.style.repeat_header and self.header:
            self.labelled(self.header)
            self.down()

    def wrap(self, text: str, width: float) -> list[str]:
        words, out, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and self.width(trial) > width - 4:
                out.append(line)
                line = word
            else:
                line = trial
        return [*out, line] if line else out

    def fit(self, cols: list[Col], rows: list[dict[str, list[str] | str]], page: float = 515) -> None:
        """Widen every column to its heading and widest cell (as a bank's template is made for
        its font), then give the description what is left."""
        caps = self.style.caps
        for col in cols:
            texts = [col.heading.upper() if caps else col.heading, col.sub.upper() if caps else col.sub]
            need = max(self.width(t, bold=True) for t in texts) + 10
            if col.key != "desc":
                for row in rows:
                    value = row.get(col.key, "")
                    for part in value if isinstance(value, list) else [value]:
                        need = max(need, self.width(part) + 10)
            col.width = max(col.width, need) if col.key != "desc" else max(need, 60)
        rest = page - sum(c.width for c in cols if c.key != "desc")
        for col in cols:
            if col.key == "desc":
                col.width = max(col.width, rest)

    def heading(self, cols: list[Col], x0: float) -> None:
        style = self.style
        subs = any(c.sub for c in cols)
        x = x0
        for col in cols:
            head = col.heading.upper() if style.caps else col.heading
            sub = col.sub.upper() if style.caps and not col.sub.startswith("(") else col.sub
            align = col.align
            if col.align == "right":
                align = style.amount_align if style.heading_align == "same" else style.heading_align
            anchor = {"left": x + 2, "right": x + col.width - 2, "center": x + col.width / 2}[align]
            self.text(anchor, head, bold=True, align=align)
            if sub:
                bold = sub.startswith("(") or style.stack_heading
                self.text(anchor, sub, bold=bold, align=align, y=self.y - style.size * 1.2)
            x += col.width
        self.canvas.setLineWidth(0.4)
        self.down(2.2 if subs else 1.2)
        self.canvas.line(x0, self.y + style.size * 1.1, x, self.y + style.size * 1.1)

    def table(self, cols: list[Col], rows: list[dict[str, list[str] | str]], x0: float = 40) -> None:
        """Rows of cells (a list is several printed lines); `desc` wraps to its column."""
        style = self.style
        if style.order:
            cols = sorted(cols, key=lambda c: style.order.index(c.key) if c.key in style.order else 99)
        if style.stack_heading:
            for col in cols:
                if not col.sub and " " in col.heading:
                    col.heading, col.sub = col.heading.split(" ", 1)
        self.fit(cols, rows)
        self.heading(cols, x0)
        on_page = 0
        for row in rows:
            cells: dict[str, list[str]] = {}
            for col in cols:
                value = row.get(col.key, "")
                cells[col.key] = (
                    self.wrap(value, col.width)
                    if col.key == "desc" and isinstance(value, str)
                    else list(value)
                    if isinstance(value, list)
                    else [value]
                )
            height = max(len(v) for v in cells.values())
            if on_page >= style.rows_per_page or self.y - height * style.size * 1.3 < 60:
                self.new_page()
                on_page = 0
                if style.repeat_heading:
                    self.heading(cols, x0)
            x = x0
            for col in cols:
                align = style.amount_align if col.align == "right" else col.align
                anchor = {"left": x + 2, "right": x + col.width - 2, "center": x + col.width / 2}[align]
                for i, part in enumerate(cells[col.key]):
                    self.text(anchor, part, align=align, y=self.y - i * style.size * 1.25)
                x += col.width
            self.y -= (height - 1) * style.size * 1.25
            self.down()
            on_page += 1

    def room(self, lines: float) -> None:
        if self.y - lines * self.style.size * 1.45 < 60:
            self.new_page()

    def box(self, items: list[tuple[str, str]], x0: float = 40, width: float = 515) -> None:
        """Labels in a row of ruled boxes, each value under its label, both aligned alike
        (`Style.box_align`); a bilingual label too wide for its box on two lines."""
        self.room(4)
        step, size, align = width / len(items), self.style.size, self.style.box_align
        labels = [
            label.split(" / ") if self.width(label, bold=True) > step - 8 else [label] for label, _ in items
        ]
        extra = (max(len(x) for x in labels) - 1) * size * 1.2
        top, bottom = self.y + size * 1.2, self.y - extra - size * 2
        self.canvas.rect(x0, bottom, width, top - bottom)
        for i, ((_, value), parts) in enumerate(zip(items, labels, strict=True)):
            left = x0 + i * step
            if i:
                self.canvas.line(left, bottom, left, top)
            anchor = {"left": left + 4, "right": left + step - 4, "center": left + step / 2}[align]
            for j, part in enumerate(parts):
                self.text(anchor, part, bold=True, align=align, y=self.y - j * size * 1.2)
            self.text(anchor, value, align=align, y=self.y - extra - size * 1.4)
        self.y = bottom - size * 1.5

    def labelled(self, items: list[tuple[str, str]], x0: float = 40, value_x: float = 200) -> None:
        self.header = self.header or items
        self.room(len(items))
        for label, value in items:
            self.text(x0, label)
            self.text(value_x, ":")
            self.text(value_x + 8, value)
            self.down()

    def logo(self, name: str) -> None:
        if self.style.logo:
            c = self.canvas
            c.setFillColorRGB(0.05, 0.2, 0.55)
            c.rect(40, A4[1] - 62, 70, 26, fill=1, stroke=0)
            c.setFillColorRGB(1, 1, 1)
            c.setFont(font_name("Helvetica", True), 14)
            c.drawString(48, A4[1] - 54, name)
            c.setFillColorRGB(0, 0, 0)
            self.y = A4[1] - 80

    def finish(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def summary(d: Drawing, items: list[tuple[str, str]]) -> None:
    if d.style.summary == "box":
        d.down()
        d.box(items)
    elif d.style.summary == "lines":
        d.down()
        d.labelled(items)


def printed(style: Style, w: World) -> dict[str, Decimal]:
    truth: dict[str, object] = {
        "opening": w.opening,
        "closing": w.closing,
        "debit": w.debit,
        "credit": w.credit,
    }
    truth.update(style.printed)
    return {k: Decimal(str(v)) for k, v in truth.items()}


# ---------------------------------------------------------------- layouts


def bri(d: Drawing, w: World) -> None:
    """BRImo "Laporan Transaksi Finansial": dd/MM/yy HH:MM:SS, 5,000,000.00 with 0.00 on the
    unused side, an English sub-header, totals and "Terbilang" on the last page only."""
    s = d.style
    d.logo("BRI")
    if s.bank_text:
        d.text(40, "PT. BANK RAKYAT INDONESIA (PERSERO) Tbk.", bold=True)
        d.down()
    d.text(300, "LAPORAN TRANSAKSI FINANSIAL", bold=True, size=s.size + 3, align="center")
    d.down(2)
    d.labelled(
        [
            ("Tanggal Laporan", "05/02/26"),
            ("Periode Transaksi", f"{w.start:%d/%m/%y} - {w.end:%d/%m/%y}"),
            ("No. Rekening", account(w, s)),
            ("Nama", w.name),
            ("Nama Produk", "BRITAMA"),
            ("Valuta", "IDR"),
            ("Unit Kerja", "KCP CONTOH RAYA"),
        ]
    )
    d.down()
    cols = [
        Col("date", "Tanggal Transaksi", 85, sub="Transaction Date"),
        Col("desc", "Uraian Transaksi", 160, sub="Transaction Description"),
        Col("teller", "Teller", 50, sub="User ID"),
        Col("debit", "Debet", 70, "right", sub="Debit"),
        Col("credit", "Kredit", 70, "right", sub="Credit"),
        Col("balance", "Saldo", 80, "right", sub="Balance"),
    ]
    if s.time_column:
        cols.insert(1, Col("time", "Waktu", 45, sub="Time"))
        cols[0].width = 50
    rows: list[dict[str, list[str] | str]] = []
    for x in w.lines:
        date = f"{x.date:%d/%m/%y}" if s.time_column else f"{x.date:%d/%m/%y} {x.time:%H:%M:%S}"
        rows.append(
            {
                "date": date,
                "time": f"{x.time:%H:%M:%S}",
                "desc": x.text,
                "teller": "8880012",
                "debit": en(x.debit),
                "credit": en(x.credit),
                "balance": en(x.balance),
            }
        )
    d.table(cols, rows)
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal", en(p["opening"])),
            ("Total Transaksi Debet", en(p["debit"])),
            ("Total Transaksi Kredit", en(p["credit"])),
            ("Saldo Akhir", en(p["closing"])),
        ],
    )
    d.text(40, "Terbilang : Satu Juta Rupiah")
    d.down()


def bni_wondr(d: Drawing, w: World) -> None:
    """wondr "Laporan Mutasi Rekening": 02 Jan 2026 with the time on the next line, signed whole
    rupiah +1,000,000 / -25,000, "Periode: 1 - 31 Januari 2026"."""
    s = d.style
    d.logo("BNI")
    if s.bank_text:
        d.text(40, "PT Bank Negara Indonesia (Persero) Tbk", bold=True)
        d.down()
    d.text(40, "Laporan Mutasi Rekening", bold=True, size=s.size + 4)
    d.down(2)
    d.text(40, f"Periode: {long_period(w, s.english)}")
    d.down()
    d.labelled([("Nama", w.name), ("Produk", "BNI Taplus"), ("No. Rekening", w.number)])
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal", whole_or_sen(en, p["opening"])),
            ("Total Pemasukan", whole_or_sen(en, p["credit"])),
            ("Total Pengeluaran", whole_or_sen(en, p["debit"])),
            ("Saldo Akhir", whole_or_sen(en, p["closing"])),
        ],
    )
    d.down()
    cols = [
        Col("date", "Tanggal & Waktu", 90),
        Col("desc", "Rincian Transaksi", 220),
        Col("amount", "Nominal", 95, "right", sub="(IDR)" if s.wrap_heading else ""),
        Col("balance", "Saldo", 95, "right", sub="(IDR)" if s.wrap_heading else ""),
    ]
    if not s.wrap_heading:
        cols[2].heading, cols[3].heading = "Nominal (IDR)", "Saldo (IDR)"
    if s.time_column:
        cols[0].heading, cols[0].width = "Tanggal", 60
        cols.insert(1, Col("time", "Waktu", 55))
    rows: list[dict[str, list[str] | str]] = []
    for x in w.lines:
        amount = f"+{whole_or_sen(en, x.credit)}" if x.credit else f"-{whole_or_sen(en, x.debit)}"
        date = named_date(x.date, s.english)
        when = f"{x.time:%H:%M:%S} WIB"
        rows.append(
            {
                "date": date if s.time_column else [date, when],
                "time": when,
                "desc": x.text,
                "amount": amount,
                "balance": whole_or_sen(en, x.balance),
            }
        )
    d.table(cols, rows)


def bni_old(d: Drawing, w: World) -> None:
    """Older BNI: Tgl Trans, Uraian, Debet, Kredit, Saldo; dd/MM/yyyy; the unused side blank."""
    s = d.style
    d.logo("BNI")
    if s.bank_text:
        d.text(40, "BNI", bold=True, size=s.size + 6)
        d.down(2)
    d.text(40, "REKENING KORAN / MUTASI REKENING", bold=True)
    d.down(2)
    d.labelled(
        [
            ("No. Rekening", w.number),
            ("Nama", w.name),
            ("Periode", f"{w.start:%d/%m/%Y} s/d {w.end:%d/%m/%Y}"),
        ]
    )
    d.down()
    cols = [
        Col("date", "Tgl Trans", 60),
        Col("desc", "Uraian", 200),
        Col("debit", "Debet", 80, "right"),
        Col("credit", "Kredit", 80, "right"),
        Col("balance", "Saldo", 90, "right"),
    ]
    rows: list[dict[str, list[str] | str]] = [
        {
            "date": f"{x.date:%d/%m/%Y}",
            "desc": x.text,
            "debit": en(x.debit) if x.debit else "",
            "credit": en(x.credit) if x.credit else "",
            "balance": en(x.balance),
        }
        for x in w.lines
    ]
    if s.table_totals:
        p = printed(s, w)
        rows.insert(0, {"desc": "SALDO AWAL", "balance": en(p["opening"])})
        rows.append({"desc": "TOTAL", "debit": en(p["debit"]), "credit": en(p["credit"])})
        rows.append({"desc": "SALDO AKHIR", "balance": en(p["closing"])})
    d.table(cols, rows)
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal", en(p["opening"])),
            ("Total Debet", en(p["debit"])),
            ("Total Kredit", en(p["credit"])),
            ("Saldo Akhir", en(p["closing"])),
        ],
    )


def mandiri_livin(d: Drawing, w: World) -> None:
    """Livin' e-Statement: No, Tanggal (01 Jan 2026 + time), Keterangan, Nominal (IDR) signed
    -5.000.000,00, Saldo (IDR) 80.000.000,50; Saldo Awal / Dana Masuk / Dana Keluar / Saldo Akhir
    in boxes above the table."""
    s = d.style
    d.logo("mandiri")
    if s.bank_text:
        d.text(40, "Bank Mandiri", bold=True, size=s.size + 2)
        d.down()
    d.text(40, "e-Statement", bold=True, size=s.size + 4)
    d.down(2)
    d.labelled(
        [
            ("Nama", w.name),
            ("Nomor Rekening", w.number),
            ("Mata Uang", "IDR"),
            ("Periode", long_period(w, s.english)),
        ]
    )
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal", idr(p["opening"])),
            ("Dana Masuk", idr(p["credit"])),
            ("Dana Keluar", idr(p["debit"])),
            ("Saldo Akhir", idr(p["closing"])),
        ],
    )
    d.down()
    cols = [
        Col("no", "No", 25),
        Col("date", "Tanggal", 75),
        Col("desc", "Keterangan", 215),
        Col("amount", "Nominal (IDR)", 95, "right"),
        Col("balance", "Saldo (IDR)", 100, "right"),
    ]
    if s.wrap_heading:
        cols[3].heading, cols[3].sub, cols[4].heading, cols[4].sub = "Nominal", "(IDR)", "Saldo", "(IDR)"
    rows: list[dict[str, list[str] | str]] = []
    for i, x in enumerate(w.lines, 1):
        amount = ("+" if s.plus_credits else "") + idr(x.credit) if x.credit else f"-{idr(x.debit)}"
        rows.append(
            {
                "no": str(i),
                "date": [named_date(x.date, s.english), f"{x.time:%H:%M:%S} WIB"],
                "desc": x.text,
                "amount": amount,
                "balance": idr(x.balance),
            }
        )
    d.table(cols, rows)


def mandiri_old(d: Drawing, w: World) -> None:
    """Older Mandiri: dd/MM dates, one Mutasi column with `1,234.56 D` for debits, bilingual
    headings and totals."""
    s = d.style
    d.logo("mandiri")
    if s.bank_text:
        d.text(40, "PT. BANK MANDIRI (PERSERO) Tbk.", bold=True)
        d.down()
    d.text(40, "REKENING KORAN / ACCOUNT STATEMENT", bold=True)
    d.down(2)
    d.labelled(
        [
            ("No. Rekening / Account No.", w.number),
            ("Nama / Name", w.name),
            ("Periode / Period", f"{w.start:%d/%m/%Y} - {w.end:%d/%m/%Y}"),
        ],
        value_x=180,
    )
    d.down()
    cols = [
        Col("date", "Tanggal / Date", 70),
        Col("desc", "Keterangan / Description", 220),
        Col("amount", "Mutasi / Amount", 110, "right"),
        Col("balance", "Saldo / Balance", 110, "right"),
    ]
    rows: list[dict[str, list[str] | str]] = [
        {
            "date": f"{x.date:%d/%m}",
            "desc": x.text,
            "amount": f"{en(x.debit)} D" if x.debit else f"{en(x.credit)} K",
            "balance": en(x.balance),
        }
        for x in w.lines
    ]
    d.table(cols, rows)
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal / Opening Balance", en(p["opening"])),
            ("Mutasi Debet / Total Debit", en(p["debit"])),
            ("Mutasi Kredit / Total Credit", en(p["credit"])),
            ("Saldo Akhir / Closing Balance", en(p["closing"])),
        ],
    )


def generic_bsi(d: Drawing, w: World) -> None:
    """A bank no layout names (BSI-like): Tanggal, Keterangan, No. Referensi, Debit, Kredit,
    Saldo; dd/MM/yyyy; 1.234.567,00."""
    s = d.style
    d.logo("BSI")
    if s.bank_text:
        d.text(40, "Bank Syariah Contoh", bold=True, size=s.size + 2)
        d.down()
    first, between, last = (s.period_format or "%d/%m/%Y| - |%d/%m/%Y").split("|")
    period = styled_date(w.start, first, s.english) + between + styled_date(w.end, last, s.english)
    d.text(40, "Mutasi Rekening", bold=True)
    d.down(2)
    d.labelled(
        [
            ("Nomor Rekening", account(w, s)),
            ("Nama Nasabah", w.name),
            ("Periode", period),
            ("Produk", "Tabungan Wadiah"),
        ]
    )
    d.down()

    def money(amount: Decimal) -> str:
        text = whole_or_sen(idr, amount) if s.whole_amounts else idr(amount)
        return f"Rp {text}" if s.rp_prefix else text

    cols = [
        Col("date", "Tanggal", 65),
        Col("desc", "Keterangan", 180),
        Col("ref", "No. Referensi", 70),
        Col("debit", "Mutasi Debet" if s.mutasi else "Debit", 70, "right"),
        Col("credit", "Mutasi Kredit" if s.mutasi else "Kredit", 70, "right"),
        Col("balance", "Saldo", 80, "right"),
    ]
    rows: list[dict[str, list[str] | str]] = [
        {
            "date": styled_date(x.date, s.date_format or "%d/%m/%Y", s.english),
            "desc": x.text,
            "ref": f"FT{x.date:%y%m%d}{i:04d}",
            "debit": money(x.debit) if x.debit else "",
            "credit": money(x.credit) if x.credit else "",
            "balance": money(x.balance),
        }
        for i, x in enumerate(w.lines)
    ]
    d.table(cols, rows)
    p = printed(s, w)
    summary(
        d,
        [
            ("Saldo Awal", money(p["opening"])),
            ("Total Debit", money(p["debit"])),
            ("Total Kredit", money(p["credit"])),
            ("Saldo Akhir", money(p["closing"])),
        ],
    )


def generic_bca(d: Drawing, w: World) -> None:
    """A BCA-like statement: TANGGAL (dd/MM), KETERANGAN, CBG, MUTASI with DB after debits,
    SALDO; "PERIODE : JANUARI 2026"; a dated SALDO AWAL first row; totals as lines."""
    s = d.style
    d.logo("BCA")
    if s.bank_text:
        d.text(40, "PT Bank Contoh Asia Tbk", bold=True)
        d.down()
    d.text(300, "REKENING TAHAPAN", bold=True, size=s.size + 2, align="center")
    d.down(2)
    period = f"{month(w.start, s.english).upper()} {w.start.year}"
    if (w.start.year, w.start.month) != (w.end.year, w.end.month):
        period = f"{w.start:%d/%m/%Y} - {w.end:%d/%m/%Y}"
    d.labelled([("NO. REKENING", w.number), ("NAMA", w.name), ("PERIODE", period), ("MATA UANG", "IDR")])
    d.down()
    cols = [
        Col("date", "TANGGAL", 55),
        Col("desc", "KETERANGAN", 220),
        Col("branch", "CBG", 35),
        Col("amount", "MUTASI", 100, "right"),
        Col("balance", "SALDO", 100, "right"),
    ]
    rows: list[dict[str, list[str] | str]] = [
        {"date": f"{w.start:%d/%m}", "desc": "SALDO AWAL", "balance": en(w.opening)}
    ]
    rows += [
        {
            "date": f"{x.date:%d/%m}",
            "desc": x.text,
            "branch": "0123",
            "amount": f"{en(x.debit)} DB" if x.debit else en(x.credit),
            "balance": en(x.balance),
        }
        for x in w.lines
    ]
    d.table(cols, rows)
    p = printed(s, w)
    summary(
        d,
        [
            ("SALDO AWAL", en(p["opening"])),
            ("MUTASI CR", en(p["credit"])),
            ("MUTASI DB", en(p["debit"])),
            ("SALDO AKHIR", en(p["closing"])),
        ],
    )


LAYOUTS: dict[str, Callable[[Drawing, World], None]] = {
    "bri": bri,
    "bni-wondr": bni_wondr,
    "bni-old": bni_old,
    "mandiri-livin": mandiri_livin,
    "mandiri-old": mandiri_old,
    "bsi": generic_bsi,
    "bca": generic_bca,
}


def draw(path: Path, layout: str, w: World, style: Style = Style()) -> Path:
    """Draw twice: the first pass counts the pages a "Halaman 1 dari N" footer needs."""
    pages = None
    for _ in range(2):
        drawing = Drawing(path, style, pages)
        drawing.decorate()
        LAYOUTS[layout](drawing, w)
        drawing.finish()
        pages = drawing.page
    return path


def without_last_page(path: Path) -> Path:
    """The statement saved without its last page (a download cut short, a page left out when
    printing to PDF): `<name>.cut.pdf` beside it."""
    import pypdfium2

    out = path.with_suffix(".cut.pdf")
    document = pypdfium2.PdfDocument(str(path))
    try:
        document.del_page(len(document) - 1)
        document.save(str(out))
    finally:
        document.close()
    return out
