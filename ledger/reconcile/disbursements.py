"""Disbursement rules of the reconciliation: one function per finding kind.

Each rule reads the facts' one matching of list rows and aid credits (`Facts.matching`, under
the Settings' credit window; ledger.disbursements holds the matching rule the bank booking
uses too) and yields Findings:

    disbursement-not-credited      a row no credit cleared, older than `not_credited_days`
    disbursement-amount-mismatch   a row cleared by a credit of another amount (potongan included)
    credit-without-disbursement    an aid credit no row explains
    duplicate-disbursement         a participant listed again for one component in one batch

A duplicate row that stays uncredited is reported once, as a duplicate, not also as
not credited: the funder listed her twice; one payment is what she is owed. Each row's status
per batch (the Fava extension's disbursements page) is ledger/reconcile/batches.py.
"""

from __future__ import annotations

from collections.abc import Iterator

from ledger import disbursements as disb
from ledger.findings import Finding
from ledger.money import format_idr
from ledger.reconcile.engine import finding
from ledger.reconcile.facts import Facts
from ledger.reconcile.settings import Settings
from ledger.records import Program


def disbursement_not_credited(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """Listed and still in transit after `not_credited_days`."""
    for row in facts.matching.unmatched_rows:
        if row.key in facts.duplicate_keys:
            continue
        days = (settings.as_of - row.date).days
        if days <= settings.not_credited_days:
            continue
        yield finding(
            "disbursement-not-credited",
            program,
            settings,
            participant=row.participant,
            date=row.date,
            amount=row.amount,
            locations=(row.location,),
            component=row.component,
            batch=row.batch,
            days=days,
        )


def disbursement_amount_mismatch(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """Credited, but with another amount than listed (a deduction is a difference too)."""
    for found in facts.matching.matches:
        if found.exact or found.credit.date > settings.as_of:
            continue
        row, credit = found.row, found.credit
        difference = row.amount - credit.amount
        yield finding(
            "disbursement-amount-mismatch",
            program,
            settings,
            participant=row.participant,
            date=credit.date,
            amount=difference,
            locations=(row.location, credit.location),
            component=row.component,
            batch=row.batch,
            listed=format_idr(row.amount),
            credited=format_idr(credit.amount),
            difference=format_idr(difference),
        )


def credit_without_disbursement(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """An aid credit (by the rule table) that no list explains."""
    for credit in facts.matching.unmatched_credits:
        if credit.date > settings.as_of:
            continue
        yield finding(
            "credit-without-disbursement",
            program,
            settings,
            participant=credit.participant,
            date=credit.date,
            amount=credit.amount,
            locations=(credit.location,) + ((credit.reclass_location,) if credit.reclass_location else ()),
        )


def duplicate_disbursement(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A participant listed again for one component in one batch: booked as listed, reported."""
    first: dict[tuple[str, str, str], disb.ListedRow] = {}
    for row in facts.list_rows:
        first.setdefault((row.batch, row.participant, row.component), row)
    for row in facts.duplicate_rows:
        if row.date > settings.as_of:
            continue
        original = first[(row.batch, row.participant, row.component)]
        yield finding(
            "duplicate-disbursement",
            program,
            settings,
            participant=row.participant,
            date=row.date,
            amount=row.amount,
            locations=(row.location, original.location),
            component=row.component,
            batch=row.batch,
        )
