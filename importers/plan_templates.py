"""Templates of the plan (RAB) and receipts spreadsheets: `aidledger template plan|receipts`.

XLSX with the importer's headers (Indonesian, or English with --lang en), bold and frozen;
one sheet per participant (named by her code, the code filled in on every row) or one list;
drop-downs from a hidden "Pilihan" sheet: participant codes, categories (the institution's own
words: other values are still accepted), units, companions, and ya/tidak for Meterai.
A .csv target gets the header row only (and the codes when given).
"""

from __future__ import annotations

from pathlib import Path

from beancount.core import data

from importers import plans, receipts
from importers.tables import TableSpec
from importers.templates import TemplateContext, register_writer, write_table
from ledger.books import LoadedBooks
from ledger.plans import PLAN_LINE

ROWS_PER_PARTICIPANT = 12
EMPTY_ROWS = 200
CATEGORIES = ("Peralatan", "Bahan Baku", "Barang Dagangan", "Bahan Habis Pakai", "Lain-lain")
UNITS = (
    "unit",
    "buah",
    "set",
    "paket",
    "kg",
    "karung",
    "dus",
    "tabung",
    "jeriken",
    "botol",
    "kotak",
    "lusin",
)
CHOICES = "Pilihan"


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _write(
    out: Path,
    spec: TableSpec,
    lang: str,
    context: TemplateContext,
    sheet_name: str,
    lists: dict[str, tuple[tuple[str, ...], bool]],
) -> Path:
    """lists: column key -> (choices, strict)."""
    headers = spec.template_headers(lang)
    keys = [column.key for column in spec.columns]
    codes = list(context.participants)
    if out.suffix.lower() == ".csv":
        rows = [[code] + [""] * (len(headers) - 1) for code in codes]
        return write_table(out, headers, rows)
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    sheets: list[tuple[str, list[str]]]
    if codes and not context.one_list:
        sheets = [(code, [code] * ROWS_PER_PARTICIPANT) for code in codes]
    else:
        sheets = [(sheet_name, [code for code in codes for _ in range(ROWS_PER_PARTICIPANT)])]
    choices = book.create_sheet(CHOICES)
    ranges: dict[str, str] = {}
    for index, (key, (values, _strict)) in enumerate(sorted(lists.items()), start=1):
        letter = _column_letter(index)
        choices.cell(1, index, key)
        for row, value in enumerate(values, start=2):
            choices.cell(row, index, value)
        ranges[key] = f"={CHOICES}!${letter}$2:${letter}${max(2, len(values) + 1)}"
    choices.sheet_state = "hidden"
    for title, prefilled in sheets:
        ws = book.create_sheet(title, index=len(book.sheetnames) - 1)
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for code in prefilled:
            ws.append([code])
        ws.freeze_panes = "A2"
        for index, header in enumerate(headers, start=1):
            ws.column_dimensions[_column_letter(index)].width = max(12, len(header) + 4)
        last = max(len(prefilled), EMPTY_ROWS) + 1
        for key, (values, strict) in lists.items():
            if key not in keys or not values:
                continue
            letter = _column_letter(keys.index(key) + 1)
            check = DataValidation(type="list", formula1=ranges[key], allow_blank=True)
            check.showErrorMessage = strict
            check.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(check)
    book.save(out)
    return out


def _categories(context: TemplateContext) -> tuple[str, ...]:
    seen: dict[str, None] = dict.fromkeys((*context.categories, *CATEGORIES))
    return tuple(seen)


def write_plan(out: Path, lang: str, context: TemplateContext) -> Path:
    lists: dict[str, tuple[tuple[str, ...], bool]] = {
        "code": (context.participants, True),
        "category": (_categories(context), False),
        "unit": (UNITS, False),
        "approved_by": (context.companions, False),
    }
    return _write(out, plans.SPEC, lang, context, "RAB" if lang == "id" else "Plan", lists)


def write_receipts(out: Path, lang: str, context: TemplateContext) -> Path:
    lists: dict[str, tuple[tuple[str, ...], bool]] = {
        "code": (context.participants, True),
        "category": (_categories(context), False),
        "unit": (UNITS, False),
        "meterai": (("ya", "tidak"), True),
    }
    return _write(out, receipts.SPEC, lang, context, "Nota" if lang == "id" else "Receipts", lists)


def context_for(
    loaded: LoadedBooks | None, codes: list[str], companion: str | None, one_list: bool
) -> TemplateContext:
    """The codes to fill in and the choices: given codes, else the books' participants (of one
    companion when given); companions and plan categories from the books."""
    if loaded is None:
        return TemplateContext(participants=tuple(codes), one_list=one_list)
    program = loaded.program
    if not codes:
        codes = sorted(
            code for code, person in program.participants.items() if companion in (None, person.companion)
        )
    categories = sorted(
        {
            str(entry.meta.get("category"))
            for entry in loaded.entries
            if isinstance(entry, data.Custom) and entry.type == PLAN_LINE and entry.meta.get("category")
        }
    )
    return TemplateContext(
        participants=tuple(codes),
        companions=tuple(sorted(program.companions)),
        categories=tuple(categories),
        one_list=one_list,
    )


register_writer("plan", plans.SPEC, write_plan)
register_writer("receipts", receipts.SPEC, write_receipts)
