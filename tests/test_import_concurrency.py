"""Two `aidledger import` processes at once on the same books: the whole import holds the books'
lock, so the result is exactly what one import after the other gives, never a file's entries
twice. The second process says whom it waits for; temporaries a killed import left are removed.

Real processes (the command line as the treasurer runs it), real files from the simulator.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from beancount.core import data

from ledger import books
from ledger.books import BooksPaths
from ledger.writer import books_lock
from scripts.sim import render_passbooks, render_sheets
from scripts.sim.truth import ProgramYear, simulate
from tests.bank_books import bank_books

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 10

pytestmark = pytest.mark.slow


def start(paths: BooksPaths, *files: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AIDLEDGER_LANG": "en"}
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.cli", "import", "--books", str(paths.root), *map(str, files)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out + err


def import_now(paths: BooksPaths, *files: Path) -> str:
    code, output = finish(start(paths, *files))
    assert code == 0, output
    return output


def state(paths: BooksPaths) -> list[str]:
    """What the books hold beyond their set-up: the journal files' text, file by file."""
    loaded = books.load(paths)
    assert loaded.errors == [], [e.message for e in loaded.errors[:5]]
    return [f"{p.name}\n{p.read_text(encoding='utf-8')}" for p in sorted(paths.journal.glob("*.beancount"))]


def copy(template: BooksPaths, to: Path) -> BooksPaths:
    shutil.copytree(template.root, to)
    return books.resolve(to)


World = tuple[ProgramYear, dict[str, BooksPaths], dict[str, Path]]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("concurrency")
    year = simulate(4, 11)
    person = next(
        p
        for p in year.people
        if not render_passbooks.layout_for(p).endswith("-pdf")
        and len(render_passbooks.quarters(year.lines_of(p.code), 3)) >= 2
    )
    lines = year.lines_of(person.code)
    (q1, q2, *_rest) = render_passbooks.quarters(lines, 3)
    layout = render_passbooks.layout_for(person)
    files = {
        "first": render_passbooks.render(root / "files" / "first", person, lines, q1[0], q1[1], layout),
        # overlaps the first: the lines of its first quarter are in both files
        "overlap": render_passbooks.render(root / "files" / "overlap", person, lines, q1[0], q2[1], layout),
        "list": render_sheets.disbursement_sheets(year, root / "files" / "lists")[0],
    }
    templates = {
        "with-lists": bank_books(root / "with-lists", year),
        "no-lists": bank_books(root / "no-lists", year, lists=False),
    }
    return year, templates, files


def sequential(template: BooksPaths, root: Path, *files: Path) -> list[str]:
    paths = copy(template, root)
    for file in files:
        import_now(paths, file)
    return state(paths)


def test_the_same_file_twice_at_once_is_imported_once(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _year, templates, files = world
    for name, template in (("list", templates["no-lists"]), ("overlap", templates["with-lists"])):
        expected = sequential(template, tmp_path / f"expected-{name}", files[name])
        for round_ in range(ROUNDS // 2):
            paths = copy(template, tmp_path / f"{name}-{round_}")
            first, second = start(paths, files[name]), start(paths, files[name])
            results = [finish(first), finish(second)]
            assert [code for code, _ in results] == [0, 0], results
            assert state(paths) == expected, f"round {round_}: not one import's entries"
            written = sorted(int(out.split(", wrote ")[1].split(",")[0]) for _, out in results)
            assert written[0] == 0 and written[1] > 0, results  # the later one found only duplicates


def test_overlapping_files_at_once_give_one_sequential_import(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _year, templates, files = world
    template = templates["with-lists"]
    orders = [
        sequential(template, tmp_path / "expected-ab", files["first"], files["overlap"]),
        sequential(template, tmp_path / "expected-ba", files["overlap"], files["first"]),
    ]
    for round_ in range(ROUNDS):
        paths = copy(template, tmp_path / f"round-{round_}")
        first, second = start(paths, files["first"]), start(paths, files["overlap"])
        results = [finish(first), finish(second)]
        assert [code for code, _ in results] == [0, 0], results
        assert state(paths) in orders, f"round {round_}: not a sequential import's entries"


def test_a_second_import_says_whom_it_waits_for(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _year, templates, files = world
    paths = copy(templates["no-lists"], tmp_path / "books")
    with books_lock(paths):  # this test process plays the first import
        process = start(paths, files["list"])
        assert process.stderr is not None
        first: list[str] = []
        reader = threading.Thread(target=lambda: first.append(process.stderr.readline()), daemon=True)
        reader.start()
        reader.join(timeout=180)  # however slow the machine, the import says it waits, then waits
        assert first, "the import said nothing while the lock was held"
        time.sleep(1)
        assert process.poll() is None, "the import did not wait for the lock"
        bank_before = state(paths)
    code, output = finish(process)
    output = first[0] + output
    assert code == 0, output
    assert f"waiting for the books' lock held by another import (pid {os.getpid()}, since " in output
    assert state(paths) != bank_before


def test_temporaries_of_a_killed_import_are_removed_by_the_next(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _year, templates, files = world
    paths = copy(templates["no-lists"], tmp_path / "books")
    strays = [
        paths.journal / ".disb-2026.beancount.k3j2l1_x.tmp",
        paths.documents / "Assets" / ".2026-01-31.abc.pdf.age.q9w8e7.tmp",
        paths.register / ".segment.age.zz11yy.tmp",
    ]
    for stray in strays:
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_text("half-written", encoding="utf-8")
    output = import_now(paths, files["list"])
    assert [s for s in strays if s.exists()] == []
    assert "removed 3 temporary file(s) left by an interrupted import" in output
    assert any(isinstance(e, data.Transaction) for e in books.load(paths).entries)
