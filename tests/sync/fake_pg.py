"""Two servers at the edge of the machine for the hub address test, on real sockets:

- :class:`Silent`: accepts TCP connections and never answers (a firewall that drops, a
  machine asleep) — the client must give up after its timeout;
- :class:`RefusesPassword`: speaks just enough of the PostgreSQL protocol to ask for a
  password and refuse it with SQLSTATE 28P01, as a real server with password authentication
  does (the test server trusts everyone, so it cannot refuse one).
"""

from __future__ import annotations

import contextlib
import socket
import threading

_SSL_REQUEST = 80877103
_GSS_REQUEST = 80877104


class Silent:
    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=8)
        self.port = self.listener.getsockname()[1]
        self._held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                self._held.append(conn)

    def close(self) -> None:
        for s in [*self._held, self.listener]:
            with contextlib.suppress(OSError):
                s.close()


def _read_exact(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise OSError("closed")
        data += chunk
    return data


class RefusesPassword:
    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=8)
        self.port = self.listener.getsockname()[1]
        self.passwords: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.listener.accept()
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            while True:  # SSL / GSS encryption requests first: answer "no"
                length = int.from_bytes(_read_exact(conn, 4), "big")
                body = _read_exact(conn, length - 4)
                code = int.from_bytes(body[:4], "big")
                if code in (_SSL_REQUEST, _GSS_REQUEST):
                    conn.sendall(b"N")
                    continue
                break  # the startup message
            conn.sendall(b"R" + (8).to_bytes(4, "big") + (3).to_bytes(4, "big"))  # cleartext
            kind = _read_exact(conn, 1)
            length = int.from_bytes(_read_exact(conn, 4), "big")
            payload = _read_exact(conn, length - 4)
            if kind == b"p":
                self.passwords.append(payload.rstrip(b"\0"))
            fields = (
                b"SFATAL\0VFATAL\0C28P01\0"
                b'Mpassword authentication failed for user "kiosk"\0\0'
            )
            conn.sendall(b"E" + (len(fields) + 4).to_bytes(4, "big") + fields)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.close()
