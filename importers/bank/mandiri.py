"""Mandiri statement PDFs: the Livin' e-Statement and the older account statement.

Livin': No | Tanggal | Keterangan | Nominal (IDR) | Saldo (IDR); `01 Jan 2026` with the time
on the next line; Indonesian grouping `80.000.000,50`, debits signed `-5.000.000,00`; the header
block gives Saldo Awal, Dana Masuk, Dana Keluar, Saldo Akhir.

Older: Tanggal/Date | Keterangan/Description | Mutasi/Amount | Saldo/Balance (bilingual
two-line headers); `dd/MM` dates placed in the printed period; `1,234.56 D` for debits (a
credit bare or with K/CR); bilingual totals after the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from importers.bank import pdf
from importers.bank.pdf import Column, Line, normalized
from importers.parsing import ParseError, parse_period, parse_short_date
from importers.statement import Statement, StatementLine
from importers.tables import InputError

LAYOUT = "mandiri-pdf"
LIVIN = (
    Column("no", "No"),
    Column("date", "Tanggal"),
    Column("description", "Keterangan"),
    Column("amount", "Nominal (IDR)"),
    Column("balance", "Saldo (IDR)"),
)
OLD = (
    Column("date", "Tanggal"),
    Column("description", "Keterangan"),
    Column("amount", "Mutasi"),
    Column("balance", "Saldo"),
)
OLD_SUB = (
    Column("date", "Date"),
    Column("description", "Description"),
    Column("amount", "Amount"),
    Column("balance", "Balance"),
)
BOXES = (
    Column("opening", "Saldo Awal"),
    Column("credit", "Dana Masuk"),
    Column("debit", "Dana Keluar"),
    Column("closing", "Saldo Akhir"),
)
# the older layout's bilingual totals; Livin's closing note
_SUMMARY = re.compile(
    r"^(saldo\s+awal\s*/\s*opening\s+balance|dokumen\s+ini\s+dibuat\s+secara\s+elektronik)", re.I
)
_OLD_AMOUNT = re.compile(r"^([\d.,]+)\s*(D|DB|DR|K|CR|C)?$", re.I)


def _layout(lines: Sequence[Line]) -> tuple[str, tuple[Column, ...], pdf.Header] | None:
    for variant, columns in (("livin", LIVIN), ("old", OLD)):
        above, header = pdf.above_table(lines, columns)
        if header is None:
            continue
        words = {normalized(w) for w in above.split()}
        if "mandiri" in words:
            return variant, columns, header
    return None


def identify(path: Path, password: str | None = None) -> bool:
    """A Mandiri statement: the bank's name above the Livin' or the older column header, page 1."""
    return _layout(pdf.first_page_lines(Path(path), password)) is not None


def parse(path: Path, password: str | None = None) -> Statement:
    path = Path(path)
    pages = pdf.read_pages(path, password)
    found = _layout(pages[0].lines)
    if found is None:
        raise InputError(f"{path}:p1", "not a Mandiri statement (Livin' e-Statement or account statement)")
    variant, columns, header = found
    head = pages[0].lines[: pages[0].lines.index(header.line)]
    livin = variant == "livin"
    account = pdf.label_value(head, "No. Rekening")
    if account and not livin:
        account = (account[0].replace("/ Account No.", "").replace(":", "").strip(), account[1])
    if not account or not re.sub(r"\D", "", account[0]):
        raise InputError(f"{path}:p1", "no account number (No. Rekening) in the header")
    statement = Statement(
        path=path, layout=LAYOUT, bank="Mandiri", account_number=account[0].replace(" ", ""), variant=variant
    )
    product = _bilingual(head, "Produk")
    statement.product = product[0] if product else ""
    period = _bilingual(head, "Periode")
    if period:
        try:
            statement.period_start, statement.period_end = parse_period(period[0])
        except ParseError as exc:
            raise InputError(pdf.where(path, period[1]), f"Periode: {exc}") from None
    if not livin and statement.period_start is None:
        raise InputError(f"{path}:p1", "no period (Periode) in the header: the dd/MM dates need its year")
    rows = pdf.table_rows(
        path,
        pages,
        columns,
        starts_row=lambda cells: bool(re.match(r"^\d", cells.get("date", ""))) and "balance" in cells,
        continues=pdf.continuation,
        ends_table=lambda line: bool(_SUMMARY.match(line.text)),
        skip=lambda line: pdf.find_header(line, OLD_SUB) is not None,
    )
    for number, row in enumerate(rows, start=1):
        line, cells = row.line, row.cells
        if livin and cells.get("no") != str(number):
            # Livin' numbers its rows: a gap means a row was lost (or misread)
            raise InputError(pdf.where(path, line), f"row number {cells.get('no', '')!r}, expected {number}")
        if "amount" not in cells:
            raise InputError(pdf.where(path, line), "the amount column is empty")
        if livin:
            signed = pdf.amount(cells["amount"], "id", path, line, "Nominal")
            debit, credit = (-signed, Decimal(0)) if signed < 0 else (Decimal(0), signed)
            day = pdf.date(cells["date"], path, line, "Tanggal")
            when = " ".join(c.get("date", "") for _l, c in row.more)
            balance = pdf.amount(cells["balance"], "id", path, line, "Saldo")
        else:
            debit, credit = _old_amount(cells["amount"], path, line)
            assert statement.period_start and statement.period_end
            try:
                day = parse_short_date(cells["date"], statement.period_start, statement.period_end)
            except ParseError as exc:
                raise InputError(pdf.where(path, line), f"Tanggal: {exc}") from None
            when = ""
            balance = pdf.amount(cells["balance"], "en", path, line, "Saldo")
        statement.lines.append(
            StatementLine(
                date=day,
                description=row.joined("description"),
                debit=debit,
                credit=credit,
                balance=balance,
                location=line.location,
                time=pdf.time_of(when, path, line) if when else None,
            )
        )
    if livin:
        _boxes(path, head, statement)
    else:
        _old_totals(path, pages, statement)
    return statement


def _bilingual(lines: Sequence[Line], label: str) -> tuple[str, Line] | None:
    """A header field, its English label ("Periode / Period :") removed from the value."""
    found = pdf.label_value(lines, label)
    if found is None:
        return None
    value = re.sub(r"^/\s*[A-Za-z. ]+?\s*:\s*", "", found[0])
    return value.strip(), found[1]


def _old_amount(text: str, path: Path, line: Line) -> tuple[Decimal, Decimal]:
    match = _OLD_AMOUNT.match(text.strip())
    if not match:
        raise InputError(
            pdf.where(path, line), f"Mutasi: unreadable amount {text!r} (expected 1,234.56 or 1,234.56 D)"
        )
    value = pdf.amount(match.group(1), "en", path, line, "Mutasi")
    if (match.group(2) or "").upper() in ("D", "DB", "DR"):
        return value, Decimal(0)
    return Decimal(0), value


def _boxes(path: Path, head: Sequence[Line], statement: Statement) -> None:
    """Livin's summary boxes: labels in a row, amounts on the row below."""
    for index, line in enumerate(head):
        boxes = pdf.find_header(line, BOXES)
        if boxes is None:
            continue
        for below in head[index + 1 : index + 3]:
            cells = boxes.cells(below)
            if set(cells) == {"opening", "credit", "debit", "closing"}:
                statement.opening_balance = pdf.amount(cells["opening"], "id", path, below, "Saldo Awal")
                statement.total_credit = abs(pdf.amount(cells["credit"], "id", path, below, "Dana Masuk"))
                statement.total_debit = abs(pdf.amount(cells["debit"], "id", path, below, "Dana Keluar"))
                statement.closing_balance = pdf.amount(cells["closing"], "id", path, below, "Saldo Akhir")
                return
        raise InputError(pdf.where(path, line), "Saldo Awal ... Saldo Akhir without their amounts")


def _old_totals(path: Path, pages: Sequence[pdf.Page], statement: Statement) -> None:
    lines = [line for page in reversed(pages) for line in reversed(page.lines)]
    labels = {
        "opening_balance": "Saldo Awal",
        "total_debit": "Mutasi Debet",
        "total_credit": "Mutasi Kredit",
        "closing_balance": "Saldo Akhir",
    }
    for attribute, label in labels.items():
        found = pdf.label_value(lines, label)
        if found is None:
            continue
        text = found[0].rsplit(":", 1)[-1].strip()
        setattr(statement, attribute, pdf.amount(text, "en", path, found[1], label))
