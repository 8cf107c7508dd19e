"""Files for CI's plain-install check: a simulated participant register (XLSX) and one
participant's bank statement (PDF), written to the folder given; invented people only."""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.sim import render_passbooks, render_sheets, render_statements
from scripts.sim.truth import simulate

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
year = simulate(6, 2025)  # a past year: nothing may be dated after the day of import
render_sheets.participants_sheet(year, out / "peserta.xlsx")
person = next(p for p in year.people if year.lines_of(p.code) and p.layout.endswith("-pdf"))
lines = year.lines_of(person.code)
start, end = render_passbooks.quarters(lines, 12)[0]
render_statements.render_statement(out / "rekening.pdf", person, lines, start, end)
print(f"{out}/peserta.xlsx {out}/rekening.pdf")
