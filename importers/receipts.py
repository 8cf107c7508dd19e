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
from collections import Counter
from pathlib import Path

from beancount.core import data

from importers import archive
from importers.base import Extraction, SheetImporter
from importers.plans import ARCHIVE_ACCOUNT, amounts, category_of, only_code, participant_of, sensible_date
from importers.tables import Column, InputError, Row, TableSpec
from ledger import accounts, records
from ledger import plans as contract
from ledger.reconcile.facts import Plan, build_facts
from ledger.records import Program

SPEC = TableSpec(
    "receipts",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Participant")),
        Column("date", ("Tanggal", "Date", "Tanggal Nota", "Receipt Date")),
        Column("receipt", ("No Nota", "Receipt No", "Receipt Number", "No Kuitansi")),
        Column("shop", ("Toko", "Shop", "Seller", "Penjual")),
        Column("description", ("Uraian", "Description", "Item")),
        Column("volume", ("Volume", "Quantity", "Qty")),
        Column("unit", ("Satuan", "Unit")),
        Column("unit_price", ("Harga Satuan", "Unit Price", "Price")),
        Column("amount", ("Jumlah", "Amount", "Total")),
        Column("plan_line", ("No RAB", "Plan Line", "Plan Line No")),
        Column("category", ("Kategori", "Category"), required=False),
        Column("meterai", ("Meterai", "Stamp Duty", "Stamp"), required=False),
        Column("scan", ("Berkas", "Scan", "File"), required=False),
    ),
)

NO_NUMBER = "-"
FILLED_KEYS = ("date", "receipt", "shop", "description", "volume", "unit_price", "amount", "plan_line")
YES = ("ya", "y", "yes", "ada", "true", "1")
NO = ("tidak", "t", "no", "n", "tidak ada", "false", "0", "")
SCANS = "receipts"


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
        result = Extraction(archive_account=ARCHIVE_ACCOUNT, archive_date=datetime.date.today())
        rows = self.rows(path)
        result.rows_read = len(rows)
        plans = build_facts((e for e in existing if isinstance(e, data.Custom)), datetime.date.max).plans
        opened = {e.account for e in existing if isinstance(e, data.Open)}
        occurrences: Counter[str] = Counter()
        for row in rows:
            if only_code(row, FILLED_KEYS):
                result.skipped.append((row.location, "only the participant code is filled in"))
                continue
            purchase, scan = self._purchase(row, program, plans, path.parent)
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
                contract.purchase_transaction(purchase, row.location, import_key=key, source=row.location)
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
        person = participant_of(row, program)
        date = sensible_date(row, "date", "Tanggal (receipt date)", person)
        shop = row.text("shop")
        if not shop:
            raise InputError(row.location, "Toko (shop) is empty")
        description = row.text("description")
        if not description:
            raise InputError(row.location, "Uraian (description) is empty")
        volume, price, amount = amounts(row, negative_ok=True)
        line_no = row.text("plan_line") or None
        category = row.text("category")
        if line_no is not None:
            plan = plans.get(person.code)
            line = plan.lines.get(line_no) if plan else None
            if line is None:
                known = ", ".join(sorted(plan.lines)) if plan and plan.lines else "none"
                raise InputError(
                    row.location,
                    f"No RAB {line_no}: {person.code}'s approved plan has no such line (lines: {known})",
                )
            category = category or line.category
        elif not category:
            raise InputError(row.location, "Kategori is needed when No RAB is empty (an unplanned purchase)")
        meterai_text = row.text("meterai").lower()
        if meterai_text not in YES + NO:
            raise InputError(row.location, f"Meterai must be ya or tidak (got {row.text('meterai')!r})")
        scan_name = row.text("scan")
        scan = None
        if scan_name:
            scan = (folder / scan_name).resolve()
            if not scan.is_file():
                raise InputError(row.location, f"Berkas {scan_name!r}: no such file beside the spreadsheet")
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
            category_of(row, category),
            meterai_text in YES,
        )
        return purchase, scan
