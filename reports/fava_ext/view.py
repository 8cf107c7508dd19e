"""What the extension's pages show, computed once per ledger load and date: engine output only.

`EngineView.compute` runs the reconciliation engine (ledger.reconcile) over the entries and
keeps its findings, participant summaries, disbursement batches and the program overview; the
pages only pick from it. Nothing here imports Fava, so tests and benchmarks call it directly.
`ViewCache` holds the views of one load, keyed by the date they are read at.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from beancount.core import data

from ledger import accounts
from ledger.findings import Finding
from ledger.reconcile import Settings, run, summarise
from ledger.reconcile.batches import BatchSummary, RowStatus, batch_summaries
from ledger.reconcile.overview import DIMENSIONS, GroupTotals, overview
from ledger.reconcile.summary import ParticipantSummary
from ledger.records import Program, read_program


@dataclass
class EngineView:
    as_of: datetime.date
    program: Program
    findings: list[Finding]
    summaries: dict[str, ParticipantSummary]
    batches: list[BatchSummary]
    overview: dict[str, list[GroupTotals]]
    documents: dict[str, list[data.Document]] = field(default_factory=dict)
    rows_of: dict[str, list[RowStatus]] = field(default_factory=dict)
    findings_count: dict[str, int] = field(default_factory=dict)
    progress: dict[str, Any] = field(default_factory=dict)  # ledger.progress.Progress per participant

    def __post_init__(self) -> None:
        for item in self.findings:
            self.findings_count[item.participant] = self.findings_count.get(item.participant, 0) + 1

    @classmethod
    def compute(
        cls,
        entries: Sequence[data.Directive],
        as_of: datetime.date,
        lang: str,
        program: Program | None = None,
    ) -> EngineView:
        program = program if program is not None else read_program(entries)
        settings = Settings(as_of=as_of, lang=lang)
        result = run(entries, program, settings)
        summaries = {s.participant: s for s in summarise(result.facts, program)}
        batches = batch_summaries(result.facts, settings)
        rows_of: dict[str, list[RowStatus]] = {}
        for batch in batches:
            for status in batch.rows:
                rows_of.setdefault(status.row.participant, []).append(status)
        documents: dict[str, list[data.Document]] = {}
        for document in result.facts.documents:
            code = accounts.participant_of(document.account)
            if code:
                documents.setdefault(code, []).append(document)
        return cls(
            as_of,
            program,
            result.findings,
            summaries,
            batches,
            {
                dimension: overview(
                    program, summaries.values(), result.facts.list_rows, result.findings, dimension, as_of
                )
                for dimension in DIMENSIONS
            },
            documents,
            rows_of,
            progress=result.facts.progress,
        )

    def batches_in(self, since: datetime.date | None, batch: str = "") -> list[BatchSummary]:
        """The batches with a row listed from `since` (Fava's time filter), or the one named."""
        return [
            b
            for b in self.batches
            if (not batch or b.batch == batch) and (since is None or any(r.row.date >= since for r in b.rows))
        ]

    def overview_of(self, dimension: str, codes: set[str]) -> list[GroupTotals]:
        """The overview of `dimension` over these participants only (filtered pages)."""
        return overview(
            self.program,
            [s for code, s in self.summaries.items() if code in codes],
            [status.row for code, rows in self.rows_of.items() if code in codes for status in rows],
            [f for f in self.findings if f.participant in codes],
            dimension,
            self.as_of,
        )

    def findings_of(self, participant: str) -> list[Finding]:
        return [f for f in self.findings if f.participant == participant]

    def select_findings(
        self,
        kind: str = "",
        severity: str = "",
        companion: str = "",
        since: datetime.date | None = None,
    ) -> list[Finding]:
        return [
            f
            for f in self.findings
            if (not kind or f.kind == kind)
            and (not severity or f.severity == severity)
            and (not companion or f.companion == companion)
            and (since is None or f.date >= since)
        ]


class ViewCache:
    """Views of one load of the books; a new load (a new entries list) empties it."""

    def __init__(self, size: int = 8):
        self.size = size
        self._entries: Any = None
        self._program: Program | None = None
        self._views: OrderedDict[tuple[datetime.date, str], EngineView] = OrderedDict()

    def get(self, entries: Sequence[data.Directive], as_of: datetime.date, lang: str) -> EngineView:
        if entries is not self._entries:
            self._entries = entries
            self._program = read_program(entries)
            self._views.clear()
        key = (as_of, lang)
        view = self._views.get(key)
        if view is None:
            view = EngineView.compute(entries, as_of, lang, self._program)
            self._views[key] = view
            while len(self._views) > self.size:
                self._views.popitem(last=False)
        else:
            self._views.move_to_end(key)
        return view

    def clear(self) -> None:
        self._entries = None
        self._program = None
        self._views.clear()
