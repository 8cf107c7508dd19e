"""The companion's visit sheet: one row per progress visit after the aid (docs/progress.md).

Headers (Indonesian; English accepted): Kode Peserta, Tanggal Kunjungan, Status Usaha, Omzet
Sebulan, Laba Sebulan, Aset Usaha, Tenaga Kerja, Catatan, Pendamping, Berkas (optional: a
photo, relative to the sheet's folder). XLSX or CSV.

Each row becomes one `custom "visit"` directive (ledger/visits.py) in
journal/progress-<year>.beancount, import-key `visit:<PID>:<date>`: re-importing adds nothing,
and a corrected sheet for a day already booked is reported as already in the books. A photo is
archived encrypted (it may show her face) in documents/visits/<PID>/ and attached as a
`document` on her Savings account, so her account page lists it.

Checks (every bad row listed, the first 50, each with every bad cell; nothing written): a
registered participant, a visit date not before she joined and not in the future, a known
status (berjalan, berkembang, berhenti sementara, berhenti; running, growing, paused, closed),
whole-rupiah figures (omzet and assets not negative; profit may be), a whole number of
workers ("2" or "2 orang"), a declared companion (code or name), one visit per participant
and day, a photo that is a file in the sheet's folder (as receipt scans).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

from beancount.core import data

from importers.base import Extraction, SheetImporter
from importers.messages import tr
from importers.plans import ARCHIVE_ACCOUNT, participant_of, sensible_date
from importers.receipts import SCANS, scan_file, scan_target
from importers.tables import InputError, Row, RowErrors, cell_decimal
from importers.visit_columns import FILLED_KEYS, SPEC, status_of
from ledger import accounts
from ledger import visits as contract
from ledger.records import Program

PHOTOS = "visits"


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
        result, sheet = self.begin(path, ARCHIVE_ACCOUNT)
        rows, errors = sheet.rows, sheet.errors
        seen: dict[str, str] = {}
        read: list[tuple[Row, str, contract.VisitSpec, Path | None]] = []
        for row in rows:
            if all(row.text(key) == "" for key in FILLED_KEYS):
                result.skipped.append((row.location, "only the participant code is filled in"))
                continue
            with errors.guard():
                visit, photo = self._visit(row, program, path.parent)
                key = visit_key(visit.participant, visit.date)
                if key in seen:
                    raise InputError(
                        row.location,
                        tr(
                            "a second visit of {code} on {date} (also at {other})",
                            code=visit.participant,
                            date=visit.date,
                            other=seen[key],
                        ),
                    )
                seen[key] = row.location
                read.append((row, key, visit, photo))
        errors.check()
        for row, key, visit, photo in read:
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
        return result

    def _visit(self, row: Row, program: Program, folder: Path) -> tuple[contract.VisitSpec, Path | None]:
        """One row checked; every bad cell of the row reported at once."""
        problems = RowErrors(row.location)
        person = date = status = None
        with problems.guard():
            person = participant_of(row, program)
            date = sensible_date(row, "date", "Tanggal Kunjungan (visit date)", person)
        status = status_of(" ".join(row.text("status").replace("-", " ").replace("_", " ").split()))
        if status is None:
            problems.add(
                InputError(
                    row.location,
                    tr(
                        "Status Usaha {value!r} is not one of berjalan, berkembang, "
                        "berhenti sementara, berhenti (running, growing, paused, closed)",
                        value=row.text("status"),
                    ),
                )
            )
        figures: dict[str, Decimal | None] = {}
        for key, label, negative_ok in (
            ("omzet", "Omzet Sebulan", False),
            ("laba", "Laba Sebulan", True),
            ("assets", "Aset Usaha", False),
        ):
            with problems.guard():
                figures[key] = _money(row, key, label, negative_ok=negative_ok)
        workers = companion = photo = None
        with problems.guard():
            workers = _workers(row)
        with problems.guard():
            companion = _companion(row, program, person.companion if person else "")
        with problems.guard():
            photo = scan_file(row, folder)
        problems.check()
        assert person is not None and date is not None and status is not None and companion is not None
        spec = contract.VisitSpec(
            person.code,
            date,
            status,
            figures.get("omzet"),
            figures.get("laba"),
            figures.get("assets"),
            workers,
            row.text("note"),
            companion,
        )
        return spec, photo


def _money(row: Row, key: str, label: str, *, negative_ok: bool) -> Decimal | None:
    if _not_given(row, key):
        return None
    try:
        value = cell_decimal(row, key)
    except InputError as exc:
        raise InputError(row.location, f"{label}: {exc.message.split(': ', 1)[-1]}") from None
    if value is None:
        return None
    if value != value.to_integral_value():
        raise InputError(
            row.location, tr("{label} {value} is not a whole rupiah", label=label, value=row.text(key))
        )
    if value < 0 and not negative_ok:
        raise InputError(
            row.location, tr("{label} must not be negative (got {value})", label=label, value=row.text(key))
        )
    return Decimal(int(value))


def _not_given(row: Row, key: str) -> bool:
    """A lone dash in an optional figure is how a companion writes "not recorded" (as empty)."""
    return row.text(key) in ("-", "\u2013", "\u2014")


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
    raise InputError(
        row.location, tr("Pendamping {value!r} is not a companion declared in the books", value=text)
    )


_PEOPLE = re.compile(r"^(\d+)\s*(orang|org|people|persons?)?\.?$", re.I)


def _workers(row: Row) -> int | None:
    """Tenaga Kerja: a whole number of people ("2" or "2 orang"); empty: not recorded."""
    text = row.text("workers")
    if not text or _not_given(row, "workers"):
        return None
    match = _PEOPLE.match(text)
    if match:
        return int(match.group(1))
    try:
        number = cell_decimal(row, "workers")
    except InputError:
        number = None
    if number is None or number < 0 or number != number.to_integral_value():
        raise InputError(
            row.location, tr("Tenaga Kerja {value!r} is not a whole number of people", value=text)
        )
    return int(number)
