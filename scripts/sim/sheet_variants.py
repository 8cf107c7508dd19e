"""Spreadsheets as people really lay them out: one plain table (headers and rows, as the
simulator renders it) re-drawn the ways Indonesian institutions type it in Excel.

Kept apart from the readers on purpose: the variations come from how sheets are typed in the
world (title blocks, a "No" counter, headers in capitals or with "(Rp)", the words people use
for a column, a JUMLAH row, a signature block, amounts typed as "Rp 1.250.000", dates typed as
"12 Oktober 2025", merged title and total cells, a cover sheet), not from what
importers/tables.py happens to accept. Each variant means the same entries as the plain sheet.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")  # fmt: skip
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# What people write instead of the template's header (from registers, daftar nominatif and RAB
# sheets of Indonesian institutions; the issue quotes most of them).
SPELLINGS: dict[str, tuple[str, ...]] = {
    "Kode Peserta": ("KODE PESERTA", "Kode", "ID Peserta", "Kode  Peserta"),
    "Nama": ("NAMA", "Nama Lengkap", "Nama Peserta"),
    "Tanggal": ("Tgl", "Tgl.", "TANGGAL"),
    "Tanggal Masuk": ("Tgl Masuk", "Tgl. Masuk", "TANGGAL MASUK"),
    "Jumlah": ("Nilai", "JUMLAH", "Jumlah (Rp)", "Jumlah (Rp.)"),
    "Harga Satuan": ("Harga Satuan (Rp)", "HARGA SATUAN", "Harga"),
    "Toko": ("Nama Toko", "Penjual"),
    "No Rekening": ("No. Rekening", "Nomor Rekening", "No. Rek"),
    "No Nota": ("No. Nota", "Nomor Nota", "No. Kuitansi"),
    "Sumber Dana": ("SUMBER DANA", "Donor"),
    "Uraian": ("URAIAN", "Nama Barang"),
    "Komponen": ("Komponen Bantuan", "Jenis Bantuan"),
    "Batch": ("Tahap", "Gelombang"),
    "Telepon": ("No HP", "No. HP"),
    "NIK": ("No. KTP", "NIK KTP"),
    "Saldo Minimum": ("Saldo Minimum (Rp)", "Saldo Min."),
    "Kelompok": ("Kelompok Usaha", "KELOMPOK"),
    "Volume": ("Vol", "Vol."),
    "Tanggal Disetujui": ("Tgl Disetujui", "Tanggal Persetujuan"),
}
AMOUNT_FORMS = ("Rp {id}", "Rp. {id}", "{id},-", "{en}", "{id},00", "Rp{id}")
DATE_FORMS = ("numeric", "short-year", "named", "short-named", "iso")


@dataclass(frozen=True)
class Variant:
    """One way of laying a table out; every field is a choice a person makes."""

    title_rows: int = 0  # lines of title above the header (institution, sheet title, period)
    number_column: bool = False  # a leading "No" counter
    spelling: int = -1  # -1: the template's headers; n: the n-th alternative where there is one
    upper_case: bool = False
    total_row: bool = False  # JUMLAH of the money column below the rows
    signatures: bool = False  # place, date, "Bendahara", names below the table
    amount_form: int = -1  # -1: numbers; n: AMOUNT_FORMS[n] as text
    date_form: int = -1  # -1: dates; n: DATE_FORMS[n] as text
    blank_rows: bool = False  # an empty line after every third row
    merged: bool = False  # the title and the total label merged across columns (XLSX)
    cover_sheet: bool = False  # a "Petunjuk" sheet before the table (XLSX)
    suffix: str = ".xlsx"
    total_typo: int = 0  # a JUMLAH typed wrong by this much (a sheet that must be refused)


def amount_text(value: Decimal | int, form: int) -> str:
    """An amount as a person types it: Rp 1.250.000, 1.250.000,-, 1,250,000, 1.250.000,00."""
    number = int(value)
    grouped = f"{abs(number):,}"
    text = AMOUNT_FORMS[form].format(id=grouped.replace(",", "."), en=grouped)
    return f"-{text}" if number < 0 else text


def date_text(day: datetime.date, form: str) -> str:
    if form == "numeric":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if form == "short-year":
        return f"{day.day:02d}-{day.month:02d}-{day.year % 100:02d}"
    if form == "named":
        return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    if form == "short-named":
        return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year}"
    return day.isoformat()


def _date_form(variant: Variant, column: list[Any]) -> str | None:
    """The variant's date form for a column; a numeric day-first form only when one of the
    column's days is above 12 (as on a real sheet, where such a date tells the reader)."""
    if variant.date_form < 0:
        return None
    form = DATE_FORMS[variant.date_form]
    if form in ("numeric", "short-year") and not any(
        isinstance(d, datetime.date) and d.day > 12 for d in column
    ):
        return "named"
    return form


def header_text(header: str, variant: Variant) -> str:
    choices = SPELLINGS.get(header, ())
    text = choices[variant.spelling % len(choices)] if variant.spelling >= 0 and choices else header
    return text.upper() if variant.upper_case else text


def cells(headers: list[str], rows: list[list[Any]], variant: Variant, money: str | None) -> list[list[Any]]:
    """The variant's grid: title block, header, rows, total, signatures (None: an empty cell)."""
    width = len(headers) + (1 if variant.number_column else 0)
    grid: list[list[Any]] = []
    titles = ["YAYASAN CONTOH SEJAHTERA", "DAFTAR " + "REKAPITULASI", "Periode: Tahun Anggaran 2026"]
    for line in range(variant.title_rows):
        grid.append([titles[line % len(titles)]])
    if variant.title_rows:
        grid.append([])
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
    forms = [_date_form(variant, list(col)) for col in columns]
    head = [header_text(h, variant) for h in headers]
    grid.append((["No"] if variant.number_column else []) + head)
    for number, row in enumerate(rows, start=1):
        typed = []
        for header, value, form in zip(headers, row, forms, strict=True):
            money_column = header == money or header in ("Harga Satuan", "Saldo Minimum")
            if isinstance(value, datetime.date) and form:
                value = date_text(value, form)
            elif money_column and variant.amount_form >= 0 and _whole(value):
                value = amount_text(value, variant.amount_form)
            typed.append(value)
        grid.append(([number] if variant.number_column else []) + typed)
        if variant.blank_rows and number % 3 == 0:
            grid.append([])
    if variant.total_row and money in headers:
        index = headers.index(money) + (1 if variant.number_column else 0)
        total: Any = sum(int(r[headers.index(money)]) for r in rows) + variant.total_typo
        if variant.amount_form >= 0:
            total = amount_text(total, variant.amount_form)
        total_line: list[Any] = [None] * width
        total_line[0] = "JUMLAH"
        total_line[index] = total
        grid.append(total_line)
    if variant.signatures:
        grid += [[], [None, "Palembang, 30 Juni 2026"], [None, "Bendahara", None, "Pendamping"], [],
                 [None, "(Siti Aminah)", None, "(Ani Lestari)"]]  # fmt: skip
    return grid


def write(
    out: Path, headers: list[str], rows: list[list[Any]], variant: Variant, *, money: str | None = None
) -> Path:
    """The variant of the plain table `headers` + `rows` as a file (`money`: the header of the
    column a JUMLAH row adds up)."""
    grid = cells(headers, rows, variant, money)
    out = out.with_suffix(variant.suffix)
    if variant.suffix == ".csv":
        with open(out, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, delimiter=";").writerows(
                [["" if v is None else _csv_value(v) for v in line] for line in grid]
            )
        return out
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    if variant.cover_sheet:
        first.title = "Petunjuk"
        first.append(["Isi tabel di lembar berikut. Jangan ubah judul kolom."])
        ws = book.create_sheet("Data")
    else:
        ws = first
        ws.title = "Data"
    for line in grid:
        ws.append(line)
    if variant.merged:  # the title across the table, the JUMLAH label over its empty neighbour
        width = max(len(line) for line in grid)
        for number, line in enumerate(grid, start=1):
            end = {"JUMLAH": 2, "YAYASAN CONTOH SEJAHTERA": width}.get(str(line[0]) if line else "", 1)
            if end > 1 and all(v is None for v in line[1:end]):
                ws.merge_cells(start_row=number, start_column=1, end_row=number, end_column=end)
    book.save(out)
    return out


def _whole(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and value == int(value)


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return value
