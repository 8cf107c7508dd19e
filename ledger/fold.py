"""Text from outside, compared: the one normaliser for matching what people and banks print.

Two forms, because two purposes differ:

- `fold`: letters and digits only, lower case ("No. Rekening" -> "norekening"): how column
  headings, cover labels, statement titles, shop names and receipt numbers are compared, so
  that case, spacing and punctuation never decide a match. Unicode compatibility forms fold to
  their plain letters first (NFKC: fullwidth "Ｎｏ", the "ﬁ" ligature), then case folds.
  `keep` names marks that are words of their own where a caller aligns word by word (a PDF
  heading "Tanggal & Waktu").
- `fold_words`: upper-case words of ASCII letters and digits, one space between
  ("TRF/KEMENSOS-BPNT" -> "TRF KEMENSOS BPNT"): how rule patterns find words in a bank line's
  description. It is also part of every bank line's import key, stored in the books, so it
  must stay exactly as it is (no Unicode folding): a changed key would book a line again.

Shown text is never folded: the books keep what was printed (ledger.cleantext).
"""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=64)
def _not_kept(keep: str) -> re.Pattern[str]:
    return re.compile(f"[^a-z0-9{re.escape(keep)}]" if keep else "[^a-z0-9]")


def fold(text: str, keep: str = "") -> str:
    """Lower-case ASCII letters and digits of `text` (and the characters in `keep`), nothing else."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.casefold())
    return _not_kept(keep).sub("", text.lower())


_NOT_WORD = re.compile(r"[^A-Z0-9]+")


def fold_words(text: str) -> str:
    """Upper case, every run of anything but ASCII letters and digits one space, trimmed."""
    return _NOT_WORD.sub(" ", text.upper()).strip()
