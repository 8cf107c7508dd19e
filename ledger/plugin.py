"""The rules plugin, named in every books' main.beancount: `plugin "ledger.plugin" "id"`.

It refuses malformed books only. A business anomaly (a purchase outside the plan, an aid credit
nobody listed, cash not yet covered) is a finding of the reconciliation, never an error here.
One function per rule, each yielding AidRuleError named tuples; the configuration string is
the language of the messages ("id" or "en"). The rules share one pass over the entries
(Context) that sorts them by type and notes which participants and account roles each
transaction touches, so that the plugin stays a small fraction of a load.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from beancount.core import data

from ledger import accounts, i18n
from ledger.money import IDR, is_rupiah_amount
from ledger.records import COMPANION, PARTICIPANT, Program, custom_args, read_program
from ledger.visits import VISIT

__plugins__ = ("check_books",)


class AidRuleError(NamedTuple):
    source: data.Meta
    message: str
    entry: data.Directive | None


@dataclass
class Context:
    """The entries as the rules need them, computed once per load."""

    entries: list[data.Directive]
    program: Program
    lang: str
    transactions: list[data.Transaction] = field(default_factory=list)
    participants: list[frozenset[str]] = field(default_factory=list)  # per transaction
    roles: list[frozenset[str]] = field(default_factory=list)  # aid account roles, per transaction
    opens: list[data.Open] = field(default_factory=list)

    @classmethod
    def of(cls, entries: list[data.Directive], program: Program, lang: str) -> Context:
        context = cls(entries, program, lang)
        for entry in entries:
            if isinstance(entry, data.Transaction):
                parsed = [accounts.parse_aid_account(p.account) for p in entry.postings]
                context.transactions.append(entry)
                context.participants.append(frozenset(a.participant for a in parsed if a))
                context.roles.append(frozenset(a.role for a in parsed if a))
            elif isinstance(entry, data.Open):
                context.opens.append(entry)
        return context

    def text(self, key: str, **values: object) -> str:
        return i18n.text(key, self.lang, **values)


Rule = Callable[[Context], Iterator[AidRuleError]]


def _participants_of(entry: data.Directive, codes: set[str] | dict[str, Any]) -> set[str]:
    """The participants an entry touches, through its accounts or its participant argument."""
    if isinstance(entry, data.Transaction):
        found = {accounts.participant_of(p.account) for p in entry.postings}
        return {code for code in found if code}
    account = getattr(entry, "account", None)
    if isinstance(account, str):
        code = accounts.participant_of(account)
        return {code} if code else set()
    if isinstance(entry, data.Custom) and entry.type not in (PARTICIPANT, COMPANION):
        args = custom_args(entry)
        if args and isinstance(args[0], str) and args[0] in codes:
            return {args[0]}
    return set()


def unregistered_participant(ctx: Context) -> Iterator[AidRuleError]:
    """An account in a participant's tree needs her registration (custom "participant")."""
    for entry in ctx.opens:
        code = accounts.participant_of(entry.account)
        if code is not None and code not in ctx.program.participants:
            yield AidRuleError(
                entry.meta,
                ctx.text("unregistered-participant", account=entry.account, participant=code),
                entry,
            )


def cross_participant(ctx: Context) -> Iterator[AidRuleError]:
    """Money must not move from one participant's accounts to another's."""
    for entry, codes in zip(ctx.transactions, ctx.participants, strict=True):
        if len(codes) > 1:
            yield AidRuleError(
                entry.meta, ctx.text("cross-participant", participants=", ".join(sorted(codes))), entry
            )


def purchase_without_receipt(ctx: Context) -> Iterator[AidRuleError]:
    """Every purchase of goods names its receipt (nota/kuitansi)."""
    for entry, roles in zip(ctx.transactions, ctx.roles, strict=True):
        if accounts.GOODS not in roles or entry.meta.get("receipt"):
            continue
        for posting in entry.postings:
            if accounts.is_goods(posting.account) and not (posting.meta or {}).get("receipt"):
                yield AidRuleError(
                    entry.meta, ctx.text("purchase-without-receipt", account=posting.account), entry
                )
                break


def after_closure(ctx: Context) -> Iterator[AidRuleError]:
    """Nothing happens to a participant after her accounts are closed."""
    closed: dict[str, datetime.date] = {
        code: p.closed for code, p in ctx.program.participants.items() if p.closed is not None
    }
    if not closed:
        return
    for entry in ctx.entries:
        if isinstance(entry, data.Close) or (isinstance(entry, data.Custom) and entry.type == VISIT):
            continue  # a business is visited after the aid whatever became of her savings book
        for code in _participants_of(entry, closed):
            closed_on = closed.get(code)
            if closed_on is not None and entry.date > closed_on:
                yield AidRuleError(
                    entry.meta,
                    ctx.text("after-closure", participant=code, date=entry.date, closed=closed_on),
                    entry,
                )
                break


def finer_than_sen(ctx: Context) -> Iterator[AidRuleError]:
    """Rupiah have at most two decimals (sen): a third one is a misread amount. Sen themselves
    are real: banks print them on interest, tax and some balances (Livin's 80.000.000,50)."""
    for entry in ctx.transactions:
        for posting in entry.postings:
            units = posting.units
            if units is None or units.currency != IDR or not isinstance(units.number, Decimal):
                continue
            if not is_rupiah_amount(units.number):
                label = f"{units.number} IDR ({posting.account})"
                yield AidRuleError(entry.meta, ctx.text("finer-than-sen", amount=label), entry)
                break
    for balance in ctx.entries:
        if (
            isinstance(balance, data.Balance)
            and balance.amount.currency == IDR
            and isinstance(balance.amount.number, Decimal)
            and not is_rupiah_amount(balance.amount.number)
        ):
            label = f"{balance.amount.number} IDR ({balance.account})"
            yield AidRuleError(balance.meta, ctx.text("finer-than-sen", amount=label), balance)


def open_without_companion(ctx: Context) -> Iterator[AidRuleError]:
    """An aid account is opened only for a participant with a registered companion."""
    for entry in ctx.opens:
        code = accounts.participant_of(entry.account)
        participant = ctx.program.participants.get(code) if code else None
        if participant is None:
            continue  # reported by unregistered_participant
        if not participant.companion:
            detail = ""
        elif participant.companion not in ctx.program.companions:
            detail = f' ("{participant.companion}")'
        else:
            continue
        yield AidRuleError(
            entry.meta,
            ctx.text("open-without-companion", account=entry.account, participant=code, detail=detail),
            entry,
        )


def unknown_records(ctx: Context) -> Iterator[AidRuleError]:
    """A participant's funder and cohort are declared records, so reports can group by them."""
    program = ctx.program
    for participant in program.participants.values():
        for kind, code, known in (
            ("funder", participant.funder, program.funders),
            ("cohort", participant.cohort, program.cohorts),
        ):
            if code and code not in known:
                meta = {"filename": participant.location.filename, "lineno": participant.location.lineno}
                yield AidRuleError(
                    meta, ctx.text("unknown-record", participant=participant.code, kind=kind, code=code), None
                )


def aid_currency(ctx: Context) -> Iterator[AidRuleError]:
    """Participants' accounts hold rupiah only."""
    for entry, codes in zip(ctx.transactions, ctx.participants, strict=True):
        if not codes:
            continue
        for posting in entry.postings:
            if (
                posting.units is not None
                and posting.units.currency != IDR
                and accounts.participant_of(posting.account)
            ):
                yield AidRuleError(
                    entry.meta,
                    ctx.text("aid-currency", account=posting.account, currency=posting.units.currency),
                    entry,
                )
                break


def _savings_account(entry: data.Transaction) -> str:
    for posting in entry.postings:
        parsed = accounts.parse_aid_account(posting.account)
        if parsed is not None and parsed.role == accounts.SAVINGS:
            return posting.account
    return ""


def bank_line_without_source(ctx: Context) -> Iterator[AidRuleError]:
    """Every savings-book movement carries where it came from, so an auditor can trace it."""
    for entry, roles in zip(ctx.transactions, ctx.roles, strict=True):
        if accounts.SAVINGS in roles and "source" not in entry.meta:
            account = _savings_account(entry)
            yield AidRuleError(entry.meta, ctx.text("bank-line-without-source", account=account), entry)


RULES: tuple[Rule, ...] = (
    unregistered_participant,
    cross_participant,
    purchase_without_receipt,
    after_closure,
    finer_than_sen,
    open_without_companion,
    unknown_records,
    aid_currency,
    bank_line_without_source,
)


def check_books(
    entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
) -> tuple[list[data.Directive], list[AidRuleError]]:
    """Run every rule over the entries; the entries pass through unchanged.

    The collector is left as the process has it: this runs inside bean-check's and Fava's
    loads too, and switching it off is for aidledger's own load to decide (ledger.books.load
    pauses it around the whole load; docs/decisions.md, "Performance")."""
    lang = (config or "").strip() or i18n.default_language()
    errors: list[AidRuleError] = []
    context = Context.of(entries, read_program(entries), lang)
    for rule in RULES:
        errors.extend(rule(context))
    return entries, errors
