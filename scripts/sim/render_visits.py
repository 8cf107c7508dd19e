"""Render the simulator's progress visits as the companions' visit sheets (XLSX or CSV).

Only the layout a companion fills in (the headers of `aidledger template progress`); the
reader is importers/progress.py, kept apart so that neither is written to suit the other.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from scripts.sim.truth import ProgramYear

HEADERS = (
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
)


def _rupiah(number: Decimal) -> str:
    """1.500.000 and -50.000, as a companion types them in an Indonesian spreadsheet."""
    sign = "-" if number < 0 else ""
    return sign + f"{abs(int(number)):,}".replace(",", ".")


def visits_workbook(year: ProgramYear, path: Path) -> Path:
    """One sheet per companion, one row per visit (native dates and numbers)."""
    book = Workbook()
    book.remove(book.active)
    for companion in sorted({v.companion for v in year.visits}):
        sheet = book.create_sheet(companion)
        sheet.append(["Laporan Kunjungan Pendamping", companion])
        sheet.append([])
        sheet.append(list(HEADERS))
        for v in (v for v in year.visits if v.companion == companion):
            sheet.append(
                [
                    v.participant,
                    v.date,
                    v.status,
                    int(v.omzet),
                    int(v.laba),
                    int(v.aset),
                    v.workers,
                    v.note,
                    companion,
                    None,
                ]
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def visits_csv(year: ProgramYear, path: Path) -> Path:
    """All visits in one CSV: semicolons, dd/mm/yyyy, Indonesian grouping."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for v in year.visits:
            writer.writerow(
                [
                    v.participant,
                    v.date.strftime("%d/%m/%Y"),
                    v.status,
                    _rupiah(v.omzet),
                    _rupiah(v.laba),
                    _rupiah(v.aset),
                    v.workers,
                    v.note,
                    v.companion,
                    "",
                ]
            )
    return path
