"""Every report kind on the demo books: the text read back shows the figures the engine and
ledger.funds give, formatted as the reports format them; every PDF renders to PNG pages."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ledger import books
from reports import figures, run
from reports.pdf import labels
from reports.pdf.fmt import Fmt
from tests.reports_helpers import is_png, page_count, pdf_text, render_png


@pytest.fixture(scope="module")
def made(demo, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Each kind written once, in Indonesian, as of the simulated year's end."""
    fig = figures.gather(books.load(demo.paths))
    fmt = Fmt("id")
    out = tmp_path_factory.mktemp("reports")
    batch = next(b for b in fig.batches() if any(r.status != "credited" for r in fig.batch_rows(b)))
    funder = sorted(fig.funds)[0]
    code = next(c for c in sorted(fig.participants) if fig.lines(c) and not fig.participants[c].unplanned)
    written = {
        "card": run.cards(fig, fmt, out, code),
        "realisation": run.realisation_report(fig, fmt, out),
        "disbursements": run.disbursement_register(fig, fmt, out, batch),
        "funder": run.funder_reports(fig, fmt, out, funder),
        "exceptions": run.exceptions_report(fig, fmt, out),
        "audit": run.audit_pack(fig, fmt, out),
    }
    return fig, fmt, out, written, {"batch": batch, "funder": funder, "code": code}


def test_card_shows_the_participants_figures(made) -> None:
    fig, fmt, _out, written, chosen = made
    code = chosen["code"]
    [(path, pages)] = written["card"]
    assert pages == 1
    text = pdf_text(path)
    row = fig.participants[code]
    person = fig.person(code)
    assert code in text and person.account_mask in text and person.group in text
    for value in (row.plan_total, row.aid_received, row.withdrawn, row.receipted, row.savings_balance):
        assert f"{fmt('plan-total')}" in text
        assert fmt.money(value) in text
    assert f"{fmt('cash-uncovered')} {fmt.money(row.cash_uncovered)}" in text
    for line in fig.lines(code):
        assert (
            f"{line.description} {line.category} {fmt.money(line.planned)} {fmt.money(line.actual)}" in text
        )
    assert f"{fmt('realisation')} {fmt.points(row.realisation)}" in text
    aid = fig.aid_rows[code]
    assert fmt.money(sum((r.amount for r in aid), Decimal(0))) in text
    assert f"{fmt('closing')} {fmt.money(fig.savings[code].closing)}" in text
    assert fig.savings[code].closing == row.savings_balance
    for role in (fmt("sign-participant"), fmt("sign-companion"), fmt("sign-treasurer")):
        assert role in text
    assert "Halaman 1 dari 1" in text


def test_money_is_written_the_indonesian_way(made) -> None:
    fig, _fmt, _out, written, chosen = made
    text = pdf_text(written["card"][0][0])
    amount = fig.participants[chosen["code"]].aid_received
    assert amount >= 1_000_000
    whole = f"{int(amount):,}".replace(",", ".")
    assert f"Rp {whole}" in text


def test_realisation_shows_every_participant_and_every_group(made) -> None:
    fig, fmt, _out, written, _ = made
    [(path, pages)] = written["realisation"]
    text = pdf_text(path)
    planned = sum((r.plan_total for r in fig.participants.values()), Decimal(0))
    assert fmt.money(planned) in text
    for code, row in fig.participants.items():
        assert (
            f"{code} {fig.person(code).group} {fig.person(code).companion} {fmt.money(row.plan_total)}"
            in text
        )
        difference = fmt.money(row.receipted - row.plan_total)
        printed = fmt.realisation(row.realisation, row.overspent)
        assert f"{fmt.money(row.receipted)} {difference} {printed}" in text
    for group in {p.group for p in fig.program.participants.values()}:
        assert group in text
    assert pages == page_count(path) >= 2


def test_group_realisation_uses_the_engines_definition(made) -> None:
    fig, *_ = made
    for summary in fig.participants.values():
        if summary.plan_total:
            expected = (figures.realised(summary) * 100 / summary.plan_total).quantize(Decimal("0.1"))
            assert abs(expected - summary.realisation) <= Decimal("0.1"), summary.participant


def test_disbursement_register_lists_the_batch(made) -> None:
    fig, fmt, _out, written, chosen = made
    [(path, pages)] = written["disbursements"]
    rows = fig.batch_rows(chosen["batch"])
    text = pdf_text(path)
    assert pages == 1
    for row in rows:
        person = fig.person(row.participant)
        shown = (
            f"{row.participant} {row.component} {person.bank} {person.account_mask} {fmt.money(row.amount)}"
        )
        assert shown in text
        status = fmt.status(row.status)
        assert f"{fmt.date(row.credit_date)} {fmt.money(row.credited)} {status}" in text
    assert {r.status for r in rows} != {"credited"}
    credited = sum((r.credited or Decimal(0) for r in rows), Decimal(0))
    assert (
        f"{fmt('total')} {fmt.money(sum((r.amount for r in rows), Decimal(0)))} {fmt.money(credited)}" in text
    )


def test_funder_report_shows_fund_use_and_suppresses_small_groups(made) -> None:
    fig, fmt, _out, written, chosen = made
    [(path, pages)] = written["funder"]
    use = fig.funds[chosen["funder"]]
    text = pdf_text(path)
    assert pages == 1
    for label, value in (
        ("granted", use.granted),
        ("credited", use.credited),
        ("spent-total", use.spent),
        ("unspent", use.unspent),
    ):
        assert f"{fmt(label)} {fmt.money(value)}" in text
    assert fmt.percent(use.absorbed) in text
    for category, value in use.spent_by_category.items():
        assert f"{fig.category(category)} {fmt.money(value)}" in text
    assert "P0" not in text  # no participant code in a funder's report
    sizes = {g.group: len(g.participants) for g in fig.group_uses(chosen["funder"]).values()}
    for group, size in sizes.items():
        if size < 5:
            assert f"{group} " not in text.split(fmt("by-group-funder"))[1].split(fmt("total"))[0]


def test_exceptions_show_findings_and_ageing(made) -> None:
    fig, fmt, _out, written, _ = made
    [(path, _pages)] = written["exceptions"]
    text = pdf_text(path)
    for key in ("days-0-30", "days-31-60", "days-61-90", "days-90"):
        assert fmt(key) in text
    uncovered = sum((sum(b.values(), Decimal(0)) for b in fig.ageing.values()), Decimal(0))
    assert uncovered == sum(
        (r.cash_uncovered for r in fig.participants.values() if r.cash_uncovered > 0), Decimal(0)
    )
    assert fmt.money(uncovered) in text
    for kind in {f.kind for f in fig.findings}:
        assert labels.kind(kind, "id") in text
    assert fmt.count(len(fig.findings)) in text


def test_audit_pack_has_cover_contents_sections_and_manifest(made) -> None:
    fig, fmt, out, written, _ = made
    path, pages = written["audit"][0]
    text = pdf_text(path)
    assert fmt("audit-title") in text and fmt("contents") in text
    for section in (fmt("realisation-title"), fmt("disb-title"), fmt("exceptions-title"), fmt("manifest")):
        assert text.count(section) >= 2  # in the contents and as a section
    manifest = (out / "manifest.sha256").read_text().splitlines()
    assert any(line.endswith("  main.beancount") for line in manifest)
    for line in manifest:
        digest = line.split()[0]
        assert digest[:20] in text.replace(" ", "")
    assert pages == page_count(path) > len(fig.participants)


def test_every_report_renders_to_the_expected_number_of_png_pages(made, tmp_path: Path) -> None:
    _fig, _fmt, _out, written, _ = made
    for kind, files in written.items():
        for path, pages in files:
            if path.suffix != ".pdf":
                continue
            pngs = render_png(path, tmp_path / kind, resolution=15 if kind == "audit" else 30)
            assert len(pngs) == pages == page_count(path), (kind, path)
            assert all(is_png(png) for png in pngs)


def test_english_labels_with_lang_en(demo, tmp_path: Path) -> None:
    import datetime

    fig = figures.gather(books.load(demo.paths), made_on=datetime.date(2026, 12, 2))
    fmt = Fmt("en")
    code = sorted(fig.participants)[1]
    [(path, _)] = run.cards(fig, fmt, tmp_path, code)
    text = pdf_text(path)
    assert "BUSINESS CAPITAL AID CARD" in text and "Page 1 of 1" in text
    assert fmt.money(fig.participants[code].aid_received).startswith("Rp ")
    assert "Palembang, 2 December 2026" in text and "Desember" not in text
    assert f"figures as of {fmt.long_date(fig.as_of)}" in text


def test_a_realisation_over_plan_prints_above_100_with_its_overspend(made) -> None:
    fig, fmt, out, written, _ = made
    over = [s for s in fig.participants.values() if s.realisation > 100]
    assert over, "the demo plants an overspent plan line"
    summary = over[0]
    assert summary.overspent > 0
    printed = fmt.realisation(summary.realisation, summary.overspent)
    assert printed.startswith(fmt.points(summary.realisation)) and "lebih Rp " in printed
    assert Decimal(fmt.points(summary.realisation).rstrip("%").replace(",", ".")) > 100
    [(path, _)] = written["realisation"]
    assert printed in pdf_text(path)
    [(card_path, _)] = run.cards(fig, fmt, out / "over", summary.participant)
    assert f"{fmt('realisation')} {printed}" in pdf_text(card_path)


def test_realisation_report_shows_groups_before_participants(made) -> None:
    _fig, fmt, _out, written, _ = made
    [(path, _)] = written["realisation"]
    text = pdf_text(path)
    assert text.index(fmt("by-group")) < text.index(fmt("by-participant"))


def test_disbursement_register_has_a_grand_total_and_signs_at_the_end_of_its_table(
    demo, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    fig = figures.gather(books.load(demo.paths))
    fmt = Fmt("id")
    [(path, _)] = run.disbursement_register(fig, fmt, tmp_path)
    text = pdf_text(path)
    listed = sum((r.amount for b in fig.batches() for r in fig.batch_rows(b)), Decimal(0))
    assert f"{fmt('grand-total')} {fmt.count(sum(len(fig.batch_rows(b)) for b in fig.batches()))}" in text
    assert fmt.money(listed) in text
    assert text.index(fmt("disb-summary")) < text.index(fig.batches()[0] + " -")
    for page in PdfReader(path).pages:
        page_text = page.extract_text() or ""
        if fmt("sign-treasurer") in page_text:  # the signature shares its page with the table's end
            assert fmt("total") in page_text and "Rp " in page_text.split(fmt("sign-treasurer"))[0]


def test_every_card_is_one_page_with_its_signatures(made) -> None:
    fig, fmt, out, _written, _ = made
    for path, pages in run.cards(fig, fmt, out / "all"):
        assert pages == 1, path.name


def test_finding_locations_break_only_at_a_slash(made) -> None:
    fig, _fmt, _out, written, _ = made
    [(path, _)] = written["exceptions"]
    text = pdf_text(path)
    import re

    for finding in fig.findings:
        short = finding.locations[0].split("/books/", 1)[-1]
        # a line may end after a separator only: "journal/ bank-2026.beancount:31"
        pattern = "".join(re.escape(c) + (" ?" if c in "/-.:" else "") for c in short)
        assert re.search(pattern, text), short
