"""Disbursement lists and the savings-book credits that clear them: reading and matching.

A list row ("daftar nominatif") is booked as aid in transit: Assets:Aid:<PID>:Transit from
Income:Grant:<Funder>, with `batch`, `component` and a stable `import-key`. A savings-book
credit clears it (Savings from Transit). A credit is aid when a list explains it: the same
participant, the same amount (or one short by deductions, "potongan", within a tolerance) and
a date inside a window around the list's date, whatever the bank calls it. This module holds
the one matching rule; the list importer, the bank booking (through `Matcher.explain` or
`explaining_row`) and the reconciliation rules (ledger/reconcile/disbursements.py) all use it,
so the books and the findings cannot disagree.

The books are append-only. When a list arrives after a credit was booked as her own deposit
(Equity:Aid:<PID>:OwnFunds), `reclassification` writes OwnFunds -> Transit, dated on the
credit, with `reclassifies:` (the credit's import-key) and `disbursement:` (the row's key).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from beancount.core import data
from beancount.core.amount import Amount

from ledger import accounts
from ledger.money import IDR

ROW_PREFIX = "disbursement"
RECLASS_PREFIX = "reclass"
META_KEY = "import-key"
META_BATCH = "batch"
META_COMPONENT = "component"
META_LINK = "disbursement"  # on a credit or a reclassification: the key of the row it clears
META_RECLASSIFIES = "reclassifies"  # on a reclassification: the import-key of the credit


@dataclass(frozen=True)
class Window:
    """How close a credit must be to a list row to be explained by it."""

    days_before: int = 7  # a transfer may precede the list's date (lists are signed late)
    days_after: int = 30  # transfers reach the book within weeks; late ones still clear
    tolerance: Decimal = Decimal("0.10")  # a credit short (or over) by at most 10% is a mismatch

    def holds(self, listed: datetime.date, credited: datetime.date) -> bool:
        return -self.days_before <= (credited - listed).days <= self.days_after


DEFAULT_WINDOW = Window()


def row_key(batch: str, participant: str, component: str, occurrence: int) -> str:
    """The import-key of a list row: its batch, participant, component and occurrence number.

    `occurrence` counts rows with the same batch, participant and component within one file
    (1 for the first, 2 for the second): re-importing the file gives the same keys (nothing
    added), while a participant listed twice keeps both rows (a duplicate-disbursement
    finding, not a re-import). The amount is not part of the key, so a corrected list that
    only changes an amount is reported as already booked rather than booked twice.
    """
    return f"{ROW_PREFIX}:{batch}:{participant}:{component}:{occurrence}"


@dataclass(frozen=True)
class ListedRow:
    """One disbursement as booked: a list row."""

    key: str
    participant: str
    funder: str
    component: str
    batch: str
    date: datetime.date
    amount: Decimal
    location: str


@dataclass(frozen=True)
class Credit:
    """A savings-book credit that is aid or might be: booked to Transit or to OwnFunds."""

    key: str  # the credit's import-key (or its file:line when it has none)
    participant: str
    date: datetime.date
    amount: Decimal
    location: str
    aid: bool  # booked to Transit, or reclassified there
    link: str | None = None  # the row key the booking named
    reclass_location: str | None = None


@dataclass(frozen=True)
class Match:
    row: ListedRow
    credit: Credit

    @property
    def exact(self) -> bool:
        return self.row.amount == self.credit.amount


@dataclass
class Matching:
    matches: list[Match] = field(default_factory=list)
    unmatched_rows: list[ListedRow] = field(default_factory=list)
    unmatched_credits: list[Credit] = field(default_factory=list)


def _location(meta: data.Meta | None) -> str:
    meta = meta or {}
    return f"{meta.get('filename', '<unknown>')}:{meta.get('lineno', 0)}"


def _row_of(entry: data.Directive) -> ListedRow | None:
    """The list row a transaction is: Transit debited from a grant (imported or made by hand)."""
    if not isinstance(entry, data.Transaction):
        return None
    transit = grant = None
    for posting in entry.postings:
        if posting.units is None or posting.units.number is None:
            continue
        parsed = accounts.parse_aid_account(posting.account)
        if parsed and parsed.role == accounts.TRANSIT and posting.units.number > 0:
            transit = (parsed.participant, posting.units.number)
        elif accounts.funder_of_grant(posting.account):
            grant = accounts.funder_of_grant(posting.account)
    if transit is None or grant is None:
        return None
    return ListedRow(
        key=str(entry.meta.get(META_KEY) or _location(entry.meta)),
        participant=transit[0],
        funder=grant,
        component=str(entry.meta.get(META_COMPONENT, "")),
        batch=str(entry.meta.get(META_BATCH, "")),
        date=entry.date,
        amount=Decimal(transit[1]),
        location=_location(entry.meta),
    )


def is_row(entry: data.Directive) -> bool:
    return _row_of(entry) is not None


def listed_rows(entries: Iterable[data.Directive]) -> list[ListedRow]:
    """Every disbursement list row in the books (Transit from a grant), in date order."""
    rows = [row for row in map(_row_of, entries) if row is not None]
    rows.sort(key=lambda r: (r.date, r.key))
    return rows


class MovementLike(Protocol):
    """A posting on a participant's account with its counter account (ledger.reconcile.facts.Movement)."""

    @property
    def participant(self) -> str: ...
    @property
    def date(self) -> datetime.date: ...
    @property
    def role(self) -> str: ...
    @property
    def amount(self) -> Decimal: ...
    @property
    def counter(self) -> str: ...
    @property
    def meta(self) -> data.Meta: ...


def from_movements(movements: Iterable[MovementLike]) -> tuple[list[ListedRow], list[Credit]]:
    """Rows and credits from the reconciliation's facts layer (the same as from the entries)."""
    rows: list[ListedRow] = []
    credits: dict[str, Credit] = {}
    reclassified: dict[str, tuple[str | None, str]] = {}
    for m in movements:
        meta = m.meta or {}
        if m.role == accounts.TRANSIT:
            if m.amount > 0 and m.counter.startswith("Income:Grant:"):
                rows.append(
                    ListedRow(
                        str(meta.get(META_KEY) or _location(meta)),
                        m.participant,
                        str(accounts.funder_of_grant(m.counter)),
                        str(meta.get(META_COMPONENT, "")),
                        str(meta.get(META_BATCH, "")),
                        m.date,
                        m.amount,
                        _location(meta),
                    )
                )
            elif META_RECLASSIFIES in meta:
                link = meta.get(META_LINK)
                reclassified[str(meta[META_RECLASSIFIES])] = (str(link) if link else None, _location(meta))
        elif m.role == accounts.SAVINGS and m.amount > 0:
            parsed = accounts.parse_aid_account(m.counter)
            if parsed is None or parsed.role not in (accounts.TRANSIT, accounts.OWN_FUNDS):
                continue
            key = str(meta.get(META_KEY) or _location(meta))
            link = meta.get(META_LINK)
            credits[key] = Credit(
                key,
                m.participant,
                m.date,
                m.amount,
                _location(meta),
                aid=parsed.role == accounts.TRANSIT,
                link=str(link) if link else None,
            )
    rows.sort(key=lambda r: (r.date, r.key))
    return rows, _apply_reclassifications(credits, reclassified)


def _apply_reclassifications(
    credits: dict[str, Credit], reclassified: dict[str, tuple[str | None, str]]
) -> list[Credit]:
    for key, (link, where) in reclassified.items():
        if key in credits:
            old = credits[key]
            credits[key] = Credit(
                old.key, old.participant, old.date, old.amount, old.location, True, link, where
            )
    return sorted(credits.values(), key=lambda c: (c.date, c.key))


def savings_credits(entries: Iterable[data.Directive]) -> list[Credit]:
    """Savings credits against Transit (aid) or OwnFunds (own deposit), reclassifications applied."""
    credits: dict[str, Credit] = {}
    reclassified: dict[str, tuple[str | None, str]] = {}
    for entry in entries:
        if not isinstance(entry, data.Transaction):
            continue
        if META_RECLASSIFIES in entry.meta:
            link = entry.meta.get(META_LINK)
            reclassified[str(entry.meta[META_RECLASSIFIES])] = (
                str(link) if link else None,
                _location(entry.meta),
            )
            continue
        saving = other = None
        for posting in entry.postings:
            parsed = accounts.parse_aid_account(posting.account)
            if parsed is None or posting.units is None:
                continue
            if parsed.role == accounts.SAVINGS:
                saving = (parsed.participant, posting.units.number)
            elif parsed.role in (accounts.TRANSIT, accounts.OWN_FUNDS):
                other = parsed.role
        if saving is None or other is None or saving[1] is None or saving[1] <= 0:
            continue
        key = str(entry.meta.get(META_KEY) or _location(entry.meta))
        link = entry.meta.get(META_LINK)
        credits[key] = Credit(
            key,
            saving[0],
            entry.date,
            Decimal(saving[1]),
            _location(entry.meta),
            aid=other == accounts.TRANSIT,
            link=str(link) if link else None,
        )
    return _apply_reclassifications(credits, reclassified)


def _pick(row: ListedRow, candidates: list[Credit], window: Window, exact: bool) -> Credit | None:
    best: tuple[object, ...] | None = None
    chosen = None
    for credit in candidates:
        if not window.holds(row.date, credit.date):
            continue
        gap = abs(credit.amount - row.amount)
        if exact and gap != 0:
            continue
        if not exact and gap > row.amount * window.tolerance:
            continue
        rank = (not credit.aid, gap, abs((credit.date - row.date).days), credit.date, credit.key)
        if best is None or rank < best:
            best, chosen = rank, credit
    return chosen


def match(rows: Sequence[ListedRow], credits: Sequence[Credit], window: Window = DEFAULT_WINDOW) -> Matching:
    """Pair list rows with credits, per participant: links the books name first, then equal
    amounts in the window, then amounts within the tolerance (deductions). Aid credits are
    preferred to own deposits, then the closest amount and date. Deterministic."""
    result = Matching()
    rows_by: dict[str, list[ListedRow]] = defaultdict(list)
    credits_by: dict[str, list[Credit]] = defaultdict(list)
    for row in rows:
        rows_by[row.participant].append(row)
    for credit in credits:
        credits_by[credit.participant].append(credit)
    for participant in sorted(set(rows_by) | set(credits_by)):
        open_rows = sorted(rows_by.get(participant, []), key=lambda r: (r.date, r.key))
        free = list(credits_by.get(participant, []))
        by_key = {row.key: row for row in open_rows}
        for credit in list(free):
            linked = by_key.get(credit.link) if credit.link else None
            if linked is not None and linked in open_rows:
                result.matches.append(Match(linked, credit))
                open_rows.remove(linked)
                free.remove(credit)
        for exact in (True, False):
            for row in list(open_rows):
                picked = _pick(row, free, window, exact)
                if picked is not None:
                    result.matches.append(Match(row, picked))
                    open_rows.remove(row)
                    free.remove(picked)
        result.unmatched_rows.extend(open_rows)
        result.unmatched_credits.extend(free)
    result.matches.sort(key=lambda m: (m.row.date, m.row.key))
    return result


def engine_matching(entries: Sequence[data.Directive], window: Window = DEFAULT_WINDOW) -> Matching:
    """The matching the books state: rows against aid credits only (own deposits stay hers)."""
    return match(listed_rows(entries), [c for c in savings_credits(entries) if c.aid], window)


def duplicate_rows(rows: Sequence[ListedRow]) -> list[ListedRow]:
    """Rows after the first for one participant, component and batch: listed twice."""
    seen: set[tuple[str, str, str]] = set()
    extra = []
    for row in sorted(rows, key=lambda r: (r.date, r.key)):
        if not row.batch:
            continue  # a row made by hand without a batch is no list's duplicate
        ident = (row.batch, row.participant, row.component)
        if ident in seen:
            extra.append(row)
        seen.add(ident)
    return extra


class Matcher:
    """The rows a new credit may still claim, for booking a statement line by line.

    Built once per statement from the books; `explain` claims the row it returns, so two
    credits never clear one row.
    """

    def __init__(self, entries: Sequence[data.Directive], window: Window = DEFAULT_WINDOW):
        self.window = window
        matching = engine_matching(entries, window)
        self._open: dict[str, list[ListedRow]] = defaultdict(list)
        for row in matching.unmatched_rows:
            self._open[row.participant].append(row)

    def explain(self, participant: str, date: datetime.date, amount: Decimal) -> ListedRow | None:
        """The list row that explains a credit of `amount` on `date` to her book, or None."""
        candidates = self._open.get(participant)
        if not candidates:
            return None
        probe = Credit("", participant, date, amount, "", aid=True)
        for exact in (True, False):
            ranked = [
                (abs(row.amount - amount), abs((date - row.date).days), row.date, row.key, row)
                for row in candidates
                if _pick(row, [probe], self.window, exact) is not None
            ]
            if ranked:
                row = min(ranked, key=lambda item: item[:4])[4]
                candidates.remove(row)
                return row
        return None


def explaining_row(
    entries: Sequence[data.Directive],
    participant: str,
    date: datetime.date,
    amount: Decimal,
    window: Window = DEFAULT_WINDOW,
) -> ListedRow | None:
    """The list row that explains one credit (for a single line; use Matcher for a statement)."""
    return Matcher(entries, window).explain(participant, date, amount)


def reclassification(credit: Credit, row: ListedRow, source: str) -> data.Transaction:
    """Her own deposit was aid after all: OwnFunds -> Transit, dated on the credit, linked to both."""
    meta: data.Meta = {
        "filename": source,
        "lineno": 0,
        META_KEY: f"{RECLASS_PREFIX}:{credit.key}",
        META_RECLASSIFIES: credit.key,
        META_LINK: row.key,
        "source": source,
    }
    number = credit.amount
    return data.Transaction(
        meta,
        credit.date,
        "*",
        None,
        f"Setoran {credit.key} adalah bantuan {row.component} {row.batch}",
        frozenset(),
        frozenset(),
        [
            data.Posting(accounts.own_funds(credit.participant), Amount(number, IDR), None, None, None, None),
            data.Posting(accounts.transit(credit.participant), Amount(-number, IDR), None, None, None, None),
        ],
    )


def reclassifications_for(
    existing: Sequence[data.Directive],
    new_rows: Sequence[ListedRow],
    sources: dict[str, str],
    window: Window = DEFAULT_WINDOW,
) -> list[data.Transaction]:
    """The reclassifications new list rows call for: own deposits they explain.

    Existing rows keep the aid credits they already clear; the new rows are matched against
    the aid credits left over and her own deposits (aid preferred); every own deposit a new
    row claims is reclassified. `sources` maps a row key to its file:sheet:row.
    """
    matching = engine_matching(existing, window)
    free_credits = [c for c in matching.unmatched_credits]
    free_credits += [c for c in savings_credits(existing) if not c.aid]
    result = match(list(new_rows), free_credits, window)
    return [
        reclassification(m.credit, m.row, sources.get(m.row.key, m.row.location))
        for m in result.matches
        if not m.credit.aid
    ]
