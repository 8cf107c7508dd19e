"""Fava's import page gets the same statement importers, reading the books from Fava's entries."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from ledger import books
from tests.test_bank_golden import GOLDEN, golden_books


def test_fava_config_extracts_a_statement_like_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = golden_books(tmp_path / "books")
    monkeypatch.setenv("AIDLEDGER_BOOKS", str(paths.root))
    import importers.fava_import as fava_import

    fava_import = importlib.reload(fava_import)
    statement = str(GOLDEN / "passbook" / "split.csv")
    matches = [imp for imp in fava_import.CONFIG if imp.identify(statement)]
    assert [m.name for m in matches] == ["aidledger.passbook"]
    existing = books.load(paths).entries
    entries = matches[0].extract(statement, existing)
    assert len(entries) == 8 and all("import-key" in e.meta for e in entries)
    # beangulp's deduplicate marks what the books already hold, by import-key
    matches[0].deduplicate(entries, [*existing, *entries[:3]])
    assert [bool(e.meta.get("__duplicate__")) for e in entries] == [True] * 3 + [False] * 5


def test_the_books_import_config_knows_their_profiles(tmp_path: Path) -> None:
    import runpy

    paths = golden_books(tmp_path / "books")
    (paths.root / "profiles").mkdir()
    (paths.root / "profiles" / "bca.toml").write_text(
        'name = "bca"\nbank = "BCA"\n[columns]\ndate = "Tanggal"\namount = "Jumlah"\nbalance = "Saldo"\n'
        '[format]\nsign = "signed"\n[cover]\naccount_number = ["No. rekening"]\n',
        encoding="utf-8",
    )
    config = runpy.run_path(str(paths.root / "import_config.py"))
    names = [importer.name for importer in config["CONFIG"]]
    assert "aidledger.profile:bca" in names and "aidledger.passbook" in names
