"""Truth -> statement PDF in each layout and variant -> parser -> the truth, line for line."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from importers.bank import bni, bri, mandiri
from scripts.sim.render_statements import VARIANTS, render_statement
from scripts.sim.truth import ProgramYear, simulate

PARSERS = {"bri-pdf": bri, "bni-pdf": bni, "mandiri-pdf": mandiri}
YEAR_START, YEAR_END = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
CASES = [
    (layout, variant) for layout, variants in VARIANTS.items() for variant in variants if layout in PARSERS
]


@pytest.fixture(scope="module")
def year() -> ProgramYear:
    return simulate(30, 11)


def _people(year: ProgramYear, layout: str, variant: str) -> list:
    """Every participant rendered in every layout: a layout's variants take turns."""
    variants = VARIANTS[layout]
    turn = variants.index(variant)
    return [p for i, p in enumerate(year.people) if i % len(variants) == turn]


def _expected(lines, start, end):
    return [(x.date, x.description, x.debit, x.credit, x.balance) for x in lines if start <= x.date <= end]


@pytest.mark.parametrize(("layout", "variant"), CASES)
def test_year_round_trip(year: ProgramYear, tmp_path: Path, layout: str, variant: str) -> None:
    parser = PARSERS[layout]
    for index, person in enumerate(_people(year, layout, variant)):
        lines = year.lines_of(person.code)
        path = tmp_path / f"{person.code}.pdf"
        render_statement(
            path, person, lines, YEAR_START, YEAR_END, layout=layout, variant=variant, ruled=index % 2 == 0
        )
        assert parser.identify(path)
        statement = parser.parse(path)
        got = [(x.date, x.description, x.debit, x.credit, x.balance) for x in statement.lines]
        assert got == _expected(lines, YEAR_START, YEAR_END), person.code
        assert statement.layout == layout
        assert statement.account_number == person.account_number
        assert statement.product == person.product
        assert (statement.period_start, statement.period_end) == (YEAR_START, YEAR_END)
        assert statement.opening_balance == 0
        assert statement.closing_balance == lines[-1].balance
        assert statement.total_debit == sum(x.debit for x in lines)
        assert statement.total_credit == sum(x.credit for x in lines)
        assert all(x.location.startswith("p") for x in statement.lines)
        assert person.name.lower() not in repr(statement).lower()


@pytest.mark.parametrize(("layout", "variant"), CASES)
def test_quarter_many_pages_opening_balance(
    year: ProgramYear, tmp_path: Path, layout: str, variant: str
) -> None:
    """A period inside the year: opening balance from before it; rows over several pages."""
    person = max(year.people, key=lambda p: len(year.lines_of(p.code)))
    lines = year.lines_of(person.code)
    start, end = datetime.date(2026, 4, 1), datetime.date(2026, 9, 30)
    path = render_statement(
        tmp_path / "q.pdf", person, lines, start, end, layout=layout, variant=variant, rows_per_page=4
    )
    statement = PARSERS[layout].parse(path)
    expected = _expected(lines, start, end)
    assert [(x.date, x.description, x.debit, x.credit, x.balance) for x in statement.lines] == expected
    assert len({x.location.split(":")[0] for x in statement.lines}) >= 2
    before = [x for x in lines if x.date < start]
    assert statement.opening_balance == (before[-1].balance if before else 0)
    assert (statement.period_start, statement.period_end) == (start, end)


@pytest.mark.parametrize(("layout", "variant"), CASES)
def test_long_descriptions_wrap(year: ProgramYear, tmp_path: Path, layout: str, variant: str) -> None:
    from dataclasses import replace

    person = year.people[0]
    long = "TRF BANTUAN DINSOS SUMSEL MODAL USAHA ANGKATAN II 2026 REF 0012345678 BANK SUMSEL BABEL PALEMBANG"
    lines = [
        replace(x, description=long if i % 2 else x.description)
        for i, x in enumerate(year.lines_of(person.code))
    ]
    path = render_statement(
        tmp_path / "w.pdf", person, lines, YEAR_START, YEAR_END, layout=layout, variant=variant
    )
    statement = PARSERS[layout].parse(path)
    assert [x.description for x in statement.lines] == [x.description for x in lines]
    assert all(len({x.location}) == 1 for x in statement.lines)


@pytest.mark.parametrize(("layout", "variant"), CASES)
def test_password(year: ProgramYear, tmp_path: Path, layout: str, variant: str) -> None:
    from importers.bank.pdf import PasswordRequired, is_encrypted

    person = year.people[1]
    lines = year.lines_of(person.code)
    path = render_statement(
        tmp_path / "s.pdf",
        person,
        lines,
        YEAR_START,
        YEAR_END,
        layout=layout,
        variant=variant,
        password="13579",
    )
    parser = PARSERS[layout]
    assert not parser.identify(path)  # page 1 cannot be read without the password
    assert is_encrypted(path)
    assert parser.identify(path, password="13579")
    with pytest.raises(PasswordRequired) as missing:
        parser.parse(path)
    assert str(path) in str(missing.value)
    with pytest.raises(PasswordRequired, match="wrong password"):
        parser.parse(path, password="2468")
    statement = parser.parse(path, password="13579")
    assert [x.balance for x in statement.lines] == [x.balance for x in lines]


@pytest.mark.parametrize("layout", list(PARSERS))
def test_identify_only_its_own_layout(year: ProgramYear, tmp_path: Path, layout: str) -> None:
    person = year.people[2]
    lines = year.lines_of(person.code)
    for other, variants in VARIANTS.items():
        if other not in PARSERS:
            continue
        for variant in variants:
            path = render_statement(
                tmp_path / f"{other}{variant}.pdf",
                person,
                lines,
                YEAR_START,
                YEAR_END,
                layout=other,
                variant=variant,
            )
            assert PARSERS[layout].identify(path) == (other == layout), (layout, other, variant)


@pytest.mark.parametrize(("layout", "variant"), CASES)
def test_period_without_lines(year: ProgramYear, tmp_path: Path, layout: str, variant: str) -> None:
    person = year.people[3]
    lines = year.lines_of(person.code)
    start, end = datetime.date(2025, 12, 1), datetime.date(2025, 12, 31)
    path = render_statement(tmp_path / "e.pdf", person, lines, start, end, layout=layout, variant=variant)
    statement = PARSERS[layout].parse(path)
    assert statement.lines == []
    assert (statement.opening_balance, statement.closing_balance) == (0, 0)
    assert (statement.period_start, statement.period_end) == (start, end)
