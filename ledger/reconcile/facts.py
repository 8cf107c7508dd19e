"""The facts layer: the books read once into plain typed records every rule and summary uses.

One pass over the entries (up to `as_of`) gives:
- plans: per participant, every revision of her plan (plan-revision / plan-line directives) and
  the current one;
- purchases: one record per goods posting (receipt, shop, plan line, category, amount, meterai);
- movements: every posting on a participant's other accounts (Savings, Cash, Transit, Suspense,
  ...) with its counter account, from which withdrawals, aid credits and listed disbursements
  are sorted out, and the balances per participant and account role.

Records keep a reference to their entry's metadata, so a rule needing another key reads it
without a second pass, and a location (file:line) is only formatted for a finding.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from beancount.core import data
from beancount.core.amount import Amount

from ledger import accounts, plans
from ledger.records import custom_args

ZERO = Decimal(0)


def location(meta: data.Meta | None) -> str:
    """file:line of an entry, as findings show it."""
    if not meta:
        return "<unknown>:0"
    return f"{meta.get('filename', '<unknown>')}:{meta.get('lineno', 0)}"


def _number(value: Any) -> Decimal:
    if isinstance(value, Amount):
        value = value.number
    if value is None or value == "":
        return ZERO
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _date(value: Any, default: datetime.date) -> datetime.date:
    return value if isinstance(value, datetime.date) else default


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("ya", "y", "yes", "true", "1", "ada")


def line_no(value: Any) -> str | None:
    """A plan-line number as text ("1", not 1 or 1.0); None when empty."""
    if value is None:
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    text = str(value).strip()
    return text or None


@dataclass(frozen=True, slots=True)
class PlanLine:
    participant: str
    revision: int
    no: str
    description: str
    category: str  # as the plan says it
    category_account: str  # the account component (accounts.component)
    volume: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    approved_by: str
    approved: datetime.date
    date: datetime.date  # the revision's date
    meta: data.Meta

    @property
    def location(self) -> str:
        return location(self.meta)


@dataclass(frozen=True, slots=True)
class PlanRevision:
    participant: str
    revision: int
    date: datetime.date
    approved_by: str
    meta: data.Meta

    @property
    def location(self) -> str:
        return location(self.meta)


@dataclass
class Plan:
    """A participant's plan: every revision, and the one in force (`lines`, set by `settle`)."""

    participant: str
    revisions: dict[int, list[PlanLine]] = field(default_factory=dict)
    approvals: dict[int, PlanRevision] = field(default_factory=dict)
    revision: int = 0  # the revision in force
    lines: dict[str, PlanLine] = field(default_factory=dict)  # its lines by number
    approved_since: dict[str, datetime.date] = field(default_factory=dict)

    def settle(self) -> None:
        """The highest revision is the plan; a line is approved since its first approval in any
        revision up to it (a revision does not un-approve a line purchases already named)."""
        self.revision = max(self.revisions) if self.revisions else 0
        self.lines = {line.no: line for line in self.revisions.get(self.revision, [])}
        self.approved_since = {}
        for number, lines in self.revisions.items():
            if number > self.revision:
                continue
            for line in lines:
                known = self.approved_since.get(line.no)
                if known is None or line.approved < known:
                    self.approved_since[line.no] = line.approved

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines.values()), ZERO)


@dataclass(frozen=True, slots=True)
class Purchase:
    participant: str
    date: datetime.date
    receipt: str
    shop: str
    plan_line: str | None
    category_account: str  # the goods account's last component
    amount: Decimal  # negative for a return or refund
    meterai: bool
    description: str
    meta: data.Meta

    @property
    def location(self) -> str:
        return location(self.meta)


@dataclass(frozen=True, slots=True)
class Movement:
    """A posting on one of a participant's accounts other than goods."""

    participant: str
    date: datetime.date
    role: str  # accounts.SAVINGS, CASH, TRANSIT, SUSPENSE, ...
    amount: Decimal  # signed, as booked on this account
    counter: str  # the account on the other side
    meta: data.Meta
    narration: str

    @property
    def location(self) -> str:
        return location(self.meta)

    @property
    def counter_role(self) -> str | None:
        parsed = accounts.parse_aid_account(self.counter)
        return parsed.role if parsed else None


@dataclass
class Facts:
    """Everything the rules read, from one pass over the entries."""

    as_of: datetime.date
    plans: dict[str, Plan] = field(default_factory=dict)
    purchases: list[Purchase] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    balances: dict[str, dict[str, Decimal]] = field(default_factory=lambda: defaultdict(dict))
    documents: list[data.Document] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)  # what rules derive and share (receipts)

    def balance(self, participant: str, role: str) -> Decimal:
        return self.balances.get(participant, {}).get(role, ZERO)

    def movements_of(self, role: str) -> list[Movement]:
        return [m for m in self.movements if m.role == role]

    @property
    def withdrawals(self) -> list[Movement]:
        """Cash taken from the savings book (Cash debited from Savings)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.CASH and m.amount > 0 and _role_of(m.counter) == accounts.SAVINGS
        ]

    @property
    def aid_credits(self) -> list[Movement]:
        """Aid credited to the savings book (Savings debited from Transit)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.SAVINGS and m.amount > 0 and _role_of(m.counter) == accounts.TRANSIT
        ]

    @property
    def reclassified_credits(self) -> list[Movement]:
        """Own deposits found to be aid after all (OwnFunds -> Transit, ledger/disbursements.py):
        each is a Transit movement whose negated amount is aid received."""
        return [
            m
            for m in self.movements
            if m.role == accounts.TRANSIT and m.amount < 0 and _role_of(m.counter) == accounts.OWN_FUNDS
        ]

    @property
    def listed(self) -> list[Movement]:
        """Aid listed by a funder (Transit debited from a grant)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.TRANSIT and m.amount > 0 and m.counter.startswith("Income:Grant:")
        ]

    def participants(self) -> set[str]:
        return set(self.balances) | set(self.plans) | {p.participant for p in self.purchases}


_PURCHASE_KEYS = (plans.RECEIPT, plans.SHOP, plans.PLAN_LINE_KEY, plans.METERAI)
_ROLE_CACHE: dict[str, str | None] = {}


def _role_of(account: str) -> str | None:
    try:
        return _ROLE_CACHE[account]
    except KeyError:
        parsed = accounts.parse_aid_account(account)
        _ROLE_CACHE[account] = parsed.role if parsed else None
        return _ROLE_CACHE[account]


def _counter(postings: list[data.Posting], index: int) -> str:
    if len(postings) == 2:
        return postings[1 - index].account
    units = postings[index].units
    number = units.number if units is not None else None
    for other_index, other in enumerate(postings):
        if other_index == index or other.units is None or number is None:
            continue
        if (other.units.number or ZERO) * number < 0:
            return other.account
    return next((p.account for i, p in enumerate(postings) if i != index), "")


def build_facts(entries: Iterable[data.Directive], as_of: datetime.date) -> Facts:
    """Read the entries (those dated up to `as_of`) once into facts."""
    facts = Facts(as_of)
    parsed_cache: dict[str, accounts.AidAccount | None] = {}
    plans_by_code = facts.plans
    purchases = facts.purchases
    movements = facts.movements
    balances = facts.balances
    for entry in entries:
        if entry.date > as_of:
            continue
        kind = type(entry)
        if kind is data.Transaction:
            postings = entry.postings  # type: ignore[union-attr]
            for index, posting in enumerate(postings):
                account = posting.account
                try:
                    parsed = parsed_cache[account]
                except KeyError:
                    parsed = parsed_cache[account] = accounts.parse_aid_account(account)
                if parsed is None or posting.units is None:
                    continue
                number = posting.units.number
                if number is None:
                    continue
                code, role = parsed.participant, parsed.role
                per = balances[code]
                per[role] = per.get(role, ZERO) + number
                if role == accounts.GOODS:
                    meta = entry.meta
                    if posting.meta and any(k in posting.meta for k in _PURCHASE_KEYS):
                        meta = {**meta, **{k: v for k, v in posting.meta.items() if k in _PURCHASE_KEYS}}
                    purchases.append(
                        Purchase(
                            code,
                            entry.date,
                            str(meta.get(plans.RECEIPT) or ""),
                            str(meta.get(plans.SHOP) or entry.payee or ""),  # type: ignore[union-attr]
                            line_no(meta.get(plans.PLAN_LINE_KEY)),
                            parsed.category or "",
                            number,
                            _flag(meta.get(plans.METERAI)),
                            entry.narration or "",  # type: ignore[union-attr]
                            meta,
                        )
                    )
                elif role in (accounts.CASH, accounts.SAVINGS, accounts.TRANSIT, accounts.SUSPENSE):
                    movements.append(
                        Movement(
                            code,
                            entry.date,
                            role,
                            number,
                            _counter(postings, index),
                            entry.meta,
                            entry.narration or "",  # type: ignore[union-attr]
                        )
                    )
        elif kind is data.Custom:
            if entry.type == plans.PLAN_LINE:  # type: ignore[union-attr]
                line = _plan_line(entry)  # type: ignore[arg-type]
                if line is not None:
                    plan = plans_by_code.get(line.participant)
                    if plan is None:
                        plan = plans_by_code[line.participant] = Plan(line.participant)
                    plan.revisions.setdefault(line.revision, []).append(line)
            elif entry.type == plans.PLAN_REVISION:  # type: ignore[union-attr]
                approval = _plan_revision(entry)  # type: ignore[arg-type]
                if approval is not None:
                    plan = plans_by_code.get(approval.participant)
                    if plan is None:
                        plan = plans_by_code[approval.participant] = Plan(approval.participant)
                    plan.approvals[approval.revision] = approval
        elif kind is data.Document:
            facts.documents.append(entry)  # type: ignore[arg-type]
    for plan in plans_by_code.values():
        plan.settle()
    return facts


_COMPONENTS: dict[str, str] = {}


def category_component(category: str) -> str:
    """accounts.component of a category, remembered (plans repeat a few categories)."""
    try:
        return _COMPONENTS[category]
    except KeyError:
        try:
            value = accounts.component(category)
        except ValueError:
            value = ""
        _COMPONENTS[category] = value
        return value


def _code(entry: data.Custom) -> str | None:
    args = custom_args(entry)
    return str(args[0]) if args else None


def _plan_line(entry: data.Custom) -> PlanLine | None:
    code = _code(entry)
    meta = entry.meta or {}
    no = line_no(meta.get("no"))
    if code is None or no is None:
        return None
    category = str(meta.get("category", "") or "")
    category_account = category_component(category)
    return PlanLine(
        participant=code,
        revision=int(_number(meta.get("revision", 1)) or 1),
        no=no,
        description=str(meta.get("description", "") or ""),
        category=category,
        category_account=category_account,
        volume=_number(meta.get("volume")),
        unit=str(meta.get("unit", "") or ""),
        unit_price=_number(meta.get("unit-price")),
        amount=_number(meta.get("amount")),
        approved_by=str(meta.get("approved-by", "") or ""),
        approved=_date(meta.get("approved"), entry.date),
        date=entry.date,
        meta=meta,
    )


def _plan_revision(entry: data.Custom) -> PlanRevision | None:
    code = _code(entry)
    if code is None:
        return None
    meta = entry.meta or {}
    return PlanRevision(
        participant=code,
        revision=int(_number(meta.get("revision", 1)) or 1),
        date=_date(meta.get("approved"), entry.date),
        approved_by=str(meta.get("approved-by", "") or ""),
        meta=meta,
    )
