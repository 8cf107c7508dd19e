"""Truth -> passbook transcriptions (CSV/XLSX) and bank-profile exports, as companions and banks
produce them. The readers (importers/bank/passbook.py, profile.py) share no code with this module.

Layouts:
    passbook-xlsx             cover block, No, Tanggal (dd/MM/yy), Sandi, Keterangan, Mutasi Debet,
                              Mutasi Kredit, Saldo, Pengesahan; whole rupiah as numbers
    passbook-csv              the same with one Mutasi column and D/K, dd-MM-yyyy, 1.234.567,00
    profile:bank-sumsel-babel the bank's internet-banking export, semicolon CSV, footer totals
    profile:bsi               BSI's export: Nominal + Jenis (DB/CR), English separators, newest first
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from scripts.sim.truth import BankLine, Person

LAYOUTS = ("passbook-xlsx", "passbook-csv", "profile:bank-sumsel-babel", "profile:bsi")
SUFFIX = {
    "passbook-xlsx": ".xlsx",
    "passbook-csv": ".csv",
    "profile:bank-sumsel-babel": ".csv",
    "profile:bsi": ".csv",
}


def layout_for(person: Person) -> str:
    """The layout a participant's statements are rendered in: her product's passbook, or for every
    other one of them her bank's export described by a profile (so both are exercised)."""
    if person.layout in ("bri-pdf", "bni-pdf", "mandiri-pdf"):
        return person.layout
    even = int(person.code[1:]) % 2 == 0 if person.code[1:].isdigit() else False
    if person.layout == "passbook-xlsx":
        return "profile:bank-sumsel-babel" if even else "passbook-xlsx"
    return "profile:bsi" if even else "passbook-csv"


def quarters(lines: Sequence[BankLine], months: int = 3) -> list[tuple[datetime.date, datetime.date]]:
    """Statement periods of `months` months (calendar-aligned) that hold at least one line."""
    out: list[tuple[datetime.date, datetime.date]] = []
    for line in lines:
        first_month = (line.date.month - 1) // months * months + 1
        start = datetime.date(line.date.year, first_month, 1)
        last_month = first_month + months - 1
        end = datetime.date(line.date.year + last_month // 13, (last_month - 1) % 12 + 1, 1)
        end = (end.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
        if not out or out[-1] != (start, end):
            out.append((start, end))
    return out


def in_period(
    lines: Sequence[BankLine], start: datetime.date, end: datetime.date
) -> tuple[Decimal, list[BankLine]]:
    opening = Decimal(0)
    chosen = []
    for line in lines:
        if line.date < start:
            opening = line.balance
        elif line.date <= end:
            chosen.append(line)
    return opening, chosen


def merged(lines: Sequence[BankLine], start: datetime.date, end: datetime.date) -> list[BankLine]:
    """Lines between start and end replaced by one summary line, as a passbook printed late shows."""
    inside = [line for line in lines if start <= line.date <= end]
    if len(inside) < 2:
        return list(lines)
    summary = replace(
        inside[-1],
        code="RKP",
        description=f"RINGKASAN TRANSAKSI {start:%d/%m/%y}-{end:%d/%m/%y}",
        debit=sum((line.debit for line in inside), Decimal(0)),
        credit=sum((line.credit for line in inside), Decimal(0)),
        kind="summary",
        ref="",
    )
    out: list[BankLine] = []
    for line in lines:
        if line is inside[0]:
            out.append(summary)
        elif line not in inside:
            out.append(line)
    return out


def swapped_same_day(lines: Sequence[BankLine]) -> list[BankLine]:
    """The first same-day pair printed in reverse posting order (banks do this)."""
    out = list(lines)
    for index in range(len(out) - 1):
        if out[index].date == out[index + 1].date and out[index].balance != out[index + 1].balance:
            out[index], out[index + 1] = out[index + 1], out[index]
            break
    return out


def _id(value: Decimal, cents: bool) -> str:
    text = f"{int(value):,}".replace(",", ".")
    return text + ",00" if cents else text


def _en(value: Decimal) -> str:
    return f"{int(value):,}.00"


def _cover(person: Person) -> list[list[object]]:
    return [
        ["BUKU TABUNGAN"],
        ["Bank", person.bank],
        ["Produk", person.product],
        ["No Rekening", person.account_number],
        ["Nama Nasabah", person.name],
        [],
    ]


def passbook_xlsx(path: Path, person: Person, lines: Sequence[BankLine]) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Buku Tabungan")
    for row in _cover(person):
        sheet.append(row)
    sheet.append(
        ["No", "Tanggal", "Sandi", "Keterangan", "Mutasi Debet", "Mutasi Kredit", "Saldo", "Pengesahan"]
    )
    for no, line in enumerate(lines, start=1):
        sheet.append(
            [
                no,
                f"{line.date:%d/%m/%y}",
                line.code,
                line.description,
                int(line.debit) if line.debit else None,
                int(line.credit) if line.credit else None,
                int(line.balance),
                f"T{line.ref[-3:]}" if line.ref else "",
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def passbook_csv(path: Path, person: Person, lines: Sequence[BankLine]) -> Path:
    rows: list[list[object]] = _cover(person)
    rows.append(["No", "Tanggal", "Kode", "Keterangan", "Mutasi", "D/K", "Saldo", "Teller"])
    for no, line in enumerate(lines, start=1):
        if line.debit and line.credit:
            # a summary line: its net in one Mutasi column
            net = line.credit - line.debit
            amount, side = abs(net), ("K" if net >= 0 else "D")
        else:
            amount, side = (line.debit, "D") if line.debit else (line.credit, "K")
        rows.append(
            [
                no,
                f"{line.date:%d-%m-%Y}",
                line.code,
                line.description,
                _id(amount, True),
                side,
                _id(line.balance, True),
                f"T{line.ref[-3:]}" if line.ref else "",
            ]
        )
    return _write_csv(path, rows, ",")


def profile_bank_sumsel_babel(
    path: Path, person: Person, lines: Sequence[BankLine], start: datetime.date, end: datetime.date
) -> Path:
    opening, chosen = in_period(lines, start, end)
    rows: list[list[object]] = [
        ["MUTASI REKENING"],
        ["No. Rekening", person.account_number],
        ["Nama", person.name],
        ["Produk", person.product],
        ["Periode", f"{start:%d-%m-%Y} s/d {end:%d-%m-%Y}"],
        [],
        ["Tanggal", "Keterangan", "No. Referensi", "Debet", "Kredit", "Saldo"],
    ]
    for line in chosen:
        rows.append(
            [
                f"{line.date:%d-%m-%Y}",
                line.description,
                line.ref,
                _id(line.debit, True) if line.debit else "",
                _id(line.credit, True) if line.credit else "",
                _id(line.balance, True),
            ]
        )
    closing = chosen[-1].balance if chosen else opening
    rows += [
        [],
        ["", "Saldo Awal", "", _id(opening, True)],
        ["", "Total Debet", "", _id(sum((x.debit for x in chosen), Decimal(0)), True)],
        ["", "Total Kredit", "", _id(sum((x.credit for x in chosen), Decimal(0)), True)],
        ["", "Saldo Akhir", "", _id(closing, True)],
    ]
    return _write_csv(path, rows, ";")


def profile_bsi(
    path: Path, person: Person, lines: Sequence[BankLine], start: datetime.date, end: datetime.date
) -> Path:
    opening, chosen = in_period(lines, start, end)
    closing = chosen[-1].balance if chosen else opening
    rows: list[list[object]] = [
        ["Nomor Rekening", person.account_number],
        ["Nama", person.name],
        ["Periode", f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"],
        ["Saldo Awal", _en(opening)],
        ["Saldo Akhir", _en(closing)],
        ["Tanggal Transaksi", "Deskripsi", "No Referensi", "Nominal", "Jenis", "Saldo"],
    ]
    for line in reversed(chosen):  # newest first, as the bank's history page lists them
        amount, side = (line.debit, "DB") if line.debit else (line.credit, "CR")
        rows.append(
            [f"{line.date:%d/%m/%Y}", line.description, line.ref, _en(amount), side, _en(line.balance)]
        )
    return _write_csv(path, rows, ",")


def _write_csv(path: Path, rows: list[list[object]], delimiter: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        width = max(len(r) for r in rows)
        for row in rows:
            writer.writerow([*row, *[""] * (width - len(row))])
    return path


def render(
    path: Path,
    person: Person,
    lines: Sequence[BankLine],
    start: datetime.date,
    end: datetime.date,
    layout: str,
) -> Path:
    """One statement of `layout` for start..end (passbooks: the lines printed in that period)."""
    path = path.with_suffix(SUFFIX[layout])
    if layout == "passbook-xlsx":
        return passbook_xlsx(path, person, in_period(lines, start, end)[1])
    if layout == "passbook-csv":
        return passbook_csv(path, person, in_period(lines, start, end)[1])
    if layout == "profile:bank-sumsel-babel":
        return profile_bank_sumsel_babel(path, person, lines, start, end)
    if layout == "profile:bsi":
        return profile_bsi(path, person, lines, start, end)
    raise ValueError(f"no passbook or profile renderer for layout {layout!r}")
