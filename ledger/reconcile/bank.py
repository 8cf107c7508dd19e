"""Bank lines the rule table did not know: booked to the participant's Suspense account by the
statement importers (importers/booking.py), each one a finding until someone decides its kind.

A line is settled by an entry that moves it out of Suspense with `reclassifies:` metadata naming
the line's import-key (the convention disbursement reclassifications use too).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ledger import accounts
from ledger.findings import Finding
from ledger.reconcile.engine import finding
from ledger.reconcile.facts import Facts, Movement
from ledger.reconcile.settings import Settings
from ledger.records import Program

RECLASSIFIES = "reclassifies"
IMPORT_KEY = "import-key"


def unclassified_lines(movements: Iterable[Movement]) -> list[Movement]:
    """Suspense movements that came from a savings-book line and are not reclassified."""
    moves = list(movements)
    settled = {str(m.meta[RECLASSIFIES]) for m in moves if m.meta and RECLASSIFIES in m.meta}
    return [
        m
        for m in moves
        if m.role == accounts.SUSPENSE
        and (accounts.parse_aid_account(m.counter) or accounts.AidAccount("", "", "", None)).role
        == accounts.SAVINGS
        and str((m.meta or {}).get(IMPORT_KEY, "")) not in settled
    ]


def unclassified_bank_line_findings(
    movements: Iterable[Movement], program: Program, settings: Settings
) -> Iterator[Finding]:
    """One `unclassified-bank-line` finding per bank line still in a participant's Suspense."""
    for move in unclassified_lines(movements):
        meta = move.meta or {}
        yield finding(
            "unclassified-bank-line",
            program,
            settings,
            participant=move.participant,
            date=move.date,
            amount=-move.amount,  # the movement of her savings book
            locations=(move.location, str(meta.get("source", "")) + ":" + str(meta.get("source-line", ""))),
            code=str(meta.get("bank-code", "")),
            description=str(meta.get("description", move.narration)),
        )


def unclassified_bank_line(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A savings-book line no rule of the rule table knows (booked to Suspense, not yet settled)."""
    return unclassified_bank_line_findings(facts.movements, program, settings)
