"""What "accepted" means: one definition (kiosk.core.reasons.ACCEPTED_REASONS) for the scan
log's outcome column, the decision rule's scans, decisions and the desk's undo."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.core.model import Decision, Scan, ScanKind
from kiosk.core.reasons import ACCEPTED_REASONS, Reason, accepted

AT = datetime(2026, 9, 28, 7, tzinfo=UTC)


def test_a_scan_is_accepted_when_it_took_effect_an_admission_an_exit_or_an_undo() -> None:
    assert {r for r in Reason if accepted(r)} == {
        Reason.ADMITTED, Reason.EXIT_RECORDED, Reason.VOIDED,
    }  # fmt: skip


@pytest.mark.parametrize("reason", list(Reason))
def test_scans_and_decisions_agree_with_the_one_definition(reason: Reason) -> None:
    scan = Scan("s1", "k1", AT, ScanKind.ENTRY, reason, list_id=1)
    assert scan.accepted is accepted(reason)
    assert Decision(reason).accepted is accepted(reason)


def test_an_undo_is_accepted_but_admits_nobody() -> None:
    undo = Decision(Reason.VOIDED)
    assert undo.accepted and not undo.admitted


def test_every_refusal_is_not_accepted() -> None:
    refusals = set(Reason) - ACCEPTED_REASONS
    assert Reason.ALREADY_CHECKED_IN in refusals and Reason.NOT_INSIDE in refusals
    assert not any(Decision(r).accepted or Decision(r).admitted for r in refusals)
