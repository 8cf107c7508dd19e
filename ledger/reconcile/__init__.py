"""The reconciliation engine: plain functions from the books' entries to findings and summaries.

The CLI (`aidledger reconcile`), the Fava extension and the PDF reports call only this package.

Public API
----------
    Settings                        frozen dataclass of every threshold (settings.py): as_of,
                                    overspend_tolerance (10%), unrealised_days (60),
                                    unreceipted_days (30), meterai_threshold, not_credited_days
                                    (14), credit_days_before/after, amount_tolerance, lang, extra
    build_facts(entries, as_of)     the facts layer (facts.py): the entries read ONCE into plain
      -> Facts                      records: plans (revisions, lines in force, approved_since),
                                    purchases, movements (Savings/Cash/Transit/Suspense postings
                                    with their counter account; Savings postings against fees,
                                    interest and tax count in the balances only; .withdrawals,
                                    .aid_credits, .listed), balances per participant and account
                                    role, documents; `cache` for what rules derive and share
    Rule                            Callable[[Facts, Program, Settings], Iterable[Finding]]
    register(kind, fn) / @rule(kind) one function per finding kind (ledger.findings.KINDS),
                                    beancount-plugin style; RULES maps kind -> function
    finding(kind, program, settings, participant=, date=, amount=, locations=, **values)
                                    a Finding with the default severity, the companion, and the
                                    ledger.i18n message `kind` filled in
    reconcile(entries, program, settings=None, kinds=None) -> list[Finding]
                                    every registered rule, sorted (participant, date, kind,
                                    location, message) and stable
    run(entries, program, settings, kinds=None) -> Reconciliation(settings, facts, findings)
                                    the same, keeping the facts for summaries (one read);
                                    `.summaries(program)` = summarise(facts, program)
    summarise(facts, program) -> list[ParticipantSummary]
                                    per participant: plan total, aid received, withdrawn,
                                    receipted, unplanned, cash not yet covered, savings balance
                                    (min balance, available), realisation %; `.lines`: one
                                    LineSummary per plan line (planned against actual)

Adding rules: put them in a module of this package, decorate each with `@rule("<kind>")`
(import from ledger.reconcile.engine, not from here), add the kind's message to ledger/i18n.py,
and import the module at the bottom of this file.

Rule modules: plans.py (plans and receipts, issue 4); disbursements.py (issue 5); bank.py
(unclassified bank lines); progress.py (progress visits, issue 11).
"""

from __future__ import annotations

# rule modules register themselves on import (one line each)
from ledger.reconcile import bank as _bank  # noqa: F401
from ledger.reconcile import disbursements as _disbursements  # noqa: F401
from ledger.reconcile import plans as _plans  # noqa: F401
from ledger.reconcile import progress as _progress  # noqa: F401
from ledger.reconcile.engine import RULES, Reconciliation, Rule, finding, reconcile, register, rule, run
from ledger.reconcile.facts import Facts, Movement, Plan, PlanLine, PlanRevision, Purchase, build_facts
from ledger.reconcile.settings import Settings
from ledger.reconcile.summary import LineSummary, ParticipantSummary, summarise

__all__ = [
    "RULES",
    "Facts",
    "LineSummary",
    "Movement",
    "ParticipantSummary",
    "Plan",
    "PlanLine",
    "PlanRevision",
    "Purchase",
    "Reconciliation",
    "Rule",
    "Settings",
    "build_facts",
    "finding",
    "reconcile",
    "register",
    "rule",
    "run",
    "summarise",
]
