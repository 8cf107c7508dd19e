"""Fund use for one funder, ready for its accountability report (LPJ): granted, credited,
spent by category, unspent, absorbed %, per skill group, with charts. Read by the funder:
no participant code appears, and groups under the minimum size are suppressed."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import Flowable

from ledger.funds import FunderUse
from ledger.money import ZERO
from reports.figures import Figures
from reports.pdf.document import data_table, heading, key_values, note, signature_block, title_block
from reports.pdf.fmt import Fmt
from reports.pdf.realisation import _period
from reports.suppress import MIN_GROUP, Group, count_label, suppress

ORIENTATION = "portrait"
BAR = colors.HexColor("#3d6a99")


def title(fmt: Fmt, funder_label: str) -> str:
    return f"{fmt('funder-title')} - {funder_label}"


def story(fig: Figures, fmt: Fmt, width: float, funder: str) -> list[Flowable]:
    use = fig.funds[funder]
    out: list[Flowable] = title_block(f"{fmt('funder-title')}", f"{fig.funder_label(funder)} ({funder})")
    out.append(note(_period(fig, fmt)))
    count = len(use.participants)
    out.append(
        key_values(
            [
                (fmt("participants"), count_label(count) or fmt.count(count)),
                (fmt("granted"), fmt.money(use.granted)),
                (fmt("credited"), fmt.money(use.credited)),
                (fmt("spent-total"), fmt.money(use.spent)),
                (fmt("unspent"), fmt.money(use.unspent)),
                (fmt("absorbed"), fmt.percent(use.absorbed)),
            ],
            width,
        )
    )
    out.append(_use_chart(fmt, width, use.granted, use.credited, use.spent, use.unspent))

    out.extend(_by_category(fig, fmt, width, use))
    out.append(heading(fmt("by-group-funder")))
    out.append(_by_group(fig, fmt, width, funder, count))
    out.append(note(fmt("suppressed-note", n=MIN_GROUP)))
    out.append(
        signature_block(
            [(fmt("sign-treasurer"), "." * 30)],
            width / 3,
            fmt("place-date", date=fmt.long_date(fig.made_on)),
        )
    )
    return out


def _by_category(fig: Figures, fmt: Fmt, width: float, use: FunderUse) -> list[Flowable]:
    """What the funder's aid bought, by goods category (largest first), with a chart."""
    out: list[Flowable] = [heading(fmt("spent-by-category"))]
    categories = sorted(use.spent_by_category.items(), key=lambda kv: (-kv[1], kv[0]))
    out.append(
        data_table(
            [fmt("category"), fmt("spent"), "%"],
            [
                [fig.category(c), fmt.money(v), fmt.percent(v / use.spent if use.spent else None)]
                for c, v in categories
            ],
            [0.45 * width, 0.3 * width, 0.15 * width],
            numeric=[1, 2],
            total=[fmt("total"), fmt.money(use.spent), fmt.percent(Decimal(1) if use.spent else None)],
        )
    )
    if categories:
        out.append(_category_chart(fmt, width, [(fig.category(c), v) for c, v in categories]))
    return out


def _by_group(fig: Figures, fmt: Fmt, width: float, funder: str, count: int) -> Flowable:
    """Granted and spent by skill group; groups too small to show (fewer than MIN_GROUP
    participants) folded into one row, so no participant can be told apart."""
    groups = [
        Group(g.group, len(g.participants), (g.granted, g.spent))
        for g in fig.group_uses(funder).values()
        if g.participants
    ]
    shown = suppress(groups, fmt("other-groups"))
    rows = []
    for group in [*shown.groups, *([shown.folded] if shown.folded else [])]:
        granted, spent = group.values
        rows.append(
            [
                group.name,
                count_label(group.count) or fmt.count(group.count),
                fmt.money(granted),
                fmt.money(spent),
                fmt.percent(spent / granted if granted else None),
            ]
        )
    total_granted = sum((g.values[0] for g in groups), ZERO)
    total_spent = sum((g.values[1] for g in groups), ZERO)
    return data_table(
        [fmt("group"), fmt("participants"), fmt("granted"), fmt("spent"), fmt("absorbed")],
        rows,
        [w * width for w in (0.3, 0.14, 0.2, 0.2, 0.12)],
        numeric=[1, 2, 3, 4],
        total=[
            fmt("total"),
            count_label(count) or fmt.count(count),
            fmt.money(total_granted),
            fmt.money(total_spent),
            fmt.percent(total_spent / total_granted if total_granted else None),
        ],
    )


def _millions(value: Decimal) -> float:
    return float(value / Decimal(1_000_000))  # chart geometry only; the figures are in the tables


def _use_chart(fmt: Fmt, width: float, *values: Decimal) -> Drawing:
    drawing = Drawing(width, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 25, width - 80, 105
    chart.data = [[_millions(v) for v in values]]
    chart.categoryAxis.categoryNames = [fmt("granted"), fmt("credited"), fmt("spent"), fmt("unspent")]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR
    drawing.add(chart)
    drawing.add(String(0, 140, f"{fmt('chart-use')} ({fmt('millions')})", fontSize=8))
    return drawing


def _category_chart(fmt: Fmt, width: float, items: list[tuple[str, Decimal]]) -> Drawing:
    height = 30 + 18 * len(items)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 120, 10, width - 150, height - 30
    chart.data = [[_millions(v) for _, v in reversed(items)]]
    chart.categoryAxis.categoryNames = [name for name, _ in reversed(items)]
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BAR
    drawing.add(chart)
    drawing.add(String(0, height - 10, f"{fmt('chart-category')} ({fmt('millions')})", fontSize=8))
    return drawing
