"""What the statement reader (importers/bank/reader.py) needs from a PDF: open it (with a
password), its words with positions, grouped into lines; column bands and cells; field readers
that raise InputError at a line's location.

Words come from pypdfium2's characters (pdfminer's layout characters when pypdfium2 is not
installed): a space or a gap ends a word. Lines are the words whose bottoms agree within 2.5 pt.
Locations are "p<page>:<line>", the line counted from the top of the page among lines with text.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from importers import session as importsession
from importers.messages import tr
from importers.parsing import ParseError, parse_amount
from importers.tables import InputError
from ledger.fold import fold

LINE_TOLERANCE = 2.5  # points: words whose bottoms differ by less sit on one line
CHUNK_GAP = 0.6  # in font sizes: a wider gap between words separates two cells


class PasswordRequired(InputError):
    """The PDF is encrypted and no password, or a wrong one, was given."""


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass
class Line:
    page: int
    number: int
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def location(self) -> str:
        return f"p{self.page}:{self.number}"


@dataclass
class Page:
    number: int
    lines: list[Line]


@dataclass
class Header:
    """A header row found on a page: each column's x range."""

    line: Line
    spans: dict[str, tuple[float, float]] = field(default_factory=dict)

    def cells(self, line: Line) -> dict[str, str]:
        """The text of each column on `line` (absent columns are left out).

        A run of close words is one cell: it goes to the column whose header it overlaps most,
        or, overlapping none, to the nearest one (a short amount right-aligned under a centred
        header). A run that overlaps two headers (cells printed too close) is split word by word.
        """
        found: dict[str, list[Word]] = {}
        for chunk in _chunks(line.words):
            x0, x1 = chunk[0].x0, chunk[-1].x1
            overlapped = [k for k, (a, b) in self.spans.items() if min(x1, b) - max(x0, a) > 0]
            if len(overlapped) > 1:
                for word in chunk:
                    found.setdefault(self._column(word.x0, word.x1), []).append(word)
            else:
                found.setdefault(self._column(x0, x1), []).extend(chunk)
        return {key: " ".join(w.text for w in words) for key, words in found.items()}

    def _column(self, x0: float, x1: float) -> str:
        """The column whose header overlaps x0..x1 most, or, overlapping none, is nearest."""
        best, best_score = "", float("-inf")
        for key, (a, b) in self.spans.items():
            score = min(x1, b) - max(x0, a)  # overlap when positive, minus the gap when negative
            if score > best_score:
                best, best_score = key, score
        return best


def _chunks(words: Sequence[Word]) -> Iterator[list[Word]]:
    """Runs of words close enough to be one cell's text."""
    run: list[Word] = []
    for word in sorted(words, key=lambda w: w.x0):
        if run and word.x0 - run[-1].x1 > CHUNK_GAP * max(word.size, run[-1].size):
            yield run
            run = []
        run.append(word)
    if run:
        yield run


def _norm(text: str) -> str:
    """A printed word as a token of a label: folded (ledger.fold), "&" and parentheses kept as
    the words they are in a heading ("Tanggal & Waktu", "Nominal (IDR)")."""
    return fold(text, keep="&()")


@contextlib.contextmanager
def open_pdf(path: Path, password: str | None = None) -> Iterator[Any]:
    """pdfplumber's PDF, or InputError (PasswordRequired for encryption) naming the file."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    path = Path(path)
    _check_file(path, need_end=False)
    try:
        pdf = pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many kinds for a damaged file; pdfplumber wraps them
        cause = exc.args[0] if exc.__class__.__name__ == "PdfminerException" and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            message = tr(
                "wrong password for this PDF"
                if password
                else "the PDF is password-protected; give the password"
            )
            raise PasswordRequired(str(path), message) from None
        if isinstance(cause, PDFEncryptionError):
            raise InputError(str(path), f"unsupported PDF encryption ({cause})") from None
        raise InputError(
            str(path), tr("damaged or truncated PDF ({reason})", reason=cause.__class__.__name__)
        ) from None
    try:
        yield pdf
    finally:
        pdf.close()


# in font sizes: characters further apart than this end a word, as a space does. Some PDF
# writers place each word by itself and print no space characters; a space is ~0.28 em wide
# in Helvetica, kerning and letter gaps stay far below 0.15 em.
WORD_GAP = 0.15


# radians: text turned further than this from the horizontal is not the table's text
UPRIGHT_WITHIN = 0.02


def upright(angle: float) -> bool:
    """Whether text printed at `angle` (radians, counter-clockwise) reads horizontally.

    Banks print "COPY", "SALINAN" or the customer's name diagonally across the page behind the
    table; those characters would otherwise be grouped into lines with the rows they cross and
    end up in a description. A statement's own text is always horizontal, so turned characters
    are dropped as page furniture, like a logo.
    """
    angle = angle % (2 * math.pi)
    return min(angle, 2 * math.pi - angle) <= UPRIGHT_WITHIN


def _characters(objects: Any) -> Iterator[Any]:
    from pdfminer.layout import LTChar

    for item in objects:
        if isinstance(item, LTChar):
            a, b = item.matrix[0], item.matrix[1]
            if upright(math.atan2(b, a)):
                yield item
        elif hasattr(item, "__iter__"):
            yield from _characters(item)


def _words(page: Any) -> list[Word]:
    """The page's words from pdfminer's layout characters, in content order.

    pdfplumber's `extract_words` gives the same words but first turns every character into a
    dict of all its attributes, which is two thirds of the reading time; a statement needs only
    text, box and size.
    """
    layout = page.layout
    height = layout.y1
    words: list[Word] = []
    text: list[str] = []
    first: Any = None
    last: Any = None
    for char in _characters(layout):
        glyph = char.get_text()
        joins = (
            last is not None
            and abs(char.y0 - last.y0) <= 1.0
            and -WORD_GAP * last.size <= char.x0 - last.x1 <= WORD_GAP * last.size
        )
        if text and (not joins or glyph.isspace()):
            words.append(
                Word("".join(text), first.x0, last.x1, height - first.y1, height - first.y0, first.size)
            )
            text = []
        if glyph.isspace():
            last = None
            continue
        if not text:
            first = char
        text.append(glyph)
        last = char
    if text:
        words.append(Word("".join(text), first.x0, last.x1, height - first.y1, height - first.y0, first.size))
    return words


SOFT_HYPHEN_MARK = 0x02


def _pdfium_words(page: Any) -> list[Word]:
    """The page's words from pdfium's characters, in content order (what `_words` builds from
    pdfminer's layout, about five times faster: pdfium does the content interpretation in C).

    A word's bottom is its baseline plus a typical descent (0.22 font sizes), its top a font
    size above: lines are grouped by baseline, as with pdfminer's font-box bottoms.
    """
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(textpage)
        height = page.get_height()
        rect = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        words: list[Word] = []
        text: list[str] = []
        first: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
        last: tuple[float, float, float, float] | None = None

        def word() -> Word:
            assert last is not None
            baseline = height - first[2]
            return Word(
                "".join(text), first[0], last[1], baseline - first[3], baseline + 0.22 * first[3], first[3]
            )

        for index in range(count):
            code = raw.FPDFText_GetUnicode(textpage, index)
            # pdfium reports a hyphen that ends a printed line as 0x02 (its soft-hyphen marker):
            # on the page it is a hyphen, and a wrapped description keeps it ("TRF-" / "BRIVA")
            glyph = "-" if code == SOFT_HYPHEN_MARK else chr(code) if code else " "
            if (
                glyph.isspace()
                or raw.FPDFText_IsGenerated(textpage, index) == 1
                or not upright(max(raw.FPDFText_GetCharAngle(textpage, index), 0.0))  # -1: unknown
            ):
                if text:
                    words.append(word())
                    text = []
                last = None
                continue
            raw.FPDFText_GetLooseCharBox(textpage, index, rect)
            raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(ox), ctypes.byref(oy))
            size = raw.FPDFText_GetFontSize(textpage, index)
            current = (rect.left, rect.right, oy.value, size)
            joins = (
                last is not None
                and abs(current[2] - last[2]) <= 1.0
                and -WORD_GAP * last[3] <= current[0] - last[1] <= WORD_GAP * last[3]
            )
            if text and not joins:
                words.append(word())
                text = []
            if not text:
                first = current
            text.append(glyph)
            last = current
        if text:
            words.append(word())
        return words
    finally:
        textpage.close()


def _page_lines(number: int, page: Any, words: list[Word] | None = None) -> list[Line]:
    words = _words(page) if words is None else words
    words.sort(key=lambda w: (w.bottom, w.x0))
    groups: list[list[Word]] = []
    for word in words:
        if groups and abs(word.bottom - groups[-1][0].bottom) <= LINE_TOLERANCE:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [
        Line(number, index, sorted(group, key=lambda w: w.x0)) for index, group in enumerate(groups, start=1)
    ]


# the pages of a file read whole are kept by the import session (importers.session): the
# identify() of each PDF layout and the parse of one file read it once. Files opened with a
# password are never kept (nor is anything derived from them).
_WHOLE_UP_TO = 4  # pages: a statement this short is read whole even when page 1 is asked


def read_pages(path: Path, password: str | None = None, max_pages: int | None = None) -> list[Page]:
    """Every page's text lines, top to bottom; InputError when the file is not a readable PDF."""
    path = Path(path)
    session = importsession.active()
    key = importsession.fingerprint(path) if session is not None and not password else None
    if session is not None and key is not None and key in session.pages:
        cached: list[Page] = session.pages[key]
        return cached[:max_pages] if max_pages else cached
    found = _pdfium_pages(path, password, max_pages) if TEXT_ENGINE == "pdfium" else None
    pages, whole = found if found is not None else _pdfminer_pages(path, password, max_pages)
    if not pages or not any(p.lines for p in pages):
        raise InputError(str(path), tr("the PDF has no text (a scan or an empty document)"))
    if session is not None and key is not None and whole:
        session.remember(session.pages, key, pages)
    return pages[:max_pages] if max_pages else pages


# which library gives the characters with positions: "pdfium" (pypdfium2, the default when
# installed) or "pdfminer" (bench/bench_parse_pdf.py times both)
TEXT_ENGINE = "pdfium"


def _pdfium_pages(path: Path, password: str | None, max_pages: int | None) -> tuple[list[Page], bool] | None:
    """Every page's lines read with pdfium, or None when pypdfium2 is not installed (pdfminer
    reads them then). The file checks and messages are open_pdf's."""
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:
        return None
    _check_file(path)
    try:
        document = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD:
            message = tr(
                "wrong password for this PDF"
                if password
                else "the PDF is password-protected; give the password"
            )
            raise PasswordRequired(str(path), message) from None
        raise InputError(
            str(path), tr("damaged or truncated PDF ({reason})", reason="pdfium cannot open it")
        ) from None
    pages: list[Page] = []
    try:
        count = len(document)
        whole = max_pages is None or count <= _WHOLE_UP_TO
        for index in range(count if whole else min(count, max_pages or count)):
            page = document[index]
            try:
                pages.append(Page(index + 1, _page_lines(index + 1, None, _pdfium_words(page))))
            finally:
                page.close()
    except InputError:
        raise
    except Exception as exc:  # a damaged page tree or content stream
        raise InputError(
            f"{path}:p{len(pages) + 1}",
            tr("damaged or truncated PDF ({reason})", reason=exc.__class__.__name__),
        ) from None
    finally:
        document.close()
    return pages, whole


PDF_HEADER_WITHIN = 1024  # bytes: where PDF readers look for the header (ISO 32000, Acrobat)


def looks_like_pdf(head: bytes) -> bool:
    """The one "%PDF" sniff: the header "%PDF-" within a file's first 1024 bytes. Readers
    tolerate bytes before it (a download or mail gateway that prepends a line), so the checks,
    identify() and the import's diagnosis all accept what pdfminer can read, and agree."""
    return b"%PDF-" in head[:PDF_HEADER_WITHIN]


def _check_file(path: Path, need_end: bool = True) -> None:
    """The checks before a reader is asked: readable, not empty, a PDF, not cut short."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), tr("cannot read the file ({reason})", reason=exc.strerror)) from None
    if size == 0:
        raise InputError(str(path), tr("the file is empty"))
    with path.open("rb") as handle:
        if not looks_like_pdf(handle.read(PDF_HEADER_WITHIN)):
            raise InputError(str(path), tr("not a PDF file"))
        handle.seek(max(0, size - 2048))
        if need_end and b"%%EOF" not in handle.read():
            raise InputError(
                str(path), tr("damaged or truncated PDF ({reason})", reason="no end-of-file marker")
            )


def _pdfminer_pages(path: Path, password: str | None, max_pages: int | None) -> tuple[list[Page], bool]:
    pages = []
    whole = True
    with open_pdf(path, password) as pdf:
        try:
            count = len(pdf.pages)
            whole = max_pages is None or count <= _WHOLE_UP_TO
            for index in range(count if whole else min(count, max_pages or count)):
                page = pdf.pages[index]
                pages.append(Page(index + 1, _page_lines(index + 1, page)))
                page.close()  # drop the page's cached layout: long statements stay small
        except InputError:
            raise
        except Exception as exc:  # a damaged page tree or content stream
            raise InputError(
                f"{path}:p{len(pages) + 1}",
                tr("damaged or truncated PDF ({reason})", reason=exc.__class__.__name__),
            ) from None
    return pages, whole


def is_encrypted(path: Path) -> bool:
    """True for a PDF that needs a password to be read (so a caller knows to ask for one)."""
    try:
        with open_pdf(Path(path)):
            return False
    except PasswordRequired:
        return True
    except InputError:
        return False


def first_page_lines(path: Path, password: str | None = None) -> list[Line]:
    """Page 1's lines for `identify()`: empty for anything unreadable, encrypted without the
    right password, or not a PDF."""
    path = Path(path)
    try:
        if path.suffix.lower() != ".pdf" and not path.is_file():
            return []
        with path.open("rb") as handle:
            if not looks_like_pdf(handle.read(PDF_HEADER_WITHIN)):
                return []
        return read_pages(path, password, max_pages=1)[0].lines
    except PasswordRequired:
        return []
    except Exception:
        return []


ROW_BAND = 1.6  # in font sizes: a wrapped line sits this close under the line above it


# page footers, matched whole so a wrapped description never ends a table
FOOTER = re.compile(
    r"^(?:(?:halaman|page)(?:\s*/\s*page)?\s+\d+\s*(?:dari|of|/)\s*\d+|\d+\s+(?:dari|of)\s+\d+)$", re.I
)


# Field readers: each raises InputError at the line's location in the file.


def where(path: Path, line: Line) -> str:
    return f"{path}:{line.location}"


def amount(text: str, locale: str, path: Path, line: Line, what: str) -> Decimal:
    try:
        return parse_amount(text, locale)
    except ParseError as exc:
        raise InputError(where(path, line), f"{what}: {exc}") from None


def one_side(debit: Decimal, credit: Decimal, path: Path, line: Line) -> tuple[Decimal, Decimal]:
    """Debit and credit of a split-column row: 0.00 on the unused side; both non-zero is refused."""
    if debit < 0 or credit < 0:
        raise InputError(where(path, line), f"negative amount in a debit/credit column ({debit}, {credit})")
    if debit and credit:
        raise InputError(
            where(path, line), f"both debit ({debit}) and credit ({credit}) are non-zero; refused, not netted"
        )
    return debit, credit


# HH:MM(:SS), also with dots (05.31.09); never a piece of a longer run of numbers joined by
# dots, slashes or dashes, so the date 31.01.2026 is not the time 31:01
_TIME_OF = re.compile(r"(?<![\d.:/\-])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![.:/\-]?\d)")


def time_of(text: str, path: Path, line: Line) -> datetime.time | None:
    """The HH:MM(:SS) printed in `text`, if any."""
    match = _TIME_OF.search(text)
    if not match:
        return None
    try:
        return datetime.time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    except ValueError:
        raise InputError(where(path, line), f"invalid time {match.group(0)!r}") from None
