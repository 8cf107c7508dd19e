"""Render the simulator's truth as the spreadsheets companions fill in."""

from __future__ import annotations

from pathlib import Path

from importers import participants
from importers.templates import write_table
from scripts.sim.truth import ProgramYear


def participants_sheet(year: ProgramYear, out: Path) -> Path:
    """The participant register as the institution keeps it (names included: never commit one)."""
    rows = [
        [
            p.code,
            p.name,
            p.nik,
            p.address,
            p.phone,
            p.group,
            p.cohort,
            p.companion,
            p.funder,
            p.bank,
            p.account_number,
            p.joined,
            p.product,
            int(p.min_balance),
        ]
        for p in year.people
    ]
    return write_table(out, participants.SPEC.template_headers("id"), rows, sheet="Peserta")


def disbursement_sheets(year: ProgramYear, folder: Path, suffix: str = ".xlsx") -> list[Path]:
    """One disbursement list per batch, as the funder sends it (codes only, no names)."""
    from importers import disbursements

    batches: dict[str, list[list[object]]] = {}
    for row in year.disbursements:
        batches.setdefault(row.batch, []).append(
            [row.participant, row.funder, row.component, int(row.amount), row.date, row.batch]
        )
    folder.mkdir(parents=True, exist_ok=True)
    headers = disbursements.TEMPLATE_SPEC.template_headers("id")
    return [
        write_table(folder / f"daftar-nominatif-{batch}{suffix}", headers, rows, sheet="Daftar Nominatif")
        for batch, rows in sorted(batches.items())
    ]
