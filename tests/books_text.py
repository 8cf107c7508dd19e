"""Small hand-written books for rule tests: a registered participant and one companion."""

from __future__ import annotations

from pathlib import Path

HEADER = """\
option "operating_currency" "IDR"
plugin "ledger.plugin" "en"

2026-01-01 custom "funder" "Kemensos"
  label: "Kementerian Sosial RI"
2026-01-01 custom "companion" "C01"
2026-01-01 custom "cohort" "2026-A"
2026-01-01 open Income:Grant:Kemensos IDR

2026-01-05 custom "participant" "P0001"
  group: "Tata Boga"
  cohort: "2026-A"
  companion: "C01"
  funder: "Kemensos"
  bank: "BRI"
  product: "Simpedes"
  account-mask: "****1234"
  account-hash: "scrypt:00"
  min-balance: 25000 IDR
2026-01-05 open Assets:Aid:P0001:Transit IDR
2026-01-05 open Assets:Aid:P0001:Savings IDR
2026-01-05 open Assets:Aid:P0001:Cash IDR
2026-01-05 open Expenses:Aid:P0001:Goods:Peralatan IDR

2026-02-10 * "Kemensos" "Bantuan modal usaha"
  batch: "B1"
  Assets:Aid:P0001:Transit  3000000 IDR
  Income:Grant:Kemensos
2026-02-12 * "TRF" "TRF BANTUAN KEMENSOS"
  source: "statements/bri.pdf"
  Assets:Aid:P0001:Savings  3000000 IDR
  Assets:Aid:P0001:Transit
"""


def books(tmp: Path, extra: str = "") -> Path:
    path = tmp / "main.beancount"
    path.write_text(HEADER + extra, encoding="utf-8")
    return path


def recipient_for_tests() -> str:
    """The public half of a fresh identity key, for books that tests build."""
    from pyrage import x25519

    from ledger.identity import recipient_of

    return recipient_of(x25519.Identity.generate())
