"""Hand-written passbook and profile files (tests/golden/bank/) read into the expected entries,
independently of the renderers; the rule table, its books override, and the institution's
own account."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from beancount.core import data

from importers.booking import institution_open
from ledger import accountno, books, records
from ledger.books import BooksPaths
from ledger.create import create_books
from ledger.writer import append_entries
from scripts.sim import render_books
from scripts.sim.truth import simulate
from tests.bank_books import run_import
from tests.books_text import recipient_for_tests

GOLDEN = Path(__file__).parent / "golden" / "bank"
NUMBER = "9900112233"  # invented
D = Decimal


def golden_books(
    root: Path, number: str = NUMBER, joined: datetime.date = datetime.date(2026, 2, 1)
) -> BooksPaths:
    paths = create_books(root, recipient=recipient_for_tests())
    salt = books.load(paths).program.account_salt
    append_entries(paths, render_books.program_records(simulate(3, 1)), lambda e: paths.program)
    person = [
        records.participant_directive(
            "P0900",
            joined,
            group="Salon",
            cohort="2026-A",
            companion="C01",
            funder="Kemensos",
            bank="Bank Sumsel Babel",
            product="Tabungan Simpeda",
            account_mask=accountno.mask(number),
            account_hash=accountno.account_hash(number, salt),
            min_balance=D(25000),
        ),
        *records.open_participant_accounts("P0900", joined),
    ]
    append_entries(paths, person, lambda e: paths.participants)
    return paths


def booked(entries: list[data.Directive]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for entry in entries:
        if isinstance(entry, data.Transaction):
            savings, other = entry.postings
            out.append(
                (
                    entry.date,
                    savings.units.number,
                    entry.meta["kind"],
                    other.account.rsplit(":", 1)[1],
                    entry.meta["source-line"],
                )
            )
        elif isinstance(entry, data.Balance):
            out.append((entry.date, entry.amount.number, "balance", entry.account.rsplit(":", 1)[1], ""))
    return out


@pytest.fixture
def paths(tmp_path: Path) -> BooksPaths:
    return golden_books(tmp_path / "books")


def test_passbook_with_split_columns(paths: BooksPaths) -> None:
    [report] = run_import(paths, [GOLDEN / "passbook" / "split.csv"])
    assert report.error is None and report.importer == "aidledger.passbook"
    assert booked(report.entries) == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit", "OwnFunds", "8"),
        (datetime.date(2026, 2, 15), D(3000000), "aid-credit", "Transit", "9"),
        (datetime.date(2026, 2, 18), D(-2500000), "withdrawal", "Cash", "10"),
        # printed after the interest, posted before it: the balances say so
        (datetime.date(2026, 2, 28), D(-7500), "admin-fee", "BankCharges", "12"),
        (datetime.date(2026, 2, 28), D(1250), "interest", "Interest", "11"),
        (datetime.date(2026, 3, 31), D(12345), "unknown", "Suspense", "13"),
        (datetime.date(2026, 6, 30), D(-19400), "summary", "Suspense", "14"),
        (datetime.date(2026, 7, 1), D(661695), "balance", "Savings", ""),
    ]
    aid = report.entries[1]
    assert aid.meta["funder"] == "Kemensos" and aid.meta["bank-code"] == "TRF"
    assert aid.meta["description"] == "TRF BANTUAN KEMENSOS MODAL USAHA"
    assert aid.meta["source"].startswith("documents/Assets/Aid/P0900/Savings/2026-06-30.statement.")
    assert [loc.rsplit(":", 1)[1] for loc, _note in report.notes] == ["13", "14"]
    assert "summary line merging several months" in report.notes[1][1]
    assert books.load(paths).errors == []
    # the name on the cover never reaches the books' text
    text = "".join(p.read_text() for p in paths.journal.glob("*.beancount"))
    assert "Contoh Nasabah" not in text and NUMBER not in text


def test_passbook_with_one_mutation_column_and_dk(paths: BooksPaths) -> None:
    [report] = run_import(paths, [GOLDEN / "passbook" / "mutasi-dk.csv"])
    assert report.error is None
    assert booked(report.entries) == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit", "OwnFunds", "6"),
        (datetime.date(2026, 2, 15), D(3000000), "transfer", "OwnFunds", "7"),
        (datetime.date(2026, 2, 18), D(-2500000), "withdrawal", "Cash", "8"),
        (datetime.date(2026, 2, 28), D(-250), "tax", "Tax", "9"),
        (datetime.date(2026, 3, 1), D(674750), "balance", "Savings", ""),
    ]


def test_passbook_typed_in_xlsx(paths: BooksPaths, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["Bank", "Bank Sumsel Babel"],
        ["No Rekening", int(NUMBER)],  # typed as a number
        ["Nama Nasabah", "Contoh Nasabah"],
        [],
        ["Tgl", "Kode", "Debet", "Kredit", "Saldo"],
        [datetime.datetime(2026, 2, 5), "SETOR", None, 175000, 175000],
        ["28-02-2026", "ADM", "7.500", None, "167.500"],
    ):
        sheet.append(row)
    path = tmp_path / "buku.xlsx"
    book.save(path)
    [report] = run_import(paths, [path])
    assert report.error is None
    assert booked(report.entries) == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit", "OwnFunds", "Sheet:6"),
        (datetime.date(2026, 2, 28), D(-7500), "admin-fee", "BankCharges", "Sheet:7"),
        (datetime.date(2026, 3, 1), D(167500), "balance", "Savings", ""),
    ]


def test_bank_sumsel_babel_profile(paths: BooksPaths) -> None:
    [report] = run_import(paths, [GOLDEN / "profiles" / "bank-sumsel-babel.csv"])
    assert report.error is None and report.importer == "aidledger.profile:bank-sumsel-babel"
    assert booked(report.entries) == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit", "OwnFunds", "6"),
        (datetime.date(2026, 2, 15), D(3000000), "aid-credit", "Transit", "7"),
        (datetime.date(2026, 2, 18), D(-2500000), "withdrawal", "Cash", "8"),
        (datetime.date(2026, 2, 28), D(-7500), "admin-fee", "BankCharges", "9"),
        (datetime.date(2026, 3, 1), D(667500), "balance", "Savings", ""),
    ]
    assert report.entries[1].meta["funder"] == "DinsosSumsel"
    assert report.entries[1].meta["bank-ref"] == "R002"


def test_bsi_profile_newest_first(paths: BooksPaths) -> None:
    [report] = run_import(paths, [GOLDEN / "profiles" / "bsi.csv"])
    assert report.error is None and report.importer == "aidledger.profile:bsi"
    assert booked(report.entries) == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit", "OwnFunds", "9"),
        (datetime.date(2026, 2, 15), D(3000000), "aid-credit", "Transit", "8"),
        (datetime.date(2026, 2, 18), D(-2500000), "withdrawal", "Cash", "7"),
        (datetime.date(2026, 2, 28), D(-250), "tax", "Tax", "6"),
        (datetime.date(2026, 3, 1), D(674750), "balance", "Savings", ""),
    ]


def test_the_books_rule_table_extends_and_overrides_the_default(paths: BooksPaths) -> None:
    (paths.root / "rules.toml").write_text(
        '[[rule]]\nname = "koreksi"\nkind = "reversal"\nside = "credit"\ncodes = ["KOR"]\n\n'
        '[[rule]]\nname = "admin-fee"\nkind = "off"\n',
        encoding="utf-8",
    )
    [report] = run_import(paths, [GOLDEN / "passbook" / "split.csv"], dry_run=True)
    kinds = {row[4]: row[2] for row in booked(report.entries)}
    assert kinds["13"] == "reversal"  # KOR now known (its original is not on the statement: Suspense)
    assert kinds["12"] == "unknown"  # the default admin-fee rule is off


def test_a_books_profile_reads_another_banks_export(paths: BooksPaths, tmp_path: Path) -> None:
    (paths.root / "profiles").mkdir()
    (paths.root / "profiles" / "bca.toml").write_text(
        'name = "bca"\nbank = "BCA"\nextensions = ["csv"]\n'
        '[columns]\ndate = "Tanggal"\ndescription = "Keterangan"\namount = "Jumlah"\nbalance = "Saldo"\n'
        '[format]\ndate = ["%d/%m/%Y"]\ndecimal = "."\nthousands = ","\nsign = "signed"\n'
        '[cover]\naccount_number = ["No. rekening"]\n',
        encoding="utf-8",
    )
    export = tmp_path / "bca.csv"
    export.write_text(
        "No. rekening,9900112233\nTanggal,Keterangan,Jumlah,Saldo\n"
        '05/02/2026,SETORAN TUNAI,"175,000.00","175,000.00"\n'
        '28/02/2026,BIAYA ADM,"-10,000.00","165,000.00"\n',
        encoding="utf-8",
    )
    [report] = run_import(paths, [export])
    assert report.error is None and report.importer == "aidledger.profile:bca"
    assert [row[:3] for row in booked(report.entries)] == [
        (datetime.date(2026, 2, 5), D(175000), "own-deposit"),
        (datetime.date(2026, 2, 28), D(-10000), "admin-fee"),
        (datetime.date(2026, 3, 1), D(165000), "balance"),
    ]


def test_the_institutions_own_account(paths: BooksPaths, tmp_path: Path) -> None:
    number = "5500667788"  # invented
    salt = books.load(paths).program.account_salt
    declaration = institution_open("Bank Sumsel Babel", number, salt, datetime.date(2026, 1, 1))
    append_entries(paths, [declaration], lambda e: paths.program)
    statement = tmp_path / "yayasan.csv"
    text = (GOLDEN / "profiles" / "bank-sumsel-babel.csv").read_text().replace(NUMBER, number)
    statement.write_text(text, encoding="utf-8")
    [report] = run_import(paths, [statement])
    assert report.error is None
    assert [(row[2], row[3]) for row in booked(report.entries)] == [
        ("own-deposit", "Suspense"),
        ("aid-credit", "Suspense"),
        ("withdrawal", "Suspense"),
        ("admin-fee", "BankCharges"),
        ("balance", "BankSumselBabel"),
    ]
    assert report.archived is not None and "Institution/BankSumselBabel" in str(report.archived)
    assert books.load(paths).errors == []
    assert number not in (paths.root / "program.beancount").read_text()


def test_lines_before_her_book_was_opened_are_refused(tmp_path: Path) -> None:
    late = golden_books(tmp_path / "books", joined=datetime.date(2026, 2, 10))
    [report] = run_import(late, [GOLDEN / "passbook" / "split.csv"])
    assert report.error is not None and "split.csv:8" in report.error and "opened" in report.error


def test_a_copy_under_another_name_is_recognised_as_known(paths: BooksPaths, tmp_path: Path) -> None:
    first = run_import(paths, [GOLDEN / "passbook" / "split.csv"])
    copy = tmp_path / "salinan.csv"
    shutil.copyfile(GOLDEN / "passbook" / "split.csv", copy)
    [again] = run_import(paths, [copy])
    assert first[0].written == 8 and again.error is None and again.written == 0


def test_declaring_the_institutions_account_from_the_command_line(paths: BooksPaths, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scripts.cli import main

    number = "5500667788"  # invented
    args = ["institution-account", "Bank Sumsel Babel", number, "--books", str(paths.root)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Assets:Institution:BankSumselBabel (****7788)" in result.output
    assert CliRunner().invoke(main, args).exit_code == 1  # once
    statement = tmp_path / "yayasan.csv"
    statement.write_text(
        (GOLDEN / "profiles" / "bank-sumsel-babel.csv").read_text().replace(NUMBER, number), encoding="utf-8"
    )
    [report] = run_import(paths, [statement])
    assert report.error is None and report.archived is not None
    assert number not in (paths.root / "program.beancount").read_text()


def test_a_passbook_with_the_banks_column_names_is_still_a_passbook(
    paths: BooksPaths, tmp_path: Path
) -> None:
    typed = tmp_path / "typed.csv"
    typed.write_text(
        "No Rekening,9900112233\nTanggal,Sandi,Keterangan,Debet,Kredit,Saldo\n"
        "05/02/26,SETOR,SETORAN,,175.000,175.000\n",
        encoding="utf-8",
    )
    [report] = run_import(paths, [typed])
    assert report.error is None and report.importer == "aidledger.passbook"


def test_a_credit_a_list_explains_is_aid_whatever_the_bank_calls_it(
    paths: BooksPaths, tmp_path: Path
) -> None:
    """A clearing credit with a code no rule knows, and a cash deposit, both matching list rows."""
    lists = tmp_path / "daftar.csv"
    lists.write_text(
        "Kode Peserta,Sumber Dana,Komponen,Jumlah,Tanggal,Batch\n"
        "P0900,Kemensos,modal usaha,3000000,2026-02-12,B-01\n"
        "P0900,Kemensos,transport,150000,2026-02-12,B-01\n",
        encoding="utf-8",
    )
    statement = tmp_path / "passbook.csv"
    statement.write_text(
        "Bank;Bank Sumsel Babel\nProduk;Tabungan Simpeda\nNo Rekening;9900112233\n"
        "Tanggal;Kode;Mutasi;D/K;Saldo\n"
        "05-02-2026;SETOR;175.000,00;K;175.000,00\n"
        "14-02-2026;KLR;3.000.000,00;K;3.175.000,00\n"
        "16-02-2026;SETOR;150.000,00;K;3.325.000,00\n",
        encoding="utf-8",
    )
    reports = run_import(paths, [lists, statement])
    assert all(r.ok for r in reports), [r.error for r in reports]
    credits = {e.date.isoformat(): e for e in reports[1].entries if isinstance(e, data.Transaction)}
    for day in ("2026-02-14", "2026-02-16"):
        entry = credits[day]
        assert entry.postings[1].account == "Assets:Aid:P0900:Transit", day
        assert str(entry.meta["disbursement"]).startswith("disbursement:B-01:P0900:")
    assert credits["2026-02-05"].postings[1].account == "Equity:Aid:P0900:OwnFunds"  # her own deposit
