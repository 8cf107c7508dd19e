"""The XLSX of a template: data sheets a companion fills, a "Petunjuk" sheet, hidden choices.

What makes a sheet fillable without training, all of it plain Excel (LibreOffice reads it too):
number formats on the cells (dd/mm/yyyy dates, "Rp" amounts, text for codes and account
numbers so Excel keeps their leading zeros and all 16 digits of a NIK), Jumlah as a formula of
Volume x Harga Satuan that stays empty until both are typed, drop-downs from a hidden "Pilihan"
sheet (closed lists refuse other values; open lists only suggest), a hint on every header.
The guide never repeats the header row horizontally: the importers read every sheet, and an
example laid out like the data would be imported.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.template_guide import Guide

EMPTY_ROWS = 200
CHOICES = "Pilihan"
GUIDE = "Petunjuk"

# cell formats by kind of column
DATE = "date"
MONEY = "money"
TEXT = "text"
INTEGER = "integer"
NUMBER = "number"
NUMBER_FORMATS = {
    DATE: "dd/mm/yyyy",
    MONEY: '"Rp" #,##0;[Red]-"Rp" #,##0',
    TEXT: "@",
    INTEGER: "0",
    NUMBER: "General",
}
UNIQUE = "unique"  # a value given once in the sheet (a participant's code in the register)
DIGITS16 = "digits16"  # sixteen characters (a NIK)
FIRST_DATE = datetime.date(2000, 1, 1)
LAST_DATE = datetime.date(2099, 12, 31)


@dataclass(frozen=True)
class Choices:
    """A drop-down: a closed list (strict: Excel refuses anything else) or suggestions."""

    values: tuple[str, ...]
    strict: bool


@dataclass(frozen=True)
class PerParticipant:
    """A drop-down whose choices depend on the row's participant (No RAB: her plan lines)."""

    by_code: dict[str, tuple[str, ...]]
    strict: bool = True


@dataclass
class SheetPlan:
    """One data sheet: its title, rows filled in beforehand (values by column key), a cover
    block above the header (label, value) and its own drop-downs (added to the design's)."""

    title: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    cover: list[tuple[str, Any]] = field(default_factory=list)
    lists: dict[str, Choices | PerParticipant] = field(default_factory=dict)
    capacity: int = EMPTY_ROWS  # rows formatted for typing (more when more are filled in)


@dataclass
class Design:
    """What one template holds: its columns (keys, headers), formats, formulas and drop-downs."""

    keys: tuple[str, ...]
    headers: tuple[str, ...]
    formats: dict[str, str]
    sheets: list[SheetPlan]
    guide: Guide
    lists: dict[str, Choices | PerParticipant] = field(default_factory=dict)
    products: dict[str, tuple[str, str]] = field(default_factory=dict)  # amount = volume x price
    checks: dict[str, str] = field(default_factory=dict)  # key -> UNIQUE or DIGITS16 (warnings)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def product_formula(left: str, right: str, row: int) -> str:
    """=IF(OR(F2="",H2=""),"",F2*H2): empty until both are typed, so an unused row stays blank."""
    a, b = f"{left}{row}", f"{right}{row}"
    return f'=IF(OR({a}="",{b}=""),"",{a}*{b})'


class _Choices:
    """The hidden sheet of drop-down values: one column per distinct list."""

    def __init__(self, book: Any) -> None:
        self.sheet = book.create_sheet(CHOICES)
        self.sheet.sheet_state = "hidden"
        self.book = book
        self.columns: dict[tuple[str, tuple[str, ...]], str] = {}

    def range_of(self, title: str, values: tuple[str, ...]) -> str:
        known = self.columns.get((title, values))
        if known:
            return known
        index = len(self.columns) + 1
        letter = _letter(index)
        self.sheet.cell(1, index, f"{CHOICES}: {title}")  # never a header an importer reads
        for row, value in enumerate(values, start=2):
            self.sheet.cell(row, index, value).number_format = "@"
        reference = f"{CHOICES}!${letter}$2:${letter}${max(2, len(values) + 1)}"
        self.columns[(title, values)] = reference
        return reference

    def named(self, name: str, title: str, values: tuple[str, ...]) -> str:
        """A defined name over the values (for INDIRECT: choices that follow another cell)."""
        from openpyxl.workbook.defined_name import DefinedName

        reference = self.range_of(title, values)
        if name not in self.book.defined_names:
            self.book.defined_names[name] = DefinedName(name, attr_text=reference)
        return name


def _validation(
    sheet: Any,
    area: str,
    formula: str,
    strict: bool,
    header: str,
    guide: Guide,
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    # formulas of data validations are stored without "=", as Excel writes them (OOXML ST_Formula)
    check = DataValidation(type="list", formula1=formula, allow_blank=True)
    check.showErrorMessage = strict
    check.errorStyle = "stop"
    check.errorTitle = header
    check.error = guide.text("closed-list-error", header=header)
    check.showInputMessage = True
    check.promptTitle = header[:32]
    check.prompt = guide.text("closed-list-prompt" if strict else "open-list-prompt")
    check.add(area)
    sheet.add_data_validation(check)


def _serial(day: datetime.date) -> int:
    """Excel's day number (1900 date system)."""
    return (day - datetime.date(1899, 12, 30)).days


def _typed_validation(sheet: Any, area: str, kind: str, header: str, guide: Guide) -> None:
    """Dates and head counts: a warning (not a refusal) for what Excel did not take as one."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if kind == DATE:
        check = DataValidation(
            type="date",
            operator="between",
            formula1=str(_serial(FIRST_DATE)),
            formula2=str(_serial(LAST_DATE)),
            allow_blank=True,
        )
        message = guide.text("date-error", header=header)
    elif kind == INTEGER:
        check = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        message = guide.text("integer-error", header=header)
    else:
        return
    check.errorStyle = "warning"
    check.showErrorMessage = True
    check.errorTitle = header
    check.error = message
    check.add(area)
    sheet.add_data_validation(check)


def _warning_check(
    sheet: Any, area: str, check: str, letter: str, first: int, last: int, header: str, guide: Guide
) -> None:
    """A warning (the importer has the last word): a code typed twice, a NIK not 16 long."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if check == UNIQUE:
        rule = DataValidation(
            type="custom", formula1=f"COUNTIF(${letter}${first}:${letter}${last},{letter}{first})=1"
        )
        message = guide.text("unique-error", header=header)
    else:
        rule = DataValidation(type="textLength", operator="equal", formula1="16")
        message = guide.text("digits16-error", header=header)
    rule.allow_blank = True
    rule.errorStyle = "warning"
    rule.showErrorMessage = True
    rule.errorTitle = header
    rule.error = message
    rule.add(area)
    sheet.add_data_validation(rule)


def write_design(out: Path, design: Design) -> Path:
    """Write the workbook: data sheets first (the first one opens), Petunjuk, hidden Pilihan."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    choices = _Choices(book)
    for plan in design.sheets:
        ws = book.create_sheet(plan.title, index=len(book.sheetnames) - 1)
        top = _write_heading(ws, design, plan)
        last = top + max(len(plan.rows), plan.capacity)
        column = {key: _letter(index) for index, key in enumerate(design.keys, start=1)}
        number = {key: index for index, key in enumerate(design.keys, start=1)}
        for offset, values in enumerate(plan.rows, start=top + 1):
            for key, value in values.items():
                if key in number:
                    ws.cell(offset, number[key], value)
        _shape_columns(ws, design, column, number, top + 1, last)
        _mark_missing(ws, design, plan, column, top + 1, last)
        _drop_downs(ws, design, plan, choices, column, top + 1, last)
    _write_guide(book, design)
    book.active = 0
    return save_atomically(book, out)


def _write_heading(ws: Any, design: Design, plan: SheetPlan) -> int:
    """The sheet's cover lines (label: value, typed as text), then its header row (bold, filled,
    each header's meaning as a comment, columns as wide as the guide says) frozen above the
    rows; returns the header row's number."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    guide = design.guide
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for offset, (label, value) in enumerate(plan.cover, start=1):
        ws.cell(offset, 1, label).font = Font(bold=True)
        cell = ws.cell(offset, 2, value)
        cell.number_format = "@"
    top = len(plan.cover) + 2 if plan.cover else 1
    for index, (key, header) in enumerate(zip(design.keys, design.headers, strict=True), start=1):
        cell = ws.cell(top, index, header)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        meaning = guide.meaning(key)
        if meaning:
            cell.comment = Comment(meaning, "aidledger", width=300, height=120)
        ws.column_dimensions[_letter(index)].width = guide.width(key, header)
    ws.freeze_panes = ws.cell(top + 1, 1).coordinate
    return top


def _shape_columns(
    ws: Any, design: Design, column: dict[str, str], number: dict[str, int], first: int, last: int
) -> None:
    """Rows `first`..`last` of each typed column formatted and checked (dates, counts), the
    warnings (a code twice, a NIK not 16 long), and volume x price formulas in the amounts."""
    guide = design.guide
    for key, kind in design.formats.items():
        if key not in column:
            continue
        number_format = NUMBER_FORMATS[kind]
        for row in range(first, last + 1):
            ws.cell(row, number[key]).number_format = number_format
        _typed_validation(ws, f"{column[key]}{first}:{column[key]}{last}", kind, _header(design, key), guide)
    for key, check in design.checks.items():
        if key in column:
            letter = column[key]
            area = f"{letter}{first}:{letter}{last}"
            _warning_check(ws, area, check, letter, first, last, _header(design, key), guide)
    for key, (left, right) in design.products.items():
        if {key, left, right} <= set(column):
            for row in range(first, last + 1):
                ws.cell(row, number[key], product_formula(column[left], column[right], row))


def _drop_downs(
    ws: Any,
    design: Design,
    plan: SheetPlan,
    choices: _Choices,
    column: dict[str, str],
    first: int,
    last: int,
) -> None:
    """Drop-down lists from the hidden Pilihan sheet: one list per column, or a list that
    depends on the row's participant code (her plan lines, through a named range per code)."""
    guide = design.guide
    for key, spec in {**design.lists, **plan.lists}.items():
        if key not in column:
            continue
        header = _header(design, key)
        area = f"{column[key]}{first}:{column[key]}{last}"
        if isinstance(spec, Choices):
            if spec.values:
                _validation(ws, area, choices.range_of(header, spec.values), spec.strict, header, guide)
            continue
        names = {  # codes may hold hyphens (KHR-24-007), names may not
            code: choices.named(f"RAB_{code.replace('-', '_')}", f"{header} {code}", values)
            for code, values in sorted(spec.by_code.items())
            if values
        }
        if not names or "code" not in column:
            continue
        formula = f'INDIRECT("RAB_"&SUBSTITUTE(${column["code"]}{first},"-","_"))'
        _validation(ws, area, formula, spec.strict, header, guide)


MISSING_FILL = "FFC7CE"  # Excel's own "light red fill"


def _mark_missing(
    ws: Any, design: Design, plan: SheetPlan, column: dict[str, str], first: int, last: int
) -> None:
    """A required cell left empty on a row she has started turns light red (conditional
    formatting: nothing is refused, she sees what the import would name)."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    letters = [column[key] for key in design.keys]
    # what is filled in on every row for her (her code, her companion): typing adds to that
    common = set.intersection(*(set(row) for row in plan.rows)) if plan.rows else set()
    prefilled = sorted(common & set(column), key=design.keys.index)
    row_length = f"SUMPRODUCT(LEN(${letters[0]}{first}:${letters[-1]}{first}))"
    started = "-".join([row_length, *(f"LEN(${column[key]}{first})" for key in prefilled)]) + ">0"
    fill = PatternFill(bgColor=MISSING_FILL)
    for key in design.keys:
        if design.guide.required(key):
            letter = column[key]
            rule = FormulaRule(formula=[f"AND({started},LEN({letter}{first})=0)"], fill=fill)
            ws.conditional_formatting.add(f"{letter}{first}:{letter}{last}", rule)


def save_atomically(book: Any, out: Path) -> Path:
    """Save the workbook whole or not at all (a sheet being filled in is never half-replaced)."""
    import io

    from ledger.writer import write_files_atomically

    buffer = io.BytesIO()
    book.save(buffer)
    write_files_atomically({out: buffer.getvalue()})
    return out


def _header(design: Design, key: str) -> str:
    return design.headers[design.keys.index(key)]


def _write_guide(book: Any, design: Design) -> None:
    """The Petunjuk sheet: the columns one by one (header, required, format, meaning, example),
    then what happens on import and a few rules. The example is one row, read downwards."""
    from openpyxl.styles import Alignment, Font

    guide = design.guide
    ws = book.create_sheet(guide.text("sheet"), index=len(book.sheetnames) - 1)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 70
    ws.column_dimensions["E"].width = 28
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.append([guide.title()])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([guide.purpose()])
    ws.append([])
    ws.append(
        [
            guide.text(word)
            for word in ("col-column", "col-required", "col-format", "col-meaning", "col-example")
        ]
    )
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for key, header in zip(design.keys, design.headers, strict=True):
        kind = design.formats.get(key, TEXT)
        example = guide.example(key)
        fmt = guide.text(_format_word(design, key, kind))
        ws.append(
            [header, guide.text("yes" if guide.required(key) else "no"), fmt, guide.meaning(key), example]
        )
        row = ws.max_row
        for cell in ws[row]:
            cell.alignment = wrap
        if kind in NUMBER_FORMATS and kind != TEXT:
            ws.cell(row, 5).number_format = NUMBER_FORMATS[kind]
    ws.append([])
    ws.append([guide.text("example-note")])
    ws.append([])
    _paragraphs(ws, guide.text("on-import-title"), guide.on_import(), wrap)
    _paragraphs(ws, guide.text("rules-title"), guide.rules(), wrap)
    if guide.extra:
        _paragraphs(ws, guide.extra[0], guide.extra[1], wrap)


def _format_word(design: Design, key: str, kind: str) -> str:
    """What to type, as the guide says it: a formula, a pick from a list, or the cell's kind."""
    if key in design.products:
        return "format-formula"
    lists = [design.lists.get(key), *(sheet.lists.get(key) for sheet in design.sheets)]
    offered = [
        (spec.strict, bool(spec.by_code if isinstance(spec, PerParticipant) else spec.values))
        for spec in lists
        if spec is not None
    ]
    if any(strict and filled for strict, filled in offered):
        return "format-closed"
    if kind == TEXT and any(filled for _, filled in offered):
        return "format-open"
    return f"format-{kind}"


def _paragraphs(ws: Any, title: str, lines: Sequence[Any], wrap: Any) -> None:
    from openpyxl.styles import Font

    ws.append([title])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    for line in lines:
        if isinstance(line, tuple):  # a small table (her plan lines): cells as they are
            ws.append(list(line))
            continue
        ws.append([f"• {line}"])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        ws.cell(row, 1).alignment = wrap
        ws.row_dimensions[row].height = 15 * (len(line) // 120 + 1)
    ws.append([])
