"""Every kind of spreadsheet, laid out the ways people type it (scripts/sim/sheet_variants.py),
imports to the same entries as the plain sheet the simulator renders; a variant with a wrong
total, a row of an unknown participant or an impossible date is refused naming the row."""

from __future__ import annotations

import datetime
import functools
import tempfile
from pathlib import Path
from typing import Any

import pytest
from beancount.core import data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import books
from ledger.create import create_books
from ledger.writer import append_entries
from scripts.sim import render_books, render_sheets
from scripts.sim.sheet_variants import AMOUNT_FORMS, DATE_FORMS, Variant, write
from scripts.sim.truth import ProgramYear, simulate
from tests.books_text import recipient_for_tests

KINDS = ("participants", "disbursements", "plans", "receipts")
LOCATION_META = ("filename", "lineno", "source")


@functools.cache
def world() -> tuple[ProgramYear, Path]:
    """A small simulated year and a folder for its sheets (the scans sit beside them)."""
    return simulate(6, seed=3), Path(tempfile.mkdtemp(prefix="aidledger-variants-"))


@functools.cache
def existing(kind: str) -> tuple[books.BooksPaths, tuple[data.Directive, ...]]:
    """Books that hold what a sheet of `kind` needs first (nobody, for the register)."""
    year, folder = world()
    paths = create_books(folder / f"books-{kind}", recipient=recipient_for_tests())
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    if kind != "participants":
        people = render_books.registration(year, lambda p: "-")
        append_entries(paths, people, lambda e: paths.participants)
    if kind == "receipts":
        append_entries(paths, render_books.plan_directives(year), lambda e: paths.journal_file("plans", 2026))
    return paths, tuple(books.load(paths).entries)


def plain(kind: str) -> tuple[list[str], list[list[Any]], str | None]:
    """The simulator's sheet of `kind`: headers, rows, and the money column a total adds up."""
    from importers import disbursements, participants, plans, receipts

    year, folder = world()
    if kind == "participants":
        return participants.SPEC.template_headers("id"), render_sheets.participant_rows(year), None
    if kind == "disbursements":
        return (
            disbursements.TEMPLATE_SPEC.template_headers("id"),
            render_sheets.disbursement_rows(year),
            "Jumlah",
        )
    if kind == "plans":
        return plans.SPEC.template_headers("id"), render_sheets.plan_rows(year), "Jumlah"
    return receipts.SPEC.template_headers("id"), render_sheets.receipt_rows(year, folder), "Jumlah"


def imported(kind: str, sheet: Path) -> FileReport:
    paths, entries = existing(kind)
    (report,) = import_files(paths, [sheet], all_importers(), list(entries), dry_run=True)
    return report


def meaning(entries: list[data.Directive]) -> list[str]:
    """The entries without where they were read from (file, sheet, row)."""
    out = []
    for entry in entries:
        meta = {k: v for k, v in (entry.meta or {}).items() if k not in LOCATION_META}
        out.append(repr(entry._replace(meta=meta)))
    return sorted(out)


@functools.cache
def plain_meaning(kind: str) -> list[str]:
    headers, rows, money = plain(kind)
    report = imported(kind, write(world()[1] / f"plain-{kind}", headers, rows, Variant(), money=money))
    assert report.error is None, report.error
    assert report.entries
    return meaning(report.entries)


variants = st.builds(
    Variant,
    title_rows=st.integers(0, 3),
    number_column=st.booleans(),
    spelling=st.integers(-1, 3),
    upper_case=st.booleans(),
    total_row=st.booleans(),
    signatures=st.booleans(),
    amount_form=st.integers(-1, len(AMOUNT_FORMS) - 1),
    date_form=st.integers(-1, len(DATE_FORMS) - 1),
    blank_rows=st.booleans(),
    merged=st.booleans(),
    cover_sheet=st.booleans(),
    suffix=st.sampled_from([".xlsx", ".csv"]),
)
SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("kind", KINDS)
@SETTINGS
@given(variant=variants)
def test_every_variant_imports_to_the_plain_sheets_entries(kind: str, variant: Variant) -> None:
    headers, rows, money = plain(kind)
    sheet = write(world()[1] / f"variant-{kind}", headers, rows, variant, money=money)
    report = imported(kind, sheet)
    assert report.error is None, f"{variant}\n{report.error}"
    assert meaning(report.entries) == plain_meaning(kind), variant


def _bad(kind: str, variant: Variant, change: str) -> tuple[Path, int]:
    """A variant with one planted fault; the row (1-based, in the file) it is on."""
    headers, rows, money = plain(kind)
    rows = [list(r) for r in rows]
    target = len(rows) // 2
    if change == "unknown participant":
        rows[target][headers.index("Kode Peserta")] = "P9999"
    elif change == "impossible date":
        column = next(i for i, h in enumerate(headers) if "Tanggal" in h)
        rows[target][column] = "31/02/2026"
    sheet = write(world()[1] / f"bad-{kind}", headers, rows, variant, money=money)
    header_row = variant.title_rows + (1 if variant.title_rows else 0) + 1
    blanks = target // 3 if variant.blank_rows else 0
    return sheet, header_row + target + 1 + blanks


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("change", ["unknown participant", "impossible date"])
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variant=variants)
def test_a_planted_fault_is_refused_naming_its_row(kind: str, change: str, variant: Variant) -> None:
    if kind == "participants" and change == "unknown participant":
        return  # the register is where participants become known
    sheet, row = _bad(kind, variant, change)
    report = imported(kind, sheet)
    where = f"{sheet}:Data:{row}:" if sheet.suffix == ".xlsx" else f"{sheet}:{row}:"
    assert report.error is not None and where in report.error, (variant, report.error)


@pytest.mark.parametrize("kind", ["disbursements", "plans", "receipts"])
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variant=variants)
def test_a_wrong_total_is_refused_naming_both_figures(kind: str, variant: Variant) -> None:
    headers, rows, money = plain(kind)
    wrong = Variant(**{**variant.__dict__, "total_row": True, "total_typo": 1000})
    sheet = write(world()[1] / f"total-{kind}", headers, rows, wrong, money=money)
    total = sum(int(r[headers.index("Jumlah")]) for r in rows)
    report = imported(kind, sheet)
    shown = f"{total:,}".replace(",", ".")
    assert report.error is not None and shown in report.error, (wrong, report.error)
    assert f"{total + 1000:,}".replace(",", ".") in report.error


def test_dates_typed_day_first_without_a_day_above_twelve_are_written_by_name() -> None:
    """The generator never types a sheet a careful reader could not read (see sheet_variants)."""
    from scripts.sim.sheet_variants import cells

    grid = cells(["Tanggal"], [[datetime.date(2026, 3, 4)]], Variant(date_form=0), None)
    assert grid[-1] == ["4 Maret 2026"]
