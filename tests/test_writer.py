"""Writes to the books are atomic: all files of a run or none, under an exclusive lock."""

from __future__ import annotations

import datetime
import fcntl
from pathlib import Path

import pytest
from beancount import loader

from ledger import records
from ledger.books import BooksPaths
from ledger.writer import append_entries, books_lock, write_files_atomically


def test_append_keeps_what_was_there_and_parses(tmp_path: Path) -> None:
    paths = BooksPaths(tmp_path)
    target = tmp_path / "journal" / "x-2026.beancount"
    target.parent.mkdir()
    target.write_text("; by hand\n2026-01-01 open Assets:Cash IDR")  # no final newline
    opened = records.open_account("Assets:Bank", datetime.date(2026, 1, 2))
    counts = append_entries(paths, [opened], lambda e: target)
    assert counts == {target: 1}
    text = target.read_text()
    assert text.startswith("; by hand\n2026-01-01 open Assets:Cash IDR\n")
    entries, errors, _ = loader.load_file(str(target))
    assert errors == [] and len(entries) == 2


def test_a_failed_write_changes_no_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    good = tmp_path / "a.beancount"
    good.write_text("old\n")
    blocker = tmp_path / "notadir"
    blocker.write_text("")
    with pytest.raises(OSError):
        write_files_atomically({good: "new\n", blocker / "b.beancount": "x"})
    assert good.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.beancount", "notadir"]


def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "a.beancount"
    target.write_text("")
    target.chmod(0o640)
    write_files_atomically({target: "x\n"})
    assert target.stat().st_mode & 0o777 == 0o640


def test_the_lock_is_exclusive(tmp_path: Path) -> None:
    paths = BooksPaths(tmp_path)
    with books_lock(paths), open(paths.lock, "a+") as other, pytest.raises(BlockingIOError):
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(paths.lock, "a+") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again


def test_a_new_journal_file_is_seen_despite_beancounts_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beancount's pickle cache ignores files a glob include would newly match; our load does not."""
    from beancount import loader as bloader

    from ledger import books
    from ledger.create import create_books
    from tests.books_text import recipient_for_tests

    monkeypatch.setattr(bloader, "PICKLE_CACHE_THRESHOLD", 0.0)  # cache every load
    bloader.initialize(use_cache=True)
    try:
        paths = create_books(tmp_path / "b", recipient=recipient_for_tests())
        books.load(paths)
        assert (paths.root / ".main.beancount.picklecache").exists()
        (paths.journal / "extra-2026.beancount").write_text("2026-01-01 open Assets:Institution:BRI IDR\n")
        again = books.load(paths)
        assert any(getattr(e, "account", "") == "Assets:Institution:BRI" for e in again.entries)
    finally:
        monkeypatch.undo()
        bloader.initialize(use_cache=True)
