"""Rules of plans and receipts: one function per finding kind (docs/findings.md).

Every rule reads the facts only. Purchases count for a plan line by the number they name
(`plan-line`), net of returns; the plan in force is the participant's latest revision.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ledger.findings import Finding
from ledger.money import format_idr
from ledger.reconcile.engine import finding
from ledger.reconcile.facts import ZERO, Facts, Movement, Purchase, Receipt, norm
from ledger.reconcile.settings import Settings
from ledger.records import Program


def unplanned_purchase(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A purchase that names no line of the approved plan (or a line it does not have)."""
    for purchase in facts.purchases:
        if purchase.amount <= 0:
            continue
        plan = facts.plans.get(purchase.participant)
        if purchase.plan_line is not None and plan is not None and purchase.plan_line in plan.lines:
            continue
        yield finding(
            "unplanned-purchase",
            program,
            settings,
            participant=purchase.participant,
            date=purchase.date,
            amount=purchase.amount,
            locations=(purchase.location,),
            receipt=purchase.receipt,
            shop=purchase.shop,
            line=purchase.plan_line or "-",
        )


def overspent_plan_line(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """Spending on a line above its amount by more than the tolerance; dated when it crossed it."""
    bought = facts.line_purchases
    for code, plan in facts.plans.items():
        for no, line in plan.lines.items():
            purchases = bought.get((code, no), [])
            limit = line.amount * (1 + settings.overspend_tolerance)
            running = ZERO
            crossed: datetime.date | None = None
            for purchase in purchases:
                running += purchase.amount
                if running > limit and crossed is None:
                    crossed = purchase.date
                elif running <= limit:
                    crossed = None
            if crossed is None:
                continue
            yield finding(
                "overspent-plan-line",
                program,
                settings,
                participant=code,
                date=crossed,
                amount=running - line.amount,
                locations=(line.location, *(p.location for p in purchases)),
                line=no,
                planned=format_idr(line.amount),
                spent=format_idr(running),
            )


def unrealised_plan_line(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A line with no (net) purchase `unrealised_days` after the aid was first withdrawn."""
    first_withdrawal: dict[str, Movement] = {}
    for movement in facts.withdrawals:
        known = first_withdrawal.get(movement.participant)
        if known is None or movement.date < known.date:
            first_withdrawal[movement.participant] = movement
    bought = facts.line_purchases
    for code, plan in facts.plans.items():
        withdrawal = first_withdrawal.get(code)
        if withdrawal is None:
            continue
        for no, line in plan.lines.items():
            if line.amount <= 0:
                continue
            start = max(withdrawal.date, line.approved)
            if (facts.as_of - start).days <= settings.unrealised_days:
                continue
            if sum((p.amount for p in bought.get((code, no), [])), ZERO) > 0:
                continue
            yield finding(
                "unrealised-plan-line",
                program,
                settings,
                participant=code,
                date=start,
                amount=line.amount,
                locations=(line.location, withdrawal.location),
                line=no,
                description=line.description,
                days=(facts.as_of - start).days,
            )


@dataclass
class _Open:
    """A cash debit (withdrawal or refund) and how much of it no receipt covers yet."""

    movement: Movement
    left: Decimal


def unreceipted_withdrawal(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """Cash withdrawn and not covered by receipts after `unreceipted_days`, first in first out.

    Only her Cash account counts: what stays in the savings book (the bank's minimum balance
    included) was never withdrawn, so it is not unreceipted.
    """
    by_participant: dict[str, list[Movement]] = defaultdict(list)
    for movement in facts.movements:
        if movement.role == "Cash":
            by_participant[movement.participant].append(movement)
    for code, moves in by_participant.items():
        moves.sort(key=lambda m: (m.date, m.amount < 0))  # debits of a day before its credits
        queue: list[_Open] = []
        advance = ZERO  # receipts booked before the withdrawal they cover
        for movement in moves:
            if movement.amount > 0:
                used = min(advance, movement.amount)
                advance -= used
                if movement.amount - used > 0:
                    queue.append(_Open(movement, movement.amount - used))
                continue
            credit = -movement.amount
            while credit > 0 and queue:
                head = queue[0]
                used = min(head.left, credit)
                head.left -= used
                credit -= used
                if head.left == 0:
                    queue.pop(0)
            advance += credit
        aged = [o for o in queue if (facts.as_of - o.movement.date).days > settings.unreceipted_days]
        if not aged:
            continue
        amount = sum((o.left for o in aged), ZERO)
        first = aged[0].movement
        yield finding(
            "unreceipted-withdrawal",
            program,
            settings,
            participant=code,
            date=first.date,
            amount=amount,
            locations=tuple(o.movement.location for o in aged),
            days=(facts.as_of - first.date).days,
        )


def purchase_before_approval(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A purchase dated before the line it names was first approved."""
    for purchase in facts.purchases:
        if purchase.amount <= 0 or purchase.plan_line is None:
            continue
        plan = facts.plans.get(purchase.participant)
        if plan is None or purchase.plan_line not in plan.lines:
            continue  # unplanned-purchase says it
        since = plan.approved_since.get(purchase.plan_line)
        if since is None or purchase.date >= since:
            continue
        yield finding(
            "purchase-before-approval",
            program,
            settings,
            participant=purchase.participant,
            date=purchase.date,
            amount=purchase.amount,
            locations=(purchase.location, plan.lines[purchase.plan_line].location),
            line=purchase.plan_line,
            approved=since.isoformat(),
        )


def duplicate_receipt(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """One receipt used twice, within or across participants.

    Two uses are one receipt when they have the same shop and the same number; a receipt
    without a number is the same as another of the same shop, date and amount. Two numbered
    receipts with different numbers are different receipts, however alike (participants often
    shop together). Reported on the later use (by date, then participant), its location first
    and the earlier use's after it; the first use is the original and is not reported.
    """
    by_number: dict[tuple[str, str], Receipt] = {}
    numbered_by_amount: dict[tuple[str, datetime.date, Decimal], Receipt] = {}
    unnumbered_by_amount: dict[tuple[str, datetime.date, Decimal], Receipt] = {}
    for use in facts.receipts:
        if use.total <= 0:
            continue  # a return slip is no purchase to duplicate
        shop, number = norm(use.shop), norm(use.number)
        alike = (shop, use.date, use.total)
        if number:
            original = by_number.get((shop, number)) or unnumbered_by_amount.get(alike)
            by_number.setdefault((shop, number), use)
            numbered_by_amount.setdefault(alike, use)
        else:
            original = numbered_by_amount.get(alike) or unnumbered_by_amount.get(alike)
            unnumbered_by_amount.setdefault(alike, use)
        if original is None:
            continue
        yield finding(
            "duplicate-receipt",
            program,
            settings,
            participant=use.participant,
            date=use.date,
            amount=use.total,
            locations=(use.location, original.location),
            receipt=use.number or "-",
            shop=use.shop,
            other=original.participant,
            other_date=original.date.isoformat(),
        )


def missing_meterai(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A receipt above the threshold (Rp 5.000.000) without the stamp."""
    for use in facts.receipts:
        if use.total > settings.meterai_threshold and not use.meterai:
            yield finding(
                "missing-meterai",
                program,
                settings,
                participant=use.participant,
                date=use.date,
                amount=use.total,
                locations=tuple(p.location for p in use.purchases),
                receipt=use.number or "-",
                shop=use.shop,
            )


def category_mismatch(facts: Facts, program: Program, settings: Settings) -> Iterator[Finding]:
    """A purchase booked in another category than its plan line has now."""
    for purchase in facts.purchases:
        if purchase.amount <= 0 or purchase.plan_line is None:
            continue
        plan = facts.plans.get(purchase.participant)
        line = plan.lines.get(purchase.plan_line) if plan else None
        if line is None or line.category_account == purchase.category_account:
            continue
        yield finding(
            "category-mismatch",
            program,
            settings,
            participant=purchase.participant,
            date=purchase.date,
            amount=purchase.amount,
            locations=(purchase.location, line.location),
            line=purchase.plan_line,
            booked=_category_label(purchase),
            planned=line.category,
        )


def _category_label(purchase: Purchase) -> str:
    """The category as the receipt typed it ("Lain-lain"), not its account name ("LainLain")."""
    label = purchase.meta.get("category")
    return label if isinstance(label, str) and label else purchase.category_account
