"""What an import reads lives in its session and dies with it (importers/session.py): a file
changed in place is read afresh by the next import even when its size and time look the same,
and after an import nothing module-level holds what it read."""

from __future__ import annotations

import datetime
import gc
import os
import shutil
import sys
from pathlib import Path

from importers import tables
from importers.registry import all_importers
from importers.session import ImportSession
from ledger import books
from tests.bank_books import run_import
from tests.test_bank_golden import GOLDEN, NUMBER, golden_books
from tests.test_bank_pdf_golden import maker

AID_LINE = "TRF BANTUAN KEMENSOS MODAL USAHA"


def _rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    """Change the file's content but neither its size nor its modification time: what a
    cache keyed by (path, size, mtime) cannot tell apart."""
    assert len(old) == len(new)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _descriptions(entries: list) -> list[str]:  # type: ignore[type-arg]
    return [str(e.meta.get("description", "")) for e in entries if "description" in (e.meta or {})]


def test_two_imports_of_a_file_changed_in_between_read_the_new_contents(tmp_path: Path) -> None:
    paths = golden_books(tmp_path / "books")
    statement = tmp_path / "split.csv"
    shutil.copy(GOLDEN / "passbook" / "split.csv", statement)
    [first] = run_import(paths, [statement], dry_run=True)
    assert first.error is None and AID_LINE in _descriptions(first.entries)
    _rewrite_keeping_size_and_time(statement, AID_LINE, AID_LINE.replace("USAHA", "UMKM."))
    [second] = run_import(paths, [statement], dry_run=True)
    assert second.error is None
    assert AID_LINE not in _descriptions(second.entries)
    assert "TRF BANTUAN KEMENSOS MODAL UMKM." in _descriptions(second.entries)


def test_one_session_reads_a_workbook_once_for_every_importer(tmp_path: Path) -> None:
    statement = tmp_path / "split.csv"
    shutil.copy(GOLDEN / "passbook" / "split.csv", statement)
    session = ImportSession()
    importers = all_importers(None, session)
    assert [i.identify(str(statement)) for i in importers].count(True) == 1
    assert len(session.sheets) == 1
    with session.active():
        assert tables.read_sheets(statement) is tables.read_sheets(statement)
    # outside a session nothing is kept: each read is a new one
    assert tables.read_sheets(statement) is not tables.read_sheets(statement)


def _module_level_values() -> list[object]:
    """Every global of aidledger's own modules, and what their dicts, lists and sets hold."""
    values: list[object] = []
    for name, module in list(sys.modules.items()):
        if module is None or name.split(".")[0] not in ("importers", "ledger", "reports", "scripts"):
            continue
        for value in vars(module).values():
            values.append(value)
            if isinstance(value, dict):
                values.extend(value.keys())
                values.extend(value.values())
            elif isinstance(value, list | set | tuple):
                values.extend(value)
    return values


def _mentions(value: object, needles: tuple[str, ...]) -> bool:
    if isinstance(value, str):
        return any(needle in value for needle in needles)
    if isinstance(value, tuple):
        return any(_mentions(part, needles) for part in value)
    return False


def test_after_an_import_nothing_module_level_holds_what_it_read(tmp_path: Path) -> None:
    pdf_number = maker("generic-pdf").NUMBER
    paths = golden_books(tmp_path / "books", pdf_number, datetime.date(2026, 1, 15))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = inbox / "statement.pdf"
    shutil.copy(GOLDEN / "generic-pdf" / "statement.pdf", pdf)
    passbook = inbox / "split.csv"  # another participant's book: read, then refused
    shutil.copy(GOLDEN / "passbook" / "split.csv", passbook)
    reports = run_import(paths, [pdf, passbook])
    assert reports[0].error is None and reports[0].written
    assert reports[1].error is not None and "belongs to nobody" in reports[1].error
    del reports
    salt = books.load(paths).program.account_salt  # this books' own: other tests' sessions may live
    gc.collect()
    # no session outlives its import holding a file read, an account number or its hash
    for session in (o for o in gc.get_objects() if isinstance(o, ImportSession)):
        held = [*session.pages, *session.sheets, *session.statements]
        assert not [key for key in held if key[0].startswith(str(tmp_path))]
        assert not [key for key in session.hashes if key[1] == salt]
        assert session.books is None
    # nor any global of aidledger's modules: no path, account number or page read
    needles = (str(tmp_path), pdf_number, NUMBER)
    assert not [v for v in _module_level_values() if _mentions(v, needles)]
    assert not [v for v in _module_level_values() if type(v).__name__ in ("Page", "Sheet", "Statement")]


def test_statements_parsed_ahead_are_handed_to_the_import_in_its_session(tmp_path: Path) -> None:
    """The demo's parse-ahead (scripts/parse_ahead.py) fills a session; the import run with it
    finds the statement parsed and its account hashed, and books it as without."""
    from importers.pipeline import import_files
    from scripts.parse_ahead import parse_ahead

    number = maker("generic-pdf").NUMBER
    paths = golden_books(tmp_path / "books", number, datetime.date(2026, 1, 15))
    pdf = tmp_path / "statement.pdf"
    shutil.copy(GOLDEN / "generic-pdf" / "statement.pdf", pdf)
    loaded = books.load(paths)
    session = parse_ahead([pdf], paths.root, loaded.program.account_salt, workers=1)
    assert [layout for layout, _statement in session.statements.values()] == ["pdf-generic"]
    assert [n for n, _salt in session.hashes] == [number]
    [ahead] = import_files(
        paths, [pdf], all_importers(paths.root), loaded.entries, dry_run=True, session=session
    )
    [plain] = run_import(paths, [pdf], dry_run=True)
    assert ahead.error is None and ahead.importer == plain.importer == "aidledger.pdf-generic"
    assert [e.meta["import-key"] for e in ahead.entries] == [e.meta["import-key"] for e in plain.entries]
    assert not session.pages  # nothing was read again
