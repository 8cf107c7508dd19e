"""`aidledger import`: identify each file, read it, drop what the books already hold, check,
append atomically, archive the original, and report per file what was read, written, skipped.

A file is all or nothing: when any row is bad, or the new entries would break a rule of the
books, nothing of that file is written and the report says why, with the location.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from beancount.core import data

from importers.archive import archive
from importers.base import IMPORT_KEY, AidImporter, Extraction, existing_keys
from importers.tables import InputError
from ledger import identity, plugin
from ledger.books import BooksPaths
from ledger.records import Location, read_program
from ledger.writer import append_entries, write_files_atomically


@dataclass
class FileReport:
    path: Path
    importer: str = ""
    rows_read: int = 0
    written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    archived: Path | None = None
    entries: list[data.Directive] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


def choose_importer(path: Path, importers: Sequence[AidImporter]) -> AidImporter:
    matches = [imp for imp in importers if imp.identify(str(path))]
    if not matches:
        raise InputError(str(path), "unknown layout: no importer recognises this file's header")
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise InputError(str(path), f"ambiguous layout: several importers recognise it ({names})")
    return matches[0]


def _attach(paths: BooksPaths, attachments: list[tuple[Path, str]], recipient: str) -> None:
    """Files the new entries refer to (receipt scans), encrypted into the books before the entries.

    The name an importer gives (relative to the books) already carries the content digest and
    the `.age` suffix (importers.archive), so an existing target is the same file.
    """
    for source, relative in attachments:
        target = paths.root / relative
        if not target.exists():
            write_files_atomically({target: identity.encrypt(source.read_bytes(), recipient)})


def _rule_errors_on(new: list[data.Directive], existing: list[data.Directive]) -> list[str]:
    """Rule violations the new entries would bring into the books (checked before writing)."""
    new_ids = {id(e) for e in new}
    combined = sorted(existing + new, key=data.entry_sortkey)
    _, errors = plugin.check_books(combined, {})
    return [
        f"{Location.of(err.source)}: {err.message}"
        for err in errors
        if err.entry is not None and id(err.entry) in new_ids
    ]


def import_files(
    paths: BooksPaths,
    files: Sequence[Path],
    importers: Sequence[AidImporter],
    existing: list[data.Directive],
    *,
    dry_run: bool = False,
) -> list[FileReport]:
    """Import each file in turn; later files see what earlier ones added.

    Identities go into the encrypted register and originals into the encrypted archive with
    the books' public recipient: importing never needs the identity key.
    """
    entries = list(existing)
    keys = existing_keys(entries)
    reports = []
    for path in files:
        report = FileReport(path)
        reports.append(report)
        try:
            importer = choose_importer(path, importers)
            report.importer = importer.name
            program = read_program(entries)
            extraction = importer.read(str(path), entries, program)
        except InputError as exc:
            report.error = str(exc)
            continue
        except OSError as exc:
            report.error = f"{path}: cannot read ({exc.strerror or exc})"
            continue
        report.rows_read = extraction.rows_read
        report.skipped.extend(extraction.skipped)
        fresh = _drop_known(extraction, keys, report)
        problems = _rule_errors_on(fresh, entries)
        if problems:
            report.error = f"{path}: the entries would break the books' rules:\n  " + "\n  ".join(problems)
            continue
        report.entries = fresh
        if dry_run:
            continue
        if extraction.identities:
            identity.append_segment(
                paths.register, program.age_recipient, extraction.identities, program.account_salt
            )
        _attach(paths, extraction.attachments, program.age_recipient)
        append_entries(paths, fresh, lambda e, imp=importer: imp.target(paths, e))  # type: ignore[misc]
        report.written = len(fresh)
        if extraction.archive_account:
            report.archived = archive(
                paths,
                path,
                extraction.archive_account,
                extraction.archive_date or datetime.date.today(),
                program.age_recipient,
            )
        entries.extend(fresh)
        keys |= existing_keys(fresh)
    return reports


def _drop_known(extraction: Extraction, keys: set[str], report: FileReport) -> list[data.Directive]:
    fresh = []
    for entry in extraction.entries:
        key = entry.meta.get(IMPORT_KEY) if entry.meta else None
        if key is not None and key in keys:
            report.skipped.append((str(Location.of(entry.meta)), f"already in the books ({key})"))
        else:
            fresh.append(entry)
    return fresh
