"""Fava's import endpoints as `aidledger serve` runs them (Fava's own Flask app, no server):
only regular files inside the books' import folder are read, `--read-only` turns importing
off, and a bad file answers with the message `aidledger import` gives, never a 500 or a
traceback."""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

import pytest

from ledger.books import BooksPaths
from scripts.serving import make_app
from tests.test_bank_golden import GOLDEN, golden_books

SPLIT = (GOLDEN / "passbook" / "split.csv").read_text(encoding="utf-8")
PASSBOOK = "aidledger.passbook"


@pytest.fixture
def paths(tmp_path: Path) -> BooksPaths:
    return golden_books(tmp_path / "books")


def client_for(paths: BooksPaths, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    client = make_app(paths, read_only=read_only).test_client()
    slug = client.get("/").headers["Location"].split("/")[1]
    return client, slug


def extract(client, slug: str, filename: str | Path, importer: str = PASSBOOK):  # type: ignore[no-untyped-def]
    query = urllib.parse.urlencode({"filename": str(filename), "importer": importer})
    return client.get(f"/{slug}/api/extract?{query}")


def test_a_statement_in_the_import_folder_is_extracted(paths: BooksPaths) -> None:
    good = paths.root / "import" / "split.csv"
    good.write_text(SPLIT, encoding="utf-8")
    client, slug = client_for(paths)
    response = extract(client, slug, good)
    assert response.status_code == 200, response.get_json()
    assert len(response.get_json()["data"]) == 8


def test_a_bad_statement_answers_the_command_lines_message(paths: BooksPaths) -> None:
    bad = paths.root / "import" / "x.csv"
    bad.write_text(SPLIT.replace("9900112233", "1122334455"), encoding="utf-8")
    client, slug = client_for(paths)
    response = extract(client, slug, bad)
    message = response.get_json()["error"]
    assert response.status_code == 400
    assert message.startswith(f"{bad}: ") and "belongs to nobody" in message
    assert "Traceback" not in message and 'File "' not in message


@pytest.mark.parametrize("where", ["outside", "etc", "symlink-out", "dotdot", "fifo", "folder", "missing"])
def test_only_regular_files_of_the_import_folder_are_read(
    paths: BooksPaths, tmp_path: Path, where: str
) -> None:
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(SPLIT, encoding="utf-8")
    folder = paths.root / "import"
    target: Path | str
    if where == "outside":
        target = outside
    elif where == "etc":
        target = "/etc/passwd"
    elif where == "symlink-out":
        target = folder / "link.csv"
        target.symlink_to(outside)
    elif where == "dotdot":
        target = f"{folder}/../../elsewhere.csv"
    elif where == "fifo":
        target = folder / "pipe.csv"
        os.mkfifo(target)
    elif where == "folder":
        target = folder / "sub"
        target.mkdir()
    else:
        target = folder / "missing.csv"
    client, slug = client_for(paths)
    response = extract(client, slug, target)
    assert response.status_code == 403, response.get_data(as_text=True)
    message = response.get_json()["error"]
    assert message.startswith(str(target)) and "Traceback" not in message


def test_read_only_turns_importing_off(paths: BooksPaths) -> None:
    good = paths.root / "import" / "split.csv"
    good.write_text(SPLIT, encoding="utf-8")
    client, slug = client_for(paths, read_only=True)
    for response in (extract(client, slug, good), client.get(f"/{slug}/api/imports")):
        assert response.status_code == 403
        assert "read-only" in response.get_json()["error"]


def test_nothing_the_import_page_read_is_kept_between_requests(paths: BooksPaths) -> None:
    """Fava's import endpoints give the importers one session per request (importers.session):
    the statement read to list and extract it is not held by the server afterwards."""
    good = paths.root / "import" / "split.csv"
    good.write_text(SPLIT, encoding="utf-8")
    app = make_app(paths)
    client = app.test_client()
    slug = client.get("/").headers["Location"].split("/")[1]
    listed = client.get(f"/{slug}/api/imports")
    assert listed.status_code == 200
    assert any(PASSBOOK in str(item) for item in listed.get_json()["data"])
    assert extract(client, slug, good).status_code == 200
    config = app.config["LEDGERS"][slug].ingest.loaded_config
    sessions = {id(w.importer.session): w.importer.session for w in config.importers.values()}
    assert len(sessions) == 1  # shared by the importers
    [session] = sessions.values()
    assert not session.sheets and not session.pages and not session.hashes
