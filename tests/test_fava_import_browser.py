"""Fava's Import page in Debian's Chromium: a bad statement in the books' import folder shows
the one message `aidledger import` gives (file, line, reason), not a 500 or a traceback."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from scripts.cli import main
from tests.fava_server import serving
from tests.test_bank_golden import GOLDEN, golden_books
from tests.test_fava_browser import ARGS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def test_import_page_shows_the_message_of_a_bad_statement(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    paths = golden_books(tmp_path / "books")
    split = (GOLDEN / "passbook" / "split.csv").read_text(encoding="utf-8")
    bad = paths.root / "import" / "rekening-baru.csv"
    bad.write_text(split.replace("PENARIKAN TUNAI,2.500.000,,675.000", "PENARIKAN TUNAI,2.500.000,,657.000"))
    result = CliRunner().invoke(main, ["import", "--books", str(paths.root), "--dry-run", str(bad)])
    assert result.exit_code == 1
    cli_message = result.output.split("error: ", 1)[1].strip()
    query = urllib.parse.urlencode({"extract_filename": str(bad), "extract_importer": "aidledger.passbook"})
    with serving(paths.root) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{base}/import/")
            assert "rekening-baru.csv" in page.inner_text("article")
            page.goto(f"{base}/import/?{query}")
            note = page.wait_for_selector(".notifications li.error", timeout=60_000)
            assert note is not None
            message = note.inner_text()
            # the command line's message, after the status Fava's page puts before it
            assert message.endswith(cli_message) and message.startswith("HTTP 400 - "), message
            assert cli_message.startswith(f"{bad}:10: balance chain broken")
            body = page.inner_text("body")
            assert "Traceback" not in body and "Internal Server Error" not in body
            assert "Error calling" not in message  # Fava's own wrapper message
        finally:
            browser.close()
