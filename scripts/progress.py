"""Progress bars for the long commands (import of many files, all cards, the audit pack, the
demo): on stderr, and only when stderr is a terminal, so pipes, logs and tests see nothing."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

T = TypeVar("T")


def shown() -> bool:
    return sys.stderr.isatty()


def bar(label: str) -> Callable[[Iterable[T]], Iterator[T]]:
    """A function that yields the items given it, drawing a bar over them (more than one)."""

    def progress(items: Iterable[T]) -> Iterator[T]:
        items = list(items)
        if len(items) <= 1 or not shown():
            yield from items
            return
        with click.progressbar(items, label=label, file=sys.stderr) as drawn:
            yield from drawn

    return progress


@contextmanager
def steps(label: str, count: int) -> Iterator[Callable[[str], None]]:
    """A bar over `count` named steps; call the yielded function as each step begins."""
    if not shown():
        yield lambda _name: None
        return
    current = {"name": ""}
    drawn: Any
    with click.progressbar(
        length=count, label=label, file=sys.stderr, item_show_func=lambda _i: current["name"] or None
    ) as drawn:
        first = True

        def step(name: str) -> None:
            nonlocal first
            if not first:
                drawn.update(1)
            first = False
            current["name"] = name
            drawn.render_progress()

        yield step
        drawn.update(1)
