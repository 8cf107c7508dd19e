"""Shared fixtures: every test runs with its own config home, so no key lands in the real one."""

from __future__ import annotations

from pathlib import Path

import pytest


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
