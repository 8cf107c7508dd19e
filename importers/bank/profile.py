"""Bank profiles: a bank's CSV/XLSX export described in a small TOML file instead of code.

A profile names the header columns that recognise the export, which column holds what, the date
formats, the decimal and thousands separators, the sign convention (split debit/credit columns,
one signed column, or an amount with a D/K-style direction column) and the labels of the block
above (or below) the table. Profiles ship in importers/profiles/*.toml; the books may add their
own in <books>/profiles/*.toml (one with the same `name` replaces the shipped one).
docs/importers.md documents every field.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from importers.bank.sheets import (
    account_digits,
    cover_values,
    direction_of,
    parse_day,
    parse_number,
    relative_location,
)
from importers.parsing import ParseError, parse_period
from importers.statement import Statement, StatementLine
from importers.tables import Column, InputError, Row, TableSpec, _norm, find_tables
from ledger.money import ZERO

SIGNS = ("split", "signed", "direction")
COLUMN_KEYS = (
    "date",
    "description",
    "code",
    "reference",
    "debit",
    "credit",
    "amount",
    "direction",
    "balance",
)
COVER_KEYS = (
    "account_number",
    "product",
    "period",
    "opening_balance",
    "closing_balance",
    "total_debit",
    "total_credit",
)


@dataclass(frozen=True)
class Profile:
    name: str
    bank: str
    extensions: tuple[str, ...]
    columns: dict[str, tuple[str, ...]]  # key -> accepted header names
    header: tuple[str, ...]  # header names that must all be present to recognise the export
    date_formats: tuple[str, ...]
    decimal: str
    thousands: str
    sign: str
    debit_marks: tuple[str, ...]
    credit_marks: tuple[str, ...]
    cover: dict[str, tuple[str, ...]]
    product: str = ""
    origin: str = ""
    absent: tuple[str, ...] = ()  # header names that must not be there (another layout's columns)

    @property
    def layout(self) -> str:
        return f"profile:{self.name}"

    def spec(self) -> TableSpec:
        required = {_norm(h) for h in self.header}
        return TableSpec(
            self.name,
            totals=False,
            columns=tuple(
                Column(key, names, required=any(_norm(n) in required for n in names))
                for key, names in self.columns.items()
            ),
        )


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def profile_from(table: dict[str, Any], origin: str) -> Profile:
    """A Profile from a parsed TOML table; InputError naming the file for a bad field."""

    def need(section: dict[str, Any], key: str, where: str) -> Any:
        if key not in section:
            raise InputError(origin, f"{where}{key} is missing")
        return section[key]

    columns_raw = need(table, "columns", "")
    if not isinstance(columns_raw, dict):
        raise InputError(origin, "[columns] must be a table")
    unknown = set(columns_raw) - set(COLUMN_KEYS)
    if unknown:
        raise InputError(origin, f"[columns]: unknown key(s) {', '.join(sorted(unknown))}")
    columns = {key: _names(value) for key, value in columns_raw.items()}
    fmt = table.get("format", {})
    sign = str(fmt.get("sign", "split"))
    if sign not in SIGNS:
        raise InputError(origin, f"[format] sign must be one of {', '.join(SIGNS)}, not {sign!r}")
    needed = {"split": ("debit", "credit"), "signed": ("amount",), "direction": ("amount", "direction")}[sign]
    for key in ("date", *needed):
        if key not in columns:
            raise InputError(origin, f"[columns] {key} is needed (sign = {sign!r})")
    if "balance" not in columns and "opening_balance" not in table.get("cover", {}):
        raise InputError(origin, "[columns] balance or [cover] opening_balance is needed to check the chain")
    header = _names(table.get("header", {}).get("columns", [columns[k][0] for k in ("date", *needed)]))
    cover_raw = table.get("cover", {})
    unknown = set(cover_raw) - set(COVER_KEYS)
    if unknown:
        raise InputError(origin, f"[cover]: unknown key(s) {', '.join(sorted(unknown))}")
    if "account_number" not in cover_raw:
        raise InputError(origin, "[cover] account_number is needed (the statement's owner is found by it)")
    return Profile(
        name=str(need(table, "name", "")),
        bank=str(need(table, "bank", "")),
        extensions=tuple(e.lower().lstrip(".") for e in _names(table.get("extensions", ["csv", "xlsx"]))),
        columns=columns,
        header=header,
        absent=_names(table.get("header", {}).get("absent", ())),
        date_formats=_names(fmt.get("date", ())),
        decimal=str(fmt.get("decimal", ",")),
        thousands=str(fmt.get("thousands", ".")),
        sign=sign,
        debit_marks=tuple(m.upper() for m in _names(fmt.get("debit", ("D", "DB", "DR")))),
        credit_marks=tuple(m.upper() for m in _names(fmt.get("credit", ("K", "CR", "C")))),
        cover={key: _names(value) for key, value in cover_raw.items()},
        product=str(table.get("product", "")),
        origin=origin,
    )


def load_profile(text: str, origin: str) -> Profile:
    try:
        return profile_from(tomllib.loads(text), origin)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"not a valid TOML file ({exc})") from None


def shipped_profiles() -> list[Profile]:
    folder = resources.files("importers.profiles")
    return [
        load_profile(item.read_text(encoding="utf-8"), f"importers/profiles/{item.name}")
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith(".toml")
    ]


def all_profiles(books_root: Path | None = None) -> list[Profile]:
    """Shipped profiles, then <books>/profiles/*.toml (same name: the books' one wins)."""
    profiles = {p.name: p for p in shipped_profiles()}
    folder = books_root / "profiles" if books_root else None
    if folder is not None and folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            profile = load_profile(path.read_text(encoding="utf-8"), str(path))
            profiles[profile.name] = profile
    return list(profiles.values())


def identify(profile: Profile, path: Path) -> bool:
    if path.suffix.lower().lstrip(".") not in profile.extensions:
        return False
    try:
        tables = find_tables(path, profile.spec(), header_only=True)
        if not tables or not profile.absent:
            return bool(tables)
        present = {_norm(cell) for cell in tables[0].header_cells}
        return not present & {_norm(name) for name in profile.absent}
    except (InputError, OSError, ValueError, IndexError, KeyError):
        return False


def parse(profile: Profile, path: Path | str, password: str | None = None) -> Statement:
    del password
    path = Path(path)
    tables = find_tables(path, profile.spec())
    if not tables:
        raise InputError(str(path), f"no table with the header of profile {profile.name} found")
    table = tables[0]
    lines: list[StatementLine] = []
    footer: list[list[Any]] = []
    for row in table.rows:
        date = row.values.get("date")
        if date is None or str(date).strip() == "":
            if cover_values([row.cells], profile.cover):
                footer.append(row.cells)
                continue
            raise InputError(row.location, "date is empty (and the row is not a known summary line)")
        lines.append(_line(profile, path, row))
    cover = cover_values([*table.above, *footer], profile.cover)
    where = table.header_location
    statement = Statement(
        path=path,
        layout=profile.layout,
        bank=profile.bank,
        account_number=account_digits(cover.get("account_number"), where),
        product=str(cover.get("product") or profile.product),
        lines=lines,
    )
    try:
        period = cover.get("period")
        if period is not None and str(period).strip():
            statement.period_start, statement.period_end = parse_period(
                str(period), formats=profile.date_formats
            )
        for key in ("opening_balance", "closing_balance", "total_debit", "total_credit"):
            if cover.get(key) not in (None, ""):
                setattr(statement, key, parse_number(cover[key], profile.decimal, profile.thousands))
    except ParseError as exc:
        raise InputError(where, f"the block around the table: {exc}") from None
    if not lines:
        raise InputError(where, "the statement has no lines")
    return statement


def _number(profile: Profile, row: Row, key: str) -> Decimal | None:
    value = row.values.get(key)
    if value is None or str(value).strip() in ("", "-"):
        return None
    try:
        return parse_number(value, profile.decimal, profile.thousands)
    except ParseError as exc:
        raise InputError(row.location, f"{key}: {exc}") from None


def _line(profile: Profile, path: Path, row: Row) -> StatementLine:
    try:
        date = parse_day(row.values.get("date"), profile.date_formats)
    except ParseError as exc:
        raise InputError(row.location, f"date: {exc}") from None
    if profile.sign == "split":
        debit = _number(profile, row, "debit") or ZERO
        credit = _number(profile, row, "credit") or ZERO
        if debit < 0 or credit < 0:
            raise InputError(row.location, "a debit or credit amount is negative")
    else:
        amount = _number(profile, row, "amount") or ZERO
        if profile.sign == "signed":
            debit, credit = (-amount, ZERO) if amount < 0 else (ZERO, amount)
        else:
            side = direction_of(row.values.get("direction"), profile.debit_marks, profile.credit_marks)
            if side is None and amount:
                raise InputError(
                    row.location,
                    f"direction: expected one of {', '.join(profile.debit_marks + profile.credit_marks)}, "
                    f"got {row.text('direction')!r}",
                )
            debit, credit = (abs(amount), ZERO) if side == "debit" else (ZERO, abs(amount))
    return StatementLine(
        date=date,
        description=row.text("description") or row.text("code"),
        debit=debit,
        credit=credit,
        balance=_number(profile, row, "balance"),
        location=relative_location(path, row),
        code=row.text("code").upper(),
        reference=row.text("reference"),
    )
