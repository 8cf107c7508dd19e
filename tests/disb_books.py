"""Test helpers: books of a simulated year with the disbursement lists imported as files.

The bank lines are booked the way a statement booking step does (bankcore's
importers/booking.py): a credit a list explains is aid (linked to the row), else the rule table
decides by description ("BANTUAN" is aid), else it is her own deposit.
"""

from __future__ import annotations

from pathlib import Path

from beancount.core import data
from beancount.core.amount import Amount

from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import accounts, books, identity
from ledger import disbursements as disb
from ledger.books import BooksPaths
from ledger.create import create_books
from ledger.money import IDR
from ledger.writer import append_entries
from scripts.sim import render_books, render_sheets
from scripts.sim.truth import BankLine, ProgramYear

_DEBIT_SIDE = {
    "withdrawal": accounts.cash,
    "admin-fee": accounts.bank_charges,
    "tax": accounts.tax,
    "unknown": accounts.suspense,
}


def registered_books(root: Path, year: ProgramYear) -> BooksPaths:
    """New books with the program records and the participant register imported."""
    secret = identity.load_or_create_key(root / "key")
    paths = create_books(root / "books", recipient=identity.recipient_of(secret))
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    sheet = render_sheets.participants_sheet(year, root / "peserta.xlsx")
    reports = import_files(paths, [sheet], all_importers(), books.load(paths).entries)
    assert all(r.ok for r in reports), [r.error for r in reports]
    return paths


def import_lists(
    paths: BooksPaths, year: ProgramYear, folder: Path, suffix: str = ".xlsx"
) -> list[FileReport]:
    sheets = render_sheets.disbursement_sheets(year, folder, suffix)
    reports = import_files(paths, sheets, all_importers(), books.load(paths).entries)
    assert all(r.ok for r in reports), [r.error for r in reports]
    return reports


def booked_line(line: BankLine, counter: str, link: str | None) -> data.Transaction:
    signed = line.credit - line.debit
    meta: data.Meta = {
        "filename": "statement",
        "lineno": 0,
        "source": f"statement-{line.participant}",
        "import-key": f"bank:{line.participant}:{line.ref}",
    }
    if link:
        meta[disb.META_LINK] = link
    return data.Transaction(
        meta,
        line.date,
        "*",
        line.code,
        line.description,
        frozenset(),
        frozenset(),
        [
            data.Posting(accounts.savings(line.participant), Amount(signed, IDR), None, None, None, None),
            data.Posting(counter, Amount(-signed, IDR), None, None, None, None),
        ],
    )


def book_statements(paths: BooksPaths, year: ProgramYear) -> list[data.Transaction]:
    """Book every bank line as a statement booking would, calling the disbursement hook."""
    matcher = disb.Matcher(books.load(paths).entries)
    out = []
    for line in year.bank_lines:
        code = line.participant
        if line.credit > 0 and line.kind != "interest" and line.kind != "unknown":
            row = matcher.explain(code, line.date, line.credit)
            if row is not None:
                out.append(booked_line(line, accounts.transit(code), row.key))
            elif "BANTUAN" in line.description:
                out.append(booked_line(line, accounts.transit(code), None))
            else:
                out.append(booked_line(line, accounts.own_funds(code), None))
        elif line.kind == "interest":
            out.append(booked_line(line, accounts.interest(code), None))
        else:
            out.append(booked_line(line, _DEBIT_SIDE[line.kind](code), None))
    append_entries(paths, out, lambda e: paths.journal_file("bank", e.date.year))
    return out
