"""`aidledger serve --companion C` follows the books while it runs: an entry added to the books
(an import, the treasurer's edit) shows on the companion's server without a restart; books that
stop loading cleanly leave her the last good view."""

from __future__ import annotations

import shutil
import time
import urllib.request
from pathlib import Path

from ledger import books
from ledger.scope import participants_of
from tests.fava_server import serving


def journal_text(base: str) -> str:
    with urllib.request.urlopen(f"{base}/api/journal", timeout=120) as response:
        return str(response.read().decode("utf-8"))


def shows(base: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in journal_text(base):
            return True
        time.sleep(0.5)
    return False


def test_companion_server_follows_the_books(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "books"
    shutil.copytree(demo.paths.root, root)
    paths = books.BooksPaths(root)
    program = books.load(paths).program
    companion, record = sorted(program.companions.items())[0]
    mine = sorted(participants_of(program, companion))
    other = sorted(set(program.participants) - set(mine))[0]
    added = paths.journal / "zz-added-while-serving.beancount"
    with serving(root, "--companion", record.label) as base:
        assert "Catatan baru pendamping" not in journal_text(base)
        added.write_text(
            f'2026-12-01 note Assets:Aid:{mine[0]}:Savings "Catatan baru pendamping"\n'
            f'2026-12-01 note Assets:Aid:{other}:Savings "Catatan peserta lain"\n',
            encoding="utf-8",
        )
        assert shows(base, "Catatan baru pendamping")
        assert "Catatan peserta lain" not in journal_text(base)  # still her scope only
        # books that break a rule: her view stays as it was, and the server keeps answering
        added.write_text(
            added.read_text(encoding="utf-8") + "2026-12-02 open Assets:Aid:P9999:Savings IDR\n",
            encoding="utf-8",
        )
        time.sleep(1)
        text = journal_text(base)
        assert "Catatan baru pendamping" in text and "P9999" not in text
