"""Bulk uids are version 4 UUIDs like new_uid's."""

from __future__ import annotations

import uuid

from kiosk.storage.attendees import new_uids


def test_bulk_uids_are_distinct_version_4_uuids_in_canonical_form() -> None:
    uids = new_uids(3000)
    assert len(set(uids)) == 3000
    for text in uids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text
    assert new_uids(0) == []
