"""Hand-drawn statement PDFs (tests/golden/bank/<layout>/) read into the hand-written JSON.

The PDFs come from short reportlab scripts beside them, typed from the layout description and
not from scripts/sim, so the renderer and the parsers cannot share a misunderstanding.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from importers.bank import bni, bri, mandiri
from importers.statement import Statement

GOLDEN = Path(__file__).parent / "golden" / "bank"
CASES = [
    ("bri-pdf", "statement", bri, "draw"),
    ("bni-pdf", "wondr", bni, "draw_wondr"),
    ("bni-pdf", "old", bni, "draw_old"),
    ("mandiri-pdf", "livin", mandiri, "draw_livin"),
    ("mandiri-pdf", "old", mandiri, "draw_old"),
]
PARSERS = (bri, bni, mandiri)


def maker(layout: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"golden_{layout[:3]}", GOLDEN / layout / "make.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def as_json(statement: Statement) -> dict:
    def text(value: object) -> object:
        if isinstance(value, Decimal):
            return value
        if isinstance(value, datetime.time):
            return f"{value:%H:%M:%S}"
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    head = {
        key: text(getattr(statement, key))
        for key in (
            "layout",
            "bank",
            "variant",
            "account_number",
            "product",
            "period_start",
            "period_end",
            "opening_balance",
            "closing_balance",
            "total_debit",
            "total_credit",
        )
    }
    head["lines"] = [
        {
            key: text(getattr(line, key))
            for key in ("date", "time", "description", "debit", "credit", "balance", "location", "code")
        }
        for line in statement.lines
    ]
    return head


def expected(layout: str, name: str) -> dict:
    data = json.loads((GOLDEN / layout / f"{name}.json").read_text(encoding="utf-8"))
    money = ("opening_balance", "closing_balance", "total_debit", "total_credit")
    for key in money:
        data[key] = Decimal(data[key])
    for line in data["lines"]:
        for key in ("debit", "credit", "balance"):
            line[key] = Decimal(line[key])
    return data


@pytest.mark.parametrize(("layout", "name", "parser", "draw"), CASES)
def test_golden_parse(layout: str, name: str, parser: ModuleType, draw: str) -> None:
    path = GOLDEN / layout / f"{name}.pdf"
    assert as_json(parser.parse(path)) == expected(layout, name)


@pytest.mark.parametrize(("layout", "name", "parser", "draw"), CASES)
def test_golden_identified_by_its_parser_only(layout: str, name: str, parser: ModuleType, draw: str) -> None:
    path = GOLDEN / layout / f"{name}.pdf"
    assert [p.identify(path) for p in PARSERS] == [p is parser for p in PARSERS]


@pytest.mark.parametrize(("layout", "name", "parser", "draw"), CASES)
def test_golden_pdf_is_what_its_script_draws(
    tmp_path: Path, layout: str, name: str, parser: ModuleType, draw: str
) -> None:
    fresh = getattr(maker(layout), draw)(tmp_path / "fresh.pdf")
    assert as_json(parser.parse(fresh))["lines"] == expected(layout, name)["lines"]
