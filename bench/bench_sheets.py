"""Time to refuse large bad spreadsheets (issue 14): a participant register of --rows rows whose
last row is bad, and a CSV of 3 million rows (beyond the row limit).

    .venv/bin/python -m bench.bench_sheets [--rows 100000] [--repeat 3]

CPU time of `aidledger import` run in this process (the command's own work: identify, read,
check every row, report), median of --repeat rounds; wall time beside it.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from scripts.cli import main

HEADERS = [
    "Kode Peserta", "Nama", "NIK", "Alamat", "Telepon", "Kelompok", "Angkatan", "Pendamping",
    "Sumber Dana", "Bank", "No Rekening", "Tanggal Masuk", "Produk", "Saldo Minimum",
]  # fmt: skip
ROW = ["P0001", "Peserta", "1671012345678901", "Jl. Contoh 1", "081200000000", "Tata Boga", "2026-A",
       "C01", "Kemensos", "BRI", "0", "15/01/2026", "Simpedes", "25.000"]  # fmt: skip


def register(path: Path, rows: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for n in range(rows):
            row = list(ROW)
            row[0], row[10] = f"P{n:06d}", f"{10**9 + n}"
            if n == rows - 1:
                row[11] = "31/02/2026"
            writer.writerow(row)
    return path


def huge(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(";".join(HEADERS) + "\n")
        handle.write("P0001;x\n" * rows)
    return path


def refuse(books: Path, sheet: Path) -> tuple[float, float]:
    # each import has its own session (importers.session): nothing read before is reused
    cpu, wall = time.process_time(), time.monotonic()
    result = CliRunner().invoke(main, ["import", str(sheet), "--books", str(books)])
    assert result.exit_code == 1, result.output
    return time.process_time() - cpu, time.monotonic() - wall


def main_() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(work / "xdg")
        books = work / "books"
        CliRunner().invoke(main, ["init", str(books), "--key", str(work / "key")])
        cases = {
            f"register of {args.rows:,} rows, last one bad": register(work / "peserta.csv", args.rows),
            "CSV of 3,000,000 rows": huge(work / "besar.csv", 3_000_000),
        }
        print("| file | CPU | wall |\n|---|---|---|")
        for name, sheet in cases.items():
            rounds = [refuse(books, sheet) for _ in range(args.repeat)]
            cpu = statistics.median(r[0] for r in rounds)
            wall = statistics.median(r[1] for r in rounds)
            print(f"| {name} | {cpu:.2f} s | {wall:.2f} s |")


if __name__ == "__main__":
    main_()
