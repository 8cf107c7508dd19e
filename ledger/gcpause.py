"""Pausing Python's garbage collector around work over the whole books.

A load holds millions of small objects; every allocation-triggered collection walks them
all. Loading and checking allocate much and free little, so the collector only costs time
there (27% of a 100k load, ../shared/performance-notes.md).
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
