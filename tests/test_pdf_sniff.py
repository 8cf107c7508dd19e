"""The one "%PDF" sniff (importers.bank.pdf.looks_like_pdf), used by the statement reader, by
identify() and by the import's diagnosis of an unrecognised file: the header "%PDF-" anywhere
in the first 1024 bytes, where PDF readers look for it (bytes before it are tolerated), so
the three never disagree about one file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from importers.bank import bri, pdf
from importers.pipeline import diagnose
from tests.test_bank_pdf_golden import GOLDEN, as_json, expected

STATEMENT = GOLDEN / "bri-pdf" / "statement.pdf"


@given(st.binary(max_size=1019), st.binary(max_size=64))
def test_header_within_the_first_1024_bytes(junk: bytes, rest: bytes) -> None:
    assert pdf.looks_like_pdf(junk + b"%PDF-" + rest)


@given(st.binary(min_size=1020, max_size=1400), st.binary(max_size=64))
def test_header_beyond_1024_bytes_is_not_looked_for(junk: bytes, rest: bytes) -> None:
    head = junk.replace(b"%PDF-", b"") + b"%PDF-" + rest
    if b"%PDF-" in head[:1024]:  # the replacement may have joined one at the seam
        return
    assert not pdf.looks_like_pdf(head)


@given(st.binary(max_size=2048))
def test_no_header_no_pdf(data: bytes) -> None:
    assert pdf.looks_like_pdf(data) == (b"%PDF-" in data[:1024])


def test_reader_identify_and_diagnosis_agree(tmp_path: Path) -> None:
    """A statement with bytes before its header (a download that prepends a line) is one to
    every step; a text file is none to every step."""
    shifted = tmp_path / "shifted.pdf"
    shifted.write_bytes(b"\r\n\xef\xbb\xbf\n" + STATEMENT.read_bytes())
    assert bri.identify(shifted)
    assert as_json(bri.parse(shifted)) == expected("bri-pdf", "statement")
    assert "not a PDF" not in diagnose(shifted)
    text = tmp_path / "text.pdf"
    text.write_bytes(b"Tanggal;Uraian;Debet;Kredit;Saldo\n" * 40 + b"%PDF-1.4\n%%EOF\n")
    assert not bri.identify(text)
    assert "not a PDF" in diagnose(text)
