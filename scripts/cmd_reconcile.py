"""`aidledger reconcile`: findings and summaries of the books, as a table, JSON or CSV.

Exit status: 0 when no finding is an error, 1 when one is, 2 when the books cannot be used
(missing, or with load errors) or an option names nothing in them. With --format json, standard
output holds only the JSON list of finding objects.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import click

from ledger import books as books_mod
from ledger import cleantext, gcpause, i18n
from ledger.findings import ERROR, Finding
from ledger.money import format_idr
from ledger.reconcile import ParticipantSummary, Settings, run, summarise
from ledger.records import Location
from scripts.options import as_of_day, as_of_option, books_option, format_option, lang_option, language

CSV_COLUMNS = ("kind", "severity", "participant", "companion", "date", "amount", "message", "locations")


def _rp(number: Decimal) -> str:
    return format_idr(number, symbol=False)


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str], right: set[int]) -> str:
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


# the tables' words (the JSON and CSV keep the codes); Indonesian first, --lang en for English
WORDS: dict[str, tuple[str, str]] = {
    "participant": ("peserta", "participant"),
    "date": ("tanggal", "date"),
    "severity": ("tingkat", "severity"),
    "kind": ("jenis", "kind"),
    "amount": ("jumlah", "amount"),
    "message": ("keterangan", "message"),
    "locations": ("lokasi", "locations"),
    "companion": ("pendamping", "companion"),
    "plan": ("RAB", "plan"),
    "aid": ("bantuan", "aid"),
    "withdrawn": ("ditarik", "withdrawn"),
    "receipted": ("bernota", "receipted"),
    "cash": ("tunai", "cash"),
    "savings": ("tabungan", "savings"),
    "realised": ("realisasi", "realised"),
    "line": ("no", "line"),
    "description": ("uraian", "description"),
    "category": ("kategori", "category"),
    "planned": ("rencana", "planned"),
    "actual": ("realisasi", "actual"),
    "difference": ("selisih", "difference"),
    "receipts": ("nota", "receipts"),
    "findings-as-of": ("Temuan per tanggal {date} ({count})", "Findings as of {date} ({count})"),
    "none": ("(tidak ada)", "(none)"),
    "participants": ("Peserta", "Participants"),
    "plan-lines": ("Baris RAB", "Plan lines"),
}


def word(key: str, lang: str | None = None, **values: object) -> str:
    pair = WORDS[key]
    text = pair[1] if language(lang) == "en" else pair[0]
    return text.format(**values) if values else text


def findings_table(findings: Sequence[Finding], lang: str | None = None) -> str:
    rows = [
        [
            f.participant,
            f.date.isoformat(),
            i18n.severity_label(f.severity, language(lang)),
            i18n.kind_label(f.kind, language(lang)),
            _rp(f.amount),
            f.message,
            " ".join(f.locations),
        ]
        for f in findings
    ]
    headers = ["participant", "date", "severity", "kind", "amount", "message", "locations"]
    return _table(rows, [word(h, lang) for h in headers], {4})


def summary_table(summaries: Sequence[ParticipantSummary], lang: str | None = None) -> str:
    rows = [
        [
            s.participant,
            s.companion,
            _rp(s.plan_total),
            _rp(s.aid_received),
            _rp(s.withdrawn),
            _rp(s.receipted),
            _rp(s.cash_uncovered),
            _rp(s.savings_balance),
            f"{s.realisation}%" + (f" (+{_rp(s.overspent)})" if s.overspent > 0 else ""),
        ]
        for s in summaries
    ]
    headers = [
        "participant",
        "companion",
        "plan",
        "aid",
        "withdrawn",
        "receipted",
        "cash",
        "savings",
        "realised",
    ]
    return _table(rows, [word(h, lang) for h in headers], set(range(2, 9)))


def lines_table(summaries: Sequence[ParticipantSummary], lang: str | None = None) -> str:
    rows = [
        [
            line.participant,
            line.no,
            line.description,
            line.category,
            _rp(line.planned),
            _rp(line.actual),
            _rp(line.difference),
            str(line.purchases),
        ]
        for s in summaries
        for line in s.lines
    ]
    headers = [
        "participant",
        "line",
        "description",
        "category",
        "planned",
        "actual",
        "difference",
        "receipts",
    ]
    return _table(rows, [word(h, lang) for h in headers], {4, 5, 6, 7})


def findings_csv(findings: Sequence[Finding]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in findings:
        d = f.as_dict()
        row = [*(d[c] for c in CSV_COLUMNS[:-1]), " ".join(f.locations)]
        writer.writerow(cleantext.spreadsheet_row(row))  # no formula injection through a text
    return buffer.getvalue()


@click.command()
@books_option
@as_of_option
@click.option(
    "--participant", "participant", default=None, help="Only this participant (shows her plan lines)."
)
@click.option("--companion", "companion", default=None, help="Only this companion's participants.")
@format_option("table", "json", "csv")
@lang_option
@click.option("--lines", "show_lines", is_flag=True, help="Show planned against actual per plan line.")
def reconcile(
    books: Path | None,
    as_of: datetime.datetime | None,
    participant: str | None,
    companion: str | None,
    fmt: str,
    lang: str | None,
    show_lines: bool,
) -> None:
    """Check spending against the plans, receipts against withdrawals (and every other rule)."""

    def unusable(message: str) -> None:
        click.echo(f"aidledger: {message}", err=True)
        sys.exit(2)

    try:
        paths = books_mod.require(books)
    except books_mod.BooksNotFound as exc:
        unusable(str(exc))
        return
    loaded = books_mod.load(paths)
    if loaded.errors:
        for error in loaded.errors[:20]:
            click.echo(f"{Location.of(error.source)}: {error.message}", err=True)
        unusable(f"the books have {len(loaded.errors)} error(s); fix them first (`aidledger check`)")
    program = loaded.program
    code = participant.upper() if participant else None
    if code is not None and code not in program.participants:
        unusable(f"participant {participant} is not registered in the books")
    if companion is not None and companion not in program.companions:
        unusable(f"companion {companion} is not declared in the books")
    settings = Settings(as_of=as_of_day(as_of), lang=lang)
    with gcpause.paused():  # a short-lived command: the collector only costs time here
        result = run(loaded.entries, program, settings)

    def wanted(who: str, their_companion: str) -> bool:
        return (code is None or who == code) and (companion is None or their_companion == companion)

    findings = [f for f in result.findings if wanted(f.participant, f.companion)]
    if fmt == "json":
        click.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(findings_csv(findings), nl=False)
    else:
        with gcpause.paused():
            summaries = [s for s in summarise(result.facts, program) if wanted(s.participant, s.companion)]
        click.echo(word("findings-as-of", lang, date=settings.as_of, count=len(findings)))
        click.echo(findings_table(findings, lang) if findings else word("none", lang))
        click.echo("")
        click.echo(word("participants", lang))
        click.echo(summary_table(summaries, lang))
        if code is not None or show_lines:
            click.echo("")
            click.echo(word("plan-lines", lang))
            click.echo(lines_table(summaries, lang))
    sys.exit(1 if any(f.severity == ERROR for f in findings) else 0)
