"""The common part of the extension's pages: language, time filter, the cached engine view.

Fava builds its report data on every request; the reconciliation runs once per load of the
books and date (ViewCache), so a page costs a table render, not a reconciliation. The cache
belongs to the extension: Fava makes one instance of each page per ledger, and the pages of
one ledger share the overview page's cache (OWNER), which Fava's reload empties
(`after_load_file`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fava.ext import FavaExtensionBase
from flask import request

from ledger import i18n, identity
from ledger.money import format_idr
from reports.fava_ext import documents
from reports.fava_ext.labels import label
from reports.fava_ext.view import EngineView, ViewCache

if TYPE_CHECKING:
    from fava.core import FavaLedger

# the page whose instance holds the views all pages of its ledger share
OWNER = "AidOverview"


class AidPage(FavaExtensionBase):
    """A page of the aid extension (each subclass is one entry of Fava's sidebar)."""

    page: str = ""

    def __init__(self, ledger: FavaLedger, config: str | None = None) -> None:
        super().__init__(ledger, config)
        self._cache = ViewCache()

    @property
    def report_title(self) -> str:  # type: ignore[override]
        return label(self.page or self.name, self.lang)

    @property
    def lang(self) -> str:
        return "en" if (self.ledger.fava_options.language or "").startswith("en") else "id"

    @property
    def cache(self) -> ViewCache:
        """The views of this ledger's load: the overview page's, shared by every page."""
        owner = self.ledger.extensions.get_extension(OWNER)
        if isinstance(owner, AidPage) and owner is not self:
            return owner._cache
        return self._cache

    def after_load_file(self) -> None:
        """Fava reloaded the books (a file changed): the views of the old load go."""
        self._cache.clear()

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

    # --- Fava's account and advanced filters, and the pages' own -------------------------------
    # Figures are computed from all of a participant's entries up to the as-of date (a plan is
    # never judged on half its receipts); the filters choose WHICH participants and events show.

    OWN_FILTERS = ("companion", "cohort", "group", "funder")

    def fava_narrowed(self) -> set[str] | None:
        """Participants with an entry in Fava's filtered ledger when an account or advanced
        filter (tags, payee, ...) is active; None without one."""
        from flask import g

        if not (request.args.get("account") or request.args.get("filter", "").strip()):
            return None
        kept: set[str] | None = getattr(g, "_aid_kept", None)
        if kept is None:
            from beancount.core.getters import get_entry_accounts

            from ledger.accounts import participant_of

            kept = set()
            for entry in g.filtered.entries:
                for account in get_entry_accounts(entry):
                    code = participant_of(account)
                    if code:
                        kept.add(code)
            g._aid_kept = kept
        return kept

    def own_filters(self) -> dict[str, str]:
        return {name: request.args[name] for name in self.OWN_FILTERS if request.args.get(name)}

    def is_narrowed(self) -> bool:
        return self.fava_narrowed() is not None or bool(self.own_filters())

    def kept(self, view: EngineView) -> set[str]:
        """Codes of the participants the filters keep (every one without filters)."""
        narrowed = self.fava_narrowed()
        wanted = self.own_filters()
        return {
            p.code
            for p in view.program.participants.values()
            if (narrowed is None or p.code in narrowed)
            and all(getattr(p, name) == value for name, value in wanted.items())
        }

    def participants(self, view: EngineView) -> list[Any]:
        kept = self.kept(view)
        return [p for code, p in sorted(view.program.participants.items()) if code in kept]

    def findings(self, view: EngineView) -> list[Any]:
        """The findings the page's kind/severity filters, Fava's filters and the own ones keep."""
        kept = self.kept(view) if self.is_narrowed() else None
        return [
            f
            for f in view.select_findings(self.arg("kind"), self.arg("severity"), "", self.since())
            if kept is None or f.participant in kept
        ]

    def overview(self, view: EngineView, dimension: str) -> list[Any]:
        return (
            view.overview_of(dimension, self.kept(view)) if self.is_narrowed() else view.overview[dimension]
        )

    def filter_choices(self, view: EngineView) -> dict[str, list[tuple[str, str]]]:
        """(value, label) of each own filter, for the selects."""
        program = view.program
        people = program.participants.values()

        def record_label(records: dict[str, Any], code: str) -> str:
            record = records.get(code)
            return f"{code} {record.label}" if record is not None and record.label != code else code

        return {
            "companion": [
                (c, record_label(program.companions, c)) for c in sorted({p.companion for p in people})
            ],
            "cohort": [(c, record_label(program.cohorts, c)) for c in sorted({p.cohort for p in people})],
            "group": [(c, c) for c in sorted({p.group for p in people})],
            "funder": [(c, record_label(program.funders, c)) for c in sorted({p.funder for p in people})],
        }

    def fava_filter_args(self) -> dict[str, str]:
        """Fava's own filters of this request, to keep them through the pages' forms."""
        return {name: request.args[name] for name in ("time", "account", "filter") if request.args.get(name)}

    # --- formatting for the templates ---

    def money(self, number: Decimal | int | None) -> str:
        """Rupiah as on statements and receipts, "Rp 1.234.567", in both languages (as the PDFs)."""
        if number is None:
            return ""
        return format_idr(Decimal(number))

    def status_labels(self) -> dict[str, str]:
        """Status -> label, looked up once per page rather than per row."""
        from ledger.reconcile.batches import STATUSES

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

    def sources(self, locations: Any) -> list[tuple[str, str]]:
        """Each "file:line" as (short path relative to the books, link to Fava's editor at that
        line); a location outside the books keeps its file name only."""

        from flask import g, url_for

        root = Path(self.ledger.beancount_file_path).parent
        editor = getattr(g, "_aid_editor_url", None)
        if editor is None:
            editor = g._aid_editor_url = url_for("report", report_name="editor")
        out = []
        for location in locations:
            filename, _, line = str(location).rpartition(":")
            if not filename or not line.isdigit():
                out.append((str(location), ""))
                continue
            path = Path(filename)
            try:
                short = path.relative_to(root).as_posix()
            except ValueError:
                short = path.name
            query = urlencode({"file_path": filename, "line": line})
            out.append((f"{short}:{line}", f"{editor}?{query}"))
        return out

    def document_url(self, filename: str) -> str:
        """Archived originals open through the extension (decrypted when the server holds the
        key, else a page that says how to read them); anything else through Fava."""
        from flask import url_for

        if filename.endswith(documents.SUFFIX):
            from flask import g

            base = f"{request.script_root}/{g.beancount_file_slug}/extension/AidParticipant/document"
            return f"{base}?{urlencode({'filename': filename})}"
        return url_for("document", filename=filename)

    def open_document(self) -> Any:
        """The response for `?filename=`: the original, decrypted in memory, or the explanation."""
        from flask import Response, abort, current_app

        filename = request.args.get("filename", "")
        entries: Any = self.ledger.all_entries
        listed = (e.filename for e in entries if type(e).__name__ == "Document")
        if not documents.is_document(filename, listed):
            abort(404)
        root = Path(self.ledger.beancount_file_path).parent
        key = current_app.config.get(documents.KEY_CONFIG)
        if key is None:
            return Response(documents.explanation(filename, root, self.lang), mimetype="text/html")
        try:
            body = documents.decrypted(filename, key)
        except identity.RegisterError as exc:
            return Response(str(exc), status=403, mimetype="text/plain")
        log = current_app.config.get(documents.LOG_CONFIG) or root / documents.LOG_NAME
        documents.log_opening(Path(log), filename, root)
        response = Response(body, mimetype=documents.media_type(filename))
        response.headers["Cache-Control"] = "no-store"
        response.headers["Content-Disposition"] = f'inline; filename="{documents.inner_name(filename)}"'
        return response

    def kinds(self) -> list[str]:
        from ledger.findings import KINDS

        return list(KINDS)
