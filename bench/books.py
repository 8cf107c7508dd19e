"""Synthetic books of a given size for the benchmarks, written as real files.

Participants are registered directly (no spreadsheet, no scrypt per person) so that building
100k-transaction books stays quick; everything else is the simulator's truth rendered by
scripts/sim/render_books.py, the same entries the demo holds.
"""

from __future__ import annotations

from pathlib import Path

import pyrage
from beancount.core import data

from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import accountno, books, identity
from ledger.books import BooksPaths
from ledger.create import create_books
from ledger.writer import append_entries
from scripts.sim import render_books
from scripts.sim.truth import ProgramYear, simulate

TRANSACTIONS_PER_PARTICIPANT = 26.5  # what the simulator makes on average


def participants_for(transactions: int) -> int:
    return max(1, round(transactions / TRANSACTIONS_PER_PARTICIPANT))


def build_books(root: Path, participants: int, seed: int = 2026) -> tuple[BooksPaths, ProgramYear]:
    recipient = identity.recipient_of(pyrage.x25519.Identity.generate())
    paths = create_books(root, recipient=recipient, title=f"bench {participants} participants")
    year = simulate(participants, seed)
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    append_entries(
        paths,
        render_books.registration(year, lambda p: f"bench:{p.code}", "bench"),
        lambda e: paths.participants,
    )
    append_entries(
        paths,
        render_books.movement_entries(year),
        lambda e: paths.journal_file("bench", e.date.year),
    )
    return paths, year


def count_transactions(paths: BooksPaths) -> int:
    loaded = books.load(paths)
    return sum(isinstance(e, data.Transaction) for e in loaded.entries)


def statement_books(root: Path, year: ProgramYear) -> BooksPaths:
    """Books ready for a year's bank statements: records, participants registered with the salted
    hash of their invented account numbers, the lists in, no bank lines yet."""
    recipient = identity.recipient_of(pyrage.x25519.Identity.generate())
    paths = create_books(root, recipient=recipient)
    salt = books.load(paths).program.account_salt
    people = render_books.registration(year, lambda p: accountno.account_hash(p.account_number, salt))
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    append_entries(paths, people, lambda e: paths.participants)
    append_entries(
        paths, render_books.disbursement_entries(year), lambda e: paths.journal_file("disb", e.date.year)
    )
    return paths


def run_import(paths: BooksPaths, files: list[Path]) -> list[FileReport]:
    """`aidledger import` of the files into the books, as the command runs it."""
    loaded = books.load(paths)
    return import_files(paths, files, all_importers(paths.root), loaded.entries)
