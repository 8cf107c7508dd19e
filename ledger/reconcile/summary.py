"""Summaries per participant and per plan line: what the table output, the Fava extension and
the PDF reports show beside the findings. Plain dataclasses with Decimal fields.

Definitions (docs/findings.md, "Summaries"):
- plan total: the amounts of the plan in force (latest revision);
- aid received: aid credited to her savings book (Savings from Transit), plus own deposits
  a list later showed to be aid (OwnFunds -> Transit reclassifications);
- withdrawn: cash taken from the savings book (Cash from Savings), gross;
- receipted: purchases, net of returns, planned or not;
- cash not yet covered: the balance of her Cash account;
- savings balance: the balance of her savings book; `available` is what lies above the
  bank's minimum balance, which she can never withdraw;
- realisation %: the purchases against the plan's lines (net, each line's at least zero) over
  the plan total, NOT capped: a participant who spent more than planned shows above 100%;
- overspent: what the lines bought beyond their amounts, summed (shown beside the percentage:
  112% may be one line bought twice over while another is still open; the findings
  `overspent-plan-line` and `unrealised-plan-line` say which).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ledger import accounts
from ledger.reconcile.facts import ZERO, Facts, Plan
from ledger.records import Program

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LineSummary:
    participant: str
    no: str
    description: str
    category: str
    planned: Decimal
    actual: Decimal  # purchases naming the line, net of returns
    purchases: int  # receipt lines naming it
    revision: int
    approved: datetime.date

    @property
    def difference(self) -> Decimal:
        return self.actual - self.planned


@dataclass(frozen=True)
class ParticipantSummary:
    participant: str
    companion: str
    plan_revision: int
    plan_total: Decimal
    aid_received: Decimal
    withdrawn: Decimal
    receipted: Decimal
    unplanned: Decimal  # receipted without an approved plan line
    cash_uncovered: Decimal
    savings_balance: Decimal
    min_balance: Decimal
    realisation: Decimal  # percent, one decimal, above 100 when the lines bought more than planned
    lines: tuple[LineSummary, ...]
    overspent: Decimal = ZERO  # sum over the lines of what was bought beyond the line's amount

    @property
    def available(self) -> Decimal:
        """Savings she could still withdraw: the balance above the bank's minimum."""
        return max(ZERO, self.savings_balance - self.min_balance)


def summarise(facts: Facts, program: Program) -> list[ParticipantSummary]:
    """One summary per participant known to the program or the facts, sorted by code."""
    return _summarise(facts, program)


def _summarise(facts: Facts, program: Program) -> list[ParticipantSummary]:
    bought = _purchase_totals(facts)
    received, withdrawn = _aid_received(facts), _withdrawn(facts)
    out = []
    for code in sorted(set(program.participants) | facts.participants()):
        person = program.participants.get(code)
        plan = facts.plans.get(code)
        lines = _line_summaries(code, plan, bought) if plan is not None else []
        total = sum((line.planned for line in lines), ZERO)
        realised = sum((max(ZERO, line.actual) for line in lines), ZERO)
        overspent = sum((max(ZERO, line.actual - line.planned) for line in lines), ZERO)
        realisation = (realised * HUNDRED / total).quantize(Decimal("0.1"), ROUND_HALF_UP) if total else ZERO
        out.append(
            ParticipantSummary(
                participant=code,
                companion=person.companion if person else "",
                plan_revision=plan.revision if plan else 0,
                plan_total=total,
                aid_received=received[code],
                withdrawn=withdrawn[code],
                receipted=bought.receipted[code],
                unplanned=bought.unplanned[code],
                cash_uncovered=facts.balance(code, accounts.CASH),
                savings_balance=facts.balance(code, accounts.SAVINGS),
                min_balance=person.min_balance if person else ZERO,
                realisation=realisation,
                lines=tuple(lines),
                overspent=overspent,
            )
        )
    return out


@dataclass
class _Bought:
    """Purchases summed: per plan line (amount and receipt lines), per participant (all, and
    those naming no line of her plan in force)."""

    actual: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    count: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    receipted: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    unplanned: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))


def _purchase_totals(facts: Facts) -> _Bought:
    bought = _Bought()
    for purchase in facts.purchases:
        bought.receipted[purchase.participant] += purchase.amount
        plan = facts.plans.get(purchase.participant)
        if purchase.plan_line is not None and plan is not None and purchase.plan_line in plan.lines:
            key = (purchase.participant, purchase.plan_line)
            bought.actual[key] += purchase.amount
            bought.count[key] += 1
        else:
            bought.unplanned[purchase.participant] += purchase.amount
    return bought


def _aid_received(facts: Facts) -> dict[str, Decimal]:
    """Aid credited to her savings book, plus own deposits reclassified as aid."""
    received: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for credit in facts.aid_credits:
        received[credit.participant] += credit.amount
    for credit in facts.reclassified_credits:
        received[credit.participant] -= credit.amount
    return received


def _withdrawn(facts: Facts) -> dict[str, Decimal]:
    withdrawn: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for withdrawal in facts.withdrawals:
        withdrawn[withdrawal.participant] += withdrawal.amount
    return withdrawn


def _line_summaries(code: str, plan: Plan, bought: _Bought) -> list[LineSummary]:
    """Her plan's lines in force, in number order, each against what was bought on it."""
    return [
        LineSummary(
            code,
            no,
            line.description,
            line.category,
            line.amount,
            bought.actual[(code, no)],
            bought.count[(code, no)],
            line.revision,
            line.approved,
        )
        for no, line in sorted(plan.lines.items(), key=lambda item: _line_order(item[0]))
    ]


def _line_order(no: str) -> tuple[int, str]:
    return (int(no), "") if no.isdigit() else (1 << 30, no)
