"""The receipts spreadsheet: purchases from the participant's cash, by plan category, with scans.

Headers (Indonesian; English accepted): Kode Peserta, Tanggal, No Nota, Toko, Uraian, Volume,
Satuan, Harga Satuan, Jumlah, No RAB, Kategori (optional: the plan line's when empty),
Meterai (ya/tidak), Berkas (scan file name, relative to the spreadsheet's folder). CSV too.

Each row becomes one purchase (ledger/plans.py): Cash -> Expenses:Aid:<PID>:Goods:<Category>
with receipt, shop, plan-line, meterai, volume and unit as metadata; a negative Jumlah is a
return or refund. The scan is archived, encrypted, in documents/receipts/<PID>/ and attached as a
`document` directive on the goods account. A new goods account is opened on the day she joined.

Checks: known participant, Jumlah = Volume x Harga Satuan, a plan line of her plan in force
when No RAB is given, a category when it is not, a date not before she joined and not in the
future, meterai ya or tidak, a scan that exists. An empty No RAB is an unplanned purchase,
booked (and found by the reconciliation); a receipt number another participant used is booked
too (a duplicate receipt is a finding, not a re-import). A receipt without a number is booked
as receipt "-".
"""

from __future__ import annotations

import datetime
import hashlib
import stat
from collections import Counter
from pathlib import Path

from beancount.core import data

from importers import archive
from importers.base import Extraction, SheetImporter
from importers.plans import (
    ARCHIVE_ACCOUNT,
    amounts,
    category_of,
    line_number,
    only_code,
    participant_of,
    sensible_date,
)
from importers.tables import Column, Row, RowErrors, TableSpec
from ledger import accounts, records
from ledger import plans as contract
from ledger.reconcile.facts import Plan, build_facts
from ledger.records import Program

SPEC = TableSpec(
    "receipts",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Participant", "Kode", "ID Peserta")),
        Column(
            "date",
            (
                "Tanggal",
                "Date",
                "Tanggal Nota",
                "Receipt Date",
                "Tgl",
                "Tgl Nota",
                "Tanggal Beli",
                "Tanggal Pembelian",
                "Tanggal Transaksi",
            ),
            kind="date",
        ),
        Column(
            "receipt",
            ("No Nota", "Receipt No", "Receipt Number", "No Kuitansi", "Nomor Nota", "No Bukti", "No Faktur"),
        ),
        Column(
            "shop",
            ("Toko", "Shop", "Seller", "Penjual", "Nama Toko", "Toko/Penjual", "Pemasok", "Tempat Beli"),
        ),
        Column("description", ("Uraian", "Description", "Item", "Nama Barang", "Barang")),
        Column("volume", ("Volume", "Quantity", "Qty", "Vol", "Banyaknya", "Kuantitas"), kind="amount"),
        Column("unit", ("Satuan", "Unit")),
        Column(
            "unit_price", ("Harga Satuan", "Unit Price", "Price", "Harga", "Harga per Satuan"), kind="amount"
        ),
        Column(
            "amount", ("Jumlah", "Amount", "Total", "Nilai", "Jumlah Harga", "Total Harga"), kind="amount"
        ),
        Column(
            "plan_line", ("No RAB", "Plan Line", "Plan Line No", "Nomor RAB", "Baris RAB"), required=False
        ),
        Column("category", ("Kategori", "Category", "Kategori Barang", "Jenis Belanja"), required=False),
        Column("meterai", ("Meterai", "Stamp Duty", "Stamp", "Materai", "Bermeterai"), required=False),
        Column("scan", ("Berkas", "Scan", "File", "Foto Nota", "File Nota", "Bukti"), required=False),
    ),
)

NO_NUMBER = "-"
FILLED_KEYS = ("date", "receipt", "shop", "description", "volume", "unit_price", "amount", "plan_line")
YES = ("ya", "y", "yes", "ada", "true", "1")
NO = ("tidak", "t", "no", "n", "tidak ada", "false", "0", "", "-")  # "-": nothing to tick
SCANS = "receipts"
UNCLASSIFIED = "Tanpa Kategori"  # a purchase with neither No RAB nor Kategori: goods, unclassified
MAX_SCAN_BYTES = 20_000_000


def scan_target(code: str, date: datetime.date, scan: Path) -> str:
    """Where a scan lives, relative to the books' root, encrypted like every archived original
    (a receipt may name the buyer): documents/receipts/P0001/2026-03-02.<sha8>.x.jpg.age.

    Outside the accounts' folders on purpose: Beancount's documents plugin would list it a
    second time beside the `document` directive that carries the receipt's metadata."""
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()[:8]
    return f"documents/{SCANS}/{code}/{date.isoformat()}.{digest}.{scan.name}{archive.SUFFIX}"


class ReceiptsImporter(SheetImporter):
    kind = "receipts"
    spec = SPEC

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        path = Path(filepath)
        result, sheet = self.begin(path, ARCHIVE_ACCOUNT)
        rows, errors = sheet.rows, sheet.errors
        plans = build_facts((e for e in existing if isinstance(e, data.Custom)), datetime.date.max).plans
        opened = {e.account for e in existing if isinstance(e, data.Open)}
        occurrences: Counter[str] = Counter()
        read: list[tuple[Row, contract.PurchaseSpec, Path | None]] = []
        for row in rows:
            if only_code(row, FILLED_KEYS):
                result.skipped.append((row.location, "only the participant code is filled in"))
                continue
            with errors.guard():
                read.append((row, *self._purchase(row, program, plans, path.parent)))
        errors.check()
        for row, purchase, scan in read:
            base = ":".join(
                (
                    "receipt",
                    purchase.participant,
                    purchase.shop,
                    purchase.receipt,
                    purchase.date.isoformat(),
                    purchase.plan_line or "",
                    purchase.description,
                    str(purchase.amount),
                )
            )
            occurrences[base] += 1
            key = f"{base}:{occurrences[base]}"
            account = accounts.goods(purchase.participant, purchase.category)
            if account not in opened:
                opened.add(account)
                joined = program.participants[purchase.participant].joined
                result.entries.append(records.open_account(account, joined, row.location))
            result.entries.append(
                contract.purchase_transaction(
                    purchase, row.location, import_key=key, source=row.location, category=purchase.category
                )
            )
            if scan is not None:
                target = scan_target(purchase.participant, purchase.date, scan)
                result.attachments.append((scan, target))
                result.entries.append(
                    contract.receipt_document(
                        purchase, f"../{target}", row.location, import_key=f"{key}:scan"
                    )
                )
        return result

    def _purchase(
        self, row: Row, program: Program, plans: dict[str, Plan], folder: Path
    ) -> tuple[contract.PurchaseSpec, Path | None]:
        problems = RowErrors(row.location)
        person = date = None
        with problems.guard():
            person = participant_of(row, program)
            date = sensible_date(row, "date", "Tanggal", person)
        shop, description = row.text("shop"), row.text("description")
        for key, value in (("shop", shop), ("description", description)):
            if not value:
                problems.add(row.error(key, "empty"))
        with problems.guard():
            volume, price, amount = amounts(row, negative_ok=True)
        line_no = line_number(row.text("plan_line")) or None
        category = row.text("category")
        if line_no is not None and person is not None:
            plan = plans.get(person.code)
            line = plan.lines.get(line_no) if plan else None
            if line is None:
                known = ", ".join(sorted(plan.lines)) if plan and plan.lines else "-"
                problems.add(
                    row.error(
                        "plan_line",
                        "{code}'s approved plan has no line {line} (lines: {known})",
                        line=line_no,
                        code=person.code,
                        known=known,
                    )
                )
            else:
                category = category or line.category
        category = category or UNCLASSIFIED
        with problems.guard():
            category_of(row, category)
        meterai_text = row.text("meterai").lower()
        if meterai_text not in YES + NO:
            problems.add(
                row.error("meterai", "Meterai must be ya or tidak (got {value!r})", value=row.text("meterai"))
            )
        scan = None
        with problems.guard():
            scan = scan_file(row, folder)
        problems.check()
        assert person is not None and date is not None
        purchase = contract.PurchaseSpec(
            person.code,
            date,
            row.text("receipt") or NO_NUMBER,
            shop,
            description,
            volume,
            row.text("unit"),
            price,
            amount,
            line_no,
            category,
            meterai_text in YES,
        )
        return purchase, scan


def scan_file(row: Row, folder: Path) -> Path | None:
    """The receipt's scan named in Berkas: a regular file inside the spreadsheet's folder or its
    subfolders once links are resolved (`../../etc/passwd`, an absolute path, a link out of the
    folder, a device or a FIFO are refused naming the row), within MAX_SCAN_BYTES."""
    name = row.text("scan")
    if not name:
        return None
    base = folder.resolve()
    candidate = Path(name)
    try:
        scan = (base / candidate).resolve()
    except (OSError, RuntimeError):  # a loop of links
        raise row.error("scan", "Berkas {name!r}: no such file beside the spreadsheet", name=name) from None
    if candidate.is_absolute() or not scan.is_relative_to(base):
        raise row.error(
            "scan",
            "Berkas {name!r} points outside the spreadsheet's folder: only files in its folder and "
            "subfolders are read",
            name=name,
        )
    try:
        info = scan.stat()
    except OSError:
        raise row.error("scan", "Berkas {name!r}: no such file beside the spreadsheet", name=name) from None
    if not stat.S_ISREG(info.st_mode):
        raise row.error("scan", "Berkas {name!r} is not a regular file", name=name)
    if info.st_size > MAX_SCAN_BYTES:
        raise row.error(
            "scan",
            "Berkas {name!r} is {size} bytes, above the limit of {limit}",
            name=name,
            size=info.st_size,
            limit=MAX_SCAN_BYTES,
        )
    return scan
