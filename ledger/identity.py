"""The identity register: names, NIK, addresses, phones and full account numbers, encrypted.

The books hold pseudonymous codes only. Who is behind a code is kept in files encrypted with
age (library pyrage, X25519) to the books' recipient, whose public half sits in the books'
settings (`age-recipient`) and whose secret half is a key file outside the books. Encrypting
needs only the public half, so importing a participant register or archiving a statement
needs no key; reading the register back (`aidledger identity show|export`, reports
`--with-names`) does.

The register is a folder of segments, each an age file of JSON records; later segments win.
A segment's name is a salted digest of its content, so importing the same sheet twice adds
nothing. `Register.save()` (with the key) compacts all segments into one.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import pyrage
from pyrage import x25519

from ledger.writer import write_files_atomically

ENV_KEY = "AIDLEDGER_KEY"
SEGMENT_SUFFIX = ".age"


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


def _inside(path: Path, books_root: Path | None) -> bool:
    if books_root is None:
        return False
    return path.expanduser().resolve().is_relative_to(books_root.expanduser().resolve())


def check_key_file(path: Path, books_root: Path | None = None) -> None:
    """Refuse a key file that does not keep the register secret, as ssh refuses a private key
    others can read: not a regular file (a folder, a device, a FIFO), readable or writable by
    group or others, or kept inside the books folder it unlocks (whoever copies the books
    would hold the key too). The message says how to fix it."""
    if _inside(path, books_root):
        raise RegisterError(
            f"the key {path} is inside the books folder {books_root}: keep it outside "
            f"(move it, then give it with --key or ${ENV_KEY})"
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        raise RegisterError(f"no identity key at {path}: give it with --key or ${ENV_KEY}") from None
    except OSError as exc:
        raise RegisterError(f"cannot read the key {path} ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise RegisterError(f"the key {path} is {what}: give the key file itself with --key or ${ENV_KEY}")
    if info.st_mode & 0o077:
        raise RegisterError(
            f"the key {path} can be read or changed by others (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"a key must be its owner's only: run `chmod 600 {path}`"
        )


def create_key(path: Path, books_root: Path | None = None) -> x25519.Identity:
    """A new age identity in a file readable by its owner only; never overwrites one, never
    inside the books folder."""
    if _inside(path, books_root):
        raise RegisterError(
            f"the key {path} would be inside the books folder {books_root}: keep it outside "
            f"(give another path with --key, or none for the default {default_key_path('<books-id>')})"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = x25519.Identity.generate()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    except FileExistsError:
        if path.is_dir():
            check_key_file(path, books_root)  # says it is a folder
        raise
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(f"# aidledger identity register key; public key: {key.to_public()}\n{key}\n")
    return key


def read_key(path: Path, books_root: Path | None = None) -> x25519.Identity:
    """The key in `path`, after `check_key_file`."""
    check_key_file(path, books_root)
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise RegisterError(f"{path} is not an aidledger key file") from None
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    try:
        return x25519.Identity.from_str(lines[0])
    except (IndexError, ValueError, pyrage.IdentityError):
        raise RegisterError(f"{path} is not an aidledger key file") from None


def load_or_create_key(path: Path, books_root: Path | None = None) -> x25519.Identity:
    exists = path.exists() or path.is_symlink()
    return read_key(path, books_root) if exists else create_key(path, books_root)


def recipient_of(key: x25519.Identity) -> str:
    return str(key.to_public())


def _recipient(text: str) -> x25519.Recipient:
    try:
        return x25519.Recipient.from_str(text)
    except (ValueError, pyrage.RecipientError):
        raise RegisterError(f"the books' age-recipient {text!r} is not an age public key") from None


def encrypt(plain: bytes, recipient: str) -> bytes:
    return bytes(pyrage.encrypt(plain, [_recipient(recipient)]))


def decrypt(token: bytes, key: x25519.Identity, what: str) -> bytes:
    try:
        return bytes(pyrage.decrypt(token, [key]))
    except pyrage.DecryptError:
        raise RegisterError(f"{what}: the key does not open it") from None


def _encode(people: list[Identity]) -> bytes:
    rows = {p.code: asdict(p) for p in sorted(people, key=lambda p: p.code)}
    return json.dumps(rows, ensure_ascii=False, sort_keys=True).encode("utf-8")


def append_segment(folder: Path, recipient: str, people: list[Identity], salt: str = "") -> tuple[Path, bool]:
    """Add identities without the key (encrypting needs the public half only).

    Returns the segment and whether it is new (an identical one may be there already).
    """
    plain = _encode(people)
    digest = hashlib.sha256(salt.encode() + plain).hexdigest()[:20]
    target = folder / f"identity-{digest}{SEGMENT_SUFFIX}"
    if target.exists():
        return target, False
    write_files_atomically({target: encrypt(plain, recipient)})
    os.chmod(target, stat.S_IRUSR | stat.S_IWUSR)
    return target, True


def _segments(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"identity-*{SEGMENT_SUFFIX}"), key=lambda p: (p.stat().st_mtime_ns, p.name))


class Register:
    """The decrypted register in memory; `save()` re-encrypts it as one segment."""

    def __init__(self, folder: Path, key: x25519.Identity, people: dict[str, Identity] | None = None):
        self.folder = folder
        self._key = key
        self.people: dict[str, Identity] = dict(people or {})

    @classmethod
    def open(cls, folder: Path, key: x25519.Identity) -> Register:
        names = {f.name for f in fields(Identity)}
        people: dict[str, Identity] = {}
        for segment in _segments(folder):
            plain = decrypt(segment.read_bytes(), key, str(segment))
            for code, row in json.loads(plain).items():
                people[code] = Identity(**{k: v for k, v in row.items() if k in names})
        return cls(folder, key, people)

    def put(self, identity: Identity) -> None:
        self.people[identity.code] = identity

    def get(self, code: str) -> Identity | None:
        return self.people.get(code)

    def save(self) -> None:
        old = _segments(self.folder)
        written, _ = append_segment(self.folder, recipient_of(self._key), list(self.people.values()))
        for segment in old:
            if segment != written:
                segment.unlink()
