"""Daftar Tugas Pendamping: one companion's printable worklist. Her participants only, each with
her open findings, cash not yet covered by receipts, plan lines not yet bought, and progress
visits overdue or due in the next 30 days. Read by the companion: codes, not names (unless
--with-names)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ledger import progress as prog
from ledger.reconcile import ParticipantSummary
from ledger.scope import companion_code
from reports.figures import Figures
from reports.pdf import labels
from reports.pdf.document import data_table, escape, heading, key_values, note, para, title_block
from reports.pdf.fmt import Fmt

__all__ = ["companion_code", "story", "title"]

ORIENTATION = "portrait"
DUE_DAYS = 30


def title(fmt: Fmt, companion: str) -> str:
    return f"{fmt('worklist-title')} {companion}"


def participants_of(fig: Figures, companion: str) -> list[str]:
    return sorted(code for code, p in fig.loaded.program.participants.items() if p.companion == companion)


def story(fig: Figures, fmt: Fmt, width: float, companion: str) -> list[Flowable]:
    schedule = prog.Schedule.of(fig.loaded.program.settings)
    out: list[Flowable] = title_block(
        fmt("worklist-title"),
        f"{companion} - {fig.companion_label(companion)} - {fmt('as-of')} {fmt.date(fig.as_of)}",
    )
    codes = participants_of(fig, companion)
    if not codes:
        out.append(note(fmt("none")))
        return out
    for code in codes:
        out.extend(_tasks_of(fig, fmt, width, schedule, code))
    return out


def _tasks_of(fig: Figures, fmt: Fmt, width: float, schedule: prog.Schedule, code: str) -> list[Flowable]:
    """One participant: her uncovered cash and realisation, then her open tasks (findings, plan
    lines not bought yet, visits overdue or due soon), or a note that she has none."""
    person = fig.person(code)
    summary = fig.participants.get(code)
    out: list[Flowable] = [heading(f"{fig.display(code)} - {person.group}", level=2)]
    facts = [(fmt("cash-uncovered"), fmt.money(summary.cash_uncovered) if summary else "-")]
    if summary:
        facts.append((fmt("realisation"), fmt.points(summary.realisation)))
    out.append(key_values(facts, width))
    tasks = [
        *_open_findings(fig, fmt, width, code),
        *_unbought(fmt, width, summary),
        *_visits_due(fig, fmt, width, schedule, code),
    ]
    out.extend(tasks)
    if not tasks:
        out.append(note(fmt("worklist-nothing")))
    return out


def _open_findings(fig: Figures, fmt: Fmt, width: float, code: str) -> list[Flowable]:
    """Her findings, but overdue visits: those have their own table."""
    findings = [f for f in fig.findings_of(code) if f.kind != "progress-visit-overdue"]
    if not findings:
        return []
    return [
        para(f"<b>{escape(fmt('worklist-open-findings'))}</b>"),
        data_table(
            [fmt("date"), fmt("kind"), fmt("message")],
            [[fmt.date(f.date), labels.kind(f.kind, fmt.lang), f.message] for f in findings],
            [0.13 * width, 0.22 * width, 0.65 * width],
            wrap=[1, 2],
        ),
    ]


def _unbought(fmt: Fmt, width: float, summary: ParticipantSummary | None) -> list[Flowable]:
    """Her plan lines with nothing bought yet."""
    unbought = [line for line in (summary.lines if summary else ()) if line.actual <= 0]
    if not unbought:
        return []
    return [
        para(f"<b>{escape(fmt('worklist-unbought'))}</b>"),
        data_table(
            [fmt("line-no"), fmt("description"), fmt("planned")],
            [[line.no, line.description, fmt.money(line.planned)] for line in unbought],
            [0.12 * width, 0.58 * width, 0.3 * width],
            numeric=[2],
            wrap=[1],
        ),
    ]


def _visits_due(fig: Figures, fmt: Fmt, width: float, schedule: prog.Schedule, code: str) -> list[Flowable]:
    """Her progress visits overdue, then those due within DUE_DAYS."""
    item = fig.progress.get(code)
    if item is None:
        return []
    out: list[Flowable] = []
    late = prog.overdue(item, schedule, fig.as_of)
    soon = prog.due_soon(item, fig.as_of, DUE_DAYS)
    for key, milestones in (("worklist-visits-overdue", late), ("worklist-visits-due", soon)):
        if not milestones:
            continue
        out.append(para(f"<b>{escape(fmt(key))}</b>"))
        out.append(
            data_table(
                [fmt("milestone"), fmt("due-on")],
                [[fmt("month-n", n=m.months), fmt.date(m.due)] for m in milestones],
                [0.3 * width, 0.3 * width],
            )
        )
    return out
