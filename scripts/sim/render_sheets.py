"""Render the simulator's truth as the spreadsheets companions fill in."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from importers import participants
from importers.templates import write_table
from scripts.sim.truth import ProgramYear, Purchase


def participants_sheet(year: ProgramYear, out: Path) -> Path:
    """The participant register as the institution keeps it (names included: never commit one)."""
    return write_table(out, participants.SPEC.template_headers("id"), participant_rows(year), sheet="Peserta")


def participant_rows(year: ProgramYear) -> list[list[object]]:
    return [
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


def disbursement_sheets(year: ProgramYear, folder: Path, suffix: str = ".xlsx") -> list[Path]:
    """One disbursement list per batch, as the funder sends it (codes only, no names)."""
    from importers import disbursements

    batches: dict[str, list[list[object]]] = {}
    for row in disbursement_rows(year):
        batches.setdefault(str(row[5]), []).append(row)
    folder.mkdir(parents=True, exist_ok=True)
    headers = disbursements.TEMPLATE_SPEC.template_headers("id")
    return [
        write_table(folder / f"daftar-nominatif-{batch}{suffix}", headers, rows, sheet="Daftar Nominatif")
        for batch, rows in sorted(batches.items())
    ]


def disbursement_rows(year: ProgramYear) -> list[list[object]]:
    """Kode Peserta, Sumber Dana, Komponen, Jumlah, Tanggal, Batch: every list row of the year."""
    return [
        [row.participant, row.funder, row.component, int(row.amount), row.date, row.batch]
        for row in year.disbursements
    ]


def _workbook_sheets(out: Path, sheets: list[tuple[str, list[str], list[list[object]]]]) -> Path:
    """An XLSX of several sheets (title, headers, rows), bold frozen headers, as companions keep."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, headers, rows in sheets:
        ws = book.create_sheet(title)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
        ws.freeze_panes = "A2"
    book.save(out)
    return out


def _number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value


def plan_rows(year: ProgramYear, code: str | None = None) -> list[list[object]]:
    """Plan lines as RAB rows: Kode Peserta, No, Uraian, Kategori, Volume, Satuan, Harga Satuan,
    Jumlah, Disetujui Oleh, Tanggal Disetujui."""
    return [
        [
            line.participant,
            line.no,
            line.description,
            line.category,
            _number(line.volume),
            line.unit,
            _number(line.unit_price),
            _number(line.amount),
            line.approved_by,
            line.approved_on,
        ]
        for line in year.plans
        if code is None or line.participant == code
    ]


def plans_workbook(year: ProgramYear, out: Path, *, one_list: bool = False) -> Path:
    """The companions' RAB: one sheet per participant (or one list), Indonesian headers."""
    from importers import plans

    headers = plans.SPEC.template_headers("id")
    if one_list:
        return _workbook_sheets(out, [("RAB", headers, plan_rows(year))])
    codes = sorted({line.participant for line in year.plans})
    return _workbook_sheets(out, [(code, headers, plan_rows(year, code)) for code in codes])


def _scan_bytes(purchase: Purchase) -> bytes:
    """A stand-in for a photographed receipt: a small real JPEG with the receipt's words, so a
    browser shows it as the picture it stands for."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("L", (320, 120), 250)
    draw = ImageDraw.Draw(image)
    lines = [
        "NOTA",
        purchase.shop,
        f"No {purchase.receipt_no}  {purchase.date}",
        f"Rp {purchase.amount:,.0f}",
    ]
    for index, line in enumerate(lines):
        draw.text((10, 8 + 26 * index), line, fill=20)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def receipt_rows(year: ProgramYear, folder: Path | None = None) -> list[list[object]]:
    """Purchases as receipt rows; with `folder`, each scan is written beside the spreadsheet."""
    rows: list[list[object]] = []
    for purchase in year.purchases:
        volume, price = purchase.volume, purchase.unit_price
        if volume * price != purchase.amount:
            volume, price = Decimal(1), purchase.amount
        scan = ""
        if folder is not None:
            target = folder / purchase.scan
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_scan_bytes(purchase))
            scan = purchase.scan
        rows.append(
            [
                purchase.participant,
                purchase.date,
                purchase.receipt_no,
                purchase.shop,
                purchase.description,
                _number(volume),
                purchase.unit,
                _number(price),
                _number(purchase.amount),
                purchase.plan_line if purchase.plan_line is not None else "",
                purchase.category,
                "ya" if purchase.meterai else "tidak",
                scan,
            ]
        )
    return rows


def receipts_workbook(year: ProgramYear, out: Path, *, scans: bool = True) -> Path:
    """The receipts list as companions keep it, with the scans in a folder beside it."""
    from importers import receipts

    rows = receipt_rows(year, out.parent if scans else None)
    headers = receipts.SPEC.template_headers("id")
    if out.suffix.lower() == ".csv":
        return write_table(out, headers, rows)
    return _workbook_sheets(out, [("Nota", headers, rows)])
