"""A parsed statement into entries: whose book it is, is the chain whole, what each line is.

Plain functions, in the order `book_statement` applies them:

1. `find_owner`: the statement's account number, hashed with the books' salt, against the
   participants' `account-hash` and the `account-hash` metadata of `open Assets:Institution:*`
   directives. A number of nobody is an error; a name is never used.
2. `order_and_verify`: the running balance chain, line by line, against the printed opening and
   closing balances and totals; same-day lines printed out of order are put in the order their
   balances give. A break refuses the statement and names the line.
3. `classify_lines`: the rule table (importers/rules) gives each line a kind.
4. `line_entry` / `assertions`: one transaction per line, Savings against the account of the
   books contract for its kind (ledger/accounts.py), with provenance and a stable import-key;
   balance assertions at the statement's start and end.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from beancount.core import data
from beancount.core.amount import Amount

from importers import rules as rules_mod
from importers.bank import dates as statement_dates
from importers.base import IMPORT_KEY
from importers.messages import tr
from importers.rules import Classification, Rule
from importers.session import ImportSession
from importers.statement import Statement, StatementLine
from importers.tables import InputError
from ledger import accountno, accounts, disbursements, records
from ledger.fold import fold_words
from ledger.money import IDR, SEN, ZERO, format_idr, is_rupiah_amount
from ledger.records import Program

INSTITUTION_PREFIX = "Assets:Institution:"
MAX_REORDER = 10  # same-day groups up to this size are searched exhaustively, larger ones greedily


@dataclass(frozen=True)
class Owner:
    """Whose book a statement is: a participant, or one of the institution's own accounts."""

    savings: str  # the account the statement is the record of
    code: str  # the participant code, or the institution account's last component
    opened: datetime.date
    participant: str | None  # None for the institution

    def counter(self, kind: str, signed: Decimal) -> str:
        """The account on the other side of the book for a line of this kind."""
        if self.participant is None:
            return {
                "admin-fee": accounts.institution_charges,
                "card-fee": accounts.institution_charges,
                "interest": accounts.institution_interest,
                "tax": accounts.institution_tax,
            }.get(kind, accounts.institution_suspense)()
        pid = self.participant
        table: dict[str, Callable[[str], str]] = {
            "aid-credit": accounts.transit,
            "own-deposit": accounts.own_funds,
            "withdrawal": accounts.cash,
            "admin-fee": accounts.bank_charges,
            "card-fee": accounts.bank_charges,
            "interest": accounts.interest,
            "tax": accounts.tax,
            "transfer": accounts.cash if signed < 0 else accounts.own_funds,
        }
        return table.get(kind, accounts.suspense)(pid)


@dataclass
class Booked:
    """The entries of one statement, and the lines booked to suspense with why."""

    entries: list[data.Directive] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (location, note)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # rows not booked, with reason
    owner: Owner | None = None
    end: datetime.date | None = None


@dataclass(frozen=True)
class Placed:
    """A statement line in posting order with the balance after it."""

    line: StatementLine
    balance: Decimal

    @property
    def signed(self) -> Decimal:
        return self.line.credit - self.line.debit


def where(statement: Statement, location: str = "") -> str:
    return f"{statement.path}:{location}" if location else str(statement.path)


# --- 1. owner ---------------------------------------------------------------------------------


def _opens(entries: Iterable[data.Directive]) -> dict[str, datetime.date]:
    return {
        e.account: e.date
        for e in entries
        if isinstance(e, data.Open)
        and (e.account.startswith(INSTITUTION_PREFIX) or e.account.endswith(":" + accounts.SAVINGS))
    }


def savings_open_dates(
    entries: Sequence[data.Directive], session: ImportSession | None = None
) -> dict[str, datetime.date]:
    """Savings (and institution) accounts and the day each was opened. The pipeline passes one
    growing list for a run of files: its session scans only what was added since."""
    if session is None:
        return _opens(entries)
    return session.opened_accounts(entries, _opens)


def institution_accounts(entries: Iterable[data.Directive]) -> list[data.Open]:
    """`open Assets:Institution:<Bank>` directives that carry an account-hash (docs/importers.md)."""
    return [
        e
        for e in entries
        if isinstance(e, data.Open) and e.account.startswith(INSTITUTION_PREFIX) and "account-hash" in e.meta
    ]


def _hash(number: str, salt: str, session: ImportSession) -> str:
    """The slow salted hash, once per number and run (a year's statements repeat each number)."""
    return session.account_hash(number, salt, accountno.account_hash)


def find_owner(
    statement: Statement,
    existing: Sequence[data.Directive],
    program: Program,
    session: ImportSession | None = None,
) -> Owner:
    """Whose book the statement is, by the salted hash of its account number (`session`: the
    import run's, which hashes each number once; without one, a private one)."""
    session = session if session is not None else ImportSession()
    salt = program.account_salt
    if not salt:
        raise InputError(where(statement), tr("the books have no account-salt setting"))
    if not statement.account_number and statement.account_candidates:
        statement.account_number = _registered_candidate(statement, existing, program, session)
    try:
        digest = _hash(statement.account_number, salt, session)
    except ValueError as exc:
        raise InputError(
            where(statement), tr("no readable account number on the statement ({reason})", reason=exc)
        ) from None
    opened = savings_open_dates(existing, session)
    participant = program.participant_by_account_hash(digest)
    if participant is not None:
        account = accounts.savings(participant.code)
        if account not in opened:
            raise InputError(
                where(statement),
                tr("{code} has no open {account} in the books", code=participant.code, account=account),
            )
        return Owner(account, participant.code, opened[account], participant.code)
    for entry in institution_accounts(existing):
        if entry.meta.get("account-hash") == digest:
            return Owner(entry.account, entry.account.rsplit(":", 1)[1], entry.date, None)
    try:
        masked = accountno.mask(statement.account_number)
    except ValueError:
        masked = "?"
    raise InputError(
        where(statement),
        tr(
            "account number {masked} belongs to nobody in the books "
            "(no participant record or institution account carries its hash)",
            masked=masked,
        ),
    )


def _registered_candidate(
    statement: Statement, existing: Sequence[data.Directive], program: Program, session: ImportSession
) -> str:
    """No account number labelled in the header: the one 8-16 digit number printed on page 1
    whose salted hash is a registered account's (a participant's or the institution's).
    Only registered accounts attribute a statement; any other number printed there is ignored."""
    known = {e.meta["account-hash"] for e in institution_accounts(existing)}
    hits = [
        number
        for number in statement.account_candidates
        if program.participant_by_account_hash(_hash(number, program.account_salt, session)) is not None
        or _hash(number, program.account_salt, session) in known
    ]
    if not hits:
        raise InputError(
            where(statement, "p1"),
            tr(
                "no account number: no header label (No. Rekening, Account No., ...) and none of the "
                "{count} numbers on page 1 is an account registered in the books",
                count=len(statement.account_candidates),
            ),
        )
    if len(set(hits)) > 1:
        raise InputError(
            where(statement, "p1"), tr("page 1 prints the numbers of several registered accounts")
        )
    return hits[0]


def institution_open(
    bank: str, number: str, salt: str, date: datetime.date, name: str | None = None
) -> data.Open:
    """The declaration that lets the institution's own statements be imported (docs/importers.md)."""
    account = accounts.institution(name or bank)
    return records.open_account(
        account,
        date,
        None,
        bank=bank,
        account_mask=accountno.mask(number),
        account_hash=accountno.account_hash(number, salt),
    )


# --- 2. chain ---------------------------------------------------------------------------------


def _groups(lines: list[StatementLine]) -> list[list[StatementLine]]:
    groups: list[list[StatementLine]] = []
    for line in lines:
        if groups and groups[-1][0].date == line.date:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _fits(line: StatementLine, prev: Decimal | None) -> bool:
    if line.balance is None or prev is None:
        return True
    return line.balance == prev + line.credit - line.debit


def _order_group(group: list[StatementLine], prev: Decimal | None) -> list[StatementLine] | None:
    """The lines of one day in an order whose balances chain from `prev`; None when none does."""
    # printed order first: the common case costs one pass
    running = prev
    ok = True
    for line in group:
        if not _fits(line, running):
            ok = False
            break
        running = line.balance if line.balance is not None else (running or ZERO) + line.credit - line.debit
    if ok:
        return group
    if len(group) > MAX_REORDER:
        return _greedy(group, prev)
    return _search(group, prev)


def _search(group: list[StatementLine], prev: Decimal | None) -> list[StatementLine] | None:
    if not group:
        return []
    for index, line in enumerate(group):
        if line.balance is None or not _fits(line, prev):
            continue
        rest = _search(group[:index] + group[index + 1 :], line.balance)
        if rest is not None:
            return [line, *rest]
    return None


def _greedy(group: list[StatementLine], prev: Decimal | None) -> list[StatementLine] | None:
    left = list(group)
    out = []
    while left:
        pick = next((line for line in left if line.balance is not None and _fits(line, prev)), None)
        if pick is None:
            return None
        out.append(pick)
        left.remove(pick)
        prev = pick.balance
    return out


def _amount(value: Decimal) -> str:
    """A statement amount in a message: 1.250.000, or 1.250.000,56 with its sen."""
    return format_idr(value, symbol=False, sen=value != value.to_integral_value())


def order_and_verify(statement: Statement) -> list[Placed]:
    """Lines in posting order with their balances; InputError naming the line where the chain breaks."""
    lines = list(statement.lines)
    if not lines:
        return []
    if lines[0].date > lines[-1].date:
        lines.reverse()  # printed newest first
    for line in lines:
        if line.debit < 0 or line.credit < 0:
            raise InputError(where(statement, line.location), tr("a debit or credit amount is negative"))
    for previous, line in itertools.pairwise(lines):
        if line.date < previous.date:
            raise InputError(
                where(statement, line.location),
                tr(
                    "dated {date}, before the line above it ({previous}): lines out of date order",
                    date=line.date,
                    previous=previous.date,
                ),
            )
    prev = statement.opening_balance
    placed: list[Placed] = []
    for group in _groups(lines):
        ordered = _order_group(group, prev)
        if ordered is None:
            _raise_break(statement, group, prev)
            raise AssertionError("unreachable")
        for line in ordered:
            if line.balance is not None:
                balance = line.balance
            elif prev is not None:
                balance = prev + line.credit - line.debit
            else:
                raise InputError(
                    where(statement, line.location),
                    tr("no printed balance on the line and no opening balance to start the chain from"),
                )
            placed.append(Placed(line, balance))
            prev = balance
    _check_totals(statement, placed)
    return placed


def _raise_break(statement: Statement, group: list[StatementLine], prev: Decimal | None) -> None:
    running = prev
    for line in group:
        if not _fits(line, running):
            assert running is not None and line.balance is not None
            expected = running + line.credit - line.debit
            raise InputError(
                where(statement, line.location),
                tr(
                    "balance chain broken: {running} + {credit} - {debit} = {expected}, "
                    "but the line prints {printed} (a line is missing or misread)",
                    running=_amount(running),
                    credit=_amount(line.credit),
                    debit=_amount(line.debit),
                    expected=_amount(expected),
                    printed=_amount(line.balance),
                ),
            )
        running = line.balance
    raise InputError(where(statement, group[0].location), tr("balance chain broken on this day"))


def _check_totals(statement: Statement, placed: list[Placed]) -> None:
    opening = statement.opening_balance
    if placed and opening is not None:
        first = placed[0]
        if first.balance - first.signed != opening:
            raise InputError(
                where(statement, first.line.location),
                tr(
                    "the printed opening balance {opening} does not lead to this line's balance {balance}",
                    opening=_amount(opening),
                    balance=_amount(first.balance),
                ),
            )
    closing = placed[-1].balance if placed else opening
    if statement.closing_balance is not None and closing is not None and closing != statement.closing_balance:
        raise InputError(
            where(
                statement,
                placed[-1].line.location if placed else statement.totals_at.get("closing", "totals"),
            ),
            tr(
                "the lines end at {closing} but the printed closing balance is {printed} "
                "(a line is missing or misread)",
                closing=_amount(closing),
                printed=_amount(statement.closing_balance),
            ),
        )
    if statement.line_count is not None and statement.line_count != len(placed):
        raise InputError(
            where(statement, statement.totals_at.get("count", "totals")),
            tr(
                "the statement prints {printed} lines but {read} were read",
                printed=statement.line_count,
                read=len(placed),
            ),
        )
    for label, printed, actual in (
        ("debit", statement.total_debit, sum((p.line.debit for p in placed), ZERO)),
        ("credit", statement.total_credit, sum((p.line.credit for p in placed), ZERO)),
    ):
        if printed is not None and printed != actual:
            raise InputError(
                where(statement, statement.totals_at.get(label, "totals")),
                tr(
                    "the printed total {label} is {printed} but the lines add up to {actual}",
                    label=tr(label),
                    printed=_amount(printed),
                    actual=_amount(actual),
                ),
            )


# --- 3. classification ------------------------------------------------------------------------


def classify_lines(lines: Sequence[StatementLine], rules: list[Rule]) -> list[Classification]:
    """The kind of each line; a separate step so later evidence (disbursement lists) can refine it."""
    return [rules_mod.classify(line, rules) for line in lines]


NEVER_AID = ("interest", "reversal", "summary")


def explain_by_lists(
    placed: Sequence[Placed], kinds: list[Classification], existing: Sequence[data.Directive], owner: Owner
) -> list[str | None]:
    """A credit is aid when a disbursement list explains it, whatever the bank calls it.

    Each credit claims the list row that explains it (same participant, amount, date window;
    ledger.disbursements), once, whatever the rule table called it (a deposit, a transfer, an
    unknown code); an explained credit becomes an aid credit. Interest, reversals and merged
    summary lines are never aid. Returns, per line, the key of the row it clears (or None).
    """
    matcher = disbursements.Matcher(existing)
    links: list[str | None] = []
    for index, (item, kind) in enumerate(zip(placed, kinds, strict=True)):
        row = None
        if item.signed > 0 and kind.kind not in NEVER_AID:
            row = matcher.explain(owner.code, item.line.date, item.signed)
            if row is not None and kind.kind != "aid-credit":
                kinds[index] = Classification("aid-credit", "disbursement list", row.funder)
        links.append(row.key if row is not None else None)
    return links


# --- 4. entries -------------------------------------------------------------------------------


def as_booked(value: Decimal) -> Decimal:
    """175000.00 -> 175000, 80000000.5 -> 80000000.50: rupiah as the books write them, whole or
    with both sen digits as banks print them (anything finer stays, for the rules to refuse)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    if is_rupiah_amount(value):
        return value.quantize(SEN)
    return value.normalize()


def import_key(owner: Owner, placed: Placed) -> str:
    """Stable across files: the owner, the date, the amounts, the balance and the description."""
    line = placed.line
    text = (
        f"{as_booked(line.debit):f}|{as_booked(line.credit):f}|{as_booked(placed.balance):f}|"
        f"{fold_words(line.description)}"
    )
    return f"bank:{owner.code}:{line.date}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _posting(account: str, number: Decimal) -> data.Posting:
    return data.Posting(account, Amount(as_booked(number), IDR), None, None, None, None)


def line_entry(
    owner: Owner, placed: Placed, kind: Classification, counter: str, source: str, source_line: str
) -> data.Transaction:
    line = placed.line
    meta: data.Meta = {"filename": source, "lineno": 0, "source": source, "source-line": source_line}
    if line.reference:
        meta["bank-ref"] = line.reference
    if line.code:
        meta["bank-code"] = line.code
    meta["description"] = line.description
    meta["kind"] = kind.kind
    if kind.funder:
        meta["funder"] = kind.funder
    meta[IMPORT_KEY] = import_key(owner, placed)
    flag = "!" if counter.endswith(":" + accounts.SUSPENSE) else "*"
    narration = line.description or line.code
    signed = placed.signed
    return data.Transaction(
        meta,
        line.date,
        flag,
        None,
        narration,
        frozenset(),
        frozenset(),
        [_posting(owner.savings, signed), _posting(counter, -signed)],
    )


def balance_entry(
    owner: Owner, date: datetime.date, amount: Decimal, source: str, label: str
) -> data.Balance:
    meta: data.Meta = {
        "filename": source,
        "lineno": 0,
        "source": source,
        "source-line": label,
        IMPORT_KEY: f"balance:{owner.code}:{date}:{as_booked(amount):f}",
    }
    return data.Balance(meta, date, owner.savings, Amount(as_booked(amount), IDR), None, None)


def _reversed_counter(owner: Owner, placed: list[Placed], index: int, counters: list[str]) -> str | None:
    """A reversal undoes the latest earlier line of the opposite direction and the same amount."""
    target = placed[index].signed
    for back in range(index - 1, -1, -1):
        if placed[back].signed == -target and not counters[back].endswith(":" + accounts.SUSPENSE):
            return counters[back]
    return None


def book_statement(
    statement: Statement,
    existing: Sequence[data.Directive],
    program: Program,
    rule_table: list[Rule],
    source_for: Callable[[str, datetime.date], str],
    today: datetime.date | None = None,
    *,
    session: ImportSession | None = None,
) -> Booked:
    """Entries for a parsed statement (InputError, with the file and line, when it cannot be booked).

    `source_for(account, end)` names the archived original, the `source` of every entry.
    `today` is the day of import (importers.bank.dates: lines after it are refused).
    `session` is the import run's (importers.session): account hashes and opened accounts once.
    """
    latest = statement_dates.latest_allowed(program, today)
    statement_dates.check_dates(statement, latest)
    owner = find_owner(statement, existing, program, session)
    _check_rows(statement, owner, rule_table)  # a row problem is named before the chain it would break
    placed = order_and_verify(statement)
    end = _end_date(statement, placed, latest)
    if end is None:
        raise InputError(where(statement), tr("the statement has no lines and no period"))
    source = source_for(owner.savings, end)
    kinds = classify_lines([p.line for p in placed], rule_table)
    links = explain_by_lists(placed, kinds, existing, owner)
    booked = Booked(owner=owner)
    counters: list[str] = []
    for index, (item, kind) in enumerate(zip(placed, kinds, strict=True)):
        line = item.line
        if kind.kind == "reversal":
            counter = _reversed_counter(owner, placed, index, counters) or owner.counter(
                "unknown", item.signed
            )
        else:
            counter = owner.counter(kind.kind, item.signed)
        counters.append(counter)
        if not item.signed:
            booked.skipped.append((where(statement, line.location), "zero amount: nothing to book"))
            continue
        entry = line_entry(owner, item, kind, counter, source, line.location)
        if links[index] is not None:
            entry.meta[disbursements.META_LINK] = links[index]
        booked.entries.append(entry)
        if counter.endswith(":" + accounts.SUSPENSE):
            booked.notes.append(_suspense_note(statement, item, kind.kind, counter))
    booked.entries.extend(assertions(statement, owner, placed, source, end))
    booked.end = end
    return booked


def _check_rows(statement: Statement, owner: Owner, rule_table: list[Rule]) -> None:
    """Refuse a line with both a debit and a credit (unless a summary line merging months) and a
    line dated before the account was opened."""
    for line in statement.lines:
        if line.debit and line.credit and rules_mod.classify(line, rule_table).kind != "summary":
            raise InputError(
                where(statement, line.location),
                tr(
                    "both debit ({debit}) and credit ({credit}) on one line",
                    debit=_amount(line.debit),
                    credit=_amount(line.credit),
                ),
            )
        if line.date < owner.opened:
            raise InputError(
                where(statement, line.location),
                tr(
                    "dated {date}, before {account} was opened ({opened})",
                    date=line.date,
                    account=owner.savings,
                    opened=owner.opened,
                ),
            )


def _suspense_note(statement: Statement, item: Placed, kind: str, counter: str) -> tuple[str, str]:
    """The note on a line booked to Suspense: where it is and why no account could be named."""
    line = item.line
    why = (
        "a summary line merging several months: its net is known, its kinds are not"
        if kind == "summary"
        else "no rule of the rule table knows this line"
    )
    if kind == "reversal":
        why = "a reversal whose original line is not on this statement"
    return (
        where(statement, line.location),
        f"booked to {counter} ({why}): {line.code} {line.description!r} {_amount(item.signed)}",
    )


def _end_date(
    statement: Statement, placed: list[Placed], latest: datetime.date | None = None
) -> datetime.date | None:
    """The last day the statement covers: its printed period's end, or its last line's date.

    A period printed to end after the day of import (a month-to-date download) is taken to end
    the day before it, or on its last line when that is later: the closing balance is then
    never asserted on a day still to come.
    """
    last = placed[-1].line.date if placed else None
    end = statement.period_end
    if end is None or (last is not None and end < last):
        end = last
    if end is not None and latest is not None and end >= latest:
        end = max(latest - datetime.timedelta(days=1), last or end)
    return end


def assertions(
    statement: Statement,
    owner: Owner,
    placed: list[Placed],
    source: str,
    end: datetime.date | None = None,
) -> list[data.Balance]:
    """The closing balance, asserted the day after the last date covered (Beancount's convention
    for a balance at the end of a day). Only the end: an overlapping statement that ends where
    an earlier one did then adds nothing, and a gap before a statement shows in its own end."""
    end = end or _end_date(statement, placed)
    closing = placed[-1].balance if placed else statement.closing_balance
    if end is None or closing is None:
        return []
    day_after = end + datetime.timedelta(days=1)
    if day_after <= owner.opened:
        return []
    return [balance_entry(owner, day_after, closing, source, "closing")]
