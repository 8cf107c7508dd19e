"""ledger.fastbalance gives exactly the stock balance check's entries and errors."""

from __future__ import annotations

from pathlib import Path

from beancount import loader

from ledger import fastbalance

BOOKS = """
option "operating_currency" "IDR"
2026-01-01 open Assets:Aid:P0001:Savings IDR
2026-01-01 open Assets:Aid:P0001:Savings:Sub IDR
2026-01-01 open Assets:Aid:P0002:Savings IDR
2026-01-01 open Assets:Aid:P00021:Savings IDR
2026-01-01 open Equity:Opening IDR
2026-01-02 * "in"
  Assets:Aid:P0001:Savings  100 IDR
  Assets:Aid:P0001:Savings:Sub  50 IDR
  Assets:Aid:P0002:Savings  70 IDR
  Assets:Aid:P00021:Savings  5 IDR
  Equity:Opening
2026-01-03 balance Assets:Aid:P0001:Savings  150 IDR
2026-01-03 balance Assets:Aid:P0001  140 IDR
2026-01-03 balance Assets:Aid:P0002:Savings  70 IDR
2026-01-03 balance Assets:Aid:P0002  75 IDR
2026-01-03 balance Assets:Aid:P0003:Savings  0 IDR
2026-01-03 balance Assets:Aid:P0002:Savings  70 USD
"""


def load(path: Path, fast: bool):  # type: ignore[no-untyped-def]
    with fastbalance.installed(fast):
        return loader._load([(str(path), True)], None, None, None)


def test_same_entries_and_errors_as_the_stock_check(tmp_path: Path) -> None:
    path = tmp_path / "main.beancount"
    path.write_text(BOOKS)
    stock_entries, stock_errors, _ = load(path, False)
    fast_entries, fast_errors, _ = load(path, True)
    assert [(type(e), e.source["lineno"], e.message) for e in fast_errors] == [
        (type(e), e.source["lineno"], e.message) for e in stock_errors
    ]
    messages = " | ".join(e.message for e in fast_errors)
    assert "expected 140 IDR != accumulated 150 IDR" in messages  # a parent sums its children
    assert "expected 75 IDR != accumulated 70 IDR" in messages  # P00021 is not below P0002
    assert "Invalid currency 'USD'" in messages
    assert fast_entries == stock_entries


def test_the_stock_check_is_restored_after_use() -> None:
    before = list(loader.PLUGINS_POST)
    with fastbalance.installed():
        assert (fastbalance.FAST, None) in loader.PLUGINS_POST
    assert before == loader.PLUGINS_POST


def test_demo_books_load_the_same_either_way(demo) -> None:
    fast = load(demo.paths.main, True)
    stock = load(demo.paths.main, False)
    assert fast[1] == stock[1] == []
    assert fast[0] == stock[0]
