"""Bank account numbers kept out of the books: a masked form to read, a salted hash to match.

Importers map a statement to its participant by hashing the number printed on it with the
books' salt and comparing with the hash on her participant record; no key is needed and
the number itself never enters the books (it lives in the encrypted register).
"""

from __future__ import annotations

import hashlib
import re
import secrets

_SCRYPT = {"n": 2**12, "r": 8, "p": 1, "dklen": 16}


def digits_only(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if len(digits) < 6:
        raise ValueError(f"account number {number!r} has fewer than 6 digits")
    return digits


def mask(number: str) -> str:
    """Last four digits only: ****1234."""
    return "****" + digits_only(number)[-4:]


def new_salt() -> str:
    return secrets.token_hex(16)


def account_hash(number: str, salt: str) -> str:
    """A slow salted hash (scrypt) of the digits, so the books cannot be searched by number."""
    digest = hashlib.scrypt(digits_only(number).encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    return "scrypt:" + digest.hex()
