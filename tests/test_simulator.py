"""The simulator: deterministic, every anomaly kind planted once per person, clean people clean."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from scripts.sim.truth import ANOMALY_KINDS, simulate


def test_same_seed_same_year_other_seed_other_year() -> None:
    assert simulate(20, seed=5) == simulate(20, seed=5)
    assert simulate(20, seed=5).bank_lines != simulate(20, seed=6).bank_lines


def test_every_anomaly_kind_is_planted_on_its_own_participant() -> None:
    year = simulate(60, seed=11)
    kinds = Counter(a.kind for a in year.anomalies)
    assert set(kinds) == set(ANOMALY_KINDS)
    per_person = defaultdict(set)
    for anomaly in year.anomalies:
        per_person[anomaly.participant].add(anomaly.kind)
    assert all(len(k) == 1 for k in per_person.values())
    big = simulate(150, seed=11)
    assert Counter(a.kind for a in big.anomalies) == {k: 2 for k in ANOMALY_KINDS}


def test_balances_chain_and_never_go_negative() -> None:
    year = simulate(80, seed=3)
    for person in year.people:
        balance = Decimal(0)
        for line in year.lines_of(person.code):
            assert line.debit >= 0 and line.credit >= 0 and not (line.debit and line.credit)
            balance += line.credit - line.debit
            assert line.balance == balance
            assert balance >= 0
            assert line.balance == line.balance.to_integral_value()


def test_clean_participants_cover_their_withdrawals_and_realise_their_plans() -> None:
    year = simulate(80, seed=3)
    planted = {a.participant for a in year.anomalies}
    for person in year.people:
        if person.code in planted:
            continue
        withdrawn = sum(line.debit for line in year.lines_of(person.code) if line.kind == "withdrawal")
        bought = sum(p.amount for p in year.purchases if p.participant == person.code)
        assert bought == withdrawn, person.code
        plan = [line for line in year.plans if line.participant == person.code]
        purchases = [p for p in year.purchases if p.participant == person.code]
        for line in plan:
            spent = sum(p.amount for p in purchases if p.plan_line == line.no)
            assert spent == line.amount
            assert all(p.date >= line.approved_on for p in purchases if p.plan_line == line.no)
        assert all(p.plan_line is not None for p in purchases)
        listed = sum(d.amount for d in year.disbursements if d.participant == person.code)
        credited = sum(line.credit for line in year.lines_of(person.code) if line.kind == "aid-credit")
        assert listed == credited
