"""Progress bars of the long commands: drawn on stderr when it is a terminal, absent otherwise
(pipes, logs, tests), and the items pass through either way."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from scripts import progress

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
from scripts import progress
items = list(progress.bar("kartu")(range(40)))
assert items == list(range(40))
with progress.steps("audit", 3) as step:
    for name in ("manifest", "audit ledger", "PDF"):
        step(name)
print("done")
"""


def test_without_a_terminal_nothing_is_drawn(capsys) -> None:  # type: ignore[no-untyped-def]
    assert list(progress.bar("kartu")(["a", "b", "c"])) == ["a", "b", "c"]
    with progress.steps("audit", 2) as step:
        step("manifest")
        step("PDF")
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_on_a_terminal_a_bar_is_drawn_on_stderr() -> None:
    primary, secondary = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=secondary,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=60,
            check=False,
        )
        os.close(secondary)
        secondary = -1
        drawn = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        if secondary != -1:
            os.close(secondary)
        os.close(primary)
    assert done.returncode == 0 and done.stdout.decode().strip() == "done"  # stdout stays clean
    text = drawn.decode(errors="replace")
    assert "kartu" in text and "100%" in text
    assert "audit" in text and "PDF" in text
