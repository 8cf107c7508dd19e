"""Statement PDF parsing speed: lines per second per layout and variant, and for the generic
reader, with each text-with-positions library (pypdfium2, pdfminer).

Renders one statement of N lines per layout once (scripts/sim/render_statements.py; the generic
reader's a bank no layout describes, scripts/sim/statement_variants.py), then times the reading
(median of R runs) with pdfium and with pdfminer and prints a markdown table; with --write, puts
the table in docs/benchmarks.md under "## Statement parsing" (the section is replaced).

    .venv/bin/python bench/bench_parse_pdf.py --lines 2000 --runs 3 --write
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402
from importers.bank import bni, bri, mandiri, reader  # noqa: E402
from importers.bank import pdf as pdf_helpers  # noqa: E402
from scripts.sim.render_statements import VARIANTS, render_statement  # noqa: E402
from scripts.sim.statement_variants import Variant, render_variant  # noqa: E402
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


def _time(path: Path, runs: int, count: int, engine: str, parse) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    pdf_helpers.TEXT_ENGINE = engine
    times, walls = [], []
    try:
        for _ in range(runs):  # outside an import session nothing is kept: each run reads the file
            began, wall = time.process_time(), time.perf_counter()
            statement = parse(path)
            times.append(time.process_time() - began)
            walls.append(time.perf_counter() - wall)
            assert len(statement.lines) == count
    finally:
        pdf_helpers.TEXT_ENGINE = "pdfium"
    pages = int(statement.lines[-1].location.split(":")[0][1:])
    return statistics.median(times), statistics.median(walls), pages


Result = tuple[str, str, int, int, float, float, float, float]


def measure(count: int, runs: int) -> list[Result]:
    person = simulate(1, 1).people[0]
    lines = synthetic_lines(count)
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = []
        for layout, variants in VARIANTS.items():
            for variant in variants:
                path = Path(tmp) / f"{layout}{variant}.pdf"
                render_statement(path, person, lines, start, end, layout=layout, variant=variant)
                cases.append((layout, variant or "current", path, PARSERS[layout].parse))
        path = Path(tmp) / "generic.pdf"
        render_variant(
            path, Variant(bank="Lain", extra="Teller"), person, lines, start, end, Decimal(100_000)
        )
        cases.append(("pdf-generic", "generic reader", path, lambda p: reader.read(p).statement))
        for layout, variant, path, parse in cases:
            cpu, wall, pages = _time(path, runs, count, "pdfium", parse)
            old, _wall, _pages = _time(path, runs, count, "pdfminer", parse)
            results.append((layout, variant, count, pages, cpu, wall, count / cpu, count / old))
    return results


def table(results: list[Result], runs: int) -> str:
    rows = [
        "| layout | variant | lines | pages | read, CPU s | read, wall s | lines/s (CPU), pdfium "
        "| lines/s (CPU), pdfminer |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for layout, variant, count, pages, seconds, wall, rate, old in results:
        rows.append(
            f"| {layout} | {variant} | {count} | {pages} | {seconds:.2f} | {wall:.2f} "
            f"| {rate:,.0f} | {old:,.0f} |"
        )
    note = (
        f"\nMedian of {runs} runs of the reading (words and lines, heading, rows, fields, totals) of "
        f"one statement per layout, rendered once by scripts/sim/render_statements.py (the generic "
        f"reader's by scripts/sim/statement_variants.py, a bank no layout names); lines/s from CPU "
        f"time (the wall time depends on the machine's load: {os.getloadavg()[0]:.1f} at the end of "
        f"this run, on {os.cpu_count()} cores), with the characters from pypdfium2 (used) and, for "
        f"comparison, from pdfminer's layout pass (the fallback). "
        f"Python {platform.python_version()}, {platform.machine()}. "
        f"Run: `.venv/bin/python bench/bench_parse_pdf.py --lines {results[0][2]} --runs {runs} --write`.\n"
    )
    return "\n".join(rows) + "\n" + note


def write(text: str) -> Path:
    path = ROOT / "docs" / "benchmarks.md"
    replace_section(path, SECTION, f"{SECTION}\n\n{text}")
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
