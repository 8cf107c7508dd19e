"""The one text normaliser for matching (ledger.fold): what headings, labels, titles, shop
names and rule patterns are compared by. Properties over any text, and the import key's form
pinned (it is stored in the books)."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from importers.bank import pdf
from importers.tables import _norm
from ledger.fold import fold, fold_words

printed = st.text(alphabet=string.printable + "ÄéçÑ\u00a0\u3000–—’", max_size=60)
noise = st.text(alphabet=" \t\u00a0.,:;/-_()[]'\"", min_size=1, max_size=3)


@given(st.text(), st.sampled_from(["", "&()", "-"]))
def test_fold_never_raises_and_is_idempotent(text: str, keep: str) -> None:
    folded = fold(text, keep)
    assert fold(folded, keep) == folded
    assert set(folded) <= set(string.ascii_lowercase + string.digits + keep)


@given(printed)
def test_fold_ignores_case(text: str) -> None:
    assert fold(text.upper()) == fold(text.lower()) == fold(text.title()) == fold(text)


@given(st.lists(st.text(alphabet=string.ascii_letters + string.digits, min_size=1, max_size=8), max_size=5),
       st.data())  # fmt: skip
def test_fold_ignores_spacing_and_punctuation(words: list[str], data: st.DataObject) -> None:
    spaced = "".join(word + data.draw(noise) for word in words)
    assert fold(spaced) == fold("".join(words))
    assert fold_words(spaced) == fold_words(" ".join(words))


def test_compatibility_forms_fold_to_plain_letters() -> None:
    assert fold("Ｎｏ．Ｒｅｋｅｎｉｎｇ") == "norekening"
    assert fold("Keterangan (ﬁ)") == "keteranganfi"
    assert fold("Tanggal & Waktu", keep="&") == "tanggal&waktu"


@given(st.text())
def test_fold_words_never_raises_and_is_idempotent(text: str) -> None:
    words = fold_words(text)
    assert fold_words(words) == words
    assert "  " not in words and words == words.strip()


def test_fold_words_is_the_import_keys_form() -> None:
    """Stored in every bank line's import key: a change would book lines again."""
    assert fold_words("TRF/KEMENSOS-BPNT  2026 ") == "TRF KEMENSOS BPNT 2026"
    assert fold_words("Setoran tunai, Rina") == "SETORAN TUNAI RINA"
    assert fold_words("ＫＥＭＥＮＳＯＳ café") == "CAF"  # no Unicode folding: keys stay as they were


@given(st.text())
def test_the_readers_use_the_one_normaliser(text: str) -> None:
    assert pdf._norm(text) == fold(text, keep="&()")
    assert fold(_norm(text)) == _norm(text)  # headings: folded words, short ones spelled out
