"""A fake ESC/POS network printer on 127.0.0.1 for the tests, with faults on demand."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field

READY = 0x12  # every Epson status byte has bits 1 and 4 set


@dataclass
class FakeEscposPrinter:
    """Listens on an ephemeral port; records what it receives; answers DLE EOT n.

    ``status`` maps n (1, 2, 4) to the byte answered. Faults: ``silent`` (never answers),
    ``drop_after`` (reset the connection after that many job bytes), ``stall_after`` (stop
    reading after that many bytes, keep the connection open).
    """

    status: dict[int, int] = field(default_factory=lambda: {1: READY, 2: READY, 4: READY})
    silent: bool = False
    drop_after: int | None = None
    stall_after: int | None = None
    connections: int = 0

    def __post_init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._lock = threading.Lock()
        # One buffer per connection: two jobs' bytes never interleave in the record, even when
        # the first connection's last bytes are still being read as the second one starts.
        self._streams: list[bytearray] = []
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)

    @property
    def uri(self) -> str:
        return f"escpos+tcp://127.0.0.1:{self.port}?profile=TM-T20II"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            self._clients.append(client)
            stream = bytearray()
            with self._lock:
                self._streams.append(stream)
            worker = threading.Thread(target=self._serve, args=(client, stream), daemon=True)
            worker.start()
            self._threads.append(worker)

    @property
    def received(self) -> bytes:
        """Everything received, connection after connection."""
        with self._lock:
            return b"".join(bytes(stream) for stream in self._streams)

    def _serve(self, client: socket.socket, stream: bytearray) -> None:
        client.settimeout(0.1)
        pending = b""
        count = 0
        while not self._stop.is_set():
            if self.stall_after is not None and count >= self.stall_after:
                self._stop.wait(0.05)
                continue
            try:
                chunk = client.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                stream += chunk
            count += len(chunk)
            pending = self._answer(client, pending + chunk)
            if self.drop_after is not None and count >= self.drop_after:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()  # RST: the printer was switched off mid-job
                return

    def _answer(self, client: socket.socket, data: bytes) -> bytes:
        """Answer each DLE EOT n in ``data`` (skipping rasters); return the unparsed tail."""
        i = 0
        while i < len(data):
            if data[i] == 0x1D and data[i + 1 : i + 3] == b"v0":
                if len(data) < i + 8:
                    return data[i:]
                xl, xh, yl, yh = data[i + 4 : i + 8]
                size = 8 + (xl + xh * 256) * (yl + yh * 256)
                if len(data) < i + size:
                    return data[i:]
                i += size
            elif data[i] == 0x10:
                if len(data) < i + 3:
                    return data[i:]
                if data[i + 1] == 0x04 and not self.silent:
                    client.sendall(bytes((self.status.get(data[i + 2], READY),)))
                i += 3
            else:
                i += 1
        return b""

    def job_bytes(self) -> bytes:
        """What was received, without the status questions (DLE EOT n) Kiosk asked."""
        data = self.received
        out = bytearray()
        i = 0
        while i < len(data):
            if data[i] == 0x1D and data[i + 1 : i + 3] == b"v0":
                xl, xh, yl, yh = data[i + 4 : i + 8]
                size = 8 + (xl + xh * 256) * (yl + yh * 256)
                out += data[i : i + size]
                i += size
            elif data[i] == 0x10 and data[i + 1 : i + 2] == b"\x04":
                i += 3
            else:
                out.append(data[i])
                i += 1
        return bytes(out)

    def close(self) -> None:
        self._stop.set()
        self._server.close()
        for client in self._clients:
            with contextlib.suppress(OSError):
                client.close()
        for thread in self._threads:
            thread.join(timeout=2)


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.create_server(("127.0.0.1", 0)) as s:
        port: int = s.getsockname()[1]
    return port
