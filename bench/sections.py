"""One section of docs/benchmarks.md rewritten by the benchmark that measures it."""

from __future__ import annotations

from pathlib import Path


def replace_section(doc: Path, heading: str, text: str) -> None:
    """Put `text` (which starts with `heading`) where that section stands, keeping every other
    section as it is; appended at the end when the file has no such section yet."""
    old = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    section = text.rstrip("\n") + "\n"
    if heading in old:
        head, _, rest = old.partition(heading)
        following = rest.find("\n## ")
        new = head + section + ("\n" + rest[following + 1 :] if following >= 0 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + section
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(new.rstrip("\n") + "\n", encoding="utf-8")
