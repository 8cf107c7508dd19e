"""The rule registry and the run: facts once, every registered rule over them, findings sorted."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from beancount.core import data

from ledger import i18n
from ledger.findings import KINDS, Finding, sort_key
from ledger.gcpause import paused as gc_paused
from ledger.money import format_idr
from ledger.reconcile.facts import Facts, build_facts
from ledger.reconcile.settings import Settings

if TYPE_CHECKING:
    from ledger.reconcile.summary import ParticipantSummary
from ledger.records import Program

Rule = Callable[[Facts, Program, Settings], Iterable[Finding]]

# kind -> the rule that finds it; one function per kind, in registration order
RULES: dict[str, Rule] = {}


def register(kind: str, rule: Rule) -> Rule:
    """Register the rule that finds `kind` (one of ledger.findings.KINDS)."""
    if kind not in KINDS:
        raise ValueError(f"unknown finding kind {kind!r}: add it to ledger.findings.KINDS first")
    RULES[kind] = rule
    return rule


def rule(kind: str) -> Callable[[Rule], Rule]:
    """Decorator form of `register`: `@rule("unplanned-purchase")`."""

    def wrap(function: Rule) -> Rule:
        return register(kind, function)

    return wrap


def finding(
    kind: str,
    program: Program,
    settings: Settings,
    *,
    participant: str,
    date: datetime.date,
    amount: Decimal,
    locations: Sequence[str],
    **values: object,
) -> Finding:
    """A finding of `kind` with its default severity, the participant's companion, and the
    message `kind` in ledger.i18n filled with `values` (plus participant, date and amount)."""
    person = program.participants.get(participant)
    message = i18n.text(
        kind,
        settings.lang,
        participant=participant,
        date=date.isoformat(),
        amount=format_idr(amount),
        **values,
    )
    return Finding(
        kind,
        KINDS[kind],
        participant,
        person.companion if person else "",
        date,
        amount,
        message,
        tuple(locations),
    )


def stable_key(item: Finding) -> tuple[str, datetime.date, str, str, str, str]:
    return (*sort_key(item), item.message, "\n".join(item.locations))


@dataclass
class Reconciliation:
    """One run: the facts, the findings and the summaries, from one read of the entries."""

    settings: Settings
    facts: Facts
    findings: list[Finding] = field(default_factory=list)

    def summaries(self, program: Program) -> list[ParticipantSummary]:
        """Per participant and plan line, from the same facts (ledger.reconcile.summary)."""
        from ledger.reconcile.summary import summarise

        return summarise(self.facts, program)


def run_rules(
    facts: Facts, program: Program, settings: Settings, kinds: Iterable[str] | None = None
) -> list[Finding]:
    chosen = set(kinds) if kinds is not None else None
    found: list[Finding] = []
    for kind, function in RULES.items():
        if chosen is None or kind in chosen:
            found.extend(function(facts, program, settings))
    found.sort(key=stable_key)
    return found


def run(
    entries: Iterable[data.Directive],
    program: Program,
    settings: Settings,
    kinds: Iterable[str] | None = None,
) -> Reconciliation:
    with gc_paused():
        facts = build_facts(entries, settings.as_of)
        return Reconciliation(settings, facts, run_rules(facts, program, settings, kinds))


def reconcile(
    entries: Iterable[data.Directive],
    program: Program,
    settings: Settings | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding of every registered rule (or of `kinds`), sorted and stable."""
    return run(entries, program, settings or Settings(), kinds).findings
