"""Test helper: `aidledger serve` in a subprocess on a free port, stopped when done."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.read().decode("utf-8")


@contextmanager
def serving(books: Path, *extra: str) -> Iterator[str]:
    """Yield the books' base URL (http://127.0.0.1:PORT/<slug>) while `aidledger serve` runs."""
    port = free_port()
    script = Path(sys.executable).with_name("aidledger")
    proc = subprocess.Popen(
        [str(script), "serve", "--books", str(books), "--port", str(port), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=os.environ.copy(),
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=60) as response:
                    slug_url = response.geturl().rstrip("/").rsplit("/", 1)[0]
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output = proc.stdout.read().decode() if proc.stdout else "no output"
                    raise AssertionError(output) from None
                time.sleep(0.3)
        yield slug_url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
