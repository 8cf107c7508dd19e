"""`aidledger demo`: books built from a simulated program year, the way a user builds them.

The participant register is rendered as the spreadsheet an institution keeps and imported
(names go to the encrypted register, never into the books); so is every participant's savings
book, as statements in her bank's layout (quarterly, PDFs yearly; one statement overlaps two
periods, so dedupe is exercised), and so are the companions' plans and receipts (with the
receipt scans); what no importer reads yet is rendered straight into entries by
scripts/sim/render_books.py.
"""

from __future__ import annotations

import datetime
import importlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from beancount.core import data

from importers.bank.importers import pdf_importers
from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import books, identity
from ledger.books import BooksPaths
from ledger.create import create_books, new_books_id
from ledger.writer import append_entries
from scripts.parse_ahead import parse_ahead
from scripts.sim import render_books, render_passbooks, render_sheets, render_visits
from scripts.sim.truth import YEAR, BankLine, Person, ProgramYear, simulate


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


def _render_person(
    job: tuple[Person, list[BankLine], list[tuple[datetime.date, datetime.date]], str, Path],
) -> list[Path]:
    person, lines, periods, layout, folder = job
    files = []
    for index, (start, end) in enumerate(periods):
        base = folder / person.code / f"{person.code}-{start:%Y%m}-{end:%m}-{index}"
        if layout.endswith("-pdf"):
            pdf_render: Any = importlib.import_module("scripts.sim.render_statements")
            files.append(pdf_render.render_statement(base.with_suffix(".pdf"), person, lines, start, end))
        else:
            files.append(render_passbooks.render(base, person, lines, start, end, layout))
    return files


def render_statement_files(year: ProgramYear, folder: Path) -> tuple[list[Path], list[data.Directive]]:
    """Each participant's statements in her layout (quarterly; statement PDFs yearly), and one
    statement overlapping two periods of the first participant who has two, rendered on every
    core; plus, as entries, the savings books of layouts whose reader is not present (none once
    every PDF layout has its parser)."""
    from concurrent.futures import ProcessPoolExecutor

    readable = {imp.layout for imp in pdf_importers()}
    try:  # the PDF layouts' renderers
        importlib.import_module("scripts.sim.render_statements")
        pdf_renderers = True
    except ImportError:
        pdf_renderers = False
    jobs = []
    unread: list[data.Directive] = []
    overlap_done = False
    for person in year.people:
        lines = year.lines_of(person.code)
        if not lines:
            continue
        layout = render_passbooks.layout_for(person)
        is_pdf = layout.endswith("-pdf")
        if is_pdf and (not pdf_renderers or layout not in readable):
            unread.extend(render_books.bank_line_entry(line) for line in lines)
            unread.extend(
                a for a in render_books.balance_assertions(year) if a.account.split(":")[2] == person.code
            )
            continue
        # PDFs yearly: reading a PDF page costs ~0.3 s (pdfplumber), so fewer, fuller pages
        # a statement is printed by the last day of the program at the latest
        periods = [
            (start, min(end, year.as_of))
            for start, end in render_passbooks.quarters(lines, 12 if is_pdf else 3)
        ]
        if not overlap_done and len(periods) >= 2:
            periods.append((periods[0][0], periods[1][1]))
            overlap_done = True
        jobs.append((person, lines, periods, layout, folder))
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        rendered = list(pool.map(_render_person, jobs, chunksize=8))
    return [path for paths in rendered for path in paths], unread


def build_demo(
    directory: Path,
    *,
    participants: int = 150,
    seed: int = 2026,
    key: Path | None = None,
    echo: Callable[[str], Any] = print,
    progress: Callable[[Sequence[Path]], Iterable[Path]] | None = None,
) -> DemoResult:
    """Demo books in `directory`; `progress` wraps the statements as they are imported (the
    longest step: the CLI's progress bar)."""
    paths, key_file = _fresh_books(directory, key, echo)

    # the program ends before the day the demo is built (its statements' closing balances are
    # asserted the next day, at the latest today): today's figures are its last ones
    last_day = min(datetime.date(YEAR, 12, 31), datetime.date.today() - datetime.timedelta(days=1))
    year = simulate(participants, seed, as_of=last_day)
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)

    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        sheet = render_sheets.participants_sheet(year, Path(tmp) / "peserta.xlsx")
        _import_checked(paths, [sheet], lambda r: echo(f"imported participant register: {r.written} entries"))

    _import_statements(paths, year, echo, progress)

    # the funders' disbursement lists, one XLSX per batch, imported as the treasurer does; a list
    # explains credits the statements booked as her own deposits, which are reclassified as aid
    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        lists = render_sheets.disbursement_sheets(year, Path(tmp) / "daftar-nominatif")
        reports = _import_checked(paths, lists)
        echo(f"imported {len(lists)} disbursement lists: {sum(r.written for r in reports)} entries")

    # the companions' plans (RAB) and receipts, with the receipt scans, imported like a user does
    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        files = [
            render_sheets.plans_workbook(year, Path(tmp) / "rab.xlsx"),
            render_sheets.receipts_workbook(year, Path(tmp) / "nota.xlsx"),
        ]
        _import_checked(paths, files, lambda r: echo(f"imported {r.path.name}: {r.written} entries"))

    # the companions' progress visits after the aid (some overdue, some businesses closed)
    with tempfile.TemporaryDirectory(prefix="aidledger-demo-") as tmp:
        sheet = render_visits.visits_workbook(year, Path(tmp) / "kunjungan.xlsx")
        _import_checked(paths, [sheet], lambda r: echo(f"imported {r.path.name}: {r.written} visits"))

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


def _import_statements(
    paths: BooksPaths,
    year: ProgramYear,
    echo: Callable[[str], Any],
    progress: Callable[[Sequence[Path]], Iterable[Path]] | None,
) -> None:
    """Every participant's savings book, rendered as her bank's statements and imported (parsed
    ahead on every core); a layout no reader reads yet goes in as entries."""
    # What no importer reads yet is rendered straight into entries; each step below is
    # replaced by rendering the user's files and importing them as the importers arrive.
    with tempfile.TemporaryDirectory(prefix="aidledger-demo-statements-") as tmp:
        files, unread = render_statement_files(year, Path(tmp))
        if unread:
            append_entries(paths, unread, lambda e: paths.journal_file(_journal_kind(e), e.date.year))
        loaded = books.load(paths)
        session = parse_ahead(files, paths.root, loaded.program.account_salt)
        reports = import_files(
            paths, files, all_importers(paths.root), loaded.entries, progress=progress, session=session
        )
    failed = [r.error for r in reports if r.error]
    if failed:
        raise RuntimeError("demo statements do not import: " + "; ".join(str(f) for f in failed[:3]))
    echo(
        f"imported {len(files)} statements: {sum(r.written for r in reports)} entries, "
        f"{sum(len(r.skipped) for r in reports)} lines already in the books"
    )


def _fresh_books(directory: Path, key: Path | None, echo: Callable[[str], Any]) -> tuple[BooksPaths, Path]:
    """New demo books in `directory` with a new identity key: an earlier demo there is replaced,
    books that are not a demo are refused."""
    paths = books.resolve(directory)
    if paths.main.exists():
        if not books.load(paths).program.settings.get("demo"):
            raise FileExistsError(f"{paths.root} holds books that are not a demo; choose another --dir")
        shutil.rmtree(paths.root)  # an earlier demo: build it afresh
        echo(f"replacing the earlier demo in {paths.root}")
    books_id = new_books_id()
    key_file = identity.key_path(key, books_id)
    secret = identity.load_or_create_key(key_file, paths.root)
    paths = create_books(
        paths.root,
        recipient=identity.recipient_of(secret),
        books_id=books_id,
        title="Demo: Bantuan Modal Usaha (simulasi)",
        demo=True,
    )
    echo(f"identity key: {key_file}")
    return paths, key_file


def _import_checked(
    paths: BooksPaths, files: list[Path], each: Callable[[FileReport], Any] | None = None
) -> list[FileReport]:
    """Import rendered files as a user does, `each` called on each file's report in turn; a
    file the demo rendered that does not import is a bug of the demo: raised at the first."""
    reports = import_files(paths, files, all_importers(), books.load(paths).entries)
    for report in reports:
        if report.error:
            raise RuntimeError(report.error)
        if each:
            each(report)
    return reports
