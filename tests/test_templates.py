"""`aidledger template KIND` as a companion gets it: filled in with openpyxl (which saves formulas
without a computed value, as any program that does not calculate them does) and imported
without edits; the Petunjuk sheet, formats, drop-downs and refusals she would notice."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from beancount.core import data
from click.testing import CliRunner
from openpyxl import load_workbook

from importers import disbursements, participants, plans, receipts, visit_columns
from importers.bank import passbook
from importers.tables import find_tables
from importers.template_context import PlanLineChoice, TemplateContext
from importers.templates import write_template
from ledger import books
from scripts.cli import main

D = datetime.date
KINDS = ("participants", "disbursements", "plan", "receipts", "passbook", "progress")
ACCOUNTS = {"P0001": "123401000123501", "P0002": "0987650000000042"}
PROGRESS_HEADERS = [
    "Kode Peserta",
    "Tanggal Kunjungan",
    "Status Usaha",
    "Omzet Sebulan",
    "Laba Sebulan",
    "Aset Usaha",
    "Tenaga Kerja",
    "Catatan",
    "Pendamping",
    "Berkas",
]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def headers_of(ws: Any, row: int = 1) -> list[Any]:
    return [cell.value for cell in ws[row]]


def column_of(ws: Any, header: str, row: int = 1) -> str:
    for cell in ws[row]:
        if cell.value == header:
            return str(cell.column_letter)
    raise AssertionError(f"no column {header!r} in {headers_of(ws, row)}")


def fill(ws: Any, rows: list[dict[str, Any]], header_row: int = 1, first: int | None = None) -> None:
    """Type values under their headers, from row `first` (default: just below the header)."""
    start = first or header_row + 1
    for offset, values in enumerate(rows):
        for header, value in values.items():
            ws[f"{column_of(ws, header, header_row)}{start + offset}"] = value


def validations(ws: Any) -> dict[str, Any]:
    """Column letter -> its data validation (one per column in these templates)."""
    found: dict[str, Any] = {}
    for check in ws.data_validations.dataValidation:
        for area in str(check.sqref).split():
            found.setdefault("".join(ch for ch in area.split(":")[0] if ch.isalpha()), check)
    return found


def choices(book: Any, formula: str) -> list[Any]:
    """The values of a list validation's range on the hidden Pilihan sheet."""
    reference = formula.lstrip("=")
    sheet, cells = reference.split("!")
    return [cell.value for (cell,) in book[sheet][cells.replace("$", "")]]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Books with two participants registered through the participants template itself."""
    books_dir = tmp_path / "books"
    code, out = run("init", str(books_dir), "--key", str(tmp_path / "secret" / "books.key"))
    assert code == 0, out
    target = tmp_path / "peserta.xlsx"
    code, out = run("template", "participants", "--out", str(target))
    assert code == 0, out
    book = load_workbook(target)
    ws = book.active
    fill(
        ws,
        [
            {
                "Kode Peserta": code,
                "Nama": name,
                "NIK": nik,
                "Kelompok": "Tata Boga",
                "Angkatan": "2026-A",
                "Pendamping": companion,
                "Sumber Dana": "Kemensos",
                "Bank": "BRI",
                "No Rekening": ACCOUNTS[code],
                "Tanggal Masuk": D(2026, 1, 5),
                "Produk": "Simpedes",
                "Saldo Minimum": 25000,
            }
            for code, name, nik, companion in (
                ("P0001", "Rina Kusuma", "1234567890123456", "C01"),
                ("P0002", "Dewi Lestari", "1234567890123457", "Bu Ratna"),
            )
        ],
    )
    book.save(target)
    code, out = run("import", str(target), "--books", str(books_dir))
    assert code == 0, out
    assert set(books.load(books.resolve(books_dir)).program.participants) == {"P0001", "P0002"}
    return books_dir


def imported(root: Path, path: Path) -> str:
    code, out = run("import", str(path), "--books", str(root))
    assert code == 0, out
    return out


def transactions(root: Path) -> list[data.Transaction]:
    loaded = books.load(books.resolve(root))
    assert loaded.errors == [], [e.message for e in loaded.errors[:5]]
    return [e for e in loaded.entries if isinstance(e, data.Transaction)]


def make(root: Path | None, kind: str, out: Path, *options: str) -> Any:
    args = ["template", kind, "--out", str(out), *options]
    if root is not None:
        args += ["--books", str(root)]
    code, text = run(*args)
    assert code == 0, text
    return load_workbook(out)


def test_disbursement_list_round_trip(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "nominatif.xlsx"
    book = make(root, "disbursements", out, "--participant", "P0001", "--participant", "p0002")
    ws = book["Daftar Nominatif"]
    assert [ws["A2"].value, ws["B2"].value, ws["A3"].value] == ["P0001", "Kemensos", "P0002"]
    fill(
        ws,
        [
            {"Komponen": "modal usaha", "Jumlah": 3000000, "Tanggal": D(2026, 2, 10), "Batch": "B1"},
            {"Komponen": "modal usaha", "Jumlah": 2500000, "Tanggal": D(2026, 2, 10), "Batch": "B1"},
        ],
    )
    book.save(out)
    imported(root, out)
    amounts = sorted(
        posting.units.number
        for entry in transactions(root)
        for posting in entry.postings
        if posting.account.endswith(":Transit") and posting.units is not None
    )
    assert amounts == [Decimal(2500000), Decimal(3000000)]


def test_plan_and_receipts_round_trip_with_formulas_left_uncomputed(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "rab.xlsx"
    book = make(root, "plan", out)
    assert book.sheetnames == ["P0001", "P0002", "Petunjuk", "Pilihan"]
    ws = book["P0001"]
    amount = column_of(ws, "Jumlah")
    assert ws[f"{amount}2"].value == '=IF(OR(E2="",G2=""),"",E2*G2)'
    line = {"Disetujui Oleh": "C01", "Tanggal Disetujui": D(2026, 2, 14)}
    fill(
        ws,
        [
            {"No": "1", "Uraian": "Kompor gas", "Kategori": "Peralatan", "Volume": 2, "Satuan": "unit",
             "Harga Satuan": 600000, **line},
            {"No": "2", "Uraian": "Tepung terigu", "Kategori": "Bahan Baku", "Volume": 10,
             "Satuan": "karung", "Harga Satuan": 177500, **line},
        ],
    )  # fmt: skip
    book.save(out)
    assert load_workbook(out, data_only=True)["P0001"][f"{amount}2"].value is None  # no cached value
    text = imported(root, out)
    # the prefilled rows left unused are skipped with their reason; the rows below them, holding
    # only the Jumlah formula, are blank: not read, not reported
    rows = re.findall(r"rab\.xlsx:(P000\d):(\d+): (.*)", text)
    assert sorted((code, int(row)) for code, row, _ in rows) == [
        *(("P0001", row) for row in range(4, 14)),
        *(("P0002", row) for row in range(2, 14)),
    ]
    assert {reason for _, _, reason in rows} == {"only the participant code is filled in"}
    plan_text = (root / "journal" / "plans-2026.beancount").read_text(encoding="utf-8")
    assert "amount: 1200000 IDR" in plan_text and "amount: 1775000 IDR" in plan_text

    out = tmp_path / "nota.xlsx"
    book = make(root, "receipts", out, "--participant", "P0001")
    assert book.sheetnames == ["P0001", "Petunjuk", "Pilihan"]
    ws = book["P0001"]
    checks = validations(ws)
    plan_line = column_of(ws, "No RAB")
    assert checks[plan_line].showErrorMessage and choices(book, checks[plan_line].formula1) == ["1", "2"]
    guide = [row for row in book["Petunjuk"].iter_rows(values_only=True)]
    assert ("P0001", "2", "Tepung terigu", "Bahan Baku", "1.775.000") in guide
    fill(
        ws,
        [
            {"Tanggal": D(2026, 2, 20), "No Nota": "NT-1", "Toko": "Toko Makmur", "Uraian": "Kompor gas",
             "Volume": 2, "Satuan": "unit", "Harga Satuan": 600000, "No RAB": "1", "Meterai": "tidak"},
            {"Tanggal": D(2026, 2, 21), "No Nota": "NT-2", "Toko": "Toko Makmur", "Uraian": "Tepung",
             "Volume": 10, "Satuan": "karung", "Harga Satuan": 177500, "No RAB": "2", "Meterai": "ya"},
        ],
    )  # fmt: skip
    book.save(out)
    text = imported(root, out)
    assert "wrote 4" in text  # two goods accounts opened, two purchases
    assert [
        int(row) for row in re.findall(r"nota\.xlsx:P0001:(\d+): only the participant code", text)
    ] == list(range(4, 14))
    assert not re.search(r"nota\.xlsx:P0001:(1[4-9]|[2-9]\d)\b", text)
    bought = {
        posting.account: posting.units.number
        for entry in transactions(root)
        for posting in entry.postings
        if posting.account.startswith("Expenses:Aid:P0001:Goods") and posting.units is not None
    }
    assert bought == {
        "Expenses:Aid:P0001:Goods:Peralatan": Decimal(1200000),
        "Expenses:Aid:P0001:Goods:BahanBaku": Decimal(1775000),
    }


def test_a_plan_template_starts_from_her_plan_in_force(root: Path, tmp_path: Path) -> None:
    """A plan sheet is her whole plan: the template holds it, so adding a line is adding a row."""
    first = make(root, "plan", tmp_path / "rab1.xlsx", "--participant", "P0001")
    line = {
        "Kategori": "Peralatan",
        "Satuan": "unit",
        "Disetujui Oleh": "C01",
        "Tanggal Disetujui": D(2026, 2, 14),
    }
    fill(first["P0001"], [{"No": "1", "Uraian": "Kompor", "Volume": 1.5, "Harga Satuan": 600000, **line}])
    first.save(tmp_path / "rab1.xlsx")
    imported(root, tmp_path / "rab1.xlsx")

    out = tmp_path / "rab2.xlsx"
    ws = make(root, "plan", out, "--participant", "P0001")["P0001"]
    assert [c.value for c in ws[2]][:7] == ["P0001", "1", "Kompor", "Peralatan", 1.5, "unit", 600000]
    assert [ws["A3"].value, ws["B3"].value, ws["A7"].value, ws["A8"].value] == ["P0001", None, "P0001", None]
    missing = {str(area.sqref): area.rules[0].formula for area in ws.conditional_formatting}
    assert missing["C2:C41"] == ["AND(SUMPRODUCT(LEN($A2:$J2))-LEN($A2)>0,LEN(C2)=0)"]
    text = imported(root, out)  # unchanged: nothing new
    assert "already in the books" in text and "wrote 0" in text

    book = load_workbook(out)
    fill(
        book["P0001"], [{"No": "2", "Uraian": "Wajan", "Volume": 2, "Harga Satuan": 150000, **line}], first=3
    )
    book.save(out)
    imported(root, out)
    plan_text = (root / "journal" / "plans-2026.beancount").read_text(encoding="utf-8")
    assert plan_text.count('custom "plan-revision" "P0001"') == 2
    assert (
        "revision: 2" in plan_text and "amount: 900000 IDR" in plan_text and "amount: 300000 IDR" in plan_text
    )


def test_receipts_in_one_list_offer_each_participant_her_own_lines(root: Path, tmp_path: Path) -> None:
    plan = make(root, "plan", tmp_path / "rab.xlsx", "--participant", "P0002")
    fill(
        plan["P0002"],
        [{"No": "A1", "Uraian": "Etalase", "Kategori": "Peralatan", "Volume": 1, "Harga Satuan": 900000,
          "Disetujui Oleh": "Bu Ratna", "Tanggal Disetujui": D(2026, 2, 1)}],
    )  # fmt: skip
    plan.save(tmp_path / "rab.xlsx")
    imported(root, tmp_path / "rab.xlsx")
    book = make(root, "receipts", tmp_path / "nota.xlsx", "--list")
    ws = book["Nota"]
    check = validations(ws)[column_of(ws, "No RAB")]
    assert check.formula1 == 'INDIRECT("RAB_"&SUBSTITUTE($A2,"-","_"))' and check.showErrorMessage
    assert "RAB_P0002" in book.defined_names and "RAB_P0001" not in book.defined_names
    assert choices(book, book.defined_names["RAB_P0002"].attr_text) == ["A1"]


def test_passbook_round_trip(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "buku.xlsx"
    book = make(root, "passbook", out, "--participant", "P0001")
    ws = book["Buku Tabungan"]
    assert [ws["A1"].value, ws["B1"].value, ws["A2"].value, ws["B2"].value] == [
        "Bank",
        "BRI",
        "Produk",
        "Simpedes",
    ]
    assert ws["A3"].value == "No Rekening" and ws["B3"].number_format == "@"
    assert headers_of(ws, 5) == [
        "No", "Tanggal", "Sandi", "Keterangan", "Mutasi Debet", "Mutasi Kredit", "Saldo", "Pengesahan"
    ]  # fmt: skip
    assert passbook.SPEC.match(headers_of(ws, 5)) is not None
    ws["B3"] = ACCOUNTS["P0001"]
    fill(
        ws,
        [
            {"No": 1, "Tanggal": D(2026, 2, 12), "Sandi": "TRF", "Keterangan": "TRF BANTUAN KEMENSOS",
             "Mutasi Kredit": 3000000, "Saldo": 3000000},
            {"No": 2, "Tanggal": D(2026, 2, 15), "Sandi": "TARIK", "Keterangan": "PENARIKAN TUNAI",
             "Mutasi Debet": 2975000, "Saldo": 25000},
        ],
        header_row=5,
    )  # fmt: skip
    book.save(out)
    imported(root, out)
    savings = [
        posting.units.number
        for entry in transactions(root)
        for posting in entry.postings
        if posting.account == "Assets:Aid:P0001:Savings" and posting.units is not None
    ]
    assert sorted(savings) == [Decimal(-2975000), Decimal(3000000)]


def test_progress_template_by_companion_code_or_name(root: Path, tmp_path: Path) -> None:
    book = make(root, "progress", tmp_path / "a.xlsx", "--companion", "c01")
    ws = book["Kunjungan"]
    assert headers_of(ws) == PROGRESS_HEADERS == list(visit_columns.HEADERS)
    assert [(ws["A2"].value, ws["I2"].value), ws["A3"].value] == [("P0001", "C01"), None]
    status = validations(ws)[column_of(ws, "Status Usaha")]
    assert status.showErrorMessage and choices(book, status.formula1) == [
        "berjalan", "berkembang", "berhenti sementara", "berhenti"
    ]  # fmt: skip
    code = validations(ws)["A"]
    assert code.showErrorMessage and choices(book, code.formula1) == ["P0001"]  # hers only
    missing = {str(area.sqref): [r.formula for r in area.rules] for area in ws.conditional_formatting}
    assert set(missing) == {"A2:A201", "B2:B201", "C2:C201"}  # required: red when left empty on a begun row
    assert missing["C2:C201"] == [["AND(SUMPRODUCT(LEN($A2:$J2))-LEN($A2)-LEN($I2)>0,LEN(C2)=0)"]]
    guide = {row[0]: row for row in book["Petunjuk"].iter_rows(values_only=True)}
    assert guide["Status Usaha"][1:3] == ("ya", "pilih dari daftar")
    assert guide["Omzet Sebulan"][2] == "rupiah (angka)" and guide["Tenaga Kerja"][2] == "bilangan bulat"
    book = make(root, "progress", tmp_path / "b.xlsx", "--companion", "  bu  RATNA ")
    assert book["Kunjungan"]["A2"].value == "P0002" and book["Kunjungan"]["I2"].value == "Bu Ratna"


def test_progress_round_trip(root: Path, tmp_path: Path) -> None:
    """Read back by the visit columns and imported by the visit importer."""
    out = tmp_path / "kunjungan.xlsx"
    book = make(root, "progress", out)
    ws = book["Kunjungan"]
    assert [ws["A2"].value, ws["A3"].value] == ["P0001", "P0002"]
    fill(
        ws,
        [
            {"Tanggal Kunjungan": D(2026, 3, 15), "Status Usaha": "berjalan", "Omzet Sebulan": 2500000,
             "Laba Sebulan": 750000, "Tenaga Kerja": 1},
            {"Tanggal Kunjungan": D(2026, 3, 16), "Status Usaha": "berhenti sementara",
             "Omzet Sebulan": 0, "Laba Sebulan": 0, "Catatan": "pindah rumah"},
        ],
    )  # fmt: skip
    book.save(out)
    (table,) = find_tables(out, visit_columns.SPEC)
    read = [(r.text("code"), visit_columns.status_of(r.text("status")), r.values["date"]) for r in table.rows]
    assert read[:2] == [
        ("P0001", "berjalan", datetime.datetime(2026, 3, 15)),
        ("P0002", "berhenti sementara", datetime.datetime(2026, 3, 16)),
    ]
    assert all(row.text("date") == "" for row in table.rows[2:])  # formats only below
    imported(root, out)
    visits = [
        (entry.date, entry.values[0].value, entry.values[1].value)
        for entry in books.load(books.resolve(root)).entries
        if isinstance(entry, data.Custom) and entry.type == "visit"
    ]
    assert sorted(visits) == [
        (D(2026, 3, 15), "P0001", "berjalan"),
        (D(2026, 3, 16), "P0002", "berhenti sementara"),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_has_a_petunjuk_the_importer_headers_and_formats(kind: str, tmp_path: Path) -> None:
    book = make(None, kind, tmp_path / f"{kind}.xlsx")
    assert "Petunjuk" in book.sheetnames and book["Pilihan"].sheet_state == "hidden"
    ws = book.worksheets[0]
    assert book.active.title == ws.title
    top = 5 if kind == "passbook" else 1
    headers = headers_of(ws, top)
    spec = {
        "participants": participants.SPEC,
        "disbursements": disbursements.TEMPLATE_SPEC,
        "plan": plans.SPEC,
        "receipts": receipts.SPEC,
        "passbook": passbook.SPEC,
        "progress": visit_columns.SPEC,
    }[kind]
    mapping = spec.match(headers)
    assert mapping is not None and len(mapping) == len(headers)  # every header is one it reads
    guide = list(book["Petunjuk"].iter_rows(values_only=True))
    listed = [row[0] for row in guide]
    assert set(headers) <= set(listed)  # every column explained
    assert guide[0][0].startswith("Petunjuk: ") and any(
        str(row[0]).startswith("Apa yang terjadi") for row in guide
    )
    for header in headers:  # the example: one value per required column
        row = guide[listed.index(header)]
        if row[1] == "ya":
            assert row[4] not in (None, ""), header
    formats = {headers[i]: ws.cell(top + 1, i + 1).number_format for i in range(len(headers))}
    for header, number_format in formats.items():
        if header.startswith("Tanggal"):
            assert number_format == "dd/mm/yyyy", header
        if header in ("Jumlah", "Harga Satuan", "Saldo", "Omzet Sebulan", "Saldo Minimum"):
            assert number_format.startswith('"Rp" #,##0'), header
        if header in ("NIK", "No Rekening", "Kode Peserta", "Telepon"):
            assert number_format == "@", header
    assert [table.sheet for table in find_tables(tmp_path / f"{kind}.xlsx", spec)] == [ws.title]
    english = make(None, kind, tmp_path / f"{kind}-en.xlsx", "--lang", "en").worksheets[0]
    headers = headers_of(english, top)
    assert headers != headers_of(ws, top) and len(spec.match(headers) or {}) == len(headers)


def test_the_register_warns_of_a_code_typed_twice_and_a_short_nik(tmp_path: Path) -> None:
    book = make(None, "participants", tmp_path / "peserta.xlsx")
    checks = {
        check.type: check for check in book["Peserta"].data_validations.dataValidation if check.type != "list"
    }
    assert (
        checks["custom"].formula1 == "COUNTIF($A$2:$A$201,A2)=1" and str(checks["custom"].sqref) == "A2:A201"
    )
    assert checks["textLength"].formula1 == "16" and str(checks["textLength"].sqref) == "C2:C201"
    assert {checks[kind].errorStyle for kind in ("custom", "textLength", "date")} == {"warning"}


def test_no_rab_names_work_for_hyphenated_codes(tmp_path: Path) -> None:
    context = TemplateContext(
        participants=("KHR-24-007", "P0001"),
        registered=("KHR-24-007", "P0001"),
        checked=True,
        one_list=True,
        plan_lines={"KHR-24-007": (PlanLineChoice("1", "Etalase", "Peralatan", "900.000"),)},
    )
    book = load_workbook(write_template("receipts", tmp_path / "nota.xlsx", "id", context))
    assert list(book.defined_names) == ["RAB_KHR_24_007"]
    assert choices(book, book.defined_names["RAB_KHR_24_007"].attr_text) == ["1"]
    assert book["Nota"]["A2"].value == "KHR-24-007" and book["Nota"]["A14"].value == "P0001"


def test_petunjuk_in_english_and_english_headers_the_importer_reads(tmp_path: Path) -> None:
    book = make(None, "receipts", tmp_path / "r.xlsx", "--lang", "en")
    assert book.sheetnames == ["Receipts", "Petunjuk", "Pilihan"]
    guide = list(book["Petunjuk"].iter_rows(values_only=True))
    assert guide[0][0] == "Petunjuk: Participant's receipts"
    assert guide[3] == ("Column", "Required", "What to type", "Meaning", "Example")
    assert receipts.SPEC.match(headers_of(book["Receipts"])) is not None
    book = make(None, "passbook", tmp_path / "p.xlsx", "--lang", "en")
    ws = book["Passbook"]
    assert ws["A3"].value == "Account Number" and passbook.SPEC.match(headers_of(ws, 5)) is not None


def test_csv_templates_hold_the_headers_and_prefilled_rows(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "kunjungan.csv"
    code, text = run("template", "progress", "--books", str(root), "--companion", "C01", "--out", str(out))
    assert code == 0, text
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(PROGRESS_HEADERS), "P0001,,,,,,,,C01,"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--participant", "P0001", "--participant", "P0099"], "P0099"),
        (["--participant", "nobody!"], "nobody!"),
        (["--companion", "C09"], "C09"),
    ],
)
def test_a_template_for_someone_not_registered_is_refused(
    root: Path, tmp_path: Path, options: list[str], message: str
) -> None:
    out = tmp_path / "t.xlsx"
    for kind in ("receipts", "progress"):
        code, text = run("template", kind, "--books", str(root), "--out", str(out), *options)
        assert code == 1 and message in text and "tidak terdaftar" in text, text
        assert not out.exists()
    code, text = run(
        "template", "receipts", "--books", str(root), "--out", str(out), "--lang", "en", *options
    )
    assert code == 1 and "not registered" in text


def test_one_passbook_per_file_and_unknown_kinds(root: Path, tmp_path: Path) -> None:
    code, text = run(
        "template", "passbook", "--books", str(root), "--participant", "P0001", "--participant", "P0002"
    )
    assert code == 1 and "--participant" in text
    assert run("template", "nonsense")[0] == 2
    code, text = run("template", "kunjungan", "--out", str(tmp_path / "k.xlsx"))
    assert code == 0 and load_workbook(tmp_path / "k.xlsx").sheetnames[0] == "Kunjungan"
