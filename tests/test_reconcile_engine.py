"""The reconciliation engine over simulated books: every planted plan anomaly, nothing else."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from beancount.core import data

from ledger import reconcile, records
from ledger.findings import KINDS, Finding
from ledger.reconcile import Settings
from scripts.sim import render_books
from scripts.sim.truth import PLAN_ANOMALIES, ProgramYear, simulate

PLAN_KINDS = set(PLAN_ANOMALIES)


def simulated_entries(participants: int, seed: int) -> tuple[list[data.Directive], ProgramYear]:
    year = simulate(participants, seed)
    entries: list[data.Directive] = [render_books.participant_record(p, "-") for p in year.people]
    entries += render_books.program_records(year) + render_books.movement_entries(year)
    entries.sort(key=data.entry_sortkey)
    return entries, year


@pytest.mark.parametrize("seed", [3, 11, 2026])
def test_rendered_truth_gives_exactly_the_planted_plan_anomalies(seed: int) -> None:
    entries, year = simulated_entries(60, seed)
    program = records.read_program(entries)
    findings = reconcile.reconcile(entries, program, Settings(as_of=year.as_of))
    found = {(f.kind, f.participant) for f in findings if f.kind in PLAN_KINDS}
    planted = {(a.kind, a.participant) for a in year.anomalies if a.kind in PLAN_KINDS}
    for kind in PLAN_KINDS:
        assert {x for x in found if x[0] == kind} == {x for x in planted if x[0] == kind}, kind
    assert {k for k, _ in planted} == PLAN_KINDS


def test_findings_are_sorted_stable_and_complete() -> None:
    entries, year = simulated_entries(40, 5)
    program = records.read_program(entries)
    settings = Settings(as_of=year.as_of, lang="en")
    first = reconcile.reconcile(entries, program, settings)
    again = reconcile.reconcile(list(reversed(entries)), program, settings)
    assert first == again
    assert first == sorted(first, key=reconcile.engine.stable_key)
    for item in first:
        assert isinstance(item, Finding)
        assert item.severity == KINDS[item.kind]
        assert item.companion == program.participants[item.participant].companion
        assert item.locations and all(":" in loc for loc in item.locations)
        assert isinstance(item.amount, Decimal) and item.amount > 0


def test_as_of_ignores_later_entries_and_ages_count_to_it() -> None:
    entries, _year = simulated_entries(40, 5)
    program = records.read_program(entries)
    early = reconcile.reconcile(entries, program, Settings(as_of=datetime.date(2026, 1, 1)))
    assert early == []
