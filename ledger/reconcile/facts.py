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
from ledger.visits import VISIT

ZERO = Decimal(0)


def location(meta: data.Meta | None) -> str:
    """file:line of an entry, as findings show it."""
    if not meta:
        return "<unknown>:0"
    return f"{meta.get('filename', '<unknown>')}:{meta.get('lineno', 0)}"


def _number(value: Any) -> Decimal:
    if value.__class__ is Amount:
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


@dataclass(slots=True)
class PlanLine:
    """One line of one plan revision; what rules need is read eagerly, the rest on demand."""

    participant: str
    revision: int
    no: str
    category: str  # as the plan says it
    category_account: str  # the account component (accounts.component)
    amount: Decimal
    approved: datetime.date
    date: datetime.date  # the revision's date
    meta: data.Meta

    @property
    def location(self) -> str:
        return location(self.meta)

    @property
    def description(self) -> str:
        return str(self.meta.get("description", "") or "")

    @property
    def volume(self) -> Decimal:
        return _number(self.meta.get("volume"))

    @property
    def unit(self) -> str:
        return str(self.meta.get("unit", "") or "")

    @property
    def unit_price(self) -> Decimal:
        return _number(self.meta.get("unit-price"))

    @property
    def approved_by(self) -> str:
        return str(self.meta.get("approved-by", "") or "")


@dataclass(slots=True)
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


@dataclass(slots=True)
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


@dataclass(slots=True)
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
    visits: list[data.Custom] = field(default_factory=list)  # progress visits (ledger/visits.py)
    cache: dict[str, Any] = field(default_factory=dict)  # what rules derive and share (receipts)

    def balance(self, participant: str, role: str) -> Decimal:
        return self.balances.get(participant, {}).get(role, ZERO)

    def movements_of(self, role: str) -> list[Movement]:
        return [m for m in self.movements if m.role == role]

    @property
    def withdrawals(self) -> list[Movement]:
        """Cash taken from the savings book (Cash debited from Savings)."""
        cached = self.cache.get("withdrawals")
        if cached is None:
            cached = self.cache["withdrawals"] = self._withdrawals()
        return cached

    def _withdrawals(self) -> list[Movement]:
        return [
            m
            for m in self.movements
            if m.role == accounts.CASH and m.amount > 0 and _role_of(m.counter) == accounts.SAVINGS
        ]

    @property
    def aid_credits(self) -> list[Movement]:
        """Aid credited to the savings book (Savings debited from Transit)."""
        cached = self.cache.get("aid_credits")
        if cached is None:
            cached = self.cache["aid_credits"] = self._aid_credits()
        return cached

    def _aid_credits(self) -> list[Movement]:
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
        cached = self.cache.get("listed")
        if cached is None:
            cached = self.cache["listed"] = self._listed()
        return cached

    def _listed(self) -> list[Movement]:
        return [
            m
            for m in self.movements
            if m.role == accounts.TRANSIT and m.amount > 0 and m.counter.startswith("Income:Grant:")
        ]

    def participants(self) -> set[str]:
        return set(self.balances) | set(self.plans) | {p.participant for p in self.purchases}


_MOVEMENT_ROLES = frozenset((accounts.CASH, accounts.SAVINGS, accounts.TRANSIT, accounts.SUSPENSE))
_QUIET_COUNTERS = frozenset((accounts.BANK_CHARGES, accounts.INTEREST, accounts.TAX))
# account -> (participant, role, goods category) or None for accounts outside the participant tree
_ACCOUNT_INFO: dict[str, tuple[str, str, str] | None] = {}


def _account_info(account: str) -> tuple[str, str, str] | None:
    parsed = accounts.parse_aid_account(account)
    if parsed is None:
        return None
    # interned role names, so the loop can compare them by identity
    role = next((r for r in _ROLES if r == parsed.role), parsed.role)
    return (parsed.participant, role, parsed.category or "")


_ROLES = (
    accounts.TRANSIT,
    accounts.SAVINGS,
    accounts.CASH,
    accounts.SUSPENSE,
    accounts.GOODS,
    accounts.BANK_CHARGES,
    accounts.TAX,
    accounts.INTEREST,
    accounts.OWN_FUNDS,
)
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


def build_facts(entries: Iterable[data.Directive], as_of: datetime.date) -> Facts:  # noqa: C901 (to split: issue 13)
    """Read the entries (those dated up to `as_of`) once into facts."""
    facts = Facts(as_of)
    plans_by_code = facts.plans
    purchases = facts.purchases
    movements = facts.movements
    balances = facts.balances
    totals: dict[str, Decimal] = {}  # account -> balance; summed per participant and role at the end
    info_of = _ACCOUNT_INFO
    transaction, custom, document = data.Transaction, data.Custom, data.Document
    savings, goods = accounts.SAVINGS, accounts.GOODS
    for entry in entries:
        kind = entry.__class__
        if entry.date > as_of:
            continue
        if kind is transaction:
            postings = entry.postings  # type: ignore[union-attr]
            pair = len(postings) == 2
            for index, posting in enumerate(postings):
                account = posting.account
                try:
                    info = info_of[account]
                except KeyError:
                    info = info_of[account] = _account_info(account)
                if info is None:
                    continue
                units = posting.units
                number = units.number if units is not None else None
                if number is None:
                    continue
                totals[account] = totals.get(account, ZERO) + number
                code, role, category = info
                if role is goods:
                    meta = entry.meta
                    pmeta = posting.meta
                    if pmeta and len(pmeta) > 2 and any(k in pmeta for k in _PURCHASE_KEYS):
                        meta = {**meta, **{k: v for k, v in pmeta.items() if k in _PURCHASE_KEYS}}
                    get = meta.get
                    receipt = get("receipt") or ""
                    shop = get("shop") or entry.payee or ""  # type: ignore[union-attr]
                    line = get("plan-line")
                    if line is not None and (line.__class__ is not str or not line or line != line.strip()):
                        line = line_no(line)
                    flag = get("meterai")
                    purchases.append(
                        Purchase(
                            code,
                            entry.date,
                            receipt if receipt.__class__ is str else str(receipt),
                            shop if shop.__class__ is str else str(shop),
                            line,
                            category,
                            number,
                            flag if flag.__class__ is bool else flag is not None and _flag(flag),
                            entry.narration or "",  # type: ignore[union-attr]
                            meta,
                        )
                    )
                elif role in _MOVEMENT_ROLES:
                    counter = postings[1 - index].account if pair else _counter(postings, index)
                    if role is savings and _role_of(counter) in _QUIET_COUNTERS:
                        continue  # fees, interest, tax: in the balances, not movements
                    movements.append(
                        Movement(
                            code,
                            entry.date,
                            role,
                            number,
                            counter,
                            entry.meta,
                            entry.narration or "",  # type: ignore[union-attr]
                        )
                    )
        elif kind is custom:
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
            elif entry.type == VISIT:  # type: ignore[union-attr]
                facts.visits.append(entry)  # type: ignore[arg-type]
        elif kind is document:
            facts.documents.append(entry)  # type: ignore[arg-type]
    for account, total in totals.items():
        code, role, _category = info_of[account]  # type: ignore[misc]
        per = balances[code]
        per[role] = per.get(role, ZERO) + total
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
    values = entry.values
    meta = entry.meta
    if not values or not meta:
        return None
    get = meta.get
    no = get("no")
    if no.__class__ is not str:
        no = line_no(no)
        if no is None:
            return None
    category = get("category") or ""
    if category.__class__ is not str:
        category = str(category)
    revision = get("revision")
    amount = get("amount")
    approved = get("approved")
    return PlanLine(
        str(values[0].value),
        int(revision) if revision else 1,
        no,
        category,
        category_component(category),
        amount.number if amount.__class__ is Amount and amount.number is not None else _number(amount),
        approved if approved.__class__ is datetime.date else entry.date,
        entry.date,
        meta,
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
