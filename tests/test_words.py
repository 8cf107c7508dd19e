"""One spelling of each finding kind, severity and status, in Indonesian wherever people read:
the command line's tables, the PDFs and Fava's pages share ledger/i18n.py's words; the codes
stay in JSON and CSV."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ledger import i18n
from ledger.findings import KINDS
from ledger.reconcile.batches import STATUSES
from scripts.cli import main


def test_every_finding_kind_severity_and_status_has_its_words() -> None:
    assert set(KINDS) <= set(i18n.KIND_LABELS)
    assert set(KINDS.values()) <= set(i18n.SEVERITY_LABELS)
    assert set(STATUSES) <= set(i18n.STATUS_LABELS)
    for table in (i18n.KIND_LABELS, i18n.SEVERITY_LABELS, i18n.STATUS_LABELS):
        indonesian = [pair[0] for pair in table.values()]
        assert len(set(indonesian)) == len(indonesian)  # no two codes read alike


def test_reconcile_prints_indonesian_words_and_json_keeps_the_codes(demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("AIDLEDGER_LANG", raising=False)
    books = str(demo.paths.root)
    table = CliRunner().invoke(main, ["reconcile", "--books", books])
    assert table.exit_code in (0, 1), table.output
    assert "Temuan per tanggal" in table.output and "keterangan" in table.output
    kinds = {json_finding["kind"] for json_finding in json.loads(
        CliRunner().invoke(main, ["reconcile", "--books", books, "--format", "json"]).output
    )}  # fmt: skip
    assert kinds
    for kind in kinds:
        assert kind not in table.output
        assert i18n.KIND_LABELS[kind][0] in table.output
    english = CliRunner().invoke(main, ["reconcile", "--books", books, "--lang", "en"])
    assert "Findings as of" in english.output
    assert all(i18n.KIND_LABELS[kind][1] in english.output for kind in kinds)
    monkeypatch.setenv("AIDLEDGER_LANG", "en")
    assert "Findings as of" in CliRunner().invoke(main, ["reconcile", "--books", books]).output
