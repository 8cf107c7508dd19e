"""Empty spreadsheets (`aidledger template KIND`) with the headers the importers read.

Each kind is registered with its TableSpec, so a template can never drift from its importer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from importers import disbursements, participants
from importers.tables import TableSpec


class UnknownTemplate(Exception):
    pass


TEMPLATES: dict[str, tuple[TableSpec, list[list[Any]]]] = {
    "participants": (participants.SPEC, []),
    "disbursements": (disbursements.TEMPLATE_SPEC, []),
}


def register(kind: str, spec: TableSpec, example_rows: list[list[Any]] | None = None) -> None:
    TEMPLATES[kind] = (spec, example_rows or [])


def write_table(
    out: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str = "Data"
) -> Path:
    """An XLSX (bold, frozen header, sized columns) or a UTF-8 CSV, by the file's extension."""
    if out.suffix.lower() == ".csv":
        import csv

        with open(out, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)
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
    book.save(out)
    return out


@dataclass(frozen=True)
class TemplateContext:
    """What the books know that a template can fill in: codes to prefill, drop-down choices."""

    participants: tuple[str, ...] = ()  # codes to fill in (empty: none)
    companions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    one_list: bool = False  # one sheet for all participants instead of one sheet each


# kind -> a writer for templates richer than a header row (drop-downs, one sheet per participant)
Writer = Callable[[Path, str, TemplateContext], Path]
WRITERS: dict[str, Writer] = {}


def register_writer(kind: str, spec: TableSpec, writer: Writer) -> None:
    TEMPLATES[kind] = (spec, [])
    WRITERS[kind] = writer


def write_template(
    kind: str, out: Path | None, lang: str = "id", context: TemplateContext | None = None
) -> Path:
    _load_writers()
    if kind not in TEMPLATES:
        raise UnknownTemplate(f"unknown template {kind!r}; known: {', '.join(sorted(TEMPLATES))}")
    spec, examples = TEMPLATES[kind]
    target = out or Path(f"{kind}.xlsx")
    if kind in WRITERS:
        return WRITERS[kind](target, lang, context or TemplateContext())
    return write_table(target, spec.template_headers(lang), examples, sheet=kind)


def _load_writers() -> None:
    """Modules that register richer templates (imported late: they import this module)."""
    import importers.plan_templates  # noqa: F401
