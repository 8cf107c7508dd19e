"""What a rule is and the one way it builds a finding; the registry (registry.py) lists the rules
and the runner (runner.py) runs them.

A rule is a plain function of the facts (read once, ledger/reconcile/facts.py), the program and
the settings, yielding Findings; every rule builds them with `finding`, so severity, companion
and message are filled in one way.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from ledger import i18n
from ledger.findings import KINDS, Finding, sort_key
from ledger.money import format_idr
from ledger.reconcile.facts import Facts
from ledger.reconcile.settings import Settings
from ledger.records import Program

Rule = Callable[[Facts, Program, Settings], Iterable[Finding]]


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
