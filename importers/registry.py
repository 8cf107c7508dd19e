"""The importers `aidledger import` and Fava's import page try, in order."""

from __future__ import annotations

from pathlib import Path

from importers.bank.importers import statement_importers
from importers.base import AidImporter
from importers.disbursements import DisbursementsImporter
from importers.participants import ParticipantsImporter
from importers.plans import PlansImporter
from importers.progress import ProgressImporter
from importers.receipts import ReceiptsImporter
from importers.session import ImportSession


def all_importers(books_root: Path | None = None, session: ImportSession | None = None) -> list[AidImporter]:
    """One of each importer, sharing one session (importers.session): a file is read once
    for all their `identify` calls (the pipeline gives each run its own session)."""
    session = session if session is not None else ImportSession()
    return [
        ParticipantsImporter(session),
        DisbursementsImporter(session),
        PlansImporter(session),
        ReceiptsImporter(session),
        ProgressImporter(session),
        *statement_importers(books_root, session),
    ]
