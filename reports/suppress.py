"""Small-group suppression for reports meant for funders.

A funder report shows no individual: a group of fewer than MIN_GROUP participants is not shown
on its own. Its count is written "<5" and its figures are folded into one "other" row. Folding
continues with the next smallest group until the folded participants number at least
MIN_GROUP, so that a single small group cannot be recovered by subtracting the shown groups
from the total. When the whole population is below MIN_GROUP, only the total is shown, with
its count suppressed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

MIN_GROUP = 5


@dataclass(frozen=True)
class Group:
    name: str
    count: int
    values: tuple[Decimal, ...]


@dataclass(frozen=True)
class Shown:
    """What a report prints: the groups shown, the folded row (None if nothing was folded)."""

    groups: list[Group]
    folded: Group | None
    folded_names: list[str]


def count_label(count: int, minimum: int = MIN_GROUP) -> str | None:
    """ "<5" for a count under the minimum (None: the count may be shown)."""
    return f"<{minimum}" if 0 < count < minimum else None


def suppress(groups: Sequence[Group], other_name: str, minimum: int = MIN_GROUP) -> Shown:
    kept = sorted(groups, key=lambda g: (g.count, g.name))
    folded: list[Group] = []
    while kept and (
        any(g.count < minimum for g in kept) or (folded and sum(g.count for g in folded) < minimum)
    ):
        folded.append(kept.pop(0))
    if not folded:
        return Shown(sorted(groups, key=lambda g: g.name), None, [])
    width = len(groups[0].values)
    values = tuple(sum((g.values[i] for g in folded), Decimal(0)) for i in range(width))
    row = Group(other_name, sum(g.count for g in folded), values)
    return Shown(sorted(kept, key=lambda g: g.name), row, sorted(g.name for g in folded))
