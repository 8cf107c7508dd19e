"""`aidledger outcomes`: business success per group and milestone, as a table, JSON or CSV.

Exit status: 0, or 2 when the books cannot be used. With --format json, standard output holds
only the JSON list (keys: by, milestone, participants, visited, running, rate, median_omzet,
median_laba; money as strings). The figures are ledger/progress.py's (docs/progress.md).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import click
import pandas as pd

from ledger import books as books_mod
from ledger import cleantext
from ledger.money import format_idr
from ledger.progress import DIMENSIONS, Outcome
from ledger.reconcile.progress import outcomes_of_books
from ledger.records import Location
from scripts.options import (
    as_of_day,
    as_of_option,
    books_option,
    fail,
    format_option,
    lang_option,
    language,
    require_books,
)

KEYS = ("by", "milestone", "participants", "visited", "running", "rate", "median_omzet", "median_laba")


def _rp(number: Decimal | None) -> str:
    return "-" if number is None else format_idr(number, symbol=False)


def _percent(outcome: Outcome) -> str:
    return "-" if outcome.rate is None else f"{outcome.rate * 100:.1f}%"


# the table's words (JSON and CSV keep the keys); Indonesian first, --lang en for English
WORDS: dict[str, tuple[str, str]] = {
    "group": ("kelompok keterampilan", "skill group"),
    "cohort": ("angkatan", "cohort"),
    "funder": ("pemberi dana", "funder"),
    "companion": ("pendamping", "companion"),
    "months": ("bulan", "months"),
    "participants": ("peserta", "participants"),
    "visited": ("dikunjungi", "visited"),
    "running": ("berjalan", "running"),
    "rate": ("tingkat keberhasilan", "success rate"),
    "median omzet": ("median omzet", "median omzet"),
    "median laba": ("median laba", "median laba"),
    "title": ("Keberhasilan usaha per tanggal {day}, menurut {by}", "Outcomes as of {day}, by {by}"),
    "none": ("(belum ada tonggak yang jatuh tempo)", "(no milestone due yet)"),
}


def word(key: str, lang: str | None = None, **values: object) -> str:
    pair = WORDS[key]
    text = pair[1] if language(lang) == "en" else pair[0]
    return text.format(**values) if values else text


def outcomes_table(rows: Sequence[Outcome], by: str, lang: str | None = None) -> str:
    from scripts.cmd_reconcile import _table

    cells = [
        [
            o.by or "-",
            str(o.milestone),
            str(o.participants),
            str(o.visited),
            str(o.running),
            _percent(o),
            _rp(o.median_omzet),
            _rp(o.median_laba),
        ]
        for o in rows
    ]
    headers = [by, "months", "participants", "visited", "running", "rate", "median omzet", "median laba"]
    return _table(cells, [word(h, lang) for h in headers], set(range(1, 8)))


def outcomes_frame(rows: Sequence[Outcome]) -> pd.DataFrame:
    """The outcomes as a table of strings (money stays exact: Decimal rendered as text)."""
    records = [
        cleantext.spreadsheet_row("" if v is None else v for v in (o.as_dict()[k] for k in KEYS))
        for o in rows
    ]
    return pd.DataFrame(records, columns=list(KEYS), dtype=object)


def outcomes_csv(rows: Sequence[Outcome]) -> str:
    return outcomes_frame(rows).to_csv(index=False, lineterminator="\n")


@click.command()
@books_option
@as_of_option
@click.option(
    "--by", "by", type=click.Choice(DIMENSIONS), default="group", show_default=True, help="Group by this."
)
@format_option("table", "json", "csv")
@lang_option
def outcomes(
    books: Path | None, as_of: datetime.datetime | None, by: str, fmt: str, lang: str | None
) -> None:
    """Success of the businesses after the aid, per group and milestone (1, 3, 6, 12 months)."""
    loaded = books_mod.load(require_books(books))
    if loaded.errors:
        for error in loaded.errors[:20]:
            click.echo(f"{Location.of(error.source)}: {error.message}", err=True)
        fail(f"the books have {len(loaded.errors)} error(s); fix them first (`aidledger check`)", 2)
    day = as_of_day(as_of)
    rows = outcomes_of_books(loaded.entries, loaded.program, day, by)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(outcomes_csv(rows), nl=False)
    else:
        click.echo(word("title", lang, day=day, by=word(by, lang)))
        click.echo(outcomes_table(rows, by, lang) if rows else word("none", lang))
