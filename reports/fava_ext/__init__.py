"""aidledger's Fava extension: the treasurer's and companions' pages over the reconciliation.

Switched on in main.beancount by `custom "fava-extension" "reports.fava_ext"`. Five pages, each
a thin FavaExtensionBase subclass (one sidebar entry each) rendering the engine's output (see
reports/fava_ext/view.py); labels in Indonesian, or English when the books set Fava's
`language` option to "en". docs/fava.md describes what each page shows.
"""

from __future__ import annotations

from typing import Any

from fava.ext import extension_endpoint

from reports.fava_ext import base as _base


class AidOverview(_base.AidPage):
    """Program overview by funder, cohort and skill group."""

    page = "AidOverview"


class AidDisbursements(_base.AidPage):
    """Each disbursement batch and each participant's status in it."""

    page = "AidDisbursements"


class AidParticipant(_base.AidPage):
    """One participant: plan against purchases, savings, findings, journal and documents."""

    page = "AidParticipant"

    @extension_endpoint("document")  # type: ignore[untyped-decorator,arg-type]
    def document(self) -> Any:
        """An archived original, decrypted when the server holds the key (documents.py)."""
        return self.open_document()


class AidFindings(_base.AidPage):
    """Findings, filterable by kind, severity and companion."""

    page = "AidFindings"


class AidProgress(_base.AidPage):
    """Perkembangan Usaha: success by milestone and group, and each participant's visits."""

    page = "AidProgress"

    def outcomes(self, by: str | None = None) -> list[Any]:
        """ledger.progress outcomes per milestone (by=None: everyone as one group)."""
        from ledger import progress as prog

        view = self.view()
        progress = self.shown_progress()
        if by is None:
            values = {code: "" for code in progress}
        else:
            values = prog.values_by(progress, view.program.participants, by)
        return prog.outcomes(progress, values, view.as_of)

    def shown_progress(self) -> dict[str, Any]:
        """Progress of the participants Fava's filters and the page's own ones keep."""
        view = self.view()
        if not self.is_narrowed():
            return view.progress
        kept = self.kept(view)
        return {code: item for code, item in view.progress.items() if code in kept}

    def percent(self, ratio: Any) -> str:
        if ratio is None:
            return "-"
        text = f"{ratio * 100:.1f}%"
        return text.replace(".", ",") if self.lang == "id" else text

    def visit_rows(self) -> list[tuple[str, Any, int | None]]:
        """(participant, visit, milestone months) for every visit, or one participant's."""
        wanted = self.arg("participant").strip().upper()
        rows: list[tuple[str, Any, int | None]] = []
        for code, item in sorted(self.shown_progress().items()):
            if wanted and code != wanted:
                continue
            milestone_of = {id(v): m.months for m in item.milestones for v in m.visits}
            rows.extend((code, v, milestone_of.get(id(v))) for v in item.visits)
        return rows
