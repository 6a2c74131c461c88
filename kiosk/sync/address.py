"""The hub's address as the desk sets it: try it, say in plain words what happened, remember it.

The desk's Sync dialog and ``kiosk sync hub --dsn`` remember the hub the same way: the address
without its password, in this kiosk's ``sync_state`` (the password belongs in the machine's
``~/.pgpass`` — ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows — or in ``$PGPASSWORD``, not in
an event file that is copied from laptop to laptop).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kiosk.storage import replica
from kiosk.storage.database import Database

# psycopg is imported inside the functions that read an address: the desk shows its Sync corner
# and the check-in path learns "no hub" without loading the driver (issue 21).

DEFAULT_SCHEMA = replica.DEFAULT_HUB_SCHEMA


class Reach(StrEnum):
    """What trying a hub address found."""

    REACHABLE = "reachable"
    WRONG_PASSWORD = "wrong_password"  # the server refused the user name or password
    PASSWORD_NEEDED = "password_needed"  # the server asks for a password; none is set up
    NO_DATABASE = "no_database"  # a server answered; the database named is not there
    NO_SERVER = "no_server"  # nothing listens at that host and port, or no such host
    TIMED_OUT = "timed_out"  # no answer in time (a firewall, a sleeping machine, wrong network)
    BAD_ADDRESS = "bad_address"  # not a PostgreSQL address at all
    FAILED = "failed"  # anything else: the server's words are in ``detail``


@dataclass(frozen=True, slots=True)
class Probe:
    reach: Reach
    where: str  # host:port/database, never the password
    detail: str  # the first line of the driver's message ('' when reachable)
    seconds: float


class AddressError(ValueError):
    """Not a usable hub address; ``str()`` says why."""


def check_address(dsn: str) -> dict[str, str]:
    """The parts of a hub address, or :class:`AddressError` in plain words."""
    import psycopg

    text = dsn.strip()
    if not text:
        raise AddressError("Enter the hub's address, e.g. postgresql://kiosk@10.0.0.5/event.")
    try:
        info = psycopg.conninfo.conninfo_to_dict(text)
    except psycopg.Error as exc:
        raise AddressError(
            f"This is not a PostgreSQL address ({first_line(exc)}). Write it as "
            "postgresql://USER@HOST/DATABASE."
        ) from exc
    if not info.get("dbname"):
        raise AddressError(
            "The address names no database: add it after the host, e.g. "
            "postgresql://kiosk@10.0.0.5/event."
        )
    return {k: str(v) for k, v in info.items() if v is not None}


def has_password(dsn: str) -> bool:
    import psycopg

    try:
        return bool(psycopg.conninfo.conninfo_to_dict(dsn).get("password"))
    except psycopg.Error:
        return False


def probe(dsn: str, *, timeout: float = 5.0) -> Probe:
    """Connect to ``dsn`` and run ``SELECT 1``; classify what happened."""
    started = time.monotonic()
    try:
        check_address(dsn)
    except AddressError as exc:
        return Probe(Reach.BAD_ADDRESS, "?", str(exc), 0.0)
    from kiosk.storage.hub import ping
    from kiosk.sync.hub import connect

    place = where(dsn, unknown="?")
    try:
        with connect(dsn, timeout=timeout) as conn:
            ping(conn)
    except Exception as exc:  # HubError wraps the driver's error; psycopg errors after it
        cause = exc.__cause__ or exc
        return Probe(classify(cause), place, first_line(cause), time.monotonic() - started)
    return Probe(Reach.REACHABLE, place, "", time.monotonic() - started)


def classify(exc: BaseException) -> Reach:
    """The :class:`Reach` of a failed connection, from libpq's SQLSTATE or words."""
    state = getattr(exc, "sqlstate", None)
    text = str(exc).lower()
    if state == "28P01" or "password authentication failed" in text:
        return Reach.WRONG_PASSWORD
    if state == "3D000" or ("database" in text and "does not exist" in text):
        return Reach.NO_DATABASE
    if "no password supplied" in text or "password is required" in text:
        return Reach.PASSWORD_NEEDED
    if state == "28000":  # no pg_hba.conf entry, role does not exist…
        return Reach.WRONG_PASSWORD
    if "timeout expired" in text or "timed out" in text:
        return Reach.TIMED_OUT
    if (
        "connection refused" in text
        or "could not translate host name" in text
        or "name or service not known" in text
        or "no route to host" in text
        or "network is unreachable" in text
        or "nodename nor servname" in text
    ):
        return Reach.NO_SERVER
    return Reach.FAILED


def remember_hub(db: Database, dsn: str, schema: str = DEFAULT_SCHEMA) -> str:
    """Keep ``dsn`` (without its password) as the hub this kiosk syncs with, exactly as a
    successful ``kiosk sync hub --dsn`` does; returns what was kept."""
    check_address(dsn)
    kept = address_without_password(dsn)
    with db.write() as conn:
        replica.save_hub(conn, kept, schema)
    return kept


def address_without_password(dsn: str) -> str:
    """``dsn`` without its password, in the form it was written (a postgresql:// URL stays a
    URL, so staff recognise what they typed)."""
    text = dsn.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("postgresql", "postgres"):
        return without_password(text)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, hosts = netloc.rpartition("@")
        netloc = user.split(":", 1)[0] + "@" + hosts
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def shown_address(dsn: str) -> str:
    """An address to show a person: as written, without its password (host:port/database when
    it cannot be read)."""
    import psycopg

    try:
        return address_without_password(dsn)
    except (psycopg.Error, ValueError):
        return where(dsn)


def without_password(dsn: str) -> str:
    """``dsn`` in libpq's keyword form, without its password."""
    import psycopg

    info = psycopg.conninfo.conninfo_to_dict(dsn)
    info.pop("password", None)
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in info.items()})


def where(dsn: str, unknown: str = "the given address") -> str:
    """host:port/database of a hub address, for messages (never its password); ``unknown``
    when the address cannot be read."""
    import psycopg

    try:
        info = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.Error:
        return unknown
    return f"{info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"


def host_and_database(dsn: str) -> str:
    """host/database of a hub address, as the desk's corner shows it."""
    import psycopg

    info = psycopg.conninfo.conninfo_to_dict(dsn)
    return f"{info.get('host', 'localhost')}/{info.get('dbname', '')}"


def first_line(exc: BaseException) -> str:
    """The first line of an error's text (the driver's messages run on with detail)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
