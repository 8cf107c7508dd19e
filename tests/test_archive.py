"""Originals are archived encrypted in Beancount's documents layout and read back with the key."""

from __future__ import annotations

import datetime
from pathlib import Path

from beancount import loader
from click.testing import CliRunner

from importers.archive import archive
from ledger import books
from scripts.cli import main


def test_archive_is_encrypted_idempotent_and_listed_by_beancount(tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    assert CliRunner().invoke(main, ["init", str(tmp_path / "b"), "--key", str(key)]).exit_code == 0
    paths = books.resolve(tmp_path / "b")
    program = books.load(paths).program
    original = tmp_path / "rekening-januari.pdf"
    original.write_bytes(b"%PDF-1.4 Nama: Rina Kusuma No. Rekening 0123456789")
    manual = paths.journal / "manual.beancount"
    manual.write_text(manual.read_text() + "\n2026-01-01 open Assets:Institution:BRI IDR\n")
    day = datetime.date(2026, 1, 31)
    first = archive(paths, original, "Assets:Institution:BRI", day, program.age_recipient)
    again = archive(paths, original, "Assets:Institution:BRI", day, program.age_recipient)
    assert first == again
    assert first.parent == paths.documents / "Assets" / "Institution" / "BRI"
    # date, kind, digest: nothing of the original's own name
    assert first.name.startswith("2026-01-31.original.") and first.name.endswith(".pdf.age")
    assert "rekening" not in first.name
    renamed = tmp_path / "Rekening Koran RINA KUSUMA 0123456789.pdf"
    renamed.write_bytes(original.read_bytes())
    assert archive(paths, renamed, "Assets:Institution:BRI", day, program.age_recipient) == first
    assert b"Rina" not in first.read_bytes()
    entries, errors, _ = loader.load_file(str(paths.main))
    assert errors == []
    assert any(getattr(e, "filename", "") == str(first) for e in entries)  # a Document entry
    out = tmp_path / "plain.pdf"
    result = CliRunner().invoke(
        main, ["document", str(first), "--out", str(out), "--books", str(paths.root), "--key", str(key)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == original.read_bytes()
