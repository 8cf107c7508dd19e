"""A companion's scope of the books: her participants' entries only (`aidledger serve --companion`).

The entries of one load are filtered, never the files: an entry belongs to a participant when
it posts to her accounts or is a record of hers (custom directives whose first value is her
code: participant, plan, visit). Kept: entries of the companion's participants, and entries of
nobody (settings, funders, companions, cohorts, the institution's accounts) that name no other
participant. Dropped: every other participant's entries, and anything else naming one of them.
Her own entries that happen to name another participant in their text (a receipt number, an
import-key) keep their figures with that code masked, so her balances stay whole and no other
code shows. Fava's import options are dropped: the import folder holds everyone's files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from beancount.core import data

from ledger import accounts
from ledger.records import PARTICIPANT, Program

MASK = "***"
IMPORT_OPTIONS = frozenset(("import-config", "import-dirs"))


def companion_code(program: Program, text: str) -> str | None:
    """The companion a code or a name (as the register has it) names, or None."""
    if text in program.companions:
        return text
    folded = " ".join(text.lower().split())
    for code, record in program.companions.items():
        if code.lower() == folded or " ".join(record.label.lower().split()) == folded:
            return code
    return None


def participants_of(program: Program, companion: str) -> set[str]:
    return {code for code, person in program.participants.items() if person.companion == companion}


def owners(entry: data.Directive, known: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The participants an entry belongs to (her accounts, or a record of hers: a custom
    directive whose first value is one of the `known` codes)."""
    if isinstance(entry, data.Transaction):
        return {c for c in (accounts.participant_of(p.account) for p in entry.postings) if c}
    account = getattr(entry, "account", None)
    if isinstance(account, str):
        code = accounts.participant_of(account)
        return {code} if code else set()
    if isinstance(entry, data.Custom) and entry.values:
        value = str(getattr(entry.values[0], "value", entry.values[0]))
        if entry.type == PARTICIPANT or value in known:
            return {value}
    return set()


_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


class Scope:
    """The filter of one companion: her participants, and every other participant's code.

    A code is found as a whole word (P0002 in "Assets:Aid:P0002:Cash", "NT-P0002-01" or
    "receipt:P0002:..."; not in "P00021"): words are split where a code cannot continue, and
    hyphenated runs are tried part by part, since codes may hold hyphens (KHR-24-007). Linear
    in the text, whatever the number of participants."""

    def __init__(self, mine: set[str], everyone: Iterable[str]):
        self.mine = mine
        self.others = {c for c in everyone if c not in mine}
        self.known = self.mine | self.others

    def _hits(self, text: str) -> list[tuple[int, int]]:
        hits = []
        others = self.others
        for match in _TOKEN.finditer(text):
            word = match.group()
            if "-" not in word:
                if word.upper() in others:
                    hits.append(match.span())
                continue
            parts = word.split("-")
            starts = []
            position = match.start()
            for part in parts:
                starts.append(position)
                position += len(part) + 1
            i = 0
            while i < len(parts):
                end = next(
                    (j for j in range(len(parts), i, -1) if "-".join(parts[i:j]).upper() in others), None
                )
                if end is None:
                    i += 1
                    continue
                hits.append((starts[i], starts[end - 1] + len(parts[end - 1])))
                i = end
        return hits

    def names_other(self, text: str) -> bool:
        return bool(self.others) and bool(self._hits(text))

    def mask(self, text: str) -> str:
        hits = self._hits(text)
        for start, end in reversed(hits):
            text = text[:start] + MASK + text[end:]
        return text

    def keep(self, entry: data.Directive) -> data.Directive | None:
        """The entry as her companion may see it, or None."""
        if (
            isinstance(entry, data.Custom)
            and entry.type == "fava-option"
            and entry.values
            and str(getattr(entry.values[0], "value", entry.values[0])) in IMPORT_OPTIONS
        ):
            return None
        if isinstance(entry, data.Custom) and entry.type in ("settings", "funder", "companion", "cohort"):
            return entry if not any(self.names_other(t) for t in _texts(entry)) else None
        found = owners(entry, self.known)
        if found:
            if not found <= self.mine:
                return None
            if any(self.names_other(t) for t in _texts(entry)):
                return self._masked(entry)
            return entry
        if any(self.names_other(t) for t in _texts(entry)):
            return None
        return entry

    def _masked(self, entry: data.Directive) -> data.Directive:
        meta = {k: self._value(v) for k, v in (entry.meta or {}).items()}
        if isinstance(entry, data.Transaction):
            postings = [
                p._replace(meta={k: self._value(v) for k, v in p.meta.items()}) if p.meta else p
                for p in entry.postings
            ]
            return entry._replace(
                meta=meta,
                postings=postings,
                narration=self.mask(entry.narration or ""),
                payee=self.mask(entry.payee) if entry.payee else entry.payee,
            )
        if isinstance(entry, data.Note):
            return entry._replace(meta=meta, comment=self.mask(entry.comment))
        return entry._replace(meta=meta)

    def _value(self, value: Any) -> Any:
        return self.mask(value) if isinstance(value, str) else value


def _texts(entry: data.Directive) -> Iterable[str]:
    """Every text an entry shows: metadata, narration, payee, custom values, a note, a filename."""
    for key, value in (entry.meta or {}).items():
        if key not in ("filename", "lineno") and isinstance(value, str):
            yield value
    if isinstance(entry, data.Transaction):
        yield from _transaction_texts(entry)
    elif isinstance(entry, data.Custom):
        for value in entry.values:
            inner = getattr(value, "value", value)
            if isinstance(inner, str):
                yield inner
    elif isinstance(entry, data.Note):
        yield entry.comment
    elif isinstance(entry, data.Document):
        yield entry.filename
    account = getattr(entry, "account", None)
    if isinstance(account, str):
        yield account


def _transaction_texts(entry: data.Transaction) -> Iterable[str]:
    """Narration, payee, and every posting's account and text metadata."""
    yield entry.narration or ""
    if entry.payee:
        yield entry.payee
    for posting in entry.postings:
        yield posting.account
        for value in (posting.meta or {}).values():
            if isinstance(value, str):
                yield value


def scoped(entries: Iterable[data.Directive], program: Program, companion: str) -> list[data.Directive]:
    """The entries her companion may see (see the module's docstring)."""
    scope = Scope(participants_of(program, companion), program.participants)
    kept = []
    for entry in entries:
        shown = scope.keep(entry)
        if shown is not None:
            kept.append(shown)
    return kept
