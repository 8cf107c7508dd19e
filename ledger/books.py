"""Where the books are on disk, and loading them once per run.

Layout of a books folder (created by `aidledger init`):

    main.beancount            options, the plugin, includes
    program.beancount         settings, funders, companions, cohorts, institution accounts
    participants.beancount    participant records and the opening of their accounts
    journal/                  imported entries, one file per kind and year (bank-2026.beancount)
    documents/                archived originals in Beancount's documents layout
    register/                 the encrypted identity register (names, NIK, account numbers)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from beancount import loader
from beancount.core import data

from ledger import fastbalance, gcpause
from ledger.records import Program, read_program

MAIN = "main.beancount"
PROGRAM = "program.beancount"
PARTICIPANTS = "participants.beancount"
JOURNAL = "journal"
DOCUMENTS = "documents"
REGISTER = "register"
LOCK = ".aidledger.lock"
ENV_BOOKS = "AIDLEDGER_BOOKS"


class BooksNotFound(Exception):
    pass


@dataclass(frozen=True)
class BooksPaths:
    root: Path

    @property
    def main(self) -> Path:
        return self.root / MAIN

    @property
    def program(self) -> Path:
        return self.root / PROGRAM

    @property
    def participants(self) -> Path:
        return self.root / PARTICIPANTS

    @property
    def journal(self) -> Path:
        return self.root / JOURNAL

    @property
    def documents(self) -> Path:
        return self.root / DOCUMENTS

    @property
    def register(self) -> Path:
        return self.root / REGISTER

    @property
    def lock(self) -> Path:
        return self.root / LOCK

    def journal_file(self, kind: str, year: int) -> Path:
        return self.journal / f"{kind}-{year}.beancount"


def resolve(books: str | os.PathLike[str] | None = None) -> BooksPaths:
    """--books PATH (folder or its main.beancount), else $AIDLEDGER_BOOKS, else ./books."""
    chosen = books if books else os.environ.get(ENV_BOOKS) or "books"
    path = Path(chosen).expanduser()
    if path.suffix == ".beancount" or path.is_file():
        path = path.parent
    return BooksPaths(path.resolve())


def require(books: str | os.PathLike[str] | None = None) -> BooksPaths:
    paths = resolve(books)
    if not paths.main.is_file():
        raise BooksNotFound(
            f"no books at {paths.root}: {MAIN} is missing (create them with `aidledger init`)"
        )
    return paths


@dataclass
class LoadedBooks:
    """One load of the books: every output of a run is derived from this."""

    paths: BooksPaths
    entries: list[data.Directive]
    errors: list[Any]
    options: dict[str, Any]
    program: Program


def _cache_inputs(paths: BooksPaths) -> Iterator[Path]:
    """What a load reads: the Beancount files and the documents folders."""
    yield from paths.root.glob("*.beancount")
    yield from paths.journal.glob("*.beancount")
    if paths.documents.is_dir():
        for folder, _dirs, _files in os.walk(paths.documents):
            yield Path(folder)


def drop_stale_cache(paths: BooksPaths) -> None:
    """Delete Beancount's pickle cache when anything it was built from may have changed.

    Beancount checks the mtimes of the files it included, so a file that a glob include
    (journal/*.beancount) would now match, or a new archived document, goes unseen; any input
    newer than the cache makes it stale here.
    """
    cache = paths.root / loader.PICKLE_CACHE_FILENAME.format(filename=paths.main.name)
    try:
        built = cache.stat().st_mtime
    except FileNotFoundError:
        return
    if any(path.stat().st_mtime >= built for path in _cache_inputs(paths)):
        cache.unlink(missing_ok=True)


def load(paths: BooksPaths, *, fast_balance: bool = True) -> LoadedBooks:
    """Load the books once (Beancount's pickle cache applies) with the rules plugin.

    `fast_balance` replaces Beancount's balance check, which is quadratic in the number of
    participants, by ledger.fastbalance, which gives the same errors (tests/test_fastbalance.py).
    """
    drop_stale_cache(paths)
    with gcpause.paused(), fastbalance.installed(fast_balance):
        entries, errors, options = loader.load_file(str(paths.main))
    return LoadedBooks(paths, entries, list(errors), options, read_program(entries))
