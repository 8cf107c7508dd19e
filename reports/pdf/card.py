"""The aid card ("kartu bantuan"): one participant on one page, to be signed by her, her
companion and the treasurer. Read by the participant and her companion; filed for the LPJ."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ledger import accounts
from ledger.money import ZERO
from reports.figures import Figures
from reports.pdf import labels
from reports.pdf.document import data_table, heading, key_values, note, signature_block, title_block
from reports.pdf.fmt import Fmt

ORIENTATION = "portrait"

_SAVINGS_ROWS = (
    (accounts.TRANSIT, "aid-credits"),
    (accounts.OWN_FUNDS, "own-deposits"),
    (accounts.CASH, "withdrawals"),
    (accounts.BANK_CHARGES, "bank-charges"),
    (accounts.INTEREST, "interest"),
    (accounts.TAX, "tax"),
    (accounts.SUSPENSE, "unclassified"),
)


def title(fmt: Fmt, code: str) -> str:
    return f"{fmt('card-title')} {code}"


def story(fig: Figures, fmt: Fmt, width: float, code: str) -> list[Flowable]:
    person = fig.person(code)
    out: list[Flowable] = title_block(
        fmt("card-title"), f"{fig.books_title} - {fmt('as-of')} {fmt.date(fig.as_of)}"
    )
    out.append(_facts(fig, fmt, width, code))
    out.append(heading(fmt("card-aid")))
    out.append(_aid(fig, fmt, width, code))
    out.append(_savings_and_position(fig, fmt, width, code))
    out.append(heading(fmt("card-plan")))
    out.append(_plan(fig, fmt, width, code))
    out.extend(_visits(fig, fmt, code))
    for finding in fig.findings_of(code)[:4]:
        out.append(note(f"- {labels.kind(finding.kind, fmt.lang)}: {finding.message}"))
    name = fig.names.get(code, code) if fig.names else code
    out.append(Spacer(1, 2 * mm))
    out.append(
        signature_block(
            [
                (fmt("sign-participant"), name),
                (fmt("sign-companion"), fig.companion_label(person.companion)),
                (fmt("sign-treasurer"), "." * 30),
            ],
            width,
            fmt("place-date", date=fmt.long_date(fig.made_on)),
        )
    )
    return out


def _facts(fig: Figures, fmt: Fmt, width: float, code: str) -> Flowable:
    """Who she is in the program: code (her name only when the report is made with names),
    group, cohort, companion, funder, bank account (masked), joined, minimum balance."""
    person = fig.person(code)
    facts = [(fmt("code"), code)]
    if fig.names and code in fig.names:
        facts.append((fmt("name"), fig.names[code]))
    facts += [
        (fmt("group"), person.group),
        (fmt("cohort"), _cohort(fig, person.cohort)),
        (fmt("companion"), f"{person.companion} - {fig.companion_label(person.companion)}"),
        (fmt("funder"), fig.funder_label(person.funder)),
        (fmt("bank"), f"{person.bank} - {person.product}"),
        (fmt("account"), person.account_mask),
        (fmt("joined"), fmt.date(person.joined)),
        (fmt("min-balance"), fmt.money(person.min_balance)),
    ]
    return key_values(facts, width)


def _aid(fig: Figures, fmt: Fmt, width: float, code: str) -> Flowable:
    """Her aid, line by line of the funders' lists: when listed, when credited, its status."""
    aid = fig.aid_rows.get(code, [])
    return data_table(
        [
            fmt("component"),
            fmt("funder"),
            fmt("batch"),
            fmt("listed-on"),
            fmt("credit-date"),
            fmt("status"),
            fmt("amount"),
        ],
        [
            [
                r.component,
                r.funder,
                r.batch,
                fmt.date(r.date),
                fmt.date(r.credit_date),
                fmt.status(r.status),
                fmt.money(r.amount),
            ]
            for r in aid
        ],
        [w * width for w in (0.13, 0.14, 0.2, 0.11, 0.11, 0.15, 0.16)],
        numeric=[6],
        total=[fmt("total"), "", "", "", "", "", fmt.money(sum((r.amount for r in aid), ZERO))],
        wrap=[5],
    )


def _savings_and_position(fig: Figures, fmt: Fmt, width: float, code: str) -> Flowable:
    """Her savings book's movements by kind beside her position (plan, aid, withdrawn,
    receipted, uncovered cash, realisation, findings): side by side, the card stays one A4
    page with its visits and signatures."""
    row = fig.participants[code]
    savings = fig.savings.get(code)
    rows = [[fmt("opening"), fmt.money(savings.opening if savings else ZERO)]]
    for role, key in _SAVINGS_ROWS:
        amount = savings.by_kind.get(role) if savings else None
        if amount is not None:
            rows.append([fmt(key), fmt.money(amount)])
    movements = data_table(
        [fmt("movement"), fmt("amount")],
        rows,
        [0.3 * width, 0.19 * width],
        numeric=[1],
        total=[fmt("closing"), fmt.money(savings.closing if savings else ZERO)],
    )
    position = key_values(
        [
            (fmt("plan-total"), fmt.money(row.plan_total)),
            (fmt("aid-received"), fmt.money(row.aid_received)),
            (fmt("withdrawn"), fmt.money(row.withdrawn)),
            (fmt("receipted"), fmt.money(row.receipted)),
            (fmt("cash-uncovered"), fmt.money(row.cash_uncovered)),
            (fmt("savings-balance"), fmt.money(row.savings_balance)),
            (fmt("realisation"), fmt.realisation(row.realisation, row.overspent)),
            (fmt("findings"), fmt.count(len(fig.findings_of(code)))),
        ],
        0.49 * width,
        columns=1,
    )
    side = Table(
        [[heading(fmt("card-savings")), heading(fmt("card-position"))], [movements, position]],
        colWidths=[0.51 * width, 0.49 * width],
        hAlign="LEFT",
    )
    side.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return side


def _plan(fig: Figures, fmt: Fmt, width: float, code: str) -> Flowable:
    """Her plan lines, planned against spent, with what she bought outside the plan."""
    row = fig.participants[code]
    plan_rows = [
        [
            line.no,
            line.description,
            line.category,
            fmt.money(line.planned),
            fmt.money(line.actual),
            fmt.money(line.difference),
            fmt.percent(line.actual / line.planned if line.planned else None),
        ]
        for line in row.lines
    ]
    if row.unplanned:
        plan_rows.append(
            [
                "-",
                fmt("unplanned"),
                "",
                fmt.money(ZERO),
                fmt.money(row.unplanned),
                fmt.money(row.unplanned),
                "-",
            ]
        )
    return data_table(
        [
            fmt("line-no"),
            fmt("description"),
            fmt("category"),
            fmt("planned"),
            fmt("spent"),
            fmt("difference"),
            "%",
        ],
        plan_rows,
        [w * width for w in (0.05, 0.27, 0.15, 0.15, 0.15, 0.14, 0.09)],
        numeric=[3, 4, 5, 6],
        total=[
            "",
            fmt("total"),
            "",
            fmt.money(row.plan_total),
            fmt.money(row.receipted),
            fmt.money(row.receipted - row.plan_total),
            fmt.realisation(row.realisation, row.overspent),
        ],
        wrap=[1],
    )


def _cohort(fig: Figures, code: str) -> str:
    record = fig.loaded.program.cohorts.get(code)
    return f"{code} - {record.label}" if record else code


def _visits(fig: Figures, fmt: Fmt, code: str) -> list[Flowable]:
    """Her progress visits after the aid in one line (the card stays one page): how many, and
    the latest one's date, status and monthly omzet; Fava's Perkembangan Usaha page lists
    every visit."""
    item = fig.progress.get(code)
    if item is None or not item.visits:
        return []
    latest = item.visits[-1]
    omzet = f", {fmt('omzet')} {fmt.money(latest.omzet)}" if latest.omzet is not None else ""
    return [
        note(
            fmt(
                "card-visits-line",
                count=len(item.visits),
                date=fmt.date(latest.date),
                status=latest.status,
                omzet=omzet,
            )
        )
    ]
