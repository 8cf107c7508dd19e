"""First-class records of a program in the books: settings, funders, companions, cohorts,
participants. Each is a `custom` directive; this module builds them and reads them back.

Directive types (docs/architecture.md, "Custom directives"):

    custom "settings" "aidledger"       books-id, account-salt
    custom "funder" "<Funder>"          name, kind
    custom "companion" "<C01>"          label
    custom "cohort" "<2026-A>"          label
    custom "participant" "<P0001>"      group, cohort, companion, funder, bank, product,
                                        account-mask, account-hash, min-balance
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from beancount.core import data
from beancount.core.amount import Amount
from beancount.parser.grammar import ValueType

from ledger import accounts
from ledger.money import IDR, ZERO

SETTINGS = "settings"
FUNDER = "funder"
COMPANION = "companion"
COHORT = "cohort"
PARTICIPANT = "participant"
RECORD_TYPES = (SETTINGS, FUNDER, COMPANION, COHORT, PARTICIPANT)

PARTICIPANT_FIELDS = (
    "group",
    "cohort",
    "companion",
    "funder",
    "bank",
    "product",
    "account-mask",
    "account-hash",
    "min-balance",
)


@dataclass(frozen=True)
class Location:
    filename: str
    lineno: int

    def __str__(self) -> str:
        return f"{self.filename}:{self.lineno}"

    @classmethod
    def of(cls, meta: data.Meta | None) -> Location:
        meta = meta or {}
        return cls(str(meta.get("filename", "<unknown>")), int(meta.get("lineno", 0)))


@dataclass(frozen=True)
class Participant:
    code: str
    joined: datetime.date
    group: str
    cohort: str
    companion: str
    funder: str
    bank: str
    product: str
    account_mask: str
    account_hash: str
    min_balance: Decimal
    location: Location
    closed: datetime.date | None = None


@dataclass(frozen=True)
class Record:
    """A funder, companion or cohort: a code, a label and where it is declared."""

    kind: str
    code: str
    date: datetime.date
    label: str
    location: Location
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Program:
    """What the books declare about the program, read once per load."""

    settings: dict[str, Any] = field(default_factory=dict)
    funders: dict[str, Record] = field(default_factory=dict)
    companions: dict[str, Record] = field(default_factory=dict)
    cohorts: dict[str, Record] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)

    def participant_by_account_hash(self, digest: str) -> Participant | None:
        for participant in self.participants.values():
            if participant.account_hash == digest:
                return participant
        return None

    @property
    def account_salt(self) -> str:
        return str(self.settings.get("account-salt", ""))

    @property
    def age_recipient(self) -> str:
        return str(self.settings.get("age-recipient", ""))

    @property
    def books_id(self) -> str:
        return str(self.settings.get("books-id", ""))


def custom_args(entry: data.Custom) -> list[Any]:
    """The plain values of a custom directive (beancount wraps each with its type)."""
    return [getattr(value, "value", value) for value in entry.values]


def record_code(entry: data.Custom) -> str | None:
    args = custom_args(entry)
    return str(args[0]) if args else None


def read_program(entries: Iterable[data.Directive]) -> Program:
    """Collect the program's records; later declarations of a code win (the books are history)."""
    program = Program()
    closed_savings: dict[str, datetime.date] = {}
    for entry in entries:
        if isinstance(entry, data.Close):
            parsed = accounts.parse_aid_account(entry.account)
            if parsed and parsed.role == accounts.SAVINGS:
                closed_savings[parsed.participant] = entry.date
            continue
        if not isinstance(entry, data.Custom) or entry.type not in RECORD_TYPES:
            continue
        code = record_code(entry)
        if code is None:
            continue
        meta = entry.meta or {}
        if entry.type == SETTINGS:
            program.settings.update({k: v for k, v in meta.items() if k not in ("filename", "lineno")})
        elif entry.type == PARTICIPANT:
            program.participants[code] = participant_from_entry(entry)
        else:
            record = Record(
                entry.type,
                code,
                entry.date,
                str(meta.get("label") or meta.get("name") or code),
                Location.of(meta),
                {k: v for k, v in meta.items() if k not in ("filename", "lineno")},
            )
            {FUNDER: program.funders, COMPANION: program.companions, COHORT: program.cohorts}[entry.type][
                code
            ] = record
    for code, date in closed_savings.items():
        if code in program.participants:
            old = program.participants[code]
            program.participants[code] = Participant(**{**old.__dict__, "closed": date})
    return program


def participant_from_entry(entry: data.Custom) -> Participant:
    meta = entry.meta or {}
    min_balance = meta.get("min-balance")
    if isinstance(min_balance, Amount):
        min_balance = min_balance.number
    return Participant(
        code=str(record_code(entry)),
        joined=entry.date,
        group=str(meta.get("group", "")),
        cohort=str(meta.get("cohort", "")),
        companion=str(meta.get("companion", "")),
        funder=str(meta.get("funder", "")),
        bank=str(meta.get("bank", "")),
        product=str(meta.get("product", "")),
        account_mask=str(meta.get("account-mask", "")),
        account_hash=str(meta.get("account-hash", "")),
        min_balance=Decimal(min_balance) if min_balance is not None else ZERO,
        location=Location.of(meta),
    )


def _meta(source: str | None, **values: Any) -> data.Meta:
    meta: data.Meta = {"filename": source or "<aidledger>", "lineno": 0}
    meta.update({k.replace("_", "-"): v for k, v in values.items() if v is not None})
    return meta


def custom(
    directive_type: str, code: str, date: datetime.date, source: str | None = None, **values: Any
) -> data.Custom:
    """A record directive of one of RECORD_TYPES (or any other aidledger custom type)."""
    return data.Custom(_meta(source, **values), date, directive_type, [ValueType(code, str)])


def participant_directive(
    code: str,
    joined: datetime.date,
    *,
    group: str,
    cohort: str,
    companion: str,
    funder: str,
    bank: str,
    product: str,
    account_mask: str,
    account_hash: str,
    min_balance: Decimal,
    source: str | None = None,
    **extra: Any,
) -> data.Custom:
    return custom(
        PARTICIPANT,
        accounts.normalise_participant_code(code),
        joined,
        source,
        group=group,
        cohort=cohort,
        companion=companion,
        funder=funder,
        bank=bank,
        product=product,
        account_mask=account_mask,
        account_hash=account_hash,
        min_balance=Amount(min_balance, IDR),
        **extra,
    )


def open_participant_accounts(
    code: str, date: datetime.date, source: str | None = None, **meta: Any
) -> list[data.Open]:
    return [
        data.Open(_meta(source, **meta), date, account, [IDR], None)
        for account in accounts.participant_accounts(code)
    ]


def open_account(account: str, date: datetime.date, source: str | None = None, **meta: Any) -> data.Open:
    return data.Open(_meta(source, **meta), date, account, [IDR], None)


def sorted_codes(codes: Sequence[str]) -> list[str]:
    return sorted(codes)
