"""beangulp-style goldens: the entries each statement PDF books, as Beancount text beside the
sample (tests/golden/bank/<layout>/<name>.beancount), for every layout, the generic reader and
a few variants. A change in what gets booked shows as a diff here.

Rewrite the goldens after an intended change with
`AIDLEDGER_UPDATE_GOLDENS=1 pytest tests/test_bank_pdf_booked_golden.py` and review the diff.
"""

from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest

from importers.bank import reader
from ledger.writer import format_entries
from scripts.sim.statement_variants import Variant, render_variant
from scripts.sim.truth import BankLine, simulate
from tests.bank_books import run_import
from tests.test_bank_golden import golden_books
from tests.test_bank_pdf_golden import GOLDEN

SAMPLES = [
    ("bri-pdf", "statement"),
    ("bni-pdf", "wondr"),
    ("bni-pdf", "old"),
    ("mandiri-pdf", "livin"),
    ("mandiri-pdf", "old"),
    ("generic-pdf", "statement"),
]
VARIANTS = {
    "bri-bilingual-dk-column": Variant(
        bank="BRI", language="bi", amounts="dk", number_format="en", extra="Teller", opening="row", count=True
    ),
    "bni-english-suffix-landscape": Variant(
        bank="BNI",
        language="en",
        amounts="suffix",
        number_format="id0",
        date_format="dd mon yyyy",
        time="under",
        landscape=True,
        summary="first",
        info="above",
        footer=4,
    ),
    "mandiri-numbered-short-dates": Variant(
        bank="Mandiri",
        numbered=True,
        amounts="signed",
        date_format="dd/mm",
        extra="No. Referensi",
        opening="field",
        rows_per_page=2,
        repeat_heading=False,
        font="Times-Roman",
        description_width=110.0,
    ),
}
START, END = datetime.date(2026, 2, 1), datetime.date(2026, 3, 31)


def variant_lines() -> list[BankLine]:
    rows = [
        (3, "SETORAN TUNAI", 0, 250_000),
        (10, "TRF BANTUAN DINSOS SUMSEL MODAL USAHA TAHAP I ANGKATAN 2026 KELOMPOK SALON", 0, 3_000_000),
        (14, "PENARIKAN TUNAI TELLER", 2_500_000, 0),
        (27, "BIAYA ADMINISTRASI", 11_000, 0),
        (55, "BUNGA TABUNGAN", 0, 1_958),
    ]
    balance, out = Decimal(100_000), []
    for index, (day, text, debit, credit) in enumerate(rows):
        balance += credit - debit
        date = START + datetime.timedelta(days=day)
        out.append(
            BankLine("P0001", date, "X", text, Decimal(debit), Decimal(credit), balance, "x", f"{index:06d}")
        )
    return out


def booked_text(root: Path, path: Path) -> str:
    number = reader.read(path).statement.account_number
    paths = golden_books(root, number, datetime.date(2025, 1, 1))
    [report] = run_import(paths, [path], dry_run=True)
    if report.error is not None:  # a sample the books refuse
        return "; refused: " + report.error.replace(str(path), path.name) + "\n"
    text = format_entries(report.entries)
    # the archived original's name carries its content digest: what is booked, not the bytes
    return re.sub(r"(\.statement\.)[0-9a-f]{8,}", r"\1<digest>", text)


def check(text: str, golden: Path) -> None:
    if os.environ.get("AIDLEDGER_UPDATE_GOLDENS"):
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden {golden}: run with AIDLEDGER_UPDATE_GOLDENS=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("layout", "name"), SAMPLES)
def test_sample_books_its_golden(tmp_path: Path, layout: str, name: str) -> None:
    check(
        booked_text(tmp_path / "books", GOLDEN / layout / f"{name}.pdf"),
        GOLDEN / layout / f"{name}.beancount",
    )


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_books_its_golden(tmp_path: Path, name: str) -> None:
    person = simulate(1, 3).people[0]
    path = render_variant(
        tmp_path / f"{name}.pdf", VARIANTS[name], person, variant_lines(), START, END, Decimal(100_000)
    )
    (GOLDEN / "variants").mkdir(exist_ok=True)
    check(booked_text(tmp_path / "books", path), GOLDEN / "variants" / f"{name}.beancount")
