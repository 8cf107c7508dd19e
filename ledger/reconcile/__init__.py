"""The reconciliation engine: plain functions from the books' entries to findings and summaries.

The CLI (`aidledger reconcile`), the Fava extension and the PDF reports call only this package.

Public API
----------
    Settings                        frozen dataclass of every threshold (settings.py): as_of,
                                    overspend_tolerance (10%), unrealised_days (60),
                                    unreceipted_days (30), meterai_threshold, not_credited_days
                                    (14), credit_days_before/after, amount_tolerance (`.window`),
                                    lang, extra
    build_facts(entries, as_of, *, window=, schedule=)
      -> Facts                      the facts layer (facts.py): the entries read ONCE into plain
                                    records: plans (revisions, lines in force, approved_since),
                                    purchases, movements (Savings/Cash/Transit/Suspense postings
                                    with their counter account; Savings postings against fees,
                                    interest and tax count in the balances only), balances per
                                    participant and account role, documents, visits; what rules
                                    derive and share are typed cached properties (.withdrawals,
                                    .aid_credits, .listed, .line_purchases, .receipts, .list_rows,
                                    .matching under `window`, .progress under `schedule`)
    facts_for(entries, program, settings) -> Facts
                                    build_facts with the run's knobs (settings.as_of and .window,
                                    the program's visit schedule)
    Rule                            Callable[[Facts, Program, Settings], Iterable[Finding]]
    RULES                           the registry (registry.py): finding kind -> its rule, written
                                    out, read-only, exactly ledger.findings.KINDS
    finding(kind, program, settings, participant=, date=, amount=, locations=, **values)
                                    the one finding constructor (engine.py): a Finding with the
                                    default severity, the companion, and the ledger.i18n message
                                    `kind` filled in
    reconcile(entries, program, settings=None, kinds=None) -> list[Finding]
                                    every rule of the registry, sorted (participant, date, kind,
                                    location, message) and stable
    run(entries, program, settings, kinds=None) -> Reconciliation(settings, facts, findings)
                                    the same, keeping the facts for summaries (one read);
                                    `.summaries(program)` = summarise(facts, program)
    summarise(facts, program) -> list[ParticipantSummary]
                                    per participant: plan total, aid received, withdrawn,
                                    receipted, unplanned, cash not yet covered, savings balance
                                    (min balance, available), realisation %; `.lines`: one
                                    LineSummary per plan line (planned against actual)
    batch_summaries(facts, settings, since=None) -> list[BatchSummary]
                                    each list row's disbursement status per batch (batches.py),
                                    for the Fava extension and the reports

Adding rules: write the rule as a plain function `(facts, program, settings) -> Iterable[Finding]`
in a module of this package (plans.py, disbursements.py, bank.py, progress.py or a new one),
building its findings with `finding` from ledger.reconcile.engine; add the kind to
ledger.findings.KINDS (and docs/findings.md), its message to ledger/i18n.py, and one line
`"<kind>": module.function` to RULES in registry.py. Nothing registers itself: a rule runs
because the registry names it (tests/test_reconcile_registry.py holds the registry to KINDS).
A derived fact several rules share is a `cached_property` of Facts, not a cache of the rule.

Modules: engine.py (Rule, finding), registry.py (RULES), runner.py (run, reconcile), facts.py,
settings.py; rules: plans.py (plans and receipts, issue 4), disbursements.py (issue 5), bank.py
(unclassified bank lines), progress.py (progress visits, issue 11); beside the findings:
summary.py (per participant and plan line), batches.py (disbursement status per batch),
overview.py (per funder, cohort and group).
"""

from __future__ import annotations

from ledger.reconcile.batches import BatchSummary, RowStatus, batch_summaries
from ledger.reconcile.engine import Rule, finding
from ledger.reconcile.facts import Facts, Movement, Plan, PlanLine, PlanRevision, Purchase, build_facts
from ledger.reconcile.registry import RULES
from ledger.reconcile.runner import Reconciliation, facts_for, reconcile, run
from ledger.reconcile.settings import Settings
from ledger.reconcile.summary import LineSummary, ParticipantSummary, summarise

__all__ = [
    "RULES",
    "BatchSummary",
    "Facts",
    "LineSummary",
    "Movement",
    "ParticipantSummary",
    "Plan",
    "PlanLine",
    "PlanRevision",
    "Purchase",
    "Reconciliation",
    "RowStatus",
    "Rule",
    "Settings",
    "batch_summaries",
    "build_facts",
    "facts_for",
    "finding",
    "reconcile",
    "run",
    "summarise",
]
