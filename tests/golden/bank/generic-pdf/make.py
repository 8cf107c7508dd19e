"""Hand-drawn statement of a bank no layout describes (tests/test_bank_pdf_generic.py).

Typed from what real statements print, not from the reader: a bank name the layouts do not
know, "Nomor Rekening", the opening balance as a labelled line above the table, an info box
between header and table, a Teller column, signed amounts with Indonesian grouping, a wrapped
description, a footer sentence that ends in the page number. `number_label=False` prints the
account number without its label (found by the registered hash); `opening_row=True` prints
the opening balance as the table's first row instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).parent

# (date, description lines, teller, amount, balance)
ROWS = [
    ("03/02/2026", ["SETORAN TUNAI"], "T01", "+250.000,00", "300.000,00"),
    (
        "10/02/2026",
        ["TRANSFER MASUK DARI DINSOS", "BANTUAN MODAL USAHA TAHAP I"],
        "SYS",
        "+4.500.000,00",
        "4.800.000,00",
    ),
    ("14/02/2026", ["TARIK TUNAI ATM"], "ATM", "-1.000.000,00", "3.800.000,00"),
    ("28/02/2026", ["BIAYA ADMINISTRASI"], "SYS", "-10.000,00", "3.790.000,00"),
]
NUMBER = "7770012345678"


def draw(
    path: Path,
    rows: list = ROWS,
    *,
    number_label: bool = True,
    opening_row: bool = False,
    closing: str = "3.790.000,00",
) -> Path:
    c = Canvas(str(path), invariant=True)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, 800, "BANK PEMBANGUNAN DAERAH CONTOH")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 782, "REKENING KORAN")
    c.setFont("Helvetica", 8)
    c.drawString(40, 760, "Nama Nasabah")
    c.drawString(130, 760, ": RINA CONTOH")
    if number_label:
        c.drawString(40, 748, "Nomor Rekening")
        c.drawString(130, 748, f": {NUMBER}")
    else:
        c.drawString(40, 748, f"{NUMBER}")
    c.drawString(40, 736, "Jenis Tabungan")
    c.drawString(130, 736, ": Tabungan Sejahtera")
    c.drawString(330, 760, "Periode")
    c.drawString(400, 760, ": 01/02/2026 s/d 28/02/2026")
    c.drawString(330, 748, "Mata Uang")
    c.drawString(400, 748, ": IDR")
    if not opening_row:
        c.drawString(330, 736, "Saldo Awal")
        c.drawString(400, 736, ": 50.000,00")
    c.rect(40, 700, 516, 24)
    c.drawString(46, 714, "Informasi: saldo minimum Rp 25.000 tidak dapat ditarik. Waspada penipuan")
    c.drawString(46, 704, "yang mengatasnamakan bank; petugas tidak pernah meminta PIN Anda.")
    c.setFont("Helvetica-Bold", 8)
    top = 680
    c.drawString(44, top, "Tanggal")
    c.drawString(110, top, "Keterangan")
    c.drawString(300, top, "Teller")
    c.drawRightString(450, top, "Mutasi (Rp)")
    c.drawRightString(552, top, "Saldo (Rp)")
    c.setFont("Helvetica", 8)
    y = top - 16
    if opening_row:
        c.drawString(44, y, "01/02/2026")
        c.drawString(110, y, "SALDO AWAL")
        c.drawRightString(552, y, "50.000,00")
        y -= 16
    for day, desc, teller, amount, balance in rows:
        c.drawString(44, y, day)
        for i, text in enumerate(desc):
            c.drawString(110, y - 10 * i, text)
        c.drawString(300, y, teller)
        c.drawRightString(450, y, amount)
        c.drawRightString(552, y, balance)
        y -= 10 * len(desc) + 6
    c.drawString(330, y - 20, "Saldo Akhir")
    c.drawString(420, y - 20, f": {closing}")
    c.drawString(330, y - 32, "Jumlah Transaksi")
    c.drawString(420, y - 32, f": {len(rows)}")
    c.setFont("Helvetica-Oblique", 7)
    c.drawString(40, 40, "Dokumen ini dicetak secara elektronik dan sah tanpa tanda tangan. Halaman 1")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    draw(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "statement.pdf")
