"""A statement of a bank no layout describes, read by the generic reader and imported; the
account found by its registered number when no label names it; the dates checked against the
printed period and the day of import (issue 14)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from importers.bank import dates, reader
from importers.tables import InputError
from ledger.books import BooksPaths
from ledger.records import Program
from scripts.cli import main
from tests.bank_books import bank_transactions, journal_text
from tests.test_bank_golden import golden_books
from tests.test_bank_pdf_golden import GOLDEN, maker

MAKE = maker("generic-pdf")
NUMBER = MAKE.NUMBER


@pytest.fixture
def paths(tmp_path: Path) -> BooksPaths:
    return golden_books(tmp_path / "books", NUMBER, datetime.date(2026, 1, 15))


def run(paths: BooksPaths, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", "--books", str(paths.root), *args])
    return result.exit_code, result.output


def test_generic_statement_read_by_its_headings() -> None:
    reading = reader.read(GOLDEN / "generic-pdf" / "statement.pdf")
    statement = reading.statement
    assert reading.layout.layout == "pdf-generic"
    assert statement.account_number == NUMBER
    assert (statement.period_start, statement.period_end) == (
        datetime.date(2026, 2, 1),
        datetime.date(2026, 2, 28),
    )
    assert statement.product == "Tabungan Sejahtera"
    assert statement.opening_balance == 50000
    assert statement.closing_balance == 3790000
    assert statement.line_count == 4
    assert [(x.description, x.debit, x.credit, x.code, x.location) for x in statement.lines] == [
        ("SETORAN TUNAI", 0, 250000, "T01", "p1:9"),
        ("TRANSFER MASUK DARI DINSOS BANTUAN MODAL USAHA TAHAP I", 0, 4500000, "SYS", "p1:10"),
        ("TARIK TUNAI ATM", 1000000, 0, "ATM", "p1:12"),
        ("BIAYA ADMINISTRASI", 10000, 0, "SYS", "p1:13"),
    ]
    furniture = [line.text for line in reading.furniture]
    assert any(text.endswith("sah tanpa tanda tangan. Halaman 1") for text in furniture)
    assert any(text.startswith("Informasi:") for text in furniture)


def test_generic_statement_imported(paths: BooksPaths) -> None:
    code, output = run(paths, str(GOLDEN / "generic-pdf" / "statement.pdf"))
    assert code == 0, output
    assert "pdf-generic" in output
    assert len(bank_transactions(paths)) == 4


def test_account_found_by_its_registered_hash(paths: BooksPaths, tmp_path: Path) -> None:
    path = MAKE.draw(tmp_path / "nolabel.pdf", number_label=False)
    assert reader.read(path).statement.account_number == ""
    code, output = run(paths, str(path))
    assert code == 0, output
    assert len(bank_transactions(paths)) == 4
    assert NUMBER not in journal_text(paths)


def test_unregistered_unlabelled_number_refused(tmp_path: Path) -> None:
    other = golden_books(tmp_path / "other", "1112223334445", datetime.date(2026, 1, 15))
    path = MAKE.draw(tmp_path / "nolabel.pdf", number_label=False)
    code, output = run(other, str(path))
    assert code == 1
    assert "nolabel.pdf:p1" in output and "registered" in output


def test_opening_balance_as_a_row(tmp_path: Path) -> None:
    statement = reader.read(MAKE.draw(tmp_path / "row.pdf", opening_row=True)).statement
    assert statement.opening_balance == 50000
    assert len(statement.lines) == 4


@pytest.mark.parametrize(
    ("change", "fragments"),
    [
        ("removed", ("p1:10", "balance chain broken", "= -700.000", "prints 3.800.000")),
        ("altered", ("p1:12", "balance chain broken", "3.800.001")),
        ("closing", ("p1:13", "closing balance is 3.790.001")),
    ],
)
def test_broken_twins_refused_naming_the_line(
    paths: BooksPaths, tmp_path: Path, change: str, fragments: tuple[str, ...]
) -> None:
    rows = list(MAKE.ROWS)
    closing = "3.790.000,00"
    if change == "removed":
        del rows[1]
    elif change == "altered":
        rows[2] = (*rows[2][:4], "3.800.001,00")
    else:
        closing = "3.790.001,00"
    path = MAKE.draw(tmp_path / "broken.pdf", rows, closing=closing)
    code, output = run(paths, str(path))
    assert code == 1, output
    for fragment in fragments:
        assert fragment in output, output
    assert bank_transactions(paths) == []


def test_line_after_the_day_of_import_refused(paths: BooksPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIDLEDGER_TODAY", "2026-02-20")
    code, output = run(paths, str(GOLDEN / "generic-pdf" / "statement.pdf"))
    assert code == 1
    assert "statement.pdf:p1:13" in output and "after the day of import (2026-02-20)" in output
    assert bank_transactions(paths) == []


def test_line_outside_the_printed_period_refused(paths: BooksPaths, tmp_path: Path) -> None:
    rows = [*MAKE.ROWS[:3], ("02/03/2026", ["BIAYA ADMINISTRASI"], "SYS", "-10.000,00", "3.790.000,00")]
    code, output = run(paths, str(MAKE.draw(tmp_path / "late.pdf", rows)))
    assert code == 1
    assert "late.pdf:p1:13" in output and "outside the printed period 2026-02-01 - 2026-02-28" in output


def test_future_tolerance_setting() -> None:
    today = datetime.date(2026, 2, 20)
    assert dates.latest_allowed(Program(), today) == today
    assert dates.latest_allowed(
        Program(settings={"statement-future-days": Decimal(3)}), today
    ) == datetime.date(2026, 2, 23)
    with pytest.raises(InputError, match="whole number"):
        dates.latest_allowed(Program(settings={"statement-future-days": "soon"}), today)


def test_explain_says_how_a_file_was_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "import",
            "--explain",
            str(GOLDEN / "bri-pdf" / "statement.pdf"),
            str(GOLDEN / "generic-pdf" / "statement.pdf"),
        ],
    )
    assert result.exit_code == 0, result.output
    out = result.output
    for fragment in (
        "layout: bri-pdf (BRI)",
        "reader: generic",
        "account  p1:4    ****6507",
        "description   130.0",
        "p1:10   2026-02-10       +4500000.00  balance 4700000.00  TRF BANTUAN KEMENSOS MODAL USAHA",
        "opening balance from: printed total (p2:6)",
        "chain check: ok, 5 lines",
        "p1:16   Dokumen ini dicetak secara elektronik dan sah tanpa tanda tangan. Halaman 1",
        "Nama : [hidden]",
    ):
        assert fragment in out, fragment
    for private in ("SITI CONTOH", "RINA CONTOH", "0123-01-000456-50-7", NUMBER):
        assert private not in out


def test_explain_names_the_break(tmp_path: Path) -> None:
    rows = list(MAKE.ROWS)
    rows[2] = (*rows[2][:4], "3.800.001,00")
    path = MAKE.draw(tmp_path / "broken.pdf", rows)
    result = CliRunner().invoke(main, ["import", "--explain", str(path)])
    assert result.exit_code == 1
    assert "chain check: BROKEN at p1:12: balance chain broken" in result.output
