"""Disbursement rules of the reconciliation: one function per finding kind.

Each rule reads the same `DisbursementFacts` (list rows, aid credits and their matching, built
once per load by ledger.disbursements) and yields Findings:

    disbursement-not-credited      a row no credit cleared, older than `not_credited_days`
    disbursement-amount-mismatch   a row cleared by a credit of another amount (potongan included)
    credit-without-disbursement    an aid credit no row explains
    duplicate-disbursement         a participant listed again for one component in one batch

A duplicate row that stays uncredited is reported once, as a duplicate, not also as
not credited: the funder listed her twice; one payment is what she is owed.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from beancount.core import data

from ledger import disbursements as disb
from ledger import i18n
from ledger.findings import KINDS, Finding
from ledger.money import format_idr
from ledger.reconcile import engine
from ledger.reconcile.facts import Facts
from ledger.reconcile.settings import Settings
from ledger.records import Program


@dataclass(frozen=True)
class DisbursementSettings:
    as_of: datetime.date
    not_credited_days: int = 14
    window: disb.Window = disb.DEFAULT_WINDOW
    lang: str = "id"


@dataclass
class DisbursementFacts:
    """What the books say about lists and credits, with the one matching (built once)."""

    rows: list[disb.ListedRow]
    credits: list[disb.Credit]
    matching: disb.Matching
    duplicates: list[disb.ListedRow]
    program: Program
    duplicate_keys: set[str] = field(default_factory=set)

    @classmethod
    def build(
        cls, entries: Sequence[data.Directive], program: Program, window: disb.Window = disb.DEFAULT_WINDOW
    ) -> DisbursementFacts:
        """From the entries directly (the engine builds them from its facts: `facts_for`)."""
        credits = [c for c in disb.savings_credits(entries) if c.aid]
        return cls.from_parts(disb.listed_rows(entries), credits, program, window)

    @classmethod
    def from_parts(
        cls,
        rows: list[disb.ListedRow],
        credits: list[disb.Credit],
        program: Program,
        window: disb.Window = disb.DEFAULT_WINDOW,
    ) -> DisbursementFacts:
        duplicates = disb.duplicate_rows(rows)
        return cls(
            rows,
            credits,
            disb.match(rows, credits, window),
            duplicates,
            program,
            {row.key for row in duplicates},
        )

    def companion(self, participant: str) -> str:
        person = self.program.participants.get(participant)
        return person.companion if person else ""


Rule = Callable[[DisbursementFacts, DisbursementSettings], Iterator[Finding]]


def _finding(
    facts: DisbursementFacts,
    kind: str,
    participant: str,
    date: datetime.date,
    amount: Decimal,
    message: str,
    locations: tuple[str, ...],
) -> Finding:
    return Finding(
        kind, KINDS[kind], participant, facts.companion(participant), date, amount, message, locations
    )


def disbursement_not_credited(facts: DisbursementFacts, settings: DisbursementSettings) -> Iterator[Finding]:
    """Listed and still in transit after `not_credited_days`."""
    for row in facts.matching.unmatched_rows:
        if row.key in facts.duplicate_keys:
            continue
        days = (settings.as_of - row.date).days
        if days <= settings.not_credited_days:
            continue
        message = i18n.text(
            "disbursement-not-credited",
            settings.lang,
            component=row.component,
            batch=row.batch,
            amount=format_idr(row.amount),
            date=row.date,
            days=days,
        )
        yield _finding(
            facts,
            "disbursement-not-credited",
            row.participant,
            row.date,
            row.amount,
            message,
            (row.location,),
        )


def disbursement_amount_mismatch(
    facts: DisbursementFacts, settings: DisbursementSettings
) -> Iterator[Finding]:
    """Credited, but with another amount than listed (a deduction is a difference too)."""
    for found in facts.matching.matches:
        if found.exact or found.credit.date > settings.as_of:
            continue
        row, credit = found.row, found.credit
        difference = row.amount - credit.amount
        message = i18n.text(
            "disbursement-amount-mismatch",
            settings.lang,
            component=row.component,
            batch=row.batch,
            listed=format_idr(row.amount),
            credited=format_idr(credit.amount),
            date=credit.date,
            difference=format_idr(difference),
        )
        yield _finding(
            facts,
            "disbursement-amount-mismatch",
            row.participant,
            credit.date,
            difference,
            message,
            (row.location, credit.location),
        )


def credit_without_disbursement(
    facts: DisbursementFacts, settings: DisbursementSettings
) -> Iterator[Finding]:
    """An aid credit (by the rule table) that no list explains."""
    for credit in facts.matching.unmatched_credits:
        if credit.date > settings.as_of:
            continue
        message = i18n.text(
            "credit-without-disbursement", settings.lang, amount=format_idr(credit.amount), date=credit.date
        )
        locations = (credit.location,) + ((credit.reclass_location,) if credit.reclass_location else ())
        yield _finding(
            facts,
            "credit-without-disbursement",
            credit.participant,
            credit.date,
            credit.amount,
            message,
            locations,
        )


def duplicate_disbursement(facts: DisbursementFacts, settings: DisbursementSettings) -> Iterator[Finding]:
    """A participant listed again for one component in one batch: booked as listed, reported."""
    first: dict[tuple[str, str, str], disb.ListedRow] = {}
    for row in facts.rows:
        first.setdefault((row.batch, row.participant, row.component), row)
    for row in facts.duplicates:
        if row.date > settings.as_of:
            continue
        original = first[(row.batch, row.participant, row.component)]
        message = i18n.text(
            "duplicate-disbursement",
            settings.lang,
            component=row.component,
            batch=row.batch,
            amount=format_idr(row.amount),
        )
        yield _finding(
            facts,
            "duplicate-disbursement",
            row.participant,
            row.date,
            row.amount,
            message,
            (row.location, original.location),
        )


RULES: dict[str, Rule] = {
    "disbursement-not-credited": disbursement_not_credited,
    "disbursement-amount-mismatch": disbursement_amount_mismatch,
    "credit-without-disbursement": credit_without_disbursement,
    "duplicate-disbursement": duplicate_disbursement,
}


def findings(facts: DisbursementFacts, settings: DisbursementSettings) -> list[Finding]:
    """Every disbursement finding, in the rules' order."""
    return [finding for rule in RULES.values() for finding in rule(facts, settings)]


# --- registration in the engine (ledger/reconcile/engine.py) -----------------------------------

_CACHE_ATTR = "_disbursement_facts"


def settings_for(settings: Settings) -> DisbursementSettings:
    """The engine's Settings, as the disbursement rules read them."""
    return DisbursementSettings(
        as_of=settings.as_of,
        not_credited_days=settings.not_credited_days,
        window=disb.Window(
            settings.credit_days_before, settings.credit_days_after, settings.amount_tolerance
        ),
        lang=settings.lang or i18n.default_language(),
    )


def facts_for(facts: Facts, program: Program, settings: Settings) -> DisbursementFacts:
    """The disbursement facts of one engine run, built from its movements once and kept on it."""
    window = settings_for(settings).window
    cached = getattr(facts, _CACHE_ATTR, None)
    if cached is not None and cached[0] == window and cached[1] is program:
        return cached[2]  # type: ignore[no-any-return]
    rows, credits = disb.from_movements(facts.movements)
    built = DisbursementFacts.from_parts(rows, [c for c in credits if c.aid], program, window)
    setattr(facts, _CACHE_ATTR, (window, program, built))
    return built


def _engine_rule(kind: str) -> None:
    own = RULES[kind]

    def run(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
        return own(facts_for(facts, program, settings), settings_for(settings))

    run.__name__ = own.__name__
    run.__doc__ = own.__doc__
    engine.register(kind, run)


for _kind in RULES:
    _engine_rule(_kind)


# --- per batch: each participant's status (the Fava extension's disbursements page) -------------

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


def row_statuses(facts: DisbursementFacts, settings: DisbursementSettings) -> list[RowStatus]:
    """Every list row with its status as of `settings.as_of` (the same matching as the rules)."""
    by_row = {m.row.key: m for m in facts.matching.matches if m.credit.date <= settings.as_of}
    out = []
    for row in facts.rows:
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
    facts: DisbursementFacts,
    settings: DisbursementSettings,
    since: datetime.date | None = None,
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
