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
    out.append(heading(fmt("by-participant")))
    codes = sorted(fig.participants, key=lambda c: (fig.person(c).group, c))
    rows = []
    groups: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO, ZERO])
    for code in codes:
        person = fig.person(code)
        summary = fig.participants[code]
        group = groups[person.group]
        group[0] += 1
        group[1] += summary.plan_total
        group[2] += summary.receipted
        group[3] += realised(summary)
        rows.append(
            [
                fig.display(code),
                person.group,
                person.companion,
                fmt.money(summary.plan_total),
                fmt.money(summary.receipted),
                fmt.money(summary.receipted - summary.plan_total),
                fmt.points(summary.realisation),
            ]
        )
    planned, spent, done = (sum((g[i] for g in groups.values()), ZERO) for i in (1, 2, 3))
    total = [
        fmt("total"),
        "",
        "",
        fmt.money(planned),
        fmt.money(spent),
        fmt.money(spent - planned),
        fmt.percent(done / planned if planned else None),
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
    widths = [w * width for w in (0.22, 0.14, 0.1, 0.15, 0.15, 0.14, 0.1)]
    out.append(data_table(header, rows, widths, numeric=[3, 4, 5, 6], total=total, wrap=[0]))
    out.append(heading(fmt("by-group")))
    group_rows = [
        [
            name,
            fmt.count(int(g[0])),
            fmt.money(g[1]),
            fmt.money(g[2]),
            fmt.money(g[2] - g[1]),
            fmt.percent(g[3] / g[1] if g[1] else None),
        ]
        for name, g in sorted(groups.items())
    ]
    out.append(
        data_table(
            [
                fmt("group"),
                fmt("participants"),
                fmt("planned"),
                fmt("spent"),
                fmt("difference"),
                fmt("realisation"),
            ],
            group_rows,
            [w * width for w in (0.22, 0.12, 0.18, 0.18, 0.16, 0.12)],
            numeric=[1, 2, 3, 4, 5],
            total=[fmt("total"), fmt.count(len(codes)), *total[3:]],
        )
    )
    return out


def _period(fig: Figures, fmt: Fmt) -> str:
    if fig.start:
        return f"{fig.books_title} - {fmt('period')} {fmt.date(fig.start)} - {fmt.date(fig.as_of)}"
    return f"{fig.books_title} - {fmt('as-of')} {fmt.date(fig.as_of)}"
