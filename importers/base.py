"""What every aidledger importer is: a beangulp importer that also says where its entries go,
what it skipped and why, and where the original is archived.

`read()` is the one method an importer implements. It gets the entries already in the books
(so it can map an account number to a participant, or know a plan line) and returns an
Extraction; beangulp's `extract()` (used by Fava's import page) is `read().entries`.
Duplicates are recognised by the stable `import-key` metadata every imported entry carries,
not by beangulp's date-window heuristic alone.
"""

from __future__ import annotations

import abc
import datetime
from dataclasses import dataclass, field
from pathlib import Path

import beangulp
from beancount.core import data

from importers import messages, tables
from importers.session import ImportSession
from importers.tables import InputError, Row, RowErrors, TableSpec
from ledger.books import BooksPaths
from ledger.identity import Identity
from ledger.records import Program, read_program

IMPORT_KEY = "import-key"


@dataclass
class Extraction:
    """What one input file gives: entries, rows left out with their reason, identities."""

    entries: list[data.Directive] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (location, reason)
    identities: list[Identity] = field(default_factory=list)
    archive_account: str | None = None  # None: the original is not archived (it holds names)
    archive_date: datetime.date | None = None
    rows_read: int = 0
    # files to copy into the books with the entries: (source, path relative to the books' root)
    attachments: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (location, note): booked, but look


def existing_keys(entries: list[data.Directive]) -> set[str]:
    return {str(e.meta[IMPORT_KEY]) for e in entries if e.meta and IMPORT_KEY in e.meta}


class AidImporter(beangulp.Importer):
    """Base of aidledger's importers."""

    kind = "misc"  # the journal file kind: journal/<kind>-<year>.beancount

    def __init__(self, session: ImportSession | None = None) -> None:
        # what the files read share between importers (importers.session): the pipeline sets
        # its run's; without one (beangulp's own command line) the importer keeps its own
        self.session = session if session is not None else ImportSession()

    @abc.abstractmethod
    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        """Read the file into entries, or raise importers.tables.InputError with its location."""

    def account(self, filepath: str) -> str:
        return "Assets:Institution"

    def extract(self, filepath: str, existing: data.Entries) -> data.Entries:
        entries = list(existing or [])
        with self.session.active():
            return self.read(filepath, entries, read_program(entries)).entries

    def deduplicate(self, entries: data.Entries, existing: data.Entries) -> None:
        keys = existing_keys(list(existing or []))
        for entry in entries:
            if entry.meta.get(IMPORT_KEY) in keys:
                entry.meta["__duplicate__"] = True
        super().deduplicate(entries, existing)

    def target(self, paths: BooksPaths, entry: data.Directive) -> Path:
        return paths.journal_file(self.kind, entry.date.year)


class SheetImporter(AidImporter):
    """An importer of one kind of spreadsheet (XLSX or CSV), recognised by its header row."""

    spec: TableSpec

    def identify(self, filepath: str) -> bool:
        with self.session.active():
            return tables.identify(Path(filepath), self.spec)

    def sheet(self, path: Path) -> SheetRows:
        """Every data row of every table of this kind in the file, the tables' own errors (a
        total that disagrees) to report with the rows', and the sheets and rows not read."""
        found = tables.find(path, self.spec)
        if not found.tables:
            headers = ", ".join(self.spec.template_headers("id")[:3])
            raise InputError(
                str(path),
                messages.tr(
                    "no {kind} table (header with {headers}, ...) found", kind=self.spec.name, headers=headers
                ),
            )
        errors = RowErrors(path)
        skipped = list(found.skipped)
        for table in found.tables:
            errors.errors.extend(table.errors)
            skipped.extend(table.skipped)
        return SheetRows([row for table in found.tables for row in table.rows], errors, skipped)

    def begin(self, path: Path, archive_account: str) -> tuple[Extraction, SheetRows]:
        """The sheet's rows and an extraction that archives the original today, its rows and
        skipped rows already counted: how every sheet importer of booked kinds starts."""
        result = Extraction(archive_account=archive_account, archive_date=datetime.date.today())
        sheet = self.sheet(path)
        result.rows_read = len(sheet.rows)
        result.skipped.extend(sheet.skipped)
        return result, sheet

    def rows(self, path: Path) -> list[Row]:
        """The data rows (see `sheet`); InputError when there is no table or a table is wrong."""
        found = self.sheet(path)
        found.errors.check()
        return found.rows


@dataclass
class SheetRows:
    rows: list[Row]
    errors: RowErrors  # collects the rows' errors too; `check()` raises them all at once
    skipped: list[tuple[str, str]]
