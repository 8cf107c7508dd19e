"""The reconciliation's knobs: one frozen value passed to every rule."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ledger.disbursements import Window


@dataclass(frozen=True)
class Settings:
    """Thresholds of every rule, with the defaults docs/findings.md documents.

    `as_of` is the day the books are read at: entries after it are ignored and ages (days since
    a withdrawal, a listing) are counted to it. `extra` holds settings of rules added later
    without changing this class (read them with `get`).
    """

    as_of: datetime.date = field(default_factory=datetime.date.today)
    # plans and receipts (ledger/reconcile/plans.py)
    overspend_tolerance: Decimal = Decimal("0.10")  # a line may be exceeded by 10% of its amount
    unrealised_days: int = 60  # days after the withdrawal a plan line may wait for a purchase
    unreceipted_days: int = 30  # days withdrawn cash may wait for its receipts
    meterai_threshold: Decimal = Decimal(5_000_000)  # a receipt above this needs the stamp
    # disbursements (ledger/reconcile/disbursements.py, batches.py; the matching: `window`)
    not_credited_days: int = 14  # days a listed disbursement may wait for its credit
    credit_days_before: int = 7  # a credit may precede its list by this many days
    credit_days_after: int = 30  # ... and follow it by this many
    amount_tolerance: Decimal = Decimal("0.10")  # a credit short or over by at most this is a mismatch
    # messages
    lang: str | None = None  # "id" or "en"; None: $AIDLEDGER_LANG, else Indonesian
    extra: tuple[tuple[str, Any], ...] = ()

    @property
    def window(self) -> Window:
        """How close a credit must be to a list row to clear it (the facts' matching)."""
        return Window(self.credit_days_before, self.credit_days_after, self.amount_tolerance)

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.extra).get(key, default)
