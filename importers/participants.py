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
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from beancount.core import data

from importers.base import IMPORT_KEY, Extraction, SheetImporter
from importers.tables import (
    Column,
    InputError,
    Row,
    RowErrors,
    TableSpec,
    cell_date,
    cell_decimal,
)
from ledger import accountno, accounts, records
from ledger.books import BooksPaths
from ledger.identity import Identity
from ledger.money import ZERO, is_whole_rupiah
from ledger.records import Program

SPEC = TableSpec(
    "participants",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Code", "Kode", "ID Peserta", "Kode PM")),
        Column("name", ("Nama", "Name", "Nama Peserta", "Nama Lengkap", "Nama Penerima")),
        Column(
            "nik", ("NIK", "National ID", "Identity Number", "No KTP", "Nomor KTP", "NIK KTP"), required=False
        ),
        Column("address", ("Alamat", "Address", "Alamat Lengkap", "Alamat Domisili"), required=False),
        Column(
            "phone",
            ("Telepon", "Phone", "No HP", "HP", "No Telp", "No Telepon", "Nomor HP", "No WA"),
            required=False,
        ),
        Column("group", ("Kelompok", "Group", "Skill Group", "Kelompok Keterampilan", "Kelompok Usaha")),
        Column("cohort", ("Angkatan", "Cohort", "Tahun Angkatan")),
        Column("companion", ("Pendamping", "Companion", "Nama Pendamping", "Pekerja Sosial")),
        Column("funder", ("Sumber Dana", "Funder", "Source of Funds", "Donor", "Penyandang Dana")),
        Column("bank", ("Bank", "Nama Bank")),
        Column(
            "account_number",
            ("No Rekening", "Account Number", "Nomor Rekening", "Account No", "No Rek", "Rekening"),
        ),
        Column(
            "joined",
            (
                "Tanggal Masuk",
                "Date Joined",
                "Joined",
                "Entry Date",
                "Tgl Masuk",
                "Tanggal Daftar",
                "Tgl Daftar",
                "Tanggal Registrasi",
            ),
            kind="date",
        ),
        Column("product", ("Produk", "Product", "Jenis Tabungan", "Produk Tabungan"), required=False),
        Column(
            "min_balance", ("Saldo Minimum", "Minimum Balance", "Saldo Min"), required=False, kind="amount"
        ),
    ),
)

_NIK = re.compile(r"^\d{16}$")


def _facts_key(code: str, facts: dict[str, str]) -> str:
    digest = hashlib.sha256(repr(sorted(facts.items())).encode()).hexdigest()[:12]
    return f"participant:{code}:{digest}"


def _digits_kept(row: Row, key: str, problems: RowErrors) -> None:
    """A number cell of 16 digits or more (a NIK typed in a column not formatted as text) has
    lost its last digits in Excel, which keeps 15: refused, never registered wrong."""
    value = row.values.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 10**15:
        problems.add(
            row.error(
                key, "saved as a number, and Excel keeps 15 digits: format the column as Text, type it again"
            )
        )


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
        """Every row checked first, cheaply, with every bad row reported at once; the slow salted
        hash of the account numbers only once the whole file is known to be good."""
        path = Path(filepath)
        salt = program.account_salt
        if not salt:
            raise InputError(
                str(path), "the books have no account-salt setting; create them with `aidledger init`"
            )
        sheet = self.sheet(path)
        rows, errors = sheet.rows, sheet.errors
        result = Extraction(rows_read=len(rows), skipped=list(sheet.skipped))
        parsed = self._checked_rows(rows, errors)
        errors.check()
        _hash_accounts(parsed, program, salt, errors)
        errors.check()
        declared = _participant_entries(parsed, program, result)
        result.entries.extend(_declarations(declared, program, path))
        return result

    def _checked_rows(self, rows: Sequence[Row], errors: RowErrors) -> list[_Parsed]:
        """Each row's values checked, each code listed once and each account number given for one
        code only; a bad row's errors go to `errors`, the good rows are returned."""
        parsed: list[_Parsed] = []
        seen: dict[str, str] = {}
        numbers: dict[str, tuple[str, str]] = {}  # account digits -> (code, location)
        for row in rows:
            with errors.guard():
                identity, facts, joined = self._parse_row(row)
                code = identity.code
                if code in seen:
                    raise row.error(
                        "code",
                        "participant {code} is listed twice (also at {other})",
                        code=code,
                        other=seen[code],
                    )
                seen[code] = row.location
                other = numbers.get(identity.account_number)
                if other is not None and other[0] != code:
                    raise row.error(
                        "account_number",
                        "account number of {code} is also given for {other} (at {where})",
                        code=code,
                        other=other[0],
                        where=other[1],
                    )
                numbers[identity.account_number] = (code, row.location)
                parsed.append((row, identity, facts, joined))
        return parsed

    def _parse_row(self, row: Row) -> tuple[Identity, dict[str, str], datetime.date]:
        """One row's values, checked (no hashing here: that waits until every row is good)."""
        problems = RowErrors(row.location)

        def required(key: str) -> str:
            value = row.text(key)
            if not value:
                problems.add(row.error(key, "empty"))
            return value

        code = _participant_code(row, problems, required("code"))
        for key in ("nik", "account_number"):
            _digits_kept(row, key, problems)
        nik = re.sub(r"\s", "", row.text("nik"))
        if nik and not _NIK.match(nik):
            problems.add(row.error("nik", "NIK must be 16 digits (got {count} characters)", count=len(nik)))
        number = required("account_number")
        if number and len(re.sub(r"\D", "", number)) < 6:
            problems.add(row.error("account_number", "{value!r} has fewer than 6 digits", value=number))
        joined = _joined(row, problems)
        funder_code = _funder_code(row, problems, required("funder"))
        min_balance = _min_balance(row, problems)
        facts = {
            "group": required("group"),
            "cohort": required("cohort"),
            "companion": required("companion"),
            "funder": funder_code,
            "bank": required("bank"),
            "product": row.text("product"),
            "min-balance": str(
                min_balance.quantize(Decimal(1))
                if min_balance == min_balance.to_integral_value()
                else min_balance
            ),
        }
        name = required("name")
        problems.check()
        assert joined is not None
        identity = Identity(
            code=code,
            name=name,
            nik=nik,
            address=row.text("address"),
            phone=row.text("phone"),
            account_number=accountno.digits_only(number),
        )
        return identity, facts, joined


_Parsed = tuple[Row, Identity, dict[str, str], datetime.date]  # a good row: identity, facts, joined


def _participant_code(row: Row, problems: RowErrors, code: str) -> str:
    """The code as the books write it (P0001), or a problem."""
    if code:
        with problems.guard():
            try:
                code = accounts.normalise_participant_code(code)
            except ValueError as exc:
                raise row.error("code", "{reason}", reason=exc) from None
    return code


def _joined(row: Row, problems: RowErrors) -> datetime.date | None:
    """The day she joined: a date, given, not in the future."""
    joined = None
    with problems.guard():
        joined = cell_date(row, "joined")
        if joined is None:
            problems.add(row.error("joined", "empty"))
        elif joined > datetime.date.today():
            problems.add(row.error("joined", "in the future ({date})", date=joined))
    return joined


def _funder_code(row: Row, problems: RowErrors, funder: str) -> str:
    """The funder as an account name component, or a problem when it cannot be one."""
    funder_code = ""
    if funder:
        try:
            funder_code = accounts.component(funder)
        except ValueError:
            problems.add(row.error("funder", "{value!r} cannot be made into an account name", value=funder))
    return funder_code


def _min_balance(row: Row, problems: RowErrors) -> Decimal:
    """The product's minimum balance (0 when not given): whole rupiah, not negative."""
    min_balance = ZERO
    with problems.guard():
        min_balance = cell_decimal(row, "min_balance") or ZERO
        if min_balance < 0 or not is_whole_rupiah(min_balance):
            problems.add(
                row.error(
                    "min_balance",
                    "must be a whole rupiah amount of 0 or more, got {amount}",
                    amount=min_balance,
                )
            )
    return min_balance


def _hash_accounts(parsed: list[_Parsed], program: Program, salt: str, errors: RowErrors) -> None:
    """Each account number's mask and salted hash into its row's facts (the slow step, once
    every row is good); a number the books give to another participant is refused."""
    owners = {p.account_hash: p.code for p in program.participants.values() if p.account_hash}
    for row, identity, facts, _ in parsed:
        with errors.guard():
            try:
                facts["account-mask"] = accountno.mask(identity.account_number)
                facts["account-hash"] = accountno.account_hash(identity.account_number, salt)
            except ValueError as exc:
                raise row.error("account_number", "{reason}", reason=exc) from None
            owner = owners.get(facts["account-hash"])
            if owner is not None and owner != identity.code:
                raise row.error(
                    "account_number",
                    "account number of {code} is already registered to {other}",
                    code=identity.code,
                    other=owner,
                )


def _participant_entries(
    parsed: list[_Parsed], program: Program, result: Extraction
) -> dict[tuple[str, str], datetime.date]:
    """Each participant's identity into `result`, and her directive (with her accounts when she
    is new) unless the books have her with these facts already. Returns the companions, funders
    and cohorts the books do not know, each with the first day a participant joined under it."""
    declared: dict[tuple[str, str], datetime.date] = {}
    for row, identity, facts, joined in parsed:
        code = identity.code
        for kind, value, book in (
            (records.COMPANION, facts["companion"], program.companions),
            (records.FUNDER, facts["funder"], program.funders),
            (records.COHORT, facts["cohort"], program.cohorts),
        ):
            if value not in book:
                first = declared.get((kind, value))
                declared[(kind, value)] = min(first, joined) if first else joined
        result.identities.append(identity)
        key = _facts_key(code, {k: v for k, v in facts.items() if k != "min-balance"})
        known = program.participants.get(code)
        if known is not None and known.account_hash == facts["account-hash"] and _same(known, facts):
            result.skipped.append((row.location, f"{code} is already registered with these facts"))
            continue
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
            min_balance=Decimal(facts["min-balance"]),
            source=row.location,
        )
        directive.meta[IMPORT_KEY] = key
        result.entries.append(directive)
        if known is None:
            result.entries.extend(records.open_participant_accounts(code, joined, row.location))
    return declared


def _declarations(
    declared: dict[tuple[str, str], datetime.date], program: Program, path: Path
) -> list[data.Directive]:
    """The companions, funders and cohorts named for the first time, each declared on the first
    day a participant joined under it (a funder with its grant account)."""
    entries: list[data.Directive] = []
    for (kind, value), date in sorted(declared.items(), key=lambda item: (item[0][0], item[0][1])):
        label = value
        code = accounts.component(value) if kind == records.FUNDER else value
        if kind == records.FUNDER and code in program.funders:
            continue
        entries.append(records.custom(kind, code, date, str(path), label=label))
        if kind == records.FUNDER:
            entries.append(records.open_account(accounts.grant(code), date, str(path)))
    return entries


def _same(known: records.Participant, facts: dict[str, str]) -> bool:
    return (
        known.group == facts["group"]
        and known.cohort == facts["cohort"]
        and known.companion == facts["companion"]
        and known.funder == facts["funder"]
        and known.bank == facts["bank"]
        and known.product == facts["product"]
    )
