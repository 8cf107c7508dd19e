"""Every diagnostic the spreadsheet and statement readers write through `tr` has its Indonesian
words (importers/messages.py): a template missing from the catalogue would reach an Indonesian
treasurer in English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from importers.messages import INDONESIAN, tr

READERS = (
    "tables.py",
    "participants.py",
    "disbursements.py",
    "plans.py",
    "receipts.py",
    "base.py",
    "booking.py",
    "bank/pdf.py",
    "bank/reader.py",
    "bank/dates.py",
    "pipeline.py",
    "progress.py",
)


def templates(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        args = node.args
        if isinstance(func, ast.Name) and func.id == "tr" and args:
            candidate = args[0]
        elif isinstance(func, ast.Attribute) and func.attr in ("error", "tr") and len(args) >= 2:
            candidate = args[1] if func.attr == "error" else args[0]
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and args:
            candidate = args[0]
        else:
            continue
        choices = [candidate.body, candidate.orelse] if isinstance(candidate, ast.IfExp) else [candidate]
        found.extend(c.value for c in choices if isinstance(c, ast.Constant) and isinstance(c.value, str))
    return found


@pytest.mark.parametrize("reader", READERS)
def test_every_template_has_indonesian_words(reader: str) -> None:
    source = (Path(__file__).parent.parent / "importers" / reader).read_text(encoding="utf-8")
    used = templates(source)
    assert used or reader == "base.py"
    assert [t for t in used if t not in INDONESIAN] == []


def test_the_language_follows_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIDLEDGER_LANG", "id")
    assert tr("empty") == "kosong"
    monkeypatch.setenv("AIDLEDGER_LANG", "en")
    assert tr("empty") == "empty"


def test_named_templates_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from importers.messages import BELOW_TOTAL
    from importers.tables import UNCOMPUTED

    monkeypatch.setenv("AIDLEDGER_LANG", "id")
    assert "rumus" in tr(UNCOMPUTED, formula="=A1") and "pindahkan" in tr(BELOW_TOTAL, total_row="x:9")


def test_a_bad_statement_is_refused_in_indonesian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importers.bank import bri
    from importers.tables import InputError

    empty = tmp_path / "rekening.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "mutasi.pdf"
    text.write_text("Tanggal;Keterangan;Debet;Kredit;Saldo\n", encoding="utf-8")
    monkeypatch.setenv("AIDLEDGER_LANG", "id")
    for path, words in ((empty, "berkas kosong"), (text, "bukan berkas PDF")):
        with pytest.raises(InputError) as caught:
            bri.parse(path)
        assert str(caught.value) == f"{path}: {words}"


def test_a_signature_block_is_named_at_its_first_row(tmp_path: Path) -> None:
    from importers import tables
    from importers.visit_columns import SPEC

    sheet = tmp_path / "kunjungan.csv"
    sheet.write_text(
        "Kode Peserta,Tanggal Kunjungan,Status Usaha,Omzet Sebulan,Laba Sebulan,Aset Usaha,Tenaga Kerja,"
        "Catatan,Pendamping,Berkas\n"
        "P0001,15/11/2026,berjalan,2500000,600000,4000000,1,,C01,\n"
        "\n"
        '"Palembang, 20 November 2026",,,,,,,,,\n'
        "Pendamping,,,,,,,,,\n",
        encoding="utf-8",
    )
    (table,) = tables.find(sheet, SPEC).tables
    assert [r.values["code"] for r in table.rows] == ["P0001"]
    assert table.skipped == [
        (f"{sheet}:4", tr("{count} row(s) below the table (signatures, notes) not read", count=2))
    ]
