"""Time to write the templates of a whole program (`aidledger template KIND --books B`).

    .venv/bin/python -m bench.bench_templates [--participants 150] [--repeat 3]

CPU time of the command run in this process (load the books, gather codes and choices, write
the workbook), median of --repeat rounds; wall time and file size beside it. The books are
bench/books.py's: the simulator's program records, participants and lists.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from bench.books import build_books
from scripts.cli import main

CASES = (
    ("plan", ()),  # one sheet per participant
    ("receipts", ("--list",)),  # one list, No RAB through INDIRECT
    ("progress", ()),
    ("disbursements", ()),
)


def run(root: Path, kind: str, options: tuple[str, ...], out: Path) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = CliRunner().invoke(main, ["template", kind, "--books", str(root), "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return time.process_time() - cpu, time.perf_counter() - wall


def main_bench() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths, _year = build_books(Path(tmp) / "books", args.participants)
        print(f"| template ({args.participants} participants) | CPU | wall | size |")
        print("|---|---|---|---|")
        for kind, options in CASES:
            out = Path(tmp) / f"{kind}.xlsx"
            rounds = [run(paths.root, kind, options, out) for _ in range(args.repeat)]
            cpu = statistics.median(r[0] for r in rounds)
            wall = statistics.median(r[1] for r in rounds)
            label = " ".join((kind, *options))
            print(f"| {label} | {cpu:.2f} s | {wall:.2f} s | {out.stat().st_size // 1024} KiB |")


if __name__ == "__main__":
    main_bench()
