"""The participant register spreadsheet: public facts into the books, identity into the register.

Headers (Indonesian, English also accepted): Kode Peserta, Nama, NIK, Alamat, Telepon, Kelompok,
Angkatan, Pendamping, Sumber Dana, Bank, No Rekening, Tanggal Masuk; optional Produk and
Saldo Minimum. Companions, funders and cohorts named for the first time are declared.
The file itself holds names, so it is never archived into the books.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

from beancount.core import data

from importers.base import IMPORT_KEY, Extraction, SheetImporter
from importers.tables import (
    Column,
    InputError,
    Row,
    TableSpec,
    cell_date,
    cell_decimal,
)
from ledger import accountno, accounts, records
from ledger.books import BooksPaths
from ledger.identity import Identity
from ledger.money import ZERO
from ledger.records import Program

SPEC = TableSpec(
    "participants",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Code")),
        Column("name", ("Nama", "Name", "Nama Peserta")),
        Column("nik", ("NIK", "National ID", "Identity Number"), required=False),
        Column("address", ("Alamat", "Address"), required=False),
        Column("phone", ("Telepon", "Phone", "No HP", "HP"), required=False),
        Column("group", ("Kelompok", "Group", "Skill Group", "Kelompok Keterampilan")),
        Column("cohort", ("Angkatan", "Cohort")),
        Column("companion", ("Pendamping", "Companion")),
        Column("funder", ("Sumber Dana", "Funder", "Source of Funds")),
        Column("bank", ("Bank",)),
        Column("account_number", ("No Rekening", "Account Number", "Nomor Rekening", "Account No")),
        Column("joined", ("Tanggal Masuk", "Date Joined", "Joined", "Entry Date")),
        Column("product", ("Produk", "Product"), required=False),
        Column("min_balance", ("Saldo Minimum", "Minimum Balance"), required=False),
    ),
)

_NIK = re.compile(r"^\d{16}$")


def _facts_key(code: str, facts: dict[str, str]) -> str:
    digest = hashlib.sha256(repr(sorted(facts.items())).encode()).hexdigest()[:12]
    return f"participant:{code}:{digest}"


class ParticipantsImporter(SheetImporter):
    kind = "participants"
    spec = SPEC

    def target(self, paths: BooksPaths, entry: data.Directive) -> Path:
        if isinstance(entry, data.Custom) and entry.type == records.PARTICIPANT:
            return paths.participants
        if isinstance(entry, data.Open) and accounts.participant_of(entry.account):
            return paths.participants
        return paths.program

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        path = Path(filepath)
        salt = program.account_salt
        if not salt:
            raise InputError(
                str(path), "the books have no account-salt setting; create them with `aidledger init`"
            )
        result = Extraction()
        declared: dict[tuple[str, str], datetime.date] = {}
        seen: dict[str, str] = {}
        rows = self.rows(path)
        result.rows_read = len(rows)
        parsed = [self._parse_row(row, salt) for row in rows]
        for row, (identity, facts, joined) in zip(rows, parsed, strict=True):
            code = identity.code
            if code in seen:
                raise InputError(row.location, f"participant {code} is listed twice (also at {seen[code]})")
            seen[code] = row.location
            for kind, value, book in (
                (records.COMPANION, facts["companion"], program.companions),
                (records.FUNDER, facts["funder"], program.funders),
                (records.COHORT, facts["cohort"], program.cohorts),
            ):
                if value not in book:
                    first = declared.get((kind, value))
                    declared[(kind, value)] = min(first, joined) if first else joined
            result.identities.append(identity)
            key = _facts_key(code, facts)
            known = program.participants.get(code)
            if known is not None and known.account_hash == facts["account-hash"] and _same(known, facts):
                result.skipped.append((row.location, f"{code} is already registered with these facts"))
                continue
            min_balance = cell_decimal(row, "min_balance") or ZERO
            directive = records.participant_directive(
                code,
                joined if known is None else max(joined, known.joined),
                group=facts["group"],
                cohort=facts["cohort"],
                companion=facts["companion"],
                funder=facts["funder"],
                bank=facts["bank"],
                product=facts["product"],
                account_mask=facts["account-mask"],
                account_hash=facts["account-hash"],
                min_balance=min_balance,
                source=row.location,
            )
            directive.meta[IMPORT_KEY] = key
            result.entries.append(directive)
            if known is None:
                result.entries.extend(records.open_participant_accounts(code, joined, row.location))
        for (kind, value), date in sorted(declared.items(), key=lambda item: (item[0][0], item[0][1])):
            label = value
            code = accounts.component(value) if kind == records.FUNDER else value
            if kind == records.FUNDER and code in program.funders:
                continue
            result.entries.append(records.custom(kind, code, date, str(path), label=label))
            if kind == records.FUNDER:
                result.entries.append(records.open_account(accounts.grant(code), date, str(path)))
        return result

    def _parse_row(self, row: Row, salt: str) -> tuple[Identity, dict[str, str], datetime.date]:
        def required(key: str) -> str:
            value = row.text(key)
            if not value:
                raise InputError(row.location, f"{key.replace('_', ' ')} is empty")
            return value

        try:
            code = accounts.normalise_participant_code(required("code"))
        except ValueError as exc:
            raise InputError(row.location, str(exc)) from None
        nik = re.sub(r"\s", "", row.text("nik"))
        if nik and not _NIK.match(nik):
            raise InputError(row.location, f"NIK must be 16 digits (got {len(nik)} characters)")
        number = required("account_number")
        try:
            masked, digest = accountno.mask(number), accountno.account_hash(number, salt)
        except ValueError as exc:
            raise InputError(row.location, str(exc)) from None
        joined = cell_date(row, "joined")
        if joined is None:
            raise InputError(row.location, "joined date (Tanggal Masuk) is empty")
        funder = required("funder")
        try:
            funder_code = accounts.component(funder)
        except ValueError as exc:
            raise InputError(row.location, str(exc)) from None
        facts = {
            "group": required("group"),
            "cohort": required("cohort"),
            "companion": required("companion"),
            "funder": funder_code,
            "bank": required("bank"),
            "product": row.text("product"),
            "account-mask": masked,
            "account-hash": digest,
        }
        identity = Identity(
            code=code,
            name=required("name"),
            nik=nik,
            address=row.text("address"),
            phone=row.text("phone"),
            account_number=accountno.digits_only(number),
        )
        return identity, facts, joined


def _same(known: records.Participant, facts: dict[str, str]) -> bool:
    return (
        known.group == facts["group"]
        and known.cohort == facts["cohort"]
        and known.companion == facts["companion"]
        and known.funder == facts["funder"]
        and known.bank == facts["bank"]
        and known.product == facts["product"]
    )
