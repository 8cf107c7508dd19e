"""The pieces under the reports, by hand: Babel formatting, small-group suppression, fund use
and ageing on hand-written books, and fund use against the simulator's truth."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ledger import books, funds
from reports.pdf.fmt import Fmt
from reports.suppress import Group, count_label, suppress
from tests.books_text import books as write_books

D = Decimal


def test_money_dates_and_percentages_through_babel() -> None:
    fmt = Fmt("id")
    assert fmt.money(D(1234567)) == "Rp 1.234.567"
    assert fmt.money(D(-25000)) == "-Rp 25.000"
    assert fmt.money(D(0)) == "Rp 0"
    assert fmt.percent(D("0.8734")) == "87,3%"
    assert fmt.date(datetime.date(2026, 8, 17)) == "17 Agu 2026"
    assert fmt.long_date(datetime.date(2026, 8, 17)) == "17 Agustus 2026"
    en = Fmt("en")
    assert en.money(D(1234567)) == "Rp 1.234.567"  # rupiah stays Indonesian in English reports
    assert en.percent(D("0.8734")) == "87.3%"
    assert en.date(datetime.date(2026, 8, 17)) == "17 Aug 2026"
    assert en("page-of", page=2, total=3) == "Page 2 of 3"
    assert fmt("page-of", page=2, total=3) == "Halaman 2 dari 3"
    with pytest.raises(ValueError):
        Fmt("fr")


def group(name: str, count: int, value: int = 100) -> Group:
    return Group(name, count, (D(value),))


def test_groups_under_five_are_folded_with_the_next_smallest() -> None:
    shown = suppress(
        [group("Salon", 3, 30), group("Tata Boga", 12, 120), group("Usaha Dagang", 6, 60)], "Other"
    )
    assert [g.name for g in shown.groups] == ["Tata Boga"]
    assert shown.folded == Group("Other", 9, (D(90),))
    assert shown.folded_names == ["Salon", "Usaha Dagang"]


def test_two_small_groups_fold_together_when_they_reach_five() -> None:
    shown = suppress([group("A", 2), group("B", 3), group("C", 8), group("D", 7)], "Other")
    assert [g.name for g in shown.groups] == ["C", "D"]
    assert shown.folded is not None and shown.folded.count == 5


def test_nothing_folds_when_every_group_is_large_enough() -> None:
    shown = suppress([group("A", 5), group("B", 9)], "Other")
    assert shown.folded is None and [g.name for g in shown.groups] == ["A", "B"]


def test_a_population_under_five_shows_no_group() -> None:
    shown = suppress([group("A", 1), group("B", 2)], "Other")
    assert shown.groups == [] and shown.folded is not None and shown.folded.count == 3
    assert count_label(3) == "<5" and count_label(5) is None and count_label(0) is None


SPENDING = """
2026-02-20 * "TARIK" "PENARIKAN"
  source: "statements/bri.pdf"
  Assets:Aid:P0001:Cash  1000000 IDR
  Assets:Aid:P0001:Savings
2026-04-10 * "TARIK" "PENARIKAN"
  source: "statements/bri.pdf"
  Assets:Aid:P0001:Cash  500000 IDR
  Assets:Aid:P0001:Savings
2026-04-20 * "Toko Berkah" "Kompor"
  receipt: "NT-1"
  Expenses:Aid:P0001:Goods:Peralatan  700000 IDR
  Assets:Aid:P0001:Cash
"""


def test_fund_use_and_ageing_on_hand_written_books(tmp_path: Path) -> None:
    write_books(tmp_path, SPENDING)
    loaded = books.load(books.resolve(tmp_path))
    assert loaded.errors == []
    use = funds.funder_use(loaded.entries, loaded.program)["Kemensos"]
    assert (use.granted, use.credited, use.spent) == (D(3_000_000), D(3_000_000), D(700_000))
    assert use.spent_by_category == {"Peralatan": D(700_000)}
    assert use.unspent == D(2_300_000) and use.absorbed == D(700_000) / D(3_000_000)
    # receipts cover the oldest withdrawal first: 300,000 left of February's, all of April's
    ageing = funds.cash_ageing(loaded.entries, datetime.date(2026, 5, 15))
    assert ageing == {"P0001": {(61, 90): D(300_000), (31, 60): D(500_000)}}  # 84 and 35 days
    assert funds.cash_ageing(loaded.entries, datetime.date(2026, 4, 30)) == {
        "P0001": {(61, 90): D(300_000), (0, 30): D(500_000)}  # 69 and 20 days
    }
    later = funds.cash_ageing(loaded.entries, datetime.date(2026, 7, 31))
    assert later == {"P0001": {(91, None): D(800_000)}}
    savings = funds.savings_summaries(loaded.entries, start=datetime.date(2026, 3, 1))["P0001"]
    assert savings.opening == D(2_000_000) and savings.closing == D(1_500_000)
    assert savings.by_kind == {"Cash": D(-500_000)}


def test_fund_use_equals_the_simulated_truth(demo) -> None:
    loaded = books.load(demo.paths)
    uses = funds.funder_use(loaded.entries, loaded.program)
    year = demo.year
    for funder in year.funders:
        granted = sum((d.amount for d in year.disbursements if d.funder == funder.code), D(0))
        assert uses[funder.code].granted == granted
        people = {p.code for p in year.people if p.funder == funder.code}
        spent = sum((p.amount for p in year.purchases if p.participant in people), D(0))
        assert uses[funder.code].spent == spent
        credited = sum(
            (
                line.credit
                for line in year.bank_lines
                if line.kind == "aid-credit" and line.participant in people
            ),
            D(0),
        )
        assert uses[funder.code].credited == credited


def test_savings_movements_count_aid_as_the_engine_does(demo) -> None:
    from ledger import reconcile

    loaded = books.load(demo.paths)
    as_of = datetime.date(demo.year.year, 12, 31)
    result = reconcile.run(loaded.entries, loaded.program, reconcile.Settings(as_of=as_of))
    summaries = {s.participant: s for s in reconcile.summarise(result.facts, loaded.program)}
    movements = funds.savings_summaries(loaded.entries, end=as_of)
    for code, summary in summaries.items():
        book = movements.get(code, funds.SavingsSummary())
        assert book.by_kind.get("Transit", D(0)) == summary.aid_received, code
        assert book.closing == summary.savings_balance, code
