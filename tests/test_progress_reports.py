"""The progress report, the card's visits and the companion's worklist, on the demo books: the
text read back shows the engine's figures; small groups are folded; the worklist holds only
her participants."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ledger import books
from ledger import progress as prog
from reports import figures, run
from reports.pdf import progress as progress_pdf
from reports.pdf.fmt import Fmt
from scripts.cli import main
from tests.reports_helpers import page_count, pdf_text, render_png


@pytest.fixture(scope="module")
def fig(demo):  # type: ignore[no-untyped-def]
    return figures.gather(books.load(demo.paths))


def test_progress_report_shows_success_by_milestone_and_group(fig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fmt = Fmt("id")
    [(path, pages)] = run.progress_report(fig, fmt, tmp_path)
    assert path.name == "perkembangan-usaha.pdf" and pages >= 1
    text = pdf_text(path)
    assert "Laporan Perkembangan Usaha" in text
    for key in ("progress-by-milestone", "progress-by-group", "progress-by-cohort", "progress-by-funder"):
        assert fmt(key) in text
    overall = progress_pdf.outcomes(fig, None)
    assert overall
    for o in overall:
        assert (
            f"{fmt('month-n', n=o.milestone)} {fmt.count(o.participants)} {fmt.count(o.visited)} "
            f"{fmt.count(o.running)} {fmt.percent(o.rate)}" in text
        )
    for o in progress_pdf.outcomes(fig, "group"):
        if o.participants >= 5:
            assert f"{o.by} {fmt.count(o.participants)} {fmt.count(o.visited)}" in text
    # a funder's reader sees no participant code
    assert not any(code in text for code in fig.participants)
    assert len(render_png(path, tmp_path / "png")) == pages


def test_small_groups_are_folded(fig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fmt = Fmt("en")
    small = [o for o in progress_pdf.outcomes(fig, "funder") if 0 < o.participants < 5]
    [(path, _pages)] = run.progress_report(fig, fmt, tmp_path)
    text = pdf_text(path)
    assert "Business Progress Report" in text and "Success rate" in text
    if small:
        assert fmt("other-groups") in text or "<5" in text


def test_the_card_shows_her_visits(fig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fmt = Fmt("id")
    code = next(c for c, item in sorted(fig.progress.items()) if len(item.visits) >= 3)
    [(path, pages)] = run.cards(fig, fmt, tmp_path, code)
    assert pages == 1
    text = pdf_text(path)
    visits = fig.progress[code].visits
    latest = visits[-1]
    assert (
        f"Kunjungan perkembangan usaha: {len(visits)} kali; terakhir {fmt.date(latest.date)}: {latest.status}"
        in text
    )
    assert fmt.money(latest.omzet) in text


def test_worklist_holds_her_participants_only(fig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fmt = Fmt("id")
    program = fig.loaded.program
    companion = sorted(program.companions)[0]
    [(path, pages)] = run.worklist_report(fig, fmt, tmp_path, companion)
    assert path.name == f"tugas-{companion}.pdf" and page_count(path) == pages
    text = pdf_text(path)
    assert "Daftar Tugas Pendamping" in text
    mine = {c for c, p in program.participants.items() if p.companion == companion}
    others = set(program.participants) - mine
    assert all(code in text for code in mine)
    assert not any(code in text for code in others)
    schedule = prog.Schedule.of(program.settings)
    late = [
        (c, m)
        for c in sorted(mine)
        if c in fig.progress
        for m in prog.overdue(fig.progress[c], schedule, fig.as_of)
    ]
    if late:
        assert fmt("worklist-visits-overdue") in text
        assert all(fmt.date(m.due) in text for _c, m in late)


def test_worklist_by_name_and_unknown_companion(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    program = books.load(demo.paths).program
    code, record = sorted(program.companions.items())[1]
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "report",
            "worklist",
            "--books",
            str(demo.paths.root),
            "--companion",
            record.label,
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"tugas-{code}.pdf").is_file()
    bad = runner.invoke(
        main,
        ["report", "worklist", "--books", str(demo.paths.root), "--companion", "C99", "--out", str(tmp_path)],
    )
    assert bad.exit_code == 2 and "no companion C99" in bad.output
    misplaced = runner.invoke(
        main,
        ["report", "card", "--books", str(demo.paths.root), "--companion", "C01", "--out", str(tmp_path)],
    )
    assert misplaced.exit_code == 2
    made = runner.invoke(
        main, ["report", "progress", "--books", str(demo.paths.root), "--out", str(tmp_path)]
    )
    assert made.exit_code == 0 and (tmp_path / "perkembangan-usaha.pdf").is_file()


def test_fava_page_perkembangan_usaha(demo) -> None:  # type: ignore[no-untyped-def]
    from scripts.serving import make_app

    app = make_app(demo.paths)
    client = app.test_client()
    slug = client.get("/").headers["Location"].split("/")[1]
    html = client.get(f"/{slug}/extension/AidProgress/?time=2026").get_data(as_text=True)
    assert "Perkembangan Usaha" in html and 'id="aid-as-of">2026-12-31<' in html
    for table in ("milestone", "group", "cohort", "funder", "companion", "visits"):
        assert f'id="aid-progress-{table}"' in html
    fig = figures.gather(books.load(demo.paths))
    for o in progress_pdf.outcomes(fig, "group"):
        row = f'data-key="{o.by}" data-milestone="{o.milestone}"'
        assert row in html
        after = html.split(row, 1)[1]
        assert f'data-field="visited">{o.visited}<' in after.split("</tr>", 1)[0]
    code = next(c for c, item in sorted(fig.progress.items()) if item.visits)
    one = client.get(f"/{slug}/extension/AidProgress/?time=2026&participant={code}").get_data(as_text=True)
    assert one.count(f'data-participant="{code}"') == len(fig.progress[code].visits)
    assert 'data-participant="' in one and all(
        f'data-participant="{c}"' not in one for c in fig.progress if c != code
    )


def test_fava_progress_page_follows_the_filters(demo) -> None:  # type: ignore[no-untyped-def]
    from scripts.serving import make_app

    program = books.load(demo.paths).program
    companion = sorted(program.companions)[1]
    mine = {c for c, p in program.participants.items() if p.companion == companion}
    client = make_app(demo.paths).test_client()
    slug = client.get("/").headers["Location"].split("/")[1]
    html = client.get(f"/{slug}/extension/AidProgress/?time=2026&companion={companion}").get_data(
        as_text=True
    )
    shown = set(re.findall(r'data-participant="([^"]+)"', html))
    assert shown and shown <= mine
    total = re.search(r'id="aid-progress-milestone".*?data-field="participants">(\d+)<', html, re.S)
    assert total is not None and int(total.group(1)) == len(mine)
