"""Statement PDF parsing speed: lines per second per layout and variant.

Renders one statement of N lines per layout once (scripts/sim/render_statements.py), then times
parse() (median of R runs) and prints a markdown table; with --write, puts the table in
docs/benchmarks.md under "## Statement parsing" (the section is replaced, others are kept).

    .venv/bin/python bench/bench_parse_pdf.py --lines 2000 --runs 3 --write
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from importers.bank import bni, bri, mandiri  # noqa: E402
from importers.bank import pdf as pdf_helpers  # noqa: E402
from scripts.sim.render_statements import VARIANTS, render_statement  # noqa: E402
from scripts.sim.truth import BankLine, simulate  # noqa: E402

PARSERS = {"bri-pdf": bri, "bni-pdf": bni, "mandiri-pdf": mandiri}
SECTION = "## Statement parsing"


def synthetic_lines(count: int) -> list[BankLine]:
    """`count` lines over one year: deposits, withdrawals, fees; descriptions of varied length."""
    kinds = [
        ("SETOR", "SETORAN TUNAI", Decimal(0), Decimal(250_000)),
        ("TRF", "TRF BANTUAN DINSOS SUMSEL MODAL USAHA ANGKATAN II 2026", Decimal(0), Decimal(1_500_000)),
        ("TARIK", "PENARIKAN TUNAI TELLER", Decimal(700_000), Decimal(0)),
        ("ADM", "BIAYA ADMINISTRASI", Decimal(11_000), Decimal(0)),
    ]
    lines = []
    balance = Decimal(100_000)
    start = datetime.date(2026, 1, 1)
    for index in range(count):
        code, desc, debit, credit = kinds[index % len(kinds)]
        balance += credit - debit
        day = start + datetime.timedelta(days=index * 365 // count)
        lines.append(BankLine("P0001", day, code, desc, debit, credit, balance, "x", f"{index:08d}"))
    return lines


def measure(count: int, runs: int) -> list[tuple[str, str, int, int, float, float, float]]:
    person = simulate(1, 1).people[0]
    lines = synthetic_lines(count)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for layout, variants in VARIANTS.items():
            for variant in variants:
                path = Path(tmp) / f"{layout}{variant}.pdf"
                render_statement(
                    path,
                    person,
                    lines,
                    datetime.date(2026, 1, 1),
                    datetime.date(2026, 12, 31),
                    layout=layout,
                    variant=variant,
                )
                times, walls = [], []
                for _ in range(runs):
                    pdf_helpers._PAGES.clear()  # time the reading, not the in-memory cache
                    began, wall = time.process_time(), time.perf_counter()
                    statement = PARSERS[layout].parse(path)
                    times.append(time.process_time() - began)
                    walls.append(time.perf_counter() - wall)
                    assert len(statement.lines) == count
                pages = int(statement.lines[-1].location.split(":")[0][1:])
                seconds = statistics.median(times)
                results.append(
                    (
                        layout,
                        variant or "current",
                        count,
                        pages,
                        seconds,
                        statistics.median(walls),
                        count / seconds,
                    )
                )
    return results


def table(results: list[tuple[str, str, int, int, float, float, float]], runs: int) -> str:
    rows = [
        "| layout | variant | lines | pages | parse, CPU s | parse, wall s | lines/s (CPU) |",
        "|---|---|---|---|---|---|---|",
    ]
    for layout, variant, count, pages, seconds, wall, rate in results:
        rows.append(
            f"| {layout} | {variant} | {count} | {pages} | {seconds:.2f} | {wall:.2f} | {rate:,.0f} |"
        )
    note = (
        f"\nMedian of {runs} runs of `parse()` on one statement per layout, rendered once by "
        f"scripts/sim/render_statements.py; lines/s from CPU time (the wall time depends on the "
        f"machine's load: {os.getloadavg()[0]:.1f} at the end of this run, on {os.cpu_count()} cores). "
        f"pdfminer's interpretation of the page content is nearly all of it. "
        f"Python {platform.python_version()}, {platform.machine()}. "
        f"Run: `.venv/bin/python bench/bench_parse_pdf.py --lines {results[0][2]} --runs {runs} --write`.\n"
    )
    return "\n".join(rows) + "\n" + note


def write(text: str) -> Path:
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(exist_ok=True)
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    body = f"{SECTION}\n\n{text}"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(current):
        current = pattern.sub(lambda _m: body + "\n", current)
    else:
        current = current.rstrip("\n") + "\n\n" + body
    path.write_text(current.rstrip("\n") + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="put the table in docs/benchmarks.md")
    args = parser.parse_args()
    text = table(measure(args.lines, args.runs), args.runs)
    print(text)
    if args.write:
        print(f"written to {write(text)}")


if __name__ == "__main__":
    main()
