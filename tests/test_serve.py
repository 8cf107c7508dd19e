"""`aidledger serve` starts a real Fava on the demo books; its pages answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


def test_serve_answers_with_fava_pages_for_the_demo_books(demo) -> None:
    port = free_port()
    script = Path(sys.executable).with_name("aidledger")
    proc = subprocess.Popen(
        [str(script), "serve", "--books", str(demo.paths.root), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=os.environ.copy(),
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = fetch(base + "/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        proc.stdout.read().decode() if proc.stdout else "no output"
                    ) from None
                time.sleep(0.3)
        # Fava redirects / to the books' slug; the pages below live under it
        with urllib.request.urlopen(base + "/", timeout=30) as response:
            slug_url = response.geturl().rstrip("/").rsplit("/", 1)[0]
        for page in ("balance_sheet/", "income_statement/", "journal/", "errors/"):
            status, html = fetch(f"{slug_url}/{page}")
            assert status == 200, page
            assert "Demo: Bantuan Modal Usaha" in html
        status, body = fetch(f"{slug_url}/api/errors")
        assert status == 200 and '"data": []' in body.replace('"data":[]', '"data": []')
        _, accounts_page = fetch(f"{slug_url}/account/Assets:Aid:P0001:Savings/")
        assert "Assets:Aid:P0001:Savings" in accounts_page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
