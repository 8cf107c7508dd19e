"""Options and helpers shared by the `aidledger` commands.

Every command module imports its options from here, never from scripts/cli.py, so that the
command modules and the group that gathers them do not import each other (importing any one of
them alone works).
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from ledger import books as books_mod
from ledger import i18n

BOOKS_HELP = "The books folder or its main.beancount (default: $AIDLEDGER_BOOKS, then ./books)."
KEY_HELP = (
    "The identity register's key file "
    "(default: $AIDLEDGER_KEY, then a file per books in ~/.config/aidledger/keys)."
)
LANG_HELP = f"Language of what is printed: id (default) or en (default: ${i18n.ENV_LANG}, then id)."
AS_OF_HELP = "Read the books as of this day, YYYY-MM-DD (default: today)."
DATE_FORMATS = ["%Y-%m-%d"]
F = TypeVar("F", bound=Callable[..., Any])

books_option = click.option(
    "--books", "books", type=click.Path(path_type=Path), default=None, help=BOOKS_HELP
)
key_option = click.option("--key", "key", type=click.Path(path_type=Path), default=None, help=KEY_HELP)
lang_option = click.option("--lang", "lang", type=click.Choice(i18n.LANGUAGES), default=None, help=LANG_HELP)
as_of_option = click.option(
    "--as-of", "as_of", type=click.DateTime(DATE_FORMATS), default=None, help=AS_OF_HELP
)
from_option = click.option(
    "--from",
    "start",
    type=click.DateTime(DATE_FORMATS),
    default=None,
    help="First day of the period, YYYY-MM-DD (default: the program's start).",
)
to_option = click.option(
    "--to",
    "end",
    type=click.DateTime(DATE_FORMATS),
    default=None,
    help="Last day of the period, YYYY-MM-DD (default: the as-of date).",
)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """`--format`: how a command prints (table for people, json/csv for programs)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help="How to print: " + ", ".join(choices) + ".",
    )


def language(lang: str | None) -> str:
    """The language asked for: --lang, then $AIDLEDGER_LANG, then Indonesian."""
    return lang or i18n.default_language()


def day(value: datetime.datetime | None, default: datetime.date | None = None) -> datetime.date | None:
    """A click DateTime as a date (click parses dates as datetimes)."""
    return value.date() if value is not None else default


def as_of_day(value: datetime.datetime | None) -> datetime.date:
    """The as-of date: the one given, else today."""
    return value.date() if value is not None else datetime.date.today()


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `aidledger: message` on stderr and exit (1: bad input, 2: unusable books/options)."""
    click.echo(f"aidledger: {message}", err=True)
    sys.exit(code)


def require_books(books: Path | None) -> books_mod.BooksPaths:
    try:
        return books_mod.require(books)
    except books_mod.BooksNotFound as exc:
        fail(str(exc), 2)
