"""The truth a generated statement is drawn from: hypothesis's movements as a savings book's
lines, each with the balance after it (a debit larger than the balance becomes a credit:
a savings book does not go below zero)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from scripts.sim.truth import BankLine


def bank_lines(
    drawn: Sequence[tuple], start: datetime.date, opening: Decimal = Decimal(0), *, cents: bool = False
) -> list[BankLine]:
    """`drawn`: (day offset, description, credit?, whole rupiah[, sen]) in any order; sen count
    only with `cents`."""
    balance = opening
    lines = []
    for index, (offset, description, credit, amount, *sen) in enumerate(sorted(drawn, key=lambda d: d[0])):
        value = Decimal(amount) + (Decimal(sen[0]) / 100 if cents and sen else 0)
        if not credit and value > balance:
            credit = True
        balance += value if credit else -value
        lines.append(
            BankLine(
                "P0001",
                start + datetime.timedelta(days=offset),
                "SETOR" if credit else "TARIK",
                description,
                Decimal(0) if credit else value,
                value if credit else Decimal(0),
                balance,
                "own-deposit" if credit else "withdrawal",
                f"{index:06d}",
            )
        )
    return lines
