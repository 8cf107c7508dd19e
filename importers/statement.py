"""A bank statement as read from any layout, before it is booked.

Every layout parser (importers/bank/*.py, the passbook reader, bank profiles) returns a
Statement; one booking step (importers/booking.py) turns it into entries. The account number
is kept only in memory, to find the participant through the books' salted hash.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class StatementLine:
    date: datetime.date
    description: str  # the full text, wrapped lines joined by a single space
    debit: Decimal  # money out, >= 0
    credit: Decimal  # money in, >= 0
    balance: Decimal | None  # the printed running balance; None where the layout prints none
    location: str  # where it is printed: "p2:14" (page 2, line 14) or "17" (row 17)
    code: str = ""  # passbook code (SETOR, TARIK, ADM, ...) or teller id
    reference: str = ""  # the bank's reference, if printed
    time: datetime.time | None = None


@dataclass
class Statement:
    path: Path
    layout: str  # "bri-pdf", "bni-pdf", "mandiri-pdf", "passbook", "profile:<name>"
    bank: str
    account_number: str  # digits as printed; never written to the books
    product: str = ""
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    opening_balance: Decimal | None = None
    closing_balance: Decimal | None = None
    total_debit: Decimal | None = None
    total_credit: Decimal | None = None
    lines: list[StatementLine] = field(default_factory=list)
    variant: str = ""  # which of a bank's layouts: "" (current), "wondr", "old", "livin"
    line_count: int | None = None  # the printed number of lines, when the statement prints one
    reader: str = ""  # which layout description or reader read it ("bri-pdf", "pdf/generic")
    # no account number labelled in the header: the 8-16 digit numbers printed on page 1, tried
    # against the books' registered accounts (importers.booking.find_owner)
    account_candidates: list[str] = field(default_factory=list)
    # where each printed total stands ("debit" -> "p2:6"): a total the lines disagree with is
    # refused naming the place it is printed, as a broken chain names its line
    totals_at: dict[str, str] = field(default_factory=dict)
