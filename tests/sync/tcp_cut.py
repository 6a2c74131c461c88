"""A TCP relay to the PostgreSQL server that can cut the connection at a chosen message.

Real sockets and a real server: the kiosk's connection is lost exactly where a flaky network
would lose it — before a statement reaches the hub, or after the hub committed but before its
answer reaches the kiosk.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass


@dataclass
class Cut:
    """Cut the connection when the kiosk sends ``pattern`` (after ``armed_by`` was seen)."""

    pattern: bytes
    #: Forward the message first and let the hub act on it (a lost acknowledgement).
    after: bool
    armed_by: bytes = b""


def query_message(text: str) -> bytes:
    """The wire form of a simple query (PostgreSQL protocol 'Q' message)."""
    body = text.encode() + b"\0"
    return b"Q" + (len(body) + 4).to_bytes(4, "big") + body


class Relay:
    def __init__(self, host: str, port: int, listen_port: int = 0) -> None:
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", listen_port))
        self.port = self.listener.getsockname()[1]
        self.cut: Cut | None = None
        self.cuts = 0
        self._open: list[socket.socket] = []
        self._stopped = False
        threading.Thread(target=self._accept, daemon=True).start()

    def dsn(self, dbname: str, user: str) -> str:
        return (
            f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}?sslmode=disable&gssencmode=disable"
        )

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self._open += [client, server]
            threading.Thread(target=self._to_server, args=(client, server), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        _close(source, sink)

    def _to_server(self, client: socket.socket, server: socket.socket) -> None:
        seen = b""
        armed = False
        try:
            while data := client.recv(65536):
                cut = self.cut
                if cut is not None:
                    seen = (seen + data)[-65536:]
                    armed = armed or not cut.armed_by or cut.armed_by in seen
                    if armed and cut.pattern in data:
                        self.cut = None
                        self.cuts += 1
                        if cut.after:
                            server.sendall(data)
                            time.sleep(0.3)  # the hub commits; its answer is never relayed
                        _close(client, server)
                        return
                server.sendall(data)
        except OSError:
            pass
        _close(client, server)

    def stop(self) -> None:
        self._stopped = True
        _close(self.listener)
        for s in self._open:
            _close(s)


def _close(*sockets: socket.socket) -> None:
    for s in sockets:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)
        s.close()
