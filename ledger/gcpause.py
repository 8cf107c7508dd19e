"""Pausing Python's garbage collector around work over the whole books.

A load holds millions of small objects; every allocation-triggered collection walks them
all. Loading and checking allocate much and free little, so the collector only costs time
there (27% of a 100k load, ../shared/performance-notes.md).

Only aidledger's own loads pause it (ledger.books.load, around Beancount's whole load): the
rules plugin also runs inside bean-check and Fava, whose processes are theirs to tune
(docs/decisions.md, "Performance"). The command line and the PDF reports also pause it around
their one reconciliation run (scripts/cmd_reconcile.py, reports/figures.py); the Fava
extension, inside a long-running threaded server, does not.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
