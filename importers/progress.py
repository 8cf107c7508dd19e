"""The companion's visit sheet: one row per progress visit after the aid (docs/progress.md).

Headers (Indonesian; English accepted): Kode Peserta, Tanggal Kunjungan, Status Usaha, Omzet
Sebulan, Laba Sebulan, Aset Usaha, Tenaga Kerja, Catatan, Pendamping, Berkas (optional: a
photo, relative to the sheet's folder). XLSX or CSV.

Each row becomes one `custom "visit"` directive (ledger/visits.py) in
journal/progress-<year>.beancount, import-key `visit:<PID>:<date>`: re-importing adds nothing,
and a corrected sheet for a day already booked is reported as already in the books. A photo is
archived encrypted (it may show her face) in documents/visits/<PID>/ and attached as a
`document` on her Savings account, so her account page lists it.

Checks (every bad row listed, nothing written): a registered participant, a visit date not
before she joined and not in the future, a known status (berjalan, berkembang, berhenti
sementara, berhenti; running, growing, paused, closed), whole-rupiah figures (omzet and assets
not negative; profit may be), a whole number of workers, a declared companion (code or name),
one visit per participant and day, a photo that exists.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

from beancount.core import data

from importers.base import Extraction, SheetImporter
from importers.plans import ARCHIVE_ACCOUNT, participant_of, sensible_date
from importers.receipts import SCANS, scan_target
from importers.tables import InputError, Row, cell_decimal
from importers.visit_columns import FILLED_KEYS, SPEC, status_of
from ledger import accounts
from ledger import visits as contract
from ledger.records import Program

PHOTOS = "visits"
MAX_LISTED = 50


def photo_target(code: str, date: datetime.date, photo: Path) -> str:
    """Where a visit photo lives, relative to the books: named as receipt scans are
    (importers/receipts.scan_target), in documents/visits/<PID>/ instead of receipts/."""
    return scan_target(code, date, photo).replace(f"documents/{SCANS}/", f"documents/{PHOTOS}/", 1)


def visit_key(code: str, date: datetime.date) -> str:
    return f"visit:{code}:{date.isoformat()}"


class ProgressImporter(SheetImporter):
    kind = "progress"
    spec = SPEC

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        path = Path(filepath)
        result = Extraction(archive_account=ARCHIVE_ACCOUNT, archive_date=datetime.date.today())
        rows = self.rows(path)
        result.rows_read = len(rows)
        problems: list[InputError] = []
        seen: dict[str, str] = {}
        for row in rows:
            if all(row.text(key) == "" for key in FILLED_KEYS):
                result.skipped.append((row.location, "only the participant code is filled in"))
                continue
            try:
                visit, photo = self._visit(row, program, path.parent)
                key = visit_key(visit.participant, visit.date)
                if key in seen:
                    raise InputError(
                        row.location,
                        f"a second visit of {visit.participant} on {visit.date} (also at {seen[key]})",
                    )
            except InputError as exc:
                problems.append(exc)
                continue
            seen[key] = row.location
            if photo is not None:
                target = photo_target(visit.participant, visit.date, photo)
                result.attachments.append((photo, target))
                visit = contract.VisitSpec(**{**visit.__dict__, "photo": target})
                result.entries.append(
                    data.Document(
                        {"filename": row.location, "lineno": 0, "visit": key, "import-key": f"{key}:photo"},
                        visit.date,
                        accounts.savings(visit.participant),
                        f"../{target}",
                        frozenset(),
                        frozenset(),
                    )
                )
            result.entries.append(contract.visit_directive(visit, row.location, key))
        if problems:
            raise InputError(str(path), bad_rows_message(problems))
        return result

    def _visit(self, row: Row, program: Program, folder: Path) -> tuple[contract.VisitSpec, Path | None]:
        person = participant_of(row, program)
        date = sensible_date(row, "date", "Tanggal Kunjungan (visit date)", person)
        status = status_of(row.text("status"))
        if status is None:
            raise InputError(
                row.location,
                f"Status Usaha {row.text('status')!r} is not one of berjalan, berkembang, "
                "berhenti sementara, berhenti (running, growing, paused, closed)",
            )
        omzet = _money(row, "omzet", "Omzet Sebulan", negative_ok=False)
        laba = _money(row, "laba", "Laba Sebulan", negative_ok=True)
        aset = _money(row, "assets", "Aset Usaha", negative_ok=False)
        workers = _workers(row)
        companion = _companion(row, program, person.companion)
        photo = None
        name = row.text("scan")
        if name:
            photo = (folder / name).resolve()
            if not photo.is_file():
                raise InputError(row.location, f"Berkas {name!r}: no such file beside the spreadsheet")
        spec = contract.VisitSpec(
            person.code, date, status, omzet, laba, aset, workers, row.text("note"), companion
        )
        return spec, photo


def _money(row: Row, key: str, label: str, *, negative_ok: bool) -> Decimal | None:
    try:
        value = cell_decimal(row, key)
    except InputError as exc:
        raise InputError(row.location, f"{label}: {exc.message.split(': ', 1)[-1]}") from None
    if value is None:
        return None
    if value != value.to_integral_value():
        raise InputError(row.location, f"{label} {row.text(key)} is not a whole rupiah")
    if value < 0 and not negative_ok:
        raise InputError(row.location, f"{label} must not be negative (got {row.text(key)})")
    return Decimal(int(value))


def _companion(row: Row, program: Program, default: str) -> str:
    """The companion's code, from her code or her name as the register has it."""
    text = row.text("companion")
    if not text:
        return default
    if text in program.companions:
        return text
    folded = " ".join(text.lower().split())
    for code, record in program.companions.items():
        if code.lower() == folded or " ".join(record.label.lower().split()) == folded:
            return code
    raise InputError(row.location, f"Pendamping {text!r} is not a companion declared in the books")


def bad_rows_message(problems: list[InputError]) -> str:
    """Every bad row at once (the first 50), so one round of corrections is enough."""
    lines = [f"{len(problems)} bad row(s); nothing was written:"]
    lines += [f"  {p.location}: {p.message}" for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"  ... and {len(problems) - MAX_LISTED} more")
    return "\n".join(lines)


_PEOPLE = re.compile(r"^(\d+)\s*(orang|org|people|persons?)?\.?$", re.I)


def _workers(row: Row) -> int | None:
    """Tenaga Kerja: a whole number of people ("2" or "2 orang"); empty: not recorded."""
    text = row.text("workers")
    if not text:
        return None
    match = _PEOPLE.match(text)
    if match:
        return int(match.group(1))
    try:
        number = cell_decimal(row, "workers")
    except InputError:
        number = None
    if number is None or number < 0 or number != number.to_integral_value():
        raise InputError(row.location, f"Tenaga Kerja {text!r} is not a whole number of people")
    return int(number)
