"""Business progress after the aid: milestones, the visit that counts for each, and outcomes.

Visits are due `months` (default 1, 3, 6, 12) after the participant's first "modal usaha" row
on a funder's list (Transit from Income:Grant with `component: "modal usaha"`). A visit counts
for the milestone nearest to it (the earlier one on a tie); when several count for one, the
latest says the status. A milestone is overdue when its date plus `grace_days` (default 30) is
before the reading date and no visit counts for it. Once a visit says the business has closed
(berhenti), later milestones are no longer due: the `business-stopped` finding stands instead.

The months and the grace are settings of the books (`custom "settings" "aidledger"` metadata
`visit-months: "1 3 6 12"`, `visit-grace-days: 30`). Plain functions; no click, Fava or pandas.
"""

from __future__ import annotations

import calendar
import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from ledger import visits as visit_mod
from ledger.visits import Visit

MODAL_USAHA = "modal usaha"
DEFAULT_MONTHS = (1, 3, 6, 12)
DEFAULT_GRACE_DAYS = 30
MONTHS_KEY = "visit-months"
GRACE_KEY = "visit-grace-days"
DIMENSIONS = ("group", "cohort", "funder", "companion")


@dataclass(frozen=True)
class Schedule:
    months: tuple[int, ...] = DEFAULT_MONTHS
    grace_days: int = DEFAULT_GRACE_DAYS

    @classmethod
    def of(cls, settings: Mapping[str, Any]) -> Schedule:
        """The schedule the books' settings give (defaults for what they do not say)."""
        months = settings.get(MONTHS_KEY)
        grace = settings.get(GRACE_KEY)
        parsed: tuple[int, ...] = DEFAULT_MONTHS
        if months not in (None, ""):
            parsed = tuple(sorted({int(m) for m in str(months).replace(",", " ").split()}))
        return cls(parsed or DEFAULT_MONTHS, int(grace) if grace not in (None, "") else DEFAULT_GRACE_DAYS)


def add_months(date: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when it has no such day (31 Jan + 1 = 28 Feb)."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class AidStart:
    """A participant's first "modal usaha" row on a funder's list."""

    participant: str
    date: datetime.date
    funder: str
    location: str
    amount: Decimal  # the modal usaha listed: what the visits are about


def aid_starts(rows: Iterable[Any]) -> dict[str, AidStart]:
    """Per participant her first modal-usaha list row (ledger.disbursements.ListedRow-like)."""
    starts: dict[str, AidStart] = {}
    for row in rows:
        if " ".join(str(row.component).lower().split()) != MODAL_USAHA:
            continue
        known = starts.get(row.participant)
        if known is None or row.date < known.date:
            starts[row.participant] = AidStart(
                row.participant, row.date, row.funder, row.location, Decimal(row.amount)
            )
    return starts


@dataclass
class Milestone:
    participant: str
    months: int
    due: datetime.date
    visits: list[Visit] = field(default_factory=list)

    @property
    def visit(self) -> Visit | None:
        """The visit that says the status at this milestone: the latest counting for it."""
        return self.visits[-1] if self.visits else None


@dataclass
class Progress:
    """One participant's milestones and visits, as of a day."""

    start: AidStart
    milestones: list[Milestone]
    visits: list[Visit]
    closed_on: datetime.date | None  # the first visit saying closed, when her latest still does

    @property
    def latest(self) -> Visit | None:
        return self.visits[-1] if self.visits else None


def nearest(date: datetime.date, milestones: list[Milestone]) -> Milestone | None:
    if not milestones:
        return None
    return min(milestones, key=lambda m: (abs((date - m.due).days), m.due))


def progress_of(start: AidStart, visits: list[Visit], schedule: Schedule, as_of: datetime.date) -> Progress:
    """Her milestones with the visits counting for each (visits dated from the aid on, up to as_of)."""
    own = sorted((v for v in visits if start.date <= v.date <= as_of), key=lambda v: v.date)
    milestones = [Milestone(start.participant, m, add_months(start.date, m)) for m in schedule.months]
    for visit in own:
        target = nearest(visit.date, milestones)
        if target is not None:
            target.visits.append(visit)
    closed_on = None
    if own and own[-1].status == visit_mod.CLOSED:
        closed_on = own[-1].date
        for visit in reversed(own):
            if visit.status != visit_mod.CLOSED:
                break
            closed_on = visit.date
    return Progress(start, milestones, own, closed_on)


def all_progress(
    starts: Mapping[str, AidStart], visits: Iterable[Visit], schedule: Schedule, as_of: datetime.date
) -> dict[str, Progress]:
    per: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        per[visit.participant].append(visit)
    return {
        code: progress_of(start, per.get(code, []), schedule, as_of)
        for code, start in sorted(starts.items())
        if start.date <= as_of
    }


def overdue(progress: Progress, schedule: Schedule, as_of: datetime.date) -> list[Milestone]:
    """Milestones whose date plus the grace is before `as_of` with no visit counting for them,
    up to the first visit saying the business closed."""
    limit = as_of - datetime.timedelta(days=schedule.grace_days)
    closed = progress.closed_on
    return [
        m
        for m in progress.milestones
        if m.due < limit and not m.visits and (closed is None or m.due <= closed)
    ]


def due_soon(progress: Progress, as_of: datetime.date, days: int = 30) -> list[Milestone]:
    """Milestones without a visit falling in the next `days` days (a companion's worklist)."""
    end = as_of + datetime.timedelta(days=days)
    if progress.closed_on is not None:
        return []
    return [m for m in progress.milestones if not m.visits and as_of <= m.due <= end]


@dataclass(frozen=True)
class Outcome:
    """One row of `aidledger outcomes`: a group's success at one milestone."""

    by: str
    milestone: int
    participants: int
    visited: int
    running: int
    median_omzet: Decimal | None
    median_laba: Decimal | None

    @property
    def rate(self) -> Decimal | None:
        """Running over visited: the share of the businesses seen that still run."""
        if not self.visited:
            return None
        return (Decimal(self.running) / Decimal(self.visited)).quantize(Decimal("0.0001"), ROUND_HALF_EVEN)

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "milestone": self.milestone,
            "participants": self.participants,
            "visited": self.visited,
            "running": self.running,
            "rate": float(self.rate) if self.rate is not None else None,
            "median_omzet": str(self.median_omzet) if self.median_omzet is not None else None,
            "median_laba": str(self.median_laba) if self.median_laba is not None else None,
        }


def _median(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return Decimal(statistics.median(values)).quantize(Decimal(1), ROUND_HALF_EVEN)


def outcomes(
    progress: Mapping[str, Progress],
    value_of: Mapping[str, str],
    as_of: datetime.date,
) -> list[Outcome]:
    """Per group value (`value_of[participant]`) and per milestone due by `as_of`: how many
    participants, visited, running, and the median monthly omzet and laba of the running ones."""
    cells: dict[tuple[str, int], list[Milestone]] = defaultdict(list)
    for code, item in progress.items():
        for milestone in item.milestones:
            if milestone.due <= as_of:
                cells[(value_of.get(code, ""), milestone.months)].append(milestone)
    rows = []
    for (value, months), milestones in sorted(cells.items()):
        seen = [m.visit for m in milestones if m.visit is not None]
        running = [v for v in seen if v.running]
        rows.append(
            Outcome(
                value,
                months,
                len(milestones),
                len(seen),
                len(running),
                _median([v.omzet for v in running if v.omzet is not None]),
                _median([v.laba for v in running if v.laba is not None]),
            )
        )
    return rows


def values_by(progress: Mapping[str, Progress], participants: Mapping[str, Any], by: str) -> dict[str, str]:
    """Per participant her value of `by` (one of DIMENSIONS): group, cohort and companion from
    the register (ledger.records.Participant), funder from her first modal-usaha row."""
    if by not in DIMENSIONS:
        raise ValueError(f"--by must be one of {', '.join(DIMENSIONS)}")
    values = {}
    for code, item in progress.items():
        person = participants.get(code)
        if by == "funder":
            values[code] = item.start.funder or (person.funder if person else "")
        else:
            values[code] = str(getattr(person, by, "") or "") if person else ""
    return values
