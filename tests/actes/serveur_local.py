"""A tiny HTTP server on 127.0.0.1 for the signature tests (time-stamping authority, CRLs):
nothing goes to the internet."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Gestionnaire(BaseHTTPRequestHandler):
    """Base of the tests' handlers: a 200 answer of a given type, no log on the output."""

    def _repondre(self, corps: bytes, type_: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", type_)
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        self.wfile.write(corps)

    def log_message(self, format: str, *args: object) -> None:
        return  # keep the test output quiet


@contextmanager
def servir(gestionnaire: type[BaseHTTPRequestHandler]) -> Iterator[ThreadingHTTPServer]:
    """``gestionnaire`` served on a free port of 127.0.0.1 until the block ends."""
    serveur = ThreadingHTTPServer(("127.0.0.1", 0), gestionnaire)
    fil = threading.Thread(target=serveur.serve_forever, daemon=True)
    fil.start()
    try:
        yield serveur
    finally:
        serveur.shutdown()
        serveur.server_close()
        fil.join()
