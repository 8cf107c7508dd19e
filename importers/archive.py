"""Archiving originals in Beancount's documents layout, encrypted.

Statements print the holder's name and full account number, so an original is archived
encrypted with age to the books' recipient (no key needed to archive; the key to read back):

    documents/Assets/Aid/P0001/Savings/2026-01-31.bri-januari.3fa2c1d9.pdf.age

The date prefix lets Beancount's documents plugin list the file under the account in Fava;
the eight hex digits are the start of the original's SHA-256, so the same file archives to
the same name once and two different files with one name never overwrite each other.
`aidledger document` decrypts one for reading.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

from ledger import identity
from ledger.books import DOCUMENTS, BooksPaths
from ledger.writer import write_files_atomically

SUFFIX = ".age"
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}\.")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def archive_name(source: Path, date: datetime.date) -> str:
    """The original's name in the documents folder: dated first, as Beancount's layout wants."""
    stem, dot, extension = source.name.rpartition(".")
    if not dot:
        stem, extension = source.name, "bin"
    if not _DATED.match(stem):
        stem = f"{date.isoformat()}.{stem}"
    return f"{stem}.{sha256_of(source)[:8]}.{extension}{SUFFIX}"


def archive_relpath(account: str, date: datetime.date, source: Path) -> str:
    """Where an original is archived, relative to the books: what entries give as `source`."""
    return "/".join((DOCUMENTS, *account.split(":"), archive_name(source, date)))


def archive_path(paths: BooksPaths, source: Path, account: str, date: datetime.date) -> Path:
    """Where `source` is archived for `account` (pure: computes the name, writes nothing)."""
    return paths.root / archive_relpath(account, date, source)


def archive(paths: BooksPaths, source: Path, account: str, date: datetime.date, recipient: str) -> Path:
    """Encrypt `source` into the documents tree (idempotent); returns the archived path."""
    target = archive_path(paths, source, account, date)
    if not target.exists():
        write_files_atomically({target: identity.encrypt(source.read_bytes(), recipient)})
    return target


def read_archived(path: Path, key_file: Path) -> bytes:
    return identity.decrypt(path.read_bytes(), identity.read_key(key_file), str(path))
