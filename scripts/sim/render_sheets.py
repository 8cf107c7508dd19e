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
