"""The rules plugin's cost: `bean-check` without it, with it, and aidledger's own load.

For each size, one books folder is built and timed three ways in one run, cold (no pickle
cache), as the median of --repeat runs:
  stock   `bean-check` on a copy of main.beancount without our plugin line
  plugin  `bean-check` on main.beancount (stock balance check + ledger.plugin)
  ours    `aidledger check` (ledger.plugin + ledger.fastbalance, GC paused)
Ratios are against `stock`. Usage: python -m bench.bench_check [--sizes 10000,100000] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.books import build_books, count_transactions, participants_for

BIN = Path(sys.executable).parent


def timed(command: list[str], repeat: int) -> float:
    env = {**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"}
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env)
        runs.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{command} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return statistics.median(runs)


def measure(transactions: int, participants: int, repeat: int, workdir: Path) -> dict[str, float]:
    paths, _ = build_books(workdir / f"books-{transactions}-{participants}", participants)
    actual = count_transactions(paths)
    main = paths.main.read_text()
    stock_main = paths.root / "stock.beancount"
    stock_main.write_text("\n".join(line for line in main.splitlines() if not line.startswith("plugin ")))
    stock = timed([str(BIN / "bean-check"), str(stock_main)], repeat)
    plugin = timed([str(BIN / "bean-check"), str(paths.main)], repeat)
    ours = timed([str(BIN / "aidledger"), "check", "--books", str(paths.root)], repeat)
    return {
        "transactions": actual,
        "participants": participants,
        "stock": stock,
        "plugin": plugin,
        "ours": ours,
    }


def table(rows: list[dict[str, float]]) -> str:
    lines = [
        "| transactions | participants | bean-check, no plugin (s) | bean-check + plugin (s) | ratio "
        "| aidledger check (s) | ratio |",
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
