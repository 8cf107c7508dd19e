"""The extension in Fava's own Flask app (no server): labels follow the books' language, the
engine runs once per load and date, and the time filter sets the date the books are read at."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger import identity
from ledger.books import BooksPaths
from ledger.create import create_books
from scripts.serving import make_app


def _client(tmp_path: Path, lang: str):  # type: ignore[no-untyped-def]
    secret = identity.load_or_create_key(tmp_path / "key")
    paths: BooksPaths = create_books(tmp_path / "books", recipient=identity.recipient_of(secret), lang=lang)
    app = make_app(paths)
    client = app.test_client()
    first = client.get("/")
    slug = first.headers["Location"].split("/")[1]
    return client, slug, app


@pytest.mark.parametrize(
    ("lang", "words"),
    [("id", ["Ikhtisar Bantuan", "Dialokasikan", "Temuan terbuka"]), ("en", ["Aid overview", "Granted"])],
)
def test_labels_follow_the_books_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    client, slug, _ = _client(tmp_path, lang)
    html = client.get(f"/{slug}/extension/AidOverview/").get_data(as_text=True)
    for word in words:
        assert word in html


def test_one_engine_run_per_load_and_date(tmp_path: Path) -> None:
    client, slug, app = _client(tmp_path, "id")
    for page in ("AidOverview", "AidDisbursements", "AidParticipant", "AidFindings"):
        assert client.get(f"/{slug}/extension/{page}/").status_code == 200
    ledger = app.config["LEDGERS"][slug]
    cache = ledger.extensions.get_extension("AidOverview").cache
    assert cache is ledger.extensions.get_extension("AidFindings").cache
    assert len(cache._views) == 1  # four pages, one reconciliation
    html = client.get(f"/{slug}/extension/AidFindings/?time=2026-02").get_data(as_text=True)
    assert 'id="aid-as-of">2026-02-28<' in html
    assert len(cache._views) == 2


def test_favas_advanced_filter_and_the_pages_own_filters_narrow_the_pages(demo) -> None:  # type: ignore[no-untyped-def]
    import re

    from ledger import books

    loaded = books.load(demo.paths)
    app = make_app(demo.paths)
    client = app.test_client()
    slug = client.get("/").headers["Location"].split("/")[1]
    everyone = client.get(f"/{slug}/extension/AidFindings/").get_data(as_text=True)
    codes = sorted(set(re.findall(r'<tr data-kind="[^"]+" data-participant="(P\d+)"', everyone)))
    assert len(codes) > 1
    her = codes[0]
    # Fava's advanced filter (as a tag, payee or account expression would): only her findings
    narrowed = client.get(
        f"/{slug}/extension/AidFindings/", query_string={"filter": f'account:"^Assets:Aid:{her}:"'}
    ).get_data(as_text=True)
    assert set(re.findall(r'data-participant="(P\d+)"', narrowed)) == {her}
    assert 'id="aid-fava-filter-note"' in narrowed
    # the overview totals only over the participants kept
    overview = client.get(
        f"/{slug}/extension/AidOverview/", query_string={"account": f"Assets:Aid:{her}"}
    ).get_data(as_text=True)
    total_row = re.search(r'<tr data-key="" class="aid-total">.*?</tr>', overview, re.S)
    assert total_row and re.search(r'data-field="participants">1<', total_row.group(0))
    # the pages' own filter: a funder
    funder = loaded.program.participants[her].funder
    members = {c for c, p in loaded.program.participants.items() if p.funder == funder}
    listed = client.get(f"/{slug}/extension/AidParticipant/", query_string={"funder": funder}).get_data(
        as_text=True
    )
    assert set(re.findall(r'<tr data-participant="(P\d+)"', listed)) == members


def test_favas_reload_drops_the_views_of_the_old_load(tmp_path: Path) -> None:
    """The views belong to the extension (no module-level cache): when Fava reloads the books
    after a file changed, the views of the old load go at once, not at the next aid page."""
    import time

    client, slug, app = _client(tmp_path, "id")
    ledger = app.config["LEDGERS"][slug]
    assert client.get(f"/{slug}/extension/AidFindings/").status_code == 200
    cache = ledger.extensions.get_extension("AidOverview").cache
    assert len(cache._views) == 1
    old = ledger.all_entries
    main = Path(ledger.beancount_file_path)
    text = main.read_text(encoding="utf-8")
    main.write_text(text + '\n2026-01-02 event "reload" "test"\n', encoding="utf-8")
    deadline = time.monotonic() + 30
    while ledger.all_entries is old and time.monotonic() < deadline:
        client.get(f"/{slug}/events/")  # Fava checks the files before each page and reloads
        time.sleep(0.2)
    assert ledger.all_entries is not old, "Fava did not reload the changed books"
    assert len(cache._views) == 0
    assert cache._entries is None
    html = client.get(f"/{slug}/extension/AidFindings/").get_data(as_text=True)
    assert "aid-as-of" in html
    assert cache._entries is ledger.all_entries and len(cache._views) == 1
    # a second ledger's pages keep their own views
    other, other_slug, other_app = _client(tmp_path / "other", "id")
    assert other.get(f"/{other_slug}/extension/AidOverview/").status_code == 200
    other_cache = other_app.config["LEDGERS"][other_slug].extensions.get_extension("AidFindings").cache
    assert other_cache is not cache and len(cache._views) == 1
