"""`aidledger report` from the command line: every kind, names only with --with-names and the
register's key, bad arguments refused with exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger import identity
from scripts.cli import main
from tests.reports_helpers import pdf_text


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def without_names(demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every report kind, made without --with-names, into one folder each."""
    out = tmp_path_factory.mktemp("cli")
    books = str(demo.paths.root)
    for kind in ("card", "realisation", "disbursements", "funder", "exceptions", "audit"):
        result = invoke("report", kind, "--books", books, "--out", str(out / kind), "--lang", "id")
        assert result.exit_code == 0, result.output
        assert "wrote " in result.output
    return out


def register_names(demo) -> list[str]:  # type: ignore[no-untyped-def]
    register = identity.Register.open(demo.paths.register, identity.read_key(demo.key_file))
    assert register.people
    return [p.name for p in register.people.values()]


def test_every_kind_writes_its_files(demo, without_names: Path) -> None:
    cards = sorted((without_names / "card").glob("kartu-*.pdf"))
    assert len(cards) == len(demo.year.people)
    assert (without_names / "audit" / "audit-pack.pdf").exists()
    assert (without_names / "audit" / "audit-ledger.beancount").exists()
    assert (without_names / "audit" / "manifest.sha256").exists()
    assert len(list((without_names / "funder").glob("dana-*.pdf"))) == len(demo.year.funders)


def test_no_register_name_appears_without_with_names(demo, without_names: Path) -> None:
    corpus = []
    for path in without_names.rglob("*"):
        if path.suffix == ".pdf":
            corpus.append(pdf_text(path))
        elif path.is_file():
            corpus.append(path.read_text(encoding="utf-8"))
    text = "\n".join(corpus)
    assert "P0001" in text
    for name in register_names(demo):
        assert name not in text
        first, last = name.split(" ", 1)
        assert f"{first} {last}" not in text


def test_names_appear_with_with_names_and_the_key(demo, tmp_path: Path) -> None:
    out = tmp_path / "named"
    result = invoke(
        "report", "card", "--books", str(demo.paths.root), "--key", str(demo.key_file),
        "--with-names", "--participant", "p0002", "--out", str(out), "--lang", "id",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(out / "kartu-P0002.pdf")
    register = identity.Register.open(demo.paths.register, identity.read_key(demo.key_file))
    person = register.get("P0002")
    assert person is not None and person.name in text
    assert "memuat nama peserta" in text
    others = [n for n in register_names(demo) if n != person.name]
    assert not any(n in text for n in others)


def test_with_names_without_the_key_fails_clearly(demo, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["report", "card", "--books", str(demo.paths.root), "--with-names", "--key", str(tmp_path / "nokey"),
         "--participant", "P0002", "--out", str(tmp_path / "o")],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "key" in result.output
    assert not (tmp_path / "o" / "kartu-P0002.pdf").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["card", "--participant", "P9999"], "no participant P9999"),
        (["funder", "--funder", "Nobody"], "no funder Nobody"),
        (["disbursements", "--batch", "X-1"], "no batch X-1"),
        (["realisation", "--funder", "Kemensos"], "--funder does not apply"),
        (["exceptions", "--from", "2026-12-01", "--to", "2026-01-01"], "is after --to"),
        (["ledger"], "'ledger' is not one of"),
        (["card", "--lang", "fr"], "Invalid value for '--lang'"),
        (["card", "--to", "31-12-2026"], "Invalid value for '--to'"),
    ],
)
def test_bad_arguments_exit_2_with_a_clear_message(
    demo, tmp_path: Path, args: list[str], message: str
) -> None:
    result = CliRunner().invoke(
        main, ["report", *args, "--books", str(demo.paths.root), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_missing_books_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["report", "card", "--books", str(tmp_path / "none"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "no books" in result.output


def test_period_bounds_the_figures(demo, tmp_path: Path) -> None:
    out = tmp_path / "early"
    result = invoke(
        "report", "funder", "--books", str(demo.paths.root), "--funder", "Kemensos",
        "--to", "2026-01-31", "--out", str(out), "--lang", "en",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(out / "dana-Kemensos.pdf")
    assert "Granted Rp 0" in text  # no list is dated in January
    assert "31 Jan 2026" in text


def test_a_report_prints_the_day_it_is_made_and_the_day_its_figures_are_read(demo, tmp_path: Path) -> None:
    import datetime

    from babel.dates import format_date

    out = tmp_path / "mid"
    result = invoke(
        "report", "disbursements", "--books", str(demo.paths.root), "--as-of", "2026-06-30",
        "--out", str(out), "--lang", "id",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = pdf_text(out / "penyaluran.pdf")
    made = format_date(datetime.date.today(), "long", locale="id_ID")
    assert f"Dibuat oleh aidledger pada {made}" in text
    assert "angka per tanggal 30 Juni 2026" in text
    assert f"Palembang, {made}" in text  # signed the day it is made, not on the as-of date


def test_as_of_defaults_to_today(demo, tmp_path: Path) -> None:
    import datetime

    from babel.dates import format_date

    out = tmp_path / "today"
    result = invoke(
        "report", "exceptions", "--books", str(demo.paths.root), "--out", str(out), "--lang", "en"
    )
    assert result.exit_code == 0, result.output
    today = format_date(datetime.date.today(), "long", locale="en_GB")
    assert f"figures as of {today}" in pdf_text(out / "temuan.pdf")


def test_to_and_as_of_together_are_refused(demo, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["report", "card", "--books", str(demo.paths.root), "--out", str(tmp_path),
         "--to", "2026-06-30", "--as-of", "2026-07-31"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "not both" in result.output
