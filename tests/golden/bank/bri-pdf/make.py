"""Hand-drawn BRI "Laporan Transaksi Finansial": two pages, ruling lines, a wrapped description.

Typed by hand from the layout description (not produced by scripts/sim): literal coordinates
and strings. `python tests/golden/bank/bri-pdf/make.py` rewrites statement.pdf; tests call
draw() with altered rows for the bad-input cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).parent

# (date+time, description lines, teller, debet, kredit, saldo)
PAGE1 = [
    ("03/02/26 09:12:45", ["SETORAN AWAL TUNAI"], "0020451", "0.00", "200,000.00", "200,000.00"),
    (
        "10/02/26 13:40:02",
        ["TRF BANTUAN KEMENSOS", "MODAL USAHA ANGKATAN I"],
        "8888888",
        "0.00",
        "4,500,000.00",
        "4,700,000.00",
    ),
    ("14/02/26 10:05:31", ["PENARIKAN TUNAI TELLER"], "0020457", "4,500,000.00", "0.00", "200,000.00"),
]
PAGE2 = [
    ("20/02/26 23:59:01", ["BIAYA ADMINISTRASI"], "8888888", "11,000.00", "0.00", "189,000.00"),
    ("28/02/26 23:59:40", ["BUNGA TABUNGAN"], "8888888", "0.00", "1,958.00", "190,958.00"),
]


def _table(c: Canvas, top: float, rows: list) -> float:
    c.setFont("Helvetica-Bold", 8)
    c.drawString(44, top, "Tanggal Transaksi")
    c.drawString(130, top, "Uraian Transaksi")
    c.drawString(262, top, "Teller (User ID)")
    c.drawRightString(390, top, "Debet")
    c.drawRightString(470, top, "Kredit")
    c.drawRightString(552, top, "Saldo")
    c.setFont("Helvetica-Oblique", 8)
    c.drawString(44, top - 10, "Transaction Date")
    c.drawString(130, top - 10, "Transaction Description")
    c.drawString(262, top - 10, "Teller (User ID)")
    c.drawRightString(390, top - 10, "Debit")
    c.drawRightString(470, top - 10, "Credit")
    c.drawRightString(552, top - 10, "Balance")
    c.line(40, top + 10, 556, top + 10)
    c.line(40, top - 15, 556, top - 15)
    y = top - 27
    c.setFont("Helvetica", 8)
    for when, desc, teller, debit, credit, balance in rows:
        c.drawString(44, y, when)
        for i, text in enumerate(desc):
            c.drawString(130, y - 10 * i, text)
        c.drawString(262, y, teller)
        c.drawRightString(390, y, debit)
        c.drawRightString(470, y, credit)
        c.drawRightString(552, y, balance)
        y -= 10 * len(desc) + 6
        c.line(40, y + 8, 556, y + 8)
    return y


def draw(path: Path, page1: list = PAGE1, page2: list = PAGE2, password: str | None = None) -> Path:
    encrypt = StandardEncryption(password, ownerPassword="owner", strength=128) if password else None
    c = Canvas(str(path), invariant=True, encrypt=encrypt)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 800, "Laporan Transaksi Finansial")
    c.setFont("Helvetica", 9)
    c.drawString(40, 786, "Financial Transaction Report")
    c.setFont("Helvetica", 8)
    c.drawString(40, 760, "Nama")
    c.drawString(120, 760, ": SITI CONTOH")
    c.drawString(40, 748, "No. Rekening")
    c.drawString(120, 748, ": 0123-01-000456-50-7")
    c.drawString(40, 736, "Nama Produk")
    c.drawString(120, 736, ": BritAma")
    c.drawString(40, 724, "Valuta")
    c.drawString(120, 724, ": IDR")
    c.drawString(320, 760, "Tanggal Laporan")
    c.drawString(410, 760, ": 01/03/26")
    c.drawString(320, 748, "Periode Transaksi")
    c.drawString(410, 748, ": 01/02/26 - 28/02/26")
    c.drawString(320, 736, "Unit Kerja")
    c.drawString(410, 736, ": KCP Contoh")
    _table(c, 690, page1)
    c.drawCentredString(298, 40, "Halaman 1 dari 2")
    c.showPage()
    y = _table(c, 790, page2)
    c.setFont("Helvetica-Bold", 8)
    for x, label in (
        (100, "Saldo Awal"),
        (230, "Total Transaksi Debet"),
        (360, "Total Transaksi Kredit"),
        (490, "Saldo Akhir"),
    ):
        c.drawCentredString(x, y - 20, label)
    c.setFont("Helvetica", 8)
    for x, value in ((100, "0.00"), (230, "4,511,000.00"), (360, "4,701,958.00"), (490, "190,958.00")):
        c.drawCentredString(x, y - 34, value)
    c.drawString(
        40, y - 54, "Terbilang : Seratus sembilan puluh ribu sembilan ratus lima puluh delapan rupiah"
    )
    c.drawCentredString(298, 40, "Halaman 2 dari 2")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "statement.pdf")
