"""Bad statement files: every one refused with the file and, where it has one, the page and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.bank import bni, bri, mandiri
from importers.bank.pdf import PasswordRequired, is_encrypted
from importers.tables import InputError
from tests.test_bank_pdf_golden import GOLDEN, as_json, expected, maker

PARSERS = (bri, bni, mandiri)


@pytest.fixture(scope="module")
def bri_make():  # type: ignore[no-untyped-def]
    return maker("bri-pdf")


def refused(parser, path: Path, *fragments: str) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as caught:
        parser.parse(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_encrypted_without_and_with_wrong_password(tmp_path: Path, bri_make) -> None:  # type: ignore[no-untyped-def]
    path = bri_make.draw(tmp_path / "locked.pdf", password="rahasia")
    assert is_encrypted(path)
    assert not is_encrypted(GOLDEN / "bri-pdf" / "statement.pdf")
    with pytest.raises(PasswordRequired, match="password-protected") as missing:
        bri.parse(path)
    assert missing.value.location == str(path)
    with pytest.raises(PasswordRequired, match="wrong password"):
        bri.parse(path, password="salah")
    for parser in PARSERS:
        assert not parser.identify(path)
    assert bri.identify(path, password="rahasia")
    assert as_json(bri.parse(path, password="rahasia")) == expected("bri-pdf", "statement")


@pytest.mark.parametrize("parser", PARSERS)
def test_truncated_empty_missing_and_not_pdf(tmp_path: Path, parser) -> None:  # type: ignore[no-untyped-def]
    data = (GOLDEN / "bri-pdf" / "statement.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    text = tmp_path / "statement.pdf"
    text.write_text("Tanggal Transaksi;Uraian Transaksi;Debet;Kredit;Saldo\n", encoding="utf-8")
    spreadsheet = tmp_path / "passbook.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    refused(parser, truncated, "damaged or truncated")
    refused(parser, empty, "empty")
    refused(parser, text, "not a PDF")
    refused(parser, spreadsheet, "not a PDF")
    refused(parser, tmp_path / "missing.pdf", "cannot read")
    for path in (truncated, empty, text, spreadsheet, tmp_path / "missing.pdf", tmp_path):
        assert parser.identify(path) is False


def test_other_layout_refused(tmp_path: Path) -> None:
    refused(bri, GOLDEN / "bni-pdf" / "wondr.pdf", "not a BRI")
    refused(bni, GOLDEN / "mandiri-pdf" / "livin.pdf", "not a BNI")
    refused(mandiri, GOLDEN / "bri-pdf" / "statement.pdf", "not a Mandiri")


def _bri_row(**changes: object) -> list:
    base = {
        "when": "03/02/26 09:12:45",
        "desc": ["SETORAN AWAL TUNAI"],
        "teller": "0020451",
        "debit": "0.00",
        "credit": "200,000.00",
        "balance": "200,000.00",
    }
    base.update(changes)
    return [tuple(base.values())]


@pytest.mark.parametrize(
    ("row", "fragments"),
    [
        (_bri_row(debit="5,000.00"), ("p1:9", "both debit", "refused")),
        (_bri_row(credit="2OO,000.00"), ("p1:9", "Kredit", "unreadable amount")),
        (_bri_row(balance="200.000,00"), ("p1:9", "Saldo")),
        (_bri_row(when="32/02/26 09:12:45"), ("p1:9", "Tanggal Transaksi", "invalid date")),
        (_bri_row(when="03/02/26 25:12:45"), ("p1:9", "invalid time")),
        (_bri_row(when=""), ("p1:9", "does not explain")),
        (_bri_row(credit=""), ("p1:9", "credit column is empty")),
    ],
)
def test_bri_bad_rows(tmp_path: Path, bri_make, row: list, fragments: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    path = bri_make.draw(tmp_path / "bad.pdf", page1=row)
    refused(bri, path, *fragments)


def test_bri_row_wrapped_over_a_page_break(tmp_path: Path, bri_make) -> None:  # type: ignore[no-untyped-def]
    page1 = [
        (
            "10/02/26 13:40:02",
            ["TRF BANTUAN KEMENSOS", "MODAL"],
            "8888888",
            "0.00",
            "4,500,000.00",
            "4,500,000.00",
        )
    ]
    page2 = [("", ["USAHA ANGKATAN I"], "", "", "", ""), *bri_make.PAGE2]
    statement = bri.parse(bri_make.draw(tmp_path / "wrapped.pdf", page1=page1, page2=page2))
    assert [x.description for x in statement.lines] == [
        "TRF BANTUAN KEMENSOS MODAL USAHA ANGKATAN I",
        "BIAYA ADMINISTRASI",
        "BUNGA TABUNGAN",
    ]
    assert [x.location for x in statement.lines] == ["p1:9", "p2:4", "p2:5"]


def test_no_row_dropped_after_a_line_that_looks_like_a_footer(tmp_path: Path, bri_make) -> None:  # type: ignore[no-untyped-def]
    # wrapped right under its row, footer-like text is the row's description
    page1 = [
        ("03/02/26 09:12:45", ["SETORAN", "Halaman 1 dari 9"], "0020451", "0.00", "200,000.00", "200,000.00"),
        ("14/02/26 10:05:31", ["PENARIKAN"], "0020457", "100,000.00", "0.00", "100,000.00"),
    ]
    statement = bri.parse(bri_make.draw(tmp_path / "wrapped.pdf", page1=page1))
    assert [x.description for x in statement.lines[:2]] == ["SETORAN Halaman 1 dari 9", "PENARIKAN"]
    # printed below the row's band, it is a footer: a dated row after it is refused, not dropped
    page1[0] = (*page1[0][:1], ["SETORAN", "", "", "Halaman 1 dari 9"], *page1[0][2:])
    refused(bri, bri_make.draw(tmp_path / "footer.pdf", page1=page1), "p1:11", "after the end of the table")


def test_bri_bad_row_on_page_two(tmp_path: Path, bri_make) -> None:  # type: ignore[no-untyped-def]
    page2 = [("20/02/26 23:59:01", ["BIAYA ADMINISTRASI"], "8888888", "11,000.00", "1.00", "189,000.00")]
    path = bri_make.draw(tmp_path / "bad.pdf", page2=page2)
    refused(bri, path, "p2:3", "both debit")


def test_bni_bad_rows(tmp_path: Path) -> None:
    make = maker("bni-pdf")
    row = ("02 Okt 2025", "05:31:09 WIB", ["SETORAN TUNAI"], "+1,000,000", "1,150,000")
    refused(
        bni, make.draw_wondr(tmp_path / "a.pdf", [(*row[:3], "+1.000.000,00", row[4])]), "p1:7", "Nominal"
    )
    refused(bni, make.draw_wondr(tmp_path / "b.pdf", [("02 Okx 2025", *row[1:])]), "p1:7", "unknown month")
    refused(bni, make.draw_wondr(tmp_path / "c.pdf", [("31 Nov 2025", *row[1:])]), "p1:7", "invalid date")
    old = ("05/01/2026", "SETORAN TUNAI", "", "250,000.00", "400,000.00")
    refused(bni, make.draw_old(tmp_path / "d.pdf", [(*old[:2], "1.00", *old[3:])]), "p1:7", "both debit")
    refused(bni, make.draw_old(tmp_path / "e.pdf", [(*old[:3], "", old[4])]), "p1:7", "neither")


def test_mandiri_bad_rows(tmp_path: Path) -> None:
    make = maker("mandiri-pdf")
    row = ("1", "01 Jan 2026", "08:00:01 WIB", ["Transfer masuk"], "80.000.000,50", "80.100.000,50")
    refused(
        mandiri, make.draw_livin(tmp_path / "a.pdf", [(*row[:4], "80,000,000.50", row[5])]), "p1:8", "Nominal"
    )
    refused(mandiri, make.draw_livin(tmp_path / "b.pdf", [(row[0], "1 Jan", *row[2:])]), "p1:8", "Tanggal")
    second = ("3", "02 Jan 2026", "09:00:00 WIB", ["Setoran"], "1.000,00", "80.101.000,50")
    refused(mandiri, make.draw_livin(tmp_path / "n.pdf", [row, second]), "p1:10", "expected 2")
    old = ("15/12", "SETORAN TUNAI", "1,234.56", "51,234.56")
    refused(mandiri, make.draw_old(tmp_path / "c.pdf", [(*old[:2], "12,500.00 X", old[3])]), "p1:8", "Mutasi")
    refused(mandiri, make.draw_old(tmp_path / "d.pdf", [("15/06", *old[1:])]), "p1:8", "outside the period")
    refused(mandiri, make.draw_old(tmp_path / "e.pdf", [("31/13", *old[1:])]), "p1:8", "Tanggal")


def test_nothing_read_with_a_password_is_kept(tmp_path: Path, bri_make) -> None:  # type: ignore[no-untyped-def]
    from importers.session import ImportSession

    locked = bri_make.draw(tmp_path / "locked.pdf", password="rahasia")
    plain = bri_make.draw(tmp_path / "plain.pdf")
    session = ImportSession()
    with session.active():
        assert bri.parse(locked, password="rahasia").lines
        assert bri.parse(plain).lines
        kept = {Path(key[0]).name for key in session.pages}
        assert "plain.pdf" in kept
        assert "locked.pdf" not in kept
        # a file changed in place is read again, not served from memory
        bri_make.draw(plain, page2=[])
        assert len(bri.parse(plain).lines) == 3


def test_pdf_without_text(tmp_path: Path) -> None:
    """A scanned statement (an image, no text layer) is refused, not read as empty."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path))
    canvas.rect(40, 400, 500, 300, fill=1)
    canvas.showPage()
    canvas.save()
    for parser in PARSERS:
        assert parser.identify(path) is False
        refused(parser, path, "no text")


def test_words_placed_one_by_one_without_spaces(tmp_path: Path) -> None:
    """Some PDF writers place every word by itself and print no space characters."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    def words(canvas: Canvas, x: float, y: float, text: str, size: float = 8) -> None:
        for word in text.split():
            canvas.drawString(x, y, word)
            x += stringWidth(word + " ", "Helvetica", size)

    path = tmp_path / "spaced.pdf"
    canvas = Canvas(str(path))
    canvas.setFont("Helvetica", 8)
    words(canvas, 40, 800, "Laporan Transaksi Finansial")
    words(canvas, 40, 780, "No. Rekening : 0123-01-000456-50-7")
    for x, title in ((44, "Tanggal Transaksi"), (130, "Uraian Transaksi"), (262, "Teller (User ID)")):
        words(canvas, x, 740, title)
    for x, title in ((390, "Debet"), (470, "Kredit"), (552, "Saldo")):
        canvas.drawRightString(x, 740, title)
    words(canvas, 44, 720, "03/02/26 09:12:45")
    words(canvas, 130, 720, "TRF BANTUAN DINSOS SUMSEL")
    words(canvas, 130, 710, "MODAL USAHA")
    canvas.drawString(262, 720, "8888888")
    for x, value in ((390, "0.00"), (470, "200,000.00"), (552, "200,000.00")):
        canvas.drawRightString(x, 720, value)
    canvas.showPage()
    canvas.save()
    statement = bri.parse(path)
    assert [(x.description, x.credit, x.time.isoformat() if x.time else "") for x in statement.lines] == [
        ("TRF BANTUAN DINSOS SUMSEL MODAL USAHA", 200000, "09:12:45")
    ]
