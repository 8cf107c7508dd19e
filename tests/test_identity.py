"""The identity register: encrypted at rest with age, written without the key, read with it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from ledger import identity

RINA = identity.Identity("P0001", "Rina Kusuma", "1671012345678901", "Jl. Kenanga 1", "0812", "123456789")


def test_segments_are_written_with_the_public_key_and_read_with_the_secret(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "books.key"
    secret = identity.load_or_create_key(key_file)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    folder = tmp_path / "register"
    segment, new = identity.append_segment(folder, identity.recipient_of(secret), [RINA], "salt")
    assert new
    raw = segment.read_bytes()
    assert b"Rina" not in raw and b"1671012345678901" not in raw and b"123456789" not in raw
    again = identity.Register.open(folder, identity.read_key(key_file))
    assert again.get("P0001") == RINA


def test_the_same_identities_twice_add_no_segment(tmp_path: Path) -> None:
    recipient = identity.recipient_of(identity.create_key(tmp_path / "k.key"))
    first, _ = identity.append_segment(tmp_path / "r", recipient, [RINA], "salt")
    second, new = identity.append_segment(tmp_path / "r", recipient, [RINA], "salt")
    assert second == first and not new
    assert len(list((tmp_path / "r").iterdir())) == 1


def test_later_segments_win_and_save_compacts(tmp_path: Path) -> None:
    secret = identity.create_key(tmp_path / "k.key")
    folder = tmp_path / "r"
    identity.append_segment(folder, identity.recipient_of(secret), [RINA])
    moved = identity.Identity("P0001", "Rina Kusuma", address="Lr. Mawar 2")
    identity.append_segment(folder, identity.recipient_of(secret), [moved])
    register = identity.Register.open(folder, secret)
    assert register.get("P0001") == moved
    register.put(identity.Identity("P0002", "Sari Dewi"))
    register.save()
    assert len(list(folder.iterdir())) == 1
    assert sorted(identity.Register.open(folder, secret).people) == ["P0001", "P0002"]


def test_a_wrong_key_does_not_open_the_register(tmp_path: Path) -> None:
    secret = identity.create_key(tmp_path / "a.key")
    identity.append_segment(tmp_path / "r", identity.recipient_of(secret), [RINA])
    other = identity.create_key(tmp_path / "b.key")
    with pytest.raises(identity.RegisterError, match="does not open"):
        identity.Register.open(tmp_path / "r", other)
    (tmp_path / "junk.key").write_text("not a key\n")
    (tmp_path / "junk.key").chmod(0o600)
    with pytest.raises(identity.RegisterError, match="not an aidledger key"):
        identity.read_key(tmp_path / "junk.key")


def test_an_existing_key_is_never_overwritten(tmp_path: Path) -> None:
    first = identity.load_or_create_key(tmp_path / "k.key")
    assert str(identity.load_or_create_key(tmp_path / "k.key")) == str(first)
    with pytest.raises(FileExistsError):
        identity.create_key(tmp_path / "k.key")


def test_key_location_defaults_outside_the_books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert identity.key_path(None, "abc") == tmp_path / "cfg" / "aidledger" / "keys" / "abc.key"
    monkeypatch.setenv("AIDLEDGER_KEY", str(tmp_path / "env.key"))
    assert identity.key_path(None, "abc") == tmp_path / "env.key"
    assert identity.key_path(tmp_path / "opt.key", "abc") == tmp_path / "opt.key"


def _key(tmp_path: Path, mode: int = 0o600) -> Path:
    path = tmp_path / "keys" / "k.key"
    identity.create_key(path)
    path.chmod(mode)
    return path


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660, 0o606])
def test_a_key_others_can_read_or_change_is_refused(tmp_path: Path, mode: int) -> None:
    path = _key(tmp_path, mode)
    with pytest.raises(identity.RegisterError, match=rf"mode {mode:04o}.*chmod 600 {path}"):
        identity.read_key(path)
    path.chmod(0o600)
    assert identity.read_key(path)


def test_a_key_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(identity.RegisterError, match="is a folder"):
        identity.read_key(folder)
    with pytest.raises(identity.RegisterError, match="is a folder"):
        identity.load_or_create_key(folder)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(identity.RegisterError, match="not a regular file"):
        identity.read_key(fifo)
    link = tmp_path / "zero.key"
    link.symlink_to("/dev/zero")
    with pytest.raises(identity.RegisterError, match="not a regular file"):
        identity.read_key(link)


def test_a_key_inside_the_books_is_refused(tmp_path: Path) -> None:
    books = tmp_path / "books"
    books.mkdir()
    with pytest.raises(identity.RegisterError, match="inside the books folder"):
        identity.load_or_create_key(books / "k.key", books)
    assert not (books / "k.key").exists()
    inside = books / "keys" / "k.key"
    identity.create_key(inside)  # put there by hand
    with pytest.raises(identity.RegisterError, match="inside the books folder"):
        identity.read_key(inside, books)
    link = tmp_path / "outside-link.key"
    link.symlink_to(inside)  # a link from outside to a key inside is inside
    with pytest.raises(identity.RegisterError, match="inside the books folder"):
        identity.read_key(link, books)
