"""New books: the files and folders `aidledger init` lays down."""

from __future__ import annotations

import datetime
import secrets
from pathlib import Path

from ledger import accountno, accounts, books, records
from ledger.books import BooksPaths
from ledger.writer import FILE_HEADER, format_entries, write_files_atomically

EPOCH = datetime.date(2000, 1, 1)
# Fava's import page: the importers (a file Fava runs) and the folder it lists and uploads to
IMPORT_CONFIG = "import_config.py"
IMPORT_DIR = "import"
IMPORT_CONFIG_TEXT = """\
# Fava's import configuration for these books (written by `aidledger init`): the importers
# `aidledger import` uses, so statements and lists can also be imported from Fava's import page.
# This file sits in the books folder, so the books' rules.toml and profiles/ apply.
from pathlib import Path

from importers import fava_import

CONFIG = fava_import.importers_for(Path(__file__).resolve().parent)
HOOKS: list[object] = []
"""


class BooksExist(Exception):
    pass


def main_text(title: str, lang: str) -> str:
    locale = "id_ID" if lang == "id" else "en_US"
    # Fava's own interface has no Indonesian translation: its menus stay English, numbers
    # follow the Indonesian locale; aidledger's pages carry their own Indonesian labels.
    language = "" if lang == "id" else f'{EPOCH} custom "fava-option" "language" "{lang}"\n'
    return f"""\
;; aidledger books: {title}
;; Check them with `aidledger check`; serve them with `aidledger serve`.

option "title" "{title}"
option "operating_currency" "IDR"
option "documents" "{books.DOCUMENTS}"
option "booking_method" "STRICT"

plugin "ledger.plugin" "{lang}"

{EPOCH} custom "fava-option" "locale" "{locale}"
{language}{EPOCH} custom "fava-option" "default-page" "balance_sheet/"
{EPOCH} custom "fava-extension" "reports.fava_ext"
{EPOCH} custom "fava-option" "import-config" "{IMPORT_CONFIG}"
{EPOCH} custom "fava-option" "import-dirs" "{IMPORT_DIR}"

include "{books.PROGRAM}"
include "{books.PARTICIPANTS}"
include "{books.JOURNAL}/*.beancount"
"""


def new_books_id() -> str:
    return secrets.token_hex(8)


def create_books(
    root: Path,
    *,
    recipient: str,
    books_id: str | None = None,
    title: str = "Bantuan Modal Usaha",
    lang: str = "id",
    demo: bool = False,
) -> BooksPaths:
    """Lay down new books; refuses a folder that already holds books.

    `recipient` is the public half of the identity key (ledger.identity): what the books need
    to encrypt identities and archived originals without holding the key.
    """
    paths = BooksPaths(root.resolve())
    if paths.main.exists():
        raise BooksExist(f"{paths.main} exists already")
    settings = records.custom(
        records.SETTINGS,
        "aidledger",
        EPOCH,
        books_id=books_id or new_books_id(),
        account_salt=accountno.new_salt(),
        age_recipient=recipient,
        language=lang,
        demo=True if demo else None,
    )
    institution = [
        records.open_account(accounts.institution_equity(), EPOCH),
        records.open_account(accounts.institution_suspense(), EPOCH),
        records.open_account(accounts.institution_charges(), EPOCH),
        records.open_account(accounts.institution_interest(), EPOCH),
        records.open_account(accounts.institution_tax(), EPOCH),
    ]
    program = (
        FILE_HEADER
        + ";; The program: settings, funders, companions, cohorts and the institution's accounts.\n"
        ";; Funders, companions and cohorts named in the participant register are added on import.\n\n"
        + format_entries([settings, *institution])
    )
    write_files_atomically(
        {
            paths.main: main_text(title, lang),
            paths.program: program,
            paths.participants: FILE_HEADER + ";; Participant records and their accounts.\n",
            paths.journal / "manual.beancount": FILE_HEADER
            + ";; Entries made by hand. Each savings-book movement needs `source:` metadata.\n",
            paths.root / IMPORT_CONFIG: IMPORT_CONFIG_TEXT,
        }
    )
    (paths.root / IMPORT_DIR).mkdir(exist_ok=True)
    paths.documents.mkdir(exist_ok=True)
    (paths.documents / ".keep").touch()
    paths.register.mkdir(exist_ok=True)
    return paths
