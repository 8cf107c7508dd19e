"""Books for the bank-statement tests: a simulated year's records and participants (with the
salted hash of each invented account number), lists already in, no bank lines yet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from beancount.core import data

from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import accountno, accounts, books
from ledger.books import BooksPaths
from ledger.create import create_books
from ledger.writer import append_entries
from scripts.sim import render_books
from scripts.sim.truth import ProgramYear
from tests.books_text import recipient_for_tests


def bank_books(root: Path, year: ProgramYear, *, lists: bool = True) -> BooksPaths:
    paths = create_books(root, recipient=recipient_for_tests())
    salt = books.load(paths).program.account_salt
    people = render_books.registration(year, lambda p: accountno.account_hash(p.account_number, salt))
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    append_entries(paths, people, lambda e: paths.participants)
    if lists:
        append_entries(
            paths, render_books.disbursement_entries(year), lambda e: paths.journal_file("disb", e.date.year)
        )
    return paths


def run_import(paths: BooksPaths, files: list[Path], **options: object) -> list[FileReport]:
    loaded = books.load(paths)
    return import_files(paths, files, all_importers(paths.root), loaded.entries, **options)  # type: ignore[arg-type]


def savings_balances(paths: BooksPaths) -> dict[str, Decimal]:
    loaded = books.load(paths)
    assert loaded.errors == [], [e.message for e in loaded.errors[:5]]
    out: dict[str, Decimal] = {}
    for entry in loaded.entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                parsed = accounts.parse_aid_account(posting.account)
                if parsed and parsed.role == accounts.SAVINGS and posting.units is not None:
                    number = posting.units.number
                    assert number is not None
                    out[parsed.participant] = out.get(parsed.participant, Decimal(0)) + number
    return out


def bank_transactions(paths: BooksPaths) -> list[data.Transaction]:
    return [
        e
        for e in books.load(paths).entries
        if isinstance(e, data.Transaction)
        and "import-key" in e.meta
        and str(e.meta["import-key"]).startswith("bank:")
    ]


def journal_text(paths: BooksPaths) -> str:
    return "".join(p.read_text() for p in sorted(paths.journal.glob("*.beancount")))
