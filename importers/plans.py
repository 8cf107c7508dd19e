"""The companion's plan (RAB) spreadsheet: plan lines with their approval, as plan revisions.

Headers (Indonesian; English accepted): Kode Peserta, No, Uraian, Kategori, Volume, Satuan,
Harga Satuan, Jumlah, Disetujui Oleh, Tanggal Disetujui. One sheet per participant or one list;
CSV with the same headers too. The rows of one participant are her whole plan: when they differ
from every plan of hers already in the books they become a new revision (plan-revision and
plan-line directives, ledger/plans.py) that supersedes the earlier one, which stays in the books.
The same rows imported again add nothing.

Checks (each a message with file, sheet and row; nothing is written for the file): known
participant, a line number given once per participant, Jumlah equal to Volume x Harga Satuan,
a positive amount, a category that can name an account, who approved it and when, an approval
not before she joined and not in the future.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from beancount.core import data

from importers.base import Extraction, SheetImporter
from importers.tables import (
    Column,
    Row,
    RowErrors,
    TableSpec,
    Uncomputed,
    cell_date,
    cell_decimal,
)
from ledger import accounts
from ledger import plans as contract
from ledger.money import format_idr
from ledger.records import Participant, Program, custom_args

SPEC = TableSpec(
    "plan",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Participant", "Kode", "ID Peserta")),
        Column("no", ("No", "Line No", "Line", "No.", "No RAB", "Nomor RAB", "Baris RAB")),
        Column("description", ("Uraian", "Description", "Item", "Nama Barang", "Barang", "Uraian Kebutuhan")),
        Column("category", ("Kategori", "Category", "Jenis Belanja", "Kategori Barang")),
        Column("volume", ("Volume", "Quantity", "Qty", "Vol", "Banyaknya", "Kuantitas"), kind="amount"),
        Column("unit", ("Satuan", "Unit")),
        Column(
            "unit_price", ("Harga Satuan", "Unit Price", "Price", "Harga", "Harga per Satuan"), kind="amount"
        ),
        Column(
            "amount", ("Jumlah", "Amount", "Total", "Nilai", "Jumlah Harga", "Total Harga"), kind="amount"
        ),
        Column("approved_by", ("Disetujui Oleh", "Approved By", "Penyetuju", "Disetujui")),
        Column(
            "approved",
            (
                "Tanggal Disetujui",
                "Approved On",
                "Approval Date",
                "Date Approved",
                "Tgl Disetujui",
                "Tanggal Persetujuan",
            ),
            kind="date",
        ),
    ),
)

ARCHIVE_ACCOUNT = "Assets:Institution"
FILLED_KEYS = ("no", "description", "category", "volume", "unit", "unit_price", "amount")


_LINE_NO = re.compile(r"0*(\d+)\s*[.)]?")


def line_number(text: str) -> str:
    """A plan line number as people type a numbered list ("1.", "1)", "01"): its number, so the
    plan's "1." and a receipt's No RAB "1" name one line; "-" is none; others ("1.1") as typed."""
    text = text.strip()
    if text in ("-", "\u2013"):
        return ""
    numbered = _LINE_NO.fullmatch(text)
    return numbered.group(1) if numbered else text


def only_code(row: Row, keys: tuple[str, ...]) -> bool:
    """A template row with the participant code filled in and nothing else (its Jumlah formula,
    saved uncomputed, counts as nothing)."""
    return all(row.text(key) == "" or isinstance(row.values.get(key), Uncomputed) for key in keys)


def participant_of(row: Row, program: Program) -> Participant:
    text = row.text("code")
    if not text:
        raise row.error("code", "empty")
    try:
        code = accounts.normalise_participant_code(text)
    except ValueError as exc:
        raise row.error("code", "{reason}", reason=exc) from None
    person = program.participants.get(code)
    if person is None:
        raise row.error("code", "participant {code} is not registered in the books", code=code)
    return person


def amounts(row: Row, *, negative_ok: bool) -> tuple[Decimal, Decimal, Decimal]:
    """Volume, unit price and amount, checked: Jumlah = Volume x Harga Satuan. A Jumlah saved as
    a formula without its value (a program that does not compute formulas wrote the file) is
    computed from Volume and Harga Satuan; without them it is refused, never read as empty."""
    volume = cell_decimal(row, "volume")
    price = cell_decimal(row, "unit_price")
    if isinstance(row.values.get("amount"), Uncomputed) and volume is not None and price is not None:
        amount: Decimal | None = volume * price
    else:
        amount = cell_decimal(row, "amount")
    if amount is None and (volume is None or price is None):
        raise row.error("amount", "Jumlah (amount) is empty, and Volume x Harga Satuan cannot give it")
    if volume is None and price is None:
        assert amount is not None
        volume, price = Decimal(1), amount
    elif volume is None or price is None:
        raise row.error(None, "give both Volume and Harga Satuan (unit price), or neither")
    product = volume * price
    if amount is None:
        amount = product
    elif product != amount:
        raise row.error(
            "amount",
            "Jumlah {amount} is not Volume x Harga Satuan ({volume} x {price} = {product})",
            amount=_plain(amount),
            volume=_plain(volume),
            price=_plain(price),
            product=_plain(product),
        )
    if amount != amount.to_integral_value():
        raise row.error("amount", "Jumlah {amount} is not a whole rupiah", amount=_plain(amount))
    if amount == 0 or (amount < 0 and not negative_ok):
        raise row.error("amount", "Jumlah must be more than 0 (got {amount})", amount=_plain(amount))
    if volume == volume.to_integral_value():
        volume = Decimal(int(volume))
    if price == price.to_integral_value():
        price = Decimal(int(price))
    return volume, price, Decimal(int(amount))


def _plain(number: Decimal) -> str:
    """A typed number quoted back exactly: 1.250.000,5."""
    return format_idr(number, symbol=False, sen=True)


def sensible_date(row: Row, key: str, label: str, person: Participant) -> datetime.date:
    date = cell_date(row, key)
    if date is None:
        raise row.error(key, "empty")
    if date < person.joined:
        raise row.error(
            key,
            "before {code} joined on {joined} ({date})",
            code=person.code,
            joined=person.joined,
            date=date,
        )
    if date > datetime.date.today():
        raise row.error(key, "in the future ({date})", date=date)
    return date


def category_of(row: Row, text: str) -> str:
    """The category as typed (kept for display); only its account name is made safe."""
    try:
        accounts.component(text)
    except ValueError:
        raise row.error("category", "{value!r} cannot be made into an account name", value=text) from None
    return text


def plan_digest(lines: list[contract.PlanLineSpec]) -> str:
    """What identifies one version of a plan: its lines, whatever the file or row order."""
    rows = sorted(
        (
            line.no,
            line.description,
            line.category,
            str(line.volume),
            line.unit,
            str(line.unit_price),
            str(line.amount),
            line.approved_by,
            line.approved.isoformat(),
        )
        for line in lines
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def known_plans(existing: list[data.Directive]) -> tuple[dict[str, int], dict[str, int]]:
    """Per participant the highest revision in the books, and revision import-keys -> revision."""
    highest: dict[str, int] = defaultdict(int)
    keys: dict[str, int] = {}
    for entry in existing:
        if not isinstance(entry, data.Custom) or entry.type not in (
            contract.PLAN_LINE,
            contract.PLAN_REVISION,
        ):
            continue
        args = custom_args(entry)
        if not args:
            continue
        revision = int(entry.meta.get("revision", 1) or 1)
        code = str(args[0])
        highest[code] = max(highest[code], revision)
        key = entry.meta.get("import-key")
        if entry.type == contract.PLAN_REVISION and key:
            keys[str(key)] = revision
    return highest, keys


class PlansImporter(SheetImporter):
    kind = "plans"
    spec = SPEC

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        path = Path(filepath)
        result, sheet = self.begin(path, ARCHIVE_ACCOUNT)
        rows, errors = sheet.rows, sheet.errors
        per: dict[str, list[tuple[Row, contract.PlanLineSpec]]] = defaultdict(list)
        seen: dict[tuple[str, str], str] = {}
        for row in rows:
            if only_code(row, FILLED_KEYS):
                result.skipped.append((row.location, "only the participant code is filled in"))
                continue
            with errors.guard():
                line = self._line(row, program)
                pair = (line.participant, line.no)
                if pair in seen:
                    raise row.error(
                        "no",
                        "line {no} of {code} is given twice (also at {other})",
                        no=line.no,
                        code=line.participant,
                        other=seen[pair],
                    )
                seen[pair] = row.location
                per[line.participant].append((row, line))
        errors.check()
        highest, known = known_plans(existing)
        for code in sorted(per):
            pairs = per[code]
            lines = [line for _, line in pairs]
            key = f"plan:{code}:{plan_digest(lines)}"
            if key in known:
                for row, _ in pairs:
                    result.skipped.append(
                        (row.location, f"this plan of {code} is already in the books (revision {known[key]})")
                    )
                continue
            revision = highest[code] + 1
            source = pairs[0][0].location
            entries = contract.plan_directives(code, lines, revision, str(path), import_key=key)
            for entry, (row, _) in zip(entries[1:], pairs, strict=True):
                entry.meta["source"] = row.location
            entries[0].meta["source"] = source
            if revision > 1:
                entries[0].meta["supersedes"] = Decimal(revision - 1)
            result.entries.extend(entries)
        return result

    def _line(self, row: Row, program: Program) -> contract.PlanLineSpec:
        problems = RowErrors(row.location)
        person = None
        with problems.guard():
            person = participant_of(row, program)
        texts = {}
        for key in ("no", "description", "category", "approved_by"):
            texts[key] = line_number(row.text(key)) if key == "no" else row.text(key)
            if not texts[key]:
                problems.add(row.error(key, "empty"))
        with problems.guard():
            volume, price, amount = amounts(row, negative_ok=False)
        approved = None
        if person is not None:
            with problems.guard():
                approved = sensible_date(row, "approved", "Tanggal Disetujui", person)
        category = texts["category"]
        if category:
            with problems.guard():
                category_of(row, category)
        problems.check()
        assert person is not None and approved is not None
        return contract.PlanLineSpec(
            person.code,
            texts["no"],
            texts["description"],
            category,
            volume,
            row.text("unit"),
            price,
            amount,
            texts["approved_by"],
            approved,
        )
