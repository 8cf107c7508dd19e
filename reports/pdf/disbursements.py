"""The disbursement register of a batch ("daftar penyaluran"): who was listed, on which bank
account (masked), for how much, when it was credited and its status. Read by the treasurer,
signed, and attached to the funder's accountability report."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ledger.money import ZERO
from reports.figures import Figures
from reports.pdf.document import PageBreak, data_table, heading, signature_block, table_ending, title_block
from reports.pdf.fmt import Fmt
from reports.pdf.realisation import _period

ORIENTATION = "landscape"


def title(fmt: Fmt) -> str:
    return fmt("disb-title")


def story(fig: Figures, fmt: Fmt, width: float, batches: list[str] | None = None) -> list[Flowable]:
    out: list[Flowable] = title_block(title(fmt), _period(fig, fmt))
    chosen = batches if batches is not None else fig.batches()
    if len(chosen) > 1:  # the register's batches and grand total first, then each batch
        out += _summary(fig, fmt, width, chosen)
    for index, batch in enumerate(chosen):
        if index or len(chosen) > 1:
            out.append(PageBreak())
        rows = fig.batch_rows(batch)
        funder = rows[0].funder if rows else ""
        out.append(heading(f"{fmt('batch')} {batch} - {fig.funder_label(funder)}"))
        body = []
        for number, row in enumerate(rows, start=1):
            person = fig.person(row.participant)
            body.append(
                [
                    str(number),
                    fig.display(row.participant),
                    row.component,
                    person.bank,
                    person.account_mask,
                    fmt.money(row.amount),
                    fmt.date(row.credit_date),
                    fmt.money(row.credited),
                    fmt.status(row.status),
                ]
            )
        listed = sum((r.amount for r in rows), ZERO)
        credited = sum((r.credited or ZERO for r in rows), ZERO)
        out += table_ending(
            [
                "No",
                fmt("participant"),
                fmt("component"),
                fmt("bank"),
                fmt("account"),
                fmt("amount"),
                fmt("credit-date"),
                fmt("credited-amount"),
                fmt("status"),
            ],
            body,
            [w * width for w in (0.04, 0.17, 0.1, 0.12, 0.1, 0.12, 0.1, 0.12, 0.13)],
            [
                signature_block(
                    [(fmt("sign-treasurer"), "." * 30)],
                    width / 3,
                    fmt("place-date", date=fmt.long_date(fig.made_on)),
                )
            ],
            numeric=[5, 7],
            total=["", fmt("total"), "", "", "", fmt.money(listed), "", fmt.money(credited), ""],
            wrap=[1],
        )
    return out


def _summary(fig: Figures, fmt: Fmt, width: float, batches: list[str]) -> list[Flowable]:
    """The batches first, each with its totals, and the grand total of the register."""
    body = []
    count, all_listed, all_credited = 0, ZERO, ZERO
    for batch in batches:
        rows = fig.batch_rows(batch)
        listed = sum((r.amount for r in rows), ZERO)
        credited = sum((r.credited or ZERO for r in rows), ZERO)
        count += len(rows)
        all_listed += listed
        all_credited += credited
        funder = rows[0].funder if rows else ""
        body.append(
            [
                batch,
                fig.funder_label(funder),
                fmt.count(len(rows)),
                fmt.money(listed),
                fmt.money(credited),
                fmt.money(listed - credited),
            ]
        )
    return [
        heading(fmt("disb-summary")),
        data_table(
            [fmt("batch"), fmt("funder"), fmt("rows"), fmt("amount"), fmt("credited-amount"), fmt("not-yet")],
            body,
            [w * width for w in (0.22, 0.28, 0.08, 0.14, 0.14, 0.14)],
            numeric=[2, 3, 4, 5],
            total=[
                fmt("grand-total"),
                "",
                fmt.count(count),
                fmt.money(all_listed),
                fmt.money(all_credited),
                fmt.money(all_listed - all_credited),
            ],
            wrap=[0, 1],
        ),
    ]
