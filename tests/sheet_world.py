"""Spreadsheets as a treasurer or a companion in Palembang types them, made from scratch with
openpyxl and csv (no code shared with the readers nor with scripts/sim's renderers).

The data are invented (random digits, made-up names). A `Table` is what the person means: a
list of rows of Python values (text, whole rupiah as int, dates). A `Style` is how she lays it
out: header spellings she uses, a title block, a `No` counter, a blank column, amounts and dates
typed as text, a JUMLAH row, signatures, a second sheet, CSV saved by Excel on Windows. The
spellings below come from how people write, not from the readers' synonym lists.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

D = datetime.date
MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
MON_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

FIRST = ["Sri", "Dewi", "Rina", "Yuli", "Nur", "Ani", "Siti", "Lela", "Wati", "Indah", "Ratna", "Fitri"]
LAST = ["Wahyuni", "Lestari", "Handayani", "Sari", "Rahayu", "Marlina", "Susanti", "Puspita", "Anggraini"]
STREETS = ["Jl. Kapten Rivai", "Lr. Sukajadi", "Jl. Demang Lebar Daun", "Lr. Pipa", "Jl. Seduduk Putih"]


# ----------------------------------------------------------------------------- what she means


@dataclasses.dataclass
class Table:
    """One kind's rows as meant: `columns` are keys; `money`/`dates` say which keys hold what."""

    kind: str
    columns: list[str]
    rows: list[dict[str, object]]
    money: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()  # money columns a JUMLAH row sums
    cover: list[tuple[str, object]] = dataclasses.field(default_factory=list)  # passbook cover block
    total_error: int = 0  # a JUMLAH row typed wrong by this much


@dataclasses.dataclass
class Person:
    code: str
    name: str
    nik: str
    address: str
    phone: str
    group: str
    companion: str
    funder: str
    bank: str
    product: str
    account: str
    joined: datetime.date


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def people(seed: int = 3, n: int = 3) -> list[Person]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        bank = "BRI" if i % 2 == 0 else "Bank Sumsel Babel"
        account = (
            f"{_digits(rng, 4)}-01-{_digits(rng, 6)}-50-{_digits(rng, 1)}"
            if bank == "BRI"
            else _digits(rng, 10)
        )
        out.append(
            Person(
                code=f"PLG-{26}-{i + 1:03d}",
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                nik="1671" + _digits(rng, 12),
                address=f"{rng.choice(STREETS)} No. {rng.randint(1, 99)}",
                phone="08" + _digits(rng, 10),
                group=["Tata Boga", "Menjahit", "Salon"][i % 3],
                companion=["C01", "C02"][i % 2],
                funder="Kemensos" if i % 2 == 0 else "Dinsos Sumsel",
                bank=bank,
                product="Simpedes" if bank == "BRI" else "Tabungan Simpeda",
                account=account,
                joined=D(2026, 1, 13 + i),
            )
        )
    return out


def register(who: list[Person]) -> Table:
    cols = [
        "code",
        "name",
        "nik",
        "address",
        "phone",
        "group",
        "cohort",
        "companion",
        "funder",
        "bank",
        "account",
        "joined",
        "product",
        "min_balance",
    ]
    rows: list[dict[str, object]] = [
        {
            "code": p.code,
            "name": p.name,
            "nik": p.nik,
            "address": p.address,
            "phone": p.phone,
            "group": p.group,
            "cohort": "2026-A",
            "companion": p.companion,
            "funder": p.funder,
            "bank": p.bank,
            "account": p.account,
            "joined": p.joined,
            "product": p.product,
            "min_balance": 25000,
        }
        for p in who
    ]
    return Table("participants", cols, rows, money=("min_balance",), dates=("joined",))


def disbursements(who: list[Person]) -> Table:
    cols = ["code", "name", "funder", "component", "amount", "date", "batch"]
    rows: list[dict[str, object]] = []
    for i, p in enumerate(who):
        rows.append(
            {
                "code": p.code,
                "name": p.name,
                "funder": p.funder,
                "component": "modal usaha",
                "amount": 3_000_000 + 250_000 * i,
                "date": D(2026, 2, 13 + i),
                "batch": "Tahap 1",
            }
        )
    return Table("disbursements", cols, rows, money=("amount",), dates=("date",), totals=("amount",))


PLAN_ITEMS = [
    ("Kompor gas 2 tungku", "Peralatan", 1, "unit", 650_000),
    ("Wajan besar", "Peralatan", 2, "buah", 125_000),
    ("Tepung terigu", "Bahan Baku", 10, "kg", 13_500),
    ("Etalase kaca", "Peralatan", 1, "unit", 1_150_000),
]


def plan(p: Person) -> Table:
    cols = [
        "code",
        "no",
        "description",
        "category",
        "volume",
        "unit",
        "unit_price",
        "amount",
        "approved_by",
        "approved",
    ]
    rows: list[dict[str, object]] = [
        {
            "code": p.code,
            "no": i + 1,
            "description": d,
            "category": c,
            "volume": v,
            "unit": u,
            "unit_price": h,
            "amount": v * h,
            "approved_by": p.companion,
            "approved": D(2026, 2, 14),
        }
        for i, (d, c, v, u, h) in enumerate(PLAN_ITEMS)
    ]
    return Table("plans", cols, rows, money=("unit_price", "amount"), dates=("approved",), totals=("amount",))


SHOPS = ["TB Sinar Jaya", "Toko Ampera", "UD Musi"]


def receipts(p: Person) -> Table:
    cols = [
        "code",
        "date",
        "receipt",
        "shop",
        "description",
        "volume",
        "unit",
        "unit_price",
        "amount",
        "plan_line",
        "category",
        "meterai",
    ]
    rows: list[dict[str, object]] = [
        {
            "code": p.code,
            "date": D(2026, 2, 16 + i),
            "receipt": f"NT-{101 + i}",
            "shop": shop,
            "description": d,
            "volume": v,
            "unit": u,
            "unit_price": h,
            "amount": v * h,
            "plan_line": i + 1,
            "category": c,
            "meterai": "tidak",
        }
        for i, ((d, c, v, u, h), shop) in enumerate(zip(PLAN_ITEMS[:3], SHOPS, strict=True))
    ]
    return Table("receipts", cols, rows, money=("unit_price", "amount"), dates=("date",), totals=("amount",))


def visits(who: list[Person]) -> Table:
    cols = ["code", "date", "status", "omzet", "laba", "assets", "workers", "note", "companion"]
    statuses = ["berjalan", "Berkembang", "berhenti sementara"]
    rows: list[dict[str, object]] = [
        {
            "code": p.code,
            "date": D(2026, 3, 16 + i),
            "status": statuses[i % 3],
            "omzet": 1_800_000 + 100_000 * i,
            "laba": 450_000,
            "assets": 3_200_000,
            "workers": 1 + i % 2,
            "note": "Pelanggan tetap bertambah",
            "companion": p.companion,
        }
        for i, p in enumerate(who)
    ]
    return Table("progress", cols, rows, money=("omzet", "laba", "assets"), dates=("date",))


def passbook(p: Person) -> Table:
    """Her passbook from the first deposit: SETOR, the aid, withdrawals, the fee; balances chain."""
    lines = [
        (D(2026, 1, 20), "SETOR", "SETORAN AWAL", 0, 100_000),
        (D(2026, 2, 13), "TRF", "TRF BANTUAN MODAL USAHA", 0, 3_000_000),
        (D(2026, 2, 15), "TARIK", "PENARIKAN TUNAI", 1_500_000, 0),
        (D(2026, 2, 20), "ADM", "BIAYA ADM", 5_500, 0),
        (D(2026, 3, 2), "TARIK", "PENARIKAN TUNAI", 1_000_000, 0),
    ]
    cols = ["no", "date", "code", "description", "debit", "credit", "balance", "teller"]
    rows: list[dict[str, object]] = []
    balance = 0
    for i, (day, code, text, debit, credit) in enumerate(lines):
        balance += credit - debit
        rows.append({"no": i + 1, "date": day, "code": code, "description": text, "debit": debit or None,
                     "credit": credit or None, "balance": balance, "teller": f"T{i + 11:03d}"})  # fmt: skip
    cover: list[tuple[str, object]] = [
        ("Bank", p.bank),
        ("Produk", p.product),
        ("No Rekening", p.account),
        ("Nama Nasabah", p.name),
    ]
    return Table("passbook", cols, rows, money=("debit", "credit", "balance"), dates=("date",), cover=cover)


# ----------------------------------------------------------------------------- how she writes it

# The spellings people type, per kind and column; index 0 is the plain form.
SPELLINGS: dict[str, dict[str, list[str]]] = {
    "participants": {
        "code": ["Kode Peserta", "KODE PESERTA", "Kode", "ID Peserta", "Kode\nPeserta"],
        "name": ["Nama", "Nama Peserta", "NAMA LENGKAP", "Nama Lengkap"],
        "nik": ["NIK", "No. KTP", "NIK KTP", "N I K"],
        "address": ["Alamat", "Alamat Lengkap", "ALAMAT"],
        "phone": ["Telepon", "No. HP", "No HP", "No. Telp"],
        "group": ["Kelompok", "Kelompok Usaha", "KELOMPOK"],
        "cohort": ["Angkatan", "Angkatan:", "ANGKATAN"],
        "companion": ["Pendamping", "Nama Pendamping", "Pendamping :"],
        "funder": ["Sumber Dana", "Sumber\nDana", "SUMBER DANA"],
        "bank": ["Bank", "Nama Bank", "BANK"],
        "account": ["No Rekening", "No. Rek", "Nomor Rek.", "No. Rekening", "Nomor Rekening"],
        "joined": ["Tanggal Masuk", "Tgl Masuk", "Tanggal\nMasuk", "Tgl. Masuk"],
        "product": ["Produk", "Jenis Tabungan", "PRODUK"],
        "min_balance": ["Saldo Minimum", "Saldo Min. (Rp)", "Saldo Minimum (Rp)"],
    },
    "disbursements": {
        "code": ["Kode Peserta", "KODE", "ID Peserta", "Kode  Peserta"],
        "name": ["Nama", "Nama Penerima", "NAMA"],
        "funder": ["Sumber Dana", "Donor", "Sumber Dana :"],
        "component": ["Komponen", "Jenis Bantuan", "Komponen Bantuan"],
        "amount": ["Jumlah", "Jml", "Jumlah (Rp)", "Nilai Bantuan (Rp.)", "Nominal", "Jumlah\n(Rp)"],
        "date": ["Tanggal", "Tgl", "Tgl. Penyaluran", "Tanggal Penyaluran", "Tgl."],
        "batch": ["Batch", "Tahap", "Termin", "TAHAP"],
    },
    "plans": {
        "code": ["Kode Peserta", "Kode", "KODE PESERTA"],
        "no": ["No", "No RAB", "No."],
        "description": ["Uraian", "Nama Barang", "Uraian Kebutuhan", "URAIAN"],
        "category": ["Kategori", "Jenis Belanja", "Kategori:"],
        "volume": ["Volume", "Vol", "Qty", "Vol."],
        "unit": ["Satuan", "Sat.", "SATUAN"],
        "unit_price": ["Harga Satuan", "Harga Satuan (Rp.)", "Harga\nSatuan", "Harga Satuan (Rp)"],
        "amount": ["Jumlah", "Jumlah (Rp)", "Jml", "Total Harga", "Jumlah Harga (Rp)"],
        "approved_by": ["Disetujui Oleh", "Disetujui", "Disetujui oleh:"],
        "approved": ["Tanggal Disetujui", "Tgl Disetujui", "Tgl. Disetujui", "Tanggal Persetujuan"],
    },
    "receipts": {
        "code": ["Kode Peserta", "Kode", "KODE PESERTA", "ID Peserta"],
        "date": ["Tanggal", "Tgl", "Tgl. Nota", "Tanggal Beli", "Tanggal Transaksi"],
        "receipt": ["No Nota", "No. Nota", "No Kuitansi", "No. Bukti", "Nomor Nota"],
        "shop": ["Toko", "Nama Toko", "Toko/Penjual", "TOKO"],
        "description": ["Uraian", "Nama Barang", "URAIAN", "Barang"],
        "volume": ["Volume", "Vol", "Qty", "Banyaknya"],
        "unit": ["Satuan", "Sat.", "SATUAN"],
        "unit_price": ["Harga Satuan", "Harga Satuan (Rp.)", "Harga\nSatuan", "Harga (Rp)"],
        "amount": ["Jumlah", "Jumlah (Rp)", "Jml", "Total", "Jml (Rp)"],
        "plan_line": ["No RAB", "No. RAB", "Nomor RAB", "No RAB:"],
        "category": ["Kategori", "KATEGORI", "Kategori Barang"],
        "meterai": ["Meterai", "Materai", "Bermeterai"],
    },
    "progress": {  # issue 11: "exactly the headers above", as typed: capitals, spaces, a break
        "code": ["Kode Peserta", "KODE PESERTA", "Kode  Peserta", "Kode\nPeserta"],
        "date": ["Tanggal Kunjungan", "TANGGAL KUNJUNGAN", "Tanggal\nKunjungan", "Tgl Kunjungan"],
        "status": ["Status Usaha", "STATUS USAHA", "Status Usaha:"],
        "omzet": ["Omzet Sebulan", "Omzet Sebulan (Rp)", "OMZET SEBULAN"],
        "laba": ["Laba Sebulan", "Laba Sebulan (Rp)", "LABA SEBULAN"],
        "assets": ["Aset Usaha", "Aset Usaha (Rp)", "ASET USAHA"],
        "workers": ["Tenaga Kerja", "Tenaga Kerja (orang)", "TENAGA KERJA"],
        "note": ["Catatan", "CATATAN", "Catatan:"],
        "companion": ["Pendamping", "PENDAMPING", "Pendamping "],
    },
    "passbook": {
        "no": ["No", "No.", "NO"],
        "date": ["Tanggal", "Tgl", "TGL", "Tanggal Transaksi"],
        "code": ["Sandi", "Kode", "SANDI", "Kode Transaksi"],
        "description": ["Keterangan", "Uraian", "Ket."],
        "debit": ["Mutasi Debet", "Debet", "MUTASI DEBET", "Mutasi\nDebet"],
        "credit": ["Mutasi Kredit", "Kredit", "MUTASI KREDIT", "Mutasi\nKredit"],
        "balance": ["Saldo", "SALDO", "Saldo (Rp)"],
        "teller": ["Pengesahan", "Teller", "Paraf"],
    },
}

TITLES = {
    "participants": ["DAFTAR PESERTA PROGRAM BANTUAN MODAL USAHA", "PANTI SOSIAL KARYA WANITA PALEMBANG"],
    "disbursements": ["DAFTAR NOMINATIF PENERIMA BANTUAN", "TAHUN ANGGARAN 2026"],
    "plans": ["RENCANA ANGGARAN BIAYA (RAB)", "Usaha: Warung Makan"],
    "receipts": ["DAFTAR NOTA BELANJA", "Pendamping: C01"],
    "progress": ["LAPORAN KUNJUNGAN PENDAMPING", "Bulan: Maret 2026"],
    "passbook": ["SALINAN BUKU TABUNGAN"],
}


@dataclasses.dataclass(frozen=True)
class Style:
    """How a sheet is laid out and typed. `fmt`: xlsx, csv, csv-semi-bom, csv-cp1252, csv-crlf."""

    name: str
    fmt: str = "xlsx"
    spelling: int = 0  # which spelling of each column (modulo its list)
    title: bool = False
    merged_title: bool = False
    no_column: bool = False
    blank_column: bool = False
    money: str = "number"  # number, rp ("Rp 1.500.000,-"), comma ("1,500,000"), dots ("1.500.000"),
    #                        apostrophe (text "1500000" with Excel's quote prefix), rp00 ("Rp. 1.500.000,00")
    dates: str = "date"  # date, slash ("05/03/2026"), long ("5 Maret 2026"), mon ("05-Mar-26"), serial
    total: bool = False
    footer: bool = False
    rekap: bool = False
    frozen: bool = False
    trailing_format: bool = False
    one_row: bool = False
    extra_ket: bool = False  # a free "Ket." column at the end
    sheet: str = ""  # sheet title (default per kind)
    seed: int = 0  # when set: each column's spelling drawn at random (people mix them)


SHEET = {
    "participants": "Peserta",
    "disbursements": "Daftar Nominatif",
    "plans": "RAB",
    "receipts": "Nota",
    "progress": "Kunjungan",
    "passbook": "Buku Tabungan",
}


def money_text(value: int, how: str) -> object:
    if how == "number":
        return value
    dots = f"{value:,}".replace(",", ".")
    if how == "rp":
        return f"Rp {dots},-"
    if how == "rp00":
        return f"Rp. {dots},00"
    if how == "comma":
        return f"{value:,}"
    if how == "dots":
        return dots
    if how == "apostrophe":
        return str(value)
    raise ValueError(how)


def date_text(day: datetime.date, how: str) -> object:
    if how == "date":
        return day
    if how == "slash":
        return day.strftime("%d/%m/%Y")
    if how == "long":
        return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    if how == "mon":
        return f"{day.day:02d}-{MON_EN[day.month - 1]}-{day.year % 100:02d}"
    if how == "serial":
        return (day - D(1899, 12, 30)).days
    raise ValueError(how)


def _cell(table: Table, key: str, value: object, style: Style) -> object:
    if value is None or value == "":
        return None
    if key in table.money and isinstance(value, int):
        return money_text(value, style.money)
    if key in table.dates and isinstance(value, datetime.date):
        return date_text(value, style.dates)
    return value


def layout(table: Table, style: Style) -> tuple[list[list[object]], list[str], int]:
    """The grid as typed: rows of cells, the header's texts, and the header's row index."""
    spell = SPELLINGS[table.kind]
    keys = list(table.columns)
    pick = random.Random(style.seed)
    which = [pick.randrange(len(spell[k])) if style.seed else style.spelling % len(spell[k]) for k in keys]
    headers = [spell[k][i] for k, i in zip(keys, which, strict=True)]
    rows = table.rows[:1] if style.one_row else table.rows
    body = [[_cell(table, k, r.get(k), style) for k in keys] for r in rows]
    if style.no_column and table.kind not in ("plans", "passbook"):
        headers = ["No.", *headers]
        body = [[i + 1, *r] for i, r in enumerate(body)]
        keys = ["#", *keys]
    if style.extra_ket:
        headers.append("Ket.")
        body = [[*r, None] for r in body]
        keys.append("ket")
    if style.blank_column:
        at = min(3, len(headers))
        headers.insert(at, None)  # type: ignore[arg-type]
        for r in body:
            r.insert(at, None)
        keys.insert(at, "")
    grid: list[list[object]] = []
    if table.cover:
        for label, value in table.cover:
            grid.append([f"{label}", value])
        grid.append([])
    if style.title:
        grid += [[t] for t in TITLES[table.kind]]
        grid.append([])
    header_at = len(grid)
    grid.append(list(headers))
    grid += body
    if style.total and table.totals:
        total_row: list[object] = [None] * len(headers)
        total_row[0] = "JUMLAH"
        for k in table.totals:
            figures = [v for r in rows if isinstance(v := r.get(k), int)]
            total_row[keys.index(k)] = money_text(sum(figures) + table.total_error, style.money)
        grid.append(total_row)
    if style.footer:
        grid += [
            [],
            [None, "Palembang, 31 Maret 2026"],
            [None, "Mengetahui,", None, "Bendahara,"],
            [],
            [],
            [None, "Dra. Yanti Marlina", None, "Rosmala Dewi, S.E."],
            [None, "NIP. 19700101 199003 2 001"],
        ]
    return grid, [h or "" for h in headers], header_at


def write_xlsx(path: Path, table: Table, style: Style) -> Path:
    grid, headers, header_at = layout(table, style)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = style.sheet or SHEET[table.kind]
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
            elif style.money == "apostrophe" and isinstance(value, str) and value.isdigit():
                cell.quotePrefix = True  # what Excel stores for '1500000
            if r - 1 == header_at:
                cell.font = Font(bold=True)
                cell.alignment = Alignment(wrap_text=True)
    _decorate(book, ws, table, style, len(grid), header_at, max(len(headers), 2))
    book.save(path)
    return path


def _decorate(
    book: Workbook, ws: Any, table: Table, style: Style, rows: int, header_at: int, width: int
) -> None:
    """Merged title cells, frozen panes and a filter, a formatted empty row, a "Rekap" sheet."""
    if style.merged_title and style.title:
        first = len(table.cover) + 1 if table.cover else 1
        for r in range(first, first + len(TITLES[table.kind])):
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            ws.cell(r, 1).alignment = Alignment(horizontal="center")
    if style.frozen:
        ws.freeze_panes = ws.cell(header_at + 2, 2)
        ws.auto_filter.ref = f"A{header_at + 1}:{get_column_letter(width)}{header_at + 1 + rows}"
    if style.trailing_format:
        for c in range(1, width + 1):  # a row of borders/fill only, below the data
            ws.cell(rows + 3, c).fill = PatternFill("solid", fgColor="FFFF00")
            ws.cell(rows + 3, c).number_format = "#,##0"
    if style.rekap:
        rekap = book.create_sheet("Rekap")
        rekap.append(["REKAPITULASI"])
        rekap.append(["Jumlah peserta", len(table.rows)])
        rekap.append(["Keterangan", "lihat sheet sebelumnya"])


def write_csv(path: Path, table: Table, style: Style) -> Path:
    if style.fmt == "csv-cp1252":  # what Windows puts in: Excel's autocorrected quote and dash
        table = dataclasses.replace(table, rows=[_windows_text(r) for r in table.rows])
    grid, _headers, _at = layout(table, style)
    text_rows = [[_csv_text(v) for v in row] for row in grid]
    buffer = io.StringIO()
    semi = style.fmt in ("csv-semi-bom", "csv-cp1252")  # Excel with Indonesian regional settings
    writer = csv.writer(buffer, delimiter=";" if semi else ",", lineterminator="\r\n")
    writer.writerows(text_rows)
    text = buffer.getvalue()
    if style.fmt == "csv-semi-bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif style.fmt == "csv-cp1252":
        path.write_bytes(text.encode("cp1252"))
    elif style.fmt == "csv-crlf":
        path.write_bytes(text.encode("utf-8"))
    else:
        path.write_bytes(text.replace("\r\n", "\n").encode("utf-8"))
    return path


def _windows_text(row: dict[str, object]) -> dict[str, object]:
    out = dict(row)
    for key in ("description", "note", "address", "shop"):
        if isinstance(out.get(key), str):
            out[key] = f"{out[key]} – Ma’ruf"
    return out


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def write(folder: Path, stem: str, table: Table, style: Style) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if style.fmt == "xlsx":
        return write_xlsx(folder / f"{stem}.xlsx", table, style)
    return write_csv(folder / f"{stem}.csv", table, style)


# ----------------------------------------------------------------------------- the styles tried

STYLES: list[Style] = [
    Style("plain"),
    Style("plain-csv", fmt="csv"),
    Style(
        "title-merged-no-total-footer", title=True, merged_title=True, no_column=True, total=True, footer=True
    ),
    Style("spelling1-rp-text-slash", spelling=1, money="rp", dates="slash"),
    Style("spelling2-comma-long", spelling=2, money="comma", dates="long", blank_column=True),
    Style("spelling3-dots-mon", spelling=3, money="dots", dates="mon"),
    Style("spelling4-rp00-serial", spelling=4, money="rp00", dates="serial"),
    Style("apostrophe-numbers", money="apostrophe"),
    Style("rekap-frozen-trailing", rekap=True, frozen=True, trailing_format=True, title=True),
    Style("one-row", one_row=True, title=True, total=True),
    Style("ket-column", extra_ket=True, spelling=1),
    Style(
        "csv-semicolon-bom", fmt="csv-semi-bom", spelling=1, money="rp", dates="slash", title=True, total=True
    ),
    Style("csv-cp1252", fmt="csv-cp1252", spelling=2, money="rp", dates="long", footer=True, total=True),
    Style("csv-crlf", fmt="csv-crlf", spelling=3, money="comma", dates="slash"),
    Style(
        "everything",
        title=True,
        merged_title=True,
        no_column=True,
        blank_column=True,
        total=True,
        footer=True,
        rekap=True,
        frozen=True,
        trailing_format=True,
        spelling=1,
        money="rp",
        dates="long",
    ),
]


def mutate(table: Table, how: str) -> tuple[Table, list[int]]:
    """A wrong twin: the rows (0-based) a checker must name. `how`: unknown-code, impossible-date,
    typo-amount, or all three on different rows."""
    rows = [dict(r) for r in table.rows]
    bad: list[int] = []
    money_key = next((k for k in ("amount", "debit", "omzet", "min_balance") if k in table.money), None)
    date_key = table.dates[0] if table.dates else None
    coded = "code" in table.columns and table.kind not in ("passbook", "participants")
    if how in ("unknown-code", "all") and coded:
        rows[0]["code"] = "PLG-26-999"
        bad.append(0)
    if how in ("impossible-date", "all") and date_key:
        i = 1 % len(rows)
        rows[i][date_key] = "31/02/2026"
        bad.append(i)
    if how in ("typo-amount", "all") and money_key:
        i = 2 % len(rows)
        rows[i][money_key] = "1.5OO.000"
        bad.append(i)
    return dataclasses.replace(table, rows=rows), sorted(set(bad))


Maker = Callable[[], Table]
