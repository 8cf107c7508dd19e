"""Start Fava on the books, in this process, so aidledger's own load settings apply."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import click

from ledger import fastbalance, identity
from ledger.books import BooksPaths, LoadedBooks

IMPORT_ENDPOINTS = ("json_api.get_extract", "json_api.get_imports", "json_api.put_upload_import_file")


def document_key(key: Path | None) -> Any:
    """The key the server holds to open archived originals: --key, else $AIDLEDGER_KEY, else
    none (the default key file is not picked up silently: serving originals in clear is a
    choice made on the command line)."""
    chosen = key or os.environ.get(identity.ENV_KEY)
    return identity.read_key(Path(chosen).expanduser()) if chosen else None


def make_app(  # type: ignore[no-untyped-def]
    paths: BooksPaths, *, read_only: bool = False, key: Any = None, main: Path | None = None
):
    """Fava on the books (or on `main`, a companion's scope); with `key`, archived originals
    open decrypted through the extension (reports/fava_ext/documents.py)."""
    from fava.application import create_app
    from flask import g, redirect, request

    from reports.fava_ext import documents

    app = create_app([str(main or paths.main)], read_only=read_only)
    guard_import_endpoints(app, paths, read_only=read_only)
    if key is not None:
        app.config[documents.KEY_CONFIG] = key
    app.config[documents.LOG_CONFIG] = paths.root / documents.LOG_NAME

    @app.before_request
    def _archived_originals() -> Any:
        """Fava's own links to an archived original (journal, Documents page) go through the
        extension, which decrypts it or says how to read it."""
        filename = request.args.get("filename", "")
        if request.endpoint == "document" and filename.endswith(documents.SUFFIX):
            slug = g.beancount_file_slug  # Fava pulls it out of the URL's values
            target = f"{request.script_root}/{slug}/extension/AidParticipant/document"
            return redirect(f"{target}?{request.query_string.decode('ascii')}", code=302)
        return None

    return app


def guard_import_endpoints(app, paths: BooksPaths, *, read_only: bool) -> None:  # type: ignore[no-untyped-def]
    """Fava's import endpoints, made safe: with --read-only they answer that importing is off;
    /api/extract reads only regular files inside the books' import folder; an importer's
    failure comes back as the one message `aidledger import` gives (file, row or page,
    reason) with status 400, never Fava's 500 with a traceback in the log."""
    from flask import jsonify, request

    from importers.fava_import import Refused, checked_import_file, message_for

    def refuse(message: str, status: int):  # type: ignore[no-untyped-def]
        response = jsonify({"error": message})
        response.status_code = status
        return response

    def guarded(endpoint: str, view):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            if read_only:
                return refuse("importing is turned off (aidledger serve --read-only)", 403)
            filename = request.args.get("filename", "")
            try:
                if endpoint == "json_api.get_extract":
                    checked_import_file(paths.root, filename)
                fresh_import_session()
                return view(*args, **kwargs)
            except Refused as exc:
                return refuse(str(exc), 403)
            except Exception as exc:  # an importer's failure: its message, not a traceback
                return refuse(message_for(exc, filename), 400)
            finally:
                fresh_import_session()

        wrapper.__name__ = getattr(view, "__name__", endpoint)
        return wrapper

    for endpoint in IMPORT_ENDPOINTS:
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = guarded(endpoint, app.view_functions[endpoint])


def fresh_import_session() -> None:
    """The importers of Fava's import configuration share one new session (importers.session):
    a request reads each file once for all of them, and nothing read is kept between requests."""
    from flask import g

    from importers.base import AidImporter
    from importers.session import ImportSession

    config = getattr(getattr(getattr(g, "ledger", None), "ingest", None), "loaded_config", None)
    if config is None:
        return
    session = ImportSession()
    for wrapped in config.importers.values():
        if isinstance(wrapped.importer, AidImporter):
            wrapped.importer.session = session


def write_scoped(loaded: LoadedBooks, companion: str, folder: Path, *, name: str = "") -> Path:
    """One Beancount file of what `companion` may see (ledger.scope), in `folder`: Fava loads it
    instead of the books, so no page, API call, source view or document reaches the others."""
    from beancount.parser import printer

    from ledger import scope
    from reports import audit_ledger

    entries = scope.scoped(audit_ledger.audit_entries(loaded.entries), loaded.program, companion)
    target = folder / (name or f"pendamping-{companion}.beancount")
    out = io.StringIO()
    out.write(f";; The books of {loaded.paths.root}, as companion {companion} sees them (read-only).\n")
    out.write(audit_ledger.options_text(loaded.options, f" - {companion}"))
    for entry in entries:
        out.write(printer.format_entry(audit_ledger.clean(entry, folder), loaded.options.get("dcontext")))
        out.write("\n")
    target.write_text(out.getvalue(), encoding="utf-8")
    return target


def books_fingerprint(paths: BooksPaths) -> dict[Path, tuple[int, int]]:
    """The books' Beancount files by modification time and size (a stat each: cheap)."""
    found = {}
    for path in [*paths.root.glob("*.beancount"), *paths.journal.glob("*.beancount")]:
        with contextlib.suppress(FileNotFoundError):
            info = path.stat()
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


class CompanionView:
    """A companion's scoped file that follows the books: before each request it compares the
    books' Beancount files with those it was written from and, when one changed (an import,
    an edit in Fava on the treasurer's server), writes the scope again and has Fava reload.
    Books that do not load cleanly keep the last good scope (and say so once on stderr)."""

    def __init__(self, paths: BooksPaths, companion: str, folder: Path) -> None:
        self.paths, self.companion, self.folder = paths, companion, folder
        self.main = folder / f"pendamping-{companion}.beancount"
        self._seen: dict[Path, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def write(self, loaded: LoadedBooks, seen: dict[Path, tuple[int, int]]) -> Path:
        """The scope of `loaded`, replaced in one step (Fava never reads half a file)."""
        fresh = write_scoped(loaded, self.companion, self.folder, name=f".{self.main.name}.new")
        os.replace(fresh, self.main)
        self._seen = seen
        return self.main

    def refresh(self) -> bool:
        """Write the scope again if the books changed since; True when it did."""
        from ledger import books as books_mod

        with self._lock:
            seen = books_fingerprint(self.paths)
            if seen == self._seen:
                return False
            loaded = books_mod.load(self.paths)
            if loaded.errors:
                click.echo(
                    f"the books have {len(loaded.errors)} error(s): companion {self.companion} "
                    "keeps the last good view until `aidledger check` passes",
                    err=True,
                )
                self._seen = seen  # said once per change, not on every request
                return False
            self.write(loaded, seen)
            return True


def follow_books(app, view: CompanionView) -> None:  # type: ignore[no-untyped-def]
    """Run `view.refresh` first on every request, and reload Fava's ledger when it rewrote."""
    from flask import g

    def _follow() -> None:
        ledger = getattr(g, "ledger", None)
        if view.refresh() and ledger is not None:
            ledger.load_file()

    app.before_request_funcs.setdefault(None, []).insert(0, _follow)


def serve_companion(paths: BooksPaths, companion: str, *, host: str = "127.0.0.1", port: int = 5000) -> None:
    """Serve, read-only, the books filtered to one companion's participants; the view follows
    changes to the books while it runs (CompanionView)."""
    from ledger import books as books_mod
    from ledger import scope

    seen = books_fingerprint(paths)  # before the load: a change during it is seen next time
    loaded = books_mod.load(paths)
    if loaded.errors:
        raise click.ClickException(
            f"the books have {len(loaded.errors)} error(s); run `aidledger check` first"
        )
    code = scope.companion_code(loaded.program, companion)
    if code is None:
        known = ", ".join(sorted(loaded.program.companions)) or "none"
        raise click.ClickException(f"no companion {companion} in these books (companions: {known})")
    with tempfile.TemporaryDirectory(prefix="aidledger-scope-") as tmp:
        view = CompanionView(paths, code, Path(tmp))
        main = view.write(loaded, seen)
        serve_books(paths, host=host, port=port, read_only=True, main=main, view=view)


def serve_books(
    paths: BooksPaths,
    *,
    host: str = "127.0.0.1",
    port: int = 5000,
    read_only: bool = False,
    main: Path | None = None,
    key: Path | None = None,
    view: CompanionView | None = None,
) -> None:
    """Serve until interrupted; the balance check is aidledger's linear one (ledger.fastbalance).
    `main`: another Beancount file to serve (a companion's scope) instead of the books'.
    `key` (or $AIDLEDGER_KEY): open archived originals decrypted, each opening logged."""
    from cheroot.wsgi import Server

    try:
        secret = document_key(key) if main is None else None
    except identity.RegisterError as exc:
        raise click.ClickException(str(exc)) from exc
    with fastbalance.installed():
        app = make_app(paths, read_only=read_only, key=secret, main=main)
        if view is not None:
            follow_books(app, view)
        server = Server((host, port), app)
        click.echo(f"Fava serves {main or paths.main} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        if secret is not None:
            click.echo(
                "archived originals open decrypted in the browser; each opening is logged in "
                f"{paths.root / 'logs' / 'documents-opened.log'}",
                err=True,
            )
        try:
            server.start()
        except KeyboardInterrupt:
            server.stop()
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
