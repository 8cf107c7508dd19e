"""Disbursement lists ("daftar nominatif") as XLSX or CSV: each row is aid in transit.

Headers (Indonesian, English also accepted): Kode Peserta, Sumber Dana, Komponen, Jumlah,
Tanggal, Batch. Each row books Assets:Aid:<PID>:Transit from Income:Grant:<Funder> with
`batch`, `component`, `source` (file:sheet:row) and an import-key made by
ledger.disbursements.row_key: batch, participant, component and the row's occurrence number
among the file's rows of that batch, participant and component. Re-importing the file adds
nothing; a participant listed twice keeps both rows (found as duplicate-disbursement).

When the list arrives after the savings-book statement, credits it explains that were booked
as her own deposits are reclassified (OwnFunds -> Transit), never edited.
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal
from pathlib import Path

from beancount.core import data
from beancount.core.amount import Amount

from importers.base import IMPORT_KEY, Extraction, SheetImporter
from importers.tables import (
    Column,
    InputError,
    Row,
    RowErrors,
    TableSpec,
    cell_date,
    cell_decimal,
    find_tables,
)
from ledger import accounts, records
from ledger import disbursements as disb
from ledger.books import BooksPaths
from ledger.fold import fold
from ledger.money import IDR, is_whole_rupiah
from ledger.records import Program

_COLUMNS = (
    Column("code", ("Kode Peserta", "Participant Code", "Code", "Kode", "ID Peserta", "Kode PM")),
    Column("funder", ("Sumber Dana", "Funder", "Source of Funds", "Donor", "Penyandang Dana")),
    Column("component", ("Komponen", "Component", "Komponen Bantuan", "Jenis Bantuan")),
    Column(
        "amount",
        ("Jumlah", "Amount", "Nominal", "Jumlah Bantuan", "Nilai", "Nilai Bantuan", "Besaran Bantuan"),
        kind="amount",
    ),
    Column(
        "date",
        (
            "Tanggal",
            "Date",
            "Tanggal Penyaluran",
            "Tgl",
            "Tgl Penyaluran",
            "Tanggal Salur",
            "Tanggal Transfer",
        ),
        kind="date",
    ),
    Column("batch", ("Batch", "Tahap", "Gelombang", "Termin")),
)
# The template has exactly these columns; a funder's list often adds the names, which the reader
# accepts and ignores (the original is archived encrypted, never in clear in the books).
TEMPLATE_SPEC = TableSpec("disbursements", _COLUMNS)
SPEC = TableSpec(
    "disbursements", (*_COLUMNS, Column("name", ("Nama", "Name", "Nama Peserta"), required=False))
)


def _funder_code(text: str, program: Program) -> str:
    """A funder named by its code or its label (Kemensos, Kementerian Sosial RI), compared as
    folded text: "DINSOS SUMSEL" on a funder's list is the registered DinsosSumsel, not a new
    funder with an account of its own."""
    if text in program.funders:
        return text
    typed = fold(text)
    for code, record in program.funders.items():
        if typed in (fold(code), fold(record.label)):
            return code
    return accounts.component(text)


class DisbursementsImporter(SheetImporter):
    kind = "disbursements"
    spec = SPEC

    def account(self, filepath: str) -> str:
        """Where Fava's import page files the list: the grant account of its first row's funder."""
        try:
            for table in find_tables(Path(filepath), SPEC):
                for row in table.rows:
                    if row.text("funder"):
                        return accounts.grant(row.text("funder"))
        except (InputError, OSError, ValueError):
            pass
        return "Income:Grant"

    def target(self, paths: BooksPaths, entry: data.Directive) -> Path:
        if isinstance(entry, (data.Custom, data.Open)):
            return paths.program
        return paths.journal_file(self.kind, entry.date.year)

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        path = Path(filepath)
        sheet = self.sheet(path)
        rows, errors = sheet.rows, sheet.errors
        result = Extraction(rows_read=len(rows), skipped=list(sheet.skipped))
        parsed = []
        for row in rows:
            with errors.guard():
                parsed.append((row, self._parse_row(row, program)))
        errors.check()
        occurrences: Counter[tuple[str, str, str]] = Counter()
        new_funders: dict[str, datetime.date] = {}
        listed: list[disb.ListedRow] = []
        sources: dict[str, str] = {}
        for row, values in parsed:
            code, funder, component, amount, date, batch = values
            if funder not in program.funders:
                new_funders[funder] = min(date, new_funders.get(funder, date))
            occurrences[(batch, code, component)] += 1
            key = disb.row_key(batch, code, component, occurrences[(batch, code, component)])
            entry = data.Transaction(
                {
                    "filename": row.location,
                    "lineno": 0,
                    disb.META_BATCH: batch,
                    disb.META_COMPONENT: component,
                    "source": row.location,
                    IMPORT_KEY: key,
                },
                date,
                "*",
                funder,
                f"Bantuan {component} {batch}",
                frozenset(),
                frozenset(),
                [
                    data.Posting(accounts.transit(code), Amount(amount, IDR), None, None, None, None),
                    data.Posting(accounts.grant(funder), Amount(-amount, IDR), None, None, None, None),
                ],
            )
            result.entries.append(entry)
            listed.append(disb.ListedRow(key, code, funder, component, batch, date, amount, row.location))
            sources[key] = row.location
        for funder, date in sorted(new_funders.items()):
            result.entries.append(records.custom(records.FUNDER, funder, date, str(path), label=funder))
            result.entries.append(records.open_account(accounts.grant(funder), date, str(path)))
        known = {str(e.meta[IMPORT_KEY]) for e in existing if e.meta and IMPORT_KEY in e.meta}
        fresh = [row for row in listed if row.key not in known]
        result.entries.extend(
            e for e in disb.reclassifications_for(existing, fresh, sources) if _new(e, known)
        )
        if listed:
            result.archive_account = accounts.grant(listed[0].funder)
            result.archive_date = max(row.date for row in listed)
        return result

    def _parse_row(self, row: Row, program: Program) -> tuple[str, str, str, Decimal, datetime.date, str]:
        """One row's values, every problem of the row reported together."""
        problems = RowErrors(row.location)

        def required(key: str) -> str:
            value = row.text(key)
            if not value:
                problems.add(row.error(key, "empty"))
            return value

        code, participant = _registered(row, problems, program, required("code"))
        funder = required("funder")
        if funder:
            try:
                funder = _funder_code(funder, program)
            except ValueError:
                problems.add(
                    row.error("funder", "{value!r} cannot be made into an account name", value=funder)
                )
        component = " ".join(required("component").lower().split())
        amount = _listed_amount(row, problems)
        date = _listed_date(row, problems, code, participant)
        batch = required("batch")
        if ":" in batch:
            problems.add(row.error("batch", "batch {batch!r} must not contain ':'", batch=batch))
        problems.check()
        assert amount is not None and date is not None
        return code, funder, component, amount.quantize(Decimal(1)), date, batch


def _registered(
    row: Row, problems: RowErrors, program: Program, code: str
) -> tuple[str, records.Participant | None]:
    """The participant code as the books write it, and her record: she must be registered
    before her aid is listed."""
    participant = None
    if code:
        try:
            code = accounts.normalise_participant_code(code)
            participant = program.participants.get(code)
            if participant is None:
                problems.add(
                    row.error(
                        "code",
                        "participant {code} is not registered (import the participant register first)",
                        code=code,
                    )
                )
        except ValueError as exc:
            problems.add(row.error("code", "{reason}", reason=exc))
    return code, participant


def _listed_amount(row: Row, problems: RowErrors) -> Decimal | None:
    """The amount listed: given, positive, whole rupiah."""
    amount = None
    with problems.guard():
        amount = cell_decimal(row, "amount")
        if amount is None:
            problems.add(row.error("amount", "empty"))
        elif amount <= 0 or not is_whole_rupiah(amount):
            problems.add(
                row.error("amount", "must be a positive whole rupiah amount, got {amount}", amount=amount)
            )
    return amount


def _listed_date(
    row: Row, problems: RowErrors, code: str, participant: records.Participant | None
) -> datetime.date | None:
    """The day of the disbursement: given, not in the future, not before she joined."""
    date = None
    with problems.guard():
        date = cell_date(row, "date")
        if date is None:
            problems.add(row.error("date", "empty"))
        elif date > datetime.date.today():
            problems.add(row.error("date", "in the future ({date})", date=date))
        elif participant is not None and date < participant.joined:
            problems.add(
                row.error(
                    "date",
                    "{code} joined on {joined}, after this disbursement ({date})",
                    code=code,
                    joined=participant.joined,
                    date=date,
                )
            )
    return date


def _new(entry: data.Directive, known: set[str]) -> bool:
    return str(entry.meta.get(IMPORT_KEY)) not in known
