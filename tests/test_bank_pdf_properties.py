"""Round trips of generated statements: any description text, any amount, any number of lines
reads back exactly in every layout and variant."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from importers.bank import bni, bri, mandiri
from scripts.sim.render_statements import VARIANTS, render_statement
from scripts.sim.truth import BankLine, simulate
from tests.statement_truth import bank_lines

PARSERS = {"bri-pdf": bri, "bni-pdf": bni, "mandiri-pdf": mandiri}
CASES = [(layout, variant) for layout, variants in VARIANTS.items() for variant in variants]
PERSON = simulate(1, 3).people[0]
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-.&:()',"
# words a statement prints around its table, inside descriptions: they must not end the table
TRAPS = [
    "Saldo",
    "Awal",
    "Akhir",
    "SALDO AWAL",
    "Ringkasan",
    "Halaman",
    "Total",
    "Debet",
    "Kredit",
    "01/02/26",
]
words = st.one_of(st.text(ALPHABET, min_size=1, max_size=14), st.sampled_from(TRAPS))
descriptions = st.lists(words, min_size=1, max_size=14).map(" ".join)
movements = st.lists(
    st.tuples(
        st.integers(0, 364),
        descriptions,
        st.booleans(),
        st.integers(1, 2_000_000_000),
    ),
    min_size=1,
    max_size=30,
)


def _lines(drawn: list[tuple[int, str, bool, int]]) -> list[BankLine]:
    return bank_lines(drawn, START)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(movements, st.sampled_from(CASES), st.booleans())
# found by this test: a wrapped line reading "Ringkasan" (BNI's summary heading) ended the table
@example([(0, "0 0 0 0 0000000 0000000 00000000 Saldo Ringkasan", False, 1)], ("bni-pdf", "old"), False)
@example([(0, "0 0 0 0 0000000 0000000 00000000 Saldo Ringkasan", False, 1)], ("bni-pdf", ""), True)
# found by this test (seed 259390317231388384974057451042320836135): descriptions long enough
# to push BRI's summary alone onto a last page without a table header; its amounts under the
# labels read as a dated row, and "Terbilang : ..." was then refused
@example(
    [(0, " ".join([*TRAPS[:4], "Terbilang : Halaman 1 dari 2", *TRAPS[4:]]), False, 1)] * 15,
    ("bri-pdf", ""),
    False,
)
# found by this test: pdfium returned a hyphen ending a wrapped line as U+0002
@example(
    [(0, "0 0 AIX-mIA 0 e8DkEfGw WG2 IcY- LMWxW(ahqp&'dz lub2EpUWaP 0 0 yK 0 0", False, 87)] * 2,
    ("bri-pdf", ""),
    False,
)
def test_any_statement_reads_back(drawn: list, case: tuple[str, str], ruled: bool) -> None:
    layout, variant = case
    lines = _lines(drawn)
    with tempfile.TemporaryDirectory() as tmp:
        path = render_statement(
            Path(tmp) / "s.pdf", PERSON, lines, START, END, layout=layout, variant=variant, ruled=ruled
        )
        statement = PARSERS[layout].parse(path)
    got = [(x.date, x.description, x.debit, x.credit, x.balance) for x in statement.lines]
    assert got == [(x.date, x.description, x.debit, x.credit, x.balance) for x in lines]
    assert statement.closing_balance == lines[-1].balance
