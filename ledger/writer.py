"""Atomic writes to the books: temporary file, fsync, rename, under one lock per books folder.

A run either adds all its entries or none: the new text of every touched file is prepared
first, each is written to a temporary file beside its target and fsynced, and only then are
the renames done, while holding an exclusive lock so two imports cannot interleave.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from beancount.core import data
from beancount.parser import printer

from ledger.books import BooksPaths


@contextmanager
def books_lock(paths: BooksPaths) -> Iterator[None]:
    """An exclusive advisory lock on the books folder (blocks until the holder is done)."""
    paths.root.mkdir(parents=True, exist_ok=True)
    with open(paths.lock, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (umask applies)."""
    try:
        return os.stat(target).st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_files_atomically(contents: dict[Path, str] | dict[Path, bytes]) -> None:
    """Replace each file with its new text; all temporaries are durable before any rename."""
    staged: list[tuple[str, Path]] = []
    try:
        for target, text in contents.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            os.fchmod(fd, _mode_for(target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(text.encode("utf-8") if isinstance(text, str) else text)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((tmp, target))
        for tmp, target in staged:
            os.replace(tmp, target)
        for directory in {target.parent for _, target in staged}:
            _fsync_dir(directory)
    except BaseException:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise


def format_entries(entries: Iterable[data.Directive]) -> str:
    """Beancount text of entries, one blank line apart, without our internal metadata."""
    chunks = []
    for entry in entries:
        meta = {k: v for k, v in (entry.meta or {}).items() if not k.startswith("__")}
        chunks.append(printer.format_entry(entry._replace(meta=meta)))
    return "\n".join(chunks)


FILE_HEADER = ";; Written by aidledger. Add entries with `aidledger import`; edit with care.\n\n"


def append_entries(
    paths: BooksPaths,
    entries: Iterable[data.Directive],
    target: Callable[[data.Directive], Path],
) -> dict[Path, int]:
    """Append entries, each to the file `target` names, in one atomic step. Returns counts."""
    grouped: dict[Path, list[data.Directive]] = defaultdict(list)
    for entry in entries:
        grouped[target(entry)].append(entry)
    if not grouped:
        return {}
    with books_lock(paths):
        contents = {}
        for path, group in grouped.items():
            group.sort(key=data.entry_sortkey)
            old = path.read_text(encoding="utf-8") if path.exists() else FILE_HEADER
            if old and not old.endswith("\n"):
                old += "\n"
            contents[path] = old + "\n" + format_entries(group)
        write_files_atomically(contents)
    return {path: len(group) for path, group in grouped.items()}
