"""Each disbursement list row's status, per batch: what the Fava extension's disbursements page
and the PDF reports show beside the findings.

Read from the same facts and matching as the disbursement rules (ledger/reconcile/
disbursements.py), so a row shown "not credited" is one the finding reports.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from ledger import disbursements as disb
from ledger.reconcile.facts import Facts
from ledger.reconcile.settings import Settings

CREDITED = "credited"
MISMATCH = "mismatch"
PENDING = "pending"  # not credited yet, still inside not_credited_days
NOT_CREDITED = "not-credited"
DUPLICATE = "duplicate"
STATUSES = (CREDITED, MISMATCH, PENDING, NOT_CREDITED, DUPLICATE)


@dataclass(frozen=True)
class RowStatus:
    row: disb.ListedRow
    status: str
    credited: Decimal  # what her book received against this row (0 when nothing)
    credit_date: datetime.date | None
    credit_location: str | None


@dataclass(frozen=True)
class BatchSummary:
    batch: str
    funders: tuple[str, ...]
    date: datetime.date  # the earliest listing date of the batch
    rows: tuple[RowStatus, ...]

    @property
    def listed(self) -> Decimal:
        return sum((r.row.amount for r in self.rows), Decimal(0))

    @property
    def credited(self) -> Decimal:
        return sum((r.credited for r in self.rows), Decimal(0))

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def row_statuses(facts: Facts, settings: Settings) -> list[RowStatus]:
    """Every list row with its status as of `settings.as_of` (the same matching as the rules)."""
    by_row = {m.row.key: m for m in facts.matching.matches if m.credit.date <= settings.as_of}
    out = []
    for row in facts.list_rows:
        if row.date > settings.as_of:
            continue
        found = by_row.get(row.key)
        if row.key in facts.duplicate_keys:
            status = DUPLICATE
        elif found is not None:
            status = CREDITED if found.exact else MISMATCH
        elif (settings.as_of - row.date).days > settings.not_credited_days:
            status = NOT_CREDITED
        else:
            status = PENDING
        out.append(
            RowStatus(
                row,
                status,
                found.credit.amount if found else Decimal(0),
                found.credit.date if found else None,
                found.credit.location if found else None,
            )
        )
    return out


def batch_summaries(
    facts: Facts, settings: Settings, since: datetime.date | None = None
) -> list[BatchSummary]:
    """One summary per batch listed up to `as_of` (and from `since`, when given), newest first."""
    grouped: dict[str, list[RowStatus]] = {}
    for status in row_statuses(facts, settings):
        grouped.setdefault(status.row.batch, []).append(status)
    out = []
    for batch, statuses in grouped.items():
        first = min(s.row.date for s in statuses)
        if since is not None and max(s.row.date for s in statuses) < since:
            continue
        statuses.sort(key=lambda s: (s.row.participant, s.row.component, s.row.key))
        out.append(
            BatchSummary(batch, tuple(sorted({s.row.funder for s in statuses})), first, tuple(statuses))
        )
    out.sort(key=lambda b: (b.date, b.batch), reverse=True)
    return out
