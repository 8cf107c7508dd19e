"""The rules plugin, named in every books' main.beancount: `plugin "ledger.plugin" "id"`.

It refuses malformed books only. A business anomaly (a purchase outside the plan, an aid credit
nobody listed, cash not yet covered) is a finding of the reconciliation, never an error here.
One function per rule, each returning AidRuleError named tuples; the configuration string is
the language of the messages ("id" or "en").
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from beancount.core import data

from ledger import accounts, i18n
from ledger.money import IDR, is_whole_rupiah
from ledger.records import COMPANION, PARTICIPANT, Program, custom_args, read_program

__plugins__ = ("check_books",)


class AidRuleError(NamedTuple):
    source: data.Meta
    message: str
    entry: data.Directive | None


Rule = Callable[[list[data.Directive], Program, str], Iterator[AidRuleError]]


def _participants_of(entry: data.Directive, codes: set[str] | dict[str, Any]) -> set[str]:
    """The participants an entry touches, through its accounts or its participant argument."""
    if isinstance(entry, data.Transaction):
        found = {accounts.participant_of(p.account) for p in entry.postings}
        found.discard(None)
        return found  # type: ignore[return-value]
    account = getattr(entry, "account", None)
    if isinstance(account, str):
        code = accounts.participant_of(account)
        return {code} if code else set()
    if isinstance(entry, data.Custom) and entry.type not in (PARTICIPANT, COMPANION):
        args = custom_args(entry)
        if args and isinstance(args[0], str) and args[0] in codes:
            return {args[0]}
    return set()


def unregistered_participant(
    entries: list[data.Directive], program: Program, lang: str
) -> Iterator[AidRuleError]:
    """An account in a participant's tree needs her registration (custom "participant")."""
    for entry in entries:
        if isinstance(entry, data.Open):
            code = accounts.participant_of(entry.account)
            if code is not None and code not in program.participants:
                yield AidRuleError(
                    entry.meta,
                    i18n.text("unregistered-participant", lang, account=entry.account, participant=code),
                    entry,
                )


def cross_participant(entries: list[data.Directive], program: Program, lang: str) -> Iterator[AidRuleError]:
    """Money must not move from one participant's accounts to another's."""
    for entry in entries:
        if isinstance(entry, data.Transaction):
            codes = {accounts.participant_of(p.account) for p in entry.postings}
            codes.discard(None)
            if len(codes) > 1:
                yield AidRuleError(
                    entry.meta,
                    i18n.text("cross-participant", lang, participants=", ".join(sorted(codes))),  # type: ignore[arg-type]
                    entry,
                )


def purchase_without_receipt(
    entries: list[data.Directive], program: Program, lang: str
) -> Iterator[AidRuleError]:
    """Every purchase of goods names its receipt (nota/kuitansi)."""
    for entry in entries:
        if isinstance(entry, data.Transaction) and not entry.meta.get("receipt"):
            for posting in entry.postings:
                if accounts.is_goods(posting.account) and not (posting.meta or {}).get("receipt"):
                    yield AidRuleError(
                        entry.meta,
                        i18n.text("purchase-without-receipt", lang, account=posting.account),
                        entry,
                    )
                    break


def after_closure(entries: list[data.Directive], program: Program, lang: str) -> Iterator[AidRuleError]:
    """Nothing happens to a participant after her accounts are closed."""
    closed: dict[str, datetime.date] = {
        code: p.closed for code, p in program.participants.items() if p.closed is not None
    }
    if not closed:
        return
    for entry in entries:
        if isinstance(entry, data.Close):
            continue
        for code in _participants_of(entry, closed):
            closed_on = closed.get(code)
            if closed_on is not None and entry.date > closed_on:
                yield AidRuleError(
                    entry.meta,
                    i18n.text("after-closure", lang, participant=code, date=entry.date, closed=closed_on),
                    entry,
                )
                break


def not_whole_rupiah(entries: list[data.Directive], program: Program, lang: str) -> Iterator[AidRuleError]:
    """Rupiah have no cents in these books: a fraction is a misread amount."""
    for entry in entries:
        numbers: list[tuple[Decimal, str]] = []
        if isinstance(entry, data.Transaction):
            numbers = [
                (p.units.number, f"{p.units.number} IDR ({p.account})")
                for p in entry.postings
                if p.units is not None and p.units.currency == IDR and isinstance(p.units.number, Decimal)
            ]
        elif (
            isinstance(entry, data.Balance)
            and entry.amount.currency == IDR
            and isinstance(entry.amount.number, Decimal)
        ):
            numbers = [(entry.amount.number, f"{entry.amount.number} IDR ({entry.account})")]
        for number, label in numbers:
            if not is_whole_rupiah(number):
                yield AidRuleError(entry.meta, i18n.text("not-whole-rupiah", lang, amount=label), entry)
                break


def open_without_companion(
    entries: list[data.Directive], program: Program, lang: str
) -> Iterator[AidRuleError]:
    """An aid account is opened only for a participant with a registered companion."""
    for entry in entries:
        if not isinstance(entry, data.Open):
            continue
        code = accounts.participant_of(entry.account)
        participant = program.participants.get(code) if code else None
        if participant is None:
            continue  # reported by unregistered_participant
        if not participant.companion:
            detail = ""
        elif participant.companion not in program.companions:
            detail = f' ("{participant.companion}")'
        else:
            continue
        yield AidRuleError(
            entry.meta,
            i18n.text("open-without-companion", lang, account=entry.account, participant=code, detail=detail),
            entry,
        )


def unknown_records(entries: list[data.Directive], program: Program, lang: str) -> Iterator[AidRuleError]:
    """A participant's funder and cohort are declared records, so reports can group by them."""
    del entries
    for participant in program.participants.values():
        for kind, code, known in (
            ("funder", participant.funder, program.funders),
            ("cohort", participant.cohort, program.cohorts),
        ):
            if code and code not in known:
                meta = {"filename": participant.location.filename, "lineno": participant.location.lineno}
                yield AidRuleError(
                    meta,
                    i18n.text("unknown-record", lang, participant=participant.code, kind=kind, code=code),
                    None,
                )


def aid_currency(entries: list[data.Directive], program: Program, lang: str) -> Iterator[AidRuleError]:
    """Participants' accounts hold rupiah only."""
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                if (
                    posting.units is not None
                    and posting.units.currency != IDR
                    and accounts.participant_of(posting.account)
                ):
                    yield AidRuleError(
                        entry.meta,
                        i18n.text(
                            "aid-currency", lang, account=posting.account, currency=posting.units.currency
                        ),
                        entry,
                    )
                    break


def bank_line_without_source(
    entries: list[data.Directive], program: Program, lang: str
) -> Iterator[AidRuleError]:
    """Every savings-book movement carries where it came from, so an auditor can trace it."""
    for entry in entries:
        if isinstance(entry, data.Transaction) and "source" not in entry.meta:
            for posting in entry.postings:
                parsed = accounts.parse_aid_account(posting.account)
                if parsed is not None and parsed.role == accounts.SAVINGS:
                    yield AidRuleError(
                        entry.meta,
                        i18n.text("bank-line-without-source", lang, account=posting.account),
                        entry,
                    )
                    break


RULES: tuple[Rule, ...] = (
    unregistered_participant,
    cross_participant,
    purchase_without_receipt,
    after_closure,
    not_whole_rupiah,
    open_without_companion,
    unknown_records,
    aid_currency,
    bank_line_without_source,
)


def check_books(
    entries: list[data.Directive], options_map: dict[str, Any], config: str | None = None
) -> tuple[list[data.Directive], list[AidRuleError]]:
    """Run every rule over the entries; the entries pass through unchanged."""
    lang = (config or "").strip() or i18n.default_language()
    program = read_program(entries)
    errors: list[AidRuleError] = []
    for rule in RULES:
        errors.extend(rule(entries, program, lang))
    return entries, errors
