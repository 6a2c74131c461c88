"""Hybrid logical clock: a timestamp that orders events across kiosks even when clocks drift."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    """Wall time in milliseconds plus a counter for events within the same millisecond."""

    wall_ms: int
    counter: int = 0

    def encode(self, node: str) -> str:
        """A text form that sorts in time order; ``node`` breaks ties between kiosks."""
        return f"{self.wall_ms:013d}.{self.counter:05d}.{node}"

    @staticmethod
    def decode(text: str) -> Hlc:
        wall, counter, _node = text.split(".", 2)
        return Hlc(int(wall), int(counter))


def tick(last: Hlc, now_ms: int) -> Hlc:
    """The clock value for a local event, never behind ``last``."""
    if now_ms > last.wall_ms:
        return Hlc(now_ms, 0)
    return Hlc(last.wall_ms, last.counter + 1)


def receive(last: Hlc, remote: Hlc, now_ms: int) -> Hlc:
    """The clock value after seeing a remote event (merging another kiosk's log)."""
    wall = max(last.wall_ms, remote.wall_ms, now_ms)
    if wall == last.wall_ms == remote.wall_ms:
        return Hlc(wall, max(last.counter, remote.counter) + 1)
    if wall == last.wall_ms:
        return Hlc(wall, last.counter + 1)
    if wall == remote.wall_ms:
        return Hlc(wall, remote.counter + 1)
    return Hlc(wall, 0)
