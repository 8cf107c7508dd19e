"""The bad-input corpus: hundreds of malformed or hostile files of every kind, generated from
how such files arrive (a required cell left empty, an amount or a date typed wrong, a code
nobody has, a file cut short, the wrong bytes behind an extension, a folder, a FIFO, a link
to a device), each imported through `aidledger import` into the same books.

Every case must: exit 1, name the file (and the row, or the page, where the fault has one),
write nothing, print no traceback, and finish within a generous time limit.

The valid base files come from the simulator (scripts/sim); the mutations know only the
importers' documented columns (their TableSpec: which are required) and which columns hold
money or dates, never how the readers parse.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime
import os
import re
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from importers import disbursements, participants, plans, receipts
from ledger.books import BooksPaths
from scripts.cli import main
from scripts.sim import render_passbooks, render_sheets, render_statements
from scripts.sim.truth import ProgramYear, simulate
from tests.bank_books import bank_books

TIME_LIMIT = 60.0  # seconds per case: generous, a hang or a quadratic reader still fails
MONEY_BAD = ["abc", "1.2.3,4,5", "=SUM(A1:A2)", "12O.000", "Rp -", "tiga ratus ribu", "--5"]
MONEY_SIGN = ["-150.000", "150.000,50"]  # negative; a fraction of a rupiah
DATE_BAD = ["31/02/2026", "2026-13-45", "kemarin", "00/00/0000", "32 Januari 2026"]
MUTATED_ROW = 1  # the second data row: row 3 of the sheet (the header is row 1)


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of spreadsheet: its columns, the money and date columns, base rows."""

    name: str
    headers: list[str]
    required: list[int]
    money: list[int]
    dates: list[int]
    code: int | None
    sheet: str
    formats: tuple[str, ...]
    computed: tuple[int, ...] = ()  # left empty, the sheet computes it (Jumlah = Volume x Harga)


@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path, dict[str, Any]], Path]
    row: bool  # whether the message must name a row or a page


def _columns(spec: Any, keys: tuple[str, ...]) -> list[int]:
    names = [c.key for c in spec.columns]
    return [names.index(k) for k in keys if k in names]


def _spec_kind(
    name: str,
    spec: Any,
    money: tuple[str, ...],
    dates: tuple[str, ...],
    sheet: str,
    formats: tuple[str, ...],
    computed: tuple[str, ...] = (),
) -> Kind:
    keys = [c.key for c in spec.columns]
    return Kind(
        name=name,
        headers=spec.template_headers("id"),
        required=[i for i, c in enumerate(spec.columns) if c.required],
        money=_columns(spec, money),
        dates=_columns(spec, dates),
        code=keys.index("code") if "code" in keys else None,
        sheet=sheet,
        formats=formats,
        computed=tuple(_columns(spec, computed)),
    )


KINDS = {
    "participants": _spec_kind(
        "participants", participants.SPEC, ("min_balance",), ("joined",), "Peserta", ("csv", "xlsx")
    ),
    "disbursements": _spec_kind(
        "disbursements",
        disbursements.TEMPLATE_SPEC,
        ("amount",),
        ("date",),
        "Daftar Nominatif",
        ("csv", "xlsx"),
    ),
    "receipts": _spec_kind(
        "receipts", receipts.SPEC, ("unit_price", "amount"), ("date",), "Nota", ("csv", "xlsx"), ("amount",)
    ),
    "plans": _spec_kind(
        "plans", plans.SPEC, ("unit_price", "amount"), ("approved",), "RAB", ("xlsx",), ("amount",)
    ),
}
# required columns a person may leave blank on a row, as the templates tell her ("boleh kosong"):
# not faults; test_a_column_left_blank_on_purpose_imports holds them to it
MAY_BE_BLANK = {
    ("receipts", "No Nota"): "a warung's receipt often has no number: booked as '-', its duplicates "
    "judged by shop, date and amount",
    ("receipts", "Satuan"): "the unit only describes the volume",
    ("plans", "Satuan"): "the unit only describes the volume",
}
# what a participant's code can be that no register holds
UNKNOWN_CODE = "P9999"


def base_rows(year: ProgramYear, kind: str) -> list[list[object]]:
    if kind == "participants":
        return [
            [p.code, p.name, p.nik, p.address, p.phone, p.group, p.cohort, p.companion, p.funder, p.bank,
             p.account_number, p.joined, p.product, int(p.min_balance)]
            for p in year.people
        ]  # fmt: skip
    if kind == "disbursements":
        batch = sorted({d.batch for d in year.disbursements})[0]
        return [
            [d.participant, d.funder, d.component, int(d.amount), d.date, d.batch]
            for d in year.disbursements
            if d.batch == batch
        ]
    if kind == "receipts":
        return render_sheets.receipt_rows(year)
    return render_sheets.plan_rows(year)


def _typed(value: object) -> object:
    return int(value) if isinstance(value, Decimal) and value == value.to_integral_value() else value


def write_sheet(path: Path, kind: Kind, rows: list[list[object]]) -> Path:
    """The rows as a user's file: a UTF-8 CSV, or an XLSX with numbers and dates typed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(kind.headers)
            for row in rows:
                writer.writerow(
                    ["" if v is None else (v.isoformat() if isinstance(v, datetime.date) else v) for v in row]
                )
        return path
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = kind.sheet
    ws.append(kind.headers)
    for row in rows:
        ws.append([_typed(v) for v in row])
    book.save(path)
    return path


@dataclasses.dataclass
class World:
    year: ProgramYear
    paths: BooksPaths
    statement: dict[str, Path]  # a valid statement per layout, for byte-level faults


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("corpus")
    year = simulate(12, 3)  # every statement layout but profile:bsi
    paths = bank_books(root / "books", year)
    plan_file = write_sheet(root / "rab.xlsx", KINDS["plans"], base_rows(year, "plans"))
    result = CliRunner().invoke(main, ["import", "--books", str(paths.root), str(plan_file)])
    assert result.exit_code == 0, result.output
    statement: dict[str, Path] = {}
    for person in year.people:
        lines = year.lines_of(person.code)
        layout = render_passbooks.layout_for(person)
        if not lines or layout in statement:
            continue
        start, end = render_passbooks.quarters(lines, 12)[0]
        base = root / "statements" / f"{person.code}-{layout.replace(':', '-')}"
        base.parent.mkdir(parents=True, exist_ok=True)
        if layout.endswith("-pdf"):
            statement[layout] = render_statements.render_statement(
                base.with_suffix(".pdf"), person, lines, start, end
            )
        else:
            statement[layout] = render_passbooks.render(base, person, lines, start, end, layout)
    return World(year, paths, statement)


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expired(_signum: int, _frame: object) -> None:
        raise Hang(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".picklecache" not in p.name and p.name != ".aidledger.lock"
    }


# -- the cases ----------------------------------------------------------------------------------


def _row_case(kind: Kind, fmt: str, label: str, column: int, value: object) -> Case:
    def make(folder: Path, ctx: dict[str, Any]) -> Path:
        rows = [list(r) for r in base_rows(ctx["year"], kind.name)]
        rows[MUTATED_ROW][column] = value
        return write_sheet(folder / f"{kind.name}.{fmt}", kind, rows)

    return Case(f"{kind.name}-{fmt}-{label}", make, row=True)


def _blank_cases(kind: Kind, fmt: str) -> list[Case]:
    """A required cell left empty, for every column that must be filled."""
    return [
        _row_case(kind, fmt, f"blank-{kind.headers[column]}", column, "")
        for column in kind.required
        if column not in kind.computed and (kind.name, kind.headers[column]) not in MAY_BE_BLANK
    ]


def sheet_cases() -> list[Case]:
    cases = []
    for kind in KINDS.values():
        for fmt in kind.formats:
            cases.extend(_blank_cases(kind, fmt))
            for column in kind.money:
                for index, value in enumerate(MONEY_BAD + MONEY_SIGN):
                    if fmt == "xlsx" and column in kind.computed and value.startswith("="):
                        continue  # an uncomputed Jumlah formula is computed from Volume x Harga (documented)
                    cases.append(_row_case(kind, fmt, f"money-{kind.headers[column]}-{index}", column, value))
            for column in kind.dates:
                for index, value in enumerate(DATE_BAD):
                    cases.append(_row_case(kind, fmt, f"date-{kind.headers[column]}-{index}", column, value))
                future = datetime.date.today() + datetime.timedelta(days=400)
                cases.append(_row_case(kind, fmt, f"future-{kind.headers[column]}", column, future))
            if kind.code is not None and kind.name != "participants":
                cases.append(_row_case(kind, fmt, "unknown-code", kind.code, UNKNOWN_CODE))
            if kind.code is not None:  # XLSX cannot hold a NUL at all: a bidi override instead
                hidden = "P00\x0001" if fmt == "csv" else "P0\u202e001"
                cases.append(_row_case(kind, fmt, "code-with-hidden-character", kind.code, hidden))
    return cases


def _passbook_case(label: str, mutate: Callable[[list[list[str]], int], None]) -> Case:
    def make(folder: Path, ctx: dict[str, Any]) -> Path:
        source = ctx["statement"]["passbook-csv"]
        with open(source, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        header = next(i for i, r in enumerate(rows) if r and r[0] == "No")
        assert len(rows) > header + 1, "the base statement has no lines"
        mutate(rows, header + 1)
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / "mutasi.csv"
        with open(out, "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        return out

    return Case(f"passbook-csv-{label}", make, row=True)


def passbook_cases() -> list[Case]:
    def cell(column: int, value: str) -> Callable[[list[list[str]], int], None]:
        def mutate(rows: list[list[str]], at: int) -> None:
            rows[at][column] = value

        return mutate

    cases = []
    for index, value in enumerate(DATE_BAD):
        cases.append(_passbook_case(f"date-{index}", cell(1, value)))
    for index, value in enumerate(MONEY_BAD):
        cases.append(_passbook_case(f"mutasi-{index}", cell(4, value)))
        cases.append(_passbook_case(f"saldo-{index}", cell(6, value)))
    cases.append(_passbook_case("side-X", cell(5, "X")))
    cases.append(_passbook_case("side-blank", cell(5, "")))
    return cases


def _file_case(label: str, suffix: str, make_bytes: Callable[[Path], None], row: bool = False) -> Case:
    def make(folder: Path, ctx: dict[str, Any]) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"berkas{suffix}"
        make_bytes(path)
        return path

    return Case(f"file-{suffix.lstrip('.')}-{label}", make, row=row)


def file_cases() -> list[Case]:
    def data(blob: bytes) -> Callable[[Path], None]:
        return lambda path: path.write_bytes(blob)

    def folder(path: Path) -> None:
        path.mkdir()

    def fifo(path: Path) -> None:
        os.mkfifo(path)

    def zero_link(path: Path) -> None:
        path.symlink_to("/dev/zero")

    def dangling(path: Path) -> None:
        path.symlink_to(path.parent / "nowhere")

    noise = bytes((i * 7919 + 13) % 256 for i in range(4096))
    cases = []
    for suffix in (".csv", ".xlsx", ".pdf", ".xls", ".txt"):
        cases += [
            _file_case("empty", suffix, data(b"")),
            _file_case("blank", suffix, data(b" \n\t\n")),
            _file_case("nuls", suffix, data(b"\x00" * 2048)),
            _file_case("noise", suffix, data(noise)),
            _file_case("folder", suffix, folder),
            _file_case("fifo", suffix, fifo),
            _file_case("dev-zero", suffix, zero_link),
            _file_case("dangling-link", suffix, dangling),
            _file_case("zip-of-nothing", suffix, data(b"PK\x05\x06" + b"\x00" * 18)),
            _file_case("html", suffix, data(b"<html><body>Rekening Koran</body></html>")),
        ]
    cases += [
        _file_case(
            "latin1",
            ".csv",
            data((",".join(KINDS["participants"].headers) + "\nP0001,Ren\xe9e\n").encode("latin-1")),
            row=True,
        ),
        _file_case("pdf-header-only", ".pdf", data(b"%PDF-1.7\n")),
        _file_case(
            "pdf-no-pages",
            ".pdf",
            data(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        ),
    ]
    return cases


def _statement_bytes_case(layout: str, label: str, change: Callable[[bytes], bytes]) -> Case:
    def make(folder: Path, ctx: dict[str, Any]) -> Path:
        source = ctx["statement"][layout]
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"rekening{source.suffix}"
        out.write_bytes(change(source.read_bytes()))
        return out

    return Case(f"statement-{layout.replace(':', '-')}-{label}", make, row=False)


def statement_cases() -> list[Case]:
    cases = []
    for layout in ("bri-pdf", "bni-pdf", "mandiri-pdf", "passbook-xlsx", "profile:bank-sumsel-babel"):
        if layout.startswith("profile:"):  # a CSV cut after a whole line is a shorter true export
            cases.append(_statement_bytes_case(layout, "tail-wiped", lambda b: b[:-64] + b"\x00" * 64))
            cases.append(_statement_bytes_case(layout, "nul-inside", lambda b: b[:200] + b"\x00" + b[200:]))
            continue
        for fraction in (0.1, 0.3, 0.5, 0.7, 0.9):
            cases.append(
                _statement_bytes_case(
                    layout, f"cut-{int(fraction * 100)}", lambda b, f=fraction: b[: int(len(b) * f)]
                )
            )
        if layout.endswith("-pdf"):  # a zip (XLSX) is read from its end: a wiped head is no fault
            cases.append(_statement_bytes_case(layout, "head-wiped", lambda b: b"\x00" * 64 + b[64:]))
        cases.append(_statement_bytes_case(layout, "tail-wiped", lambda b: b[:-64] + b"\x00" * 64))
    return cases


CASES = sheet_cases() + passbook_cases() + file_cases() + statement_cases()


def test_the_corpus_has_at_least_250_cases() -> None:
    assert len(CASES) >= 250, len(CASES)
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_base_files_import(world: World, tmp_path: Path, kind: str) -> None:
    """The unmutated files are good (a case fails for its fault, not the base's)."""
    for fmt in KINDS[kind].formats:
        path = write_sheet(tmp_path / f"{kind}.{fmt}", KINDS[kind], base_rows(world.year, kind))
        result = CliRunner().invoke(
            main, ["import", "--dry-run", "--books", str(world.paths.root), str(path)]
        )
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize(("kind", "header"), sorted(MAY_BE_BLANK))
def test_a_column_left_blank_on_purpose_imports(world: World, tmp_path: Path, kind: str, header: str) -> None:
    spec = KINDS[kind]
    for fmt in spec.formats:
        rows = [list(r) for r in base_rows(world.year, kind)]
        rows[MUTATED_ROW][spec.headers.index(header)] = ""
        path = write_sheet(tmp_path / f"{kind}.{fmt}", spec, rows)
        result = CliRunner().invoke(
            main, ["import", "--dry-run", "--books", str(world.paths.root), str(path)]
        )
        assert result.exit_code == 0, result.output


def test_the_base_statements_import(world: World) -> None:
    for layout in (
        "bri-pdf",
        "bni-pdf",
        "mandiri-pdf",
        "passbook-xlsx",
        "passbook-csv",
        "profile:bank-sumsel-babel",
    ):
        assert layout in world.statement, sorted(world.statement)
        path = world.statement[layout]
        result = CliRunner().invoke(
            main, ["import", "--dry-run", "--books", str(world.paths.root), str(path)]
        )
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(world: World, tmp_path: Path, case: Case) -> None:
    ctx = {"year": world.year, "statement": world.statement}
    path = case.make(tmp_path / "in", ctx)
    books_root = tmp_path / "books"
    shutil.copytree(world.paths.root, books_root)
    before = snapshot(books_root)
    start = time.monotonic()
    with time_limit(TIME_LIMIT):  # a hang (a FIFO opened for reading) fails the case, not the run
        result = CliRunner().invoke(main, ["import", "--books", str(books_root), str(path)])
    took = time.monotonic() - start
    output = result.output
    assert not isinstance(result.exception, Hang), f"hangs: {result.exception}"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert result.exit_code == 1, output
    assert str(path) in output, output
    if case.row:
        row = MUTATED_ROW + 2
        named = re.compile(rf"{re.escape(str(path))}:(?:[^:\n]+:)?(?:p\d+:)?{row}\b")
        anywhere = re.compile(
            rf"{re.escape(str(path))}:\S*\d|{re.escape(str(path))}: (line|row|page|baris|halaman) \d"
        )
        assert named.search(output) or anywhere.search(output), output
    assert snapshot(books_root) == before, "something was written"
    assert took < TIME_LIMIT, f"took {took:.1f} s"
