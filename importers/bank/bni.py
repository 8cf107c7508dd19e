"""BNI statement PDFs, read by the generic reader with BNI's layout descriptions.

The layouts themselves (how BNI is recognised, its columns, amount grouping) are data in
importers/bank/layouts.py; this module keeps the per-bank entry points the importers use.
"""

from __future__ import annotations

from pathlib import Path

from importers.bank import reader
from importers.statement import Statement

BANK = "BNI"
LAYOUT = "bni-pdf"


def identify(path: Path, password: str | None = None) -> bool:
    """A BNI statement: the bank named above a transaction table on page 1 (never raises)."""
    layout = reader.identify(Path(path), password)
    return layout is not None and layout.bank == BANK


def parse(path: Path, password: str | None = None) -> Statement:
    path = Path(path)
    return reader.read(
        path, password, bank=BANK, refusal="not a BNI 'Laporan Mutasi Rekening' statement"
    ).statement
