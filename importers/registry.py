"""The importers `aidledger import` and Fava's import page try, in order."""

from __future__ import annotations

from importers.base import AidImporter
from importers.disbursements import DisbursementsImporter
from importers.participants import ParticipantsImporter


def all_importers() -> list[AidImporter]:
    return [
        ParticipantsImporter(),
        DisbursementsImporter(),
    ]
