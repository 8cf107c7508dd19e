"""Text from outside, made safe to write: into the books, and into spreadsheets people open.

Journals: control characters (NUL, ESC, ...) and the invisible characters that reorder or hide
text (bidirectional overrides and isolates such as U+202E, zero-width characters, the BOM)
are *escaped*, not refused: a bank's description or a companion's note with a stray one is
still a true record, so it is booked with the character shown as `<U+202E>` (visible to the
auditor, reversible, and unable to make a line read differently from what it holds), and
the import report notes it. Tabs and line breaks become single spaces.

Spreadsheets (CSV and XLSX exports): a text cell that begins with `=`, `+`, `-`, `@`, a tab or
a carriage return is a formula to Excel and LibreOffice (formula injection: `=HYPERLINK(...)`,
`=cmd|...`), so it is written with a leading apostrophe, which both show as text. A plain
number such as `-19400` or `+62 812` is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# bidirectional embeddings, overrides and isolates, zero-width and directional marks, word
# joiner and invisible operators, the byte-order mark
_INVISIBLE = frozenset(
    [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x206A), 0xFEFF, 0x061C]
)
_SPACES = re.compile(r"[\t\n\r\v\f]+")
_NUMBER = re.compile(r"^[-+]?\d[\d.,\s]*$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unsafe(char: str) -> bool:
    """Whether `char` may not be written into a journal as itself."""
    return ord(char) in _INVISIBLE or (unicodedata.category(char) == "Cc")


def clean(text: str) -> tuple[str, list[str]]:
    """`text` with line breaks and tabs as spaces and every other unsafe character escaped as
    `<U+XXXX>`; also the code points escaped (`U+202E`), for the report."""
    spaced = _SPACES.sub(" ", text)
    if not any(unsafe(char) for char in spaced):
        return spaced, []
    found: list[str] = []
    out = []
    for char in spaced:
        if unsafe(char):
            code = f"U+{ord(char):04X}"
            found.append(code)
            out.append(f"<{code}>")
        else:
            out.append(char)
    return "".join(out), found


def spreadsheet_cell(value: object) -> object:
    """A value as it may go into a CSV or XLSX cell: text that a spreadsheet would run as a
    formula gets a leading apostrophe; numbers, dates and harmless text are unchanged."""
    if not isinstance(value, str) or not value.startswith(FORMULA_START):
        return value
    if _NUMBER.match(value):
        return value
    return "'" + value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    return [spreadsheet_cell(value) for value in values]
