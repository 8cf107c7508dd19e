"""The audit pack: cover, contents, every report, the findings and the manifest in one PDF.
Beside it (written by reports.run) the audit ledger and the manifest as a sha256sum file.
Read by auditors; it names participants by code only unless --with-names was given."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from reports.figures import Figures
from reports.manifest import ManifestLine
from reports.pdf import card, disbursements, exceptions, funder, realisation
from reports.pdf.document import STYLES, data_table, escape, key_values, para
from reports.pdf.fmt import Fmt
from reports.pdf.render import body_width

ORIENTATION = "portrait"


def title(fmt: Fmt) -> str:
    return fmt("audit-title")


def _section(name: str, orientation: str) -> list[Flowable]:
    return [NextPageTemplate(orientation), PageBreak(), para(escape(name), "section")]


def story(
    fig: Figures, fmt: Fmt, width: float, manifest: list[ManifestLine], ledger_name: str
) -> list[Flowable]:
    out = _cover(fig, fmt, width, ledger_name)
    for name, orientation, make in _reports(fig, fmt):
        out += _section(name, orientation)
        out += make(fig, fmt, body_width(orientation))
    out += _section(f"{fmt('card-title')} ({fmt.count(len(fig.participants))})", card.ORIENTATION)
    for index, code in enumerate(sorted(fig.participants)):
        if index:
            out.append(PageBreak())
        out += card.story(fig, fmt, body_width(card.ORIENTATION), code)
    out += _section(fmt("manifest"), "landscape")
    wide = body_width("landscape")
    out.append(
        data_table(
            [fmt("file"), fmt("size"), "SHA-256"],
            [[line.path, fmt.count(line.size), line.sha256] for line in manifest],
            [0.3 * wide, 0.12 * wide, 0.58 * wide],
            numeric=[1],
            wrap=[0],
        )
    )
    return out


def _cover(fig: Figures, fmt: Fmt, width: float, ledger_name: str) -> list[Flowable]:
    """The cover page (the books, the dates, the counts, the audit ledger it comes with, how to
    check it), then the table of contents."""
    out: list[Flowable] = [
        Spacer(1, 40 * mm),
        para(escape(title(fmt)), "cover"),
        para(escape(fig.books_title), "subtitle"),
        Spacer(1, 10 * mm),
        key_values(
            [
                (fmt("books"), fig.loaded.program.books_id or "-"),
                (fmt("as-of"), fmt.date(fig.as_of)),
                (fmt("made-on"), fmt.date(fig.made_on)),
                (fmt("participants-count"), fmt.count(len(fig.participants))),
                (fmt("entries-count"), fmt.count(len(fig.loaded.entries))),
                (fmt("findings"), fmt.count(len(fig.findings))),
                (fmt("audit-ledger"), ledger_name),
            ],
            width,
            columns=1,
        ),
        Spacer(1, 8 * mm),
        para(escape(fmt("audit-intro", ledger=ledger_name))),
        PageBreak(),
        para(escape(fmt("contents")), "h1"),
    ]
    toc = TableOfContents()
    toc.levelStyles = [STYLES["body"]]
    out.append(toc)
    return out


def _reports(
    fig: Figures, fmt: Fmt
) -> list[tuple[str, str, Callable[[Figures, Fmt, float], list[Flowable]]]]:
    """The reports the pack holds before the cards, each as (title, orientation, story):
    realisation, disbursements, one per funder with aid or participants, exceptions."""
    return [
        (realisation.title(fmt), realisation.ORIENTATION, realisation.story),
        (disbursements.title(fmt), disbursements.ORIENTATION, disbursements.story),
        *[
            (
                funder.title(fmt, fig.funder_label(code)),
                funder.ORIENTATION,
                partial(funder.story, funder=code),
            )
            for code in sorted(fig.funds)
            if fig.funds[code].granted or fig.funds[code].participants
        ],
        (exceptions.title(fmt), exceptions.ORIENTATION, exceptions.story),
    ]
