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
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from beancount.core import data
from beancount.core.amount import Amount

from ledger import accounts, plans
from ledger import disbursements as disb
from ledger import progress as prog
from ledger.fold import fold
from ledger.records import custom_args
from ledger.visits import VISIT, read_visit

ZERO = Decimal(0)
DEFAULT_SCHEDULE = prog.Schedule()  # the visit schedule of books whose settings name none


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
class Receipt:
    """One use of a receipt: the lines one participant booked from it on one day."""

    participant: str
    shop: str
    number: str
    date: datetime.date
    purchases: list[Purchase] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.purchases), ZERO)

    @property
    def location(self) -> str:
        return self.purchases[0].location

    @property
    def meterai(self) -> bool:
        return any(p.meterai for p in self.purchases)


@functools.cache
def norm(text: str) -> str:
    """Shop names and receipt numbers compare without case, spaces and punctuation."""
    return fold(text)


class _ListedMovement:
    """A list row as ledger.progress.aid_starts reads it, from a Transit movement (book order)."""

    __slots__ = ("amount", "component", "date", "funder", "location", "participant")

    def __init__(self, move: Movement):
        self.participant = move.participant
        self.date = move.date
        self.component = str((move.meta or {}).get("component", ""))
        self.funder = accounts.funder_of_grant(move.counter) or ""
        self.location = move.location
        self.amount = move.amount


@dataclass
class Facts:
    """Everything the rules read, from one pass over the entries.

    What rules derive from the records and share (withdrawals, receipts, the disbursement
    matching, progress) are typed `cached_property` fields: computed on first use, once per
    Facts. Two of them depend on a knob besides the books: the matching on the credit `window`
    (Settings) and progress on the visit `schedule` (the program's settings). The facts carry
    both, given when they are built, rather than caching per knob value: one run reads the books
    under one Settings and one program, so every derived fact has exactly one value, read as a
    plain attribute, and the run refuses facts built under other knobs (ledger.reconcile.runner),
    so no rule can read a matching of another window.
    """

    as_of: datetime.date
    window: disb.Window = disb.DEFAULT_WINDOW  # how close a credit must be to clear a list row
    schedule: prog.Schedule = DEFAULT_SCHEDULE  # the progress-visit milestones and their grace
    plans: dict[str, Plan] = field(default_factory=dict)
    purchases: list[Purchase] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    balances: dict[str, dict[str, Decimal]] = field(default_factory=lambda: defaultdict(dict))
    documents: list[data.Document] = field(default_factory=list)
    visits: list[data.Custom] = field(default_factory=list)  # progress visits (ledger/visits.py)

    def balance(self, participant: str, role: str) -> Decimal:
        return self.balances.get(participant, {}).get(role, ZERO)

    def movements_of(self, role: str) -> list[Movement]:
        return [m for m in self.movements if m.role == role]

    def participants(self) -> set[str]:
        return set(self.balances) | set(self.plans) | {p.participant for p in self.purchases}

    # --- movements sorted out ---------------------------------------------------------------

    @cached_property
    def withdrawals(self) -> list[Movement]:
        """Cash taken from the savings book (Cash debited from Savings)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.CASH and m.amount > 0 and _role_of(m.counter) == accounts.SAVINGS
        ]

    @cached_property
    def aid_credits(self) -> list[Movement]:
        """Aid credited to the savings book (Savings debited from Transit)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.SAVINGS and m.amount > 0 and _role_of(m.counter) == accounts.TRANSIT
        ]

    @cached_property
    def reclassified_credits(self) -> list[Movement]:
        """Own deposits found to be aid after all (OwnFunds -> Transit, ledger/disbursements.py):
        each is a Transit movement whose negated amount is aid received."""
        return [
            m
            for m in self.movements
            if m.role == accounts.TRANSIT and m.amount < 0 and _role_of(m.counter) == accounts.OWN_FUNDS
        ]

    @cached_property
    def listed(self) -> list[Movement]:
        """Aid listed by a funder (Transit debited from a grant)."""
        return [
            m
            for m in self.movements
            if m.role == accounts.TRANSIT and m.amount > 0 and m.counter.startswith("Income:Grant:")
        ]

    # --- purchases grouped --------------------------------------------------------------------

    @cached_property
    def line_purchases(self) -> dict[tuple[str, str], list[Purchase]]:
        """(participant, line number) -> the purchases naming it, in date order."""
        out: dict[tuple[str, str], list[Purchase]] = defaultdict(list)
        for purchase in self.purchases:
            if purchase.plan_line is not None:
                out[(purchase.participant, purchase.plan_line)].append(purchase)
        for group in out.values():
            group.sort(key=lambda p: p.date)
        return out

    @cached_property
    def receipts(self) -> list[Receipt]:
        """The purchases grouped by receipt use (participant, shop, number, date), in date order."""
        uses: dict[tuple[str, str, str, datetime.date], Receipt] = {}
        for purchase in self.purchases:
            key = (purchase.participant, norm(purchase.shop), norm(purchase.receipt), purchase.date)
            use = uses.get(key)
            if use is None:
                use = uses[key] = Receipt(
                    purchase.participant, purchase.shop, purchase.receipt, purchase.date
                )
            use.purchases.append(purchase)
        return sorted(uses.values(), key=lambda r: (r.date, r.participant, r.location))

    # --- disbursement lists and the credits that clear them (ledger/disbursements.py) ----------

    @cached_property
    def _rows_and_credits(self) -> tuple[list[disb.ListedRow], list[disb.Credit]]:
        return disb.from_movements(self.movements)

    @cached_property
    def list_rows(self) -> list[disb.ListedRow]:
        """Every disbursement list row (Transit from a grant), in date order."""
        return self._rows_and_credits[0]

    @cached_property
    def clearing_credits(self) -> list[disb.Credit]:
        """Aid credits that may clear a row: booked to Transit, or own deposits reclassified."""
        return [c for c in self._rows_and_credits[1] if c.aid]

    @cached_property
    def duplicate_rows(self) -> list[disb.ListedRow]:
        """Rows after the first for one participant, component and batch (listed twice)."""
        return disb.duplicate_rows(self.list_rows)

    @cached_property
    def duplicate_keys(self) -> frozenset[str]:
        return frozenset(row.key for row in self.duplicate_rows)

    @cached_property
    def matching(self) -> disb.Matching:
        """List rows paired with the credits that cleared them, under `window`: the one matching
        the disbursement findings and the batch statuses read (as the bank booking does)."""
        return disb.match(self.list_rows, self.clearing_credits, self.window)

    # --- progress after the aid (ledger/progress.py) --------------------------------------------

    @cached_property
    def progress(self) -> dict[str, prog.Progress]:
        """Every participant's milestones (under `schedule`) and visits as of `as_of`."""
        starts = prog.aid_starts(_ListedMovement(m) for m in self.listed)
        visits = [v for v in map(read_visit, self.visits) if v is not None]
        return prog.all_progress(starts, visits, self.schedule, self.as_of)


_MOVEMENT_ROLES = frozenset((accounts.CASH, accounts.SAVINGS, accounts.TRANSIT, accounts.SUSPENSE))
_GOODS, _SAVINGS = accounts.GOODS, accounts.SAVINGS  # compared by identity (interned below)
_QUIET_COUNTERS = frozenset((accounts.BANK_CHARGES, accounts.INTEREST, accounts.TAX))
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


@functools.cache
def _account_info(account: str) -> tuple[str, str, str] | None:
    """(participant, role, goods category) of an account, None outside the participant tree."""
    parsed = accounts.parse_aid_account(account)
    if parsed is None:
        return None
    # interned role names, so the loop can compare them by identity
    role = next((r for r in _ROLES if r == parsed.role), parsed.role)
    return (parsed.participant, role, parsed.category or "")


@functools.cache
def _role_of(account: str) -> str | None:
    parsed = accounts.parse_aid_account(account)
    return parsed.role if parsed else None


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


def build_facts(
    entries: Iterable[data.Directive],
    as_of: datetime.date,
    *,
    window: disb.Window = disb.DEFAULT_WINDOW,
    schedule: prog.Schedule = DEFAULT_SCHEDULE,
) -> Facts:
    """Read the entries (those dated up to `as_of`) once into facts; `window` and `schedule` are
    the knobs the matching and progress are derived under (see Facts)."""
    facts = Facts(as_of, window, schedule)
    totals: dict[str, Decimal] = {}  # account -> balance; summed per participant and role at the end
    transaction, custom, document = data.Transaction, data.Custom, data.Document
    for entry in entries:
        kind = entry.__class__
        if entry.date > as_of:
            continue
        if kind is transaction:
            _read_postings(entry, facts, totals)  # type: ignore[arg-type]
        elif kind is custom:
            _read_custom(entry, facts)  # type: ignore[arg-type]
        elif kind is document:
            facts.documents.append(entry)  # type: ignore[arg-type]
    _settle(facts, totals)
    return facts


def _read_postings(entry: data.Transaction, facts: Facts, totals: dict[str, Decimal]) -> None:
    """A transaction's postings on participant accounts: a purchase per goods posting, a
    movement per posting on her other accounts, every one into the account's total."""
    postings = entry.postings
    pair = len(postings) == 2
    for index, posting in enumerate(postings):
        account = posting.account
        info = _account_info(account)
        if info is None:
            continue
        units = posting.units
        number = units.number if units is not None else None
        if number is None:
            continue
        totals[account] = totals.get(account, ZERO) + number
        code, role, category = info
        if role is _GOODS:
            facts.purchases.append(_purchase(entry, posting, code, category, number))
        elif role in _MOVEMENT_ROLES:
            counter = postings[1 - index].account if pair else _counter(postings, index)
            if role is _SAVINGS and _role_of(counter) in _QUIET_COUNTERS:
                continue  # fees, interest, tax: in the balances, not movements
            facts.movements.append(
                Movement(code, entry.date, role, number, counter, entry.meta, entry.narration or "")
            )


def _purchase(
    entry: data.Transaction, posting: data.Posting, code: str, category: str, number: Decimal
) -> Purchase:
    """A goods posting as a purchase; the posting's own receipt keys override the entry's."""
    meta = entry.meta
    pmeta = posting.meta
    if pmeta and len(pmeta) > 2 and any(k in pmeta for k in _PURCHASE_KEYS):
        meta = {**meta, **{k: v for k, v in pmeta.items() if k in _PURCHASE_KEYS}}
    get = meta.get
    receipt = get("receipt") or ""
    shop = get("shop") or entry.payee or ""
    line = get("plan-line")
    if line is not None and (line.__class__ is not str or not line or line != line.strip()):
        line = line_no(line)
    flag = get("meterai")
    return Purchase(
        code,
        entry.date,
        receipt if receipt.__class__ is str else str(receipt),
        shop if shop.__class__ is str else str(shop),
        line,
        category,
        number,
        flag if flag.__class__ is bool else flag is not None and _flag(flag),
        entry.narration or "",
        meta,
    )


def _read_custom(entry: data.Custom, facts: Facts) -> None:
    """Plan lines and revisions into the participant's plan; progress visits kept as they are."""
    if entry.type == plans.PLAN_LINE:
        line = _plan_line(entry)
        if line is not None:
            _plan_of(facts, line.participant).revisions.setdefault(line.revision, []).append(line)
    elif entry.type == plans.PLAN_REVISION:
        approval = _plan_revision(entry)
        if approval is not None:
            _plan_of(facts, approval.participant).approvals[approval.revision] = approval
    elif entry.type == VISIT:
        facts.visits.append(entry)


def _plan_of(facts: Facts, code: str) -> Plan:
    plan = facts.plans.get(code)
    if plan is None:
        plan = facts.plans[code] = Plan(code)
    return plan


def _settle(facts: Facts, totals: dict[str, Decimal]) -> None:
    """The account totals summed per participant and role; each plan's revision in force."""
    balances = facts.balances
    for account, total in totals.items():
        code, role, _category = _account_info(account)  # type: ignore[misc]
        per = balances[code]
        per[role] = per.get(role, ZERO) + total
    for plan in facts.plans.values():
        plan.settle()


@functools.cache
def category_component(category: str) -> str:
    """accounts.component of a category, remembered (plans repeat a few categories)."""
    try:
        return accounts.component(category)
    except ValueError:
        return ""


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
