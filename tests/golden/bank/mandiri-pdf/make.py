"""Hand-drawn Mandiri statements: the Livin' e-Statement (summary boxes on top, cents, ruled)
and the older account statement (dd/MM dates over a year end, "D" debits, bilingual totals).

Typed by hand from the layout description (not produced by scripts/sim). `python make.py`
rewrites livin.pdf and old.pdf; tests call draw_livin()/draw_old() with altered rows.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).parent

# (no, date, time, keterangan lines, nominal, saldo)
LIVIN = [
    (
        "1",
        "01 Jan 2026",
        "08:00:01 WIB",
        ["Transfer masuk BANTUAN CSR BSB"],
        "80.000.000,50",
        "80.100.000,50",
    ),
    (
        "2",
        "05 Jan 2026",
        "14:22:10 WIB",
        ["Tarik tunai ATM", "PALEMBANG SQUARE"],
        "-5.000.000,00",
        "75.100.000,50",
    ),
    ("3", "31 Jan 2026", "23:59:00 WIB", ["Biaya administrasi"], "-12.500,00", "75.087.500,50"),
]

# (tanggal, keterangan, mutasi, saldo)
OLD = [
    ("15/12", "SETORAN TUNAI", "1,234.56", "51,234.56"),
    ("31/12", "BIAYA ADM", "12,500.00 D", "38,734.56"),
    ("05/01", "TARIK TUNAI", "20,000.00 D", "18,734.56"),
]


def draw_livin(path: Path, rows: list = LIVIN) -> Path:
    c = Canvas(str(path), invariant=True)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(36, 800, "e-Statement")
    c.setFont("Helvetica", 9)
    c.drawRightString(560, 800, "Livin' by Mandiri")
    c.setFont("Helvetica", 8)
    c.drawString(36, 776, "Nama")
    c.drawString(100, 776, ": DEWI CONTOH")
    c.drawString(36, 764, "No. Rekening")
    c.drawString(100, 764, ": 1370012345678")
    c.drawString(36, 752, "Produk")
    c.drawString(100, 752, ": Tabungan Mandiri")
    c.drawString(320, 776, "Periode")
    c.drawString(380, 776, ": 01 Jan 2026 - 31 Jan 2026")
    for x, label, value in (
        (40, "Saldo Awal", "100.000,00"),
        (170, "Dana Masuk", "80.000.000,50"),
        (300, "Dana Keluar", "5.012.500,00"),
        (430, "Saldo Akhir", "75.087.500,50"),
    ):
        c.setFont("Helvetica", 8)
        c.drawString(x, 730, label)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x, 716, value)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, 690, "No")
    c.drawString(62, 690, "Tanggal")
    c.drawString(140, 690, "Keterangan")
    c.drawRightString(462, 690, "Nominal (IDR)")
    c.drawRightString(556, 690, "Saldo (IDR)")
    c.line(36, 684, 560, 684)
    c.setFont("Helvetica", 8)
    y = 672
    for no, day, time, desc, nominal, saldo in rows:
        c.drawString(40, y, no)
        c.drawString(62, y, day)
        c.drawString(62, y - 10, time)
        for i, text in enumerate(desc):
            c.drawString(140, y - 10 * i, text)
        c.drawRightString(462, y, nominal)
        c.drawRightString(556, y, saldo)
        c.line(36, y - 16, 560, y - 16)
        y -= 28
    c.drawCentredString(298, 30, "1 dari 1")
    c.showPage()
    c.save()
    return path


def draw_old(path: Path, rows: list = OLD) -> Path:
    c = Canvas(str(path), invariant=True)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(36, 806, "PT Bank Mandiri (Persero) Tbk")
    c.setFont("Helvetica-Bold", 11)
    c.drawCentredString(298, 786, "REKENING KORAN / ACCOUNT STATEMENT")
    c.setFont("Helvetica", 8)
    c.drawString(36, 764, "Nama / Name")
    c.drawString(150, 764, ": EKA CONTOH")
    c.drawString(36, 752, "No. Rekening / Account No.")
    c.drawString(150, 752, ": 113-00-0987654-3")
    c.drawString(36, 740, "Produk / Product")
    c.drawString(150, 740, ": Tabungan Mandiri")
    c.drawString(330, 764, "Periode / Period")
    c.drawString(420, 764, ": 01/12/2025 - 31/01/2026")
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, 712, "Tanggal")
    c.drawString(96, 712, "Keterangan")
    c.drawCentredString(420, 712, "Mutasi")
    c.drawCentredString(520, 712, "Saldo")
    c.drawString(40, 702, "Date")
    c.drawString(96, 702, "Description")
    c.drawCentredString(420, 702, "Amount")
    c.drawCentredString(520, 702, "Balance")
    c.setFont("Helvetica", 8)
    y = 686
    for day, desc, mutasi, saldo in rows:
        c.drawString(40, y, day)
        c.drawString(96, y, desc)
        c.drawRightString(466, y, mutasi)
        c.drawRightString(556, y, saldo)
        y -= 13
    c.drawString(40, y - 14, "Saldo Awal / Opening Balance")
    c.drawString(180, y - 14, ": 50,000.00")
    c.drawString(40, y - 26, "Mutasi Debet / Total Debit")
    c.drawString(180, y - 26, ": 32,500.00")
    c.drawString(40, y - 38, "Mutasi Kredit / Total Credit")
    c.drawString(180, y - 38, ": 1,234.56")
    c.drawString(40, y - 50, "Saldo Akhir / Closing Balance")
    c.drawString(180, y - 50, ": 18,734.56")
    c.drawCentredString(298, 30, "Halaman / Page 1 of 1")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    draw_livin(HERE / "livin.pdf")
    draw_old(HERE / "old.pdf")
