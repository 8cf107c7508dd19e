"""Statement variants drawn by hypothesis, per bank and for a bank no layout names
(scripts/sim/statement_variants.py): every one reads back exactly (lines, totals, closing
balance equal to the truth), and each broken twin (one line left out, one printed balance
changed) is refused naming its page and line.

Under CI (the "ci" hypothesis profile) each bank runs a fixed set of 60 variants; elsewhere
hypothesis explores new ones on every run.
"""

from __future__ import annotations

import datetime
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from importers.bank import reader
from importers.booking import order_and_verify
from importers.tables import InputError
from scripts.sim.statement_variants import BANKS, FOOTERS, Variant, render_variant
from scripts.sim.truth import BankLine, simulate
from tests.statement_truth import bank_lines

PERSON = simulate(1, 3).people[0]
START, END = datetime.date(2026, 2, 1), datetime.date(2026, 3, 31)

WORDS = (
    "SETORAN TUNAI TRANSFER DARI KE BANTUAN MODAL USAHA DINSOS TAHAP BIAYA ADMINISTRASI BUNGA "
    "PAJAK TARIK ATM BELANJA WARUNG SEMBAKO PEMBAYARAN QRIS KIOS PULSA LISTRIK SALDO TOTAL "
    "HALAMAN KREDIT DEBET"
).split()


def variants(bank: str) -> st.SearchStrategy[Variant]:
    return st.builds(
        Variant,
        bank=st.just(bank),
        language=st.sampled_from(["id", "en", "bi"]),
        wording=st.integers(0, 5),
        title=st.integers(0, 3),
        footer=st.integers(0, len(FOOTERS) - 1),
        footer_align=st.sampled_from(["left", "center", "right"]),
        info=st.sampled_from(["none", "above", "below"]),
        summary=st.sampled_from(["first", "last", "box-last"]),
        opening=st.sampled_from(["summary", "field", "row"]),
        count=st.booleans(),
        amounts=st.sampled_from(["split", "signed", "suffix", "dk"]),
        zero_side=st.sampled_from(["zero", "blank"]),
        number_format=st.sampled_from(["id", "en", "id0", "en0"]),
        date_format=st.sampled_from(
            ["dd/mm/yy", "dd/mm/yyyy", "dd-mm-yyyy", "dd mmm yyyy", "dd mon yyyy", "dd/mm"]
        ),
        time=st.sampled_from(["none", "beside", "under"]),
        extra=st.sampled_from(["", "Teller", "Cabang", "No. Referensi"]),
        numbered=st.booleans(),
        description_width=st.sampled_from([110.0, 150.0, 220.0]),
        repeat_heading=st.booleans(),
        rows_per_page=st.sampled_from([0, 0, 3, 4]),
        currency_suffix=st.booleans(),
        font=st.sampled_from(["Helvetica", "Times-Roman", "Courier"]),
        margin=st.sampled_from([28.0, 36.0, 50.0]),
        landscape=st.booleans(),
        ruled=st.booleans(),
    )


movements = st.lists(
    st.tuples(
        st.integers(0, (END - START).days),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join),
        st.booleans(),
        st.integers(1, 50_000_000),
        st.integers(0, 99),
    ),
    min_size=2,
    max_size=7,
)


def truth(drawn: list, opening: Decimal, cents: bool) -> list[BankLine]:
    return bank_lines(drawn, START, opening, cents=cents)


def _location(message: str) -> str:
    found = re.search(r"\.pdf:(p\d+:\d+): ", message)
    assert found, message
    return found.group(1)


@pytest.mark.parametrize("bank", [*BANKS, "Lain"])  # Lain: a bank no layout names (generic reader)
@settings(
    max_examples=60,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # shrinking re-renders PDFs for minutes
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_variant_reads_back_and_twins_are_refused(bank: str, data: st.DataObject) -> None:
    variant = data.draw(variants(bank), label="variant")
    cents = not variant.number_format.endswith("0")
    opening = Decimal(data.draw(st.integers(0, 5_000_000), label="opening"))
    lines = truth(data.draw(movements, label="movements"), opening, cents)
    with tempfile.TemporaryDirectory() as tmp:
        path = render_variant(Path(tmp) / "s.pdf", variant, PERSON, lines, START, END, opening)
        reading = reader.read(path)
        statement = reading.statement
        assert statement.bank == ("" if bank == "Lain" else bank)
        got = [(x.date, x.description, x.debit, x.credit, x.balance) for x in statement.lines]
        assert got == [(x.date, x.description, x.debit, x.credit, x.balance) for x in lines]
        assert statement.opening_balance == opening
        assert statement.closing_balance == lines[-1].balance
        assert statement.account_number == PERSON.account_number
        assert (statement.period_start, statement.period_end) == (START, END)
        assert statement.total_debit == sum(x.debit for x in lines)
        assert statement.total_credit == sum(x.credit for x in lines)
        assert statement.line_count == (len(lines) if variant.count else None)
        order_and_verify(statement)

        # one broken twin per example (each PDF costs a render and a read): the kind drawn too
        kind = data.draw(st.sampled_from(["drop", "alter"]), label="twin")
        drop = data.draw(st.integers(0, len(lines) - 1), label="drop")
        alter = data.draw(st.integers(0, len(lines) - 1), label="alter")
        for twin in (kind,):
            broken = render_variant(
                Path(tmp) / f"{twin}.pdf",
                variant,
                PERSON,
                lines,
                START,
                END,
                opening,
                drop=drop if twin == "drop" else None,
                alter=alter if twin == "alter" else None,
            )
            with pytest.raises(InputError) as refused:
                order_and_verify(reader.read(broken).statement)
            where = _location(str(refused.value))  # the page and line are named
            if twin == "alter":  # the altered line itself
                assert where == statement.lines[alter].location, str(refused.value)
