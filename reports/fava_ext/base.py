"""The common part of the extension's pages: language, time filter, the cached engine view.

Fava builds its report data on every request; the reconciliation runs once per load of the
books and date (ViewCache), so a page costs a table render, not a reconciliation.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from fava.ext import FavaExtensionBase
from flask import request

from ledger import i18n
from ledger.money import format_idr
from reports.fava_ext.labels import label
from reports.fava_ext.view import EngineView, ViewCache

# One cache per Fava ledger (all pages of one ledger share it).
_CACHES: dict[int, ViewCache] = {}


class AidPage(FavaExtensionBase):
    """A page of the aid extension (each subclass is one entry of Fava's sidebar)."""

    page: str = ""

    @property
    def report_title(self) -> str:  # type: ignore[override]
        return label(self.page or self.name, self.lang)

    @property
    def lang(self) -> str:
        return "en" if (self.ledger.fava_options.language or "").startswith("en") else "id"

    @property
    def cache(self) -> ViewCache:
        return _CACHES.setdefault(id(self.ledger), ViewCache())

    def after_load_file(self) -> None:
        self.cache.clear()

    def t(self, key: str) -> str:
        return label(key, self.lang)

    # --- Fava's time filter: the pages read the books as of the end of the chosen period ---

    def period(self) -> tuple[datetime.date | None, datetime.date | None]:
        """(first day, last day) of Fava's time filter, or (None, None) without one."""
        from fava.util.date import parse_date

        text = request.args.get("time", "")
        if not text:
            return None, None
        try:
            begin, end = parse_date(text, self.ledger.fava_options.fiscal_year_end)
        except Exception:  # Fava reports a bad filter itself
            return None, None
        return begin, (end - datetime.timedelta(days=1)) if end else None

    def as_of(self) -> datetime.date:
        _, last = self.period()
        return last or datetime.date.today()

    def since(self) -> datetime.date | None:
        return self.period()[0]

    def view(self) -> EngineView:
        entries: Any = self.ledger.all_entries
        return self.cache.get(entries, self.as_of(), self.lang)

    # --- formatting for the templates ---

    def money(self, number: Decimal | int | None) -> str:
        """Rupiah as on statements and receipts, "Rp 1.234.567", in both languages (as the PDFs)."""
        if number is None:
            return ""
        return format_idr(Decimal(number))

    def status_labels(self) -> dict[str, str]:
        """Status -> label, looked up once per page rather than per row."""
        from ledger.reconcile.disbursements import STATUSES

        return {status: i18n.status_label(status, self.lang) for status in STATUSES}

    def kind_label(self, kind: str) -> str:
        """A finding kind in words; the slug stays in URLs, data attributes, JSON and CSV."""
        return i18n.kind_label(kind, self.lang)

    def severity_label(self, severity: str) -> str:
        return i18n.severity_label(severity, self.lang)

    def arg(self, name: str, default: str = "") -> str:
        return request.args.get(name, default)

    def page_url(self, page: str, **values: Any) -> str:
        from flask import url_for

        return url_for("extension_report", extension_name=page, **values)

    def participant_url(self, code: str) -> str:
        """Her page (Fava's filters kept); the URL is built once per request, pages list thousands."""
        from flask import g, url_for

        base = getattr(g, "_aid_participant_url", None)
        if base is None:
            base = url_for("extension_report", extension_name="AidParticipant", participant="__PID__")
            g._aid_participant_url = base
        return str(base).replace("__PID__", code)

    def journal_url(self, participant: str) -> str:
        """Fava's journal filtered on every account of hers (Assets/Expenses/Income/Equity)."""
        from flask import url_for

        return url_for("report", report_name="journal", account=f"^[^:]+:Aid:{participant}(:|$)")

    def document_url(self, filename: str) -> str:
        from flask import url_for

        return url_for("document", filename=filename)

    def kinds(self) -> list[str]:
        from ledger.findings import KINDS

        return list(KINDS)
