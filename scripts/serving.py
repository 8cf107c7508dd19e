"""Start Fava on the books, in this process, so aidledger's own load settings apply."""

from __future__ import annotations

import click

from ledger import fastbalance
from ledger.books import BooksPaths


def make_app(paths: BooksPaths, *, read_only: bool = False):  # type: ignore[no-untyped-def]
    from fava.application import create_app

    return create_app([str(paths.main)], read_only=read_only)


def serve_books(
    paths: BooksPaths, *, host: str = "127.0.0.1", port: int = 5000, read_only: bool = False
) -> None:
    """Serve until interrupted; the balance check is aidledger's linear one (ledger.fastbalance)."""
    from cheroot.wsgi import Server

    with fastbalance.installed():
        app = make_app(paths, read_only=read_only)
        server = Server((host, port), app)
        click.echo(f"Fava serves {paths.main} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        try:
            server.start()
        except KeyboardInterrupt:
            server.stop()
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
