"""Statement files parsed ahead on every core, handed to an import session (the demo's speed-up).

`aidledger import` reads one file after the other. The demo imports a simulated year of
statements (hundreds of PDFs) and wants it done in about a minute, so it parses them first in
a pool of processes and hands the statements and account hashes to the session of the import
that follows (importers.session): the importers then find each file already parsed.
The importers themselves know nothing of this.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from importers.bank.importers import statement_importers
from importers.session import ImportSession, fingerprint
from importers.statement import Statement
from importers.tables import InputError
from ledger import accountno


def _parse_one(job: tuple[str, Path | None, str]) -> tuple[str, str, Statement, str] | None:
    """(file, layout, statement, account hash) of one file, in a worker process; None when no
    statement importer reads it (the import itself reports why, with its location)."""
    filepath, books_root, salt = job
    session = ImportSession()  # the file is read once for every importer's look at it
    with session.active():
        for importer in statement_importers(books_root, session):
            if not importer.recognises(filepath):
                continue
            try:
                statement = importer.parse_file(filepath)
            except (InputError, OSError):
                return None
            try:
                digest = accountno.account_hash(statement.account_number, salt) if salt else ""
            except ValueError:
                digest = ""
            return filepath, importer.layout, statement, digest
    return None


def parse_ahead(
    files: Sequence[Path],
    books_root: Path | None = None,
    salt: str = "",
    workers: int = 0,
    session: ImportSession | None = None,
) -> ImportSession:
    """Identify and parse statement files, and hash their account numbers with the books' salt,
    in `workers` processes (default: one per core). Returns the session (`session` or a new
    one) holding them, to pass to importers.pipeline.import_files."""
    from concurrent.futures import ProcessPoolExecutor

    session = session if session is not None else ImportSession()
    workers = workers or os.cpu_count() or 1
    jobs = [(str(f), books_root, salt) for f in files]
    if workers <= 1 or len(jobs) < 2:
        results = [_parse_one(job) for job in jobs]
    else:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_parse_one, jobs, chunksize=4))
    for result in results:
        if result is None:
            continue
        filepath, layout, statement, digest = result
        key = fingerprint(filepath)
        if key is not None:
            session.statements[key] = (layout, statement)
        if digest:
            session.hashes[(statement.account_number, salt)] = digest
    return session
