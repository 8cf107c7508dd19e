"""`aidledger import`: identify each file, read it, drop what the books already hold, check,
archive the original, append atomically, and report per file what was read, written, skipped.

A file is all or nothing: when any row is bad, or the new entries would break a rule of the
books, nothing of that file is written and the report says why, with the location.
Identities go into the encrypted register and originals into the encrypted archive with the
books' public key (ledger.identity), so importing never needs the identity key.
"""

from __future__ import annotations

import datetime
import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from beancount.core import data

from importers import archive as archiving
from importers.archive import archive
from importers.base import IMPORT_KEY, AidImporter, Extraction, existing_keys
from importers.messages import tr
from importers.session import ImportSession
from importers.tables import InputError, decode_csv
from ledger import cleantext, i18n, identity, plugin
from ledger.books import BooksPaths
from ledger.records import Location, Program, read_program
from ledger.writer import append_entries, books_lock, remove_stray_temporaries, write_files_atomically


@dataclass
class FileReport:
    path: Path
    importer: str = ""
    rows_read: int = 0
    written: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # booked, but worth a look
    error: str | None = None
    archived: Path | None = None
    entries: list[data.Directive] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


PASSWORD_NEEDED = "the PDF is password-protected; give the password with --password"


def choose_importer(path: Path, importers: Sequence[AidImporter]) -> AidImporter:
    matches = [imp for imp in importers if imp.identify(str(path))]
    if not matches:
        raise InputError(str(path), diagnose(path))
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        several = tr("ambiguous layout: several importers recognise it ({names})", names=names)
        raise InputError(str(path), several)
    return matches[0]


def diagnose(path: Path) -> str:  # noqa: C901 (to split: issue 13)
    """Why no importer recognises a file, as precisely as can be said without knowing its layout."""
    unknown = tr("unknown layout: no importer recognises this file's header")
    from importers.bank.pdf import looks_like_pdf
    from importers.tables import SPREADSHEET_SUFFIXES, encrypted_workbook, read_sheets, regular_file

    try:
        regular_file(path)  # never read a FIFO, a device or a file beyond the size limit
    except InputError as exc:
        return exc.message
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return tr("cannot read the file ({reason})", reason=exc.strerror or exc)
    if not raw.strip():
        return tr("the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        if not looks_like_pdf(raw):
            return tr("not a PDF file")
        if b"%%EOF" not in raw[-2048:]:
            return tr("the PDF is truncated (no end-of-file marker)")
        if is_encrypted_pdf(path):
            return tr(PASSWORD_NEEDED)
    if suffix in (".csv", ".txt"):
        try:
            decode_csv(raw)
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            not_text = tr("neither UTF-8 nor Windows text (save the CSV as UTF-8)")
            return tr("line {line}: {reason}", line=line, reason=f"{not_text}; {unknown}")
    if suffix in (".xlsx", ".xlsm") and encrypted_workbook(raw):
        return str(encrypted_workbook(raw))
    if suffix in (".xlsx", ".xlsm"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as packed:
                packed.testzip()
        except (zipfile.BadZipFile, EOFError, OSError):
            return tr("the XLSX workbook is damaged or truncated")
    if suffix in SPREADSHEET_SUFFIXES:
        try:
            read_sheets(path)  # its reason when it cannot be read (a row limit, a damaged sheet)
        except InputError as exc:
            where = exc.location.removeprefix(f"{path}:") if exc.location != str(path) else ""
            if where.isdigit():
                return tr("line {line}: {reason}", line=where, reason=exc.message)
            return tr("sheet {sheet}: {reason}", sheet=where, reason=exc.message) if where else exc.message
    return unknown


def is_encrypted_pdf(path: Path) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return bool(PdfReader(path).is_encrypted)
    except (PdfReadError, OSError, ValueError):
        return False


@contextmanager
def readable_copy(
    path: Path, password: str | None, ask_password: Callable[[Path], str | None] | None
) -> Iterator[Path]:
    """The file itself, or for a password-protected PDF a decrypted copy of the same name in a
    private temporary folder, removed afterwards. The password is used here only, never kept;
    the decrypted copy is what gets archived (encrypted to the books' recipient), so reading
    it back later needs the books' key, not the bank's password."""
    if path.suffix.lower() != ".pdf" or not is_encrypted_pdf(path):
        yield path
        return
    from pypdf import PdfReader, PdfWriter

    if password is None and ask_password is not None:
        password = ask_password(path)
    if not password:
        raise InputError(str(path), tr(PASSWORD_NEEDED))
    reader = PdfReader(path)
    try:
        if not reader.decrypt(password):
            raise InputError(str(path), tr("wrong password for this PDF"))
    except NotImplementedError as exc:
        raise InputError(str(path), tr("cannot decrypt this PDF ({reason})", reason=exc)) from None
    with tempfile.TemporaryDirectory(prefix="aidledger-pdf-") as tmp:
        copy = Path(tmp) / path.name
        writer = PdfWriter(clone_from=reader)
        with open(copy, "wb") as handle:
            writer.write(handle)
        yield copy


def _attach(paths: BooksPaths, attachments: list[tuple[Path, str]], recipient: str) -> None:
    """Files the new entries refer to (receipt scans), encrypted into the books before the entries.

    The name an importer gives (relative to the books) already carries the content digest and
    the `.age` suffix (importers.archive), so an existing target is the same file.
    """
    for source, relative in attachments:
        target = paths.root / relative
        if not target.exists():
            write_files_atomically({target: identity.encrypt(source.read_bytes(), recipient)})


def _rule_errors_on(new: list[data.Directive], program: Program) -> list[str]:
    """Rule violations the new entries would bring into the books (checked before writing).

    Every rule judges an entry by itself against the program's records, so running the rules
    over the new entries with the records of the books plus the new ones is the same as
    running them over the whole books, and costs what the file costs, not what the books do.
    """
    context = plugin.Context.of(new, program, i18n.default_language())
    return [
        f"{Location.of(err.source)}: {err.message}"
        for rule in plugin.RULES
        for err in rule(context)
        if err.entry is not None
    ]


def _changes_program(new: list[data.Directive]) -> bool:
    return any(isinstance(e, data.Custom | data.Close) for e in new)


def import_files(
    paths: BooksPaths,
    files: Sequence[Path],
    importers: Sequence[AidImporter],
    existing: list[data.Directive],
    *,
    dry_run: bool = False,
    password: str | None = None,
    ask_password: Callable[[Path], str | None] | None = None,
    progress: Callable[[Sequence[Path]], Iterable[Path]] | None = None,
    session: ImportSession | None = None,
) -> list[FileReport]:
    """Import each file in turn; later files see what earlier ones added.

    Identities go into the encrypted register and originals into the encrypted archive with
    the books' public recipient: importing never needs the identity key. `password` opens
    password-protected PDFs; without it `ask_password(path)` is asked (the CLI prompts with
    hidden input when stdin is a terminal). Neither is kept. `progress` wraps the files as they
    are read (the CLI's progress bar).

    The run's session (importers.session; `session`: one the caller filled ahead, as the demo
    does with statements parsed in parallel) is handed to every importer for the run and
    dropped with it: the next run reads the files afresh.
    """
    entries = list(existing)
    session = session if session is not None else ImportSession()
    session.books = entries
    before = [importer.session for importer in importers]
    for importer in importers:
        importer.session = session
    try:
        with session.active():
            return _import_each(paths, files, importers, entries, password, ask_password, progress, dry_run)
    finally:
        for importer, earlier in zip(importers, before, strict=True):
            importer.session = earlier
        session.books = None


def _import_each(
    paths: BooksPaths,
    files: Sequence[Path],
    importers: Sequence[AidImporter],
    entries: list[data.Directive],
    password: str | None,
    ask_password: Callable[[Path], str | None] | None,
    progress: Callable[[Sequence[Path]], Iterable[Path]] | None,
    dry_run: bool,
) -> list[FileReport]:
    keys = existing_keys(entries)
    program = read_program(entries)
    reports = []
    for path in progress(files) if progress is not None else files:
        report = FileReport(path)
        reports.append(report)
        readable = path
        try:
            _regular_file(path)
            with readable_copy(path, password, ask_password) as readable:
                program = _import_one(
                    paths, path, readable, importers, entries, keys, program, report, dry_run
                )
        except InputError as exc:
            report.error = str(exc).replace(str(readable), str(path))
        except OSError as exc:
            report.error = f"{path}: cannot read ({exc.strerror or exc})"
    return reports


def _regular_file(path: Path) -> None:
    """Only regular files are read: a FIFO would hang the import, a device (a link to
    /dev/zero) would fill the memory, a folder has nothing to read."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(str(path), tr("no such file")) from None
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "a folder, not a file")
    if not stat.S_ISREG(mode):
        raise InputError(str(path), "not a regular file (a pipe, a device or a socket): not read")


def import_into_books(
    paths: BooksPaths,
    files: Sequence[Path],
    *,
    dry_run: bool = False,
    password: str | None = None,
    ask_password: Callable[[Path], str | None] | None = None,
    notice: Callable[[str], object] | None = None,
    progress: Callable[[Sequence[Path]], Iterable[Path]] | None = None,
) -> list[FileReport]:
    """`aidledger import`: the whole import (read the books, read the files, drop what the
    books hold, check, archive, append) under the books' lock, so two imports at once run one
    after the other and the second finds the first's entries as duplicates.

    `notice(message)` hears that the lock is held by another import (pid, since when) before
    waiting for it, and that temporary files a killed import left were removed. A dry run
    writes nothing and takes no lock.
    """
    from importers.registry import all_importers
    from ledger.books import load

    def run() -> list[FileReport]:
        loaded = load(paths)
        return import_files(
            paths,
            files,
            all_importers(paths.root),
            loaded.entries,
            dry_run=dry_run,
            password=password,
            ask_password=ask_password,
            progress=progress,
        )

    if dry_run:
        return run()

    def waiting(holder: str) -> None:
        if notice is not None:
            notice(i18n.text("import.waiting-lock", holder=holder))

    with books_lock(paths, waiting):
        removed = remove_stray_temporaries(paths)
        if removed and notice is not None:
            notice(i18n.text("import.removed-temporaries", count=len(removed)))
        return run()


def _import_one(
    paths: BooksPaths,
    path: Path,
    readable: Path,
    importers: Sequence[AidImporter],
    entries: list[data.Directive],
    keys: set[str],
    program: Program,
    report: FileReport,
    dry_run: bool,
) -> Program:
    """One file: read `readable` (the file or its decrypted copy), write, archive. Returns the
    program's records after it (they change only when a file declares records)."""
    importer = choose_importer(readable, importers)
    report.importer = importer.name
    extraction = importer.read(str(readable), entries, program)
    report.rows_read = extraction.rows_read
    report.skipped.extend(extraction.skipped)
    report.notes.extend(extraction.notes)
    fresh = _drop_known(extraction, keys, report, path)
    archived = _archive_target(paths, readable, importer, extraction)
    attachments = _anonymise(fresh, path, readable, archived, importer, extraction)
    _clean_text(fresh, report, path)
    after = read_program([*entries, *fresh]) if _changes_program(fresh) else program
    problems = _rule_errors_on(fresh, after)
    if problems:
        report.error = f"{path}: the entries would break the books' rules:\n  " + "\n  ".join(problems)
        return program
    report.entries = fresh
    if dry_run:  # later files still see these (receipts naming the plan lines of a plan file)
        entries.extend(fresh)
        keys |= existing_keys(fresh)
        return after
    if extraction.archive_account:
        # first, so that no entry ever names an original the books do not hold; the file read
        # (a password-protected PDF's decrypted copy) is what the entries' `source` names
        report.archived = archive(
            paths,
            readable,
            extraction.archive_account,
            extraction.archive_date or datetime.date.today(),
            after.age_recipient,
            archiving.kind_for(extraction.archive_account, importer.name),
        )
    if extraction.identities:
        identity.append_segment(
            paths.register, after.age_recipient, extraction.identities, after.account_salt
        )
    _attach(paths, attachments, after.age_recipient)
    append_entries(paths, fresh, lambda e, imp=importer: imp.target(paths, e))  # type: ignore[misc]
    report.written = len(fresh)
    entries.extend(fresh)
    keys |= existing_keys(fresh)
    return after


def _where(entry: data.Directive, path: Path) -> str:
    """Where the user finds an entry in the file imported: its page and line or its row."""
    meta = entry.meta or {}
    if meta.get("source-line"):
        return f"{path}:{meta['source-line']}"
    location = Location.of(meta)
    return str(location) if location.lineno else location.filename


def _drop_known(
    extraction: Extraction, keys: set[str], report: FileReport, path: Path
) -> list[data.Directive]:
    fresh = []
    for entry in extraction.entries:
        key = entry.meta.get(IMPORT_KEY) if entry.meta else None
        if key is not None and key in keys:
            report.skipped.append((_where(entry, path), tr("already in the books ({key})", key=key)))
        else:
            fresh.append(entry)
    return fresh


def _archive_target(paths: BooksPaths, readable: Path, importer: AidImporter, extraction: Extraction) -> str:
    """How the books name the original: its archived path (relative to the books) when it is
    archived, else `<kind>.<digest>.<ext>` (an original holding names is not archived; its
    people go to the encrypted register). Never the original's own file name."""
    account = extraction.archive_account
    if not account:
        digest = archiving.sha256_of(readable)[: archiving.DIGEST]
        return f"{archiving.kind_for('', importer.name)}.{digest}.{archiving.extension_of(readable)}"
    date = extraction.archive_date or datetime.date.today()
    kind = archiving.kind_for(account, importer.name)
    target = archiving.archive_path(paths, readable, account, date, kind)
    return target.relative_to(paths.root).as_posix()


def _anonymise(
    fresh: list[data.Directive],
    path: Path,
    readable: Path,
    archived: str,
    importer: AidImporter,
    extraction: Extraction,
) -> list[tuple[Path, str]]:
    """The new entries name the original by `archived` and attachments by date, kind and
    digest, never by the file names the user gave (they often carry a participant's name or
    account number). Rewrites the entries in place; returns the attachments renamed."""
    prefixes = {str(readable): archived, str(path): archived}
    if extraction.archive_account:  # the name a statement importer gave its `source`
        original = archiving.archive_relpath(
            extraction.archive_account, extraction.archive_date or datetime.date.today(), readable
        )
        prefixes[original] = archived
    exact: dict[str, str] = {}
    attachments = []
    kind = archiving.kind_for("", importer.name)
    for source, relative in extraction.attachments:
        renamed = archiving.attachment_name(relative, source, kind)
        exact[relative] = renamed
        exact[f"../{relative}"] = f"../{renamed}"
        attachments.append((source, renamed))
    for position, entry in enumerate(fresh):
        for key, value in (entry.meta or {}).items():
            if isinstance(value, str) and key not in ("filename",):
                entry.meta[key] = _renamed(value, prefixes, exact)
        if isinstance(entry, data.Document):
            fresh[position] = entry._replace(filename=_renamed(entry.filename, prefixes, exact))
    return attachments


def _renamed(value: str, prefixes: dict[str, str], exact: dict[str, str]) -> str:
    if value in exact:
        return exact[value]
    for old, new in prefixes.items():
        if old and value.startswith(old):
            return new + value[len(old) :]
    return value


def _clean_text(fresh: list[data.Directive], report: FileReport, path: Path) -> None:
    """Control and invisible characters of the new entries' text escaped before anything is
    written (ledger.cleantext says why escaped, not refused); each entry touched is noted."""
    for position, entry in enumerate(fresh):
        found: list[str] = []
        text = functools.partial(_escaped, found=found)
        for key, value in (entry.meta or {}).items():
            if isinstance(value, str) and key != "filename":
                entry.meta[key] = text(value)
        if isinstance(entry, data.Transaction):
            entry = entry._replace(
                narration=text(entry.narration) if entry.narration else entry.narration,
                payee=text(entry.payee) if entry.payee else entry.payee,
            )
        elif isinstance(entry, data.Custom):
            entry = entry._replace(
                values=[
                    v._replace(value=text(v.value)) if isinstance(getattr(v, "value", None), str) else v
                    for v in entry.values
                ]
            )
        elif isinstance(entry, data.Note):
            entry = entry._replace(comment=text(entry.comment))
        elif isinstance(entry, data.Event):
            entry = entry._replace(description=text(entry.description))
        if found:
            fresh[position] = entry
            codes = ", ".join(sorted(set(found)))
            report.notes.append((_where(entry, path), f"control or invisible characters escaped: {codes}"))


def _escaped(value: str, found: list[str]) -> str:
    cleaned, codes = cleantext.clean(value)
    found.extend(codes)
    return cleaned
