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


def all_importers(books_root: Path | None = None) -> list[AidImporter]:
    return [
        ParticipantsImporter(),
        DisbursementsImporter(),
        PlansImporter(),
        ReceiptsImporter(),
        ProgressImporter(),
        *statement_importers(books_root),
    ]
