"""The manifest of an audit pack: the SHA-256 of every books file and archived document.

An auditor who receives the books (or a later copy) can check that each file is the one the
reports were made from. Listed: every file Beancount loaded (main.beancount and all its
includes) and every file under documents/. Not listed: the encrypted identity register (it is
not part of what is audited and never leaves the institution), locks and Beancount's caches.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ledger.books import LoadedBooks

_SKIPPED_NAMES = (".keep",)


@dataclass(frozen=True)
class ManifestLine:
    path: str  # relative to the books folder, with forward slashes
    size: int
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def manifest(loaded: LoadedBooks) -> list[ManifestLine]:
    root = loaded.paths.root
    files = {Path(name).resolve() for name in loaded.options.get("include", [])}
    documents = loaded.paths.documents
    if documents.is_dir():
        files |= {
            p.resolve()
            for p in documents.rglob("*")
            if p.is_file() and p.name not in _SKIPPED_NAMES and not p.name.startswith(".")
        }
    lines = []
    for path in sorted(files):
        try:
            relative = path.relative_to(root).as_posix()
        except ValueError:
            relative = str(path)
        lines.append(ManifestLine(relative, path.stat().st_size, sha256_of(path)))
    return lines


def write_text(lines: list[ManifestLine], target: Path) -> Path:
    """The manifest in `sha256sum` format, so `sha256sum -c` checks it from the books folder."""
    target.write_text("".join(f"{line.sha256}  {line.path}\n" for line in lines), encoding="utf-8")
    return target
