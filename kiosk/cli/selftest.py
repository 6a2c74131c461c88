"""``kiosk self-test``: is this installation able to run the desk? One line per check, the
folders it uses, and exit status 0 (all passed, maybe with warnings) or 1 (something failed).

Works the same from a source checkout, an installed wheel (``pipx install``) and the frozen
bundle, which is what the packaging tests run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import click

from kiosk.app import paths
from kiosk.app.selftest import Check, Status, core_checks, environment
from kiosk.cli.options import Command, print_json

MARKS = {Status.OK: "OK  ", Status.WARNING: "WARN", Status.FAILED: "FAIL"}


def run_checks(qt: bool = True) -> list[Check]:
    checks = core_checks()
    if qt:
        from kiosk.ui.app import qt_self_test  # the windows' launcher: Qt loads only here

        checks += qt_self_test()
    return checks


@click.command("self-test")
@click.option("--no-qt", is_flag=True, help="Skip the Qt checks (a machine without Qt libs).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def self_test(no_qt: bool, as_json: bool) -> None:
    """Check that this installation works: database, fonts, badge, QR, Qt, translations.

    Nothing is written outside a temporary folder. Exit status 0 when every check passed
    (warnings allowed), 1 when one failed.
    """
    env = environment()
    checks = run_checks(qt=not no_qt)
    failed = [c for c in checks if c.failed]
    if as_json:
        report = {
            **env,
            "folders": {k: str(v) for k, v in paths.user_folders().items()},
            "checks": [
                {"code": c.code, "status": c.status.value, "detail": c.detail} for c in checks
            ],
            "passed": not failed,
        }
        print_json(report)
    else:
        click.echo(
            f"Kiosk {env['version']} self-test — {env['kind']}, Python {env['python']}, "
            f"{env['platform']}"
        )
        for name, folder in paths.user_folders().items():
            click.echo(f"  {name + ':':<10} {folder}")
        click.echo("")
        for c in checks:
            click.echo(f"  {MARKS[c.status]} {c.code:<13} {c.detail}")
        click.echo("")
        warned = sum(c.status is Status.WARNING for c in checks)
        if failed:
            click.echo(
                f"{len(failed)} of {len(checks)} checks FAILED: "
                + ", ".join(c.code for c in failed)
                + ". Reinstall Kiosk or send this report to support."
            )
        else:
            extra = f" ({warned} warning(s))" if warned else ""
            click.echo(f"All {len(checks)} checks passed{extra}.")
    sys.stdout.flush()
    sys.exit(1 if failed else 0)


def register(cli: click.Group, _pass_state: Callable[[Command], Command]) -> None:
    """Add ``self-test`` to ``cli`` (the lazy loader of :mod:`kiosk.cli.main` calls this)."""
    cli.add_command(self_test)
