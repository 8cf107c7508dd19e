"""The companion's visit sheet: booked as visits, re-import adds nothing, bad rows refused at once;
milestones and the two progress findings on hand-written books."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from beancount.core import data

from importers.progress import SPEC
from ledger import books, identity
from ledger.create import create_books
from ledger.reconcile import Settings, reconcile
from ledger.visits import read_visits
from tests.test_plans_import import do_import, snapshot, write_csv, xlsx

D = datetime.date
PEOPLE = """
2026-01-01 custom "funder" "Kemensos"
2026-01-01 custom "companion" "C01"
  label: "Bu Rina"
2026-01-01 custom "companion" "C02"
2026-01-01 custom "cohort" "2026-A"
2026-01-01 open Income:Grant:Kemensos IDR
"""
for _code, _companion in (("P0001", "C01"), ("P0002", "C02"), ("P0003", "C01")):
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
2026-01-31 * "Kemensos" "Bantuan modal usaha"
  batch: "B1"
  component: "modal usaha"
  Assets:Aid:{_code}:Transit  3000000 IDR
  Income:Grant:Kemensos
"""
HEADERS = [
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
ROWS: list[list[object]] = [
    ["P0001", D(2026, 3, 2), "berjalan", 1500000, 400000, 3000000, 1, "Pelanggan bertambah", "C01", None],
    ["P0001", D(2026, 4, 28), "Berkembang", 2500000, 700000, 3500000, 2, "", "Bu Rina", "foto.jpg"],
    ["P0002", D(2026, 3, 5), "running", 900000, 100000, None, None, None, None, None],
    ["P0002", D(2026, 5, 1), "closed", 0, -50000, None, 0, "Pindah kota", "C02", None],
]


@pytest.fixture
def paths(tmp_path: Path) -> books.BooksPaths:
    key = identity.create_key(tmp_path / "key")
    created = create_books(tmp_path / "books", recipient=identity.recipient_of(key))
    (created.journal / "people.beancount").write_text(PEOPLE, encoding="utf-8")
    assert books.load(created).errors == []
    return created


def sheet(tmp_path: Path, rows: list[list[object]] = ROWS) -> Path:
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8not really a jpeg")
    return xlsx(tmp_path / "kunjungan.xlsx", {"Kunjungan": (HEADERS, rows)})


def test_visits_are_booked_as_dated_directives_with_their_figures(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    (report,) = do_import(paths, sheet(tmp_path))
    assert report.error is None, report.error
    assert report.importer and report.written == 5  # four visits and one photo
    text = paths.journal_file("progress", 2026).read_text(encoding="utf-8")
    assert '2026-03-02 custom "visit" "P0001" "berjalan"\n  omzet: 1500000 IDR\n  laba: 400000 IDR\n' in text
    assert 'custom "visit" "P0002" "berhenti"' in text and "laba: -50000 IDR" in text
    assert 'companion: "C01"' in text and 'import-key: "visit:P0001:2026-04-28"' in text
    loaded = books.load(paths)
    assert loaded.errors == []
    visits = read_visits(loaded.entries)
    assert [(v.participant, v.date, v.status) for v in visits] == [
        ("P0001", D(2026, 3, 2), "berjalan"),
        ("P0001", D(2026, 4, 28), "berkembang"),
        ("P0002", D(2026, 3, 5), "berjalan"),
        ("P0002", D(2026, 5, 1), "berhenti"),
    ]
    assert visits[1].companion == "C01" and visits[2].companion == "C02" and visits[3].workers == 0
    # the photo is archived encrypted and attached to her savings book
    (doc,) = [e for e in loaded.entries if isinstance(e, data.Document)]
    assert doc.account == "Assets:Aid:P0001:Savings" and doc.filename.endswith(".jpg.age")
    assert "/documents/visits/P0001/2026-04-28." in doc.filename and "foto" not in doc.filename
    assert Path(doc.filename).is_file() and b"not really" not in Path(doc.filename).read_bytes()
    assert doc.filename.endswith(visits[1].photo) and visits[1].photo.startswith("documents/visits/P0001/")


def test_reimport_adds_nothing(paths: books.BooksPaths, tmp_path: Path) -> None:
    path = sheet(tmp_path)
    do_import(paths, path)
    before = snapshot(paths.root)
    (again,) = do_import(paths, path)
    assert again.error is None and again.written == 0 and len(again.skipped) == 5
    assert paths.journal_file("progress", 2026).read_bytes() == before["journal/progress-2026.beancount"]


def test_csv_with_english_statuses(paths: books.BooksPaths, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["P0003", "15/03/2026", "paused", "Rp 1.200.000", "0", "", "2 orang", "", "", ""]
    ]
    (report,) = do_import(paths, write_csv(tmp_path / "visits.csv", HEADERS, rows))
    assert report.error is None, report.error
    (visit,) = read_visits(books.load(paths).entries)
    assert visit.status == "berhenti sementara" and visit.omzet == 1_200_000 and visit.companion == "C01"
    assert visit.workers == 2


def test_every_bad_row_is_listed_and_nothing_written(paths: books.BooksPaths, tmp_path: Path) -> None:
    future = datetime.date.today() + datetime.timedelta(days=3)
    bad: list[list[object]] = [
        ["P0009", D(2026, 3, 2), "berjalan", 1, 1, None, None, None, None, None],
        ["P0001", future, "berjalan", 1, 1, None, None, None, None, None],
        ["P0001", D(2026, 3, 3), "lumayan", 1, 1, None, None, None, None, None],
        ["P0001", D(2026, 3, 4), "berjalan", -5, 1, None, None, None, None, None],
        ["P0001", D(2026, 3, 5), "berjalan", "banyak", 1, None, None, None, None, None],
        ["P0001", D(2026, 3, 6), "berjalan", 1, 1, None, 1.5, None, None, None],
        ["P0001", D(2026, 3, 7), "berjalan", 1, 1, None, None, None, "C99", None],
        ["P0001", D(2026, 3, 8), "berjalan", 1, 1, None, None, None, None, "missing.jpg"],
        ["P0001", D(2025, 12, 1), "berjalan", 1, 1, None, None, None, None, None],
        ["P0002", D(2026, 3, 9), "berjalan", 1, 1, None, None, None, None, None],
        ["P0002", D(2026, 3, 9), "berkembang", 1, 1, None, None, None, None, None],
    ]
    before = snapshot(paths.root)
    (report,) = do_import(paths, sheet(tmp_path, bad))
    assert report.error is not None and report.written == 0
    assert snapshot(paths.root) == before
    message = report.error
    assert "10 errors" in message
    for row, reason in (
        (2, "P0009 is not registered"),
        (3, "in the future"),
        (4, "'lumayan' is not one of berjalan"),
        (5, "Omzet Sebulan must not be negative"),
        (6, "Omzet Sebulan"),
        (7, "Tenaga Kerja"),
        (8, "'C99' is not a companion"),
        (9, "'missing.jpg': no such file"),
        (10, "before P0001 joined"),
        (12, "a second visit of P0002 on 2026-03-09 (also at"),
    ):
        assert any(
            f"kunjungan.xlsx:Kunjungan:{row}: " in line and reason in line for line in message.splitlines()
        ), (
            row,
            reason,
            message,
        )


def test_the_spec_has_exactly_the_issue_headers() -> None:
    assert SPEC.template_headers("id") == HEADERS


def findings(paths: books.BooksPaths, as_of: datetime.date) -> set[tuple[str, str, datetime.date]]:
    loaded = books.load(paths)
    kinds = ["progress-visit-overdue", "business-stopped"]
    return {
        (f.kind, f.participant, f.date)
        for f in reconcile(loaded.entries, loaded.program, Settings(as_of=as_of), kinds)
    }


def test_milestones_overdue_and_stopped(paths: books.BooksPaths, tmp_path: Path) -> None:
    do_import(paths, sheet(tmp_path))
    # aid listed 2026-01-31: milestones 2026-02-28, 04-30, 07-31, 2027-01-31; grace 30 days.
    # P0001: 03-02 counts for month 1, 04-28 for month 3; month 6 (07-31) overdue from 08-31.
    # P0002: 03-05 month 1; 05-01 (closed) month 3; nothing due after the closure.
    # P0003: no visit at all.
    assert findings(paths, D(2026, 3, 30)) == set()  # the grace's last day
    assert findings(paths, D(2026, 3, 31)) == {("progress-visit-overdue", "P0003", D(2026, 2, 28))}
    found = findings(paths, D(2026, 9, 1))
    assert found == {
        ("progress-visit-overdue", "P0003", D(2026, 2, 28)),
        ("progress-visit-overdue", "P0003", D(2026, 4, 30)),
        ("progress-visit-overdue", "P0003", D(2026, 7, 31)),
        ("progress-visit-overdue", "P0001", D(2026, 7, 31)),
        ("business-stopped", "P0002", D(2026, 5, 1)),
    }
    # before the closing visit, P0002's business was running
    assert ("business-stopped", "P0002", D(2026, 5, 1)) not in findings(paths, D(2026, 4, 30))


def test_a_row_reports_every_bad_cell_and_a_photo_outside_the_folder(
    paths: books.BooksPaths, tmp_path: Path
) -> None:
    bad: list[list[object]] = [
        ["P0001", D(2026, 3, 2), "lumayan", -5, 1, None, "banyak", None, "C99", "../../etc/passwd"],
    ]
    (report,) = do_import(paths, sheet(tmp_path, bad))
    assert report.error is not None and report.written == 0
    lines = [line for line in report.error.splitlines() if "kunjungan.xlsx:Kunjungan:2" in line]
    for reason in ("lumayan", "Omzet Sebulan", "Tenaga Kerja", "C99", "outside the spreadsheet's folder"):
        assert any(reason in line for line in lines), (reason, report.error)


def test_a_visit_after_her_savings_book_closed_is_booked(paths: books.BooksPaths, tmp_path: Path) -> None:
    closing = """
2026-04-01 close Assets:Aid:P0003:Savings
2026-04-01 close Assets:Aid:P0003:Cash
2026-04-01 close Assets:Aid:P0003:Transit
"""
    (paths.journal / "close.beancount").write_text(closing, encoding="utf-8")
    rows: list[list[object]] = [
        ["P0003", D(2026, 7, 30), "berjalan", 900000, 200000, None, None, None, None, None]
    ]
    (report,) = do_import(paths, sheet(tmp_path, rows))
    assert report.error is None, report.error
    loaded = books.load(paths)
    assert loaded.errors == []
    assert [v.date for v in read_visits(loaded.entries)] == [D(2026, 7, 30)]
