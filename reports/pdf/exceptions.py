"""Exceptions: the reconciliation's findings by kind and by companion, the ageing of cash not
yet covered by receipts (0-30, 31-60, 61-90, over 90 days), and the list of findings. Read by
the treasurer, the companions' coordinator and auditors."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from reportlab.platypus import Flowable

from ledger.funds import AGE_BUCKETS
from ledger.money import ZERO
from reports.figures import Figures
from reports.pdf import labels
from reports.pdf.document import PageBreak, data_table, escape, heading, para, path_lines, title_block
from reports.pdf.fmt import Fmt
from reports.pdf.realisation import _period

ORIENTATION = "landscape"
BUCKET_KEYS = ("days-0-30", "days-31-60", "days-61-90", "days-90")


def title(fmt: Fmt) -> str:
    return fmt("exceptions-title")


def story(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    out: list[Flowable] = title_block(title(fmt), _period(fig, fmt))
    out += summary(fig, fmt, width)
    out.append(PageBreak())
    out += findings_list(fig, fmt, width)
    return out


def summary(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(fmt("by-kind"))]
    by_kind: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    severity: dict[str, str] = {}
    for finding in fig.findings:
        by_kind[finding.kind][0] += 1
        by_kind[finding.kind][1] += finding.amount
        severity[finding.kind] = finding.severity
    out.append(
        data_table(
            [fmt("kind"), fmt("severity"), fmt("count"), fmt("value")],
            [
                [labels.kind(kind, fmt.lang), fmt(severity[kind]), fmt.count(int(v[0])), fmt.money(v[1])]
                for kind, v in sorted(by_kind.items())
            ],
            [w * width for w in (0.4, 0.15, 0.12, 0.2)],
            numeric=[2, 3],
            total=[
                fmt("total"),
                "",
                fmt.count(len(fig.findings)),
                fmt.money(sum((f.amount for f in fig.findings), ZERO)),
            ],
        )
    )
    out.append(heading(fmt("by-companion")))
    by_companion: dict[str, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO, ZERO])
    for finding in fig.findings:
        row = by_companion[finding.companion or "-"]
        row[0 if finding.severity == "error" else 1] += 1
        row[2] += finding.amount
    out.append(
        data_table(
            [fmt("companion"), fmt("error"), fmt("warning"), fmt("value")],
            [
                [
                    f"{code} - {fig.companion_label(code)}" if code != "-" else "-",
                    fmt.count(int(v[0])),
                    fmt.count(int(v[1])),
                    fmt.money(v[2]),
                ]
                for code, v in sorted(by_companion.items())
            ],
            [w * width for w in (0.4, 0.12, 0.12, 0.2)],
            numeric=[1, 2, 3],
        )
    )
    out += ageing(fig, fmt, width)
    return out


def ageing(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(f"{fmt('ageing')} ({fmt('as-of')} {fmt.date(fig.as_of)})")]
    rows = []
    totals = [ZERO] * len(AGE_BUCKETS)
    for code in sorted(fig.ageing):
        buckets = fig.ageing[code]
        amounts = [buckets.get(bucket, ZERO) for bucket in AGE_BUCKETS]
        totals = [t + a for t, a in zip(totals, amounts, strict=True)]
        person = fig.loaded.program.participants.get(code)
        rows.append(
            [
                fig.display(code),
                person.companion if person else "",
                *[fmt.money(a) if a else "-" for a in amounts],
                fmt.money(sum(amounts, ZERO)),
            ]
        )
    out.append(
        data_table(
            [fmt("participant"), fmt("companion"), *[fmt(k) for k in BUCKET_KEYS], fmt("total")],
            rows,
            [w * width for w in (0.2, 0.1, 0.13, 0.13, 0.13, 0.13, 0.15)],
            numeric=[2, 3, 4, 5, 6],
            total=[fmt("total"), "", *[fmt.money(t) for t in totals], fmt.money(sum(totals, ZERO))],
            wrap=[0],
        )
    )
    return out


def findings_list(fig: Figures, fmt: Fmt, width: float) -> list[Flowable]:
    out: list[Flowable] = [heading(fmt("findings-list"))]
    if not fig.findings:
        out.append(para(escape(fmt("none"))))
        return out
    rows = [
        [
            fmt.date(f.date),
            fig.display(f.participant),
            f.companion,
            labels.kind(f.kind, fmt.lang),
            fmt(f.severity),
            fmt.money(f.amount),
            f.message,
            path_lines([_short(fig, loc) for loc in f.locations[:2]], 0.17 * width),
        ]
        for f in sorted(fig.findings, key=lambda f: (f.date, f.participant, f.kind))
    ]
    out.append(
        data_table(
            [
                fmt("date"),
                fmt("participant"),
                fmt("companion"),
                fmt("kind"),
                fmt("severity"),
                fmt("amount"),
                fmt("message"),
                fmt("location"),
            ],
            rows,
            [w * width for w in (0.08, 0.08, 0.08, 0.13, 0.08, 0.1, 0.28, 0.17)],
            numeric=[5],
            wrap=[1, 3, 6, 7],
        )
    )
    return out


def _short(fig: Figures, location: str) -> str:
    """file:line relative to the books folder (absolute paths are long and say nothing more)."""
    root = str(fig.loaded.paths.root) + "/"
    return location[len(root) :] if location.startswith(root) else location
