"""Hand-written books (Beancount text) for the edges of plans and receipts, loaded for real."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from beancount import loader

from ledger.findings import Finding
from ledger.reconcile import Settings, build_facts, reconcile, summarise
from ledger.records import Program, read_program

AS_OF = datetime.date(2026, 6, 30)

HEADER = """\
option "operating_currency" "IDR"
plugin "ledger.plugin" "en"

2026-01-01 custom "funder" "Kemensos"
2026-01-01 custom "companion" "C01"
2026-01-01 custom "companion" "C02"
2026-01-01 custom "cohort" "2026-A"
2026-01-01 open Income:Grant:Kemensos IDR
"""


def participant(code: str, companion: str = "C01", min_balance: int = 25000) -> str:
    accounts = "\n".join(
        f"2026-01-05 open {a} IDR"
        for a in (
            f"Assets:Aid:{code}:Transit",
            f"Assets:Aid:{code}:Savings",
            f"Assets:Aid:{code}:Cash",
            f"Expenses:Aid:{code}:Goods:Peralatan",
            f"Expenses:Aid:{code}:Goods:BahanBaku",
        )
    )
    return f"""
2026-01-05 custom "participant" "{code}"
  group: "Tata Boga"
  cohort: "2026-A"
  companion: "{companion}"
  funder: "Kemensos"
  bank: "BRI"
  product: "Simpedes"
  account-mask: "****1234"
  account-hash: "-"
  min-balance: {min_balance} IDR
{accounts}
"""


def aid(code: str, date: str, amount: int) -> str:
    return f"""
{date} * "Kemensos" "Bantuan modal usaha"
  batch: "B1"
  Assets:Aid:{code}:Transit  {amount} IDR
  Income:Grant:Kemensos
{date} * "TRF" "TRF BANTUAN KEMENSOS"
  source: "statements/bri.pdf"
  Assets:Aid:{code}:Savings  {amount} IDR
  Assets:Aid:{code}:Transit
"""


def withdraw(code: str, date: str, amount: int) -> str:
    return f"""
{date} * "TARIK" "PENARIKAN TUNAI"
  source: "statements/bri.pdf"
  Assets:Aid:{code}:Cash  {amount} IDR
  Assets:Aid:{code}:Savings
"""


def plan(code: str, date: str, revision: int, lines: list[tuple[str, str, int, str]]) -> str:
    """lines: (no, category, amount, approved)."""
    out = f"""
{date} custom "plan-revision" "{code}"
  revision: {revision}
  approved-by: "C01"
  approved: {date}
"""
    for no, category, amount, approved in lines:
        out += f"""
{date} custom "plan-line" "{code}"
  revision: {revision}
  no: "{no}"
  description: "Barang {no}"
  category: "{category}"
  volume: 1
  unit: "unit"
  unit-price: {amount} IDR
  amount: {amount} IDR
  approved-by: "C01"
  approved: {approved}
"""
    return out


def buy(code: str, date: str, shop: str, receipt: str, amount: int, line: str | None, category: str) -> str:
    plan_line = f'\n  plan-line: "{line}"' if line else ""
    return f"""
{date} * "{shop}" "Barang"
  receipt: "{receipt}"
  shop: "{shop}"{plan_line}
  meterai: FALSE
  Expenses:Aid:{code}:Goods:{category}  {amount} IDR
  Assets:Aid:{code}:Cash
"""


def load(tmp_path: Path, text: str) -> tuple[list, Program]:  # type: ignore[type-arg]
    path = tmp_path / "main.beancount"
    path.write_text(HEADER + text, encoding="utf-8")
    entries, errors, _ = loader.load_file(str(path))
    assert errors == [], [e.message for e in errors]
    return entries, read_program(entries)


def kinds(findings: list[Finding], code: str) -> list[str]:
    return sorted(f.kind for f in findings if f.participant == code)


def test_partial_purchases_split_shops_a_refund_and_the_minimum_balance(tmp_path: Path) -> None:
    """Line 1 bought in two halves at two shops, line 2 over two receipts and a return; she can
    withdraw everything but the bank's minimum balance, which is neither unspent nor uncovered."""
    entries, program = load(
        tmp_path,
        participant("P0001")
        + aid("P0001", "2026-02-12", 3_000_000)
        + plan(
            "P0001",
            "2026-02-14",
            1,
            [("1", "Peralatan", 1_200_000, "2026-02-14"), ("2", "Bahan Baku", 1_800_000, "2026-02-14")],
        )
        + withdraw("P0001", "2026-02-15", 2_975_000)
        + buy("P0001", "2026-02-16", "Toko A", "NT-1", 600_000, "1", "Peralatan")
        + buy("P0001", "2026-02-20", "Toko B", "B-17", 600_000, "1", "Peralatan")
        + buy("P0001", "2026-02-16", "Toko A", "NT-2", 1_000_000, "2", "BahanBaku")
        + buy("P0001", "2026-02-18", "Toko C", "C-3", 875_000, "2", "BahanBaku")
        + buy("P0001", "2026-02-25", "Toko C", "C-3R", -100_000, "2", "BahanBaku"),
    )
    settings = Settings(as_of=AS_OF)
    assert reconcile(entries, program, settings) == []
    (summary,) = summarise(build_facts(entries, AS_OF), program)
    assert summary.plan_total == 3_000_000
    assert summary.aid_received == 3_000_000
    assert summary.withdrawn == 2_975_000
    assert summary.receipted == 2_975_000
    assert summary.cash_uncovered == 0
    assert summary.savings_balance == 25_000
    assert summary.min_balance == 25_000
    assert summary.available == 0
    assert summary.realisation == Decimal("99.2")
    assert [(line.no, line.planned, line.actual, line.purchases) for line in summary.lines] == [
        ("1", 1_200_000, 1_200_000, 2),
        ("2", 1_800_000, 1_775_000, 3),
    ]


def test_a_return_does_not_hide_overspending_beyond_the_tolerance(tmp_path: Path) -> None:
    base = (
        participant("P0001")
        + aid("P0001", "2026-02-12", 3_000_000)
        + plan("P0001", "2026-02-14", 1, [("1", "Peralatan", 1_000_000, "2026-02-14")])
        + withdraw("P0001", "2026-02-15", 1_100_000)
        + buy("P0001", "2026-02-16", "Toko A", "NT-1", 1_100_000, "1", "Peralatan")
    )
    entries, program = load(tmp_path, base)
    assert reconcile(entries, program, Settings(as_of=AS_OF)) == []  # exactly 10%: tolerated
    assert kinds(
        reconcile(entries, program, Settings(as_of=AS_OF, overspend_tolerance=Decimal("0.05"))), "P0001"
    ) == ["overspent-plan-line"]
    entries, program = load(
        tmp_path, base + buy("P0001", "2026-02-17", "Toko A", "NT-2", 100_000, "1", "Peralatan")
    )
    (over,) = reconcile(entries, program, Settings(as_of=AS_OF))
    assert (over.kind, over.amount, over.date) == ("overspent-plan-line", 200_000, datetime.date(2026, 2, 17))
    assert len(over.locations) == 3  # the plan line and both receipts
    entries, program = load(
        tmp_path,
        base
        + buy("P0001", "2026-02-17", "Toko A", "NT-2", 100_000, "1", "Peralatan")
        + buy("P0001", "2026-02-18", "Toko A", "NT-2R", -100_000, "1", "Peralatan"),
    )
    assert reconcile(entries, program, Settings(as_of=AS_OF)) == []


def test_a_revised_plan_supersedes_the_first_also_after_purchases(tmp_path: Path) -> None:
    """Revision 2 raises line 2 (already partly bought) and drops line 3: the purchases count
    against revision 2, line 2 stays approved since revision 1, line 3 is no longer due."""
    text = (
        participant("P0002")
        + aid("P0002", "2026-02-12", 2_400_000)
        + plan(
            "P0002",
            "2026-03-01",
            1,
            [
                ("1", "Peralatan", 1_000_000, "2026-03-01"),
                ("2", "Bahan Baku", 1_000_000, "2026-03-01"),
                ("3", "Bahan Baku", 400_000, "2026-03-01"),
            ],
        )
        + withdraw("P0002", "2026-03-02", 2_400_000)
        + buy("P0002", "2026-03-03", "Toko A", "NT-1", 1_000_000, "1", "Peralatan")
        + buy("P0002", "2026-03-04", "Toko A", "NT-2", 600_000, "2", "BahanBaku")
        + plan(
            "P0002",
            "2026-03-10",
            2,
            [("1", "Peralatan", 1_000_000, "2026-03-01"), ("2", "Bahan Baku", 1_400_000, "2026-03-10")],
        )
        + buy("P0002", "2026-03-12", "Toko B", "B-9", 800_000, "2", "BahanBaku")
    )
    entries, program = load(tmp_path, text)
    assert reconcile(entries, program, Settings(as_of=AS_OF)) == []
    facts = build_facts(entries, AS_OF)
    plan_now = facts.plans["P0002"]
    assert sorted(plan_now.revisions) == [1, 2] and plan_now.revision == 2
    assert sorted(plan_now.lines) == ["1", "2"]
    assert plan_now.approved_since["2"] == datetime.date(2026, 3, 1)
    (summary,) = summarise(facts, program)
    assert (summary.plan_revision, summary.plan_total, summary.realisation) == (2, 2_400_000, 100)
    # read before the revision, the same books give revision 1: line 2 overspent, line 3 open
    early = Settings(as_of=datetime.date(2026, 3, 9), unrealised_days=3)
    assert kinds(reconcile(entries, program, early), "P0002") == ["unrealised-plan-line"]


def test_a_revision_that_changes_a_category_makes_earlier_purchases_mismatch(tmp_path: Path) -> None:
    text = (
        participant("P0002")
        + aid("P0002", "2026-02-12", 1_000_000)
        + plan("P0002", "2026-03-01", 1, [("1", "Peralatan", 1_000_000, "2026-03-01")])
        + withdraw("P0002", "2026-03-02", 1_000_000)
        + buy("P0002", "2026-03-03", "Toko A", "NT-1", 1_000_000, "1", "Peralatan")
        + plan("P0002", "2026-03-10", 2, [("1", "Bahan Baku", 1_000_000, "2026-03-10")])
    )
    entries, program = load(tmp_path, text)
    (mismatch,) = reconcile(entries, program, Settings(as_of=AS_OF))
    assert mismatch.kind == "category-mismatch" and mismatch.participant == "P0002"


def test_a_mismatch_names_the_category_as_the_receipt_typed_it(tmp_path: Path) -> None:
    bought = buy("P0002", "2026-03-03", "Toko A", "NT-1", 1_000_000, "1", "LainLain").replace(
        "  meterai: FALSE", '  meterai: FALSE\n  category: "Lain-lain"'
    )
    text = (
        participant("P0002")
        + "\n2026-01-05 open Expenses:Aid:P0002:Goods:LainLain IDR\n"
        + aid("P0002", "2026-02-12", 1_000_000)
        + plan("P0002", "2026-03-01", 1, [("1", "Bahan Baku", 1_000_000, "2026-03-01")])
        + withdraw("P0002", "2026-03-02", 1_000_000)
        + bought
    )
    entries, program = load(tmp_path, text)
    (mismatch,) = reconcile(entries, program, Settings(as_of=AS_OF, lang="id"))
    assert mismatch.kind == "category-mismatch"
    assert "dicatat sebagai Lain-lain" in mismatch.message and "LainLain" not in mismatch.message


def test_purchase_before_approval_and_unplanned(tmp_path: Path) -> None:
    text = (
        participant("P0003", companion="C02")
        + aid("P0003", "2026-03-25", 1_500_000)
        + withdraw("P0003", "2026-04-01", 1_500_000)
        + buy("P0003", "2026-04-05", "Toko A", "NT-5", 1_000_000, "1", "Peralatan")
        + buy("P0003", "2026-04-12", "Toko A", "NT-6", 300_000, None, "Peralatan")
        + buy("P0003", "2026-04-12", "Toko A", "NT-7", 200_000, "9", "Peralatan")
        + plan("P0003", "2026-04-10", 1, [("1", "Peralatan", 1_000_000, "2026-04-10")])
    )
    entries, program = load(tmp_path, text)
    findings = reconcile(entries, program, Settings(as_of=AS_OF, lang="en"))
    assert [(f.kind, f.date, f.amount) for f in findings] == [
        ("purchase-before-approval", datetime.date(2026, 4, 5), 1_000_000),
        ("unplanned-purchase", datetime.date(2026, 4, 12), 300_000),  # sorted by location
        ("unplanned-purchase", datetime.date(2026, 4, 12), 200_000),
    ]
    assert all(f.companion == "C02" for f in findings)
    assert "2026-04-10" in findings[0].message


def test_duplicate_receipt_across_participants_is_reported_on_the_later_use(tmp_path: Path) -> None:
    text = (
        participant("P0004")
        + participant("P0005")
        + aid("P0004", "2026-03-25", 1_000_000)
        + aid("P0005", "2026-03-25", 1_000_000)
        + plan("P0004", "2026-03-30", 1, [("1", "Peralatan", 1_000_000, "2026-03-30")])
        + plan("P0005", "2026-03-30", 1, [("1", "Peralatan", 1_000_000, "2026-03-30")])
        + withdraw("P0004", "2026-04-01", 1_000_000)
        + withdraw("P0005", "2026-04-01", 1_000_000)
        + buy("P0004", "2026-04-02", "Toko Berkah", "NT-77", 600_000, "1", "Peralatan")
        + buy("P0004", "2026-04-02", "Toko Berkah", "NT-77", 400_000, "1", "Peralatan")  # a second line
        + buy("P0005", "2026-04-05", "TOKO BERKAH", "nt 77", 600_000, "1", "Peralatan")
        + buy("P0005", "2026-04-06", "Toko Sinar", "-", 400_000, "1", "Peralatan")
        + buy("P0005", "2026-04-06", "Toko Sinar", "S-1", 400_000, "1", "Peralatan")
    )
    entries, program = load(tmp_path, text)
    findings = reconcile(entries, program, Settings(as_of=AS_OF))
    assert [(f.kind, f.participant, f.date) for f in findings] == [
        ("duplicate-receipt", "P0005", datetime.date(2026, 4, 5)),
        ("duplicate-receipt", "P0005", datetime.date(2026, 4, 6)),
        ("overspent-plan-line", "P0005", datetime.date(2026, 4, 6)),
    ]
    first = findings[0]
    later, original = first.locations
    assert int(later.rsplit(":", 1)[1]) > int(original.rsplit(":", 1)[1])
    assert "P0004" in first.message and first.amount == 600_000


def test_unreceipted_cash_is_counted_first_in_first_out(tmp_path: Path) -> None:
    text = (
        participant("P0006")
        + aid("P0006", "2026-03-01", 3_000_000)
        + plan("P0006", "2026-03-01", 1, [("1", "Peralatan", 3_000_000, "2026-03-01")])
        + withdraw("P0006", "2026-03-02", 1_000_000)
        + withdraw("P0006", "2026-05-20", 1_000_000)
        + buy("P0006", "2026-03-05", "Toko A", "NT-1", 700_000, "1", "Peralatan")
    )
    entries, program = load(tmp_path, text)
    (late,) = reconcile(entries, program, Settings(as_of=datetime.date(2026, 6, 1)))
    assert (late.kind, late.amount, late.date) == (
        "unreceipted-withdrawal",
        300_000,
        datetime.date(2026, 3, 2),
    )
    (late,) = reconcile(entries, program, Settings(as_of=AS_OF))
    assert (late.amount, len(late.locations)) == (1_300_000, 2)
    (late,) = reconcile(entries, program, Settings(as_of=AS_OF, unreceipted_days=60))
    assert (late.amount, len(late.locations)) == (300_000, 1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_messages_follow_the_language(tmp_path: Path, lang: str) -> None:
    text = (
        participant("P0003")
        + aid("P0003", "2026-03-25", 1_000_000)
        + withdraw("P0003", "2026-04-01", 1_000_000)
        + buy("P0003", "2026-04-12", "Toko A", "NT-6", 1_000_000, None, "Peralatan")
    )
    entries, program = load(tmp_path, text)
    (item,) = reconcile(entries, program, Settings(as_of=AS_OF, lang=lang))
    assert item.kind == "unplanned-purchase"
    assert ("tanpa baris RAB" in item.message) == (lang == "id")
    assert "Rp 1.000.000" in item.message
