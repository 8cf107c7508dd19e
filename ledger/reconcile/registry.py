"""The rules of the reconciliation, listed: finding kind -> the one function that finds it.

Written out here, not collected by decorators as modules are imported: a rule runs because
this list names it, and importing a rule module changes nothing. The order is that of
ledger.findings.KINDS (the run sorts the findings, so it does not show in the output); a test
holds the list to exactly those kinds. The mapping is read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ledger.reconcile import bank, disbursements, plans, progress
from ledger.reconcile.engine import Rule

RULES: Mapping[str, Rule] = MappingProxyType(
    {
        # plans and receipts (plans.py)
        "unplanned-purchase": plans.unplanned_purchase,
        "overspent-plan-line": plans.overspent_plan_line,
        "unrealised-plan-line": plans.unrealised_plan_line,
        "unreceipted-withdrawal": plans.unreceipted_withdrawal,
        "purchase-before-approval": plans.purchase_before_approval,
        "duplicate-receipt": plans.duplicate_receipt,
        "missing-meterai": plans.missing_meterai,
        "category-mismatch": plans.category_mismatch,
        # disbursement lists and credits (disbursements.py)
        "disbursement-not-credited": disbursements.disbursement_not_credited,
        "disbursement-amount-mismatch": disbursements.disbursement_amount_mismatch,
        "credit-without-disbursement": disbursements.credit_without_disbursement,
        "duplicate-disbursement": disbursements.duplicate_disbursement,
        # bank lines (bank.py)
        "unclassified-bank-line": bank.unclassified_bank_line,
        # progress after the aid (progress.py)
        "progress-visit-overdue": progress.progress_visit_overdue,
        "business-stopped": progress.business_stopped,
    }
)
