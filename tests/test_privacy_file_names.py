"""File names that carry a participant's name and account number stay out of everything in
clear: the books, the archive's names, every report and every page Fava serves.

Treasurers name files after the person ("Rekening Koran SRI WAHYUNI 512634789235240.pdf").
Here every kind of file is imported under such a name (the register, the disbursement lists,
a bank statement, plans, receipts and their scans) through the real command line; then every
report is built and every Fava page and API answer fetched, and neither the name nor the
account number may appear anywhere (the encrypted register and archive aside).
"""

from __future__ import annotations

import dataclasses
import io
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from ledger import books
from scripts.cli import main
from scripts.sim import render_passbooks, render_sheets, render_statements
from scripts.sim.truth import ProgramYear, simulate
from tests.fava_server import fetch, serving

REPORTS = ("card", "realisation", "disbursements", "funder", "exceptions", "audit")
FAVA_PAGES = (
    "income_statement",
    "balance_sheet",
    "trial_balance",
    "journal",
    "documents",
    "events",
    "statistics",
    "holdings",
    "commodities",
    "editor",
    "errors",
    "import",
    "options",
    "query",
)
FAVA_API = ("documents", "journal", "imports", "errors", "events", "options", "commodities")
EXTENSION = ("AidOverview", "AidDisbursements", "AidParticipant", "AidFindings")

pytestmark = pytest.mark.slow


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def needles(name: str, number: str) -> list[str]:
    return [name.lower(), urllib.parse.quote(name).lower(), name.replace(" ", "_").lower(), number]


def leaks(text: str, name: str, number: str) -> list[str]:
    low = text.lower()
    return [needle for needle in needles(name, number) if needle in low]


@dataclasses.dataclass
class Imported:
    root: Path
    year: ProgramYear
    name: str
    number: str
    key: Path


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    tmp = tmp_path_factory.mktemp("privacy")
    year = simulate(8, 5)
    person = next(
        p for p in year.people if year.lines_of(p.code) and render_passbooks.layout_for(p).endswith("-pdf")
    )
    name, number = person.name, person.account_number
    tag = f"{name} {number}"
    year = dataclasses.replace(
        year,
        purchases=[
            dataclasses.replace(p, scan=f"scan {tag}/nota {tag} {i}.jpg")
            for i, p in enumerate(year.purchases)
        ],
    )
    files = tmp / "files"
    files.mkdir()
    key = tmp / "keys" / "books.key"
    root = tmp / "books"
    cli("init", str(root), "--key", str(key))
    register = render_sheets.participants_sheet(year, files / f"Data Peserta {tag}.xlsx")
    cli("import", "--books", str(root), str(register))
    lists = []
    for index, made in enumerate(render_sheets.disbursement_sheets(year, files / "lists")):
        lists.append(made.rename(files / f"Daftar Nominatif {tag} {index}.xlsx"))
    cli("import", "--books", str(root), *map(str, lists))
    lines = year.lines_of(person.code)
    start, end = render_passbooks.quarters(lines, 12)[0]
    statement = render_statements.render_statement(
        files / f"Rekening Koran {tag}.pdf", person, lines, start, end
    )
    cli("import", "--books", str(root), str(statement))
    plans = render_sheets.plans_workbook(year, files / f"RAB {tag}.xlsx")
    receipts = render_sheets.receipts_workbook(year, files / f"Nota {tag}.xlsx")
    cli("import", "--books", str(root), str(plans), str(receipts))
    return Imported(root, year, name, number, key)


def test_nothing_in_the_books_names_the_files(imported: Imported) -> None:
    found = []
    for path in imported.root.rglob("*"):
        relative = str(path.relative_to(imported.root))
        found += [(relative, n) for n in leaks(relative, imported.name, imported.number)]
        if path.is_file() and path.suffix != ".age":
            found += [
                (relative, n)
                for n in leaks(path.read_bytes().decode("utf-8", "replace"), imported.name, imported.number)
            ]
    assert found == []
    documents = list((imported.root / "documents").rglob("*.age"))
    assert len(documents) >= 4  # lists, the statement, plans, receipts and their scans


def test_no_report_names_the_files(imported: Imported, tmp_path: Path) -> None:
    found = []
    for kind in REPORTS:
        out = tmp_path / kind
        cli("report", kind, "--books", str(imported.root), "--out", str(out))
        for path in out.rglob("*"):
            if not path.is_file():
                continue
            raw = path.read_bytes()
            text = raw.decode("latin-1")
            if path.suffix == ".pdf":
                text += "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(raw)).pages)
            found += [(kind, path.name, n) for n in leaks(path.name + text, imported.name, imported.number)]
    assert found == []


def test_no_fava_page_names_the_files(imported: Imported) -> None:
    loaded = books.load(books.resolve(imported.root))
    journal_files = sorted(
        {str(e.meta["filename"]) for e in loaded.entries if e.meta and "filename" in e.meta}
    )
    found = []
    with serving(imported.root) as base:
        urls = [f"{base}/{page}/" for page in FAVA_PAGES]
        urls += [f"{base}/api/{endpoint}" for endpoint in FAVA_API]
        urls += [f"{base}/extension/{page}/" for page in EXTENSION]
        urls += [f"{base}/extension/AidParticipant/?participant={p.code}" for p in imported.year.people]
        urls += [f"{base}/api/source?{urllib.parse.urlencode({'filename': f})}" for f in journal_files]
        urls.append(f"{base}/api/journal_page?page=1&order=asc")
        for url in urls:
            status, body = fetch(url)
            assert status == 200, url
            found += [(url, n) for n in leaks(body, imported.name, imported.number)]
    assert found == []
