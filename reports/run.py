"""Making reports: which PDFs a report kind writes, where, and with what name.

Used by `aidledger report` (scripts/cmd_report.py) and the tests; one Figures serves every PDF
of a run. Each function returns the written files with their page counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from reports import audit_ledger, manifest
from reports.figures import Figures
from reports.pdf import audit, card, disbursements, exceptions, funder, progress, realisation, worklist
from reports.pdf.document import Frame_, ReportDocument
from reports.pdf.fmt import Fmt
from reports.pdf.render import body_width, write_pdf

KINDS = ("card", "realisation", "disbursements", "funder", "exceptions", "audit", "progress", "worklist")

Written = list[tuple[Path, int]]
Progress = Callable[[Iterable[str]], Iterable[str]]


class ReportError(Exception):
    """A report cannot be made with these arguments (unknown participant, funder, batch)."""


def _plain(items: Iterable[str]) -> Iterable[str]:
    return items


def cards(
    fig: Figures, fmt: Fmt, out: Path, participant: str | None = None, progress: Progress = _plain
) -> Written:
    """One PDF per participant (kartu-P0001.pdf), or only hers."""
    if participant is not None and participant not in fig.participants:
        raise ReportError(f"no participant {participant} in these books")
    codes = [participant] if participant else sorted(fig.participants)
    written: Written = []
    for code in progress(codes):
        path = out / f"kartu-{code}.pdf"
        pages = write_pdf(
            path, fig, fmt, card.title(fmt, code), partial(card.story, code=code), card.ORIENTATION
        )
        written.append((path, pages))
    return written


def realisation_report(fig: Figures, fmt: Fmt, out: Path) -> Written:
    path = out / "realisasi.pdf"
    return [
        (path, write_pdf(path, fig, fmt, realisation.title(fmt), realisation.story, realisation.ORIENTATION))
    ]


def disbursement_register(fig: Figures, fmt: Fmt, out: Path, batch: str | None = None) -> Written:
    batches = fig.batches()
    if batch is not None and batch not in batches:
        raise ReportError(f"no batch {batch} in these books (batches: {', '.join(batches) or 'none'})")
    chosen = [batch] if batch else batches
    path = out / (f"penyaluran-{batch}.pdf" if batch else "penyaluran.pdf")
    story = partial(disbursements.story, batches=chosen)
    return [(path, write_pdf(path, fig, fmt, disbursements.title(fmt), story, disbursements.ORIENTATION))]


def funder_reports(fig: Figures, fmt: Fmt, out: Path, funder_code: str | None = None) -> Written:
    if funder_code is not None and funder_code not in fig.funds:
        raise ReportError(f"no funder {funder_code} in these books (funders: {', '.join(sorted(fig.funds))})")
    codes = [funder_code] if funder_code else sorted(fig.funds)
    written: Written = []
    for code in codes:
        path = out / f"dana-{code}.pdf"
        title = funder.title(fmt, fig.funder_label(code))
        written.append(
            (path, write_pdf(path, fig, fmt, title, partial(funder.story, funder=code), funder.ORIENTATION))
        )
    return written


def exceptions_report(fig: Figures, fmt: Fmt, out: Path) -> Written:
    path = out / "temuan.pdf"
    return [
        (path, write_pdf(path, fig, fmt, exceptions.title(fmt), exceptions.story, exceptions.ORIENTATION))
    ]


def _no_step(_name: str) -> None:
    return None


AUDIT_STEPS = ("manifest", "audit ledger", "PDF")


def audit_pack(
    fig: Figures,
    fmt: Fmt,
    out: Path,
    per_participant: bool = False,
    step: Callable[[str], None] = _no_step,
) -> Written:
    """audit-pack.pdf, audit-ledger.beancount (and participants/*.beancount), manifest.sha256.
    `step(name)` hears each of AUDIT_STEPS begin (the CLI's progress bar)."""
    out.mkdir(parents=True, exist_ok=True)
    step(AUDIT_STEPS[0])
    lines = manifest.manifest(fig.loaded)
    manifest.write_text(lines, out / "manifest.sha256")
    step(AUDIT_STEPS[1])
    ledgers = audit_ledger.write(fig.loaded, out, per_participant=per_participant)
    step(AUDIT_STEPS[2])
    path = out / "audit-pack.pdf"
    doc = ReportDocument(
        path,
        Frame_(fig.books_title, audit.title(fmt), fig.made_on, with_names=bool(fig.names), as_of=fig.as_of),
        fmt,
    )
    pages = doc.render(
        audit.story(fig, fmt, body_width(audit.ORIENTATION), lines, ledgers[0].name), contents=True
    )
    return [(path, pages), *((p, 0) for p in ledgers), (out / "manifest.sha256", 0)]


def progress_report(fig: Figures, fmt: Fmt, out: Path) -> Written:
    """perkembangan-usaha.pdf: success by milestone, skill group, cohort and funder."""
    path = out / "perkembangan-usaha.pdf"
    return [(path, write_pdf(path, fig, fmt, progress.title(fmt), progress.story, progress.ORIENTATION))]


def worklist_report(fig: Figures, fmt: Fmt, out: Path, companion: str | None) -> Written:
    """tugas-<C01>.pdf: one companion's participants and what each needs (all companions: one each)."""
    program = fig.loaded.program
    if companion is not None:
        code = worklist.companion_code(program, companion)
        if code is None:
            known = ", ".join(sorted(program.companions)) or "none"
            raise ReportError(f"no companion {companion} in these books (companions: {known})")
        codes = [code]
    else:
        codes = sorted(program.companions)
    written: Written = []
    for code in codes:
        path = out / f"tugas-{code}.pdf"
        title = worklist.title(fmt, code)
        story = partial(worklist.story, companion=code)
        written.append((path, write_pdf(path, fig, fmt, title, story, worklist.ORIENTATION)))
    return written
