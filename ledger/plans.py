"""Plans (RAB) and receipts in the books: the directives and transactions, built and read here only.

The books contract (docs/architecture.md, "Plans and receipts"):

    2026-03-05 custom "plan-revision" "P0001"       one approval of a participant's whole plan
      revision: 2                                   1, 2, ...: the highest one is the plan now
      approved-by: "C01"
      approved: 2026-03-05
      lines: 4
      total: 3500000 IDR
    2026-03-05 custom "plan-line" "P0001"           one line of that revision (dated like it)
      revision: 2
      no: "1"                                       the line number purchases name (No RAB)
      description: "Kompor gas dua tungku"
      category: "Peralatan"                         free text; its account is accounts.goods()
      volume: 2
      unit: "unit"
      unit-price: 600000 IDR
      amount: 1200000 IDR
      approved-by: "C01"
      approved: 2026-03-01                          when this line was approved

A revision supersedes the earlier ones, whose directives stay in the books as history; a
purchase booked against line 1 of revision 1 counts for line 1 of revision 2. A plan-line
without `revision` is revision 1 (the first draft of the contract had none).

A purchase is one transaction per receipt line, from the participant's Cash to her goods
account of the category:

    2026-03-07 * "Toko Berkah" "Kompor gas dua tungku"
      receipt: "NT-0012"                            the receipt (nota/kuitansi) number
      shop: "Toko Berkah"
      plan-line: "1"                                absent: an unplanned purchase
      meterai: TRUE                                 the Rp 10.000 stamp is on the receipt
      volume: 2
      unit: "unit"
      Expenses:Aid:P0001:Goods:Peralatan   1200000 IDR
      Assets:Aid:P0001:Cash               -1200000 IDR

A return or refund is the same with a negative amount. The scan of the receipt is a
`document` directive on the goods account with the same `receipt` and `shop` metadata.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from beancount.core import data
from beancount.core.amount import Amount
from beancount.parser.grammar import ValueType

from ledger import accounts
from ledger.money import IDR

PLAN_LINE = "plan-line"
PLAN_REVISION = "plan-revision"

# metadata keys of a purchase
RECEIPT = "receipt"
SHOP = "shop"
PLAN_LINE_KEY = "plan-line"
METERAI = "meterai"
METERAI_THRESHOLD = Decimal(5_000_000)


@dataclass(frozen=True)
class PlanLineSpec:
    """One plan line as a spreadsheet row or the simulator gives it."""

    participant: str
    no: str
    description: str
    category: str
    volume: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    approved_by: str
    approved: datetime.date


@dataclass(frozen=True)
class PurchaseSpec:
    """One receipt line."""

    participant: str
    date: datetime.date
    receipt: str
    shop: str
    description: str
    volume: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    plan_line: str | None
    category: str
    meterai: bool


def _meta(origin: str, **values: Any) -> data.Meta:
    filename, _, line = origin.rpartition(":")
    meta: data.Meta = (
        {"filename": filename, "lineno": int(line)}
        if line.isdigit() and filename
        else {"filename": origin, "lineno": 0}
    )
    meta.update({k.replace("_", "-"): v for k, v in values.items() if v is not None})
    return meta


def revision_date(lines: list[PlanLineSpec]) -> datetime.date:
    """A revision is approved when its last line is."""
    return max(line.approved for line in lines)


def plan_directives(
    participant: str,
    lines: list[PlanLineSpec],
    revision: int,
    source: str,
    import_key: str | None = None,
) -> list[data.Directive]:
    """The revision directive and its lines, all dated on the revision's approval."""
    code = accounts.normalise_participant_code(participant)
    date = revision_date(lines)
    approvers = sorted({line.approved_by for line in lines if line.approved_by})
    head = data.Custom(
        _meta(
            source,
            revision=Decimal(revision),
            approved_by=", ".join(approvers),
            approved=date,
            lines=Decimal(len(lines)),
            total=Amount(sum((line.amount for line in lines), Decimal(0)), IDR),
            import_key=import_key,
        ),
        date,
        PLAN_REVISION,
        [ValueType(code, str)],
    )
    out: list[data.Directive] = [head]
    for line in lines:
        out.append(
            data.Custom(
                _meta(
                    source,
                    revision=Decimal(revision),
                    no=line.no,
                    description=line.description,
                    category=line.category,
                    volume=line.volume,
                    unit=line.unit,
                    unit_price=Amount(line.unit_price, IDR),
                    amount=Amount(line.amount, IDR),
                    approved_by=line.approved_by,
                    approved=line.approved,
                    import_key=f"{import_key}:{line.no}" if import_key else None,
                ),
                date,
                PLAN_LINE,
                [ValueType(code, str)],
            )
        )
    return out


def purchase_transaction(
    purchase: PurchaseSpec, origin: str, import_key: str | None = None, **extra: Any
) -> data.Transaction:
    """A receipt line: Cash -> Goods:<Category> (negative amount: a return or refund).
    `origin` is where it was read (file:sheet:row), `extra` more metadata."""
    meta = _meta(
        origin,
        receipt=purchase.receipt,
        shop=purchase.shop,
        plan_line=purchase.plan_line,
        meterai=purchase.meterai,
        volume=purchase.volume,
        unit=purchase.unit or None,
        import_key=import_key,
        **extra,
    )
    units = Amount(purchase.amount, IDR)
    return data.Transaction(
        meta,
        purchase.date,
        "*",
        purchase.shop,
        purchase.description,
        frozenset(),
        frozenset(),
        [
            data.Posting(
                accounts.goods(purchase.participant, purchase.category), units, None, None, None, None
            ),
            data.Posting(accounts.cash(purchase.participant), -units, None, None, None, None),
        ],
    )


def receipt_document(
    purchase: PurchaseSpec, filename: str, source: str, import_key: str | None = None
) -> data.Document:
    """The scan of a receipt, attached to the goods account it was booked to."""
    meta = _meta(source, receipt=purchase.receipt, shop=purchase.shop, import_key=import_key)
    return data.Document(
        meta,
        purchase.date,
        accounts.goods(purchase.participant, purchase.category),
        filename,
        frozenset(),
        frozenset(),
    )


def plain(value: Any) -> Any:
    """A metadata value without its Amount wrapper (amounts are IDR by contract)."""
    if isinstance(value, Amount):
        return value.number
    return value
