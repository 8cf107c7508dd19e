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
import stat
from pathlib import Path

from importers.base import AidImporter
from importers.registry import all_importers
from importers.tables import InputError
from ledger.books import ENV_BOOKS, resolve
from ledger.create import IMPORT_DIR


def _books_root() -> Path | None:
    if not os.environ.get(ENV_BOOKS):
        return None
    return resolve(os.environ[ENV_BOOKS]).root


def importers_for(books_root: Path | None = None) -> list[AidImporter]:
    return all_importers(books_root)


CONFIG: list[AidImporter] = importers_for(_books_root())


class Refused(Exception):
    """A request of Fava's import page that aidledger refuses (the message says why, one line)."""


def import_folder(books_root: Path) -> Path:
    return (books_root / IMPORT_DIR).resolve()


def checked_import_file(books_root: Path, filename: str) -> Path:
    """The file Fava asks to read, when it is a regular file inside the books' import folder
    after resolving links; anything else is refused (Fava would read any path the server can)."""
    folder = import_folder(books_root)
    if not filename:
        raise Refused("no file given")
    try:
        path = Path(filename).resolve(strict=True)
    except (OSError, RuntimeError):
        raise Refused(f"{filename}: no such file in the books' import folder ({folder})") from None
    if not path.is_relative_to(folder):
        raise Refused(f"{filename}: only files in the books' import folder ({folder}) are imported here")
    if not stat.S_ISREG(path.stat().st_mode):
        raise Refused(f"{filename}: not a regular file")
    return path


def message_for(exc: BaseException, filename: str) -> str:
    """The message `aidledger import` gives for the failure behind `exc` (Fava wraps importer
    errors in its own): the file, the row or page, the reason; never a traceback."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, InputError | Refused):
            return str(seen)
        if isinstance(seen, OSError):
            return f"{filename}: cannot read ({seen.strerror or type(seen).__name__})"
        seen = seen.__cause__ or seen.__context__
    return f"{filename}: cannot be imported ({type(exc).__name__}); `aidledger import` says more"
