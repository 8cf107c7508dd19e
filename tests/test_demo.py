"""The demo: built from the simulator, checked by stock bean-check, holding the simulator's truth."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from beancount.core import data

from ledger import accounts, books, identity


def test_demo_books_pass_bean_check(demo) -> None:
    bean_check = Path(sys.executable).with_name("bean-check")
    result = subprocess.run([str(bean_check), str(demo.paths.main)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_books_hold_the_simulated_participants_and_money(demo) -> None:
    loaded = books.load(demo.paths)
    assert loaded.errors == []
    assert sorted(loaded.program.participants) == sorted(p.code for p in demo.year.people)
    balances: dict[str, Decimal] = {}
    for entry in loaded.entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                balances[posting.account] = balances.get(posting.account, Decimal(0)) + posting.units.number
    for person in demo.year.people:
        lines = demo.year.lines_of(person.code)
        expected = lines[-1].balance if lines else Decimal(0)
        assert balances.get(accounts.savings(person.code), Decimal(0)) == expected, person.code
    granted = sum(d.amount for d in demo.year.disbursements)
    assert -sum(v for k, v in balances.items() if k.startswith("Income:Grant:")) == granted


def test_no_register_name_appears_in_the_demo_books(demo) -> None:
    key = identity.read_key(demo.key_file)
    register = identity.Register.open(demo.paths.register, key)
    assert len(register.people) == len(demo.year.people)
    texts = []
    for folder, _dirs, files in os.walk(demo.paths.root):
        for name in files:
            path = Path(folder) / name
            if path.parent == demo.paths.register:
                continue
            texts.append(path.read_bytes().decode("utf-8", "replace"))
    corpus = "\n".join(texts)
    for person in register.people.values():
        assert person.name not in corpus
        assert person.nik not in corpus
        assert person.account_number not in corpus


def test_the_demo_can_be_built_again_in_place_but_never_over_real_books(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scripts.cli import main

    target = tmp_path / "demo"
    for _ in range(2):
        result = CliRunner().invoke(main, ["demo", "--no-serve", "--dir", str(target), "--participants", "5"])
        assert result.exit_code == 0, result.output
    real = tmp_path / "real"
    assert CliRunner().invoke(main, ["init", str(real)]).exit_code == 0
    result = CliRunner().invoke(main, ["demo", "--no-serve", "--dir", str(real), "--participants", "5"])
    assert result.exit_code == 1 and "not a demo" in result.output
    assert (real / "main.beancount").exists()


def test_the_demo_program_ends_on_or_before_the_day_it_is_built(demo) -> None:
    import datetime

    from ledger import books

    built = datetime.date.today()
    assert demo.year.as_of <= built
    assert max(e.date for e in books.load(demo.paths).entries) <= built
