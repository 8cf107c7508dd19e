"""The program overview: per funder, cohort and skill group, the money from grant to receipt.

Columns (docs/fava.md): granted (list rows, Transit from a grant), credited (aid received in
the savings books), withdrawn, receipted, cash not yet covered, open findings. Participants are
grouped by the facts of their registration (`custom "participant"`: funder, cohort, group), so
every column of a group adds up over the same people; a participant listed by a second funder
is counted under her registered funder.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ledger.disbursements import ListedRow
from ledger.findings import Finding
from ledger.records import Program

ZERO = Decimal(0)
DIMENSIONS = ("funder", "cohort", "group")


class SummaryLike(Protocol):
    """What a per-participant summary (ledger.reconcile.summary.ParticipantSummary) offers."""

    @property
    def participant(self) -> str: ...
    @property
    def aid_received(self) -> Decimal: ...
    @property
    def withdrawn(self) -> Decimal: ...
    @property
    def receipted(self) -> Decimal: ...
    @property
    def cash_uncovered(self) -> Decimal: ...


@dataclass(frozen=True)
class GroupTotals:
    dimension: str
    key: str
    label: str
    participants: int
    granted: Decimal
    credited: Decimal
    withdrawn: Decimal
    receipted: Decimal
    cash_uncovered: Decimal
    open_findings: int


def _group_of(program: Program, code: str, dimension: str) -> str:
    person = program.participants.get(code)
    if person is None:
        return ""
    return str(getattr(person, dimension))


def _label(program: Program, dimension: str, key: str) -> str:
    book = {"funder": program.funders, "cohort": program.cohorts}.get(dimension)
    if book and key in book:
        return book[key].label
    return key or "-"


def overview(
    program: Program,
    summaries: Iterable[SummaryLike],
    rows: Sequence[ListedRow],
    findings: Sequence[Finding],
    dimension: str,
    as_of: datetime.date | None = None,
) -> list[GroupTotals]:
    """Totals per value of `dimension` (funder, cohort or group), with a last total row ("")."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; one of {', '.join(DIMENSIONS)}")
    granted: dict[str, Decimal] = {}
    for row in rows:
        if as_of is None or row.date <= as_of:
            granted[row.participant] = granted.get(row.participant, ZERO) + row.amount
    open_findings: dict[str, int] = {}
    for item in findings:
        open_findings[item.participant] = open_findings.get(item.participant, 0) + 1
    acc: dict[str, list[Decimal]] = {}
    people: dict[str, int] = {}
    counts: dict[str, int] = {}
    for summary in summaries:
        code = summary.participant
        key = _group_of(program, code, dimension)
        values = acc.setdefault(key, [ZERO] * 5)
        for index, number in enumerate(
            (
                granted.get(code, ZERO),
                summary.aid_received,
                summary.withdrawn,
                summary.receipted,
                summary.cash_uncovered,
            )
        ):
            values[index] += number
        people[key] = people.get(key, 0) + 1
        counts[key] = counts.get(key, 0) + open_findings.get(code, 0)
    out = [
        _totals(dimension, key, _label(program, dimension, key), people[key], acc[key], counts[key])
        for key in sorted(acc)
    ]
    total = [sum((values[i] for values in acc.values()), ZERO) for i in range(5)]
    out.append(_totals(dimension, "", "", sum(people.values()), total, sum(counts.values())))
    return out


def _totals(
    dimension: str, key: str, label: str, people: int, values: list[Decimal], findings: int
) -> GroupTotals:
    granted, credited, withdrawn, receipted, uncovered = values
    return GroupTotals(
        dimension, key, label, people, granted, credited, withdrawn, receipted, uncovered, findings
    )
