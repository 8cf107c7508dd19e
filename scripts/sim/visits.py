"""Simulated progress visits after the aid, and their truth (issue 11).

Each participant is visited near each milestone (1, 3, 6, 12 months after her first modal
usaha row) that falls a month before the year's reading date, except where planted: some
companions skip a visit (an overdue milestone), some businesses close (the last visit says
berhenti and none follows). The truth is computed here from what was planned, in plain
Python, not with ledger/progress.py: the overdue milestones, the closed businesses and the
success per group and milestone are what importing the rendered sheet must give back.

Its own random stream (seeded from the year's seed), so the rest of the year is unchanged.
"""

from __future__ import annotations

import calendar
import datetime
import random
import statistics
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scripts.sim.truth import ProgramYear

D = Decimal
MONTHS = (1, 3, 6, 12)
GRACE_DAYS = 30
CUTOFF_DAYS = 31  # no visit in the last month before the reading date (never in the future)
RUNNING = ("berjalan", "berkembang")
NOTES = ("Pelanggan bertambah", "Stok cukup", "Perlu pelatihan pembukuan", "", "", "Lokasi pindah ke pasar")
CLOSE_NOTES = ("Pindah kota", "Modal habis untuk kebutuhan keluarga", "Sakit", "Bekerja di tempat lain")


@dataclass(frozen=True)
class Visit:
    participant: str
    months: int  # the milestone it was made for
    date: datetime.date
    status: str
    omzet: Decimal
    laba: Decimal
    aset: Decimal
    workers: int
    note: str
    companion: str


def add_months(date: datetime.date, months: int) -> datetime.date:
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def aid_start(year: ProgramYear, code: str) -> datetime.date | None:
    dates = [d.date for d in year.disbursements if d.participant == code and d.component == "modal usaha"]
    return min(dates) if dates else None


def simulate_visits(year: ProgramYear) -> list[Visit]:
    rng = random.Random(f"visits-{year.seed}")
    cutoff = year.as_of - datetime.timedelta(days=CUTOFF_DAYS)
    visits: list[Visit] = []
    for person in year.people:
        start = aid_start(year, person.code)
        if start is None:
            continue
        fate = rng.random()
        due = [(m, add_months(start, m)) for m in MONTHS]
        planned = [(m, d + datetime.timedelta(days=rng.randint(-10, 20))) for m, d in due]
        planned = [(m, d) for m, d in planned if d <= cutoff]
        skip: int | None = None
        close_at: int | None = None
        if fate < 0.12 and planned:
            skip = rng.choice(planned)[0]
        elif fate < 0.22 and len(planned) >= 2:
            close_at = rng.choice(planned[1:])[0]
        omzet = D(rng.randint(10, 80) * 50_000)
        for months, date in planned:
            if months == skip:
                continue
            if close_at is not None and months > close_at:
                break
            if months == close_at:
                status = "berhenti"
                visit_omzet, laba, aset, workers = D(0), D(-rng.randint(0, 5) * 10_000), D(0), 0
            else:
                roll = rng.random()
                status = "berkembang" if roll < 0.3 else "berhenti sementara" if roll > 0.9 else "berjalan"
                omzet = (omzet * D(rng.choice(("0.9", "1", "1.1", "1.25")))).quantize(D(-4))
                visit_omzet = omzet if status != "berhenti sementara" else D(0)
                laba = (visit_omzet * D(rng.randint(15, 35)) / 100).quantize(D(-4))
                aset = D(rng.randint(20, 90) * 100_000)
                workers = rng.randint(0, 3)
            visits.append(
                Visit(
                    person.code,
                    months,
                    date,
                    status,
                    D(int(visit_omzet)),
                    D(int(laba)),
                    D(int(aset)),
                    workers,
                    rng.choice(CLOSE_NOTES if status == "berhenti" else NOTES),
                    person.companion,
                )
            )
    return visits


# the truth


def overdue(year: ProgramYear) -> set[tuple[str, int]]:
    """(participant, milestone months) whose date plus the grace passed with no visit made for it,
    before any closure."""
    made: dict[str, dict[int, Visit]] = defaultdict(dict)
    for visit in year.visits:
        made[visit.participant][visit.months] = visit
    late = set()
    for person in year.people:
        start = aid_start(year, person.code)
        if start is None:
            continue
        closed = next((m for m, v in made[person.code].items() if v.status == "berhenti"), None)
        for months in MONTHS:
            if closed is not None and months > closed:
                continue
            due = add_months(start, months)
            if due + datetime.timedelta(days=GRACE_DAYS) < year.as_of and months not in made[person.code]:
                late.add((person.code, months))
    return late


def closed(year: ProgramYear) -> set[str]:
    return {v.participant for v in year.visits if v.status == "berhenti"}


def success(year: ProgramYear, by: str = "group") -> dict[tuple[str, int], dict[str, object]]:
    """(group value, months) -> participants, visited, running, rate, median omzet and laba,
    for every milestone due by the reading date."""
    made = {(v.participant, v.months): v for v in year.visits}
    cells: dict[tuple[str, int], list[str]] = defaultdict(list)
    for person in year.people:
        start = aid_start(year, person.code)
        if start is None:
            continue
        value = str(getattr(person, by))
        for months in MONTHS:
            if add_months(start, months) <= year.as_of:
                cells[(value, months)].append(person.code)
    result: dict[tuple[str, int], dict[str, object]] = {}
    for cell, codes in sorted(cells.items()):
        seen = [made[(c, cell[1])] for c in codes if (c, cell[1]) in made]
        running = [v for v in seen if v.status in RUNNING]
        result[cell] = {
            "participants": len(codes),
            "visited": len(seen),
            "running": len(running),
            "rate": float((D(len(running)) / D(len(seen))).quantize(D("0.0001"), ROUND_HALF_EVEN))
            if seen
            else None,
            "median_omzet": _median([v.omzet for v in running]),
            "median_laba": _median([v.laba for v in running]),
        }
    return result


def _median(values: list[Decimal]) -> str | None:
    if not values:
        return None
    return str(Decimal(statistics.median(values)).quantize(D(1), ROUND_HALF_EVEN))
