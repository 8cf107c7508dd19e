"""The rule table that says what kind of movement a savings-book line is.

The default table ships as package data (importers/rules/default.toml); the institution extends
or overrides it without code in <books>/rules.toml. Funders that declare a `keyword` in their
record (`custom "funder" "Kemensos"` with `keyword: "KEMENSOS"`) add an aid-credit rule each.
Classification is one plain function, `classify`, so later steps (a disbursement list that
explains a credit) can wrap it. docs/importers.md documents the format.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from importers.statement import StatementLine
from importers.tables import InputError
from ledger.fold import fold_words

KINDS = (
    "aid-credit",
    "own-deposit",
    "withdrawal",
    "admin-fee",
    "card-fee",
    "interest",
    "tax",
    "transfer",
    "reversal",
    "summary",
)
UNKNOWN = "unknown"
OFF = "off"
SIDES = ("credit", "debit", "any")
BOOKS_RULES = "rules.toml"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    side: str = "any"
    codes: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    funder: str = ""  # for aid credits: whose aid the rule recognises
    origin: str = "default"

    def matches(self, code: str, words: str, side: str) -> bool:
        if self.side != "any" and self.side != side:
            return False
        if code and code in self.codes:
            return True
        return any(f" {pattern} " in words for pattern in self.contains)


@dataclass(frozen=True)
class Classification:
    kind: str  # one of KINDS, or "unknown"
    rule: str  # the rule that decided it ("" when none did)
    funder: str = ""


def _rules_from(table: dict[str, Any], origin: str) -> list[Rule]:
    out = []
    for index, raw in enumerate(table.get("rule", []), start=1):
        where = f"{origin}: rule {index}"
        if not isinstance(raw, dict) or "kind" not in raw:
            raise InputError(where, "each [[rule]] needs at least a kind")
        kind = str(raw["kind"])
        if kind not in (*KINDS, OFF):
            raise InputError(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)}, or off)")
        side = str(raw.get("side", "any"))
        if side not in SIDES:
            raise InputError(where, f"side must be credit, debit or any, not {side!r}")
        unknown = set(raw) - {"name", "kind", "side", "codes", "contains", "funder"}
        if unknown:
            raise InputError(where, f"unknown field(s) {', '.join(sorted(unknown))}")
        out.append(
            Rule(
                name=str(raw.get("name") or f"{origin}#{index}"),
                kind=kind,
                side=side,
                codes=tuple(fold_words(str(c)) for c in raw.get("codes", [])),
                contains=tuple(fold_words(str(c)) for c in raw.get("contains", [])),
                funder=str(raw.get("funder", "")),
                origin=origin,
            )
        )
    return out


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(origin, f"not a valid TOML file ({exc})") from None


def default_rules() -> list[Rule]:
    text = resources.files("importers.rules").joinpath("default.toml").read_text(encoding="utf-8")
    return _rules_from(_read_toml(text, "default.toml"), "default")


def merge(defaults: list[Rule], extra: list[Rule]) -> list[Rule]:
    """Books' rules first; a books rule named like a default replaces it in place."""
    by_name = {rule.name: rule for rule in extra}
    replaced = [by_name.pop(rule.name, rule) for rule in defaults]
    new = [rule for rule in extra if rule.name in by_name]
    return [rule for rule in (*new, *replaced) if rule.kind != OFF]


def load_rules(books_root: Path | None = None, funder_keywords: dict[str, str] | None = None) -> list[Rule]:
    """The default table, the funders' keywords, then <books>/rules.toml over both."""
    rules = default_rules()
    keyword_rules = [
        Rule(f"funder:{funder}", "aid-credit", "credit", (), (fold_words(word),), funder, "books")
        for funder, word in sorted((funder_keywords or {}).items())
        if fold_words(word)
    ]
    rules = keyword_rules + rules
    if books_root is not None:
        path = books_root / BOOKS_RULES
        if path.is_file():
            rules = merge(
                rules, _rules_from(_read_toml(path.read_text(encoding="utf-8"), str(path)), "books")
            )
    return rules


def classify(line: StatementLine, rules: list[Rule]) -> Classification:
    """The first rule that matches the line's code or description; unknown when none does."""
    side = "credit" if line.credit > line.debit else "debit"
    code = fold_words(line.code)
    words = f" {fold_words(line.description)} "
    for rule in rules:
        if rule.matches(code, words, side):
            return Classification(rule.kind, rule.name, rule.funder)
    return Classification(UNKNOWN, "")
