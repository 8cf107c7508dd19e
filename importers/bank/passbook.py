"""Passbook transcriptions: a printed buku tabungan typed (or exported) by a companion, CSV or XLSX.

Above the table a small block copies the passbook's cover: Bank, Produk, No Rekening (and Nama
Nasabah, which is never read). The table: (No), Tanggal, Sandi/Kode, (Keterangan), Mutasi Debet
and Mutasi Kredit, or one Mutasi column with a D/K column, Saldo, (Pengesahan/Teller). Dates
dd/MM/yy or dd-MM-yyyy; amounts 1.234.567 or 1.234.567,00 (the column's separators are guessed
from all its values). A summary line that merges months may carry both a debit and a credit total.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from importers.bank.sheets import (
    CREDIT_MARKS,
    DEBIT_MARKS,
    account_digits,
    cover_values,
    direction_of,
    guess_separators,
    parse_day,
    parse_number,
    relative_location,
)
from importers.messages import tr
from importers.parsing import ParseError, parse_date
from importers.statement import Statement, StatementLine
from importers.tables import Column, InputError, Row, RowErrors, Table, TableSpec, find_tables
from importers.tables import identify as table_identify
from ledger.money import ZERO

LAYOUT = "passbook"

SPEC = TableSpec(
    "passbook",
    (
        Column("no", ("No", "No.", "Nomor", "No Urut"), required=False),
        Column("date", ("Tanggal", "Tgl", "Date", "Tgl Transaksi")),
        Column("code", ("Sandi", "Kode", "Sandi Transaksi", "Kode Transaksi", "Code")),
        Column("description", ("Keterangan", "Uraian", "Description"), required=False),
        Column("debit", ("Mutasi Debet", "Mutasi Debit", "Debet", "Debit"), required=False),
        Column("credit", ("Mutasi Kredit", "Kredit", "Credit"), required=False),
        Column("amount", ("Mutasi", "Jumlah", "Nominal", "Amount"), required=False),
        Column("direction", ("D/K", "DK", "Db/Kr", "D/C", "Debet/Kredit"), required=False),
        Column("balance", ("Saldo", "Balance")),
        Column("teller", ("Pengesahan", "Teller", "Paraf", "Validasi"), required=False),
    ),
    totals=False,
)

COVER = {
    "bank": ("Bank", "Nama Bank"),
    "product": ("Produk", "Jenis Tabungan", "Product"),
    "account": ("No Rekening", "Nomor Rekening", "No. Rek", "Rekening", "Account Number", "No Rek"),
}


def _shape(table: Table) -> str | None:
    if {"debit", "credit"} <= table.keys:
        return "split"
    if {"amount", "direction"} <= table.keys:
        return "direction"
    return None


def identify(path: Path) -> bool:
    """A passbook table (header with Tanggal, Sandi/Kode, Saldo and debit/credit or Mutasi + D/K)."""
    if not table_identify(path, SPEC):
        return False
    try:
        return any(_shape(t) for t in find_tables(path, SPEC, header_only=True))
    except (InputError, OSError):
        return False


def parse(path: Path | str, password: str | None = None) -> Statement:
    """The passbook as a Statement (password unused: spreadsheets are not encrypted)."""
    del password
    path = Path(path)
    tables = [t for t in find_tables(path, SPEC) if _shape(t)]
    if not tables:
        raise InputError(str(path), "no passbook table (Tanggal, Sandi, Mutasi Debet/Kredit, Saldo) found")
    table = tables[0]
    cover = cover_values(table.above, COVER)
    statement = Statement(
        path=path,
        layout=LAYOUT,
        bank=str(cover.get("bank") or ""),
        account_number=account_digits(cover.get("account"), table.header_location),
        product=str(cover.get("product") or ""),
    )
    if not any(t.rows for t in tables):
        raise InputError(table.header_location, "the passbook table has no lines")
    errors = RowErrors(path)  # every bad line at once, as for the other spreadsheets
    for page in tables:  # a passbook typed page by page, a sheet each ("Hal 1", "Hal 2"): all read
        _same_account(page, statement.account_number, errors)
        shape = _shape(page)
        keys = ("debit", "credit", "balance") if shape == "split" else ("amount", "balance")
        decimal, thousands = guess_separators(row.values.get(k) for row in page.rows for k in keys)
        for row in page.rows:
            with errors.guard():
                statement.lines.append(_line(path, row, shape, decimal, thousands))
    errors.check()
    return statement


def _same_account(page: Table, account: str, errors: RowErrors) -> None:
    """A later sheet that copies the cover again must copy the same account number."""
    number = cover_values(page.above, COVER).get("account")
    if number is not None and re.sub(r"\D", "", str(number)) != account:
        errors.add(InputError(page.header_location, tr("another account's passbook in the same file")))


def _number(row: Row, key: str, decimal: str, thousands: str) -> Decimal | None:
    value: Any = row.values.get(key)
    if value is None or str(value).strip() in ("", "-"):
        return None
    try:
        return parse_number(value, decimal, thousands)
    except ParseError as exc:
        raise InputError(row.location, f"{key}: {exc}") from None


def _line(path: Path, row: Row, shape: str | None, decimal: str, thousands: str) -> StatementLine:
    raw_date = row.values.get("date")
    if raw_date is None or str(raw_date).strip() == "":
        raise InputError(row.location, "date (Tanggal) is empty")
    try:
        if isinstance(raw_date, (int, float)) and not isinstance(raw_date, bool):
            date = parse_date(raw_date)  # a date cell left unformatted: Excel's day serial
        else:
            date = parse_day(raw_date, ("%d/%m/%y", "%d/%m/%Y", "%d-%m-%Y", "%d-%m-%y"))
    except ParseError as exc:
        raise InputError(row.location, f"date: {exc}") from None
    if shape == "split":
        debit = _number(row, "debit", decimal, thousands) or ZERO
        credit = _number(row, "credit", decimal, thousands) or ZERO
    else:
        amount = _number(row, "amount", decimal, thousands) or ZERO
        side = direction_of(row.values.get("direction"), DEBIT_MARKS, CREDIT_MARKS)
        if side is None and amount:
            raise InputError(row.location, f"D/K: expected D or K, got {row.text('direction')!r}")
        debit, credit = (abs(amount), ZERO) if side == "debit" else (ZERO, abs(amount))
    if debit < 0 or credit < 0:
        raise InputError(row.location, "a debit or credit amount is negative")
    balance = _number(row, "balance", decimal, thousands)
    if balance is None:
        raise InputError(row.location, "balance (Saldo) is empty")
    return StatementLine(
        date=date,
        description=row.text("description") or row.text("code"),
        debit=debit,
        credit=credit,
        balance=balance,
        location=relative_location(path, row),
        code=row.text("code").upper(),
        reference=row.text("teller"),
    )
