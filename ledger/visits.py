"""Progress visits in the books: the directive a companion's visit becomes, built and read here only.

The books contract (docs/progress.md):

    2026-03-20 custom "visit" "P0001" "berjalan"    participant code, business status
      omzet: 1500000 IDR                            monthly turnover (Omzet Sebulan)
      laba: 400000 IDR                              monthly profit (Laba Sebulan), may be negative
      aset: 3000000 IDR                             business assets (Aset Usaha)
      tenaga-kerja: 1                               people working in the business
      catatan: "Pelanggan bertambah"                the companion's note
      companion: "C01"                              who visited
      photo: "documents/visits/P0001/2026-03-20.1a2b3c4d.foto.jpg.age"
      import-key: "visit:P0001:2026-03-20"
      source: "kunjungan.xlsx:Kunjungan:2"

A custom directive, like the plan's: Fava's journal shows it with its status on the line and
its figures when opened, Beancount checks nothing in it, and every reader finds it by type.
The status is kept in its Indonesian canonical form; English words are read as the same.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from beancount.core import data
from beancount.core.amount import Amount
from beancount.parser.grammar import ValueType

from ledger.money import IDR

VISIT = "visit"
RUNNING = "berjalan"
GROWING = "berkembang"
PAUSED = "berhenti sementara"
CLOSED = "berhenti"
STATUSES = (RUNNING, GROWING, PAUSED, CLOSED)
# what a sheet may say -> the canonical status (compared lower-case, single spaces)
STATUS_WORDS: dict[str, str] = {
    RUNNING: RUNNING,
    GROWING: GROWING,
    PAUSED: PAUSED,
    CLOSED: CLOSED,
    "running": RUNNING,
    "growing": GROWING,
    "paused": PAUSED,
    "closed": CLOSED,
    "tutup": CLOSED,
}
SUCCESS = frozenset((RUNNING, GROWING))  # a business that counts as a success


def status_of(text: str) -> str | None:
    """The canonical status a cell names, or None when it names none."""
    return STATUS_WORDS.get(" ".join(str(text).lower().split()))


@dataclass(frozen=True)
class VisitSpec:
    """One visit as a sheet gives it (what the importer checked)."""

    participant: str
    date: datetime.date
    status: str
    omzet: Decimal | None
    laba: Decimal | None
    aset: Decimal | None
    workers: int | None
    note: str
    companion: str
    photo: str | None = None


def visit_directive(visit: VisitSpec, source: str, import_key: str) -> data.Custom:
    meta: data.Meta = {"filename": source, "lineno": 0}
    for key, value in (("omzet", visit.omzet), ("laba", visit.laba), ("aset", visit.aset)):
        if value is not None:
            meta[key] = Amount(value, IDR)
    if visit.workers is not None:
        meta["tenaga-kerja"] = Decimal(visit.workers)
    if visit.note:
        meta["catatan"] = visit.note
    if visit.companion:
        meta["companion"] = visit.companion
    if visit.photo:
        meta["photo"] = visit.photo
    meta["import-key"] = import_key
    meta["source"] = source
    return data.Custom(
        meta, visit.date, VISIT, [ValueType(visit.participant, str), ValueType(visit.status, str)]
    )


@dataclass(frozen=True, slots=True)
class Visit:
    """A visit read back from the books."""

    participant: str
    date: datetime.date
    status: str
    omzet: Decimal | None
    laba: Decimal | None
    aset: Decimal | None
    workers: int | None
    note: str
    companion: str
    photo: str
    location: str

    @property
    def running(self) -> bool:
        return self.status in SUCCESS


def _money(value: Any) -> Decimal | None:
    if isinstance(value, Amount):
        return value.number
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def read_visit(entry: data.Custom) -> Visit | None:
    """The visit a `custom "visit"` directive is (None when it is malformed)."""
    values = [getattr(v, "value", v) for v in entry.values]
    if len(values) < 2:
        return None
    status = status_of(str(values[1])) or str(values[1])
    meta = entry.meta or {}
    workers = meta.get("tenaga-kerja")
    return Visit(
        str(values[0]),
        entry.date,
        status,
        _money(meta.get("omzet")),
        _money(meta.get("laba")),
        _money(meta.get("aset")),
        int(workers) if workers is not None else None,
        str(meta.get("catatan", "") or ""),
        str(meta.get("companion", "") or ""),
        str(meta.get("photo", "") or ""),
        f"{meta.get('filename', '<unknown>')}:{meta.get('lineno', 0)}",
    )


def is_visit(entry: data.Directive) -> bool:
    return isinstance(entry, data.Custom) and entry.type == VISIT


def read_visits(entries: Iterable[data.Directive], as_of: datetime.date | None = None) -> list[Visit]:
    """Every visit up to `as_of`, by participant and date."""
    found = []
    for entry in entries:
        if isinstance(entry, data.Custom) and entry.type == VISIT and (as_of is None or entry.date <= as_of):
            visit = read_visit(entry)
            if visit is not None:
                found.append(visit)
    found.sort(key=lambda v: (v.participant, v.date))
    return found
