"""The rule registry (ledger/reconcile/registry.py): written out, exactly the finding kinds, and
untouched by importing rule modules (nothing registers itself)."""

from __future__ import annotations

import ast
import datetime
import inspect
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from ledger import records
from ledger.findings import KINDS
from ledger.reconcile import Settings, batch_summaries, build_facts, facts_for, run
from ledger.reconcile.batches import NOT_CREDITED
from ledger.reconcile.registry import RULES
from ledger.reconcile.runner import run_rules
from tests.test_reconcile_engine import simulated_entries

ROOT = Path(__file__).resolve().parent.parent
RULE_MODULES = ("plans", "disbursements", "bank", "progress")
SNAPSHOT = (
    "from ledger.reconcile.registry import RULES; import json; "
    "print(json.dumps([[k, f.__module__, f.__qualname__] for k, f in RULES.items()]))"
)


def test_the_registry_is_exactly_the_finding_kinds_in_their_order() -> None:
    # every kind of ledger.findings.KINDS is found by a rule (none comes from elsewhere)
    assert list(RULES) == list(KINDS)


def test_every_rule_is_a_plain_function_of_a_rule_module() -> None:
    for kind, rule in RULES.items():
        assert isinstance(rule, types.FunctionType), kind
        module = rule.__module__.rsplit(".", 1)
        assert module[0] == "ledger.reconcile" and module[1] in RULE_MODULES, (kind, rule.__module__)
        assert list(inspect.signature(rule).parameters) == ["facts", "program", "settings"], kind
        source = ast.parse(inspect.getsource(rule))
        function = source.body[0]
        assert isinstance(function, ast.FunctionDef) and not function.decorator_list, kind


def test_the_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        RULES["unplanned-purchase"] = RULES["missing-meterai"]  # type: ignore[index]


def _snapshot(first: str | None) -> list[list[str]]:
    code = (f"import {first}; " if first else "") + SNAPSHOT
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("module", RULE_MODULES)
def test_importing_a_rule_module_alone_leaves_the_registry_as_written(module: str) -> None:
    written = [[kind, rule.__module__, rule.__qualname__] for kind, rule in RULES.items()]
    assert _snapshot(f"ledger.reconcile.{module}") == written


def test_the_run_refuses_facts_read_under_other_settings() -> None:
    entries, year = simulated_entries(10, 5)
    program = records.read_program(entries)
    settings = Settings(as_of=year.as_of)
    assert run_rules(facts_for(entries, program, settings), program, settings) is not None
    wider = Settings(as_of=year.as_of, credit_days_after=60)
    with pytest.raises(ValueError, match="credit window"):
        run_rules(facts_for(entries, program, settings), program, wider)
    with pytest.raises(ValueError, match="another day"):
        run_rules(build_facts(entries, datetime.date(2026, 1, 1)), program, settings)


def test_the_batch_page_and_the_findings_read_one_matching() -> None:
    """A row the disbursements page shows "not credited" is one a finding reports, and back."""
    entries, year = simulated_entries(60, 11)
    program = records.read_program(entries)
    settings = Settings(as_of=year.as_of)
    result = run(entries, program, settings)
    assert result.facts.matching is result.facts.matching  # derived once per run
    shown = {
        status.row.location
        for batch in batch_summaries(result.facts, settings)
        for status in batch.rows
        if status.status == NOT_CREDITED
    }
    reported = {f.locations[0] for f in result.findings if f.kind == "disbursement-not-credited"}
    assert shown == reported and reported
