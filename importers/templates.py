"""Spreadsheets to fill (`aidledger template KIND`) with exactly the headers the importers read.

KIND is one of participants, disbursements, plan, receipts, passbook, progress (Indonesian
names accepted: peserta, daftar-nominatif, rab, nota, buku-tabungan, kunjungan). An .xlsx
target gets the full template (importers/template_kinds.py: formats, formulas, drop-downs and
the Petunjuk sheet); a .csv target the header row and the rows filled in beforehand, since a CSV
can hold nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from importers.template_context import TemplateContext, TemplateError
from importers.template_kinds import DESIGNS, TemplateRefused

__all__ = ["TemplateContext", "TemplateError", "UnknownTemplate", "write_table", "write_template"]

ALIASES = {
    "peserta": "participants",
    "register": "participants",
    "daftar-nominatif": "disbursements",
    "nominatif": "disbursements",
    "penyaluran": "disbursements",
    "rab": "plan",
    "plans": "plan",
    "nota": "receipts",
    "buku-tabungan": "passbook",
    "tabungan": "passbook",
    "kunjungan": "progress",
    "visits": "progress",
}
KINDS = tuple(DESIGNS)


class UnknownTemplate(Exception):
    pass


def kind_of(name: str) -> str:
    kind = name.strip().lower()
    kind = ALIASES.get(kind, kind)
    if kind not in DESIGNS:
        raise UnknownTemplate(f"unknown template {name!r}; known: {', '.join(KINDS)}")
    return kind


def write_table(
    out: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    sheet: str = "Data",
    above: Sequence[Sequence[Any]] = (),
) -> Path:
    """A plain table: an XLSX (bold, frozen header, sized columns) or a UTF-8 CSV, by the
    file's extension; `above`: lines above the header (a passbook's cover, CSV only)."""
    if out.suffix.lower() == ".csv":
        import csv
        import io

        from ledger.writer import write_files_atomically

        handle = io.StringIO(newline="")
        writer = csv.writer(handle)
        if above:
            writer.writerows(above)
            writer.writerow([])
        writer.writerow(headers)
        writer.writerows(rows)
        write_files_atomically({out: handle.getvalue()})
        return out
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    ws.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = max(12, len(str(header)) + 4)
    from importers.template_book import save_atomically

    return save_atomically(book, out)


def write_template(
    kind: str, out: Path | None, lang: str = "id", context: TemplateContext | None = None
) -> Path:
    """Write the template of KIND to `out` (default ./KIND.xlsx).

    Raises UnknownTemplate for a kind nobody imports and TemplateError for a template that does
    not make sense as asked."""
    from importers.template_book import write_design

    kind = kind_of(kind)
    try:
        design = DESIGNS[kind](lang, context or TemplateContext())
    except TemplateRefused as exc:
        raise TemplateError(str(exc)) from None
    target = out or Path(f"{kind}.xlsx")
    if target.suffix.lower() != ".csv":
        return write_design(target, design)
    rows = [  # a prefilled row once: a CSV has no sheets to repeat it on
        list(row)
        for row in dict.fromkeys(
            tuple(values.get(key, "") for key in design.keys)
            for sheet in design.sheets
            for values in sheet.rows
        )
    ]
    above = [[label, "" if value is None else value] for label, value in design.sheets[0].cover]
    return write_table(target, design.headers, rows, above=above)
