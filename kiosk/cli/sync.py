"""Sync commands: ``sync export``, ``sync import``, ``sync hub``, ``sync status``, ``conflicts``."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import click

from kiosk.app.sync import (
    DEFAULT_SCHEMA,
    HUB_ENV,
    BundleError,
    HubUnavailable,
    ImportResult,
    NoHub,
    SyncService,
)
from kiosk.cli.options import Command, State, print_json
from kiosk.cli.output import counted

if TYPE_CHECKING:
    from kiosk.app.sync import Conflict


class SyncFailed(click.ClickException):
    """An environment problem (a bad bundle, an unreachable hub): exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


def _import_json(result: ImportResult) -> dict[str, Any]:
    return {
        "file": str(result.path),
        "status": "imported",
        "from_kiosk": result.manifest.kiosk_name,
        "kiosks": [
            {
                "id": k.kiosk_id,
                "name": k.kiosk_name,
                "added": k.added,
                "present": k.present,
                "gaps": [list(g) for g in k.gaps],
            }
            for k in result.kiosks
        ],
        "roster": {
            "added": result.roster.added,
            "updated": result.roster.updated,
            "unchanged": result.roster.unchanged,
            "clashes": [{"uid": u, "code": c} for u, c in result.roster.clashes],
        },
        "clashes": result.clashes,
        "meetings": {"changed": result.meetings, "marks_added": result.meeting_marks},
        "revocations": {
            "taken": result.revocations_taken,
            "refused": result.revocations_refused,
        },
    }


_n = counted


def _gap_text(gaps: list[tuple[int, int]]) -> str:
    shown = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gaps[:5])
    return shown + (f" and {len(gaps) - 5} more" if len(gaps) > 5 else "")


def conflict_json(c: Conflict, tz: str) -> dict[str, Any]:
    zone = ZoneInfo(tz)
    return {
        "attendee_uid": c.attendee_uid,
        "name": c.name,
        "code": c.code,
        "list": {"id": c.list_id, "name": c.list_name},
        "day": c.day.isoformat() if c.day else None,
        "cross_kiosk": c.cross_kiosk,
        "record_scan_id": c.record.scan_id,
        "entries": [
            {
                "scan_id": e.scan_id,
                "kiosk": e.kiosk_name,
                "kiosk_id": e.kiosk_id,
                "at": e.at.astimezone(zone).isoformat(),
                "hlc": e.hlc,
                "manual": e.manual,
            }
            for e in c.entries
        ],
    }


@contextmanager
def _service(state: State) -> Iterator[SyncService]:
    """The event file's sync service (``Desk.sync``), for one command."""
    with state.desk() as desk:
        yield desk.sync


@click.group()
def sync() -> None:
    """Bring the check-ins of several kiosks together: bundle files or a PostgreSQL hub."""


@sync.command("export")
@click.option(
    "-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the bundle to (a USB stick or a shared folder).",
)  # fmt: skip
@click.option(
    "--all/--only-this-kiosk", "everything", default=True,
    help="Every scan this file holds, of every kiosk (the default: sticks passed from desk "
    "to desk relay everything), or only this computer's own kiosk's.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
@click.pass_obj
def export_cmd(state: State, output: Path, everything: bool, as_json: bool) -> None:
    """Write the scan log (every kiosk's scans this file holds), walk-ins and attendee
    changes to a bundle file."""
    with _service(state) as service:
        try:
            path, manifest = service.export_bundle(output, everything=everything)
        except BundleError as exc:
            raise SyncFailed(str(exc)) from exc
    if as_json:
        print_json({"file": str(path), "manifest": manifest.as_json()})
        return
    click.echo(
        f"Wrote {path} ({_n(manifest.scans, 'scan')}, {_n(manifest.roster, 'attendee')}, "
        f"{manifest.body_bytes // 1024 + 1} KB). It is complete and safe to remove."
    )


@sync.command("import")
@click.argument("targets", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.pass_obj
def import_cmd(state: State, targets: tuple[Path, ...], as_json: bool) -> None:
    """Merge bundles from other kiosks (FILE, or every bundle in DIR).

    Each bundle is verified before anything is merged; importing one twice changes nothing.
    """
    files = SyncService.bundle_files(targets)
    if not files:
        raise SyncFailed(
            "no bundle files (*.kbundle) found in " + ", ".join(map(str, targets)) + "."
        )
    with _service(state) as service:
        done = service.import_bundles(files)
    results, refused = done.results, done.refused
    if as_json:
        print_json(
            [_import_json(r) for r in results]
            + [
                {
                    "file": str(e.path),
                    "status": "refused",
                    "problem": e.problem.value,
                    "message": str(e),
                }
                for e in refused
            ]
        )
    else:
        for r in results:
            _show_import(r)
        for e in refused:
            click.echo(f"Refused: {e} Nothing from it was merged.", err=True)
    if refused:
        sys.exit(2)


def _show_import(r: ImportResult) -> None:
    click.echo(f"{r.path.name} (from {r.manifest.kiosk_name}):")
    for k in r.kiosks:
        line = f"  {k.kiosk_name}: added {k.added}, already present {k.present}"
        if k.gaps:
            line += f"; still missing scans {_gap_text(k.gaps)}"
        click.echo(line)
    ro = r.roster
    click.echo(f"  attendees: added {ro.added}, updated {ro.updated}, unchanged {ro.unchanged}")
    if r.meetings or r.meeting_marks:
        click.echo(
            f"  B2B meetings: {r.meetings} new or changed, {r.meeting_marks} held marks added"
        )
    if r.revocations_taken:
        click.echo(f"  revocation list {r.revocations_taken} taken (signature checked)")
    if r.revocations_refused:
        click.echo(f"  {r.revocations_refused}")
    for uid, code in ro.clashes:
        click.echo(f"  not merged: attendee {uid} — the code {code} belongs to someone else here")
    if r.clashes:
        click.echo(
            f"  not merged: {len(r.clashes)} scans claim sequence numbers another scan holds "
            "(two machines used one kiosk identity)"
        )


@sync.command("hub")
@click.option(
    "--dsn", envvar=HUB_ENV,
    help="The hub's PostgreSQL address, e.g. postgresql://kiosk@10.0.0.5/event "
    "(default: $KIOSK_HUB_DSN, else the hub this kiosk last synced with). Passwords "
    "belong in ~/.pgpass; they are not remembered.",
)  # fmt: skip
@click.option(
    "--schema", default=None,
    help=f"PostgreSQL schema holding the hub's tables (default: {DEFAULT_SCHEMA}).",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_obj
def hub_cmd(state: State, dsn: str | None, schema: str | None, as_json: bool) -> None:
    """Push this kiosk's new check-ins and roster changes to the hub; pull everyone else's."""
    with _service(state) as service:
        try:
            result = service.sync_with_hub(dsn, schema)
        except (NoHub, HubUnavailable) as exc:
            raise SyncFailed(str(exc)) from exc
    if as_json:
        print_json(
            {"pushed": result.pushed, "resent": result.resent, "pulled": result.pulled,
             "roster_pushed": result.roster_pushed,
             "roster_added": result.roster.added, "roster_updated": result.roster.updated,
             "clashes": result.clashes, "seconds": round(result.seconds, 3),
             "revocations": {"pushed": result.revocations.pushed,
                             "taken": result.revocations.taken,
                             "refused": result.revocations.refused},
             "meetings": {"pushed": result.meetings.pushed,
                          "pulled": result.meetings.pulled,
                          "marks_pushed": result.meetings.marks_pushed,
                          "marks_pulled": result.meetings.marks_pulled}}
        )  # fmt: skip
        return
    click.echo(
        f"Synced with the hub in {result.seconds:.1f} s: sent {result.pushed} new scans"
        + (f" ({result.resent} it already had)" if result.resent else "")
        + f", received {result.pulled} from other kiosks; attendees sent "
        f"{result.roster_pushed}, received {result.roster.added} new and "
        f"{result.roster.updated} changed."
    )
    if result.clashes:
        click.echo(
            f"  not merged: {len(result.clashes)} scans claim sequence numbers another scan "
            "holds (two machines used one kiosk identity)"
        )
    met = result.meetings
    if met.pushed or met.pulled or met.marks_pushed or met.marks_pulled:
        click.echo(
            f"  B2B meetings: sent {met.pushed}, received {met.pulled}; held marks sent "
            f"{met.marks_pushed}, received {met.marks_pulled}"
        )
    rev = result.revocations
    if rev.taken:
        click.echo(f"  revocation list {rev.taken} taken from the hub (signature checked)")
    if rev.pushed:
        click.echo(f"  revocation list {rev.pushed} left at the hub for the other kiosks")
    if rev.refused:
        click.echo(f"  not taken: {rev.refused}")


@sync.command("status")
@click.option("--dsn", envvar=HUB_ENV, help="The hub (default: as for 'sync hub').")
@click.option("--schema", default=None, help="Hub schema (default: as for 'sync hub').")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def status_cmd(state: State, dsn: str | None, schema: str | None, as_json: bool) -> None:
    """This kiosk's sync state with a hub: last sync, scans waiting to be sent, last error."""
    with _service(state) as service:
        try:
            status = service.status(dsn, schema)
        except NoHub as exc:
            raise SyncFailed(str(exc)) from exc
        kiosk = service.kiosk
    if as_json:
        print_json({"kiosk": kiosk.name, "kiosk_id": kiosk.id, "last_sync": status.last_sync,
                     "queued": status.queued, "last_error": status.last_error})  # fmt: skip
        return
    click.echo(f"Kiosk {kiosk.name} ({kiosk.id})")
    click.echo(f"  last sync: {status.last_sync or 'never'}")
    click.echo(f"  scans waiting for the hub: {status.queued}")
    if status.last_error:
        click.echo(f"  last problem: {status.last_error}")


@click.command("conflicts")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def conflicts_cmd(state: State, as_json: bool) -> None:
    """People admitted more than once on a list that admits them once (after merging).

    The earliest admission (by hybrid logical clock) is the attendance of record; the others
    are listed so staff can see whether a ticket was shared.
    """
    with _service(state) as service:
        tz = service.timezone
        found = service.conflicts()
    if as_json:
        print_json([conflict_json(c, tz) for c in found])
    elif not found:
        click.echo("No conflicts: no one was admitted twice.")
    else:
        zone = ZoneInfo(tz)
        for c in found:
            where = "at two kiosks" if c.cross_kiosk else "twice at one kiosk"
            day = f" on {c.day.isoformat()}" if c.day else ""
            click.echo(f"{c.name or c.attendee_uid} ({c.code}) — {c.list_name}{day}, {where}:")
            for n, e in enumerate(c.entries):
                mark = "counts" if n == 0 else "duplicate"
                manual = " (manual)" if e.manual else ""
                click.echo(
                    f"  {e.at.astimezone(zone):%Y-%m-%d %H:%M:%S} {e.kiosk_name or e.kiosk_id}"
                    f"{manual} — {mark}"
                )
        click.echo(f"{len(found)} conflicts.")


def register(cli: click.Group, pass_state: Callable[[Command], Command]) -> None:
    """Add ``sync`` and ``conflicts`` to the command line (``kiosk.cli.main`` loads this module
    when one of them runs)."""
    cli.add_command(sync)
    cli.add_command(conflicts_cmd)
