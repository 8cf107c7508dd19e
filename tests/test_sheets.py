"""Spreadsheets as Indonesian institutions type them (issue 10) and as careless or hostile files
arrive (issue 14): real XLSX written with openpyxl, imported through the real pipeline."""

from __future__ import annotations

import datetime
import json
import os
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from importers.tables import find, read_sheets
from ledger import books, identity
from ledger.create import create_books
from tests.test_cli_foundation import HEADERS_ID, ROWS, run, snapshot, write_csv
from tests.test_plans_import import PEOPLE, PLAN_HEADERS, PLAN_P0001, RECEIPT_HEADERS, do_import, plan_file


@pytest.fixture
def paths(tmp_path: Path) -> books.BooksPaths:
    key = identity.create_key(tmp_path / "key")
    created = create_books(tmp_path / "books", recipient=identity.recipient_of(key))
    (created.journal / "people.beancount").write_text(PEOPLE, encoding="utf-8")
    return created


@pytest.fixture
def new_books(tmp_path: Path) -> tuple[Path, Path]:
    key = tmp_path / "secret" / "books.key"
    code, out = run("init", str(tmp_path / "books"), "--key", str(key))
    assert code == 0, out
    return tmp_path / "books", key


DAY = datetime.date(2026, 2, 16)


def workbook(path: Path, fill: dict[str, list[list[object]]]) -> tuple[Path, Workbook]:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in fill.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)
    return path, book


def receipt(amount: object = 600000, line: object = 1, category: str = "", scan: str = "") -> list[object]:
    return [
        "P0001",
        DAY,
        "NT-9",
        "Toko A",
        "Kompor",
        1,
        "unit",
        600000,
        amount,
        line,
        category,
        "tidak",
        scan,
    ]


# ----------------------------------------------------------------------------- 1. layout


def test_title_block_no_column_unit_suffix_total_and_signatures(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    do_import(paths, plan_file(tmp_path))
    headers = ["No.", *[h.upper() for h in RECEIPT_HEADERS]]
    headers[8] = "Harga Satuan (Rp)"
    headers[9] = "JUMLAH (Rp.)"
    rows = [
        ["DAFTAR NOTA BELANJA"],
        ["Pendamping: C01", None, None, "Periode: Februari 2026"],
        [],
        headers,
        [1, *receipt()],
        [],
        [2, *receipt(amount=600000)],
        ["JUMLAH", None, None, None, None, None, None, None, None, 1200000],
        [],
        [None, "Palembang, 28 Februari 2026"],
        [None, "Bendahara", None, None, "Pendamping"],
        [None, "Siti", None, None, "Ani"],
    ]
    sheet, _ = workbook(tmp_path / "nota.xlsx", {"Catatan": [["catatan bebas"]], "Nota": rows})
    (report,) = do_import(paths, sheet)
    assert report.error is None, report.error
    assert report.rows_read == 2
    reasons = " | ".join(reason for _, reason in report.skipped)
    assert "'Catatan'" in reasons and "below the total row" in reasons


def test_a_total_that_disagrees_refuses_the_sheet_naming_both(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    do_import(paths, plan_file(tmp_path))
    rows = [RECEIPT_HEADERS, receipt(), receipt(), ["TOTAL", *[None] * 7, 1250000]]
    sheet, _ = workbook(tmp_path / "nota.xlsx", {"Nota": rows})
    before = snapshot(paths.root)
    (report,) = do_import(paths, sheet)
    assert report.error is not None and f"{sheet}:Nota:4: Jumlah:" in report.error
    assert "1.250.000" in report.error and "1.200.000" in report.error
    assert snapshot(paths.root) == before


def test_data_below_the_total_is_refused_not_dropped(paths: books.BooksPaths, tmp_path: Path) -> None:
    do_import(paths, plan_file(tmp_path))
    rows = [RECEIPT_HEADERS, receipt(), ["Jumlah", *[None] * 7, 600000], receipt()]
    (report,) = do_import(paths, workbook(tmp_path / "nota.xlsx", {"Nota": rows})[0])
    assert report.error is not None and "Nota:4" in report.error and "below the total" in report.error


def test_merged_two_row_header_hidden_column_and_merged_nik(
    new_books: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = new_books
    book = Workbook()
    ws: Worksheet = book.active  # type: ignore[assignment]
    ws.title = "Peserta"
    ws.append(["DAFTAR PESERTA BANTUAN MODAL USAHA"])
    ws.append(["Kode", "Nama Lengkap", "NIK", None, "Alamat", "No HP", "Kelompok", "Angkatan", "Pendamping",
               "Sumber Dana", "Rekening", None, "Tgl Masuk", "Rahasia"])  # fmt: skip
    ws.append([None, None, None, None, None, None, None, None, None, None, "Bank", "Nomor", None, None])
    ws.merge_cells("C2:D2")  # NIK over two columns: typed in the second
    ws.merge_cells("K2:L2")  # "Rekening" above "Bank" and "Nomor"
    for column in "ABCDEFGHIJM":
        ws.merge_cells(f"{column}2:{column}3")
    ws.column_dimensions["N"].hidden = True
    ws.append(["P0001", "Rina", None, "1671012345678901", "Jl. Kenanga", "0812", "Tata Boga", "2026-A", "C01",
               "Kemensos", "BRI", "0123-01-000123-50-9", "15 Januari 2026", "tidak dibaca"])  # fmt: skip
    path = tmp_path / "peserta.xlsx"
    book.save(path)
    code, out = run("import", str(path), "--books", str(root))
    assert code == 0, out
    code, out = run("identity", "show", "P0001", "--books", str(root), "--key", str(new_books[1]))
    assert code == 0 and "1671012345678901" in out, out


def test_every_matching_sheet_is_read(paths: books.BooksPaths, tmp_path: Path) -> None:
    plan = workbook(
        tmp_path / "rab.xlsx",
        {"Sampul": [["RAB 2026"]], "P0001": [["RENCANA ANGGARAN BIAYA"], [], PLAN_HEADERS, *PLAN_P0001]},
    )[0]
    (report,) = do_import(paths, plan)
    assert report.error is None and report.rows_read == 2
    assert any("'Sampul'" in reason for _, reason in report.skipped)


def test_an_uncomputed_jumlah_is_computed_or_refused(paths: books.BooksPaths, tmp_path: Path) -> None:
    """openpyxl saves formulas without values, as a program that does not compute them does."""
    do_import(paths, plan_file(tmp_path))
    rows = [RECEIPT_HEADERS, receipt(amount="=F2*H2"), receipt(amount="=F3*H3")]
    rows[2][5] = rows[2][7] = None  # no Volume, no Harga Satuan: nothing to compute from
    rows[2][8] = "=SUM(Z1:Z9)"
    (report,) = do_import(paths, workbook(tmp_path / "nota.xlsx", {"Nota": rows})[0])
    assert report.error is not None and "Nota:3: Jumlah: uncomputed formula =SUM(Z1:Z9)" in report.error
    rows.pop()
    (report,) = do_import(paths, workbook(tmp_path / "nota2.xlsx", {"Nota": rows})[0])
    assert report.error is None and report.written >= 1
    purchase = next(e for e in report.entries if hasattr(e, "postings"))
    assert purchase.postings[0].units.number == 600000


# ----------------------------------------------------------------------------- 2. values


@pytest.mark.parametrize(
    ("amount", "date"),
    [
        ("Rp 600.000", "16/02/2026"),
        ("600.000,-", "16-02-26"),
        ("600,000", "16 Februari 2026"),
        ("600.000,00", "16 Feb 2026"),
        (600000, "2026-02-16"),
        ("Rp. 600.000", 46069),  # a date typed as a number: Excel's day serial
    ],
)
def test_amounts_and_dates_as_typed(
    paths: books.BooksPaths, tmp_path: Path, amount: object, date: object
) -> None:
    do_import(paths, plan_file(tmp_path))
    row = receipt(amount=amount)
    row[1] = date
    (report,) = do_import(paths, workbook(tmp_path / "nota.xlsx", {"Nota": [RECEIPT_HEADERS, row]})[0])
    assert report.error is None, report.error
    purchase = next(e for e in report.entries if hasattr(e, "postings"))
    assert purchase.date == DAY and purchase.postings[0].units.number == 600000


def test_an_ambiguous_date_is_an_error_unless_the_sheet_settles_it(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    do_import(paths, plan_file(tmp_path))
    first, second = receipt(), receipt()
    first[1], second[1] = "02/03/2026", "04/03/2026"
    (report,) = do_import(paths, workbook(tmp_path / "a.xlsx", {"Nota": [RECEIPT_HEADERS, first, second]})[0])
    assert report.error is not None and "Nota:2: Tanggal: ambiguous date '02/03/2026'" in report.error
    assert "Nota:3" in report.error
    second[1] = "16/02/2026"  # only day-first reads this one: the sheet is day-first
    (report,) = do_import(paths, workbook(tmp_path / "b.xlsx", {"Nota": [RECEIPT_HEADERS, first, second]})[0])
    assert report.error is None, report.error
    assert sorted(e.date for e in report.entries if hasattr(e, "postings")) == [
        DAY,
        datetime.date(2026, 3, 2),
    ]


# ----------------------------------------------------------------------------- 3. optional columns


def test_a_receipt_without_plan_line_or_category_is_an_unclassified_unplanned_purchase(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    headers = [h for h in RECEIPT_HEADERS if h not in ("No RAB", "Kategori")]
    row = [v for i, v in enumerate(receipt()) if i not in (9, 10)]
    (report,) = do_import(paths, workbook(tmp_path / "nota.xlsx", {"Nota": [headers, row]})[0])
    assert report.error is None, report.error
    purchase = next(e for e in report.entries if hasattr(e, "postings"))
    assert purchase.postings[0].account == "Expenses:Aid:P0001:Goods:TanpaKategori"
    _, out = run("reconcile", "--books", str(paths.root), "--as-of", "2026-06-30", "--format", "json")
    assert any(i["kind"] == "unplanned-purchase" and i["participant"] == "P0001" for i in json.loads(out))


def test_a_category_without_plan_line_keeps_its_label(paths: books.BooksPaths, tmp_path: Path) -> None:
    (report,) = do_import(
        paths,
        workbook(tmp_path / "nota.xlsx", {"Nota": [RECEIPT_HEADERS, receipt(line="", category="Lain-lain")]})[
            0
        ],
    )
    assert report.error is None, report.error
    purchase = next(e for e in report.entries if hasattr(e, "postings"))
    assert purchase.postings[0].account == "Expenses:Aid:P0001:Goods:LainLain"
    assert purchase.meta["category"] == "Lain-lain"  # the label as typed, for display


# ----------------------------------------------------------------------------- 4. errors


def test_every_bad_row_listed_at_once_in_indonesian_by_default(
    paths: books.BooksPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    do_import(paths, plan_file(tmp_path))
    rows = [RECEIPT_HEADERS, receipt(amount="enam ratus"), receipt(), receipt(line=9)]
    rows[2][1] = "31/02/2026"
    sheet = workbook(tmp_path / "nota.xlsx", {"Nota": rows})[0]
    monkeypatch.delenv("AIDLEDGER_LANG")
    before = snapshot(paths.root)
    code, out = run("import", str(sheet), "--books", str(paths.root))
    assert code == 1 and "3 kesalahan" in out
    assert f"{sheet}:Nota:2: Jumlah: jumlah uang 'enam ratus' tidak terbaca" in out
    assert f"{sheet}:Nota:3: Tanggal:" in out and f"{sheet}:Nota:4: No RAB:" in out
    code, out = run("import", str(sheet), "--books", str(paths.root), "--lang", "en")
    assert code == 1 and "unreadable amount 'enam ratus'" in out
    assert snapshot(paths.root) == before


def test_only_the_first_fifty_errors_are_listed(paths: books.BooksPaths, tmp_path: Path) -> None:
    rows = [RECEIPT_HEADERS, *[receipt(amount="x", line="", category="Alat") for _ in range(80)]]
    (report,) = do_import(paths, workbook(tmp_path / "nota.xlsx", {"Nota": rows})[0])
    assert report.error is not None and report.error.startswith("80 errors; the first 50:")
    assert "Nota:51:" in report.error and "Nota:52:" not in report.error and "and 30 more" in report.error


def test_a_large_register_with_one_bad_last_row_is_refused_quickly(
    new_books: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = new_books
    rows = []
    for n in range(100_000):
        row = list(ROWS[0])
        row[0], row[10] = f"P{n:06d}", f"{10**9 + n}"
        rows.append(row)
    rows[-1][11] = "31/02/2026"
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, rows)
    start = time.monotonic()
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 1 and f"{sheet}:100001: Tanggal Masuk:" in out
    assert time.monotonic() - start < 120  # generous: bench/bench_sheets.py measures it


# ----------------------------------------------------------------------------- 5. hostile


@pytest.mark.parametrize("scan", ["../rahasia.txt", "/etc/passwd", "link/rahasia.txt", "tautan.txt"])
def test_berkas_outside_the_sheets_folder_is_refused(
    paths: books.BooksPaths, tmp_path: Path, scan: str
) -> None:
    do_import(paths, plan_file(tmp_path))
    folder = tmp_path / "nota"
    folder.mkdir()
    (tmp_path / "rahasia.txt").write_text("rahasia")
    (folder / "link").symlink_to(tmp_path)
    (folder / "tautan.txt").symlink_to(tmp_path / "rahasia.txt")
    sheet = workbook(folder / "nota.xlsx", {"Nota": [RECEIPT_HEADERS, receipt(scan=scan)]})[0]
    before = snapshot(paths.root)
    (report,) = do_import(paths, sheet)
    assert report.error is not None and "Nota:2: Berkas:" in report.error and "outside" in report.error
    assert snapshot(paths.root) == before


def test_a_fifo_a_device_and_an_oversized_sheet_are_refused(
    paths: books.BooksPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipa.csv"
    os.mkfifo(fifo)
    zero = tmp_path / "nol.xlsx"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        (report,) = do_import(paths, path)
        assert report.error is not None and "not a regular file" in report.error
    big = write_csv(tmp_path / "besar.csv", RECEIPT_HEADERS, [receipt() for _ in range(50)])
    monkeypatch.setenv("AIDLEDGER_SHEET_MAX_BYTES", "1000")
    (report,) = do_import(paths, big)
    assert report.error is not None and "above the limit" in report.error


def test_a_three_million_row_sheet_is_refused_fast(paths: books.BooksPaths, tmp_path: Path) -> None:
    path = tmp_path / "besar.csv"
    with open(path, "w") as handle:
        handle.write(";".join(RECEIPT_HEADERS) + "\n")
        handle.write("P0001;x\n" * 3_000_000)
    start = time.monotonic()
    (report,) = do_import(paths, path)
    assert report.error is not None and "rows" in report.error and "limit" in report.error
    assert time.monotonic() - start < 30


def test_an_absurd_declared_range_is_read_by_its_real_extent(tmp_path: Path) -> None:
    import zipfile

    path, _ = workbook(tmp_path / "rab.xlsx", {"P0001": [PLAN_HEADERS, *PLAN_P0001]})
    patched = tmp_path / "luas.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b'<dimension ref="A1:J3"/>', b'<dimension ref="A1:XFD1048576"/>')
                assert b"XFD1048576" in data
            target.writestr(item, data)
    start = time.monotonic()
    (sheet,) = read_sheets(patched)
    assert len(sheet.rows) == 3 and time.monotonic() - start < 5


def test_a_password_protected_workbook_is_named_as_such(paths: books.BooksPaths, tmp_path: Path) -> None:
    """An encrypted OOXML file is an OLE compound file holding an EncryptedPackage stream."""
    path = tmp_path / "terkunci.xlsx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path.write_bytes(
        header + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")
    )
    (report,) = do_import(paths, path)
    assert report.error is not None and "password-protected" in report.error


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({11: "01/01/2030"}, "Tanggal Masuk: in the future (2030-01-01)"),
        ({13: "-25.000"}, "Saldo Minimum: must be a whole rupiah amount of 0 or more"),
        ({13: "25.000,50"}, "Saldo Minimum: must be a whole rupiah amount of 0 or more"),
    ],
)
def test_register_dates_and_minimum_balances_are_checked(
    new_books: tuple[Path, Path], tmp_path: Path, change: dict[int, str], message: str
) -> None:
    root, _ = new_books
    bad = list(ROWS[1])
    for index, value in change.items():
        bad[index] = value
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, [ROWS[0], bad])
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 1 and f"{sheet}:3: {message}" in out, out


def test_an_uncomputed_minimum_balance_is_refused(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    root, _ = new_books
    row = list(ROWS[0])
    row[13] = "=10000*2"
    path, _ = workbook(tmp_path / "peserta.xlsx", {"Peserta": [HEADERS_ID, row]})
    code, out = run("import", str(path), "--books", str(root))
    assert code == 1 and "Peserta:2: Saldo Minimum: uncomputed formula =10000*2" in out, out


def test_an_account_number_of_another_participant_is_refused_naming_both(
    new_books: tuple[Path, Path], tmp_path: Path
) -> None:
    root, _ = new_books
    twice = list(ROWS[1])
    twice[10] = ROWS[0][10]
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, [ROWS[0], twice])
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 1 and "KHR-24-007" in out and "P0001" in out and f"{sheet}:3: No Rekening:" in out
    code, out = run(
        "import", str(write_csv(tmp_path / "satu.csv", HEADERS_ID, [ROWS[0]])), "--books", str(root)
    )
    assert code == 0, out
    later = list(ROWS[1])
    later[10] = ROWS[0][10].replace("-", "")
    code, out = run("import", str(write_csv(tmp_path / "dua.csv", HEADERS_ID, [later])), "--books", str(root))
    assert code == 1 and "already registered to P0001" in out and "KHR-24-007" in out, out


def test_find_lists_tables_and_skipped_sheets(tmp_path: Path) -> None:
    from importers import plans

    path, _ = workbook(tmp_path / "rab.xlsx", {"Sampul": [["RAB"]], "P0001": [PLAN_HEADERS, *PLAN_P0001]})
    found = find(path, plans.SPEC)
    assert [t.sheet for t in found.tables] == ["P0001"] and len(found.skipped) == 1


def test_a_visit_photo_outside_the_sheets_folder_is_refused(paths: books.BooksPaths, tmp_path: Path) -> None:
    folder = tmp_path / "kunjungan"
    folder.mkdir()
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    rows = [
        ["Kode Peserta", "Tanggal Kunjungan", "Status Usaha", "Berkas"],
        ["P0001", DAY, "berjalan", "../foto.jpg"],
    ]
    (report,) = do_import(paths, workbook(folder / "kunjungan.xlsx", {"Kunjungan": rows})[0])
    assert report.error is not None and "Kunjungan:2: Berkas:" in report.error and "outside" in report.error
