"""`aidledger report KIND`: PDF reports, the audit pack and the audit ledger. Thin: check the
arguments, load the books once, gather the figures, call reports.run, print what was written."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ledger import books as books_mod
from ledger import identity
from reports import run
from scripts import progress
from scripts.options import (
    as_of_day,
    as_of_option,
    books_option,
    day,
    fail,
    from_option,
    key_option,
    lang_option,
    language,
    require_books,
    to_option,
)

if TYPE_CHECKING:
    from reports.figures import Figures
    from reports.pdf.fmt import Fmt


def _names(paths: books_mod.BooksPaths, books_id: str, key: Path | None) -> dict[str, str]:
    """Names from the identity register: needs its key."""
    secret = identity.read_key(identity.key_path(key, books_id), paths.root)
    register = identity.Register.open(paths.register, secret)
    return {code: person.name for code, person in register.people.items()}


@click.command()
@click.argument("kind", type=click.Choice(run.KINDS))
@books_option
@click.option("--participant", default=None, help="card: only this participant's card (code).")
@click.option("--funder", default=None, help="funder: only this funder (code, e.g. Kemensos).")
@click.option("--batch", default=None, help="disbursements: only this batch.")
@click.option("--companion", default=None, help="worklist: only this companion (code or name).")
@as_of_option
@from_option
@to_option
@lang_option
@click.option("--with-names", is_flag=True, help="Print participants' names (needs the register's key).")
@key_option
@click.option("--per-participant", is_flag=True, help="audit: also one audit ledger per participant.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder to write into.")
def report(
    kind: str,
    books: Path | None,
    participant: str | None,
    funder: str | None,
    batch: str | None,
    companion: str | None,
    as_of: datetime.datetime | None,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
    lang: str | None,
    with_names: bool,
    key: Path | None,
    per_participant: bool,
    out: Path,
) -> None:
    """Write the PDF report KIND (card, realisation, disbursements, funder, exceptions, audit,
    progress, worklist).

    A report is dated the day it is made and shows its figures as of --as-of (default today);
    --from/--to bound a period, whose figures are as of its last day."""
    from reports.figures import gather
    from reports.pdf.fmt import Fmt

    last = _checked_dates(kind, participant, funder, batch, companion, per_participant, as_of, start, end)
    if out.exists() and not out.is_dir():
        fail(f"--out {out} is a file, not a folder", 2)
    paths = require_books(books)
    loaded = books_mod.load(paths)
    if loaded.errors:
        fail(f"the books have {len(loaded.errors)} error(s); run `aidledger check` first")
    names = None
    if with_names:
        try:
            names = _names(paths, loaded.program.books_id, key)
        except identity.RegisterError as exc:
            fail(str(exc))
    fig = gather(loaded, as_of=last, start=day(start), lang=language(lang), names=names)
    fmt = Fmt(language(lang))
    out.mkdir(parents=True, exist_ok=True)
    code = participant.strip().upper() if participant else None
    try:
        written = _write(kind, fig, fmt, out, code, funder, batch, companion, per_participant)
    except run.ReportError as exc:
        fail(str(exc), 2)
        return
    for path, pages in written:
        click.echo(f"wrote {path}" + (f" ({pages} page{'s' if pages != 1 else ''})" if pages else ""))


def _checked_dates(
    kind: str,
    participant: str | None,
    funder: str | None,
    batch: str | None,
    companion: str | None,
    per_participant: bool,
    as_of: datetime.datetime | None,
    start: datetime.datetime | None,
    end: datetime.datetime | None,
) -> datetime.date:
    """The day the figures are as of, once the options are known to fit together: an option of
    another kind of report, --to with a different --as-of, or --from after that day exits 2."""
    misplaced = [
        name
        for name, value, kinds in (
            ("--participant", participant, ("card",)),
            ("--funder", funder, ("funder",)),
            ("--batch", batch, ("disbursements",)),
            ("--companion", companion, ("worklist",)),
            ("--per-participant", per_participant, ("audit",)),
        )
        if value and kind not in kinds
    ]
    if misplaced:
        fail(f"{', '.join(misplaced)} does not apply to `report {kind}`", 2)
    if as_of and end and as_of != end:
        fail("--to ends a period and dates its figures: give --to or --as-of, not both", 2)
    last = as_of_day(end or as_of)
    if start and start.date() > last:
        fail(f"--from {start.date()} is after --{'to' if end else 'as-of'} {last}", 2)
    return last


def _write(
    kind: str,
    fig: Figures,
    fmt: Fmt,
    out: Path,
    code: str | None,
    funder: str | None,
    batch: str | None,
    companion: str | None,
    per_participant: bool,
) -> run.Written:
    """The files of the report KIND in `out`, each with its page count where it has pages."""
    if kind == "card":
        return run.cards(fig, fmt, out, code, progress=progress.bar(fmt("card-title")))
    if kind == "realisation":
        return run.realisation_report(fig, fmt, out)
    if kind == "disbursements":
        return run.disbursement_register(fig, fmt, out, batch)
    if kind == "funder":
        return run.funder_reports(fig, fmt, out, funder)
    if kind == "exceptions":
        return run.exceptions_report(fig, fmt, out)
    if kind == "progress":
        return run.progress_report(fig, fmt, out)
    if kind == "worklist":
        return run.worklist_report(fig, fmt, out, companion)
    with progress.steps("audit", len(run.AUDIT_STEPS)) as step:
        return run.audit_pack(fig, fmt, out, per_participant=per_participant, step=step)
