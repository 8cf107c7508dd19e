"""Helpers of the report tests: reading PDFs back and rendering them to PNG."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pypdf import PdfReader

PDFTOPPM = "/usr/bin/pdftoppm"


def pdf_text(path: Path) -> str:
    """The text of every page, whitespace collapsed to single spaces."""
    text = " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def render_png(path: Path, folder: Path, resolution: int = 20) -> list[Path]:
    """Every page of the PDF as a PNG (pdftoppm); returns the files in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / path.stem
    subprocess.run([PDFTOPPM, "-png", "-r", str(resolution), str(path), str(prefix)], check=True)
    return sorted(folder.glob(f"{path.stem}-*.png"))


def is_png(path: Path) -> bool:
    data = path.read_bytes()
    return len(data) > 200 and data[:8] == b"\x89PNG\r\n\x1a\n"
