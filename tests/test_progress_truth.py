"""Simulate -> render the companions' visit sheets -> import -> findings and outcomes == the truth.

The simulator plans each visit for a milestone, skips some (overdue) and closes some businesses;
scripts/sim/visits.py computes the truth from that plan. Importing the rendered sheets must give
back exactly its overdue milestones, its closed businesses and its success per group and
milestone, through the engine and through `aidledger outcomes --format json`.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from importers.pipeline import import_files
from importers.registry import all_importers
from ledger import books
from ledger.create import create_books
from ledger.reconcile import Settings, reconcile
from ledger.reconcile.progress import outcomes_of_books
from ledger.writer import append_entries
from scripts.cli import main
from scripts.sim import render_books, render_visits
from scripts.sim import visits as truth
from scripts.sim.truth import ProgramYear, simulate
from tests.books_text import recipient_for_tests

KINDS = ["progress-visit-overdue", "business-stopped"]


def visit_books(root: Path, year: ProgramYear, sheet: Path) -> books.BooksPaths:
    paths = create_books(root / "books", recipient=recipient_for_tests())
    append_entries(paths, render_books.program_records(year), lambda e: paths.program)
    append_entries(paths, render_books.registration(year, lambda p: "-"), lambda e: paths.participants)
    rows = render_books.disbursement_entries(year)
    append_entries(paths, rows, lambda e: paths.journal_file("disbursements", e.date.year))
    (report,) = import_files(paths, [sheet], all_importers(), books.load(paths).entries)
    assert report.error is None, report.error
    assert report.written == len(year.visits) and report.skipped == []
    return paths


def found(paths: books.BooksPaths, year: ProgramYear) -> tuple[set[tuple[str, int]], set[str]]:
    loaded = books.load(paths)
    assert loaded.errors == []
    months_of = {
        (p.code, truth.add_months(start, m)): m
        for p in year.people
        if (start := truth.aid_start(year, p.code)) is not None
        for m in truth.MONTHS
    }
    findings = reconcile(loaded.entries, loaded.program, Settings(as_of=year.as_of), KINDS)
    overdue = {(f.participant, months_of[(f.participant, f.date)]) for f in findings if f.kind == KINDS[0]}
    stopped = {f.participant for f in findings if f.kind == KINDS[1]}
    return overdue, stopped


def success_found(
    paths: books.BooksPaths, year: ProgramYear, by: str
) -> dict[tuple[str, int], dict[str, object]]:
    loaded = books.load(paths)
    rows = outcomes_of_books(loaded.entries, loaded.program, year.as_of, by)
    return {
        (r.by, r.milestone): {k: v for k, v in r.as_dict().items() if k not in ("by", "milestone")}
        for r in rows
    }


@pytest.mark.parametrize(("seed", "kind"), [(2026, "xlsx"), (3, "csv")])
def test_imported_visits_give_back_the_truth(tmp_path: Path, seed: int, kind: str) -> None:
    year = simulate(60, seed)
    assert truth.overdue(year) and truth.closed(year)  # something planted of each
    render = render_visits.visits_workbook if kind == "xlsx" else render_visits.visits_csv
    paths = visit_books(tmp_path, year, render(year, tmp_path / f"kunjungan.{kind}"))
    overdue, stopped = found(paths, year)
    assert overdue == truth.overdue(year)
    assert stopped == truth.closed(year)
    for by in ("group", "cohort"):
        assert success_found(paths, year, by) == truth.success(year, by)


def test_outcomes_json_from_the_command_line(tmp_path: Path) -> None:
    year = simulate(40, 11)
    paths = visit_books(tmp_path, year, render_visits.visits_workbook(year, tmp_path / "k.xlsx"))
    result = CliRunner().invoke(
        main, ["outcomes", "--books", str(paths.root), "--as-of", year.as_of.isoformat(), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(
        list(row)
        == ["by", "milestone", "participants", "visited", "running", "rate", "median_omzet", "median_laba"]
        for row in rows
    )
    expected = truth.success(year, "group")
    assert {(r["by"], r["milestone"]): {k: r[k] for k in list(r)[2:]} for r in rows} == expected
    assert all(isinstance(r["median_omzet"], str | None) for r in rows)
    table = CliRunner().invoke(
        main, ["outcomes", "--books", str(paths.root), "--as-of", "2026-12-31", "--by", "cohort"]
    )
    assert table.exit_code == 0 and "2026-A" in table.output and "median omzet" in table.output
    indonesian = CliRunner().invoke(
        main,
        ["outcomes", "--books", str(paths.root), "--as-of", "2026-12-31", "--by", "cohort", "--lang", "id"],
    )
    assert indonesian.output.startswith("Keberhasilan usaha per tanggal 2026-12-31, menurut angkatan")
    assert "tingkat keberhasilan" in indonesian.output and "success rate" not in indonesian.output
    csv_out = CliRunner().invoke(
        main, ["outcomes", "--books", str(paths.root), "--as-of", "2026-12-31", "--format", "csv"]
    )
    assert (
        csv_out.output.splitlines()[0]
        == "by,milestone,participants,visited,running,rate,median_omzet,median_laba"
    )
    # before any milestone is due there is nothing to say
    early = CliRunner().invoke(
        main, ["outcomes", "--books", str(paths.root), "--as-of", "2026-01-15", "--format", "json"]
    )
    assert json.loads(early.output) == []


def test_demo_books_hold_the_visits_and_their_truth(demo) -> None:  # type: ignore[no-untyped-def]
    year = demo.year
    overdue, stopped = found(demo.paths, year)
    assert overdue == truth.overdue(year) and stopped == truth.closed(year)
    assert success_found(demo.paths, year, "group") == truth.success(year, "group")


def test_visits_are_never_in_the_future_of_the_reading_date() -> None:
    year = simulate(150, 2026)
    assert all(v.date <= year.as_of - datetime.timedelta(days=truth.CUTOFF_DAYS) for v in year.visits)
