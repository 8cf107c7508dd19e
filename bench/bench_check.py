"""The rules plugin's cost: `bean-check` without it, with it, and aidledger's own load.

For each size, one books folder is built and timed three ways in one run, cold (no pickle
cache), as the median CPU time (user + system) of --repeat interleaved rounds:
  stock   `bean-check` on a copy of main.beancount without our plugin line
  plugin  `bean-check` on main.beancount (stock balance check + ledger.plugin)
  ours    `aidledger check` (ledger.plugin + ledger.fastbalance, GC paused)
Ratios are against `stock`. Usage: python -m bench.bench_check [--sizes 10000,100000] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.books import build_books, count_transactions, participants_for

BIN = Path(sys.executable).parent


def cpu_seconds(command: list[str]) -> float:
    """User + system CPU time of one run: steadier than wall time on a shared 2-core machine."""
    env = {**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{command} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed_together(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """Medians over `repeat` rounds; each round runs every command once, interleaved."""
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(cpu_seconds(command))
    return {name: statistics.median(values) for name, values in runs.items()}


def measure(transactions: int, participants: int, repeat: int, workdir: Path) -> dict[str, float]:
    paths, _ = build_books(workdir / f"books-{transactions}-{participants}", participants)
    actual = count_transactions(paths)
    main = paths.main.read_text()
    stock_main = paths.root / "stock.beancount"
    stock_main.write_text("\n".join(line for line in main.splitlines() if not line.startswith("plugin ")))
    times = timed_together(
        {
            "stock": [str(BIN / "bean-check"), str(stock_main)],
            "plugin": [str(BIN / "bean-check"), str(paths.main)],
            "ours": [str(BIN / "aidledger"), "check", "--books", str(paths.root)],
        },
        repeat,
    )
    return {"transactions": actual, "participants": participants, **times}


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| transactions | participants | bean-check, no plugin (CPU s) | bean-check + plugin (CPU s) "
        "| ratio | aidledger check (CPU s) | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        size = f"| {int(r['transactions']):,} | {int(r['participants']):,} "
        plugin = f"| {r['stock']:.2f} | {r['plugin']:.2f} | {r['plugin'] / r['stock']:.2f} "
        lines.append(size + plugin + f"| {r['ours']:.2f} | {r['ours'] / r['stock']:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="transaction counts")
    parser.add_argument("--participant-factor", default="1,4", help="participants scaled by these factors")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aidledger-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            for factor in (float(f) for f in args.participant_factor.split(",")):
                participants = int(participants_for(size) * factor)
                # more participants at the same size: fewer transactions each is not what the
                # simulator makes, so the size grows with them; the table says what was measured
                repeat = args.repeat if size <= 20000 else 1
                row = measure(size, participants, repeat, Path(tmp))
                rows.append(row)
                print(table([row]).splitlines()[-1], flush=True)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
