"""The identity register: encrypted at rest, opened only with its key."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from ledger import identity


def test_register_round_trip_is_encrypted_at_rest(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "books.key"
    key = identity.load_or_create_key(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    register = identity.Register.open(tmp_path / "register" / "identity.enc", key)
    register.put(
        identity.Identity("P0001", "Rina Kusuma", "1671012345678901", "Jl. Kenanga 1", "0812", "123456789")
    )
    register.save()
    raw = (tmp_path / "register" / "identity.enc").read_bytes()
    assert b"Rina" not in raw and b"1671012345678901" not in raw and b"123456789" not in raw
    again = identity.Register.open(tmp_path / "register" / "identity.enc", identity.read_key(key_file))
    assert again.get("P0001") == register.get("P0001")


def test_a_wrong_key_does_not_open_the_register(tmp_path: Path) -> None:
    key = identity.create_key(tmp_path / "a.key")
    register = identity.Register.open(tmp_path / "r.enc", key)
    register.put(identity.Identity("P0001", "Rina"))
    register.save()
    other = identity.create_key(tmp_path / "b.key")
    with pytest.raises(identity.RegisterError, match="does not open"):
        identity.Register.open(tmp_path / "r.enc", other)


def test_an_existing_key_is_never_overwritten(tmp_path: Path) -> None:
    first = identity.load_or_create_key(tmp_path / "k.key")
    assert identity.load_or_create_key(tmp_path / "k.key") == first
    with pytest.raises(FileExistsError):
        identity.create_key(tmp_path / "k.key")


def test_key_location_defaults_outside_the_books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert identity.key_path(None, "abc") == tmp_path / "cfg" / "aidledger" / "keys" / "abc.key"
    monkeypatch.setenv("AIDLEDGER_KEY", str(tmp_path / "env.key"))
    assert identity.key_path(None, "abc") == tmp_path / "env.key"
    assert identity.key_path(tmp_path / "opt.key", "abc") == tmp_path / "opt.key"
