"""Packaging is honest: what the code imports at run time is declared, nothing else is, and
the benchmarks stand on their own (they import nothing from tests/).

A plain `pip install aidledger` must import every kind of file; a dependency that only `[dev]`
brings (pypdf once was) works on the developer's machine and fails on the treasurer's.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ("ledger", "importers", "reports", "scripts")
OURS = {*RUNTIME, "bench", "tests"}
# imported by a dependency rather than by our code, declared for what it brings (speed)
INDIRECT = {"rl-accel"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports(folder: Path) -> dict[str, set[Path]]:
    """Top-level module names imported anywhere under `folder` (also inside functions)."""
    found: dict[str, set[Path]] = {}
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(path.relative_to(ROOT))
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {_norm(re.split(r"[<>=!~; \[]", dep, maxsplit=1)[0]) for dep in project["dependencies"]}


def _third_party(modules: dict[str, set[Path]]) -> dict[str, set[Path]]:
    """Distribution name -> files importing it, for modules outside the standard library."""
    owners = importlib.metadata.packages_distributions()
    out: dict[str, set[Path]] = {}
    for module, files in modules.items():
        if module in OURS or module in sys.stdlib_module_names or module == "__future__":
            continue
        for dist in owners.get(module, [module]):
            out.setdefault(_norm(dist), set()).update(files)
    return out


def test_every_runtime_import_is_a_declared_dependency() -> None:
    used: dict[str, set[Path]] = {}
    for package in RUNTIME:
        for dist, files in _third_party(_imports(ROOT / package)).items():
            used.setdefault(dist, set()).update(files)
    missing = {dist: sorted(map(str, files))[:3] for dist, files in used.items() if dist not in _declared()}
    assert missing == {}, f"imported at run time but not in [project.dependencies]: {missing}"


def test_nothing_declared_that_nothing_imports() -> None:
    used = set()
    for package in RUNTIME:
        used |= set(_third_party(_imports(ROOT / package)))
    unused = _declared() - used - INDIRECT
    assert unused == set(), f"declared in [project.dependencies] but never imported: {sorted(unused)}"


def test_benchmarks_do_not_import_the_tests() -> None:
    offenders = _imports(ROOT / "bench").get("tests", set())
    assert not offenders, f"bench/ imports from tests/: {sorted(map(str, offenders))}"
