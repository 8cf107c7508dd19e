"""`aidledger import --explain FILE`: how a statement PDF was read, for a support request.

Prints the layout description or reader used, the header fields found, the column bands, each
row with its page and line, the printed totals, the balance-chain check and the lines taken as
page furniture. Nothing is imported and no books are needed.

What it prints is meant to be attached to a support request, so it leaves out who the
statement belongs to: a header line that names the holder (Nama, Name) shows its label only,
and every run of 6 or more digits (account and card numbers) is masked to its last four.
Transaction descriptions are printed as the bank printed them (they may name the other side
of a transfer): read the output before sending it.
"""

from __future__ import annotations

import re
from pathlib import Path

from importers.bank import layouts, reader
from importers.booking import order_and_verify
from importers.tables import InputError

_NAME_LABEL = re.compile(r"^\s*(nama(\s+nasabah)?|name|customer\s+name|nama\s*/\s*name)\b", re.I)


def _mask(text: str) -> str:
    return re.sub(r"\d[\d\- ]{4,}\d", lambda m: _masked(m.group(0)), text)


def _masked(run: str) -> str:
    digits = re.sub(r"\D", "", run)
    return run if len(digits) < 6 else "****" + digits[-4:]


def _private(text: str) -> str:
    """A furniture or field line with the holder's name and long numbers hidden."""
    if _NAME_LABEL.match(text):
        label = _NAME_LABEL.match(text)
        assert label is not None
        return f"{label.group(0).strip()} : [hidden]"
    return _mask(text)


def explain_file(path: Path, password: str | None = None) -> tuple[str, bool]:
    """The explanation of one file, and whether it reads and verifies."""
    out = [f"{path}"]
    try:
        reading = reader.read(Path(path), password)
    except InputError as exc:
        out.append(f"  not read: {exc.message} ({exc.location})")
        return "\n".join(out), False
    statement = reading.statement
    layout = reading.layout
    if layout is layouts.GENERIC:
        out.append(
            "  reader: generic (no bank layout describes this statement; columns found by their headings)"
        )
    else:
        out.append(f"  layout: {layout.name} ({layout.bank}) {layout.description}")
    out.append(f"  amounts read as: {'1.234.567,00' if reading.locale == 'id' else '1,234,567.00'}")
    out.append("  header fields:")
    for key, text, location in reading.fields:
        out.append(f"    {key:<8} {location:<7} {_mask(text)}")
    if not statement.account_number:
        out.append(
            f"    account  none labelled: {len(statement.account_candidates)} numbers on page 1 "
            "to try against the accounts registered in the books"
        )
    out.append("  columns (x from the left edge, in points):")
    for band in reading.bands.values():
        out.append(f"    {band.key:<12} {band.x0:6.1f} - {band.x1:6.1f}  {band.label!r}")
    out.append(f"  rows ({len(statement.lines)}):")
    for line in statement.lines:
        amount = f"-{line.debit}" if line.debit else f"+{line.credit}"
        out.append(
            f"    {line.location:<7} {line.date}  {amount:>16}  balance {line.balance}  {line.description}"
        )
    out.append("  printed totals:")
    for key, value, location in reading.totals:
        out.append(f"    {key:<8} {location:<7} {value}")
    out.append(f"  opening balance from: {reading.opening_from}")
    try:
        placed = order_and_verify(statement)
    except InputError as exc:
        out.append(f"  chain check: BROKEN at {exc.location.replace(str(path) + ':', '')}: {exc.message}")
        ok = False
    else:
        end = placed[-1].balance if placed else statement.opening_balance
        out.append(
            f"  chain check: ok, {len(placed)} lines chain from the opening balance to {end}"
            + ", and agree with every printed total"
        )
        ok = True
    out.append(f"  page furniture ({len(reading.furniture)} lines, not read):")
    for furniture in reading.furniture:
        out.append(f"    {furniture.location:<7} {_private(furniture.text)}")
    return "\n".join(out), ok
