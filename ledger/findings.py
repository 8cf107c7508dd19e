"""Findings of the reconciliation: business anomalies, never load errors.

Every finding has a stable `kind`, documented in docs/findings.md, with a default severity.
The reconciliation engine (ledger/reconcile/) produces them; the CLI, the Fava extension and
the PDF reports only present them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, NamedTuple

ERROR = "error"
WARNING = "warning"

# kind -> default severity. Adding a kind here means documenting it in docs/findings.md.
KINDS: dict[str, str] = {
    # plans and receipts (issue 4)
    "unplanned-purchase": WARNING,
    "overspent-plan-line": ERROR,
    "unrealised-plan-line": WARNING,
    "unreceipted-withdrawal": ERROR,
    "purchase-before-approval": ERROR,
    "duplicate-receipt": ERROR,
    "missing-meterai": WARNING,
    "category-mismatch": WARNING,
    # disbursements (issue 5)
    "disbursement-not-credited": ERROR,
    "disbursement-amount-mismatch": ERROR,
    "credit-without-disbursement": WARNING,
    "duplicate-disbursement": ERROR,
    # bank lines
    "unclassified-bank-line": WARNING,
    # business progress after the aid (issue 11)
    "progress-visit-overdue": WARNING,
    "business-stopped": WARNING,
}


class Finding(NamedTuple):
    kind: str
    severity: str
    participant: str
    companion: str
    date: datetime.date
    amount: Decimal
    message: str
    locations: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO text, amounts as whole-rupiah strings (exact)."""
        return {
            "kind": self.kind,
            "severity": self.severity,
            "participant": self.participant,
            "companion": self.companion,
            "date": self.date.isoformat(),
            "amount": str(self.amount),
            "message": self.message,
            "locations": list(self.locations),
        }


def sort_key(finding: Finding) -> tuple[str, datetime.date, str, str]:
    return (
        finding.participant,
        finding.date,
        finding.kind,
        finding.locations[0] if finding.locations else "",
    )
