"""Where Python's collector is paused: the rules plugin, aidledger's own load, or nowhere.

The plugin runs inside every load of the books, also `bean-check`'s and Fava's; aidledger's own
load (ledger.books.load) pauses the collector around the whole of Beancount's load. For each
size, one books folder is built and timed, cold (no pickle cache), as the median CPU time
(user + system) of --repeat interleaved rounds:
  bean-check, plugin pauses      the plugin pausing the collector around its rules
  bean-check, no pause           the collector left as the process has it
  aidledger check, load paused   ledger.books.load pausing it around the whole load
  aidledger check, no pause      no pause anywhere
Usage: python -m bench.bench_gcpause [--sizes 10000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench.bench_check import cpu_seconds
from bench.books import build_books, count_transactions, participants_for

# the command's own main, run after optionally making ledger.gcpause.paused a no-op
RUNNER = """
import contextlib, sys
mode, entry = sys.argv[1], sys.argv[2]
sys.argv = sys.argv[2:]
import ledger.gcpause, ledger.plugin
if mode == "plugin-paused":  # the rules plugin pauses the collector around its own run
    paused, check = ledger.gcpause.paused, ledger.plugin.check_books
    def check_paused(*args, **kwargs):
        with paused():
            return check(*args, **kwargs)
    ledger.plugin.check_books = check_paused
if mode in ("plugin-paused", "off"):  # and nothing else pauses it
    ledger.gcpause.paused = contextlib.nullcontext
if entry == "bean-check":
    from beancount.scripts.check import main
else:
    from scripts.cli import main
sys.exit(main())
"""

VARIANTS = {
    "bean-check, plugin pauses": ("plugin-paused", "bean-check"),
    "bean-check, no pause": ("off", "bean-check"),
    "aidledger check, load paused": ("as-is", "aidledger"),
    "aidledger check, no pause": ("off", "aidledger"),
}


def measure(transactions: int, repeat: int, workdir: Path) -> dict[str, float]:
    participants = participants_for(transactions)
    paths, _ = build_books(workdir / f"books-{transactions}", participants)
    runs: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(repeat):
        for name, (mode, entry) in VARIANTS.items():
            args = [str(paths.main)] if entry == "bean-check" else ["check", "--books", str(paths.root)]
            runs[name].append(cpu_seconds([sys.executable, "-c", RUNNER, mode, entry, *args]))
    medians = {name: statistics.median(values) for name, values in runs.items()}
    return {"transactions": count_transactions(paths), "participants": participants, **medians}


def table(rows: list[dict[str, float]]) -> str:
    names = list(VARIANTS)
    lines = [
        "| transactions | participants | " + " | ".join(f"{n} (CPU s)" for n in names) + " |",
        "|---:|---:|" + "---:|" * len(names),
    ]
    for r in rows:
        cells = " | ".join(f"{r[n]:.2f}" for n in names)
        lines.append(f"| {int(r['transactions']):,} | {int(r['participants']):,} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000", help="transaction counts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aidledger-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(measure(size, args.repeat if size <= 20000 else 1, Path(tmp)))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(table(rows))


if __name__ == "__main__":
    main()
