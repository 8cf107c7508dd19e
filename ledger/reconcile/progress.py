"""Progress visits after the aid (issue 11): `progress-visit-overdue` and `business-stopped`.

The milestones and which visit counts for which are ledger/progress.py; this module only turns
them into findings, from the facts layer (`Facts.progress`: list rows and visit directives read
once, under the program's visit schedule).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from beancount.core import data

from ledger import disbursements
from ledger import progress as prog
from ledger.findings import Finding
from ledger.reconcile.engine import finding
from ledger.reconcile.facts import Facts
from ledger.reconcile.settings import Settings
from ledger.records import Program
from ledger.visits import CLOSED, VISIT, read_visit


def progress_visit_overdue(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A milestone whose date plus the grace has passed with no visit counting for it."""
    for code, item in facts.progress.items():
        for milestone in prog.overdue(item, facts.schedule, facts.as_of):
            yield finding(
                "progress-visit-overdue",
                program,
                settings,
                participant=code,
                date=milestone.due,
                amount=item.start.amount,
                locations=(item.start.location,),
                months=milestone.months,
                days=(facts.as_of - milestone.due).days,
                start=item.start.date.isoformat(),
            )


def business_stopped(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """Her latest visit says the business has stopped (berhenti)."""
    for code, item in facts.progress.items():
        latest = item.latest
        if latest is None or latest.status != CLOSED:
            continue
        yield finding(
            "business-stopped",
            program,
            settings,
            participant=code,
            date=latest.date,
            amount=item.start.amount,
            locations=(latest.location, item.start.location),
            companion_code=latest.companion,
            note=latest.note or "-",
        )


def progress_of_books(
    entries: Iterable[data.Directive], program: Program, as_of: datetime.date
) -> dict[str, prog.Progress]:
    """Milestones and visits straight from the entries, for `aidledger outcomes`: one light pass
    that looks only at list rows (transactions with `component` metadata) and visit directives,
    the same records the rules read from the facts."""
    rows = []
    visits = []
    transaction, custom = data.Transaction, data.Custom
    for entry in entries:
        if entry.date > as_of:
            continue
        kind = entry.__class__
        if kind is transaction:
            if "component" in entry.meta:
                row = disbursements.listed_rows([entry])
                rows.extend(row)
        elif kind is custom and entry.type == VISIT:  # type: ignore[union-attr]
            visit = read_visit(entry)  # type: ignore[arg-type]
            if visit is not None:
                visits.append(visit)
    schedule = prog.Schedule.of(program.settings)
    return prog.all_progress(prog.aid_starts(rows), visits, schedule, as_of)


def outcomes_of_books(
    entries: Iterable[data.Directive], program: Program, as_of: datetime.date, by: str
) -> list[prog.Outcome]:
    progress = progress_of_books(entries, program, as_of)
    return prog.outcomes(progress, prog.values_by(progress, program.participants, by), as_of)
