"""The audit ledger checks with a stock bean-check, without our plugin, and its totals per
account equal the books'; what plugins add (padding) is written out."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from beancount import loader
from beancount.core import data

from ledger import books
from reports import audit_ledger
from tests.books_text import books as write_books

BEAN_CHECK = str(Path(sys.executable).with_name("bean-check"))


def totals(entries: list[data.Directive]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                out[posting.account] += posting.units.number
    return {k: v for k, v in out.items() if v}


def bean_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BEAN_CHECK, str(path)], capture_output=True, text=True)


def test_audit_ledger_checks_alone_and_equals_the_books(demo, tmp_path: Path) -> None:
    loaded = books.load(demo.paths)
    written = audit_ledger.write(loaded, tmp_path, per_participant=True)
    ledger = written[0]
    text = ledger.read_text()
    assert not [line for line in text.splitlines() if line.startswith("plugin")]
    result = bean_check(ledger)
    assert result.returncode == 0, result.stdout + result.stderr
    entries, errors, _ = loader.load_file(str(ledger))
    assert errors == []
    assert totals(entries) == totals(loaded.entries)
    assert len([e for e in entries if isinstance(e, data.Balance)]) == len(
        [e for e in loaded.entries if isinstance(e, data.Balance)]
    )
    dates = [e.date for e in entries]
    assert dates == sorted(dates)


def test_per_participant_ledgers_check_and_add_up(demo, tmp_path: Path) -> None:
    loaded = books.load(demo.paths)
    written = audit_ledger.write(loaded, tmp_path, per_participant=True)
    per = written[1:]
    assert [p.stem for p in per] == sorted(loaded.program.participants)
    whole = totals(loaded.entries)
    combined: dict[str, Decimal] = defaultdict(Decimal)
    for path in per[:3]:
        result = bean_check(path)
        assert result.returncode == 0, result.stdout + result.stderr
    for path in per:
        entries, errors, _ = loader.load_file(str(path))
        assert errors == [], path
        code = path.stem
        for account, value in totals(entries).items():
            if f":{code}:" in account:
                combined[account] += value
    assert dict(combined) == {k: v for k, v in whole.items() if ":Aid:" in k}


def test_padding_is_written_out_and_pad_directives_left_out(tmp_path: Path) -> None:
    books_dir = tmp_path / "books"
    books_dir.mkdir()
    write_books(
        books_dir,
        """
2026-01-01 open Assets:Institution:BankSumsel IDR
2026-01-01 open Equity:Institution:Opening IDR
2026-01-01 pad Assets:Institution:BankSumsel Equity:Institution:Opening
2026-01-02 balance Assets:Institution:BankSumsel 10000000 IDR
""",
    )
    loaded = books.load(books.resolve(books_dir))
    assert loaded.errors == []
    [ledger] = audit_ledger.write(loaded, tmp_path / "out")
    text = ledger.read_text()
    assert " pad " not in text
    assert '2026-01-01 P "(Padding inserted for Balance of 10000000 IDR for difference 10000000 IDR)"' in text
    result = bean_check(ledger)
    assert result.returncode == 0, result.stdout + result.stderr
    entries, _errors, _ = loader.load_file(str(ledger))
    assert totals(entries) == totals(loaded.entries)
