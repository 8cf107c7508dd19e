"""ledger/scope.py on its own: codes found as whole words, hyphenated codes, masking."""

from __future__ import annotations

import pytest

from ledger.scope import MASK, Scope

SCOPE = Scope({"P0001"}, ["P0001", "P0002", "KHR-24-007", "P0003"])


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("Assets:Aid:P0002:Cash", f"Assets:Aid:{MASK}:Cash"),
        ("NT-P0002-01", f"NT-{MASK}-01"),
        ("receipt:p0002:Toko", f"receipt:{MASK}:Toko"),
        ("a KHR-24-007 b", f"a {MASK} b"),
        ("x-KHR-24-007-y", f"x-{MASK}-y"),
        ("documents/P0003/2026-03-01.jpg.age", f"documents/{MASK}/2026-03-01.jpg.age"),
    ],
)
def test_other_codes_are_found_and_masked(text: str, masked: str) -> None:
    assert SCOPE.names_other(text)
    assert SCOPE.mask(text) == masked


@pytest.mark.parametrize("text", ["P00021", "KHR-24-0071", "P0001 only", "Peralatan", "2026-03-01", ""])
def test_her_code_and_lookalikes_are_left_alone(text: str) -> None:
    assert not SCOPE.names_other(text)
    assert SCOPE.mask(text) == text
