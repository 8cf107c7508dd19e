"""Plan realisation ("laporan realisasi penggunaan dana"): planned, spent, difference and
realisation % per participant and per skill group. Read by the program manager, the
companions and auditors; it names participants by code, so it is not a funder report.

Per participant the figures are the engine's summary (spent: every receipted purchase, planned
or not; realisation %: each plan line counted up to its amount). A group's realisation is the
same definition over all its members' plan lines (figures.realised)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from reportlab.platypus import Flowable

from ledger.money import ZERO
from reports.figures import Figures, realised
from reports.pdf.document import data_table, heading, title_block
from reports.pdf.fmt import Fmt

ORIENTATION = "landscape"


def title(fmt: Fmt) -> str:
    return fmt("realisation-title")


def story(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    out: list[Flowable] = title_block(title(fmt), _period(fig, fmt))
    codes = sorted(fig.participants, key=lambda c: (fig.person(c).group, c))
    rows, groups = _participant_rows(fig, fmt, codes)
    planned, spent, done, over = (sum((g[i] for g in groups.values()), ZERO) for i in (1, 2, 3, 4))
    total = [
        fmt("total"),
        "",
        "",
        fmt.money(planned),
        fmt.money(spent),
        fmt.money(spent - planned),
        _ratio(fmt, done, planned, over),
    ]
    header = [
        fmt("participant"),
        fmt("group"),
        fmt("companion"),
        fmt("planned"),
        fmt("spent"),
        fmt("difference"),
        fmt("realisation"),
    ]
    widths = [w * width for w in (0.2, 0.13, 0.09, 0.14, 0.14, 0.13, 0.17)]
    detail = data_table(header, rows, widths, numeric=[3, 4, 5, 6], total=total, wrap=[0, 6])
    # the summary by group comes first: a reader sees the whole before the detail
    out.append(heading(fmt("by-group")))
    out.append(_group_table(fmt, width, groups, [fmt("total"), fmt.count(len(codes)), *total[3:]]))
    out.append(heading(fmt("by-participant")))
    out.append(detail)
    return out


def _participant_rows(
    fig: Figures, fmt: Fmt, codes: list[str]
) -> tuple[list[list[str]], dict[str, list[Decimal]]]:
    """Each participant's row (planned, spent, difference, realisation), and her group's sums:
    [participants, planned, spent, realised, overspent]."""
    rows = []
    groups: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO, ZERO, ZERO])
    for code in codes:
        person = fig.person(code)
        summary = fig.participants[code]
        group = groups[person.group]
        group[0] += 1
        group[1] += summary.plan_total
        group[2] += summary.receipted
        group[3] += realised(summary)
        group[4] += summary.overspent
        rows.append(
            [
                fig.display(code),
                person.group,
                person.companion,
                fmt.money(summary.plan_total),
                fmt.money(summary.receipted),
                fmt.money(summary.receipted - summary.plan_total),
                fmt.realisation(summary.realisation, summary.overspent),
            ]
        )
    return rows, groups


def _group_table(fmt: Fmt, width: float, groups: dict[str, list[Decimal]], total: list[str]) -> Flowable:
    """The summary by group: participants, planned, spent, difference, realisation."""
    group_rows = [
        [
            name,
            fmt.count(int(g[0])),
            fmt.money(g[1]),
            fmt.money(g[2]),
            fmt.money(g[2] - g[1]),
            _ratio(fmt, g[3], g[1], g[4]),
        ]
        for name, g in sorted(groups.items())
    ]
    return data_table(
        [
            fmt("group"),
            fmt("participants"),
            fmt("planned"),
            fmt("spent"),
            fmt("difference"),
            fmt("realisation"),
        ],
        group_rows,
        [w * width for w in (0.2, 0.1, 0.16, 0.16, 0.16, 0.22)],
        numeric=[1, 2, 3, 4, 5],
        total=total,
        wrap=[0, 5],
    )


def _ratio(fmt: Fmt, done: Decimal, planned: Decimal, over: Decimal) -> str:
    """A group's realisation (the engine's definition over its members) and its overspend."""
    if not planned:
        return fmt.percent(None)
    return fmt.realisation((done * 100 / planned).quantize(Decimal("0.1")), over)


def _period(fig: Figures, fmt: Fmt) -> str:
    if fig.start:
        return f"{fig.books_title} - {fmt('period')} {fmt.date(fig.start)} - {fmt.date(fig.as_of)}"
    return f"{fig.books_title} - {fmt('as-of')} {fmt.date(fig.as_of)}"
