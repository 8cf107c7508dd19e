"""The importers for Fava's import page.

`aidledger init` writes <books>/import_config.py, named by the books' `import-config` Fava
option, which takes `importers_for(<books folder>)` from here; this module's own `CONFIG`
serves a configuration that points at it directly.

`CONFIG` is the same list `aidledger import` tries. Each importer reads the books itself from
the entries Fava passes (the participants' account hashes, the rule table at <books>/rules.toml
found through the settings record's file), so nothing else needs configuring. The bank profiles
of <books>/profiles/ need the books folder: `importers_for(root)`, or $AIDLEDGER_BOOKS for `CONFIG`.
Password-protected PDFs cannot be read here (Fava has no way to ask): import them with
`aidledger import --password`.
"""

from __future__ import annotations

import os
from pathlib import Path

from importers.base import AidImporter
from importers.registry import all_importers
from ledger.books import ENV_BOOKS, resolve


def _books_root() -> Path | None:
    if not os.environ.get(ENV_BOOKS):
        return None
    return resolve(os.environ[ENV_BOOKS]).root


def importers_for(books_root: Path | None = None) -> list[AidImporter]:
    return all_importers(books_root)


CONFIG: list[AidImporter] = importers_for(_books_root())
