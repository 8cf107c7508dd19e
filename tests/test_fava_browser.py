"""The Fava extension in Debian's Chromium (Playwright, no browser download) on the demo books.

Every page of the extension opens; the figures shown equal the engine's (reports/fava_ext/view.py
computes them from ledger.reconcile); a participant link leads to her page and on to Fava's
journal of her accounts; screenshots go to a temporary folder (AIDLEDGER_SCREENSHOTS to keep
them).
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_decimal

from ledger import books, i18n
from reports.fava_ext.view import EngineView
from tests.fava_server import serving

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def rupiah(number: Decimal) -> str:
    """As the pages write money: Rp 1.234.567 (-Rp 1.234.567)."""
    return ("-" if number < 0 else "") + "Rp " + format_decimal(abs(number), format="#,##0", locale="id_ID")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    keep = os.environ.get("AIDLEDGER_SCREENSHOTS")
    folder = Path(keep) if keep else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_extension_pages_in_chromium(demo, shots: Path) -> None:
    from playwright.sync_api import sync_playwright

    loaded = books.load(demo.paths)
    with serving(demo.paths.root) as base, sync_playwright() as pw:
        today = datetime.date.today()
        engine = EngineView.compute(loaded.entries, today, "id", loaded.program)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})

            # overview: the total row of each dimension equals the engine's
            page.goto(f"{base}/extension/AidOverview/")
            page.wait_for_selector("#aid-overview-funder")
            assert page.locator("#aid-as-of").inner_text() == str(today)
            for dimension in ("funder", "cohort", "group"):
                total = engine.overview[dimension][-1]
                row = page.locator(f"#aid-overview-{dimension} tr.aid-total")
                for field in ("granted", "credited", "withdrawn", "receipted", "cash_uncovered"):
                    shown = row.locator(f'td[data-field="{field}"]').inner_text().strip()
                    assert shown == rupiah(getattr(total, field)), (dimension, field)
                assert row.locator('td[data-field="open_findings"]').inner_text().strip() == str(
                    total.open_findings
                )
            page.screenshot(path=str(shots / "overview.png"), full_page=True)

            # disbursements: every row with the engine's status
            page.goto(f"{base}/extension/AidDisbursements/")
            page.wait_for_selector("table.aid-batch")
            expected = sorted((r.row.participant, r.status) for b in engine.batches for r in b.rows)
            shown_rows = page.locator("table.aid-batch tbody tr")
            shown = sorted(
                (
                    shown_rows.nth(i).get_attribute("data-participant"),
                    shown_rows.nth(i).get_attribute("data-status"),
                )
                for i in range(shown_rows.count())
            )
            assert shown == expected
            assert {status for _, status in shown} >= {"credited", "mismatch", "not-credited", "duplicate"}
            page.screenshot(path=str(shots / "disbursements.png"), full_page=True)

            # follow a participant link: a participant with a planted mismatch
            mismatched = next(p for p, s in expected if s == "mismatch")
            page.locator(
                f'table.aid-batch tr[data-participant="{mismatched}"] a.aid-participant'
            ).first.click()
            page.wait_for_selector("#aid-participant-code")
            assert page.locator("#aid-participant-code").inner_text() == mismatched
            summary = engine.summaries[mismatched]
            for field in ("aid_received", "withdrawn", "receipted", "savings_balance", "plan_total"):
                cell = page.locator(f'#aid-participant-summary td[data-field="{field}"]')
                assert cell.inner_text().strip() == rupiah(getattr(summary, field)), field
            kinds = {f.kind for f in engine.findings_of(mismatched)}
            shown_kinds = set(
                page.locator("table.aid-findings tbody tr").evaluate_all(
                    "rows => rows.map(r => r.dataset.kind)"
                )
            )
            assert shown_kinds == kinds and "disbursement-amount-mismatch" in kinds
            assert page.locator("#aid-plan-lines tbody tr").count() == max(1, len(summary.lines))
            documents = engine.documents.get(mismatched, [])
            assert page.locator("#aid-documents li a").count() == len(documents) > 0
            page.screenshot(path=str(shots / "participant.png"), full_page=True)

            # her journal in Fava: filtered on her accounts
            page.locator("#aid-journal-link").click()
            page.wait_for_url("**/journal/**")
            assert f"Aid%3A{mismatched}" in page.url or f"Aid:{mismatched}" in page.url

            # participant list page
            page.goto(f"{base}/extension/AidParticipant/")
            page.wait_for_selector("#aid-participants")
            assert page.locator("#aid-participants tbody tr").count() == len(engine.program.participants)

            # findings: all, then filtered by kind through the form
            page.goto(f"{base}/extension/AidFindings/")
            page.wait_for_selector("#aid-findings-count")
            assert page.locator("#aid-findings-count").inner_text() == str(len(engine.findings))
            page.screenshot(path=str(shots / "findings.png"), full_page=True)
            page.select_option('select[name="kind"]', "duplicate-disbursement")
            page.locator("#aid-findings-filter button").click()
            page.wait_for_url("**kind=duplicate-disbursement**")
            page.wait_for_selector("#aid-findings-count")
            wanted = engine.select_findings(kind="duplicate-disbursement")
            assert page.locator("#aid-findings-count").inner_text() == str(len(wanted)) != "0"
        finally:
            browser.close()


@pytest.fixture(scope="module")
def site(demo):  # type: ignore[no-untyped-def]
    """One server and one Chromium for the tests below: (base URL, browser, engine view today)."""
    from playwright.sync_api import sync_playwright

    loaded = books.load(demo.paths)
    engine = EngineView.compute(loaded.entries, datetime.date.today(), "id", loaded.program)
    with serving(demo.paths.root) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            yield base, browser, engine
        finally:
            browser.close()


def aid_pages(engine: EngineView) -> list[str]:
    """Every aid page, a participant with findings among them."""
    code = next(f.participant for f in engine.findings)
    return [
        "AidOverview/",
        "AidDisbursements/",
        "AidParticipant/",
        f"AidParticipant/?participant={code}",
        "AidFindings/",
    ]


def test_no_finding_slug_in_any_pages_visible_text(site) -> None:  # type: ignore[no-untyped-def]
    from ledger.findings import KINDS
    from ledger.reconcile.batches import STATUSES

    base, browser, engine = site
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    kinds_seen = set()
    for path in aid_pages(engine):
        page.goto(f"{base}/extension/{path}")
        page.wait_for_selector("#aid-as-of")
        text = page.locator("article, main, body").first.inner_text()
        for code in [*KINDS, *STATUSES, "error", "warning"]:
            if "-" in code or code in ("error", "warning"):
                assert f" {code} " not in f" {' '.join(text.split())} ", (path, code)
        kinds_seen |= {label for label, _en in i18n.KIND_LABELS.values() if label in text}
    assert kinds_seen  # the Indonesian words are there instead
    assert "Rp " in page.locator("body").inner_text()


def shown_findings(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(participant, date) of every row of the findings table."""
    return page.locator("table.aid-findings tbody tr[data-participant]").evaluate_all(
        "rows => rows.map(r => [r.dataset.participant, r.cells[0].innerText.trim()])"
    )


def test_findings_follow_favas_account_and_time_filters(site) -> None:  # type: ignore[no-untyped-def]
    base, browser, engine = site
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    counts: dict[str, int] = {}
    for f in engine.findings:
        counts[f.participant] = counts.get(f.participant, 0) + 1
    her = max(counts, key=lambda code: counts[code])

    page.goto(f"{base}/extension/AidFindings/?account=Assets:Aid:{her}")
    page.wait_for_selector("#aid-findings-count")
    rows = shown_findings(page)
    assert rows and {code for code, _ in rows} == {her}
    assert len(rows) == counts[her]
    assert page.locator("#aid-fava-filter-note").count() == 1
    # her page's participant list, narrowed the same way
    page.goto(f"{base}/extension/AidParticipant/?account=Assets:Aid:{her}")
    page.wait_for_selector("#aid-participants")
    assert page.locator("#aid-participants tbody tr").evaluate_all(
        "r => r.map(x => x.dataset.participant)"
    ) == [her]

    # a month: only that period's findings, read as of its last day
    month = max(f.date for f in engine.findings).strftime("%Y-%m")
    page.goto(f"{base}/extension/AidFindings/?time={month}")
    page.wait_for_selector("#aid-findings-count")
    rows = shown_findings(page)
    assert rows and all(day.startswith(month) for _, day in rows)
    as_of = page.locator("#aid-as-of").inner_text()
    assert as_of.startswith(month) and "filter waktu Fava" in page.locator("#aid-as-of-note").inner_text()


def test_participant_list_and_findings_by_companion_cohort_group_and_funder(site) -> None:  # type: ignore[no-untyped-def]
    base, browser, engine = site
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    people = engine.program.participants
    for name in ("companion", "cohort", "group", "funder"):
        value = sorted({getattr(p, name) for p in people.values()})[0]
        expected = sorted(code for code, p in people.items() if getattr(p, name) == value)
        page.goto(f"{base}/extension/AidParticipant/")
        page.wait_for_selector("#aid-participants-filter")
        page.select_option(f'#aid-participants-filter select[name="{name}"]', value)
        page.locator("#aid-participants-filter button").click()
        page.wait_for_url(f"**{name}=**")
        shown = page.locator("#aid-participants tbody tr").evaluate_all(
            "r => r.map(x => x.dataset.participant)"
        )
        assert shown == expected, name
        page.goto(f"{base}/extension/AidFindings/?{name}={value}")
        page.wait_for_selector("#aid-findings-count")
        codes = {code for code, _ in shown_findings(page)}
        assert codes == {f.participant for f in engine.findings if f.participant in expected}, name


def test_no_table_wider_than_the_window_at_1366_px(site, shots: Path) -> None:  # type: ignore[no-untyped-def]
    base, browser, engine = site
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    for path in aid_pages(engine):
        page.goto(f"{base}/extension/{path}")
        page.wait_for_selector("#aid-as-of")
        too_wide = page.evaluate(
            """() => [...document.querySelectorAll('table')]
                 .map(t => [t.id || t.className, Math.ceil(t.getBoundingClientRect().right)])
                 .filter(([, right]) => right > window.innerWidth)"""
        )
        assert not too_wide, (path, too_wide)
    page.screenshot(path=str(shots / "findings-1366.png"), full_page=False)
    # locations: short paths relative to the books, each a link to Fava's editor at its line
    link = page.locator("table.aid-findings td.aid-where a").first
    assert not link.inner_text().startswith("/")
    assert "/editor/" in (link.get_attribute("href") or "") and "line=" in (link.get_attribute("href") or "")
    link.click()
    page.wait_for_url("**/editor/**")


def receipt_scan(engine: EngineView) -> tuple[str, str]:
    """(participant, archived file) of a receipt scan among the documents."""
    for code, docs in sorted(engine.documents.items()):
        for doc in docs:
            if doc.filename.endswith(".jpg.age"):
                return code, doc.filename
    raise AssertionError("the demo has no receipt scan")


def test_a_receipt_without_the_key_explains_how_to_read_it(site) -> None:  # type: ignore[no-untyped-def]
    base, browser, engine = site
    code, filename = receipt_scan(engine)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(f"{base}/extension/AidParticipant/?participant={code}")
    link = page.locator(f'#aid-documents a[href*="{Path(filename).name}"]')
    link.click()
    page.wait_for_selector("#aid-encrypted")
    text = page.locator("body").inner_text()
    assert "terenkripsi" in text and "aidledger document" in text and "--key" in text


def test_a_receipt_with_the_key_opens_as_an_image_and_is_logged(demo, site) -> None:  # type: ignore[no-untyped-def]
    from importers.archive import read_archived

    _base, browser, engine = site
    code, filename = receipt_scan(engine)
    log = demo.paths.root / "logs" / "documents-opened.log"
    before = {p for p in demo.paths.root.rglob("*") if p.is_file() and "logs" not in p.parts}
    with serving(demo.paths.root, "--key", str(demo.key_file)) as base:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(f"{base}/extension/AidParticipant/?participant={code}")
        with page.expect_response(lambda r: "/document" in r.url and r.status == 200) as answer:
            page.locator(f'#aid-documents a[href*="{Path(filename).name}"]').click()
        response = answer.value
        assert response.headers["content-type"] == "image/jpeg"
        assert response.headers["cache-control"] == "no-store"
        assert response.body() == read_archived(Path(filename), demo.key_file)
        page.wait_for_load_state()
        assert page.evaluate("() => document.contentType") == "image/jpeg"
        assert page.evaluate("() => document.images.length === 1 && document.images[0].naturalWidth > 0")
        # Fava's own document link (its journal, its Documents page) leads to the same place
        page.goto(f"{base}/document/?filename={filename}")
        assert page.evaluate("() => document.contentType") == "image/jpeg"
    after = {p for p in demo.paths.root.rglob("*") if p.is_file() and "logs" not in p.parts}
    assert after == before  # nothing written in clear
    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 2 and all(
        Path(filename).name in line and "\topened\t" in line for line in lines[-2:]
    )
