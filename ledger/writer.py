"""Atomic writes to the books: temporary file, fsync, rename, under one lock per books folder.

A run either adds all its entries or none: the new text of every touched file is prepared
first, each is written to a temporary file beside its target and fsynced, and only then are
the renames done, while holding an exclusive lock so two imports cannot interleave.

The lock is an flock on <books>/.aidledger.lock: the kernel drops it when its holder dies
(a `kill -9` leaves no stale lock). The holder writes its pid and the time it took the lock
into the file, so a second process can say whom it waits for. Within one thread the lock is
re-entrant: an import holds it from reading the books to its last write, and the writes it
makes take it again.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from beancount.core import data
from beancount.parser import printer

from ledger.books import BooksPaths

TEMP_SUFFIX = ".tmp"
_held = threading.local()  # lock files this thread holds (the lock is re-entrant per thread)


def _held_locks() -> set[Path]:
    if not hasattr(_held, "paths"):
        _held.paths = set()
    held: set[Path] = _held.paths
    return held


def lock_holder(paths: BooksPaths) -> str:
    """Who holds (or last held) the books' lock, as its holder wrote it: "pid N since T"."""
    try:
        text = paths.lock.read_text(encoding="utf-8").strip()
    except OSError:
        return ""
    fields = dict(part.split("=", 1) for part in text.split() if "=" in part)
    if "pid" not in fields:
        return ""
    return f"pid {fields['pid']}, since {fields.get('since', '?')}"


@contextmanager
def books_lock(paths: BooksPaths, on_wait: Callable[[str], object] | None = None) -> Iterator[None]:
    """An exclusive advisory lock on the books folder (blocks until the holder is done).

    `on_wait(holder)` is called once when another process holds it, before waiting, with
    what `lock_holder` says. Re-entrant within a thread.
    """
    lock = paths.lock.resolve()
    held = _held_locks()
    if lock in held:
        yield
        return
    paths.root.mkdir(parents=True, exist_ok=True)
    with open(paths.lock, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(lock_holder(paths) or "another process")
            fcntl.flock(handle, fcntl.LOCK_EX)
        held.add(lock)
        try:
            since = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid={os.getpid()} since={since}\n")
            handle.flush()
            yield
        finally:
            held.discard(lock)
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_stray_temporaries(paths: BooksPaths) -> list[Path]:
    """Temporary files a killed writer left in the books (`.<name>.<random>.tmp`), removed.

    Only safe while holding the books' lock: every writer of the books writes under it, so
    no temporary found then belongs to a live write.
    """
    removed = []
    for folder, _dirs, files in os.walk(paths.root):
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX) and name.count(".") >= 3:
                path = Path(folder) / name
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                removed.append(path)
    return removed


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
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
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
