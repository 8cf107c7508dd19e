"""Each rule of the books plugin, on hand-written books that break it, and on books that do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from beancount import loader

from tests.books_text import books


def errors_of(tmp_path: Path, extra: str = "") -> list[str]:
    _entries, errors, _options = loader.load_file(str(books(tmp_path, extra)))
    return [f"{e.source.get('lineno')}: {e.message}" for e in errors]


def test_clean_books_have_no_errors(tmp_path: Path) -> None:
    assert errors_of(tmp_path) == []


CASES = {
    "unregistered participant": (
        "2026-01-06 open Assets:Aid:P0002:Savings IDR\n",
        "participant P0002, who is not registered",
    ),
    "money between participants": (
        """
2026-01-06 custom "participant" "P0002"
  companion: "C01"
  funder: "Kemensos"
  cohort: "2026-A"
2026-01-06 open Assets:Aid:P0002:Cash IDR
2026-03-01 * "oops"
  Assets:Aid:P0002:Cash  100000 IDR
  Assets:Aid:P0001:Cash
""",
        "moves money between participants (P0001, P0002)",
    ),
    "purchase without receipt": (
        """
2026-03-01 * "Toko" "Kompor"
  Expenses:Aid:P0001:Goods:Peralatan  500000 IDR
  Assets:Aid:P0001:Cash
""",
        "has no receipt number",
    ),
    "entry after closure": (
        """
2026-06-30 close Assets:Aid:P0001:Savings
2026-07-02 * "Toko" "Kompor"
  receipt: "N1"
  Expenses:Aid:P0001:Goods:Peralatan  500000 IDR
  Assets:Aid:P0001:Cash
""",
        "after her accounts were closed on 2026-06-30",
    ),
    "finer than a sen": (
        """
2026-03-01 * "Toko" "Kompor"
  receipt: "N1"
  Expenses:Aid:P0001:Goods:Peralatan  500000.505 IDR
  Assets:Aid:P0001:Cash
""",
        "is finer than a sen",
    ),
    "aid account without companion": (
        """
2026-01-06 custom "participant" "P0003"
  funder: "Kemensos"
  cohort: "2026-A"
2026-01-06 open Assets:Aid:P0003:Savings IDR
""",
        "opened without a companion",
    ),
    "companion not declared": (
        """
2026-01-06 custom "participant" "P0004"
  companion: "C99"
  funder: "Kemensos"
  cohort: "2026-A"
2026-01-06 open Assets:Aid:P0004:Savings IDR
""",
        'has no registered companion ("C99")',
    ),
    "undeclared funder": (
        """
2026-01-06 custom "participant" "P0005"
  companion: "C01"
  funder: "Unicef"
  cohort: "2026-A"
""",
        'refers to funder "Unicef", which is not declared',
    ),
    "foreign currency on aid account": (
        """
2026-01-06 open Assets:Aid:P0001:Other
2026-01-06 open Assets:Institution:Dollar
2026-03-01 * "fx"
  source: "x"
  Assets:Aid:P0001:Other  10 USD
  Assets:Institution:Dollar
""",
        "holds IDR only, not USD",
    ),
    "savings movement without source": (
        """
2026-03-01 * "TARIK" "PENARIKAN"
  Assets:Aid:P0001:Cash  1000000 IDR
  Assets:Aid:P0001:Savings
""",
        "has no origin (metadata source)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_reports_its_breach_with_file_and_line(tmp_path: Path, case: str) -> None:
    extra, expected = CASES[case]
    errors = errors_of(tmp_path, extra)
    assert any(expected in e for e in errors), errors
    for error in errors:
        lineno = int(error.split(":")[0])
        assert lineno > 0, error


def test_business_anomalies_are_not_load_errors(tmp_path: Path) -> None:
    # cash withdrawn and never receipted, a purchase naming no plan: findings, not errors
    extra = """
2026-03-01 * "TARIK" "PENARIKAN"
  source: "statements/bri.pdf"
  Assets:Aid:P0001:Cash  3000000 IDR
  Assets:Aid:P0001:Savings
2026-03-05 * "Toko" "Barang di luar RAB"
  receipt: "N9"
  Expenses:Aid:P0001:Goods:Peralatan  400000 IDR
  Assets:Aid:P0001:Cash
"""
    assert errors_of(tmp_path, extra) == []


def test_sen_as_banks_print_them_are_booked(tmp_path: Path) -> None:
    # interest after its 20% tax carries sen, and so does the balance the bank prints
    extra = """
2026-01-05 open Income:Aid:P0001:Interest IDR
2026-01-31 * "BUNGA" "BUNGA TABUNGAN"
  source: "statements/mandiri.pdf"
  Assets:Aid:P0001:Savings  1218.76 IDR
  Income:Aid:P0001:Interest
2026-02-01 balance Assets:Aid:P0001:Savings  1218.76 IDR
"""
    assert errors_of(tmp_path, extra) == []


def test_messages_are_indonesian_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = books(tmp_path, "2026-01-06 open Assets:Aid:P0002:Savings IDR\n")
    path.write_text(path.read_text().replace('plugin "ledger.plugin" "en"', 'plugin "ledger.plugin"'))
    monkeypatch.delenv("AIDLEDGER_LANG")
    _e, errors, _o = loader.load_file(str(path))
    assert any("belum terdaftar" in e.message for e in errors)


def test_the_plugin_leaves_the_collector_to_the_process_that_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bean-check and Fava run the plugin inside their own loads: it does not switch Python's
    collector off for their process. aidledger's own load pauses it around the whole load."""
    import gc

    from ledger import plugin
    from ledger.books import BooksPaths
    from ledger.books import load as aidledger_load

    seen: list[bool] = []

    def probe(context: plugin.Context):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return iter(())

    monkeypatch.setattr(plugin, "RULES", (*plugin.RULES, probe))
    main = books(tmp_path)
    assert gc.isenabled()
    loader.load_file(str(main))  # as bean-check and Fava load (too quick for a pickle cache)
    assert seen == [True]
    aidledger_load(BooksPaths(main.parent))
    assert seen == [True, False]
    assert gc.isenabled()
