"""`aidledger demo`: books built from a simulated program year, the way a user builds them.

The participant register is rendered as the spreadsheet an institution keeps and imported
(names go to the encrypted register, never into the books), and so are the companions' plans
and receipts (with the receipt scans); what no importer reads yet is rendered straight into
entries by scripts/sim/render_books.py.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beancount.core import data

from importers.pipeline import import_files
from importers.registry import all_importers
from ledger import books, identity
from ledger.books import BooksPaths
from ledger.create import create_books, new_books_id
from ledger.writer import append_entries
from scripts.sim import render_books, render_sheets
from scripts.sim.truth import ProgramYear, simulate


@dataclass
class DemoResult:
    paths: BooksPaths
    year: ProgramYear
    key_file: Path
    summary: dict[str, Any] = field(default_factory=dict)


def _journal_kind(entry: data.Directive) -> str:
    if isinstance(entry, data.Custom):
        return "plans"
    if isinstance(entry, data.Transaction):
        if "receipt" in entry.meta:
            return "receipts"
        if "batch" in entry.meta:
            return "disbursements"
        return "bank"
    if isinstance(entry, data.Open):
        return "receipts"
    return "bank"


def build_demo(
    directory: Path,
    *,
    participants: int = 150,
    seed: int = 2026,
    key: Path | None = None,
    echo: Callable[[str], Any] = print,
) -> DemoResult:
    paths = books.resolve(directory)
    if paths.main.exists():
        if not books.load(paths).program.settings.get("demo"):
            raise FileExistsError(f"{paths.root} holds books that are not a demo; choose another --dir")
        shutil.rmtree(paths.root)  # an earlier demo: build it afresh
        echo(f"replacing the earlier demo in {paths.root}")
    books_id = new_books_id()
    key_file = identity.key_path(key, books_id)
    secret = identity.load_or_create_key(key_file)
    paths = create_books(
        paths.root,
        recipient=identity.recipient_of(secret),
        books_id=books_id,
        title="Demo: Bantuan Modal Usaha (simulasi)",
        demo=True,
    )
    echo(f"identity key: {key_file}")

    year = simulate(participants, seed)
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)

    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        sheet = render_sheets.participants_sheet(year, Path(tmp) / "peserta.xlsx")
        loaded = books.load(paths)
        reports = import_files(paths, [sheet], all_importers(), loaded.entries)
        for report in reports:
            if report.error:
                raise RuntimeError(report.error)
            echo(f"imported participant register: {report.written} entries")

    # What no importer reads yet is rendered straight into entries; each step below is
    # replaced by rendering the user's files and importing them as the importers arrive.
    movements = [
        *render_books.disbursement_entries(year),
        *render_books.bank_entries(year),
    ]
    append_entries(paths, movements, lambda e: paths.journal_file(_journal_kind(e), e.date.year))

    # the companions' plans (RAB) and receipts, with the receipt scans, imported like a user does
    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        files = [
            render_sheets.plans_workbook(year, Path(tmp) / "rab.xlsx"),
            render_sheets.receipts_workbook(year, Path(tmp) / "nota.xlsx"),
        ]
        reports = import_files(paths, files, all_importers(), books.load(paths).entries)
        for report in reports:
            if report.error:
                raise RuntimeError(report.error)
            echo(f"imported {report.path.name}: {report.written} entries")

    loaded = books.load(paths)
    if loaded.errors:
        raise RuntimeError("demo books do not check: " + "; ".join(e.message for e in loaded.errors[:5]))
    summary = {
        "books": str(paths.main),
        "participants": len(loaded.program.participants),
        "transactions": sum(isinstance(e, data.Transaction) for e in loaded.entries),
        "planted_anomalies": len(year.anomalies),
    }
    return DemoResult(paths, year, key_file, summary)
