"""Every figure the PDF reports show, gathered once per run from one load of the books.

This is the one module of reports/ that asks for figures: findings and the per-participant and
per-plan-line summaries come from the reconciliation engine (ledger.reconcile), fund use,
savings movements by kind and the ageing of uncovered cash from ledger.funds, disbursement rows
and their credits from the books' list entries. Report modules only lay these out.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from beancount.core import data

from ledger import funds, gcpause, reconcile
from ledger.books import LoadedBooks
from ledger.findings import Finding
from ledger.funds import FunderUse, GroupUse, SavingsSummary
from ledger.money import ZERO
from ledger.reconcile import LineSummary, ParticipantSummary
from ledger.reconcile.batches import batch_summaries
from ledger.records import Participant


@dataclass(frozen=True)
class AidRow:
    """A row of a funder's disbursement list, and the savings-book credit that cleared it."""

    participant: str
    funder: str
    component: str
    batch: str
    date: datetime.date
    amount: Decimal
    credit_date: datetime.date | None = None
    credited: Decimal | None = None
    status: str = "pending"  # ledger.reconcile.batches.STATUSES


@dataclass
class Figures:
    loaded: LoadedBooks
    as_of: datetime.date
    start: datetime.date | None
    findings: list[Finding]
    participants: dict[str, ParticipantSummary]
    aid_rows: dict[str, list[AidRow]]
    savings: dict[str, SavingsSummary]
    funds: dict[str, FunderUse]
    ageing: dict[str, dict[tuple[int, int | None], Decimal]]
    entries: list[data.Directive] = field(default_factory=list)
    category_labels: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] | None = None
    progress: dict[str, Any] = field(default_factory=dict)  # ledger.progress.Progress per participant
    made_on: datetime.date = field(default_factory=datetime.date.today)

    def group_uses(self, funder: str) -> dict[str, GroupUse]:
        return funds.group_use(self.entries, self.loaded.program, funder, self.start, self.as_of)

    @property
    def program(self) -> Any:
        return self.loaded.program

    @property
    def books_title(self) -> str:
        return str(self.loaded.options.get("title") or "aidledger")

    def person(self, code: str) -> Participant:
        return self.loaded.program.participants[code]

    def category(self, component: str) -> str:
        """The plan's words for a goods category; else the account component split into words."""
        return self.category_labels.get(component) or re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", component)

    def funder_label(self, code: str) -> str:
        record = self.loaded.program.funders.get(code)
        return record.label if record else code

    def companion_label(self, code: str) -> str:
        record = self.loaded.program.companions.get(code)
        return record.label if record else code

    def batches(self) -> list[str]:
        return sorted({row.batch for rows in self.aid_rows.values() for row in rows})

    def batch_rows(self, batch: str) -> list[AidRow]:
        rows = [row for rows in self.aid_rows.values() for row in rows if row.batch == batch]
        return sorted(rows, key=lambda r: (r.participant, r.component, r.date))

    def lines(self, code: str) -> tuple[LineSummary, ...]:
        summary = self.participants.get(code)
        return summary.lines if summary else ()

    def findings_of(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.participant == code]

    def display(self, code: str) -> str:
        """A participant as reports name her: her code, and her name only when names were asked."""
        if self.names and code in self.names:
            return f"{code} - {self.names[code]}"
        return code


def gather(
    loaded: LoadedBooks,
    *,
    as_of: datetime.date | None = None,
    start: datetime.date | None = None,
    lang: str = "id",
    names: dict[str, str] | None = None,
    made_on: datetime.date | None = None,
) -> Figures:
    """All figures for the reports of one run: one engine run and one pass of ledger.funds.

    `as_of` dates the figures (default: the books' last transaction; the command line passes
    today); `made_on` is the day the report is made and signed (default: today)."""
    as_of = as_of or _last_date(loaded.entries)
    entries = [e for e in loaded.entries if e.date <= as_of]
    settings = reconcile.Settings(as_of=as_of, lang=lang)
    with gcpause.paused():  # the reports' one run over the books: the collector only costs time
        result = reconcile.run(entries, loaded.program, settings)
        summaries = {s.participant: s for s in reconcile.summarise(result.facts, loaded.program)}
    findings = result.findings
    if start is not None:
        findings = [f for f in findings if f.date >= start]
    return Figures(
        loaded=loaded,
        as_of=as_of,
        start=start,
        findings=findings,
        participants={code: summaries[code] for code in sorted(loaded.program.participants)},
        aid_rows=_aid_rows(result),
        savings=funds.savings_summaries(entries, start, as_of),
        funds=funds.funder_use(entries, loaded.program, start, as_of),
        ageing=funds.cash_ageing(entries, as_of),
        entries=entries,
        category_labels={
            **_typed_categories(entries),
            **{
                line.category_account: line.category
                for plan in result.facts.plans.values()
                for line in plan.lines.values()
            },
        },
        names=names,
        progress=result.facts.progress,
        made_on=made_on or datetime.date.today(),
    )


def _typed_categories(entries: list[data.Directive]) -> dict[str, str]:
    """Goods category account component -> the label a receipt typed ("Lain-lain", "Tanpa
    Kategori"): an unplanned purchase's category is shown as written, not as its account name."""
    labels: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, data.Transaction) or not entry.meta or not entry.postings:
            continue
        label = entry.meta.get("category")
        if isinstance(label, str):
            labels[entry.postings[0].account.rsplit(":", 1)[-1]] = label
    return labels


def _last_date(entries: list[data.Directive]) -> datetime.date:
    dates = [e.date for e in entries if isinstance(e, data.Transaction)]
    return max(dates) if dates else datetime.date.today()


def _aid_rows(result: reconcile.Reconciliation) -> dict[str, list[AidRow]]:
    """The funders' list rows per participant, with the credit that cleared each and its
    status, as the engine's disbursement matching gives them."""
    out: dict[str, list[AidRow]] = defaultdict(list)
    for batch in batch_summaries(result.facts, result.settings):
        for status in batch.rows:
            row = status.row
            out[row.participant].append(
                AidRow(
                    row.participant,
                    row.funder,
                    row.component,
                    row.batch,
                    row.date,
                    row.amount,
                    status.credit_date,
                    status.credited if status.credit_date else None,
                    status.status,
                )
            )
    return {code: sorted(rows, key=lambda r: (r.date, r.batch, r.component)) for code, rows in out.items()}


def realised(summary: ParticipantSummary) -> Decimal:
    """Her plan lines' purchases (each line's at least zero, not capped at its amount): the
    numerator of the engine's realisation %, so that groups and totals use its definition."""
    return sum((max(ZERO, line.actual) for line in summary.lines), ZERO)
