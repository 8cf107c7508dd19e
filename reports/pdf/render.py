"""Writing one report to one PDF file: the document frame around a report's story."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable

from reports.figures import Figures
from reports.pdf.document import MARGIN, Frame_, ReportDocument
from reports.pdf.fmt import Fmt

Story = Callable[[Figures, Fmt, float], list[Flowable]]


def body_width(orientation: str) -> float:
    page = landscape(A4) if orientation == "landscape" else A4
    return float(page[0] - 2 * MARGIN)


def write_pdf(
    path: Path, fig: Figures, fmt: Fmt, title: str, story: Story, orientation: str = "portrait"
) -> int:
    """Write `story` as a PDF at `path`; returns the number of pages."""
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = ReportDocument(
        path,
        Frame_(fig.books_title, title, fig.made_on, with_names=bool(fig.names), as_of=fig.as_of),
        fmt,
        orientation=orientation,
    )
    return doc.render(story(fig, fmt, body_width(orientation)))
