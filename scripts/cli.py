"""The `aidledger` command line: parse arguments, call the packages, print. No logic of its own."""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ledger import books as books_mod
from ledger import i18n, identity
from ledger.records import Location
from scripts import cmd_outcomes, cmd_reconcile, cmd_report, progress
from scripts.options import (  # noqa: F401  (re-exported: older imports of scripts.cli)
    BOOKS_HELP,
    KEY_HELP,
    books_option,
    fail,
    key_option,
    require_books,
)

if TYPE_CHECKING:
    from importers.pipeline import FileReport
    from ledger.books import BooksPaths


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="aidledger")
def main() -> None:
    """aidledger: books for capital-aid programs, on Beancount and Fava."""


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@key_option
@click.option("--title", default="Bantuan Modal Usaha", show_default=True, help="The books' title in Fava.")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
def init(directory: Path, key: Path | None, title: str, lang: str) -> None:
    """Create new books in DIRECTORY, and the identity key if it does not exist yet."""
    from ledger.create import BooksExist, create_books, new_books_id

    if books_mod.resolve(directory).main.exists():
        fail(f"{books_mod.resolve(directory).main} exists already")
    books_id = new_books_id()
    key_file = identity.key_path(key, books_id)
    created = not key_file.exists()
    try:
        secret = identity.load_or_create_key(key_file, books_root=Path(directory))
        paths = create_books(
            directory, recipient=identity.recipient_of(secret), books_id=books_id, title=title, lang=lang
        )
    except (BooksExist, identity.RegisterError) as exc:
        fail(str(exc))
        return
    click.echo(f"created books in {paths.root}")
    click.echo(f"identity key {'created' if created else 'found'} at {key_file} (keep it outside the books)")


@main.command()
@books_option
def check(books: Path | None) -> None:
    """Load the books with the rules plugin; print errors as file:line: message."""
    paths = require_books(books)
    loaded = books_mod.load(paths)
    for error in loaded.errors:
        click.echo(f"{Location.of(error.source)}: {error.message}")
    if loaded.errors:
        click.echo(f"{len(loaded.errors)} error(s)", err=True)
        sys.exit(1)
    click.echo(
        f"ok: {len(loaded.entries)} entries, {len(loaded.program.participants)} participants", err=True
    )


@main.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@books_option
@click.option("--dry-run", is_flag=True, help="Print the entries; write nothing.")
@click.option(
    "--password",
    default=None,
    help="Password of password-protected statement PDFs (asked for, hidden, when not given "
    "and stdin is a terminal). Never stored.",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of the diagnostics (default: $AIDLEDGER_LANG, else id).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print how each statement PDF is read (layout or reader, header fields, columns, rows "
    "with page and line, chain check, page furniture) and import nothing.",
)
def import_(
    files: tuple[Path, ...],
    books: Path | None,
    dry_run: bool,
    password: str | None,
    lang: str | None,
    explain: bool = False,
) -> None:
    """Import statements and spreadsheets into the books (no key needed: identities and
    archived originals are encrypted to the books' public key)."""
    if lang:
        os.environ["AIDLEDGER_LANG"] = lang  # read by every diagnostic (importers.messages)
    if explain:
        _explain(files, password)
    from importers.pipeline import import_into_books

    paths = require_books(books)

    def ask_password(path: Path) -> str | None:
        if not sys.stdin.isatty():
            return None
        answer: str = click.prompt(f"password for {path}", hide_input=True, default="", show_default=False)
        return answer or None

    try:
        reports = import_into_books(
            paths,
            list(files),
            dry_run=dry_run,
            password=password,
            ask_password=ask_password,
            notice=lambda message: click.echo(message, err=True),
            progress=progress.bar("import"),
        )
    except identity.RegisterError as exc:
        fail(str(exc))
        return
    failed = False
    for report in reports:
        if report.error:
            failed = True
            click.echo(i18n.text("import-error", error=report.error), err=True)
        else:
            _echo_import(report, paths, dry_run)
    if failed:
        sys.exit(1)


def _explain(files: tuple[Path, ...], password: str | None) -> NoReturn:
    """`import --explain`: how each statement PDF is read; exits 1 when one cannot be."""
    from importers.bank.explain import explain_file

    results = [explain_file(path, password) for path in files]
    click.echo("\n\n".join(text for text, _ok in results))
    sys.exit(0 if all(ok for _text, ok in results) else 1)


def _echo_import(report: FileReport, paths: BooksPaths, dry_run: bool) -> None:
    """One file's outcome: its entries (dry run), what was (would be) written and archived,
    then each line skipped and each note with its location. A dry run's summary goes to
    stderr, so stdout holds only entries."""
    from ledger.writer import format_entries

    if dry_run:
        click.echo(format_entries(report.entries))
    line = i18n.text(
        "import-would-write" if dry_run else "import-wrote",
        path=report.path,
        importer=report.importer,
        read=report.rows_read,
        written=len(report.entries),
        skipped=len(report.skipped),
    )
    if report.archived:
        line += i18n.text("import-archived", path=report.archived.relative_to(paths.root))
    click.echo(line, err=dry_run)
    for location, reason in report.skipped:
        click.echo(i18n.text("import-skipped", location=location, reason=reason), err=dry_run)
    for location, note in report.notes:
        click.echo(i18n.text("import-note", location=location, note=note), err=dry_run)


@main.command(name="institution-account")
@click.argument("bank")
@click.argument("number")
@books_option
@click.option("--name", default=None, help="The account's name component (default: the bank's).")
@click.option("--opened", type=click.DateTime(["%Y-%m-%d"]), default="2000-01-01", show_default=True)
def institution_account(
    bank: str, number: str, books: Path | None, name: str | None, opened: datetime.datetime
) -> None:
    """Declare one of the institution's own accounts (BANK, account NUMBER) so its statements
    import: `open Assets:Institution:<Bank>` with the number's salted hash and mask only."""
    from beancount.core import data

    from importers.booking import institution_open
    from ledger.writer import append_entries

    paths = require_books(books)
    loaded = books_mod.load(paths)
    try:
        entry = institution_open(bank, number, loaded.program.account_salt, opened.date(), name)
    except ValueError as exc:
        fail(str(exc))
        return
    if any(isinstance(e, data.Open) and e.account == entry.account for e in loaded.entries):
        fail(f"{entry.account} is already declared")
        return
    append_entries(paths, [entry], lambda e: paths.program)
    click.echo(f"declared {entry.account} ({entry.meta['account-mask']}) in {paths.program.name}")


@main.group(name="identity")
def identity_group() -> None:
    """The encrypted identity register (needs the key)."""


def _open_register(books: Path | None, key: Path | None) -> identity.Register:
    paths = require_books(books)
    loaded = books_mod.load(paths)
    try:
        secret = identity.read_key(identity.key_path(key, loaded.program.books_id), paths.root)
        return identity.Register.open(paths.register, secret)
    except identity.RegisterError as exc:
        fail(str(exc))
        raise


@identity_group.command("add")
@click.argument("code")
@click.option("--name", required=True)
@click.option("--nik", default="")
@click.option("--address", default="")
@click.option("--phone", default="")
@click.option("--account-number", default="")
@books_option
@key_option
def identity_add(
    code: str,
    name: str,
    nik: str,
    address: str,
    phone: str,
    account_number: str,
    books: Path | None,
    key: Path | None,
) -> None:
    """Add or replace the identity behind CODE."""
    from ledger.accounts import normalise_participant_code

    register = _open_register(books, key)
    register.put(
        identity.Identity(normalise_participant_code(code), name, nik, address, phone, account_number)
    )
    register.save()
    click.echo(f"saved identity of {code.upper()}")


@identity_group.command("show")
@click.argument("code")
@books_option
@key_option
def identity_show(code: str, books: Path | None, key: Path | None) -> None:
    """Print the identity behind CODE."""
    register = _open_register(books, key)
    person = register.get(code.upper())
    if person is None:
        fail(f"no identity for {code}")
        return
    for field_name, value in person.__dict__.items():
        click.echo(f"{field_name}: {value}")


@identity_group.command("export")
@click.option(
    "--out", type=click.Path(path_type=Path), required=True, help="CSV file to write (plain text!)."
)
@books_option
@key_option
def identity_export(out: Path, books: Path | None, key: Path | None) -> None:
    """Write the register as a CSV (in clear: keep it safe, delete it after use)."""
    import csv

    from ledger import cleantext

    register = _open_register(books, key)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name", "nik", "address", "phone", "account_number"])
        for person in sorted(register.people.values(), key=lambda p: p.code):
            row = [person.code, person.name, person.nik, person.address, person.phone, person.account_number]
            writer.writerow(cleantext.spreadsheet_row(row))  # `=HYPERLINK(...)` as a name must not run
    os.chmod(out, 0o600)
    click.echo(f"exported {len(register.people)} identities to {out}")


@main.command()
@click.argument("archived", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Where to write the original.")
@books_option
@key_option
def document(archived: Path, out: Path, books: Path | None, key: Path | None) -> None:
    """Decrypt an archived original (statement, scan) for reading."""
    from importers.archive import read_archived

    paths = require_books(books)
    key_file = identity.key_path(key, books_mod.load(paths).program.books_id)
    try:
        identity.check_key_file(key_file, paths.root)
        out.write_bytes(read_archived(archived, key_file))
    except identity.RegisterError as exc:
        fail(str(exc))
        return
    os.chmod(out, 0o600)
    click.echo(f"wrote {out} (it may hold names: delete it after use)")


@main.command()
@click.argument("kind")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="File to write (.xlsx or .csv).")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--participant", "participant_codes", multiple=True, help="Fill in this code (repeatable).")
@click.option("--companion", default=None, help="Her participants only (her code or her name).")
@click.option("--list", "one_list", is_flag=True, help="One sheet for all participants, not one each.")
@click.option(
    "--books",
    "books",
    type=click.Path(path_type=Path),
    default=None,
    help="Fill in the participants (and choices) of these books.",
)
def template(
    kind: str,
    out: Path | None,
    lang: str,
    participant_codes: tuple[str, ...],
    companion: str | None,
    one_list: bool,
    books: Path | None,
) -> None:
    """Write a spreadsheet to fill for KIND: participants, disbursements, plan, receipts,
    passbook or progress (with a Petunjuk sheet; drop-downs from the books with --books)."""
    from importers import templates
    from importers.template_context import context_for

    try:
        kind = templates.kind_of(kind)
    except templates.UnknownTemplate as exc:
        fail(str(exc), 2)
        return
    wanted = books is not None or bool(participant_codes) or companion is not None
    loaded = books_mod.load(require_books(books)) if wanted else None
    try:
        context = context_for(loaded, list(participant_codes), companion, one_list, lang)
        written = templates.write_template(kind, out, lang, context)
    except templates.TemplateError as exc:
        fail(str(exc), 1)
        return
    click.echo(f"wrote {written}")


@main.command()
@books_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--read-only", is_flag=True, help="Disable editing and importing in Fava.")
@click.option(
    "--companion",
    default=None,
    help="Only this companion's participants (code or name), read-only: the others are filtered out at load.",
)
@click.option(
    "--key",
    "key",
    type=click.Path(path_type=Path),
    default=None,
    help="The identity key: archived receipts and statements then open in the browser, "
    "decrypted in memory, each opening logged (default: $AIDLEDGER_KEY, else they stay encrypted).",
)
def serve(
    books: Path | None, host: str, port: int, read_only: bool, companion: str | None, key: Path | None
) -> None:
    """Serve the books in Fava."""
    from scripts.serving import serve_books, serve_companion

    paths = require_books(books)
    if companion is not None:
        serve_companion(paths, companion, host=host, port=port)
        return
    serve_books(paths, host=host, port=port, read_only=read_only, key=key)


@main.command()
@click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path),
    default=Path("aidledger-demo"),
    show_default=True,
    help="Where to build the demo books.",
)
@click.option("--participants", default=150, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--seed", default=2026, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Build the books and stop.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@key_option
def demo(
    directory: Path, participants: int, seed: int, no_serve: bool, host: str, port: int, key: Path | None
) -> None:
    """Build demo books from a simulated program year (invented people) and serve them."""
    from scripts.demo import build_demo

    try:
        result = build_demo(
            directory,
            participants=participants,
            seed=seed,
            key=key,
            echo=click.echo,
            progress=progress.bar("statements"),
        )
    except (FileExistsError, identity.RegisterError) as exc:
        fail(str(exc))
        return
    click.echo(json.dumps(result.summary, indent=2))
    if not no_serve:
        from scripts.serving import serve_books

        serve_books(result.paths, host=host, port=port, read_only=False)


main.add_command(cmd_reconcile.reconcile)
main.add_command(cmd_report.report)
main.add_command(cmd_outcomes.outcomes)

if __name__ == "__main__":
    main()
