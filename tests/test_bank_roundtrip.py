"""Truth round trip for every statement layout: simulate -> render each participant's statements
in her layout -> import into real books -> the books hold the truth (balances, kinds, findings),
once, whatever is imported again or overlaps."""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import pytest
from beancount.core import data

from ledger import books
from ledger.reconcile import Settings, reconcile
from scripts.sim import render_passbooks, render_statements
from scripts.sim.truth import ProgramYear, simulate
from tests.bank_books import bank_books, bank_transactions, journal_text, run_import, savings_balances

SPREADSHEETS = ("passbook-xlsx", "passbook-csv", "profile:bank-sumsel-babel", "profile:bsi")
PDFS = (("bri-pdf", ""), ("bni-pdf", ""), ("bni-pdf", "old"), ("mandiri-pdf", ""), ("mandiri-pdf", "old"))


def _render(year: ProgramYear, folder: Path) -> tuple[list[Path], set[str]]:
    """Spreadsheet layouts quarterly for everyone who has one; one participant per PDF layout and
    variant, half-yearly (PDF pages are slow to read)."""
    files: list[Path] = []
    chosen: set[str] = set()
    pdf_people = {}
    for person in year.people:
        layout = render_passbooks.layout_for(person)
        lines = year.lines_of(person.code)
        if layout in SPREADSHEETS:
            chosen.add(person.code)
            for index, (start, end) in enumerate(render_passbooks.quarters(lines)):
                base = folder / f"{person.code}-{index}"
                files.append(render_passbooks.render(base, person, lines, start, end, layout))
        else:
            pdf_people.setdefault(layout, []).append(person)
    for layout, variant in PDFS:
        person = pdf_people[layout].pop(0)
        chosen.add(person.code)
        lines = year.lines_of(person.code)
        for index, (start, end) in enumerate(render_passbooks.quarters(lines, 6)):
            path = folder / f"{person.code}-{variant or 'new'}-{index}.pdf"
            files.append(render_statements.render_statement(path, person, lines, start, end, variant=variant))
    return files, chosen


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("bank")
    year = simulate(36, 11)
    paths = bank_books(root / "books", year)
    files, chosen = _render(year, root / "statements")
    reports = run_import(paths, files)
    return year, paths, files, chosen, reports


def test_every_layout_imports_without_error(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    assert [r.error for r in reports if r.error] == []
    layouts = {r.importer for r in reports}
    assert {"aidledger.passbook", "aidledger.profile:bank-sumsel-babel", "aidledger.profile:bsi"} <= layouts
    assert {"aidledger.bri-pdf", "aidledger.bni-pdf", "aidledger.mandiri-pdf"} <= layouts
    assert all(r.archived is not None and r.archived.is_file() for r in reports)


def test_savings_balances_equal_the_truth(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    balances = savings_balances(paths)
    for code in chosen:
        assert balances.get(code) == year.lines_of(code)[-1].balance, code


def test_booked_kinds_equal_the_truth(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    booked = Counter()
    for entry in bank_transactions(paths):
        savings = next(p for p in entry.postings if p.account.endswith(":Savings"))
        code = savings.account.split(":")[2]
        booked[(code, entry.date, savings.units.number, entry.meta["kind"])] += 1
    truth = Counter(
        (line.participant, line.date, line.credit - line.debit, line.kind)
        for line in year.bank_lines
        if line.participant in chosen
    )
    assert booked == truth


def test_unclassified_lines_are_exactly_the_planted_ones(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    loaded = books.load(paths)
    findings = reconcile(
        loaded.entries, loaded.program, Settings(as_of=year.as_of), kinds=["unclassified-bank-line"]
    )
    found = {(f.participant, f.date, f.amount) for f in findings}
    planted = {
        (a.participant, a.date, a.amount)
        for a in year.anomalies
        if a.kind == "unclassified-bank-line" and a.participant in chosen
    }
    assert found == planted
    assert planted, "the simulated year should plant an unclassified line among the chosen"
    notes = [note for r in reports for _loc, note in r.notes]
    assert len(notes) == len(planted) and all("Suspense" in n for n in notes)


def test_every_entry_says_where_it_came_from(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    for entry in bank_transactions(paths):
        for key in ("source", "source-line", "description", "kind", "import-key"):
            assert entry.meta.get(key), (key, entry)
        assert (paths.root / entry.meta["source"]).is_file(), entry.meta["source"]
    balances = [e for e in books.load(paths).entries if isinstance(e, data.Balance)]
    ends = {(e.account.split(":")[2], e.date) for e in balances}
    for report in reports:
        assert any(e.date >= datetime.date(2026, 1, 2) for e in report.entries if isinstance(e, data.Balance))
    assert len(ends) >= len(files)


def test_importing_everything_again_adds_nothing(imported) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    before = journal_text(paths)
    again = run_import(paths, files)
    assert [r.error for r in again if r.error] == []
    assert sum(r.written for r in again) == 0
    assert all(len(r.skipped) >= r.rows_read for r in again)
    assert journal_text(paths) == before


def test_an_overlapping_statement_adds_nothing(imported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    year, paths, files, chosen, reports = imported  # noqa: RUF059
    before = journal_text(paths)
    overlapping = []
    for layout in SPREADSHEETS:
        person = next(p for p in year.people if p.code in chosen and render_passbooks.layout_for(p) == layout)
        lines = year.lines_of(person.code)
        periods = render_passbooks.quarters(lines)
        start, end = periods[0][0] + datetime.timedelta(days=45), periods[-1][1]
        overlapping.append(
            render_passbooks.render(tmp_path / f"{person.code}-overlap", person, lines, start, end, layout)
        )
    again = run_import(paths, overlapping)
    assert [r.error for r in again if r.error] == []
    assert [r.written for r in again] == [0] * len(overlapping)
    assert journal_text(paths) == before


def test_passbooks_printed_out_of_order_and_merged_months(tmp_path: Path) -> None:
    """Same-day lines printed out of posting order, and months merged into one summary line: the
    books still hold the truth's balances; the summary's net sits in Suspense, noted."""
    year = simulate(24, 5)
    people = [p for p in year.people if render_passbooks.layout_for(p) in ("passbook-xlsx", "passbook-csv")][
        :4
    ]
    paths = bank_books(tmp_path / "books", year)
    files = []
    merged_nets = {}
    for person in people:
        lines = render_passbooks.swapped_same_day(year.lines_of(person.code))
        start, end = datetime.date(2026, 8, 1), datetime.date(2026, 10, 31)
        merged = render_passbooks.merged(lines, start, end)
        summary = [line for line in merged if line.kind == "summary"]
        if summary:
            merged_nets[person.code] = summary[0].credit - summary[0].debit
        path = tmp_path / f"{person.code}.xlsx"
        if render_passbooks.layout_for(person) == "passbook-xlsx":
            files.append(render_passbooks.passbook_xlsx(path, person, merged))
        else:
            files.append(render_passbooks.passbook_csv(path.with_suffix(".csv"), person, merged))
    reports = run_import(paths, files)
    assert [r.error for r in reports if r.error] == []
    balances = savings_balances(paths)
    for person in people:
        assert balances[person.code] == year.lines_of(person.code)[-1].balance
    assert merged_nets, "some passbook should have months to merge"
    suspense = {}
    for entry in bank_transactions(paths):
        if entry.meta["kind"] == "summary":
            code = entry.postings[0].account.split(":")[2]
            suspense[code] = entry.postings[0].units.number
            assert entry.postings[1].account.endswith(":Suspense")
    assert suspense == merged_nets
    notes = [note for r in reports for _loc, note in r.notes if "summary line" in note]
    assert len(notes) == len(merged_nets)
