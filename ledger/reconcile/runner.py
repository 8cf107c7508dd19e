"""The run: the facts read once, every rule of the registry over them, the findings sorted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from beancount.core import data

from ledger import progress
from ledger.findings import Finding
from ledger.reconcile.engine import stable_key
from ledger.reconcile.facts import Facts, build_facts
from ledger.reconcile.registry import RULES
from ledger.reconcile.settings import Settings
from ledger.reconcile.summary import ParticipantSummary, summarise
from ledger.records import Program


@dataclass
class Reconciliation:
    """One run: the facts, the findings and the summaries, from one read of the entries."""

    settings: Settings
    facts: Facts
    findings: list[Finding] = field(default_factory=list)

    def summaries(self, program: Program) -> list[ParticipantSummary]:
        """Per participant and plan line, from the same facts (ledger.reconcile.summary)."""
        return summarise(self.facts, program)


def facts_for(entries: Iterable[data.Directive], program: Program, settings: Settings) -> Facts:
    """The facts of one run: read up to `settings.as_of`, matched under `settings.window`,
    progress under the program's visit schedule."""
    return build_facts(
        entries, settings.as_of, window=settings.window, schedule=progress.Schedule.of(program.settings)
    )


def run_rules(
    facts: Facts, program: Program, settings: Settings, kinds: Iterable[str] | None = None
) -> list[Finding]:
    """Every rule of the registry (or those of `kinds`) over facts built for these settings."""
    if (facts.as_of, facts.window, facts.schedule) != (
        settings.as_of,
        settings.window,
        progress.Schedule.of(program.settings),
    ):
        raise ValueError("these facts were built for another day, credit window or visit schedule")
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
    facts = facts_for(entries, program, settings)
    return Reconciliation(settings, facts, run_rules(facts, program, settings, kinds))


def reconcile(
    entries: Iterable[data.Directive],
    program: Program,
    settings: Settings | None = None,
    kinds: Iterable[str] | None = None,
) -> list[Finding]:
    """Every finding of every rule of the registry (or of `kinds`), sorted and stable."""
    return run(entries, program, settings or Settings(), kinds).findings
