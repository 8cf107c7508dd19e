"""Plan (RAB) and receipts spreadsheets: import, checks, revisions, scans, templates, the CLI."""

from __future__ import annotations

import csv
import datetime
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from importers.pipeline import FileReport, import_files
from importers.registry import all_importers
from ledger import books, identity
from ledger.create import create_books
from ledger.reconcile import build_facts
from scripts.cli import main

PEOPLE = """
2026-01-01 custom "funder" "Kemensos"
2026-01-01 custom "companion" "C01"
2026-01-01 custom "companion" "C02"
2026-01-01 custom "cohort" "2026-A"
2026-01-01 open Income:Grant:Kemensos IDR
"""
for _code, _companion in (("P0001", "C01"), ("P0002", "C02")):
    PEOPLE += f"""
2026-01-05 custom "participant" "{_code}"
  group: "Tata Boga"
  cohort: "2026-A"
  companion: "{_companion}"
  funder: "Kemensos"
  bank: "BRI"
  product: "Simpedes"
  account-mask: "****1234"
  account-hash: "-"
  min-balance: 25000 IDR
2026-01-05 open Assets:Aid:{_code}:Transit IDR
2026-01-05 open Assets:Aid:{_code}:Savings IDR
2026-01-05 open Assets:Aid:{_code}:Cash IDR
2026-02-12 * "TRF" "TRF BANTUAN KEMENSOS"
  source: "statements/bri.pdf"
  Assets:Aid:{_code}:Savings  3000000 IDR
  Income:Grant:Kemensos
2026-02-15 * "TARIK" "PENARIKAN TUNAI"
  source: "statements/bri.pdf"
  Assets:Aid:{_code}:Cash  2975000 IDR
  Assets:Aid:{_code}:Savings
"""

PLAN_HEADERS = [
    "Kode Peserta",
    "No",
    "Uraian",
    "Kategori",
    "Volume",
    "Satuan",
    "Harga Satuan",
    "Jumlah",
    "Disetujui Oleh",
    "Tanggal Disetujui",
]
PLAN_P0001 = [
    [
        "P0001",
        1,
        "Kompor gas dua tungku",
        "Peralatan",
        2,
        "unit",
        600000,
        1200000,
        "C01",
        datetime.date(2026, 2, 14),
    ],
    [
        "P0001",
        2,
        "Tepung terigu",
        "Bahan baku",
        10,
        "karung",
        177500,
        1775000,
        "C01",
        datetime.date(2026, 2, 14),
    ],
]
PLAN_P0002 = [
    ["P0002", 1, "Etalase kaca", "Peralatan", 1, "unit", 1000000, 1000000, "C02", datetime.date(2026, 2, 20)],
]
RECEIPT_HEADERS = [
    "Kode Peserta",
    "Tanggal",
    "No Nota",
    "Toko",
    "Uraian",
    "Volume",
    "Satuan",
    "Harga Satuan",
    "Jumlah",
    "No RAB",
    "Kategori",
    "Meterai",
    "Berkas",
]


@pytest.fixture
def key(tmp_path: Path) -> identity.x25519.Identity:
    return identity.create_key(tmp_path / "key")


@pytest.fixture
def paths(tmp_path: Path, key: identity.x25519.Identity) -> books.BooksPaths:
    created = create_books(tmp_path / "books", recipient=identity.recipient_of(key))
    (created.journal / "people.beancount").write_text(PEOPLE, encoding="utf-8")
    assert books.load(created).errors == []
    return created


def xlsx(path: Path, sheets: dict[str, tuple[list[str], list[list[object]]]]) -> Path:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, (headers, rows) in sheets.items():
        ws = book.create_sheet(title)
        ws.append(headers)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path


def write_csv(path: Path, headers: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def do_import(paths: books.BooksPaths, *files: Path) -> list[FileReport]:
    return import_files(paths, list(files), all_importers(), books.load(paths).entries)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "picklecache" not in p.name and p.name != ".aidledger.lock"
    }


def plan_file(tmp_path: Path) -> Path:
    return xlsx(
        tmp_path / "rab.xlsx", {"P0001": (PLAN_HEADERS, PLAN_P0001), "P0002": (PLAN_HEADERS, PLAN_P0002)}
    )


def test_a_plan_sheet_per_participant_becomes_revision_1(paths: books.BooksPaths, tmp_path: Path) -> None:
    (report,) = do_import(paths, plan_file(tmp_path))
    assert report.error is None and report.written == 5 and report.skipped == []
    text = paths.journal_file("plans", 2026).read_text(encoding="utf-8")
    assert (
        """2026-02-14 custom "plan-line" "P0001"
  revision: 1
  no: "2"
  description: "Tepung terigu"
  category: "Bahan baku"
  volume: 10
  unit: "karung"
  unit-price: 177500 IDR
  amount: 1775000 IDR
  approved-by: "C01"
  approved: 2026-02-14
"""
        in text
    )
    assert (
        'custom "plan-revision" "P0001"\n  revision: 1\n  approved-by: "C01"\n  approved: 2026-02-14\n'
        in text
    )
    # the original named by date, kind and digest only, never by the file name the user gave
    archived = r"documents/Assets/Institution/[0-9-]{10}\.plans\.[0-9a-f]{12}\.xlsx\.age"
    assert re.search(f'source: "{archived}:P0001:3"', text)
    assert "rab.xlsx" not in text
    loaded = books.load(paths)
    assert loaded.errors == []
    plans = build_facts(loaded.entries, datetime.date(2026, 12, 31)).plans
    assert plans["P0001"].total == 2_975_000 and plans["P0002"].revision == 1
    assert plans["P0001"].lines["2"].category_account == "BahanBaku"


def test_reimport_adds_nothing_and_a_changed_plan_is_revision_2(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    first = plan_file(tmp_path)
    do_import(paths, first)
    before = snapshot(paths.root)
    (again,) = do_import(paths, first)
    assert again.written == 0 and len(again.skipped) == 3
    assert "already in the books (revision 1)" in again.skipped[0][1]
    assert snapshot(paths.root) == before
    revised_rows = [PLAN_P0001[0], [*PLAN_P0001[1][:6], 200000, 2000000, "C01", datetime.date(2026, 3, 1)]]
    revised = xlsx(tmp_path / "rab-revisi.xlsx", {"RAB": (PLAN_HEADERS, revised_rows)})
    (report,) = do_import(paths, revised)
    assert report.error is None and report.written == 3
    plan = build_facts(books.load(paths).entries, datetime.date(2026, 12, 31)).plans["P0001"]
    assert sorted(plan.revisions) == [1, 2] and plan.lines["2"].amount == 2_000_000
    assert plan.approved_since["2"] == datetime.date(2026, 2, 14)
    assert "supersedes: 1" in paths.journal_file("plans", 2026).read_text(encoding="utf-8")
    (old,) = do_import(paths, first)  # the first version again: known, not a revision 3
    assert old.written == 0 and "revision 1" in old.skipped[0][1]


def test_english_headers_and_csv_are_accepted(paths: books.BooksPaths, tmp_path: Path) -> None:
    english = [
        "Participant Code",
        "No",
        "Description",
        "Category",
        "Quantity",
        "Unit",
        "Unit Price",
        "Amount",
        "Approved By",
        "Approved On",
    ]
    rows = [
        [
            "p0002",
            "1",
            "Display case",
            "Equipment",
            "1",
            "unit",
            "1.000.000",
            "1.000.000",
            "C02",
            "20/02/2026",
        ]
    ]
    (report,) = do_import(paths, write_csv(tmp_path / "plan.csv", english, rows))
    assert report.error is None and report.written == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["P0001", 1, "Kompor", "Peralatan", 2, "unit", 600000, 1000000, "C01", "2026-02-14"],
            "is not Volume x",
        ),
        (
            ["P0009", 1, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "C01", "2026-02-14"],
            "not registered",
        ),
        (
            ["P0001", 1, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "C01", "2026-01-01"],
            "before P0001 joined",
        ),
        (
            ["P0001", 1, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "C01", "2999-01-01"],
            "in the future",
        ),
        (["P0001", 1, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "", "2026-02-14"], "Disetujui Oleh"),
        (["P0001", 1, "Kompor", "", 1, "unit", 600000, 600000, "C01", "2026-02-14"], "Kategori"),
        (["P0001", 1, "Kompor", "Peralatan", 1, "unit", -5, -5, "C01", "2026-02-14"], "more than 0"),
        (["P0001", 1, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "C01", "kemarin"], "date"),
        (["P0001", 2, "Kompor", "Peralatan", 1, "unit", 600000, 600000, "C01", "2026-02-14"], "given twice"),
    ],
)
def test_a_bad_plan_row_names_file_sheet_and_row_and_writes_nothing(
    paths: books.BooksPaths, tmp_path: Path, row: list[object], message: str
) -> None:
    before = snapshot(paths.root)
    rows = [PLAN_P0001[0], PLAN_P0001[1], row]
    (report,) = do_import(paths, xlsx(tmp_path / "rab.xlsx", {"Daftar": (PLAN_HEADERS, rows)}))
    assert report.error is not None and message in report.error
    assert report.error.startswith(f"{tmp_path}/rab.xlsx:Daftar:4: ")
    assert snapshot(paths.root) == before


def receipts_rows(scan: str = "") -> list[list[object]]:
    day = datetime.date(2026, 2, 16)
    return [
        ["P0001", day, "NT-1", "Toko A", "Kompor", 1, "unit", 600000, 600000, 1, "", "tidak", scan],
        ["P0001", day, "NT-1", "Toko A", "Tepung", 5, "karung", 177500, 887500, 2, "", "tidak", ""],
        [
            "P0001",
            datetime.date(2026, 2, 20),
            "B-17",
            "Toko B",
            "Kompor",
            1,
            "unit",
            600000,
            600000,
            1,
            "",
            "ya",
            "",
        ],
        [
            "P0001",
            datetime.date(2026, 2, 21),
            "",
            "Toko C",
            "Gerobak",
            1,
            "unit",
            300000,
            300000,
            "",
            "Peralatan",
            "",
            "",
        ],
        [
            "P0001",
            datetime.date(2026, 2, 25),
            "B-17R",
            "Toko B",
            "Retur tepung",
            -1,
            "karung",
            177500,
            -177500,
            2,
            "",
            "",
            "",
        ],
        [
            "P0002",
            datetime.date(2026, 2, 26),
            "NT-1",
            "Toko A",
            "Etalase",
            1,
            "unit",
            600000,
            600000,
            1,
            "",
            "tidak",
            "",
        ],
    ]


def test_receipts_become_purchases_with_their_scans(
    paths: books.BooksPaths, tmp_path: Path, key: identity.x25519.Identity
) -> None:
    do_import(paths, plan_file(tmp_path))
    scan = tmp_path / "nota" / "P0001-01.jpg"
    scan.parent.mkdir()
    scan.write_bytes(b"\xff\xd8 a receipt \xff\xd9")
    sheet = xlsx(tmp_path / "nota.xlsx", {"Nota": (RECEIPT_HEADERS, receipts_rows("nota/P0001-01.jpg"))})
    (report,) = do_import(paths, sheet)
    assert report.error is None, report.error
    # 6 purchases, 1 document, opened: P0001 BahanBaku + Peralatan, P0002 Peralatan
    assert report.written == 10 and report.skipped == []
    loaded = books.load(paths)
    assert loaded.errors == []
    facts = build_facts(loaded.entries, datetime.date(2026, 12, 31))
    mine = [p for p in facts.purchases if p.participant == "P0001"]
    assert [(p.receipt, p.plan_line, p.category_account, p.amount) for p in mine] == [
        ("NT-1", "1", "Peralatan", 600000),
        ("NT-1", "2", "BahanBaku", 887500),
        ("B-17", "1", "Peralatan", 600000),
        ("-", None, "Peralatan", 300000),
        ("B-17R", "2", "BahanBaku", -177500),
    ]
    assert [p.meterai for p in mine] == [False, False, True, False, False]
    (document,) = facts.documents
    assert document.account == "Expenses:Aid:P0001:Goods:Peralatan"
    archived = Path(document.filename)
    assert archived.is_relative_to(paths.documents / "receipts" / "P0001") and archived.suffix == ".age"
    assert archived.read_bytes() != scan.read_bytes()  # a receipt may name the buyer: encrypted
    assert identity.decrypt(archived.read_bytes(), key, str(archived)) == scan.read_bytes()
    assert document.meta["receipt"] == "NT-1"
    before = snapshot(paths.root)
    (again,) = do_import(paths, sheet)
    assert again.written == 0 and len(again.skipped) == 7
    assert snapshot(paths.root) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({9: 7}, "No RAB: P0001's approved plan has no line 7 (lines: 1, 2)"),
        ({11: "mungkin"}, "Meterai must be ya or tidak"),
        ({12: "nota/hilang.jpg"}, "no such file beside the spreadsheet"),
        ({1: datetime.date(2026, 1, 2)}, "before P0001 joined"),
        ({8: 600001}, "is not Volume x Harga Satuan"),
        ({3: ""}, "Toko: empty"),
    ],
)
def test_a_bad_receipt_row_names_file_sheet_and_row_and_writes_nothing(
    paths: books.BooksPaths, tmp_path: Path, change: dict[int, object], message: str
) -> None:
    do_import(paths, plan_file(tmp_path))
    rows = receipts_rows()
    for index, value in change.items():
        rows[2][index] = value
    before = snapshot(paths.root)
    (report,) = do_import(paths, xlsx(tmp_path / "nota.xlsx", {"Nota": (RECEIPT_HEADERS, rows)}))
    assert report.error is not None and message in report.error
    assert report.error.startswith(f"{tmp_path}/nota.xlsx:Nota:4: ")
    assert snapshot(paths.root) == before


def run_cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_templates_prefill_codes_offer_choices_and_import_once_filled(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    out = tmp_path / "rab.xlsx"
    code, stdout, _ = run_cli("template", "plan", "--books", str(paths.root), "--out", str(out))
    assert code == 0, stdout
    book = load_workbook(out)
    assert book.sheetnames == ["P0001", "P0002", "Petunjuk", "Pilihan"]
    assert book["Pilihan"].sheet_state == "hidden"
    sheet = book["P0001"]
    assert [c.value for c in sheet[1]] == PLAN_HEADERS
    assert sheet["A2"].value == "P0001" and sheet["B2"].value is None
    formulas = {str(dv.sqref)[0]: dv for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert set(formulas) == {"A", "D", "F", "I"}  # code, category, unit, approved by
    assert formulas["A"].showErrorMessage and not formulas["D"].showErrorMessage
    choices = {value for row in book["Pilihan"].iter_rows(min_row=2, values_only=True) for value in row}
    assert {"Peralatan", "Bahan Baku", "C01", "C02", "P0001", "karung"} <= choices
    for column, value in zip("BCDEFGHIJ", PLAN_P0001[0][1:], strict=True):
        sheet[f"{column}2"] = value
    book.save(out)
    (report,) = do_import(paths, out)
    assert report.error is None and report.written == 2
    left_empty = [s for s in report.skipped if s[1] == "only the participant code is filled in"]
    assert len(left_empty) == 11 + 12  # prefilled rows left empty, each with its reason

    receipts = tmp_path / "nota.xlsx"
    assert (
        run_cli(
            "template",
            "receipts",
            "--participant",
            "p0002",
            "--list",
            "--lang",
            "en",
            "--out",
            str(receipts),
            "--books",
            str(paths.root),
        )[0]
        == 0
    )
    book = load_workbook(receipts)
    assert book.sheetnames == ["Receipts", "Petunjuk", "Pilihan"]
    headers = [c.value for c in book["Receipts"][1]]
    assert headers[:4] == ["Participant Code", "Date", "Receipt No", "Shop"]
    assert book["Receipts"]["A13"].value == "P0002" and book["Receipts"]["A14"].value is None
    assert run_cli("template", "nothing")[0] == 2


def test_reconcile_command_json_csv_table_and_exit_status(paths: books.BooksPaths, tmp_path: Path) -> None:
    books_dir = str(paths.root)
    code, stdout, _ = run_cli("reconcile", "--books", books_dir, "--as-of", "2026-02-13", "--format", "json")
    assert (code, json.loads(stdout)) == (0, [])
    do_import(paths, plan_file(tmp_path))
    do_import(paths, xlsx(tmp_path / "nota.xlsx", {"Nota": (RECEIPT_HEADERS, receipts_rows())}))
    code, stdout, _ = run_cli(
        "reconcile", "--books", books_dir, "--as-of", "2026-06-30", "--format", "json", "--lang", "en"
    )
    items = json.loads(stdout)
    assert code == 1  # errors: unreceipted cash, duplicate receipt
    assert {(i["kind"], i["participant"]) for i in items} == {
        ("unplanned-purchase", "P0001"),  # the Gerobak without No RAB
        ("unreceipted-withdrawal", "P0001"),  # 765.000 of 2.975.000 without receipts
        ("unreceipted-withdrawal", "P0002"),
        ("duplicate-receipt", "P0002"),  # Toko A's NT-1, used by P0001 first
    }
    duplicate = next(i for i in items if i["kind"] == "duplicate-receipt")
    assert set(duplicate) == {
        "kind",
        "severity",
        "participant",
        "companion",
        "date",
        "amount",
        "message",
        "locations",
    }
    assert (
        duplicate["companion"] == "C02"
        and duplicate["amount"] == "600000"
        and len(duplicate["locations"]) == 2
    )
    code, stdout, _ = run_cli(
        "reconcile", "--books", books_dir, "--as-of", "2026-06-30", "--format", "csv", "--companion", "C01"
    )
    rows = list(csv.DictReader(stdout.splitlines()))
    assert rows and {r["participant"] for r in rows} == {"P0001"}
    code, stdout, _ = run_cli(
        "reconcile", "--books", books_dir, "--as-of", "2026-06-30", "--participant", "P0001", "--lang", "en"
    )
    assert code == 1
    assert "Participants" in stdout and "Plan lines" in stdout and "Kompor gas dua tungku" in stdout
    assert "P0002" not in stdout
    assert run_cli("reconcile", "--books", books_dir, "--participant", "P0404")[0] == 2
    assert run_cli("reconcile", "--books", str(tmp_path / "none"))[0] == 2
    (paths.journal / "broken.beancount").write_text("2026-01-01 open Broken:Account IDR\n", encoding="utf-8")
    assert run_cli("reconcile", "--books", books_dir)[0] == 2


def test_aidledger_import_reads_plans_and_receipts_like_a_user(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    plan = plan_file(tmp_path)
    receipts = xlsx(tmp_path / "nota.xlsx", {"Nota": (RECEIPT_HEADERS, receipts_rows())})
    code, stdout, stderr = run_cli(
        "import", str(plan), str(receipts), "--books", str(paths.root), "--dry-run"
    )
    assert code == 0, stderr
    assert 'custom "plan-line" "P0001"' in stdout and "Expenses:Aid:P0002:Goods:Peralatan" in stdout
    assert not paths.journal_file("plans", 2026).exists()
    code, stdout, stderr = run_cli("import", str(plan), str(receipts), "--books", str(paths.root))
    assert code == 0, stderr
    assert "PlansImporter): read 3, wrote 5, skipped 0" in stdout
    assert "ReceiptsImporter): read 6, wrote 9, skipped 0" in stdout
    bad = xlsx(
        tmp_path / "salah.xlsx", {"Nota": (RECEIPT_HEADERS, [[*receipts_rows()[0][:9], 9, "", "", ""]])}
    )
    code, _, stderr = run_cli("import", str(bad), "--books", str(paths.root))
    assert code == 1 and f"{bad}:Nota:2: No RAB: P0001's approved plan has no line 9" in stderr
