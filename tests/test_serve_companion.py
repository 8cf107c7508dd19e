"""`aidledger serve --companion C`: Fava over her participants only, read-only, in Chromium.

Every extension page, Fava's journal, balance sheet, income statement, documents and editor,
and the API's answers hold none of the other participants' codes; her own participants are
there; the books' own files cannot be read through the source API; nothing can be written.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from ledger import books
from ledger.scope import Scope, participants_of, scoped
from tests.fava_server import serving
from tests.test_fava_browser import ARGS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]

PAGES = [
    "extension/AidOverview/",
    "extension/AidDisbursements/",
    "extension/AidParticipant/",
    "extension/AidFindings/",
    "extension/AidProgress/",
    "extension/AidProgress/?time=2026",
    "journal/",
    "balance_sheet/",
    "income_statement/",
    "documents/",
    "editor/",
    "errors/",
]
API = [
    "api/balance_sheet",
    "api/income_statement",
    "api/journal",
    "api/documents",
    "api/events",
    "api/narrations",
    "api/options",
    "api/errors",
    "api/source",
    "api/query?query_string=" + urllib.parse.quote("SELECT account, narration, position"),
]


def named(text: str, codes: set[str]) -> list[str]:
    return sorted(c for c in codes if re.search(rf"(?<![A-Za-z0-9]){re.escape(c)}(?![A-Za-z0-9])", text))


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_scope_keeps_hers_and_nobody_elses(demo) -> None:  # type: ignore[no-untyped-def]
    loaded = books.load(demo.paths)
    companion = sorted(loaded.program.companions)[0]
    mine = participants_of(loaded.program, companion)
    kept = scoped(loaded.entries, loaded.program, companion)
    scope = Scope(mine, loaded.program.participants)
    assert mine and len(kept) < len(loaded.entries)
    assert not any(scope.names_other(repr(entry)) for entry in kept)

    # her transactions all stay, with their amounts
    def hers(entries):  # type: ignore[no-untyped-def]
        return sorted(
            (e.date, str(p.account), p.units.number)
            for e in entries
            if hasattr(e, "postings")
            for p in e.postings
            if any(f":{c}:" in p.account for c in mine)
        )

    assert hers(kept) == hers(loaded.entries)


def test_companion_sees_only_her_participants_in_chromium(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    loaded = books.load(demo.paths)
    program = loaded.program
    companion, record = sorted(program.companions.items())[0]
    mine = participants_of(program, companion)
    others = set(program.participants) - mine
    with serving(demo.paths.root, "--companion", record.label) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            seen_mine: set[str] = set()
            for path in [*PAGES, *(f"extension/AidParticipant/?participant={c}" for c in sorted(mine))]:
                page.goto(f"{base}/{path}")
                page.wait_for_load_state("networkidle")
                html = page.content()
                assert named(html, others) == [], path
                seen_mine |= set(named(html, mine))
            assert seen_mine == mine
            page.goto(f"{base}/journal/")
            page.wait_for_load_state("networkidle")
            assert len(named(page.content(), mine)) >= 1
        finally:
            browser.close()
        for path in API:
            status, body = get(f"{base}/{path}")
            assert status == 200, (path, body[:300])
            assert named(body, others) == [], path
        # the participants' list holds exactly hers
        _status, body = get(f"{base}/extension/AidParticipant/")
        assert set(named(body, mine)) == mine
        # the books' own files are not served through the source API or as documents
        status, body = get(f"{base}/api/source?filename={urllib.parse.quote(str(demo.paths.main))}")
        assert status != 200 or not named(body, others)
        other_doc = next(
            str(e.filename)
            for e in loaded.entries
            if getattr(e, "filename", "").endswith(".age") and any(f"/{c}/" in e.filename for c in others)
        )
        status, _body = get(f"{base}/document/?filename={urllib.parse.quote(other_doc)}")
        assert status == 404
        # read-only: a write is refused
        request = urllib.request.Request(
            f"{base}/api/source",
            data=json.dumps({"file_path": "x", "source": "", "sha256sum": ""}).encode(),
            method="PUT",
            headers={"Content-Type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=60)
        assert refused.value.code == 401


def test_unknown_companion_is_refused(demo) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from scripts.cli import main

    result = CliRunner().invoke(main, ["serve", "--books", str(demo.paths.root), "--companion", "C99"])
    assert result.exit_code != 0 and "no companion C99" in result.output
