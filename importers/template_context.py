"""What the books give a template: the participants to fill in and the drop-downs' choices.

Codes asked for are checked against the register of the books, all at once: a template for a
participant who does not exist would come back as a refused import, so it is refused now.
A companion is named by her code or by her name as the register has it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from beancount.core import data

from importers.template_guide import message
from ledger import accounts
from ledger.books import LoadedBooks
from ledger.disbursements import META_COMPONENT
from ledger.money import format_idr
from ledger.plans import PLAN_LINE
from ledger.reconcile.facts import build_facts


class TemplateError(Exception):
    """A template that cannot be made as asked (unknown participant or companion)."""


@dataclass(frozen=True)
class PlanLineChoice:
    no: str
    description: str
    category: str
    amount: str


@dataclass(frozen=True)
class TemplateContext:
    """What the books know that a template can fill in: codes to prefill, drop-down choices."""

    participants: tuple[str, ...] = ()  # codes to fill in (empty: none)
    asked: tuple[str, ...] = ()  # the codes asked for by name (--participant)
    companions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    one_list: bool = False  # one sheet for all participants instead of one sheet each
    checked: bool = False  # the codes come from the books: Kode Peserta becomes a closed list
    registered: tuple[str, ...] = ()  # the closed list: the books' codes (hers with --companion)
    companion_of: dict[str, str] = field(default_factory=dict)
    bank_of: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (bank, product)
    funder_of: dict[str, str] = field(default_factory=dict)
    plan_lines: dict[str, tuple[PlanLineChoice, ...]] = field(default_factory=dict)
    # her plan in force, line by line (values by the plan sheet's column keys): a plan sheet is
    # her whole plan, so the template starts from it and she edits rather than retypes
    plan_rows: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)
    groups: tuple[str, ...] = ()
    cohorts: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    banks: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    components: tuple[str, ...] = ()


def companion_code(loaded: LoadedBooks, text: str, lang: str = "id") -> str:
    """The companion's code for her code or her name (label) as the register has it."""
    wanted = " ".join(text.split()).casefold()
    program = loaded.program
    for code, record in sorted(program.companions.items()):
        if wanted in (code.casefold(), " ".join(record.label.split()).casefold()):
            return code
    for person in program.participants.values():  # a companion only named on participants
        if " ".join(person.companion.split()).casefold() == wanted:
            return person.companion
    known = sorted(program.companions) or sorted({p.companion for p in program.participants.values()})
    raise TemplateError(
        message(
            "unknown-companion",
            lang,
            companion=text,
            books=loaded.paths.root,
            known=", ".join(known) or "-",
        )
    )


def _sorted(values: set[str]) -> tuple[str, ...]:
    return tuple(sorted(v for v in values if v))


def context_for(
    loaded: LoadedBooks | None,
    codes: list[str],
    companion: str | None,
    one_list: bool,
    lang: str = "id",
) -> TemplateContext:
    """The codes to fill in and the choices: the given codes (checked), else the books'
    participants still in the program (of one companion when given)."""
    if loaded is None:
        if codes or companion:
            option = "--participant" if codes else "--companion"
            raise TemplateError(message("needs-books", lang, option=option))
        return TemplateContext(one_list=one_list)
    program = loaded.program
    people = program.participants
    wanted, asked, her = _wanted(loaded, codes, companion, lang)
    customs = [entry for entry in loaded.entries if isinstance(entry, data.Custom)]
    plan_lines, plan_rows = _plan_choices(customs)
    components = {
        str(entry.meta.get(META_COMPONENT))
        for entry in loaded.entries
        if isinstance(entry, data.Transaction) and entry.meta.get(META_COMPONENT)
    }
    return TemplateContext(
        participants=tuple(wanted),
        asked=asked,
        companions=_sorted(set(program.companions) | {p.companion for p in people.values()}),
        categories=_sorted(
            {
                str(entry.meta["category"])
                for entry in customs
                if entry.type == PLAN_LINE and entry.meta.get("category")
            }
        ),
        one_list=one_list,
        checked=True,
        # her template offers her participants only: another companion's codes are not hers to use
        registered=tuple(sorted(code for code, p in people.items() if her in (None, p.companion))),
        companion_of={code: people[code].companion for code in people},
        bank_of={code: (people[code].bank, people[code].product) for code in people},
        funder_of={code: people[code].funder for code in people},
        plan_lines=plan_lines,
        plan_rows=plan_rows,
        groups=_sorted({p.group for p in people.values()}),
        cohorts=_sorted(set(program.cohorts) | {p.cohort for p in people.values()}),
        funders=_sorted(set(program.funders)),
        banks=_sorted({p.bank for p in people.values()}),
        products=_sorted({p.product for p in people.values()}),
        components=_sorted(components),
    )


def _wanted(
    loaded: LoadedBooks, codes: list[str], companion: str | None, lang: str
) -> tuple[list[str], tuple[str, ...], str | None]:
    """(the codes to fill in, the codes asked for, her companion code): the codes asked for,
    each registered (else refused, naming some that are), of her participants only; without
    codes, every participant still in the program (hers, when a companion is given)."""
    people = loaded.program.participants
    wanted: list[str] = []
    unknown: list[str] = []
    for text in codes:
        try:
            code = accounts.normalise_participant_code(text)
        except ValueError:
            code = text.strip()
        (wanted if code in people else unknown).append(code)
    if unknown:
        raise TemplateError(
            message(
                "unknown-participant",
                lang,
                codes=", ".join(unknown),
                books=loaded.paths.root,
                known=", ".join(sorted(people)[:20]) + (" ..." if len(people) > 20 else "") or "-",
            )
        )
    asked = tuple(wanted)
    her = companion_code(loaded, companion, lang) if companion else None
    if not wanted:
        today = datetime.date.today()
        wanted = sorted(
            code
            for code, person in people.items()
            if her in (None, person.companion) and (person.closed is None or person.closed > today)
        )
    elif her is not None:
        wanted = [code for code in wanted if people[code].companion == her]
    return wanted, asked, her


def _plan_choices(
    customs: list[data.Custom],
) -> tuple[dict[str, tuple[PlanLineChoice, ...]], dict[str, tuple[dict[str, Any], ...]]]:
    """Each participant's plan lines, in line order: as drop-down choices (number,
    description, category, amount) and as rows prefilled in the receipts template."""
    plans = build_facts(customs, datetime.date.max).plans
    plan_lines = {
        code: tuple(
            PlanLineChoice(
                line.no,
                str(line.meta.get("description", "")),
                line.category,
                format_idr(line.amount, symbol=False),
            )
            for line in sorted(plan.lines.values(), key=lambda line: _line_order(line.no))
        )
        for code, plan in plans.items()
        if plan.lines
    }
    plan_rows = {
        code: tuple(
            _plan_row(line.no, line.category, line.approved, line.meta)
            for line in sorted(plan.lines.values(), key=lambda line: _line_order(line.no))
        )
        for code, plan in plans.items()
        if plan.lines
    }
    return plan_lines, plan_rows


def _number(value: Any) -> Any:
    """A metadata number (or Amount) as a cell value: an int when whole (Excel shows 2, not 2.0)."""
    number = getattr(value, "number", value)
    if isinstance(number, Decimal):
        return int(number) if number == number.to_integral_value() else number
    return number


def _plan_row(no: str, category: str, approved: datetime.date, meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "no": no,
        "description": str(meta.get("description", "")),
        "category": category,
        "volume": _number(meta.get("volume")),
        "unit": str(meta.get("unit", "") or ""),
        "unit_price": _number(meta.get("unit-price")),
        "approved_by": str(meta.get("approved-by", "") or ""),
        "approved": approved,
    }


def _line_order(no: str) -> tuple[int, str]:
    return (int(no), "") if no.isdigit() else (1 << 30, no)
