"""The columns of a companion's progress-visit sheet, shared by its template and its importer.

One row per visit: Kode Peserta, Tanggal Kunjungan, Status Usaha, Omzet Sebulan, Laba Sebulan,
Aset Usaha, Tenaga Kerja, Catatan, Pendamping, Berkas (a photo, optional). The template
(`aidledger template progress`) writes exactly the first names below; the importer
(importers/progress.py) reads them and the English ones. Kept apart so neither can drift.
"""

from __future__ import annotations

from importers.tables import Column, TableSpec

SPEC = TableSpec(
    "progress",
    (
        Column("code", ("Kode Peserta", "Participant Code", "Participant")),
        Column("date", ("Tanggal Kunjungan", "Visit Date", "Tgl Kunjungan", "Date of Visit")),
        Column("status", ("Status Usaha", "Business Status", "Status")),
        Column(
            "omzet", ("Omzet Sebulan", "Monthly Revenue", "Omzet", "Omset Sebulan", "Revenue"), required=False
        ),
        Column("laba", ("Laba Sebulan", "Monthly Profit", "Laba", "Profit"), required=False),
        Column("assets", ("Aset Usaha", "Business Assets", "Aset"), required=False),
        Column("workers", ("Tenaga Kerja", "Workers", "Jumlah Tenaga Kerja"), required=False),
        Column("note", ("Catatan", "Notes", "Note", "Keterangan"), required=False),
        Column("companion", ("Pendamping", "Companion"), required=False),
        Column("scan", ("Berkas", "Photo", "File", "Foto"), required=False),
    ),
)

HEADERS = tuple(SPEC.template_headers("id"))
# The template fills in Kode Peserta (and Pendamping) of her participants; a row where none of
# these is filled is such a prefilled row left unused: skipped with its reason, like plans and
# receipts do ("only the participant code is filled in"), never refused.
FILLED_KEYS = ("date", "status", "omzet", "laba", "assets", "workers", "note", "scan")

# Status Usaha: the four words of the sheet, in the order of the drop-down; English accepted.
RUNNING = "berjalan"
GROWING = "berkembang"
PAUSED = "berhenti sementara"
CLOSED = "berhenti"
STATUSES = (RUNNING, GROWING, PAUSED, CLOSED)
STATUS_SYNONYMS = {
    "running": RUNNING,
    "growing": GROWING,
    "paused": PAUSED,
    "closed": CLOSED,
    "stopped": CLOSED,
}
# A business counts as running (for success rates) in these states.
SUCCESS = (RUNNING, GROWING)


def status_of(text: str) -> str | None:
    """The sheet's status word for what was typed (case and spacing ignored); None when unknown."""
    word = " ".join(str(text or "").lower().split())
    if word in STATUSES:
        return word
    return STATUS_SYNONYMS.get(word)
