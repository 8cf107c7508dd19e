"""The simulator: a seeded, deterministic program year with planted anomalies, as plain data.

`simulate(participants=150, seed=2026)` returns a ProgramYear: the people (invented), their
plans, the funders' disbursement lists, every savings-book line the bank prints, every receipt,
and the anomalies planted on purpose (`ProgramYear.anomalies`), which is what importing and
reconciling the rendered files must give back. Every participant without a planted anomaly is
clean by construction: her aid is listed and credited, her plan is approved before she buys,
her receipts cover her withdrawals within days and realise every plan line.

Renderers (scripts/sim/render_*.py) turn this truth into books entries and into the files each
importer reads; they never change it.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, Decimal
from typing import Any

D = Decimal
ONE = D(1)
YEAR = 2026

# Planted anomaly kinds, each on its own participant. docs/findings.md documents them.
PLAN_ANOMALIES = (
    "unplanned-purchase",
    "overspent-plan-line",
    "unrealised-plan-line",
    "unreceipted-withdrawal",
    "purchase-before-approval",
    "duplicate-receipt",
    "missing-meterai",
    "category-mismatch",
)
DISBURSEMENT_ANOMALIES = (
    "disbursement-not-credited",
    "disbursement-amount-mismatch",
    "credit-without-disbursement",
    "duplicate-disbursement",
)
BANK_ANOMALIES = ("unclassified-bank-line",)
ANOMALY_KINDS = PLAN_ANOMALIES + DISBURSEMENT_ANOMALIES + BANK_ANOMALIES

# Thresholds the clean participants stay far inside (the engine's defaults).
MIN_DAYS_UNREALISED = 60
MIN_DAYS_UNRECEIPTED = 30
MIN_DAYS_NOT_CREDITED = 14


@dataclass(frozen=True)
class Funder:
    code: str
    name: str
    kind: str
    keyword: str  # what its transfers say on a statement


@dataclass(frozen=True)
class Companion:
    code: str
    label: str


@dataclass(frozen=True)
class Cohort:
    code: str
    label: str
    start: datetime.date


@dataclass(frozen=True)
class Product:
    bank: str
    product: str
    layout: str  # the statement layout the participant's book is rendered in
    admin_fee: Decimal
    fee_day: int  # 0: month end
    min_balance: Decimal
    annual_rate: Decimal


PRODUCTS = (
    Product("BRI", "Simpedes", "bri-pdf", D(5500), 0, D(25000), D("0.0025")),
    Product("BRI", "BritAma", "bri-pdf", D(11000), 20, D(50000), D("0.0050")),
    Product("BNI", "Taplus", "bni-pdf", D(11000), 0, D(150000), D("0.0050")),
    Product("Mandiri", "Tabungan Mandiri", "mandiri-pdf", D(12500), 0, D(50000), D("0.0050")),
    Product("Bank Sumsel Babel", "Tabungan Simpeda", "passbook-xlsx", D(7500), 0, D(25000), D("0.0050")),
    Product("BSI", "Tabungan Easy Wadiah", "passbook-csv", D(0), 0, D(50000), D(0)),
)


@dataclass(frozen=True)
class Person:
    code: str
    name: str
    nik: str
    address: str
    phone: str
    account_number: str
    group: str
    cohort: str
    companion: str
    funder: str
    bank: str
    product: str
    layout: str
    joined: datetime.date
    min_balance: Decimal


@dataclass(frozen=True)
class PlanLine:
    participant: str
    no: int
    description: str
    category: str
    volume: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    approved_by: str
    approved_on: datetime.date


@dataclass(frozen=True)
class Disbursement:
    participant: str
    funder: str
    component: str
    amount: Decimal
    date: datetime.date
    batch: str


@dataclass(frozen=True)
class BankLine:
    participant: str
    date: datetime.date
    code: str  # the passbook code: SETOR TARIK ADM BUNGA PAJAK TRF KOR
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal
    kind: str  # aid-credit own-deposit withdrawal admin-fee interest tax unknown
    ref: str
    funder: str = ""  # for aid credits: whose aid it is


@dataclass(frozen=True)
class Purchase:
    participant: str
    date: datetime.date
    receipt_no: str
    shop: str
    description: str
    volume: Decimal
    unit: str
    unit_price: Decimal
    amount: Decimal
    plan_line: int | None
    category: str
    meterai: bool
    scan: str


@dataclass(frozen=True)
class Anomaly:
    kind: str
    participant: str
    date: datetime.date
    amount: Decimal
    detail: str


@dataclass
class ProgramYear:
    seed: int
    year: int
    as_of: datetime.date
    funders: list[Funder]
    companions: list[Companion]
    cohorts: list[Cohort]
    people: list[Person] = field(default_factory=list)
    plans: list[PlanLine] = field(default_factory=list)
    disbursements: list[Disbursement] = field(default_factory=list)
    bank_lines: list[BankLine] = field(default_factory=list)
    purchases: list[Purchase] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)
    visits: list[Any] = field(default_factory=list)  # progress visits (scripts/sim/visits.py)

    def person(self, code: str) -> Person:
        return next(p for p in self.people if p.code == code)

    def lines_of(self, code: str) -> list[BankLine]:
        return [line for line in self.bank_lines if line.participant == code]

    def anomaly_set(self) -> set[tuple[str, str]]:
        return {(a.kind, a.participant) for a in self.anomalies}


FUNDERS = [
    Funder("Kemensos", "Kementerian Sosial RI", "ministry", "KEMENSOS"),
    Funder("DinsosSumsel", "Dinas Sosial Provinsi Sumatera Selatan", "provincial", "DINSOS SUMSEL"),
    Funder("CsrBankSumsel", "CSR PT Bank Sumsel Babel", "csr", "CSR BSB"),
]
COMPANIONS = [Companion(f"C{i:02d}", f"Pendamping {i:02d}") for i in range(1, 6)]
COHORTS = [
    Cohort("2026-A", "Angkatan I 2026", datetime.date(YEAR, 1, 12)),
    Cohort("2026-B", "Angkatan II 2026", datetime.date(YEAR, 3, 2)),
    Cohort("2026-C", "Angkatan III 2026", datetime.date(YEAR, 5, 4)),
]
GROUPS = ("Tata Boga", "Usaha Dagang", "Salon")

_FIRST = (
    "Sari Wulan Dewi Rina Yuni Lestari Ratna Fitri Nur Siti Ani Tuti Mega Intan Putri Ayu "
    "Indah Eka Rahma Winda Desi Novi Maya Lina Rosa Wati Yanti Endang Sri Umi"
).split()
_LAST = (
    "Handayani Rahayu Susanti Wahyuni Kartika Puspita Anggraini Maharani Safitri Pratiwi "
    "Kusuma Permata Melati Oktaviani Marlina Yulianti Hasanah Fitriani Agustina Novitasari"
).split()
_STREETS = ("Jl. Kenanga", "Jl. Merdeka", "Jl. Sudirman", "Lr. Mawar", "Jl. Angkatan 45", "Lr. Cempaka")

# group -> plan items: (description, category, unit, unit price range)
ITEMS: dict[str, list[tuple[str, str, str, int, int]]] = {
    "Tata Boga": [
        ("Kompor gas dua tungku", "Peralatan", "unit", 450_000, 750_000),
        ("Tabung gas 3 kg", "Peralatan", "tabung", 180_000, 230_000),
        ("Etalase kaca", "Peralatan", "unit", 900_000, 1_400_000),
        ("Panci dan wajan", "Peralatan", "set", 250_000, 400_000),
        ("Tepung terigu", "Bahan Baku", "karung", 180_000, 240_000),
        ("Minyak goreng", "Bahan Baku", "jeriken", 300_000, 380_000),
        ("Gula pasir", "Bahan Baku", "karung", 600_000, 700_000),
    ],
    "Usaha Dagang": [
        ("Rak dagangan", "Peralatan", "unit", 500_000, 900_000),
        ("Timbangan digital", "Peralatan", "unit", 250_000, 400_000),
        ("Beras", "Barang Dagangan", "karung", 600_000, 750_000),
        ("Minyak goreng kemasan", "Barang Dagangan", "dus", 180_000, 220_000),
        ("Mi instan", "Barang Dagangan", "dus", 100_000, 120_000),
        ("Sabun dan deterjen", "Barang Dagangan", "dus", 150_000, 250_000),
    ],
    "Salon": [
        ("Kursi salon hidrolik", "Peralatan", "unit", 1_200_000, 1_800_000),
        ("Hair dryer", "Peralatan", "unit", 250_000, 450_000),
        ("Cermin besar", "Peralatan", "unit", 300_000, 500_000),
        ("Catok rambut", "Peralatan", "unit", 200_000, 350_000),
        ("Shampo dan kondisioner", "Bahan Habis Pakai", "botol", 40_000, 70_000),
        ("Cat rambut", "Bahan Habis Pakai", "kotak", 30_000, 60_000),
    ],
}
SHOPS = (
    "Toko Sumber Rejeki",
    "UD Maju Jaya",
    "Toko Berkah",
    "Toko Elektronik Sinar",
    "Pasar 16 Ilir Kios 12",
    "Toko Abadi",
    "CV Mitra Usaha",
    "Toko Cahaya Baru",
)
CAPITAL = (D(3_000_000), D(3_500_000), D(4_000_000), D(4_500_000), D(5_050_000))


def _day(rng: random.Random, start: datetime.date, low: int, high: int) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(low, high))


def _month_ends(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    days = []
    month = datetime.date(start.year, start.month, 1)
    while month <= end:
        nxt = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        last = nxt - datetime.timedelta(days=1)
        if start <= last <= end:
            days.append(last)
        month = nxt
    return days


def _round_thousand(value: Decimal) -> Decimal:
    return (value / 1000).quantize(D(1), ROUND_DOWN) * 1000


@dataclass
class _Book:
    """A participant's savings book as it is being written: lines with running balance."""

    person: Person
    events: list[tuple[datetime.date, int, str, str, Decimal, str, str]] = field(default_factory=list)

    def add(
        self, date: datetime.date, code: str, desc: str, signed: Decimal, kind: str, funder: str = ""
    ) -> None:
        # the int orders same-day lines: credits before debits, fees last
        order = {
            "own-deposit": 0,
            "aid-credit": 1,
            "unknown": 2,
            "withdrawal": 3,
            "interest": 4,
            "tax": 5,
            "admin-fee": 6,
        }[kind]
        self.events.append((date, order, code, desc, signed, kind, funder))


def simulate(participants: int = 150, seed: int = YEAR, as_of: datetime.date | None = None) -> ProgramYear:
    """A program year of `participants` people; the same seed gives the same year."""
    rng = random.Random(seed)
    as_of = as_of or datetime.date(YEAR, 12, 31)
    year = ProgramYear(seed, YEAR, as_of, list(FUNDERS), list(COMPANIONS), list(COHORTS))
    planted = {}
    codes = [f"P{i:04d}" for i in range(1, participants + 1)]
    # spread anomalies over people, two per kind when there are enough people, never two on one
    candidates = codes[:]
    rng.shuffle(candidates)
    per_kind = 2 if participants >= 4 * len(ANOMALY_KINDS) else 1
    for index, code in enumerate(candidates[: per_kind * len(ANOMALY_KINDS)]):
        planted[code] = ANOMALY_KINDS[index % len(ANOMALY_KINDS)]
    receipt_pool: list[Purchase] = []
    # clean people first, so a planted duplicate receipt always has an original to copy
    for code in sorted(codes, key=lambda c: (c in planted, c)):
        _simulate_person(rng, year, code, planted.get(code), receipt_pool)
    year.people.sort(key=lambda p: p.code)
    year.bank_lines.sort(key=lambda line: (line.participant, line.date))
    year.purchases.sort(key=lambda p: (p.participant, p.date, p.receipt_no))
    from scripts.sim.visits import simulate_visits  # its own random stream: the rest is unchanged

    year.visits = simulate_visits(year)
    return year


def _person(rng: random.Random, code: str, index: int) -> Person:
    cohort = COHORTS[index % len(COHORTS)]
    product = PRODUCTS[rng.randrange(len(PRODUCTS))]
    digits = {"BRI": 15, "BNI": 10, "Mandiri": 13}.get(product.bank, 12)
    account = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))
    return Person(
        code=code,
        name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
        nik="1671" + "".join(str(rng.randint(0, 9)) for _ in range(12)),
        address=f"{rng.choice(_STREETS)} No. {rng.randint(1, 120)}, Palembang",
        phone="08" + "".join(str(rng.randint(0, 9)) for _ in range(10)),
        account_number=account,
        group=GROUPS[rng.randrange(len(GROUPS))],
        cohort=cohort.code,
        companion=COMPANIONS[rng.randrange(len(COMPANIONS))].code,
        funder=FUNDERS[rng.randrange(len(FUNDERS))].code,
        bank=product.bank,
        product=product.product,
        layout=product.layout,
        joined=_day(rng, cohort.start, -7, 0),
        min_balance=product.min_balance,
    )


def _plan(
    rng: random.Random, person: Person, total: Decimal, approved: datetime.date, big_line: bool
) -> list[PlanLine]:
    """Plan lines whose amounts add up to `total` exactly; the last line takes the rest."""
    items = ITEMS[person.group][:]
    rng.shuffle(items)
    count = 1 if big_line else rng.randint(3, min(5, len(items)))
    lines = []
    left = total
    for no, (desc, category, unit, low, high) in enumerate(items[:count], start=1):
        if no == count:
            amount = left
            volume = D(1)
            price = amount
        else:
            price = D(rng.randint(low // 1000, high // 1000) * 1000)
            volume = D(rng.randint(1, 2))
            amount = price * volume
            if amount > left - 200_000 * (count - no):
                volume, amount = D(1), price
            if amount > left - 200_000 * (count - no):
                # the rest must stay positive: cap the line, leaving 200,000 per line still to come
                price = amount = _round_thousand((left - 200_000 * (count - no)) / 2)
        left -= amount
        lines.append(
            PlanLine(person.code, no, desc, category, volume, unit, price, amount, person.companion, approved)
        )
    return lines


def _simulate_person(
    rng: random.Random, year: ProgramYear, code: str, anomaly: str | None, receipt_pool: list[Purchase]
) -> None:
    """One participant's year: her opening deposit, her aid, her plan and what she bought, the
    bank's monthly charges, then her book's lines; with her planted anomaly if any."""
    person = _person(rng, code, int(code[1:]))
    year.people.append(person)
    book = _Book(person)
    funder = next(f for f in FUNDERS if f.code == person.funder)
    cohort = next(c for c in COHORTS if c.code == person.cohort)

    def plant(kind: str, date: datetime.date, amount: Decimal, detail: str) -> None:
        year.anomalies.append(Anomaly(kind, code, date, amount, detail))

    opened = _day(rng, person.joined, 2, 6)
    opening_deposit = person.min_balance + D(150_000)
    book.add(opened, "SETOR", "SETORAN AWAL TUNAI", opening_deposit, "own-deposit")

    capital, credited_total, credit_day = _credit_aid(rng, year, book, funder, cohort, anomaly, plant)
    _plant_odd_credits(rng, book, funder, credit_day, anomaly, plant)

    if credited_total > 0 and anomaly != "disbursement-not-credited":
        _spend(
            rng,
            year,
            person,
            book,
            capital if anomaly != "disbursement-amount-mismatch" else capital - D(50_000),
            credited_total,
            credit_day,
            anomaly,
            plant,
            receipt_pool,
        )
    _bank_charges(person, book, opened, year.as_of)
    _write_lines(rng, year, book)


def _credit_aid(
    rng: random.Random,
    year: ProgramYear,
    book: _Book,
    funder: Funder,
    cohort: Cohort,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
) -> tuple[Decimal, Decimal, datetime.date]:
    """Her lines in the funder's disbursement list (the capital, sometimes living costs and
    transport) and their credits in her book, as her anomaly bends them: (capital, total
    credited, day of the credit)."""
    batch = f"{funder.code}-{cohort.code}"
    listed = cohort.start + datetime.timedelta(days=35)
    capital = CAPITAL[rng.randrange(len(CAPITAL))] if anomaly != "missing-meterai" else D(5_050_000)
    components = [("modal usaha", capital)]
    simple = anomaly in ("missing-meterai", *DISBURSEMENT_ANOMALIES)
    if rng.random() < 0.3 and not simple:
        components.append(("biaya hidup", D(rng.choice((600_000, 1_200_000, 2_400_000)))))
    if rng.random() < 0.3 and not simple:
        components.append(("transport", D(rng.choice((150_000, 300_000)))))
    credited_total = D(0)
    credit_day = _day(rng, listed, 1, 4)
    for component, amount in components:
        year.disbursements.append(
            Disbursement(book.person.code, funder.code, component, amount, listed, batch)
        )
        credited = amount
        if component == "modal usaha" and anomaly == "duplicate-disbursement":
            year.disbursements.append(
                Disbursement(book.person.code, funder.code, component, amount, listed, batch)
            )
            plant(anomaly, listed, amount, f"{component} listed twice in batch {batch}")
        if component == "modal usaha" and anomaly == "disbursement-not-credited":
            plant(anomaly, listed, amount, f"{component} of batch {batch} never reached the book")
            continue
        if component == "modal usaha" and anomaly == "disbursement-amount-mismatch":
            credited = amount - D(50_000)
            plant(
                anomaly, credit_day, amount - credited, f"credited {credited} of {amount} listed (potongan)"
            )
        code_word = "TRF" if rng.random() < 0.7 else "SETOR"
        desc = f"TRF BANTUAN {funder.keyword} {component.upper()}" if code_word == "TRF" else "SETORAN TUNAI"
        book.add(credit_day, code_word, desc, credited, "aid-credit", funder.code)
        credited_total += credited
    return capital, credited_total, credit_day


def _plant_odd_credits(
    rng: random.Random,
    book: _Book,
    funder: Funder,
    credit_day: datetime.date,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
) -> None:
    """The book lines of two planted anomalies: an aid credit no list explains, a line the
    rule table does not know."""
    if anomaly == "credit-without-disbursement":
        extra_day = _day(rng, credit_day, 20, 40)
        book.add(
            extra_day, "TRF", f"TRF BANTUAN {funder.keyword} SUSULAN", D(500_000), "aid-credit", funder.code
        )
        plant(anomaly, extra_day, D(500_000), "an aid credit no disbursement list explains")
    if anomaly == "unclassified-bank-line":
        odd_day = _day(rng, credit_day, 40, 80)
        book.add(odd_day, "KOR", "KOREKSI SISTEM", D(12_345), "unknown")
        plant(anomaly, odd_day, D(12_345), "a bank line the rule table does not know (KOR)")


def _spend(
    rng: random.Random,
    year: ProgramYear,
    person: Person,
    book: _Book,
    capital: Decimal,
    credited_total: Decimal,
    credit_day: datetime.date,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
    receipt_pool: list[Purchase],
) -> None:
    """Plan, withdrawal and purchases of one participant, with her planted anomaly if any."""
    approved, lines, overspend, unplanned, uncovered = _approve_plan(
        rng, year, person, capital, credit_day, anomaly, plant
    )
    withdraw_day, skipped_line = _withdraw(rng, book, capital, approved, lines, uncovered, anomaly, plant)
    shopping = _Shopping(rng, year, person.code)
    first_buy = (
        withdraw_day if anomaly != "purchase-before-approval" else approved - datetime.timedelta(days=2)
    )
    for index, line in enumerate(lines):
        if line is skipped_line:
            continue
        date = _day(rng, first_buy, 0, 12)
        if anomaly == "purchase-before-approval" and index == 0:
            date = first_buy
            plant(anomaly, date, line.amount, f"plan line {line.no} bought before its approval on {approved}")
        elif anomaly == "purchase-before-approval":
            date = _day(rng, approved, 0, 10)
        amount = line.amount + (overspend if index == 0 else D(0))
        _buy_plan_line(rng, shopping, line, index, amount, date, anomaly, plant, receipt_pool)
    if anomaly == "unplanned-purchase":
        date = _day(rng, withdraw_day, 3, 10)
        shopping.buy(None, unplanned, date, desc="Gerobak dorong")
        plant(anomaly, date, unplanned, "a purchase that names no plan line")


def _approve_plan(
    rng: random.Random,
    year: ProgramYear,
    person: Person,
    capital: Decimal,
    credit_day: datetime.date,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
) -> tuple[datetime.date, list[PlanLine], Decimal, Decimal, Decimal]:
    """The plan approved a few days after the credit, for the capital less what an anomaly keeps
    out of it: (approval day, plan lines, overspend of line 1, unplanned purchase, withdrawal
    never receipted)."""
    approved = _day(rng, credit_day, 2, 7)
    if anomaly == "purchase-before-approval":
        approved = _day(rng, credit_day, 10, 14)
    plan_total = capital
    unplanned = D(0)
    if anomaly == "unplanned-purchase":
        unplanned = _round_thousand(capital * D("0.15"))
        plan_total = capital - unplanned
    uncovered = D(0)
    if anomaly == "unreceipted-withdrawal":
        uncovered = _round_thousand(capital * D("0.2"))
        plan_total = capital - uncovered
    lines = _plan(rng, person, plan_total, approved, anomaly == "missing-meterai")
    overspend = D(0)
    if anomaly == "overspent-plan-line":
        # the plan is smaller than the capital by a quarter of line 1; line 1 takes it all
        overspend = _round_thousand(lines[0].amount * D("0.25"))
        lines = _plan(rng, person, plan_total - overspend, approved, False)
        while overspend <= lines[0].amount * D("0.11"):
            overspend += D(50_000)
            lines = _plan(rng, person, plan_total - overspend, approved, False)
        plant(anomaly, approved, overspend, f"plan line 1 overspent by {overspend}")
    year.plans.extend(lines)
    return approved, lines, overspend, unplanned, uncovered


def _withdraw(
    rng: random.Random,
    book: _Book,
    capital: Decimal,
    approved: datetime.date,
    lines: list[PlanLine],
    uncovered: Decimal,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
) -> tuple[datetime.date, PlanLine | None]:
    """The capital withdrawn in cash after the approval (before it, or short of a plan line
    never bought, when that is her anomaly): (withdrawal day, the plan line left unbought)."""
    withdraw_day = _day(rng, approved, 1, 5)
    if anomaly == "purchase-before-approval":
        withdraw_day = approved - datetime.timedelta(days=6)
    withdrawn = capital
    skipped_line = None
    if anomaly == "unrealised-plan-line" and len(lines) > 1:
        skipped_line = lines[-1]
        withdrawn = capital - skipped_line.amount
        plant(anomaly, withdraw_day, skipped_line.amount, f"plan line {skipped_line.no} never bought")
    elif anomaly == "unrealised-plan-line":
        skipped_line = None
    book.add(withdraw_day, "TARIK", "PENARIKAN TUNAI TELLER", -withdrawn, "withdrawal")
    if anomaly == "unreceipted-withdrawal":
        plant(anomaly, withdraw_day, uncovered, f"{uncovered} withdrawn and never receipted")
    return withdraw_day, skipped_line


@dataclass
class _Shopping:
    """One participant's purchases as they are receipted, numbered NT-<code>-01, -02, ..."""

    rng: random.Random
    year: ProgramYear
    code: str
    seq: int = 0

    def buy(
        self,
        line: PlanLine | None,
        amount: Decimal,
        date: datetime.date,
        *,
        category: str | None = None,
        desc: str | None = None,
        volume: Decimal = ONE,
        unit: str = "paket",
        meterai: bool | None = None,
        shop: str | None = None,
        receipt_no: str | None = None,
    ) -> Purchase:
        code = self.code
        self.seq += 1
        seq = self.seq
        shop = shop or self.rng.choice(SHOPS)
        receipt_no = receipt_no or f"NT-{code}-{seq:02d}"
        purchase = Purchase(
            participant=code,
            date=date,
            receipt_no=receipt_no,
            shop=shop,
            description=desc or (line.description if line else "Barang tambahan"),
            volume=volume,
            unit=unit,
            unit_price=(amount / volume),
            amount=amount,
            plan_line=line.no if line else None,
            category=category or (line.category if line else "Lain-lain"),
            meterai=amount > 5_000_000 if meterai is None else meterai,
            scan=f"nota/{code}-{seq:02d}.jpg",
        )
        self.year.purchases.append(purchase)
        return purchase


def _buy_plan_line(
    rng: random.Random,
    shopping: _Shopping,
    line: PlanLine,
    index: int,
    amount: Decimal,
    date: datetime.date,
    anomaly: str | None,
    plant: Callable[[str, datetime.date, Decimal, str], None],
    receipt_pool: list[Purchase],
) -> None:
    """The receipts of one plan line (the `index`th): as planned, in two parts for some large
    lines, or as her anomaly has it (no meterai, another category, a receipt used again). The
    first clean receipt of the year goes to `receipt_pool`, the original a duplicate copies."""
    if anomaly == "missing-meterai":
        shopping.buy(line, amount, date, volume=line.volume, unit=line.unit, meterai=False)
        plant(anomaly, date, amount, "receipt above Rp 5.000.000 without meterai")
        return
    if anomaly == "category-mismatch" and index == 0:
        other = "Lain-lain" if line.category != "Lain-lain" else "Peralatan"
        shopping.buy(line, amount, date, category=other, volume=line.volume, unit=line.unit)
        plant(anomaly, date, amount, f"plan line {line.no} is {line.category}, bought as {other}")
        return
    if anomaly == "duplicate-receipt" and index == 0 and receipt_pool:
        original = receipt_pool[0]
        later = max(date, original.date + datetime.timedelta(days=1))
        shopping.buy(
            line,
            amount,
            later,
            volume=line.volume,
            unit=line.unit,
            shop=original.shop,
            receipt_no=original.receipt_no,
        )
        plant(anomaly, later, amount, f"receipt {original.receipt_no} of {original.shop} used again")
        return
    if amount >= 1_000_000 and rng.random() < 0.4:
        first = _round_thousand(amount * D("0.6"))
        shopping.buy(line, first, date)
        shopping.buy(line, amount - first, _day(rng, date, 1, 6))
    else:
        purchase = shopping.buy(line, amount, date, volume=line.volume, unit=line.unit)
        if not receipt_pool and anomaly is None:
            receipt_pool.append(purchase)


def _bank_charges(person: Person, book: _Book, opened: datetime.date, as_of: datetime.date) -> None:
    """Monthly admin fee, interest and tax: computed after the movements, on the running balance."""
    product = next(p for p in PRODUCTS if p.product == person.product)
    for month_end in _month_ends(opened, as_of):
        fee_day = month_end if product.fee_day == 0 else month_end.replace(day=product.fee_day)
        if product.admin_fee and opened < fee_day <= as_of:
            book.add(fee_day, "ADM", "BIAYA ADMINISTRASI", -product.admin_fee, "admin-fee")
        if product.annual_rate:
            book.add(month_end, "BUNGA", "BUNGA TABUNGAN", D(0), "interest")  # amount set when written


def _write_lines(rng: random.Random, year: ProgramYear, book: _Book) -> None:
    """The book's events in printed order as bank lines with their running balance."""
    person = book.person
    product = next(p for p in PRODUCTS if p.product == person.product)
    printer = _Printer(year, person.code)
    for date, _order, code, desc, signed, kind, funder in sorted(book.events, key=lambda e: (e[0], e[1])):
        if kind == "interest":
            printer.interest(date, code, desc, product.annual_rate)
        else:
            printer.post(date, code, desc, signed, kind, funder)


@dataclass
class _Printer:
    """Prints one participant's bank lines: the running balance, each line's reference."""

    year: ProgramYear
    participant: str
    balance: Decimal = field(default_factory=lambda: D(0))
    seq: int = 0

    def post(
        self, date: datetime.date, code: str, desc: str, signed: Decimal, kind: str, funder: str = ""
    ) -> None:
        """A line moving the balance by `signed`: a debit when negative."""
        self.balance += signed
        self.seq += 1
        debit, credit = (-signed, D(0)) if signed < 0 else (D(0), signed)
        ref = f"{self.participant[1:]}{date:%m%d}{self.seq:03d}"
        self.year.bank_lines.append(
            BankLine(self.participant, date, code, desc, debit, credit, self.balance, kind, ref, funder)
        )

    def interest(self, date: datetime.date, code: str, desc: str, annual_rate: Decimal) -> None:
        """The month's interest on the balance of its day (none when it rounds to nothing), and
        the 20% tax on it when the balance is above Rp 7.500.000."""
        gross = (self.balance * annual_rate / 12).quantize(D(1), ROUND_DOWN)
        if gross <= 0:
            return
        self.post(date, code, desc, gross, "interest")
        if self.balance > 7_500_000:
            tax = (gross * D("0.2")).quantize(D(1), ROUND_DOWN)
            if tax > 0:
                self.post(date, "PAJAK", "PAJAK BUNGA", -tax, "tax")


def without_anomalies(year: ProgramYear) -> ProgramYear:
    """A copy whose anomaly list is empty: for tests that plant their own."""
    return replace(year, anomalies=[])
