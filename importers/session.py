"""What one import run reads once and shares between its importers, and nothing outlives it.

`aidledger import` asks every importer whether it recognises each file, then one of them
reads it: without sharing, a workbook would be opened once per importer and a statement's
account number hashed (scrypt, ~25 ms) once per statement. An ImportSession holds what was
read, keyed by the file's fingerprint (real path, size, modification time), for as long as
the run that created it; the next run starts empty and reads the files as they are then.

The pipeline (importers.pipeline.import_files) creates one per run and hands it to the
importers (`importer.session`). Beangulp's signatures are fixed (`identify(filepath)`), and the
readers below them are plain functions of a path, so an importer makes its session the
active one while it works (`with session.active():`) and the readers (importers.bank.pdf,
importers.tables) look it up with `active()`; outside any session they read the file every
time and keep nothing.
"""

from __future__ import annotations

import contextvars
import datetime
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from beancount.core import data

    from importers.bank.pdf import Page
    from importers.statement import Statement
    from importers.tables import InputError, Sheet

Fingerprint = tuple[str, int, int]  # (real path, size, modification time in ns)
T = TypeVar("T")

_ACTIVE: contextvars.ContextVar[ImportSession | None] = contextvars.ContextVar("import_session", default=None)


def fingerprint(path: str | Path) -> Fingerprint | None:
    """The file as it is now: a file changed in place gets a new fingerprint."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (os.path.realpath(path), stat.st_size, stat.st_mtime_ns)


@dataclass
class ImportSession:
    """The files read and the facts worked out during one import run.

    `pages` and `sheets` keep the last `files_kept` files each (a run of a year's statements
    reads hundreds: each file is read by every importer's identify and one parse, one after
    the other). `statements` holds what was parsed ahead (the demo's parallel parse); it is
    filled by the caller and kept whole. Files opened with a password are never kept.
    """

    pages: dict[Fingerprint, list[Page]] = field(default_factory=dict)  # of PDFs read whole
    sheets: dict[Fingerprint, list[Sheet] | InputError] = field(default_factory=dict)  # or why not
    statements: dict[Fingerprint, tuple[str, Statement]] = field(default_factory=dict)  # -> (layout, it)
    hashes: dict[tuple[str, str], str] = field(default_factory=dict)  # (number, salt) -> salted hash
    # the growing entries of the run (the books, then what each file added): opened accounts
    # are scanned incrementally on this one list only
    books: list[data.Directive] | None = None
    files_kept: int = 8
    _opened: dict[str, datetime.date] = field(default_factory=dict, repr=False)
    _opened_upto: int = field(default=0, repr=False)

    @contextmanager
    def active(self) -> Iterator[ImportSession]:
        """This session is the one the readers use until the block ends (nesting is fine)."""
        token = _ACTIVE.set(self)
        try:
            yield self
        finally:
            _ACTIVE.reset(token)

    def remember(self, cache: dict[Fingerprint, T], key: Fingerprint, value: T) -> T:
        """Keep `value` for the file, dropping the oldest when `files_kept` are held."""
        while len(cache) >= self.files_kept:
            cache.pop(next(iter(cache)))
        cache[key] = value
        return value

    def account_hash(self, number: str, salt: str, compute: Callable[[str, str], str]) -> str:
        """The salted hash of an account number, computed once per number and run."""
        key = (number, salt)
        if key not in self.hashes:
            self.hashes[key] = compute(number, salt)
        return self.hashes[key]

    def opened_accounts(
        self,
        entries: Sequence[data.Directive],
        scan: Callable[[Iterable[data.Directive]], dict[str, datetime.date]],
    ) -> dict[str, datetime.date]:
        """`scan(entries)`; on the run's own growing list, only what was added since last time."""
        books = self.books
        if books is None or entries is not books:
            return scan(entries)
        if len(books) < self._opened_upto:  # not grown but replaced: scan it afresh
            self._opened, self._opened_upto = {}, 0
        self._opened.update(scan(books[self._opened_upto :]))
        self._opened_upto = len(books)
        return dict(self._opened)


def active() -> ImportSession | None:
    """The session of the import running in this thread, or None (nothing is kept then)."""
    return _ACTIVE.get()
