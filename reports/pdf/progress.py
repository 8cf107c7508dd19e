"""Laporan Perkembangan Usaha: the success of the businesses after the aid, per milestone and per
skill group, cohort and funder, with a chart. Read by funders: no participant code appears,
and groups under the minimum size are folded as in the funder report (reports/suppress.py)."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from ledger import progress as prog
from reports.figures import Figures
from reports.pdf.document import data_table, heading, note, title_block
from reports.pdf.fmt import Fmt
from reports.suppress import MIN_GROUP, Group, count_label, suppress

ORIENTATION = "portrait"
BAR = colors.HexColor("#3d6a99")
SECTIONS = (
    ("group", "progress-by-group"),
    ("cohort", "progress-by-cohort"),
    ("funder", "progress-by-funder"),
)


def title(fmt: Fmt) -> str:
    return fmt("progress-title")


def outcomes(fig: Figures, by: str | None) -> list[prog.Outcome]:
    """Outcomes per milestone (by=None: all participants as one group) or per value of `by`."""
    if by is None:
        values = {code: "" for code in fig.progress}
    else:
        values = prog.values_by(fig.progress, fig.loaded.program.participants, by)
    return prog.outcomes(fig.progress, values, fig.as_of)


def _rate(running: Decimal, visited: Decimal) -> Decimal | None:
    return running / visited if visited else None


def _count(fmt: Fmt, count: int) -> str:
    return count_label(count) or fmt.count(count)


def story(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    schedule = prog.Schedule.of(fig.loaded.program.settings)
    out: list[Flowable] = title_block(
        fmt("progress-title"), f"{fig.books_title} - {fmt('as-of')} {fmt.date(fig.as_of)}"
    )
    out.append(note(fmt("progress-intro", months=", ".join(str(m) for m in schedule.months))))
    overall = outcomes(fig, None)
    if not overall:
        out.append(note(fmt("no-milestone-due")))
        return out
    out.append(heading(fmt("progress-by-milestone")))
    out.append(
        data_table(
            [
                fmt("milestone"),
                fmt("participants"),
                fmt("visited"),
                fmt("running"),
                fmt("success-rate"),
                fmt("median-omzet"),
                fmt("median-laba"),
            ],
            [
                [
                    fmt("month-n", n=o.milestone),
                    _count(fmt, o.participants),
                    _count(fmt, o.visited),
                    _count(fmt, o.running),
                    fmt.percent(o.rate) if o.participants >= MIN_GROUP else "-",
                    fmt.money(o.median_omzet) if o.running >= MIN_GROUP else "-",
                    fmt.money(o.median_laba) if o.running >= MIN_GROUP else "-",
                ]
                for o in overall
            ],
            [w * width for w in (0.14, 0.12, 0.12, 0.12, 0.14, 0.18, 0.18)],
            numeric=[1, 2, 3, 4, 5, 6],
        )
    )
    out.append(_chart(fmt, width, overall))
    for by, key in SECTIONS:
        out.append(heading(fmt(key)))
        out.append(_section(fig, fmt, width, by))
    out.append(note(fmt("suppressed-note", n=MIN_GROUP)))
    return out


def _section(fig: Figures, fmt: Fmt, width: float, by: str) -> Flowable:
    rows: list[list[str]] = []
    per_milestone: dict[int, list[prog.Outcome]] = {}
    for outcome in outcomes(fig, by):
        per_milestone.setdefault(outcome.milestone, []).append(outcome)
    label = {"funder": fig.funder_label}.get(by, lambda v: v)
    for months, items in sorted(per_milestone.items()):
        groups = [
            Group(label(o.by) or "-", o.participants, (Decimal(o.visited), Decimal(o.running))) for o in items
        ]
        shown = suppress(groups, fmt("other-groups"))
        for group in [*shown.groups, *([shown.folded] if shown.folded else [])]:
            visited, running = group.values
            rows.append(
                [
                    fmt("month-n", n=months),
                    group.name,
                    _count(fmt, group.count),
                    _count(fmt, int(visited)),
                    _count(fmt, int(running)),
                    fmt.percent(_rate(running, visited)) if group.count >= MIN_GROUP else "-",
                ]
            )
    return data_table(
        [fmt("milestone"), fmt(by), fmt("participants"), fmt("visited"), fmt("running"), fmt("success-rate")],
        rows,
        [w * width for w in (0.14, 0.34, 0.13, 0.13, 0.12, 0.14)],
        numeric=[2, 3, 4, 5],
    )


def _chart(fmt: Fmt, width: float, overall: list[prog.Outcome]) -> Drawing:
    drawing = Drawing(width, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 25, width - 80, 105
    # chart geometry only; the figures are in the table
    chart.data = [[float((o.rate or 0) * 100) for o in overall]]
    chart.categoryAxis.categoryNames = [fmt("month-n", n=o.milestone) for o in overall]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR
    drawing.add(chart)
    drawing.add(String(0, 140, fmt("chart-success"), fontSize=8))
    return drawing
