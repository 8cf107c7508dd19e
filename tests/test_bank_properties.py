"""Property tests: amounts as passbooks and profiles print them, and same-day lines in any
printed order put back in posting order by their balances."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from importers.bank.sheets import guess_separators, parse_number
from importers.booking import order_and_verify
from importers.statement import Statement, StatementLine

RUPIAH = st.integers(min_value=0, max_value=10**13)


def _group(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


@given(RUPIAH, st.booleans(), st.booleans())
def test_indonesian_and_english_amounts_read_back_exactly(value: int, indonesian: bool, cents: bool) -> None:
    if indonesian:
        text, decimal, thousands = _group(value, ".") + (",00" if cents else ""), ",", "."
    else:
        text, decimal, thousands = _group(value, ",") + (".00" if cents else ""), ".", ","
    assert parse_number(text, decimal, thousands) == Decimal(value)
    if cents or value >= 1000:
        # a column of such amounts tells its separators
        assert guess_separators([text]) == (decimal, thousands)


@given(
    st.lists(st.integers(min_value=-500_000, max_value=500_000).filter(bool), min_size=1, max_size=7),
    st.randoms(),
)
@settings(max_examples=200)
def test_same_day_lines_in_any_printed_order_come_back_in_posting_order(
    moves: list[int], shuffle: random.Random
) -> None:
    day = datetime.date(2026, 3, 31)
    opening = Decimal(1_000_000)
    balance = opening
    lines = []
    for index, move in enumerate(moves):
        balance += move
        lines.append(
            StatementLine(
                day,
                f"line {index}",
                Decimal(-move) if move < 0 else Decimal(0),
                Decimal(move) if move > 0 else Decimal(0),
                balance,
                str(index),
            )
        )
    printed = lines[:]
    shuffle.shuffle(printed)
    statement = Statement(Path("s.csv"), "test", "Bank", "1234567", opening_balance=opening, lines=printed)
    placed = order_and_verify(statement)
    running = opening
    for item in placed:  # a valid chain, ending where the bank's did
        running += item.signed
        assert item.balance == running
    assert running == balance
    assert sorted(p.line.location for p in placed) == sorted(line.location for line in lines)
