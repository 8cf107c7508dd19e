"""Shared fixtures: every test runs with its own config home, so no key lands in the real one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the property tests on a fixed set of examples (a clean clone has no example database),
# so that a red run always means a change broke something; developers' runs keep exploring.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

# statement lines after the day of import are refused (importers.bank.dates); the simulated
# program year runs to its 31 December, the day its tests (fixtures of every scope) import as of
os.environ["AIDLEDGER_TODAY"] = "2026-12-31"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.delenv("AIDLEDGER_KEY", raising=False)
    monkeypatch.delenv("AIDLEDGER_BOOKS", raising=False)
    monkeypatch.setenv("AIDLEDGER_LANG", "en")


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Demo books of 60 participants (every anomaly kind planted), built once per session."""
    import os

    from scripts.demo import build_demo

    root = tmp_path_factory.mktemp("demo")
    old = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(root / "xdg")
    try:
        return build_demo(root / "books", participants=60, seed=7, echo=lambda _m: None)
    finally:
        if old is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = old


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """Under CI (`$CI` set) a test skipped for a missing tool fails instead: CI installs every
    tool (.ci/run), so a skip there means a test that silently stopped testing."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where every tool is installed: {reason}"
