"""init, check, import of the participant register, identity and template, as a user runs them."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger import books, identity
from scripts.cli import main

HEADERS_ID = [
    "Kode Peserta", "Nama", "NIK", "Alamat", "Telepon", "Kelompok", "Angkatan", "Pendamping",
    "Sumber Dana", "Bank", "No Rekening", "Tanggal Masuk", "Produk", "Saldo Minimum",
]  # fmt: skip
HEADERS_EN = [
    "Participant Code", "Name", "National ID", "Address", "Phone", "Skill Group", "Cohort", "Companion",
    "Funder", "Bank", "Account Number", "Date Joined",
]  # fmt: skip
ROWS = [
    ["P0001", "Rina Kusuma", "1671012345678901", "Jl. Kenanga 1", "081234567890", "Tata Boga", "2026-A",
     "C01", "Kemensos", "BRI", "0123-01-000123-50-9", "15/01/2026", "Simpedes", "25.000"],
    ["khr-24-007", "Dewi Lestari", "1671012345678902", "Lr. Mawar 3", "081234567891", "Salon", "2026-A",
     "C02", "Dinsos Sumsel", "BNI", "1234567890", "2026-01-16", "Taplus", "150.000"],
]  # fmt: skip


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.output


def write_csv(path: Path, headers: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


@pytest.fixture
def new_books(tmp_path: Path) -> tuple[Path, Path]:
    key = tmp_path / "secret" / "books.key"
    code, out = run("init", str(tmp_path / "books"), "--key", str(key))
    assert code == 0, out
    return tmp_path / "books", key


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".picklecache" not in p.name and p.name != ".aidledger.lock"
    }


def test_init_creates_checkable_books_and_the_key_outside_them(new_books: tuple[Path, Path]) -> None:
    root, key = new_books
    assert key.exists() and not key.is_relative_to(root)
    assert (
        (root / "main.beancount").exists() and (root / "journal").is_dir() and (root / "documents").is_dir()
    )
    code, out = run("check", "--books", str(root))
    assert code == 0, out
    code, out = run("init", str(root))
    assert code == 1 and "exists already" in out


def test_init_refuses_a_key_inside_the_books_and_commands_refuse_unsafe_keys(tmp_path: Path) -> None:
    root = tmp_path / "books"
    code, out = run("init", str(root), "--key", str(root / "books.key"))
    assert code == 1 and "inside the books folder" in out and "Traceback" not in out
    assert not (root / "books.key").exists() and not (root / "main.beancount").exists()
    key = tmp_path / "secret" / "books.key"
    assert run("init", str(root), "--key", str(key))[0] == 0
    key.chmod(0o644)
    code, out = run("identity", "show", "P0001", "--books", str(root), "--key", str(key))
    assert code == 1 and f"chmod 600 {key}" in out
    code, out = run("identity", "show", "P0001", "--books", str(root), "--key", str(tmp_path))
    assert code == 1 and "is a folder" in out and "Traceback" not in out


def test_check_reports_file_line_and_fails(new_books: tuple[Path, Path]) -> None:
    root, _ = new_books
    manual = root / "journal" / "manual.beancount"
    manual.write_text(manual.read_text() + "\n2026-01-06 open Assets:Aid:P0999:Savings IDR\n")
    code, out = run("check", "--books", str(root / "main.beancount"))
    assert code == 1
    assert f"{manual}:5:" in out and "P0999" in out


def test_books_default_to_env_then_dot_books(
    new_books: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = new_books
    monkeypatch.setenv("AIDLEDGER_BOOKS", str(root))
    assert run("check")[0] == 0
    monkeypatch.delenv("AIDLEDGER_BOOKS")
    monkeypatch.chdir(tmp_path)
    assert run("check")[0] == 0  # ./books
    monkeypatch.chdir(root)
    code, out = run("check")
    assert code == 2 and "no books" in out


def test_import_participants_puts_facts_in_books_and_identity_in_register(
    new_books: tuple[Path, Path], tmp_path: Path
) -> None:
    root, key = new_books
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, ROWS)
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 0, out
    loaded = books.load(books.resolve(root))
    assert loaded.errors == []
    assert sorted(loaded.program.participants) == ["KHR-24-007", "P0001"]
    p1 = loaded.program.participants["P0001"]
    assert (p1.companion, p1.funder, p1.bank, p1.account_mask) == ("C01", "Kemensos", "BRI", "****3509")
    assert str(p1.min_balance) == "25000"
    assert set(loaded.program.funders) == {"Kemensos", "DinsosSumsel"}
    text = "".join(v.decode() for k, v in snapshot(root).items() if k.endswith(".beancount"))
    for secret in ("Rina", "Dewi", "1671012345678901", "0123-01-000123-50-9", "012301000123509", "Kenanga"):
        assert secret not in text
    register = identity.Register.open(root / "register", identity.read_key(key))
    assert register.get("P0001").name == "Rina Kusuma"
    assert register.get("KHR-24-007").account_number == "1234567890"
    # the original holds names: it is not archived into the books
    assert not any(p.name.endswith("peserta.csv") for p in root.rglob("*"))


def test_reimport_adds_nothing_and_says_why(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    root, _key = new_books
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, ROWS)
    assert run("import", str(sheet), "--books", str(root))[0] == 0
    before = snapshot(root)
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 0 and "wrote 0" in out and "already registered" in out
    assert snapshot(root) == before


def test_english_headers_semicolons_and_dry_run(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    root, _key = new_books
    rows = [r[:12] for r in ROWS]
    sheet = write_csv(tmp_path / "participants.csv", HEADERS_EN, rows, delimiter=";")
    before = snapshot(root)
    code, out = run("import", str(sheet), "--books", str(root), "--dry-run")
    assert code == 0, out
    assert 'custom "participant" "P0001"' in out and "Rina" not in out
    assert snapshot(root) == before


@pytest.mark.parametrize(
    ("row_change", "message"),
    [
        ({0: "P 0001"}, "letters, digits and hyphens"),
        ({2: "12345"}, "NIK must be 16 digits"),
        ({10: "12-3"}, "fewer than 6 digits"),
        ({11: "31/02/2026"}, "invalid date"),
        ({7: ""}, "Pendamping: empty"),
    ],
)
def test_a_bad_row_names_file_and_row_and_writes_nothing(
    new_books: tuple[Path, Path], tmp_path: Path, row_change: dict[int, str], message: str
) -> None:
    root, _key = new_books
    bad = list(ROWS[1])
    for index, value in row_change.items():
        bad[index] = value
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, [ROWS[0], bad])
    before = snapshot(root)
    code, out = run("import", str(sheet), "--books", str(root))
    assert code == 1
    assert f"{sheet}:3:" in out and message in out
    assert snapshot(root) == before


def test_unknown_layout_and_wrong_encoding(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    root, _key = new_books
    other = write_csv(tmp_path / "other.csv", ["a", "b"], [["1", "2"]])
    code, out = run("import", str(other), "--books", str(root))
    assert code == 1 and "unknown layout" in out and str(other) in out
    latin = tmp_path / "latin.csv"
    latin.write_bytes(",".join(HEADERS_ID).encode() + b"\nP0001,Ren\xe9e\n")
    code, out = run("import", str(latin), "--books", str(root))
    assert code == 1 and str(latin) in out


def test_import_needs_no_key_reading_identities_does(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    root, key = new_books
    sheet = write_csv(tmp_path / "peserta.csv", HEADERS_ID, ROWS)
    assert run("import", str(sheet), "--books", str(root))[0] == 0  # the public key is in the books
    code, out = run("identity", "show", "P0001", "--books", str(root))  # default key location: none
    assert code == 1 and "no identity key" in out
    code, out = run("identity", "show", "P0001", "--books", str(root), "--key", str(key))
    assert code == 0 and "Rina Kusuma" in out
    code, out = run(
        "identity", "add", "P0003", "--name", "Sari Dewi", "--books", str(root), "--key", str(key)
    )
    assert code == 0
    export = tmp_path / "export.csv"
    code, out = run("identity", "export", "--out", str(export), "--books", str(root), "--key", str(key))
    assert code == 0 and "Sari Dewi" in export.read_text()
    wrong = tmp_path / "wrong.key"
    identity.create_key(wrong)
    code, out = run("identity", "show", "P0001", "--books", str(root), "--key", str(wrong))
    assert code == 1 and "does not open" in out


def test_template_participants_is_importable(new_books: tuple[Path, Path], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root, _key = new_books
    out_file = tmp_path / "peserta.xlsx"
    code, out = run("template", "participants", "--out", str(out_file))
    assert code == 0, out
    book = load_workbook(out_file)
    ws = book.active
    assert [c.value for c in ws[1]][:3] == ["Kode Peserta", "Nama", "NIK"]
    ws.append(
        [
            "P0009",
            "Ani Rahayu",
            "",
            "",
            "",
            "Salon",
            "2026-B",
            "C03",
            "Kemensos",
            "Mandiri",
            "1230009876543",
            "2026-03-02",
        ]
    )
    book.save(out_file)
    code, out = run("import", str(out_file), "--books", str(root))
    assert code == 0, out
    assert "P0009" in books.load(books.resolve(root)).program.participants
    assert run("template", "nonsense")[0] == 2


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("aidledger")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode == 0 and "import" in result.stdout
