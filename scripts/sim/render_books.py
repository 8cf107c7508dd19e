"""Render the simulator's truth as books entries, the way the importers would book it.

Used by the demo and the benchmarks for what no importer reads yet, and by tests as the
expected books. Account names come from ledger.accounts only.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal

from beancount.core import data
from beancount.core.amount import Amount

from ledger import accountno, accounts, disbursements, plans, records
from ledger.money import IDR
from scripts.sim.truth import BankLine, Disbursement, Person, ProgramYear, Purchase

SIM_SOURCE = "simulator"

# bank line kind -> the account on the other side of the savings book
_COUNTER = {
    "aid-credit": accounts.transit,
    "own-deposit": accounts.own_funds,
    "withdrawal": accounts.cash,
    "admin-fee": accounts.bank_charges,
    "interest": accounts.interest,
    "tax": accounts.tax,
    "unknown": accounts.suspense,
}


def _meta(filename: str, **values: object) -> data.Meta:
    meta: data.Meta = {"filename": filename, "lineno": 0}
    meta.update({k.replace("_", "-"): v for k, v in values.items() if v is not None})
    return meta


def _posting(account: str, number: Decimal | None) -> data.Posting:
    units = Amount(number, IDR) if number is not None else None
    return data.Posting(account, units, None, None, None, None)


def program_records(year: ProgramYear) -> list[data.Directive]:
    """Funders, companions, cohorts and the grant accounts."""
    start = datetime.date(year.year, 1, 1)
    out: list[data.Directive] = []
    for funder in year.funders:
        out.append(
            records.custom(
                records.FUNDER,
                funder.code,
                start,
                SIM_SOURCE,
                label=funder.name,
                kind=funder.kind,
                keyword=funder.keyword,  # what its transfers say on a statement (the rule table reads it)
            )
        )
        out.append(records.open_account(accounts.grant(funder.code), start, SIM_SOURCE))
    for companion in year.companions:
        out.append(
            records.custom(records.COMPANION, companion.code, start, SIM_SOURCE, label=companion.label)
        )
    for cohort in year.cohorts:
        out.append(records.custom(records.COHORT, cohort.code, start, SIM_SOURCE, label=cohort.label))
    return out


def participant_record(person: Person, account_hash: str, source: str = SIM_SOURCE) -> data.Custom:
    """Her `custom "participant"` record, as the participant import writes it (without the
    spreadsheet and the register: for tests and benchmarks that register people directly)."""
    return records.participant_directive(
        person.code,
        person.joined,
        group=person.group,
        cohort=person.cohort,
        companion=person.companion,
        funder=person.funder,
        bank=person.bank,
        product=person.product,
        account_mask=accountno.mask(person.account_number),
        account_hash=account_hash,
        min_balance=person.min_balance,
        source=source,
    )


def registration(
    year: ProgramYear, account_hash: Callable[[Person], str], source: str = SIM_SOURCE
) -> list[data.Directive]:
    """Every participant's record and the opening of her accounts."""
    out: list[data.Directive] = []
    for person in year.people:
        out.append(participant_record(person, account_hash(person), source))
        out.extend(records.open_participant_accounts(person.code, person.joined, source))
    return out


def bank_line_entry(line: BankLine, source: str = SIM_SOURCE) -> data.Transaction:
    signed = line.credit - line.debit
    other = _COUNTER[line.kind](line.participant)
    meta = _meta(
        source,
        source=source,
        bank_ref=line.ref,
        kind=line.kind,
        bank_code=line.code,
        import_key=f"bank:{line.participant}:{line.ref}",
    )
    return data.Transaction(
        meta,
        line.date,
        "*",
        line.code,
        line.description,
        frozenset(),
        frozenset(),
        [_posting(accounts.savings(line.participant), signed), _posting(other, -signed)],
    )


def balance_assertions(year: ProgramYear) -> list[data.Balance]:
    """The balance after each month's last line, asserted the next day (Beancount's convention)."""
    last: dict[tuple[str, int, int], BankLine] = {}
    for line in year.bank_lines:
        last[(line.participant, line.date.year, line.date.month)] = line
    out = []
    for (code, _, _), line in sorted(last.items()):
        out.append(
            data.Balance(
                _meta(SIM_SOURCE),
                line.date + datetime.timedelta(days=1),
                accounts.savings(code),
                Amount(line.balance, IDR),
                None,
                None,
            )
        )
    return out


def disbursement_entry(row: Disbursement, occurrence: int, source: str = SIM_SOURCE) -> data.Transaction:
    """A list row as importers/disbursements.py books it (same metadata, same import-key)."""
    meta = _meta(
        source,
        batch=row.batch,
        component=row.component,
        source=source,
        import_key=disbursements.row_key(row.batch, row.participant, row.component, occurrence),
    )
    return data.Transaction(
        meta,
        row.date,
        "*",
        row.funder,
        f"Bantuan {row.component} {row.batch}",
        frozenset(),
        frozenset(),
        [
            _posting(accounts.transit(row.participant), row.amount),
            _posting(accounts.grant(row.funder), -row.amount),
        ],
    )


def plan_specs(year: ProgramYear, code: str | None = None) -> dict[str, list[plans.PlanLineSpec]]:
    """The simulator's plan lines per participant, as the books contract's specs."""
    out: dict[str, list[plans.PlanLineSpec]] = {}
    for line in year.plans:
        if code is not None and line.participant != code:
            continue
        out.setdefault(line.participant, []).append(
            plans.PlanLineSpec(
                line.participant,
                str(line.no),
                line.description,
                line.category,
                line.volume,
                line.unit,
                line.unit_price,
                line.amount,
                line.approved_by,
                line.approved_on,
            )
        )
    return out


def plan_directives(year: ProgramYear) -> list[data.Directive]:
    """Each participant's plan as revision 1 (ledger/plans.py has the format)."""
    out: list[data.Directive] = []
    for code, lines in plan_specs(year).items():
        out.extend(plans.plan_directives(code, lines, 1, SIM_SOURCE, import_key=f"plan:{code}:sim"))
    return out


def purchase_spec(purchase: Purchase) -> plans.PurchaseSpec:
    return plans.PurchaseSpec(
        purchase.participant,
        purchase.date,
        purchase.receipt_no,
        purchase.shop,
        purchase.description,
        purchase.volume,
        purchase.unit,
        purchase.unit_price,
        purchase.amount,
        str(purchase.plan_line) if purchase.plan_line is not None else None,
        purchase.category,
        purchase.meterai,
    )


def purchase_entry(purchase: Purchase) -> data.Transaction:
    return plans.purchase_transaction(
        purchase_spec(purchase),
        SIM_SOURCE,
        import_key=f"receipt:{purchase.participant}:{purchase.shop}:{purchase.receipt_no}:{purchase.date}",
    )


def goods_opens(purchases: Iterable[Purchase], year: ProgramYear) -> list[data.Open]:
    joined = {p.code: p.joined for p in year.people}
    seen: dict[str, datetime.date] = {}
    for purchase in purchases:
        account = accounts.goods(purchase.participant, purchase.category)
        seen.setdefault(account, joined[purchase.participant])
    return [records.open_account(account, date, SIM_SOURCE) for account, date in sorted(seen.items())]


def disbursement_entries(year: ProgramYear) -> list[data.Directive]:
    """Every list row; the occurrence counts rows of one batch, participant and component."""
    seen: Counter[tuple[str, str, str]] = Counter()
    out: list[data.Directive] = []
    for row in year.disbursements:
        seen[(row.batch, row.participant, row.component)] += 1
        out.append(disbursement_entry(row, seen[(row.batch, row.participant, row.component)]))
    return out


def bank_entries(year: ProgramYear) -> list[data.Directive]:
    return [*(bank_line_entry(line) for line in year.bank_lines), *balance_assertions(year)]


def purchase_entries(year: ProgramYear) -> list[data.Directive]:
    return [*goods_opens(year.purchases, year), *(purchase_entry(p) for p in year.purchases)]


def movement_entries(year: ProgramYear) -> list[data.Directive]:
    """Everything after registration: lists, bank lines, balances, plans, purchases."""
    return [
        *disbursement_entries(year),
        *bank_entries(year),
        *plan_directives(year),
        *purchase_entries(year),
    ]
