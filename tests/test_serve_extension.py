"""`aidledger serve` over plain HTTP: the extension's pages and Fava's import page answer."""

from __future__ import annotations

import json
import shutil
import urllib.parse

from scripts.sim import render_sheets
from tests.fava_server import fetch, serving

PAGES = ("AidOverview", "AidDisbursements", "AidParticipant", "AidFindings")


def test_serve_has_the_extension_and_the_import_configuration(demo, tmp_path) -> None:
    # a disbursement list waiting in the books' import folder, as the treasurer uploads it
    lists = render_sheets.disbursement_sheets(demo.year, tmp_path / "lists")
    waiting = demo.paths.root / "import" / lists[0].name
    shutil.copyfile(lists[0], waiting)
    try:
        with serving(demo.paths.root) as base:  # importing is on (--read-only turns it off)
            for page in PAGES:
                status, html = fetch(f"{base}/extension/{page}/")
                assert status == 200 and 'class="aid-nav"' in html, page
            _, html = fetch(f"{base}/extension/AidParticipant/?participant=P0001")
            assert 'id="aid-participant-code">P0001<' in html
            _, html = fetch(f"{base}/extension/AidOverview/?time=2026-03")
            assert 'id="aid-as-of">2026-03-31<' in html
            _, body = fetch(f"{base}/api/errors")
            assert json.loads(body)["data"] == []
            _, body = fetch(f"{base}/api/imports")
            files = json.loads(body)["data"]
            mine = next(f for f in files if f["basename"] == waiting.name)
            name = "importers.disbursements.DisbursementsImporter"
            assert [i["importer_name"] for i in mine["importers"]] == [name]
            query = urllib.parse.urlencode({"filename": str(waiting), "importer": name})
            _, body = fetch(f"{base}/api/extract?{query}")
            extracted = json.loads(body)["data"]
            batch = lists[0].name.removeprefix("daftar-nominatif-").removesuffix(".xlsx")
            rows = [d for d in demo.year.disbursements if d.batch == batch]
            assert len(extracted) == len(rows) > 0
            # Fava shows them as already in the books: their import-keys are there
            assert all(e["meta"].get("__duplicate__") for e in extracted)
    finally:
        waiting.unlink()
