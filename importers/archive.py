"""Archiving originals in Beancount's documents layout, encrypted, named by content.

Statements print the holder's name and full account number, so an original is archived
encrypted with age to the books' recipient (no key needed to archive; the key to read back):

    documents/Assets/Aid/P0001/Savings/2026-01-31.statement.3fa2c1d9e0b4.pdf.age

Date, kind and the start of the original's SHA-256 only: the original's file name is not
kept, because treasurers name files after the participant ("Rekening Koran SRI WAHYUNI
5126...pdf") and the name would otherwise sit in clear in the books, the documents list, the
audit pack and Fava. The date prefix lets Beancount's documents plugin list the file under
the account in Fava; the digest makes a byte-identical original archive once, whatever its
name and whenever it is imported again, and keeps two different files apart.
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
DIGEST = 12  # hex digits of the SHA-256 in a name: 48 bits, no collision in any one folder
_EXTENSION = re.compile(r"^[a-z0-9]{1,8}$")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def kind_for(account: str, importer: str = "") -> str:
    """What sort of original a file is, for its archived name: a savings account's statement,
    a funder's disbursement list, else the importer's kind (plans, receipts, visits...)."""
    parts = account.split(":")
    if parts[:2] == ["Assets", "Aid"]:
        return "statement"
    if parts[:2] == ["Income", "Grant"]:
        return "list"
    tail = importer.rsplit(".", 1)[-1].removesuffix("Importer").lower()
    return re.sub(r"[^a-z0-9-]+", "-", tail).strip("-") or "original"


def extension_of(source: Path) -> str:
    """The original's extension (lowercase), or "bin" when it has none worth keeping."""
    extension = source.suffix.lower().lstrip(".")
    return extension if _EXTENSION.match(extension) else "bin"


def archive_name(source: Path, date: datetime.date, kind: str = "") -> str:
    """The original's name in the documents folder: date, kind, digest, extension; nothing of
    the original's own name."""
    digest = sha256_of(source)[:DIGEST]
    return f"{date.isoformat()}.{kind or 'original'}.{digest}.{extension_of(source)}{SUFFIX}"


def archive_relpath(account: str, date: datetime.date, source: Path, kind: str | None = None) -> str:
    """Where an original is archived, relative to the books: what entries give as `source`."""
    name = archive_name(source, date, kind if kind is not None else kind_for(account))
    return "/".join((DOCUMENTS, *account.split(":"), name))


def archive_path(
    paths: BooksPaths, source: Path, account: str, date: datetime.date, kind: str | None = None
) -> Path:
    """Where `source` is archived for `account`: the byte-identical original already there
    (whatever its date), else the new name (computes the name, writes nothing)."""
    target = paths.root / archive_relpath(account, date, source, kind)
    if target.exists():
        return target
    digest = sha256_of(source)[:DIGEST]
    same = sorted(target.parent.glob(f"*.{digest}.*{SUFFIX}")) if target.parent.is_dir() else []
    return same[0] if same else target


def archive(
    paths: BooksPaths,
    source: Path,
    account: str,
    date: datetime.date,
    recipient: str,
    kind: str | None = None,
) -> Path:
    """Encrypt `source` into the documents tree (idempotent: a byte-identical original is
    archived once); returns the archived path."""
    target = archive_path(paths, source, account, date, kind)
    if not target.exists():
        write_files_atomically({target: identity.encrypt(source.read_bytes(), recipient)})
    return target


def attachment_name(relative: str, source: Path, kind: str) -> str:
    """An attachment's place (a receipt scan, a visit photo) as an importer gave it, renamed to
    date, kind and digest in the same folder: importers name them after the scan's file,
    which may carry a name. The date is the first dotted part of the given name when it is one."""
    folder, _slash, name = relative.rpartition("/")
    first = name.split(".", 1)[0]
    dated = first if re.fullmatch(r"\d{4}-\d{2}-\d{2}", first) else "undated"
    new = f"{dated}.{kind}.{sha256_of(source)[:DIGEST]}.{extension_of(source)}{SUFFIX}"
    return f"{folder}/{new}" if folder else new


def read_archived(path: Path, key_file: Path) -> bytes:
    return identity.decrypt(path.read_bytes(), identity.read_key(key_file), str(path))
