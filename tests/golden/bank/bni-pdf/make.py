"""Hand-drawn BNI statements: wondr (three months, no ruling lines, months in both languages)
and the older layout (Tgl Trans, Uraian, Debet, Kredit, Saldo).

Typed by hand from the layout description (not produced by scripts/sim). `python make.py`
rewrites wondr.pdf and old.pdf; tests call draw_wondr()/draw_old() with altered rows.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).parent

# (date, time, description lines, nominal, saldo)
WONDR = [
    ("02 Okt 2025", "05:31:09 WIB", ["SETORAN TUNAI"], "+1,000,000", "1,150,000"),
    ("15 Nov 2025", "10:02:55 WIB", ["TRF BANTUAN DINSOS SUMSEL", "MODAL USAHA"], "+3,500,000", "4,650,000"),
    ("16 Nov 2025", "11:45:00 WIB", ["PENARIKAN TUNAI TELLER"], "-3,500,000", "1,150,000"),
    ("31 Dec 2025", "23:59:59 WIB", ["BIAYA ADMINISTRASI"], "-11,000", "1,139,000"),
]

# (tgl, uraian, debet, kredit, saldo)
OLD = [
    ("05/01/2026", "SETORAN TUNAI", "", "250,000.00", "400,000.00"),
    ("20/01/2026", "TRANSFER KE REK 0987654321", "100,000.00", "", "300,000.00"),
    ("31/01/2026", "BUNGA", "0.00", "125.00", "300,125.00"),
]


def draw_wondr(path: Path, rows: list = WONDR) -> Path:
    c = Canvas(str(path), invariant=True)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(36, 800, "Laporan Mutasi Rekening")
    c.setFont("Helvetica-Bold", 10)
    c.drawRightString(560, 800, "wondr by BNI")
    c.setFont("Helvetica", 8)
    c.drawString(36, 782, "Periode: 1 Oktober - 31 Desember 2025")
    c.drawString(36, 766, "Nama")
    c.drawString(110, 766, ": Ani Contoh")
    c.drawString(36, 754, "No. Rekening")
    c.drawString(110, 754, ": 0012345678")
    c.drawString(36, 742, "Produk")
    c.drawString(110, 742, ": Taplus")
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, 712, "Tanggal & Waktu")
    c.drawString(140, 712, "Rincian Transaksi")
    c.drawRightString(460, 712, "Nominal (IDR)")
    c.drawRightString(556, 712, "Saldo (IDR)")
    c.setFont("Helvetica", 8)
    y = 694
    for day, time, desc, nominal, saldo in rows:
        c.drawString(40, y, day)
        c.drawString(40, y - 10, time)
        for i, text in enumerate(desc):
            c.drawString(140, y - 10 * i, text)
        c.drawRightString(460, y, nominal)
        c.drawRightString(556, y, saldo)
        y -= 28
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, y - 10, "Ringkasan")
    c.setFont("Helvetica", 8)
    c.drawString(40, y - 24, "Saldo Awal")
    c.drawString(140, y - 24, ": 150,000")
    c.drawString(40, y - 36, "Total Pemasukan")
    c.drawString(140, y - 36, ": +4,500,000")
    c.drawString(40, y - 48, "Total Pengeluaran")
    c.drawString(140, y - 48, ": -3,511,000")
    c.drawString(40, y - 60, "Saldo Akhir")
    c.drawString(140, y - 60, ": 1,139,000")
    c.drawCentredString(298, 30, "Halaman 1 dari 1")
    c.showPage()
    c.save()
    return path


def draw_old(path: Path, rows: list = OLD) -> Path:
    c = Canvas(str(path), invariant=True)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(36, 806, "PT Bank Negara Indonesia (Persero) Tbk")
    c.setFont("Helvetica-Bold", 12)
    c.drawCentredString(298, 786, "LAPORAN MUTASI REKENING")
    c.setFont("Helvetica", 8)
    c.drawString(36, 764, "No. Rekening : 0098765432")
    c.drawString(36, 752, "Nama : BUDI CONTOH")
    c.drawString(36, 740, "Jenis Produk : Taplus Muda")
    c.drawString(330, 764, "Periode : 01/01/2026 - 31/01/2026")
    c.setFont("Helvetica-Bold", 8)
    c.drawString(40, 712, "Tgl Trans")
    c.drawString(100, 712, "Uraian")
    c.drawRightString(380, 712, "Debet")
    c.drawRightString(470, 712, "Kredit")
    c.drawRightString(556, 712, "Saldo")
    c.line(36, 706, 560, 706)
    c.setFont("Helvetica", 8)
    y = 694
    for tgl, uraian, debet, kredit, saldo in rows:
        c.drawString(40, y, tgl)
        c.drawString(100, y, uraian)
        c.drawRightString(380, y, debet)
        c.drawRightString(470, y, kredit)
        c.drawRightString(556, y, saldo)
        y -= 14
    c.line(36, y + 8, 560, y + 8)
    c.drawString(330, y - 10, "Saldo Awal : 150,000.00")
    c.drawString(330, y - 22, "Total Debet : 100,000.00")
    c.drawString(330, y - 34, "Total Kredit : 250,125.00")
    c.drawString(330, y - 46, "Saldo Akhir : 300,125.00")
    c.drawCentredString(298, 30, "Halaman 1 / 1")
    c.showPage()
    c.save()
    return path


if __name__ == "__main__":
    draw_wondr(HERE / "wondr.pdf")
    draw_old(HERE / "old.pdf")
