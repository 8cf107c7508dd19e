"""Files for CI's plain-install check: a simulated participant register (XLSX) and one
participant's bank statement (PDF), written to the folder given; invented people only."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from scripts.sim import render_passbooks, render_sheets, render_statements
from scripts.sim.truth import YEAR, simulate

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
# nothing may be dated after the day of import: the program runs to yesterday at the latest
yesterday = datetime.date.today() - datetime.timedelta(days=1)
year = simulate(6, as_of=min(datetime.date(YEAR, 12, 31), yesterday))
render_sheets.participants_sheet(year, out / "peserta.xlsx")
person = next(p for p in year.people if year.lines_of(p.code) and p.layout.endswith("-pdf"))
start, end = render_passbooks.quarters(year.lines_of(person.code), 3)[0]
end = min(end, year.as_of)
lines = [line for line in year.lines_of(person.code) if start <= line.date <= end]
render_statements.render_statement(out / "rekening.pdf", person, lines, start, end)
print(f"{out}/peserta.xlsx {out}/rekening.pdf")
