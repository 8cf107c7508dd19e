"""What each template holds: its importer's columns, their formats, formulas and drop-downs.

One function per kind, from the importer's own TableSpec (so a template cannot drift from its
importer) and what the books know (importers/template_context.py). Closed lists: Kode Peserta
(with --books), Meterai, Status Usaha, No RAB (her plan lines); the others only suggest,
because the importers accept new values there (a new category, unit, companion, bank).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from importers import disbursements, participants, plans, receipts, visit_columns
from importers.bank import passbook
from importers.tables import TableSpec
from importers.template_book import (
    DATE,
    DIGITS16,
    INTEGER,
    MONEY,
    NUMBER,
    TEXT,
    UNIQUE,
    Choices,
    Design,
    PerParticipant,
    SheetPlan,
)
from importers.template_context import TemplateContext
from importers.template_guide import KINDS as WORDS
from importers.template_guide import Guide, message

ROWS_PER_PARTICIPANT = 12
ROWS_FOR_NEW_LINES = 5  # below her plan in force, her code on rows for lines to add
ROWS_PER_SHEET = 40  # a participant's own sheet: a plan or a year of receipts, not 200 rows
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
BANKS = ("BRI", "BNI", "Mandiri", "BSI", "BTN", "Bank Sumsel Babel")
COMPONENTS = ("modal usaha", "transport")
PASSBOOK_KEYS = ("no", "date", "code", "description", "debit", "credit", "balance", "teller")
PASSBOOK_EN = ("No", "Date", "Code", "Description", "Debit", "Credit", "Balance", "Teller")
PASSBOOK_COVER = {"id": ("Bank", "Produk", "No Rekening"), "en": ("Bank", "Product", "Account Number")}
SHEETS = {
    "participants": ("Peserta", "Participants"),
    "disbursements": ("Daftar Nominatif", "Disbursements"),
    "plan": ("RAB", "Plan"),
    "receipts": ("Nota", "Receipts"),
    "passbook": ("Buku Tabungan", "Passbook"),
    "progress": ("Kunjungan", "Visits"),
}
PRODUCT = {"amount": ("volume", "unit_price")}


class TemplateRefused(Exception):
    """A template that does not make sense as asked (two participants in one passbook)."""


def _merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for group in groups for value in group if value))


def _sheet_title(kind: str, lang: str) -> str:
    return SHEETS[kind][0 if lang == "id" else 1]


def _codes(context: TemplateContext) -> Choices | None:
    """Kode Peserta as a closed list of the books' participants (only with --books)."""
    return Choices(context.registered, True) if context.checked and context.registered else None


def _design(
    kind: str,
    spec: TableSpec,
    lang: str,
    sheets: list[SheetPlan],
    formats: dict[str, str],
    lists: dict[str, Choices | PerParticipant | None],
    keys: tuple[str, ...] | None = None,
    extra: tuple[str, list[Any]] | None = None,
    checks: dict[str, str] | None = None,
) -> Design:
    keys = keys or tuple(column.key for column in spec.columns)
    all_headers = dict(zip((c.key for c in spec.columns), spec.template_headers(lang), strict=True))
    if kind == "passbook" and lang == "en":  # its second names are Indonesian spellings
        all_headers.update(zip(PASSBOOK_KEYS, PASSBOOK_EN, strict=True))
    required = frozenset(WORDS[kind].get("required", ()))
    return Design(
        keys=keys,
        headers=tuple(all_headers[key] for key in keys),
        formats=formats,
        sheets=sheets,
        guide=Guide(kind, lang, required, extra),
        lists={key: value for key, value in lists.items() if value is not None},
        products={key: pair for key, pair in PRODUCT.items() if key in keys and set(pair) <= set(keys)},
        checks=checks or {},
    )


def _per_participant(
    kind: str, lang: str, context: TemplateContext, per_code: Callable[[str], dict[str, Any]]
) -> list[SheetPlan]:
    """One sheet per participant (named by her code, her code on every row) or one list."""
    codes = list(context.participants)
    if codes and not context.one_list:
        return [
            SheetPlan(code, [per_code(code)] * ROWS_PER_PARTICIPANT, capacity=ROWS_PER_SHEET)
            for code in codes
        ]
    rows = [per_code(code) for code in codes for _ in range(ROWS_PER_PARTICIPANT)]
    return [SheetPlan(_sheet_title(kind, lang), rows)]


def participants_design(lang: str, context: TemplateContext) -> Design:
    formats = {
        "code": TEXT,
        "nik": TEXT,
        "phone": TEXT,
        "account_number": TEXT,
        "joined": DATE,
        "min_balance": MONEY,
    }
    lists: dict[str, Choices | PerParticipant | None] = {
        "group": Choices(context.groups, False),
        "cohort": Choices(context.cohorts, False),
        "companion": Choices(context.companions, False),
        "funder": Choices(context.funders, False),
        "bank": Choices(_merge(context.banks, BANKS), False),
        "product": Choices(context.products, False),
    }
    sheets = [SheetPlan(_sheet_title("participants", lang))]
    checks = {"code": UNIQUE, "nik": DIGITS16}
    return _design("participants", participants.SPEC, lang, sheets, formats, lists, checks=checks)


def disbursements_design(lang: str, context: TemplateContext) -> Design:
    formats = {"code": TEXT, "amount": MONEY, "date": DATE, "batch": TEXT}
    rows = [{"code": code, "funder": context.funder_of.get(code, "")} for code in context.participants]
    lists: dict[str, Choices | PerParticipant | None] = {
        "code": _codes(context),
        "funder": Choices(context.funders, False),
        "component": Choices(_merge(COMPONENTS, context.components), False),
    }
    sheets = [SheetPlan(_sheet_title("disbursements", lang), rows)]
    return _design("disbursements", disbursements.TEMPLATE_SPEC, lang, sheets, formats, lists)


def plan_design(lang: str, context: TemplateContext) -> Design:
    formats = {
        "code": TEXT,
        "no": TEXT,
        "volume": NUMBER,
        "unit_price": MONEY,
        "amount": MONEY,
        "approved": DATE,
    }
    lists: dict[str, Choices | PerParticipant | None] = {
        "code": _codes(context),
        "category": Choices(_merge(context.categories, CATEGORIES), False),
        "unit": Choices(UNITS, False),
        "approved_by": Choices(context.companions, False),
    }
    sheets = _per_participant("plan", lang, context, lambda code: {"code": code})
    for sheet in sheets:  # her plan in force first, then the rows left for new lines
        codes = [sheet.title] if sheet.title in context.plan_rows else []
        if not codes and context.one_list:
            codes = [code for code in context.participants if code in context.plan_rows]
        current = [{"code": code, **line} for code in codes for line in context.plan_rows[code]]
        if current:
            sheet.rows = current + [row for row in sheet.rows if row.get("code") not in codes or len(row) > 1]
            sheet.rows += [{"code": code} for code in codes for _ in range(ROWS_FOR_NEW_LINES)]
    return _design("plan", plans.SPEC, lang, sheets, formats, lists)


def receipts_design(lang: str, context: TemplateContext) -> Design:
    formats = {
        "code": TEXT,
        "date": DATE,
        "receipt": TEXT,
        "volume": NUMBER,
        "unit_price": MONEY,
        "amount": MONEY,
        "plan_line": TEXT,
        "scan": TEXT,
    }
    sheets = _per_participant("receipts", lang, context, lambda code: {"code": code})
    lines = {code: tuple(line.no for line in context.plan_lines.get(code, ())) for code in context.registered}
    if not context.one_list:  # a participant's own sheet: her lines directly (none: no list)
        for sheet in sheets:
            if sheet.title in context.participants:
                sheet.lists["plan_line"] = Choices(lines.get(sheet.title, ()), True)
    lists: dict[str, Choices | PerParticipant | None] = {
        "code": _codes(context),
        "category": Choices(_merge(context.categories, CATEGORIES), False),
        "unit": Choices(UNITS, False),
        "meterai": Choices(("ya", "tidak"), True),
        "plan_line": PerParticipant({code: nos for code, nos in lines.items() if nos}),
    }
    shown = [code for code in context.participants if context.plan_lines.get(code)]
    extra = None
    if shown:
        table: list[Any] = [
            (code, line.no, line.description, line.category, line.amount)
            for code in shown
            for line in context.plan_lines[code]
        ]
        extra = (message("plan-lines-title", lang), table)
    return _design("receipts", receipts.SPEC, lang, sheets, formats, lists, extra=extra)


def passbook_design(lang: str, context: TemplateContext) -> Design:
    codes = context.asked
    if len(codes) > 1:
        raise TemplateRefused(message("one-passbook", lang, count=len(codes)))
    bank, product = context.bank_of.get(codes[0], ("", "")) if codes else ("", "")
    labels = PASSBOOK_COVER["en" if lang == "en" else "id"]
    cover: list[tuple[str, Any]] = [
        (labels[0], bank or None),
        (labels[1], product or None),
        (labels[2], None),
    ]
    formats = {
        "date": DATE,
        "code": TEXT,
        "debit": MONEY,
        "credit": MONEY,
        "balance": MONEY,
        "teller": TEXT,
    }
    sheets = [SheetPlan(_sheet_title("passbook", lang), cover=cover)]
    return _design("passbook", passbook.SPEC, lang, sheets, formats, {}, keys=PASSBOOK_KEYS)


def progress_design(lang: str, context: TemplateContext) -> Design:
    formats = {
        "code": TEXT,
        "date": DATE,
        "omzet": MONEY,
        "laba": MONEY,
        "assets": MONEY,
        "workers": INTEGER,
        "note": TEXT,
        "companion": TEXT,
        "scan": TEXT,
    }
    rows = [{"code": code, "companion": context.companion_of.get(code, "")} for code in context.participants]
    lists: dict[str, Choices | PerParticipant | None] = {
        "code": _codes(context),
        "status": Choices(visit_columns.STATUSES, True),
        "companion": Choices(context.companions, False),
    }
    sheets = [SheetPlan(_sheet_title("progress", lang), rows)]
    return _design("progress", visit_columns.SPEC, lang, sheets, formats, lists)


DESIGNS: dict[str, Callable[[str, TemplateContext], Design]] = {
    "participants": participants_design,
    "disbursements": disbursements_design,
    "plan": plan_design,
    "receipts": receipts_design,
    "passbook": passbook_design,
    "progress": progress_design,
}
