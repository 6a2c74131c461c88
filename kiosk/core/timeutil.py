"""Time helpers: local days in the event's time zone, ISO formatting of stored instants."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def local_day(instant: datetime, tz: str) -> date:
    """The calendar day of ``instant`` in the event's time zone."""
    return instant.astimezone(ZoneInfo(tz)).date()


def to_utc_iso(instant: datetime) -> str:
    """A sortable UTC text form with microseconds, as stored in the scan log."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime: a time zone is required")
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_utc_iso(text: str) -> datetime:
    """Parse :func:`to_utc_iso` output (or any ISO form with an offset) into an aware datetime."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_local(text: str, tz: str) -> datetime:
    """Parse a time a person typed: ISO date-time, with or without offset (then in ``tz``)."""
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(tz))
    return value


def system_timezone() -> str | None:
    """The IANA name of this machine's time zone, or ``None`` when it cannot be told (no TZ,
    no /etc/localtime link to a zone, no /etc/timezone)."""
    import os
    from pathlib import Path
    from zoneinfo import available_timezones

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    localtime = Path("/etc/localtime")
    if localtime.is_symlink():
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    timezone_file = Path("/etc/timezone")
    if timezone_file.is_file():
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    known = available_timezones()
    for name in candidates:
        if name and name in known:
            return name
    return None


def machine_timezone() -> str:
    """The IANA name of this machine's time zone, or "UTC" when it cannot be told."""
    return system_timezone() or "UTC"
