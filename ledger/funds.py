"""Fund use read from the books: by funder and goods category, savings movements by kind,
and the ageing of cash not yet covered by receipts.

Plain sums over postings, for the PDF reports (reports/figures.py); the reconciliation engine
(ledger/reconcile/) owns findings and the per-participant and per-plan-line summaries, this
module only adds the cuts the engine does not give:

- a participant's money is attributed to the funder her `custom "participant"` record names
  (the simulator and the registers give each participant one funder); grants are what each
  `Income:Grant:<Funder>` account paid out;
- "credited" is aid that reached a savings book: Transit cleared by anything but a list row
  (the savings-book credit, or a reclassified own deposit);
- "spent" is receipted purchases (postings to Expenses:Aid:<PID>:Goods:<Category>);
- ageing is first-in first-out: receipts cover the oldest withdrawal first, and what is left of
  each withdrawal is aged from its date to `as_of`.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from beancount.core import data

from ledger import accounts
from ledger.money import ZERO
from ledger.records import Program

AGE_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))

# every pass asks for the same few thousand accounts again and again
_parse = functools.lru_cache(maxsize=65536)(accounts.parse_aid_account)


def _transactions(
    entries: Iterable[data.Directive], start: datetime.date | None, end: datetime.date | None
) -> Iterable[data.Transaction]:
    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        if (start and entry.date < start) or (end and entry.date > end):
            continue
        yield entry


def _number(posting: data.Posting) -> Decimal:
    return posting.units.number if posting.units is not None and posting.units.number is not None else ZERO


@dataclass
class FunderUse:
    """One funder's money over a period: what it paid, what arrived, what was bought with it."""

    funder: str
    granted: Decimal = ZERO
    credited: Decimal = ZERO
    spent_by_category: dict[str, Decimal] = field(default_factory=dict)
    participants: set[str] = field(default_factory=set)

    @property
    def spent(self) -> Decimal:
        return sum(self.spent_by_category.values(), ZERO)

    @property
    def unspent(self) -> Decimal:
        """Granted and not (yet) spent on receipted goods."""
        return self.granted - self.spent

    @property
    def absorbed(self) -> Decimal | None:
        """Spent as a share of granted (the LPJ's "daya serap"); None when nothing was granted."""
        return self.spent / self.granted if self.granted else None


@dataclass
class GroupUse:
    """A funder's money in one skill group: the cut a funder report shows per group."""

    group: str
    participants: set[str] = field(default_factory=set)
    granted: Decimal = ZERO
    spent: Decimal = ZERO


def funder_use(
    entries: Iterable[data.Directive],
    program: Program,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict[str, FunderUse]:
    """Fund use per funder code, over [start, end] (both optional)."""
    uses = {code: FunderUse(code) for code in program.funders}
    for entry in _transactions(entries, start, end):
        for posting in entry.postings:
            _count_posting(uses, program, entry, posting)
    for person in program.participants.values():
        if person.funder:
            _use(uses, person.funder).participants.add(person.code)
    return uses


def _use(uses: dict[str, FunderUse], funder: str) -> FunderUse:
    if funder not in uses:
        uses[funder] = FunderUse(funder)
    return uses[funder]


def _count_posting(
    uses: dict[str, FunderUse], program: Program, entry: data.Transaction, posting: data.Posting
) -> None:
    """What one posting adds to a funder's use: a grant paid out, or, on a participant's
    accounts, goods bought or aid credited (under the funder her record names)."""
    funder = accounts.funder_of_grant(posting.account)
    if funder is not None:
        _use(uses, funder).granted -= _number(posting)
        return
    parsed = _parse(posting.account)
    if parsed is None:
        return
    person = program.participants.get(parsed.participant)
    if person is None or not person.funder:
        return
    if parsed.role == accounts.GOODS and parsed.category:
        target = _use(uses, person.funder)
        target.participants.add(parsed.participant)
        spent = target.spent_by_category
        spent[parsed.category] = spent.get(parsed.category, ZERO) + _number(posting)
    elif parsed.role == accounts.TRANSIT and _number(posting) < 0 and not _is_listing(entry):
        target = _use(uses, person.funder)
        target.participants.add(parsed.participant)
        target.credited -= _number(posting)


def _is_listing(entry: data.Transaction) -> bool:
    """A funder's list row (or its correction): Transit against a grant account. Any other
    Transit credit is aid reaching her book: the savings-book credit, or an own deposit a list
    later explained, reclassified from OwnFunds (ledger.disbursements)."""
    return any(p.account.startswith("Income:Grant:") for p in entry.postings)


def group_use(
    entries: Iterable[data.Directive],
    program: Program,
    funder: str,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> dict[str, GroupUse]:
    """One funder's granted and spent money per skill group of its participants."""
    groups: dict[str, GroupUse] = {}
    for person in program.participants.values():
        if person.funder == funder:
            groups.setdefault(person.group, GroupUse(person.group)).participants.add(person.code)
    grant = accounts.grant(funder)
    for entry in _transactions(entries, start, end):
        granted_here = any(p.account == grant for p in entry.postings)
        for posting in entry.postings:
            parsed = _parse(posting.account)
            if parsed is None:
                continue
            member = program.participants.get(parsed.participant)
            if member is None or member.funder != funder:
                continue
            group = groups.setdefault(member.group, GroupUse(member.group))
            if parsed.role == accounts.GOODS:
                group.spent += _number(posting)
            elif parsed.role == accounts.TRANSIT and granted_here:
                group.granted += _number(posting)
    return groups


SAVINGS_KINDS = (
    accounts.TRANSIT,
    accounts.OWN_FUNDS,
    accounts.CASH,
    accounts.BANK_CHARGES,
    accounts.INTEREST,
    accounts.TAX,
    accounts.SUSPENSE,
)


@dataclass
class SavingsSummary:
    """A savings book over a period: opening balance, movements by kind, closing balance."""

    opening: Decimal = ZERO
    by_kind: dict[str, Decimal] = field(default_factory=dict)  # role of the other account -> net

    @property
    def closing(self) -> Decimal:
        return self.opening + sum(self.by_kind.values(), ZERO)


def savings_summaries(
    entries: Iterable[data.Directive], start: datetime.date | None = None, end: datetime.date | None = None
) -> dict[str, SavingsSummary]:
    """Per participant: her savings book's movements grouped by the kind of the other side.

    A credit first booked as her own deposit and later reclassified as aid (OwnFunds -> Transit,
    when a list explains it) counts as an aid credit, as the engine counts it.
    """
    out: dict[str, SavingsSummary] = defaultdict(SavingsSummary)
    for entry in _transactions(entries, None, end):
        saving = [
            p for p in entry.postings if (parsed := _parse(p.account)) and parsed.role == accounts.SAVINGS
        ]
        if not saving:
            if not (start and entry.date < start):
                _reclassified(entry, out)
            continue
        for posting in saving:
            code = accounts.participant_of(posting.account)
            assert code is not None
            summary = out[code]
            if start and entry.date < start:
                summary.opening += _number(posting)
                continue
            others = [p for p in entry.postings if p is not posting]
            role = accounts.SUSPENSE
            for other in others:
                parsed_other = _parse(other.account)
                if parsed_other is not None:
                    role = parsed_other.role
                    break
            summary.by_kind[role] = summary.by_kind.get(role, ZERO) + _number(posting)
    return dict(out)


def _reclassified(entry: data.Transaction, out: dict[str, SavingsSummary]) -> None:
    roles = {}
    for posting in entry.postings:
        parsed = _parse(posting.account)
        if parsed is None:
            return
        roles[(parsed.participant, parsed.role)] = _number(posting)
    if len(roles) != 2:
        return
    (code_a, role_a), (code_b, role_b) = roles
    if code_a != code_b or {role_a, role_b} != {accounts.OWN_FUNDS, accounts.TRANSIT}:
        return
    moved = -roles[(code_a, accounts.TRANSIT)]  # Transit credited: this much was aid after all
    kinds = out[code_a].by_kind
    kinds[accounts.OWN_FUNDS] = kinds.get(accounts.OWN_FUNDS, ZERO) - moved
    kinds[accounts.TRANSIT] = kinds.get(accounts.TRANSIT, ZERO) + moved


def cash_ageing(
    entries: Iterable[data.Directive], as_of: datetime.date
) -> dict[str, dict[tuple[int, int | None], Decimal]]:
    """Per participant with cash not yet covered: the uncovered amount per age bucket (days)."""
    withdrawals: dict[str, list[tuple[datetime.date, Decimal]]] = defaultdict(list)
    covered: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for entry in _transactions(entries, None, as_of):
        for posting in entry.postings:
            parsed = _parse(posting.account)
            if parsed is None or parsed.role != accounts.CASH:
                continue
            amount = _number(posting)
            if amount > 0:
                withdrawals[parsed.participant].append((entry.date, amount))
            else:
                covered[parsed.participant] -= amount
    out: dict[str, dict[tuple[int, int | None], Decimal]] = {}
    for code, pieces in withdrawals.items():
        left = covered.get(code, ZERO)
        buckets: dict[tuple[int, int | None], Decimal] = {}
        for date, amount in pieces:
            use = min(left, amount)
            left -= use
            rest = amount - use
            if rest <= 0:
                continue
            age = (as_of - date).days
            bucket = next(b for b in AGE_BUCKETS if age >= b[0] and (b[1] is None or age <= b[1]))
            buckets[bucket] = buckets.get(bucket, ZERO) + rest
        if buckets:
            out[code] = buckets
    return out
