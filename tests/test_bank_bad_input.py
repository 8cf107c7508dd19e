"""Bad statements through `aidledger import`: a message with the file and the line or page, exit
status 1, nothing written for that file (and the good files beside it still imported)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger.books import BooksPaths
from scripts.cli import main
from scripts.sim import render_statements
from scripts.sim.truth import simulate
from tests.bank_books import journal_text
from tests.test_bank_golden import GOLDEN, golden_books

SPLIT = (GOLDEN / "passbook" / "split.csv").read_text(encoding="utf-8")


@pytest.fixture
def paths(tmp_path: Path) -> BooksPaths:
    return golden_books(tmp_path / "books")


def run(paths: BooksPaths, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", "--books", str(paths.root), *args])
    return result.exit_code, result.output


def bad(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


CASES = {
    "unknown-layout": ("x.csv", "Tanggal,Barang,Harga\n05/02/26,Kompor,450.000\n", "unknown layout"),
    "nobody": ("x.csv", SPLIT.replace("9900112233", "1122334455"), "belongs to nobody"),
    "broken-chain": (
        "x.csv",
        SPLIT.replace(",675.000,T03", ",657.000,T03"),
        "x.csv:10: balance chain broken",
    ),
    "empty": ("x.csv", "", "the file is empty"),
    "both-sides": (
        "x.csv",
        SPLIT.replace("PENARIKAN TUNAI,2.500.000,,675.000", "PENARIKAN TUNAI,2.500.000,1,675.001"),
        "x.csv:10: both debit",
    ),
    "amount": (
        "x.csv",
        SPLIT.replace("2.500.000,,675.000", "2.5OO.000,,675.000"),
        "x.csv:10: debit: unreadable",
    ),
    "date": ("x.csv", SPLIT.replace("18/02/26", "31/02/26"), "x.csv:10: date"),
    "no-balance": ("x.csv", SPLIT.replace(",675.000,T03", ",,T03"), "x.csv:10: balance (Saldo) is empty"),
    "truncated-table": (
        "x.csv",
        SPLIT.replace("3,18/02/26,TARIK,PENARIKAN TUNAI,2.500.000,,675.000,T03\n", ""),
        "x.csv:10: balance chain broken",
    ),
    # cp1252 leaves 0x81 undefined: bytes no spreadsheet program writes as text
    "encoding": (
        "x.csv",
        SPLIT.encode("utf-8").replace(b"SISTEM", b"SIST\x81M"),
        "line 13: neither UTF-8 nor Windows text",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_names_the_place_and_writes_nothing(paths: BooksPaths, tmp_path: Path, case: str) -> None:
    name, text, expected = CASES[case]
    path = bad(tmp_path, name, text)
    before = journal_text(paths)
    code, output = run(paths, str(path))
    assert code == 1, output
    assert expected.replace("x.csv", str(path)) in output.replace(str(path) + ":", str(path) + ":"), output
    assert journal_text(paths) == before
    assert not any(paths.documents.rglob("*.age"))


def test_a_bad_file_does_not_stop_the_good_ones(paths: BooksPaths, tmp_path: Path) -> None:
    broken = bad(tmp_path, "broken.csv", SPLIT.replace(",675.000,T03", ",657.000,T03"))
    code, output = run(paths, str(broken), str(GOLDEN / "profiles" / "bank-sumsel-babel.csv"))
    assert code == 1
    assert "broken.csv:10: balance chain broken" in output
    assert "bank-sumsel-babel.csv (aidledger.profile:bank-sumsel-babel): read 4, wrote 5, skipped 0" in output


def test_the_report_says_what_was_read_written_skipped_and_archived(paths: BooksPaths) -> None:
    code, output = run(paths, str(GOLDEN / "passbook" / "split.csv"))
    assert code == 0, output
    assert (
        "read 7, wrote 8, skipped 0, archived as documents/Assets/Aid/P0900/Savings/2026-06-30.statement."
        in output
    )
    assert "note" in output and "Suspense" in output
    code, output = run(paths, str(GOLDEN / "passbook" / "split.csv"))
    assert code == 0 and "wrote 0, skipped 8" in output and "already in the books" in output
    # each skipped line named where it is printed in the file, not at line 0 of the archive
    assert f"skipped {GOLDEN / 'passbook' / 'split.csv'}:8: already in the books" in output
    assert ":0:" not in output


def test_a_renamed_copy_of_an_imported_statement_is_archived_once(paths: BooksPaths, tmp_path: Path) -> None:
    copy = tmp_path / "Rekening Koran P0900 lagi.csv"
    copy.write_bytes((GOLDEN / "passbook" / "split.csv").read_bytes())
    assert run(paths, str(GOLDEN / "passbook" / "split.csv"))[0] == 0
    code, output = run(paths, str(copy))
    assert code == 0 and "wrote 0, skipped 8" in output, output
    assert len(list(paths.documents.rglob("*.age"))) == 1


def test_dry_run_prints_and_writes_nothing(paths: BooksPaths) -> None:
    before = journal_text(paths)
    code, output = run(paths, "--dry-run", str(GOLDEN / "passbook" / "split.csv"))
    assert code == 0 and "import-key" in output and "would write 8" in output
    assert journal_text(paths) == before


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A BRI statement PDF with a password, for a participant of golden_books' number."""
    year = simulate(12, 3)
    original = next(p for p in year.people if p.layout == "bri-pdf")
    person = dataclasses.replace(original, code="P0900", account_number="9900112233")
    lines = [dataclasses.replace(line, participant="P0900") for line in year.lines_of(original.code)]
    folder = tmp_path_factory.mktemp("pdf")
    start = lines[0].date.replace(day=1)
    end = datetime.date(start.year, 12, 31)
    path = render_statements.render_statement(
        folder / "bri.pdf", person, lines, start, end, password="rahasia"
    )
    return path, str(lines[0].date)


def test_password_protected_pdf(tmp_path: Path, protected: tuple[Path, str]) -> None:
    pdf, first = protected
    paths = golden_books(
        tmp_path / "books", joined=datetime.date.fromisoformat(first) - datetime.timedelta(days=3)
    )
    code, output = run(paths, str(pdf))
    assert code == 1 and f"{pdf}: the PDF is password-protected" in output
    code, output = run(paths, "--password", "salah", str(pdf))
    assert code == 1 and f"{pdf}: wrong password" in output
    code, output = run(paths, "--password", "rahasia", str(pdf))
    assert code == 0, output
    assert "(aidledger.bri-pdf)" in output and "wrote" in output
    text = "".join(p.read_text() for p in paths.root.rglob("*.beancount"))
    assert "rahasia" not in text


def test_truncated_xlsx(paths: BooksPaths, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in SPLIT.splitlines():
        sheet.append(row.split(","))
    whole = tmp_path / "whole.xlsx"
    book.save(whole)
    cut = bad(tmp_path, "cut.xlsx", whole.read_bytes()[: whole.stat().st_size * 2 // 3])
    code, output = run(paths, str(cut))
    assert code == 1 and f"{cut}: the XLSX workbook is damaged or truncated" in output, output


def test_truncated_pdf(paths: BooksPaths, tmp_path: Path, protected: tuple[Path, str]) -> None:
    pdf, _first = protected
    cut = bad(tmp_path, "cut.pdf", pdf.read_bytes()[: len(pdf.read_bytes()) // 2])
    code, output = run(paths, str(cut))
    assert code == 1 and f"{cut}: " in output and ("truncated" in output or "damaged" in output), output


def test_a_csv_saved_by_excel_on_windows_comes_in(paths: BooksPaths, tmp_path: Path) -> None:
    # Excel's "CSV (Comma delimited)" on Windows writes Windows-1252, not UTF-8
    windows = bad(tmp_path, "mutasi.csv", SPLIT.replace("KOREKSI SISTEM", "KOREKSI SISTÉM").encode("cp1252"))
    code, output = run(paths, str(windows))
    assert code == 0, output
    assert "KOREKSI SISTÉM" in journal_text(paths)


def test_a_csv_saved_as_unicode_text_comes_in(paths: BooksPaths, tmp_path: Path) -> None:
    # Excel's "Unicode Text" and some bank exports: UTF-16 with its byte-order mark
    text = SPLIT.replace("KOREKSI SISTEM", "KOREKSI SISTÉM")
    unicode_text = bad(tmp_path, "mutasi.csv", text.encode("utf-16"))
    code, output = run(paths, str(unicode_text))
    assert code == 0, output
    assert "KOREKSI SISTÉM" in journal_text(paths)
