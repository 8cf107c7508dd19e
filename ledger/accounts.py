"""The account scheme of the books contract: the one place that builds and reads account names.

Every other module asks this one for an account, so the scheme can be read, changed and
checked in one place (docs/architecture.md, "Accounts").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

AID_ROOTS = ("Assets:Aid", "Expenses:Aid", "Income:Aid", "Equity:Aid")

TRANSIT = "Transit"
SAVINGS = "Savings"
CASH = "Cash"
SUSPENSE = "Suspense"
GOODS = "Goods"
BANK_CHARGES = "BankCharges"
TAX = "Tax"
INTEREST = "Interest"
OWN_FUNDS = "OwnFunds"

PARTICIPANT_CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
_COMPONENT_RE = re.compile(r"^[A-Z0-9][A-Za-z0-9-]*$")


class AidAccount(NamedTuple):
    """An account of the participant tree, split into its parts."""

    root: str  # Assets, Expenses, Income or Equity
    participant: str
    role: str  # Transit, Savings, Cash, Suspense, Goods, BankCharges, Tax, Interest, OwnFunds
    category: str | None  # the goods category, for Goods accounts only


def normalise_participant_code(code: str) -> str:
    """The institution's own code, upper-cased and checked (P0001, KHR-24-007)."""
    cleaned = code.strip().upper()
    if not PARTICIPANT_CODE_RE.match(cleaned):
        raise ValueError(
            f"participant code {code!r} must be letters, digits and hyphens, starting with a letter or digit"
        )
    return cleaned


def component(text: str) -> str:
    """Turn free text (a funder, a bank, a category) into one account-name component.

    "Bahan baku" -> "BahanBaku", "Bank Sumsel Babel" -> "BankSumselBabel", "CSR 2026" -> "Csr2026"
    when the words are lower case; words already capitalised keep their case.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.split(r"[^A-Za-z0-9]+", ascii_text)
    name = "".join(w[:1].upper() + w[1:] for w in words if w)
    if not name or not _COMPONENT_RE.match(name):
        raise ValueError(f"{text!r} cannot be made into an account name")
    return name


def _aid(root: str, participant: str, *rest: str) -> str:
    return ":".join((root, "Aid", normalise_participant_code(participant), *rest))


def transit(participant: str) -> str:
    """Aid scheduled or sent, not yet credited to her savings book."""
    return _aid("Assets", participant, TRANSIT)


def savings(participant: str) -> str:
    """The savings book in her name."""
    return _aid("Assets", participant, SAVINGS)


def cash(participant: str) -> str:
    """Withdrawn, not yet covered by receipts."""
    return _aid("Assets", participant, CASH)


def suspense(participant: str) -> str:
    """Bank lines whose kind the rule table does not know."""
    return _aid("Assets", participant, SUSPENSE)


def goods(participant: str, category: str) -> str:
    """Receipted purchases, by plan category (free text made account-safe)."""
    return _aid("Expenses", participant, GOODS, component(category))


def bank_charges(participant: str) -> str:
    return _aid("Expenses", participant, BANK_CHARGES)


def tax(participant: str) -> str:
    return _aid("Expenses", participant, TAX)


def interest(participant: str) -> str:
    return _aid("Income", participant, INTEREST)


def own_funds(participant: str) -> str:
    """Her own deposits: money in the book that is not aid."""
    return _aid("Equity", participant, OWN_FUNDS)


def participant_accounts(participant: str) -> list[str]:
    """The accounts opened when a participant is registered (goods accounts open per category)."""
    return [
        transit(participant),
        savings(participant),
        cash(participant),
        suspense(participant),
        bank_charges(participant),
        tax(participant),
        interest(participant),
        own_funds(participant),
    ]


def grant(funder: str) -> str:
    """Aid granted by a funder."""
    return f"Income:Grant:{component(funder)}"


def institution(bank: str) -> str:
    """One of the institution's own bank accounts."""
    return f"Assets:Institution:{component(bank)}"


def institution_suspense() -> str:
    return "Assets:Institution:Suspense"


def institution_charges() -> str:
    return "Expenses:Institution:BankCharges"


def institution_interest() -> str:
    return "Income:Institution:Interest"


def institution_tax() -> str:
    return "Expenses:Institution:Tax"


def institution_equity() -> str:
    return "Equity:Institution:Opening"


@cache
def parse_aid_account(account: str) -> AidAccount | None:
    """Split an account of a participant's tree; None for any other account.

    Cached: the books name each account thousands of times and the rules ask on every posting.
    """
    parts = account.split(":")
    if len(parts) < 4 or parts[1] != "Aid" or parts[0] not in ("Assets", "Expenses", "Income", "Equity"):
        return None
    category = ":".join(parts[4:]) if parts[3] == GOODS and len(parts) > 4 else None
    return AidAccount(parts[0], parts[2], parts[3], category)


@cache
def participant_of(account: str) -> str | None:
    """The participant code an account belongs to, or None (cached like parse_aid_account)."""
    parts = account.split(":", 3)
    if len(parts) >= 3 and parts[1] == "Aid" and parts[0] in ("Assets", "Expenses", "Income", "Equity"):
        return parts[2]
    return None


def is_goods(account: str) -> bool:
    parsed = parse_aid_account(account)
    return parsed is not None and parsed.role == GOODS


def funder_of_grant(account: str) -> str | None:
    if account.startswith("Income:Grant:"):
        return account.split(":", 2)[2]
    return None
