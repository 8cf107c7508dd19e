"""Archived originals (receipt scans, statements) opened in the browser, when the server holds
the key.

Originals are archived encrypted to the books' public key (importers/archive.py); Fava would
offer them as `.age` downloads nobody can read. When `aidledger serve` is given the key
(`--key` or `$AIDLEDGER_KEY`), a document of the books is decrypted in memory for the one
response that shows it (never written in clear, not cached by the browser), and each opening is
logged: when and which file (who is not known to Fava). Without the key the answer is a short
page that says the document is encrypted and how to read it (`aidledger document`).
"""

from __future__ import annotations

import datetime
import html
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ledger import identity

KEY_CONFIG = "AIDLEDGER_DOCUMENT_KEY"  # Flask config: the age identity, or absent
LOG_CONFIG = "AIDLEDGER_DOCUMENT_LOG"  # Flask config: the openings log file
SUFFIX = ".age"
LOG_NAME = "logs/documents-opened.log"

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "tif": "image/tiff",
    "tiff": "image/tiff",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def inner_name(filename: str) -> str:
    """The original's file name: the archived name without `.age`."""
    name = Path(filename).name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name


def media_type(filename: str) -> str:
    """What the browser is told the original is, from its own extension."""
    extension = inner_name(filename).rsplit(".", 1)[-1].lower()
    return MEDIA_TYPES.get(extension, "application/octet-stream")


def is_document(filename: str, documents: Iterable[str]) -> bool:
    """Only files the books list as documents open (no path from a URL reaches the disk)."""
    return filename.endswith(SUFFIX) and filename in set(documents)


def decrypted(filename: str, key: Any) -> bytes:
    """The original, in memory only."""
    return identity.decrypt(Path(filename).read_bytes(), key, filename)


def log_opening(log: Path, filename: str, root: Path, when: datetime.datetime | None = None) -> None:
    """Append "when, opened, which file (relative to the books)" to the openings log."""
    when = when or datetime.datetime.now(datetime.UTC)
    try:
        shown = Path(filename).relative_to(root).as_posix()
    except ValueError:
        shown = Path(filename).name
    log.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(f"{when.isoformat(timespec='seconds')}\topened\t{shown}\n")


EXPLANATION = {
    "id": (
        "Dokumen terenkripsi",
        "Dokumen ini ({name}) disimpan terenkripsi (age) karena bisa memuat nama dan nomor rekening. "
        "Server ini tidak memegang kuncinya.",
        "Untuk membacanya, dengan kunci register identitas:",
        "atau jalankan server dengan kunci: <code>aidledger serve --key FILE</code> "
        "(atau <code>$AIDLEDGER_KEY</code>); setiap pembukaan dicatat.",
    ),
    "en": (
        "Encrypted document",
        "This document ({name}) is kept encrypted (age) because it may hold names and account "
        "numbers. This server does not hold the key.",
        "To read it, with the identity register's key:",
        "or serve the books with the key: <code>aidledger serve --key FILE</code> "
        "(or <code>$AIDLEDGER_KEY</code>); every opening is logged.",
    ),
}


def explanation(filename: str, root: Path, lang: str) -> str:
    """The page shown instead of an encrypted document when the server has no key."""
    title, why, how, serve = EXPLANATION["en" if lang == "en" else "id"]
    try:
        relative = Path(filename).relative_to(root).as_posix()
    except ValueError:
        relative = Path(filename).name
    command = f"aidledger document {relative} --out {inner_name(filename)} --books {root}"
    return (
        f'<!doctype html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f'<title>{html.escape(title)}</title></head><body id="aid-encrypted">'
        f"<h1>{html.escape(title)}</h1><p>{html.escape(why.format(name=inner_name(filename)))}</p>"
        f"<p>{html.escape(how)}</p><pre>{html.escape(command)}</pre><p>{serve}</p></body></html>"
    )
