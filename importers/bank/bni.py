"""BNI "Laporan Mutasi Rekening" statement PDFs: the wondr layout and the older one.

wondr (Taplus): Tanggal & Waktu | Rincian Transaksi | Nominal (IDR) | Saldo (IDR); the date
`02 Jan 2026` with the time `05:31:09 WIB` on the next line; signed whole rupiah `+1,000,000` /
`-25,000`; "Periode: 1 - 31 Januari 2026" (or several months); summary Saldo Awal, Total
Pemasukan, Total Pengeluaran, Saldo Akhir.

Older: Tgl Trans | Uraian | Debet | Kredit | Saldo, split amounts `1,000,000.00` with the unused
side blank or `0.00`; summary Saldo Awal, Total Debet, Total Kredit, Saldo Akhir.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from importers.bank import pdf
from importers.bank.pdf import Column, Line, normalized
from importers.parsing import ParseError, parse_period
from importers.statement import Statement, StatementLine
from importers.tables import InputError

LAYOUT = "bni-pdf"
TITLE = "laporanmutasirekening"
WONDR = (
    Column("date", "Tanggal & Waktu"),
    Column("description", "Rincian Transaksi"),
    Column("amount", "Nominal (IDR)"),
    Column("balance", "Saldo (IDR)"),
)
OLD = (
    Column("date", "Tgl Trans"),
    Column("description", "Uraian"),
    Column("debit", "Debet"),
    Column("credit", "Kredit"),
    Column("balance", "Saldo"),
)
_ROW_START = re.compile(r"^\d")
_SUMMARY = re.compile(r"^(ringkasan$|saldo\s+awal\s*:)", re.I)  # wondr's heading; the older label


def _is_bni(text: str) -> bool:
    words = {normalized(w) for w in text.split()}
    return "bni" in words or "banknegaraindonesia" in normalized(text)


def _layout(lines: Sequence[Line]) -> tuple[str, tuple[Column, ...], pdf.Header] | None:
    for variant, columns in (("wondr", WONDR), ("old", OLD)):
        above, header = pdf.above_table(lines, columns)
        if header is not None and TITLE in normalized(above) and _is_bni(above):
            return variant, columns, header
    return None


def identify(path: Path, password: str | None = None) -> bool:
    """A BNI statement: its title and the bank's name above one of the two column headers."""
    return _layout(pdf.first_page_lines(Path(path), password)) is not None


def parse(path: Path, password: str | None = None) -> Statement:
    path = Path(path)
    pages = pdf.read_pages(path, password)
    found = _layout(pages[0].lines)
    if found is None:
        raise InputError(f"{path}:p1", "not a BNI 'Laporan Mutasi Rekening' statement")
    variant, columns, header = found
    head = pages[0].lines[: pages[0].lines.index(header.line)]
    account = pdf.label_value(head, "No. Rekening")
    if not account or not re.sub(r"\D", "", account[0]):
        raise InputError(f"{path}:p1", "no account number (No. Rekening) in the header")
    statement = Statement(
        path=path, layout=LAYOUT, bank="BNI", account_number=account[0].replace(" ", ""), variant=variant
    )
    product = pdf.label_value(head, "Produk") or pdf.label_value(head, "Jenis Produk")
    statement.product = product[0] if product else ""
    period = pdf.label_value(head, "Periode")
    if period:
        try:
            statement.period_start, statement.period_end = parse_period(period[0])
        except ParseError as exc:
            raise InputError(pdf.where(path, period[1]), f"Periode: {exc}") from None
    wondr = variant == "wondr"
    rows = pdf.table_rows(
        path,
        pages,
        columns,
        starts_row=lambda cells: bool(_ROW_START.match(cells.get("date", ""))) and "balance" in cells,
        continues=pdf.continuation,
        ends_table=lambda line: bool(_SUMMARY.match(line.text)),
    )
    for row in rows:
        line, cells = row.line, row.cells
        if wondr:
            signed = pdf.amount(_required(cells, "amount", path, line), "en", path, line, "Nominal")
            debit, credit = (-signed, Decimal(0)) if signed < 0 else (Decimal(0), signed)
            when = " ".join(c.get("date", "") for _l, c in row.more)
        else:
            debit, credit = pdf.one_side(
                pdf.amount(cells.get("debit") or "0", "en", path, line, "Debet"),
                pdf.amount(cells.get("credit") or "0", "en", path, line, "Kredit"),
                path,
                line,
            )
            if not cells.get("debit") and not cells.get("credit"):
                raise InputError(pdf.where(path, line), "neither Debet nor Kredit is printed")
            when = cells["date"]
        statement.lines.append(
            StatementLine(
                date=pdf.date(cells["date"], path, line, "Tanggal"),
                description=row.joined("description"),
                debit=debit,
                credit=credit,
                balance=pdf.amount(cells["balance"], "en", path, line, "Saldo"),
                location=line.location,
                time=pdf.time_of(when, path, line) if when else None,
            )
        )
    _summary(path, pages, statement, wondr)
    return statement


def _required(cells: dict[str, str], key: str, path: Path, line: Line) -> str:
    if not cells.get(key):
        raise InputError(pdf.where(path, line), f"{key} column is empty")
    return cells[key]


def _summary(path: Path, pages: list[pdf.Page], statement: Statement, wondr: bool) -> None:
    # the summary follows the table: search from the end, so a description never stands in for it
    lines = [line for page in reversed(pages) for line in reversed(page.lines)]
    labels = {
        "opening_balance": "Saldo Awal",
        "total_credit": "Total Pemasukan" if wondr else "Total Kredit",
        "total_debit": "Total Pengeluaran" if wondr else "Total Debet",
        "closing_balance": "Saldo Akhir",
    }
    for attribute, label in labels.items():
        found = pdf.label_value(lines, label)
        if found is None:
            continue
        value = pdf.amount(found[0], "en", path, found[1], label)
        setattr(statement, attribute, abs(value) if attribute.startswith("total") else value)
