"""The beangulp importers of bank statements: one per layout, all booked by importers.booking.

Each importer recognises its layout from the header (never from transaction text), parses the
file into a Statement and books it; the original is archived under her Savings account (or the
institution's account) dated at the statement's end, in Beancount's documents layout.
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from beancount.core import data

from importers.archive import archive_relpath
from importers.bank import passbook, reader
from importers.bank import profile as profile_mod
from importers.base import AidImporter, Extraction
from importers.booking import book_statement
from importers.rules import load_rules
from importers.session import ImportSession, fingerprint
from importers.statement import Statement
from importers.tables import InputError
from ledger.books import PROGRAM
from ledger.records import SETTINGS, Program

PDF_LAYOUTS = ("bri", "bni", "mandiri")


def books_root_of(existing: Sequence[data.Directive]) -> Path | None:
    """The books folder, from where the settings record was read (for Fava, which passes entries)."""
    for entry in existing:
        if isinstance(entry, data.Custom) and entry.type == SETTINGS:
            filename = str(entry.meta.get("filename", ""))
            if filename.endswith(PROGRAM):
                return Path(filename).parent
    return None


def funder_keywords(program: Program) -> dict[str, str]:
    return {code: str(r.meta["keyword"]) for code, r in program.funders.items() if r.meta.get("keyword")}


class StatementImporter(AidImporter):
    """A bank statement layout: identify, parse into a Statement, book it."""

    kind = "bank"
    layout = "statement"

    def __init__(self, books_root: Path | None = None, session: ImportSession | None = None) -> None:
        super().__init__(session)
        self.books_root = books_root
        self.password: str | None = None  # set for one file by the pipeline; never stored
        self.today: datetime.date | None = None  # the day of import (None: importers.bank.dates)

    @property
    def name(self) -> str:
        return f"aidledger.{self.layout}"

    def identify(self, filepath: str) -> bool:
        hit = self._parsed_ahead(filepath)
        if hit is not None:
            return hit[0] == self.layout
        with self.session.active():
            return self.recognises(filepath)

    def parse(self, filepath: str) -> Statement:
        hit = self._parsed_ahead(filepath)
        if hit is not None and hit[0] == self.layout:
            return hit[1]
        with self.session.active():
            return self.parse_file(filepath)

    def _parsed_ahead(self, filepath: str) -> tuple[str, Statement] | None:
        """(layout, statement) when the session was handed the file parsed (scripts.parse_ahead)."""
        if not self.session.statements:
            return None
        key = fingerprint(filepath)
        return self.session.statements.get(key) if key is not None else None

    def recognises(self, filepath: str) -> bool:
        raise NotImplementedError

    def parse_file(self, filepath: str) -> Statement:
        raise NotImplementedError

    def account(self, filepath: str) -> str:
        return "Assets:Aid"

    def read(self, filepath: str, existing: list[data.Directive], program: Program) -> Extraction:
        statement = self.parse(filepath)
        root = self.books_root or books_root_of(existing)
        rules = load_rules(root, funder_keywords(program))
        original = Path(filepath)

        def source_for(account: str, end: datetime.date) -> str:
            # the name importers.archive gives the encrypted original, relative to the books
            return archive_relpath(account, end, original)

        booked = book_statement(
            statement, existing, program, rules, source_for, self.today, session=self.session
        )
        assert booked.owner is not None
        return Extraction(
            entries=booked.entries,
            skipped=booked.skipped,
            archive_account=booked.owner.savings,
            archive_date=booked.end,
            rows_read=len(statement.lines),
            notes=booked.notes,
        )

    def date(self, filepath: str) -> datetime.date | None:
        try:
            statement = self.parse(filepath)
        except (InputError, OSError):
            return None
        return statement.period_end or (statement.lines[-1].date if statement.lines else None)


class PassbookImporter(StatementImporter):
    layout = passbook.LAYOUT

    def recognises(self, filepath: str) -> bool:
        return passbook.identify(Path(filepath))

    def parse_file(self, filepath: str) -> Statement:
        return passbook.parse(Path(filepath))


class ProfileImporter(StatementImporter):
    def __init__(
        self,
        profile: profile_mod.Profile,
        books_root: Path | None = None,
        session: ImportSession | None = None,
    ) -> None:
        super().__init__(books_root, session)
        self.profile = profile
        self.layout = profile.layout

    def recognises(self, filepath: str) -> bool:
        return profile_mod.identify(self.profile, Path(filepath))

    def parse_file(self, filepath: str) -> Statement:
        return profile_mod.parse(self.profile, Path(filepath))


class PdfImporter(StatementImporter):
    """A PDF layout parsed by importers/bank/<layout>.py: identify(path), parse(path, password)."""

    def __init__(
        self,
        module: ModuleType,
        layout: str,
        books_root: Path | None = None,
        session: ImportSession | None = None,
    ) -> None:
        super().__init__(books_root, session)
        self.module = module
        self.layout = f"{layout}-pdf"

    def recognises(self, filepath: str) -> bool:
        if not filepath.lower().endswith(".pdf"):
            return False
        try:
            return bool(self.module.identify(Path(filepath), password=self.password))
        except Exception:  # a damaged PDF is not this layout; the pipeline says what is wrong
            return False

    def parse_file(self, filepath: str) -> Statement:
        try:
            statement: Statement = self.module.parse(Path(filepath), password=self.password)
        except InputError:
            raise
        except Exception as exc:  # pdfminer and pdfplumber raise many kinds for a bad PDF
            raise InputError(filepath, f"cannot read this PDF ({exc.__class__.__name__}: {exc})") from None
        return statement


class GenericPdfImporter(PdfImporter):
    """A statement PDF of a bank no layout describes, read by its column headings alone."""

    def __init__(self, books_root: Path | None = None, session: ImportSession | None = None) -> None:
        super().__init__(reader, "generic", books_root, session)
        self.layout = GENERIC_LAYOUT

    def recognises(self, filepath: str) -> bool:
        if not filepath.lower().endswith(".pdf"):
            return False
        try:
            found = reader.identify(Path(filepath), password=self.password)
        except Exception:
            return False
        return found is not None and found.bank == ""

    def parse_file(self, filepath: str) -> Statement:
        try:
            return reader.read(Path(filepath), password=self.password).statement
        except InputError:
            raise
        except Exception as exc:
            raise InputError(filepath, f"cannot read this PDF ({exc.__class__.__name__}: {exc})") from None


GENERIC_LAYOUT = "pdf-generic"


def pdf_importers(
    books_root: Path | None = None, session: ImportSession | None = None
) -> list[StatementImporter]:
    """The PDF layouts whose parser modules are present, and the generic reader last."""
    session = session if session is not None else ImportSession()
    out: list[StatementImporter] = []
    for layout in PDF_LAYOUTS:
        try:
            module = importlib.import_module(f"importers.bank.{layout}")
        except ModuleNotFoundError:
            continue
        out.append(PdfImporter(module, layout, books_root, session))
    out.append(GenericPdfImporter(books_root, session))
    return out


def statement_importers(
    books_root: Path | None = None, session: ImportSession | None = None
) -> list[StatementImporter]:
    """Every statement importer: PDF layouts, passbooks, and each bank profile (shipped and the
    books'), sharing one session (importers.session)."""
    session = session if session is not None else ImportSession()
    return [
        *pdf_importers(books_root, session),
        PassbookImporter(books_root, session),
        *(ProfileImporter(p, books_root, session) for p in profile_mod.all_profiles(books_root)),
    ]
