"""Disbursement lists and credit clearing, against the simulator's truth (both import orders)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from beancount.core import data

from importers.pipeline import import_files
from importers.registry import all_importers
from importers.templates import write_template
from ledger import accounts, books
from ledger import disbursements as disb
from ledger.reconcile import Settings, reconcile, run
from scripts.sim.truth import DISBURSEMENT_ANOMALIES, ProgramYear, simulate
from tests.disb_books import book_statements, import_lists, registered_books

KINDS = set(DISBURSEMENT_ANOMALIES)


@pytest.fixture(scope="module")
def year() -> ProgramYear:
    return simulate(60, seed=11)


def _findings(paths: books.BooksPaths, year: ProgramYear) -> set[tuple[str, str]]:
    loaded = books.load(paths)
    assert loaded.errors == [], loaded.errors[:3]
    settings = Settings(as_of=year.as_of, lang="en")
    result = run(loaded.entries, loaded.program, settings, kinds=KINDS)
    assert result.findings == reconcile(loaded.entries, loaded.program, settings, kinds=KINDS)
    # the engine (facts layer) and the importers' reading of the entries agree: the same rows,
    # the same aid credits, the same matching as the bank booking's (ledger.disbursements)
    facts = result.facts
    assert facts.list_rows == disb.listed_rows(loaded.entries)
    assert facts.clearing_credits == [c for c in disb.savings_credits(loaded.entries) if c.aid]
    assert facts.matching == disb.engine_matching(loaded.entries, settings.window)
    return {(f.kind, f.participant) for f in result.findings}


def _truth(year: ProgramYear) -> set[tuple[str, str]]:
    return {pair for pair in year.anomaly_set() if pair[0] in KINDS}


def _balances(paths: books.BooksPaths) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for entry in books.load(paths).entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                out[posting.account] = out.get(posting.account, Decimal(0)) + posting.units.number
    return out


def _check_clean_transit(paths: books.BooksPaths, year: ProgramYear) -> None:
    """A participant without a planted disbursement anomaly has nothing left in transit."""
    planted = {code for kind, code in _truth(year)}
    balances = _balances(paths)
    for person in year.people:
        if person.code not in planted:
            assert balances.get(accounts.transit(person.code), Decimal(0)) == 0, person.code


def test_truth_plants_every_kind(year: ProgramYear) -> None:
    assert {kind for kind, _ in _truth(year)} == KINDS


def test_lists_then_statements_find_exactly_the_planted_anomalies(tmp_path: Path, year: ProgramYear) -> None:
    paths = registered_books(tmp_path, year)
    import_lists(paths, year, tmp_path / "lists")
    booked = book_statements(paths, year)
    linked = [e for e in booked if disb.META_LINK in e.meta]
    assert linked, "the booking hook explained no credit"
    found = _findings(paths, year)
    truth = _truth(year)
    for kind in KINDS:  # precision and recall 100% per kind
        assert {p for k, p in found if k == kind} == {p for k, p in truth if k == kind}, kind
    _check_clean_transit(paths, year)


def test_statements_then_lists_reclassify_own_deposits(tmp_path: Path, year: ProgramYear) -> None:
    paths = registered_books(tmp_path, year)
    book_statements(paths, year)  # no list yet: SETORAN TUNAI aid is booked as her own deposit
    reports = import_lists(paths, year, tmp_path / "lists", ".csv")
    reclass = [e for r in reports for e in r.entries if disb.META_RECLASSIFIES in e.meta]
    setor_aid = [
        line for line in year.bank_lines if line.kind == "aid-credit" and "BANTUAN" not in line.description
    ]
    assert len(reclass) == len(setor_aid) > 0
    for entry in reclass:
        assert str(entry.meta[disb.META_LINK]).startswith("disbursement:")
        assert str(entry.meta[disb.META_RECLASSIFIES]).startswith("bank:")
    found = _findings(paths, year)
    truth = _truth(year)
    for kind in KINDS:
        assert {p for k, p in found if k == kind} == {p for k, p in truth if k == kind}, kind
    _check_clean_transit(paths, year)
    # importing the lists again adds nothing, not even a second reclassification
    again = import_files(
        paths, sorted((tmp_path / "lists").iterdir()), all_importers(), books.load(paths).entries
    )
    assert all(r.ok and r.written == 0 for r in again)
    assert sum(len(r.skipped) for r in again) == len(year.disbursements)


def test_duplicate_rows_are_both_booked(tmp_path: Path, year: ProgramYear) -> None:
    paths = registered_books(tmp_path, year)
    reports = import_lists(paths, year, tmp_path / "lists")
    assert sum(r.written for r in reports) == len(year.disbursements)
    granted = -sum(v for k, v in _balances(paths).items() if k.startswith("Income:Grant:"))
    assert granted == sum(d.amount for d in year.disbursements)
    keys = [e.meta["import-key"] for r in reports for e in r.entries]
    assert len(keys) == len(set(keys))
    assert any(k.endswith(":2") for k in keys)


GOLDEN = """Kode Peserta;Sumber Dana;Komponen;Jumlah;Tanggal;Batch
P0002;Kemensos;Modal Usaha;3.500.000;16/06/2026;KEMENSOS-2026-A
p0002;Kemensos;Transport;150.000;16/06/2026;KEMENSOS-2026-A
P0002;Kemensos;modal usaha;3.500.000;16/06/2026;KEMENSOS-2026-A
"""


def test_golden_csv_list(tmp_path: Path, year: ProgramYear) -> None:
    """A hand-written list (Indonesian numbers, semicolons) gives exactly these entries."""
    paths = registered_books(tmp_path, year)
    source = tmp_path / "daftar.csv"
    source.write_text(GOLDEN, encoding="utf-8")
    (report,) = import_files(paths, [source], all_importers(), books.load(paths).entries)
    assert report.ok, report.error
    rows = [e for e in report.entries if isinstance(e, data.Transaction)]
    assert [e.meta["import-key"] for e in rows] == [
        "disbursement:KEMENSOS-2026-A:P0002:modal usaha:1",
        "disbursement:KEMENSOS-2026-A:P0002:transport:1",
        "disbursement:KEMENSOS-2026-A:P0002:modal usaha:2",
    ]
    amounts = [e.postings[0].units.number for e in rows]
    assert amounts == [Decimal(3_500_000), Decimal(150_000), Decimal(3_500_000)]
    assert {e.postings[0].account for e in rows} == {"Assets:Aid:P0002:Transit"}
    assert {e.postings[1].account for e in rows} == {"Income:Grant:Kemensos"}
    assert rows[0].meta["batch"] == "KEMENSOS-2026-A"
    assert rows[0].meta["source"].startswith("documents/Income/Grant/Kemensos/2026-06-16.list.")
    assert rows[0].meta["source"].endswith(".csv.age:2") and "daftar" not in rows[0].meta["source"]
    assert report.archived is not None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("P9999;Kemensos;modal usaha;100;16/06/2026;B1", "not registered"),
        ("P0002;Kemensos;modal usaha;-100;16/06/2026;B1", "positive whole rupiah"),
        ("P0002;Kemensos;modal usaha;100;;B1", "Tanggal: empty"),
        ("P0002;Kemensos;;100;16/06/2026;B1", "Komponen: empty"),
    ],
)
def test_bad_rows_refuse_the_file_with_its_location(
    tmp_path: Path, year: ProgramYear, line: str, message: str
) -> None:
    paths = registered_books(tmp_path, year)
    source = tmp_path / "bad.csv"
    source.write_text(
        GOLDEN.splitlines()[0] + "\nP0002;Kemensos;transport;150.000;16/06/2026;B1\n" + line + "\n"
    )
    (report,) = import_files(paths, [source], all_importers(), books.load(paths).entries)
    assert report.error is not None and message in report.error and "bad.csv:3" in report.error
    assert not paths.journal_file("disbursements", 2026).exists()


def test_template_has_the_list_headers(tmp_path: Path) -> None:
    out = write_template("disbursements", tmp_path / "t.csv")
    assert out.read_text(encoding="utf-8").splitlines()[0] == (
        "Kode Peserta,Sumber Dana,Komponen,Jumlah,Tanggal,Batch"
    )


def test_explaining_row_is_the_booking_hook(tmp_path: Path, year: ProgramYear) -> None:
    paths = registered_books(tmp_path, year)
    import_lists(paths, year, tmp_path / "lists")
    entries = books.load(paths).entries
    row = year.disbursements[0]
    found = disb.explaining_row(entries, row.participant, row.date, row.amount)
    assert found is not None and found.participant == row.participant and found.amount == row.amount
    assert disb.explaining_row(entries, row.participant, row.date.replace(year=2020), row.amount) is None


def test_demo_imports_the_lists_and_its_findings_are_the_truth(demo) -> None:
    """The demo books (lists imported from XLSX) give the planted disbursement anomalies."""
    loaded = books.load(demo.paths)
    rows = disb.listed_rows(loaded.entries)
    assert len(rows) == len(demo.year.disbursements)
    sources = [e.meta["source"] for e in loaded.entries if disb.is_row(e)]
    assert len(sources) == len(rows) and all(".xlsx.age:Daftar Nominatif:" in s for s in sources)
    assert _findings(demo.paths, demo.year) == _truth(demo.year)
