"""Time to write the aid cards of 500 participants (one PDF each), on simulated books.

    .venv/bin/python -m bench.bench_cards [--participants 500] [--repeat 3] [--write docs/benchmarks.md]

Measured in one process as CPU time (steadier than wall time on a shared 2-core machine),
median of --repeat rounds: loading the books, gathering the
figures (one engine run, ledger.funds), and writing every card (reports.run.cards), which is
what `aidledger report card` does after its argument checks; and once the command itself, end
to end (process start, imports, load, figures, cards), as the child's CPU time.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.books import build_books, count_transactions
from bench.sections import replace_section
from ledger import books
from reports import figures, run
from reports.pdf.fmt import Fmt

SECTION = "## Reports"


def measure(participants: int, repeat: int, workdir: Path) -> dict[str, float]:
    paths, _ = build_books(workdir / "books", participants)
    transactions = count_transactions(paths)
    load, gather, cards, pages = [], [], [], 0
    for round_no in range(repeat):
        t0 = time.process_time()
        loaded = books.load(paths)
        t1 = time.process_time()
        fig = figures.gather(loaded, lang="id")
        t2 = time.process_time()
        written = run.cards(fig, Fmt("id"), workdir / f"cards-{round_no}")
        t3 = time.process_time()
        load.append(t1 - t0)
        gather.append(t2 - t1)
        cards.append(t3 - t2)
        pages = sum(p for _, p in written)
        assert len(written) == participants
    command = [str(Path(sys.executable).with_name("aidledger")), "report", "card", "--books", str(paths.root)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([*command, "--out", str(workdir / "cli")], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "participants": participants,
        "transactions": transactions,
        "pages": pages,
        "load": statistics.median(load),
        "gather": statistics.median(gather),
        "cards": statistics.median(cards),
        "cli": cli,
    }


def section(r: dict[str, float]) -> str:
    per_card = r["cards"] / r["participants"] * 1000
    return "\n".join(
        [
            SECTION,
            "",
            "`python -m bench.bench_cards`: the aid cards of every participant of simulated books, "
            "one PDF each (reportlab), in one process; CPU time, median of 3 rounds, on the "
            "2-core machine (load averages of 4-5 from parallel work: CPU time, not wall time); "
            "the last column is the whole command's CPU time, once.",
            "",
            "| participants | transactions | card pages | load books (Beancount cache) "
            "| gather figures (engine + funds) "
            "| write all cards | per card | `aidledger report card`, end to end (1 run) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {int(r['participants']):,} | {int(r['transactions']):,} | {int(r['pages']):,} "
            f"| {r['load']:.2f} s | {r['gather']:.2f} s | {r['cards']:.1f} s | {per_card:.0f} ms "
            f"| {r['cli']:.1f} s |",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, default=None, help="update this markdown file's section")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aidledger-bench-") as tmp:
        result = measure(args.participants, args.repeat, Path(tmp))
    print(result, file=sys.stderr)
    text = section(result)
    print(text)
    if args.write:
        replace_section(args.write, SECTION, text)


if __name__ == "__main__":
    main()
