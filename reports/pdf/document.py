"""The frame every report shares: A4 pages with a header and footer, page "X of Y", styles,
tables with right-aligned money, and signature blocks.

A report module builds a list of flowables with the helpers here and calls `build()`; the
header names the books and the report, the footer says that participants appear under
pseudonymous codes (or, with --with-names, that the document holds names) and numbers pages.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports.pdf.fmt import Fmt

MARGIN = 16 * mm
CELL_SIZE = 8
CELL_PADDING = 4
INK = colors.HexColor("#1f2d3d")
RULE = colors.HexColor("#8a96a3")
SHADE = colors.HexColor("#e8edf2")
TOTAL = colors.HexColor("#d5dde6")

_base = getSampleStyleSheet()
STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle("title", _base["Title"], fontSize=15, leading=19, spaceAfter=2, textColor=INK),
    "subtitle": ParagraphStyle("subtitle", _base["Normal"], fontSize=10, alignment=TA_CENTER, spaceAfter=8),
    "h1": ParagraphStyle("h1", _base["Heading2"], fontSize=12, leading=15, spaceBefore=8, spaceAfter=4),
    "h2": ParagraphStyle("h2", _base["Heading3"], fontSize=10, leading=13, spaceBefore=6, spaceAfter=3),
    "body": ParagraphStyle("body", _base["Normal"], fontSize=9, leading=12),
    "small": ParagraphStyle("small", _base["Normal"], fontSize=7.5, leading=9.5, textColor=INK),
    "cell": ParagraphStyle("cell", _base["Normal"], fontSize=8, leading=10),
    "cellr": ParagraphStyle("cellr", _base["Normal"], fontSize=8, leading=10, alignment=TA_RIGHT),
    "section": ParagraphStyle(
        "section", _base["Heading1"], fontSize=13, leading=16, spaceAfter=6, textColor=INK
    ),
    "cover": ParagraphStyle("cover", _base["Title"], fontSize=22, leading=28, spaceAfter=12, textColor=INK),
    "sign": ParagraphStyle("sign", _base["Normal"], fontSize=8.5, leading=11, alignment=TA_CENTER),
}


@dataclass(frozen=True)
class Frame_:
    """What the header and footer say."""

    books_title: str
    report_title: str
    generated: datetime.date  # the day the report is made
    with_names: bool = False
    as_of: datetime.date | None = None  # the day its figures are read at


class _NumberedCanvas(rl_canvas.Canvas):
    """Defers each page so the footer can say "page X of Y" once Y is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_page_number(total)
            super().showPage()
        super().save()

    def _draw_page_number(self, total: int) -> None:
        doc = getattr(self, "_aid_doc", None)
        if doc is not None:
            doc.draw_page_number(self, total)


class ReportDocument(BaseDocTemplate):
    """An A4 document with portrait and landscape page templates and the shared frame."""

    def __init__(self, path: Path, frame: Frame_, fmt: Fmt, *, orientation: str = "portrait") -> None:
        super().__init__(
            str(path),
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 8 * mm,
            bottomMargin=MARGIN + 4 * mm,
            title=frame.report_title,
            author="aidledger",
            subject=frame.books_title,
            creator="aidledger (reportlab)",
        )
        self.head = frame
        self.fmt = fmt
        self.page_count = 0
        templates = [self._template("portrait", A4), self._template("landscape", landscape(A4))]
        if orientation == "landscape":
            templates.reverse()
        self.addPageTemplates(templates)

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        width, height = size
        body = Frame(
            self.leftMargin,
            self.bottomMargin,
            width - self.leftMargin - self.rightMargin,
            height - self.topMargin - self.bottomMargin,
            id=f"body-{name}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return PageTemplate(id=name, frames=[body], onPage=self._decorate, pagesize=size)

    def _decorate(self, canvas: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        canvas._aid_doc = self
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setFillColor(INK)
        top = height - MARGIN
        canvas.setFont("Helvetica-Bold", 8.5)
        canvas.drawString(MARGIN, top, self.head.books_title)
        canvas.setFont("Helvetica", 8.5)
        canvas.drawRightString(width - MARGIN, top, self.head.report_title)
        canvas.line(MARGIN, top - 3, width - MARGIN, top - 3)
        bottom = MARGIN
        canvas.line(MARGIN, bottom + 9, width - MARGIN, bottom + 9)
        canvas.setFont("Helvetica", 7)
        notice = self.fmt("footer-names") if self.head.with_names else self.fmt("footer-codes")
        canvas.drawString(MARGIN, bottom, notice)
        made = self.fmt("generated", date=self.fmt.long_date(self.head.generated))
        if self.head.as_of is not None:
            made += " - " + self.fmt("figures-as-of", date=self.fmt.long_date(self.head.as_of))
        canvas.drawCentredString(width / 2, bottom - 9, made)
        canvas.restoreState()

    def draw_page_number(self, canvas: rl_canvas.Canvas, total: int) -> None:
        self.page_count = total
        width, _height = canvas._pagesize
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.drawRightString(
            width - MARGIN, MARGIN, self.fmt("page-of", page=canvas.getPageNumber(), total=total)
        )
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # reportlab's hook
        """Section headings go into the table of contents, with their page."""
        if isinstance(flowable, Paragraph) and flowable.style.name == "section":
            self.notify("TOCEntry", (0, flowable.getPlainText(), self.page))

    def render(self, story: list[Flowable], *, contents: bool = False) -> int:
        """Write the PDF; returns its number of pages. With a table of contents in the story,
        `contents=True` lays it out in as many passes as its page numbers need."""
        if contents:
            self.multiBuild(story, canvasmaker=_NumberedCanvas)
        else:
            self.build(story, canvasmaker=_NumberedCanvas)
        return self.page_count


# --- flowable helpers -------------------------------------------------------------------------


def escape(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, STYLES[style])


def title_block(title: str, subtitle: str = "") -> list[Flowable]:
    out: list[Flowable] = [para(escape(title), "title")]
    if subtitle:
        out.append(para(escape(subtitle), "subtitle"))
    return out


def heading(text: str, level: int = 1) -> Flowable:
    return para(escape(text), "h1" if level == 1 else "h2")


def fitted(text: str, width: float, *, bold: bool = False, right: bool = False) -> Any:
    """The text as a plain cell when it fits the column on one line, else a wrapping
    paragraph (plain cells are much cheaper to lay out: 500 cards are a benchmark)."""
    font = "Helvetica-Bold" if bold else "Helvetica"
    if "\n" not in text and stringWidth(text, font, CELL_SIZE) <= width - 2 * CELL_PADDING:
        return text
    body = escape(text).replace("\n", "<br/>")
    return para(f"<b>{body}</b>" if bold else body, "cellr" if right else "cell")


def path_lines(paths: Sequence[str], width: float) -> str:
    """Paths laid out for a column `width` wide: each on its own line, a long one broken after
    a "/" (a name wider than the column after a "-", "." or ":", never inside a word), as a
    cell's lines separated by newlines."""
    room = width - 2 * CELL_PADDING

    def parts(path: str) -> list[str]:
        out = []
        for part in re.split(r"(?<=/)", path):
            if stringWidth(part, "Helvetica", CELL_SIZE) > room:
                out += re.split(r"(?<=[-.:])", part)
            else:
                out.append(part)
        return [p for p in out if p]

    lines: list[str] = []
    for path in paths:
        line = ""
        for part in parts(path):
            if line and stringWidth(line + part, "Helvetica", CELL_SIZE) > room:
                lines.append(line)
                line = part
            else:
                line += part
        lines.append(line)
    return "\n".join(lines)


def key_values(rows: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Label: value pairs laid out in `columns` pairs per row (a form's header block)."""
    label_w = width / columns * 0.42
    value_w = width / columns - label_w
    cells: list[list[Any]] = []
    row: list[Any] = []
    for label, value in rows:
        row += [fitted(label, label_w, bold=True), fitted(value, value_w)]
        if len(row) == 2 * columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (2 * columns - len(row)))
    table = Table(cells, colWidths=[label_w, value_w] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", CELL_SIZE),
                *[("FONT", (2 * i, 0), (2 * i, -1), "Helvetica-Bold", CELL_SIZE) for i in range(columns)],
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
            ]
        )
    )
    return table


def data_table(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total: Sequence[str] | None = None,
    wrap: Sequence[int] = (),
) -> Table:
    """A ruled table with a shaded, repeated header; `numeric` columns are right-aligned and
    `wrap` columns wrap long text; an optional total row is shaded and bold. Without a header
    (None) it continues the table above it (table_ending)."""

    def cell(index: int, value: str, bold: bool = False) -> Any:
        if index in wrap:
            return fitted(value, widths[index], bold=bold, right=index in numeric)
        return value

    body = [[cell(i, v) for i, v in enumerate(row)] for row in rows]
    first = 0 if header is None else 1
    data: list[list[Any]] = (
        [] if header is None else [[fitted(h, widths[i], bold=True) for i, h in enumerate(header)]]
    )
    data += body
    if total is not None:
        data.append([cell(i, v, True) for i, v in enumerate(total)])
    table = Table(data, colWidths=list(widths), repeatRows=first, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, first), (-1, -1), "Helvetica", CELL_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("GRID", (0, 0), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header is not None:
        style += [
            ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", CELL_SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ]
    for index in numeric:
        style.append(("ALIGN", (index, first), (index, -1), "RIGHT"))
    if total is not None:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL),
            ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8),
        ]
    table.setStyle(TableStyle(style))
    return table


def table_ending(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    after: Sequence[Flowable],
    *,
    numeric: Sequence[int] = (),
    total: Sequence[str] | None = None,
    wrap: Sequence[int] = (),
    keep: int = 3,
) -> list[Flowable]:
    """A table whose last `keep` rows (and total) stay on one page with what comes `after` it
    (a signature block): a signature is never alone on a page, away from what it signs."""
    # a KeepTogether inside another reports an endless height and would always break the page
    after = [part for item in after for part in (item._content if isinstance(item, KeepTogether) else [item])]
    if len(rows) <= keep:
        return [
            KeepTogether([data_table(header, rows, widths, numeric=numeric, total=total, wrap=wrap), *after])
        ]
    head = data_table(header, rows[:-keep], widths, numeric=numeric, wrap=wrap)
    tail = data_table(None, rows[-keep:], widths, numeric=numeric, total=total, wrap=wrap)
    return [head, KeepTogether([tail, *after])]


def signature_block(roles: Sequence[tuple[str, str]], width: float, place_date: str) -> Flowable:
    """Signature boxes side by side: (role, name or code under the line)."""
    count = len(roles)
    top = [para(escape(place_date), "sign") if i == count - 1 else "" for i in range(count)]
    role_row = [para(f"<b>{escape(role)}</b>", "sign") for role, _ in roles]
    space_row = ["" for _ in roles]
    name_row = [para(f"( {escape(name)} )", "sign") for _, name in roles]
    table = Table(
        [top, role_row, space_row, name_row],
        colWidths=[width / count] * count,
        rowHeights=[13, 13, 40, 13],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return KeepTogether([Spacer(1, 4 * mm), table])


def note(text: str) -> Paragraph:
    return para(escape(text), "small")


__all__ = [
    "STYLES",
    "CondPageBreak",
    "Frame_",
    "NextPageTemplate",
    "PageBreak",
    "ReportDocument",
    "Spacer",
    "data_table",
    "escape",
    "heading",
    "key_values",
    "note",
    "para",
    "path_lines",
    "signature_block",
    "table_ending",
    "title_block",
]
