"""Beancount's balance check without its quadratic step.

`beancount.ops.balance.check` finds the accounts to track by testing every account against a
regular expression per asserted account: O(accounts x asserted accounts). With one asserted
savings account per participant that is quadratic in participants (about 25 minutes at 25,000
participants, ../shared/performance-notes.md). This module does the same with a set look-up
of each account and its ancestors and is otherwise the stock algorithm, with the same error
messages; tests/test_fastbalance.py compares both on broken books.

It replaces the stock check in Beancount's post-plugin list only inside `installed()`, i.e. in
aidledger's own loads; `bean-check` and Fava run the stock check.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from beancount import loader
from beancount.core import account, amount, getters, realization
from beancount.core.data import Balance, Directive, Transaction
from beancount.core.interpolate import BalanceError
from beancount.ops import balance as stock

STOCK = "beancount.ops.balance"
FAST = "ledger.fastbalance"

__plugins__ = ("check",)


def _tracked_accounts(entries: list[Directive], asserted: set[str]) -> list[str]:
    """Accounts that are asserted or lie below an asserted account."""
    tracked = []
    for name in getters.get_accounts(entries):
        ancestor: str | None = name
        while ancestor:
            if ancestor in asserted:
                tracked.append(name)
                break
            ancestor = account.parent(ancestor)
    return tracked


def check(entries: list[Directive], options_map: dict[str, Any]) -> tuple[list[Directive], list[Any]]:
    new_entries: list[Directive] = []
    check_errors: list[Any] = []
    real_root = realization.RealAccount("")
    asserted = {entry.account for entry in entries if isinstance(entry, Balance)}
    for name in _tracked_accounts(entries, asserted):
        realization.get_or_create(real_root, name)
    open_close_map = getters.get_account_open_close(entries)

    for entry in entries:
        if isinstance(entry, Transaction):
            for posting in entry.postings:
                real_account = realization.get(real_root, posting.account)
                if real_account is not None:
                    real_account.balance.add_position(posting)
        elif isinstance(entry, Balance):
            expected = entry.amount
            open_entry = None
            try:
                open_entry, _ = open_close_map[entry.account]
            except KeyError:
                check_errors.append(
                    BalanceError(entry.meta, f"Invalid reference to unknown account '{entry.account}'", entry)
                )
            if (
                expected is not None
                and open_entry
                and open_entry.currencies
                and expected.currency not in open_entry.currencies
            ):
                check_errors.append(
                    BalanceError(
                        entry.meta,
                        f"Invalid currency '{expected.currency}' for Balance directive: ",
                        entry,
                    )
                )
            real_account = realization.get(real_root, entry.account)
            assert real_account is not None, f"Missing {entry.account}"
            subtree = realization.compute_balance(real_account, leaf_only=False)
            actual = subtree.get_currency_units(expected.currency)
            diff = amount.sub(actual, expected)
            tolerance = stock.get_balance_tolerance(entry, options_map)
            assert diff.number is not None
            if abs(diff.number) > tolerance:
                check_errors.append(
                    BalanceError(
                        entry.meta,
                        (
                            f"Balance failed for '{entry.account}': expected {expected} != "
                            f"accumulated {actual} ({abs(diff.number)} "
                            f"{'too much' if diff.number > 0 else 'too little'})"
                        ),
                        entry,
                    )
                )
                entry = entry._replace(meta=entry.meta.copy(), diff_amount=diff)
        new_entries.append(entry)
    return new_entries, check_errors


@contextmanager
def installed(enabled: bool = True) -> Iterator[None]:
    """Swap the stock balance check for this one in the loader's post-plugins, then restore."""
    original = list(loader.PLUGINS_POST)
    if enabled:
        loader.PLUGINS_POST[:] = [(FAST if name == STOCK else name, cfg) for name, cfg in original]
    try:
        yield
    finally:
        loader.PLUGINS_POST[:] = original
