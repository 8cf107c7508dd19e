"""BRI "Laporan Transaksi Finansial" (BRImo / IBBIZ; BritAma, Simpedes) statement PDFs.

Columns Tanggal Transaksi | Uraian Transaksi | Teller (User ID) | Debet | Kredit | Saldo, with an
English sub-header; dates `dd/MM/yy HH:MM:SS`; amounts `5,000,000.00` with `0.00` on the unused
side; descriptions wrap onto following lines. The header block gives Tanggal Laporan, Periode
Transaksi, No. Rekening, Nama Produk, Valuta, Unit Kerja; the last page ends with Saldo Awal,
Total Transaksi Debet, Total Transaksi Kredit, Saldo Akhir and the amount in words (Terbilang).
"""

from __future__ import annotations

import re
from pathlib import Path

from importers.bank import pdf
from importers.bank.pdf import Column, Line, normalized
from importers.parsing import ParseError, parse_period
from importers.statement import Statement, StatementLine
from importers.tables import InputError

LAYOUT = "bri-pdf"
TITLE = "laporantransaksifinansial"
COLUMNS = (
    Column("date", "Tanggal Transaksi"),
    Column("description", "Uraian Transaksi"),
    Column("teller", "Teller"),
    Column("debit", "Debet"),
    Column("credit", "Kredit"),
    Column("balance", "Saldo"),
)
SUB_HEADER = (
    Column("date", "Transaction Date"),
    Column("debit", "Debit"),
    Column("credit", "Credit"),
    Column("balance", "Balance"),
)
SUMMARY = (
    Column("opening", "Saldo Awal"),
    Column("debit", "Total Transaksi Debet"),
    Column("credit", "Total Transaksi Kredit"),
    Column("closing", "Saldo Akhir"),
)
_ROW_START = re.compile(r"^\d")


def identify(path: Path, password: str | None = None) -> bool:
    """A BRI statement: its title above a table with BRI's column header, on page 1.

    Never raises; an encrypted PDF is recognised only with its password.
    """
    above, header = pdf.above_table(pdf.first_page_lines(Path(path), password), COLUMNS)
    return header is not None and TITLE in normalized(above)


def _ends(line: Line) -> bool:
    return pdf.find_header(line, SUMMARY) is not None


def parse(path: Path, password: str | None = None) -> Statement:
    path = Path(path)
    pages = pdf.read_pages(path, password)
    above, header = pdf.above_table(pages[0].lines, COLUMNS)
    if header is None or TITLE not in normalized(above):
        raise InputError(f"{path}:p1", "not a BRI 'Laporan Transaksi Finansial' statement")
    head = pages[0].lines[: pages[0].lines.index(header.line)]
    statement = Statement(path=path, layout=LAYOUT, bank="BRI", account_number=_account(path, head))
    product = pdf.label_value(head, "Nama Produk")
    statement.product = product[0] if product else ""
    period = pdf.label_value(head, "Periode Transaksi")
    if period:
        try:
            statement.period_start, statement.period_end = parse_period(period[0])
        except ParseError as exc:
            raise InputError(pdf.where(path, period[1]), f"Periode Transaksi: {exc}") from None
    rows = pdf.table_rows(
        path,
        pages,
        COLUMNS,
        starts_row=lambda cells: bool(_ROW_START.match(cells.get("date", ""))) and "balance" in cells,
        continues=lambda cells: set(cells) <= {"description"},
        ends_table=_ends,
        skip=lambda line: pdf.find_header(line, SUB_HEADER) is not None,
    )
    for row in rows:
        line, cells = row.line, row.cells
        for key in ("debit", "credit", "balance"):
            if not cells.get(key):
                raise InputError(pdf.where(path, line), f"{key} column is empty")
        debit, credit = pdf.one_side(
            pdf.amount(cells["debit"], "en", path, line, "Debet"),
            pdf.amount(cells["credit"], "en", path, line, "Kredit"),
            path,
            line,
        )
        statement.lines.append(
            StatementLine(
                date=pdf.date(cells["date"], path, line, "Tanggal Transaksi"),
                description=row.joined("description"),
                debit=debit,
                credit=credit,
                balance=pdf.amount(cells["balance"], "en", path, line, "Saldo"),
                location=line.location,
                code=cells.get("teller", ""),
                time=pdf.time_of(cells["date"], path, line),
            )
        )
    _summary(path, pages, statement)
    return statement


def _account(path: Path, head: list[Line]) -> str:
    found = pdf.label_value(head, "No. Rekening")
    if not found or not re.sub(r"\D", "", found[0]):
        raise InputError(f"{path}:p1", "no account number (No. Rekening) in the header")
    return found[0].replace(" ", "")


def _summary(path: Path, pages: list[pdf.Page], statement: Statement) -> None:
    """Saldo Awal, totals and Saldo Akhir: labels in a row, values on the next row with numbers.

    Looked for from the bottom of the last page up: the summary follows the table, so a
    description holding the same words never stands in for it.
    """
    page = pages[-1]
    for index in range(len(page.lines) - 1, -1, -1):
        line = page.lines[index]
        header = pdf.find_header(line, SUMMARY)
        if header is None:
            continue
        for below in page.lines[index + 1 : index + 4]:
            cells = header.cells(below)
            if all(
                re.match(r"^-?[\d.,]+$", cells.get(k, "")) for k in ("opening", "debit", "credit", "closing")
            ):
                statement.opening_balance = pdf.amount(cells["opening"], "en", path, below, "Saldo Awal")
                statement.total_debit = pdf.amount(cells["debit"], "en", path, below, "Total Transaksi Debet")
                statement.total_credit = pdf.amount(
                    cells["credit"], "en", path, below, "Total Transaksi Kredit"
                )
                statement.closing_balance = pdf.amount(cells["closing"], "en", path, below, "Saldo Akhir")
                return
        raise InputError(pdf.where(path, line), "the summary (Saldo Awal ... Saldo Akhir) has no amounts")
