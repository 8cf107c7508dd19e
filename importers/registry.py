"""The importers `aidledger import` and Fava's import page try, in order."""

from __future__ import annotations

from importers.base import AidImporter
from importers.participants import ParticipantsImporter
from importers.plans import PlansImporter
from importers.receipts import ReceiptsImporter


def all_importers() -> list[AidImporter]:
    return [
        ParticipantsImporter(),
        PlansImporter(),
        ReceiptsImporter(),
    ]
