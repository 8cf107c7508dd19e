"""The identity register: names, NIK, addresses, phones and full account numbers, encrypted.

The books hold pseudonymous codes only. Who is behind a code is kept in one file encrypted
at rest with Fernet (AES-128-CBC with HMAC-SHA256, from the `cryptography` library); its key is
a separate file outside the books, so that handing the books folder to an auditor does not hand
over the people in it.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from ledger.writer import write_files_atomically

ENV_KEY = "AIDLEDGER_KEY"


class RegisterError(Exception):
    pass


@dataclass(frozen=True)
class Identity:
    code: str
    name: str
    nik: str = ""
    address: str = ""
    phone: str = ""
    account_number: str = ""


def default_key_path(books_id: str) -> Path:
    """$XDG_CONFIG_HOME/aidledger/keys/<books-id>.key: outside any books folder."""
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "aidledger" / "keys" / f"{books_id}.key"


def key_path(option: str | os.PathLike[str] | None, books_id: str) -> Path:
    """--key, else $AIDLEDGER_KEY, else the default location for these books."""
    chosen = option or os.environ.get(ENV_KEY)
    return Path(chosen).expanduser() if chosen else default_key_path(books_id)


def create_key(path: Path) -> bytes:
    """A new key file readable by its owner only; refuses to overwrite an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key


def read_key(path: Path) -> bytes:
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        raise RegisterError(f"no identity key at {path}: give it with --key or ${ENV_KEY}") from None


def load_or_create_key(path: Path) -> bytes:
    return read_key(path) if path.exists() else create_key(path)


class Register:
    """The decrypted register in memory; `save()` writes it back encrypted and atomically."""

    def __init__(self, path: Path, key: bytes, people: dict[str, Identity] | None = None):
        self.path = path
        self._fernet = Fernet(key)
        self.people: dict[str, Identity] = dict(people or {})

    @classmethod
    def open(cls, path: Path, key: bytes) -> Register:
        if not path.exists():
            return cls(path, key)
        try:
            plain = Fernet(key).decrypt(path.read_bytes())
        except InvalidToken:
            raise RegisterError(f"{path}: the key does not open this register") from None
        names = {f.name for f in fields(Identity)}
        people = {
            code: Identity(**{k: v for k, v in row.items() if k in names})
            for code, row in json.loads(plain).items()
        }
        return cls(path, key, people)

    def put(self, identity: Identity) -> None:
        self.people[identity.code] = identity

    def get(self, code: str) -> Identity | None:
        return self.people.get(code)

    def save(self) -> None:
        plain = json.dumps({c: asdict(p) for c, p in sorted(self.people.items())}, ensure_ascii=False)
        token = self._fernet.encrypt(plain.encode("utf-8"))
        write_files_atomically({self.path: token.decode("ascii")})
        os.chmod(self.path, stat.S_IRUSR | stat.S_IWUSR)
