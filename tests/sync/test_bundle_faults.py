"""Damaged, cut-short, mislabelled or foreign bundles are refused whole, with a reason."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from kiosk.sync import bundle
from kiosk.sync.bundle import BundleError, Problem, export_bundle, import_bundle
from tests.sync.conftest import Fleet, Station, prepare_event


@pytest.fixture
def made(fleet: Fleet, tmp_path: Path) -> tuple[Station, Path]:
    """Desk b, which will import, and a good bundle from desk a."""
    a, b = fleet.add("a"), fleet.add("b")
    for code in fleet.codes[:6]:
        a.scan(code)
    path, _ = export_bundle(a.db, tmp_path / "stick")
    return b, path


def _refused(station: Station, path: Path) -> Problem:
    before = (station.count(), station.count("SELECT count(*) FROM attendee"))
    with pytest.raises(BundleError) as caught:
        import_bundle(station.db, path)
    assert (station.count(), station.count("SELECT count(*) FROM attendee")) == before
    assert str(path) in str(caught.value)
    return caught.value.problem


def test_a_truncated_bundle_is_refused(made: tuple[Station, Path]) -> None:
    b, path = made
    data = path.read_bytes()
    for keep in (len(data) - 1, len(data) // 2, 40):
        path.write_bytes(data[:keep])
        assert _refused(b, path) in (Problem.TRUNCATED, Problem.MANIFEST_DAMAGED)
    path.write_bytes(data[: len(data) - 10])
    assert _refused(b, path) is Problem.TRUNCATED


@pytest.mark.parametrize("where", [0.5, 0.9, -1])
def test_a_flipped_byte_in_the_body_is_refused(made: tuple[Station, Path], where: float) -> None:
    b, path = made
    data = bytearray(path.read_bytes())
    at = len(data) - 1 if where == -1 else int(len(data) * where)
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    assert _refused(b, path) in (Problem.DIGEST_MISMATCH, Problem.MANIFEST_DAMAGED)


def test_a_flipped_byte_in_the_manifest_is_refused(made: tuple[Station, Path]) -> None:
    b, path = made
    data = bytearray(path.read_bytes())
    data[data.index(b'"roster":') + 10] ^= 0x01
    path.write_bytes(bytes(data))
    assert _refused(b, path) is Problem.MANIFEST_DAMAGED


def _rewrite_manifest(path: Path, change: object) -> None:
    """Change the manifest and make its own checksum fit again (a forged or buggy manifest)."""
    data = path.read_bytes()
    first = data.index(b"\n")
    second = data.index(b"\n", first + 1)
    doc = json.loads(data[first + 1 : second])
    change(doc)  # type: ignore[operator]
    head = json.dumps(doc).encode()
    digest = hashlib.sha256(head).hexdigest().encode()
    path.write_bytes(bundle.MAGIC + b"1 " + digest + b"\n" + head + b"\n" + data[second + 1 :])


def test_a_manifest_that_does_not_match_the_contents_is_refused(
    made: tuple[Station, Path],
) -> None:
    b, path = made

    def more_scans(doc: dict[str, list[dict[str, int]]]) -> None:
        doc["kiosks"][0]["count"] += 1

    _rewrite_manifest(path, more_scans)
    assert _refused(b, path) is Problem.MANIFEST_MISMATCH


def test_a_manifest_with_another_digest_is_refused(made: tuple[Station, Path]) -> None:
    b, path = made

    def other_digest(doc: dict[str, dict[str, str]]) -> None:
        doc["body"]["sha256"] = "0" * 64

    _rewrite_manifest(path, other_digest)
    assert _refused(b, path) is Problem.DIGEST_MISMATCH


def _replace_body(path: Path, body: bytes) -> None:
    """Put another body in and make the manifest's digest and size fit it (a crafted file)."""
    data = path.read_bytes()
    second = data.index(b"\n", data.index(b"\n") + 1)
    path.write_bytes(data[: second + 1] + body)

    def fit(doc: dict[str, dict[str, object]]) -> None:
        doc["body"]["bytes"] = len(body)
        doc["body"]["sha256"] = hashlib.sha256(body).hexdigest()

    _rewrite_manifest(path, fit)


def test_a_body_that_expands_far_beyond_its_manifest_is_refused_without_expanding_it(
    made: tuple[Station, Path],
) -> None:
    """A gzip bomb: 20 MB of blanks compress to 20 kB; the handful of rows it claims allow ~1 MB."""
    b, path = made
    bomb = gzip.compress(b'{"kiosks": [], "scans": [], "roster": [' + b" " * 20_000_000 + b"]}")
    _replace_body(path, bomb)
    assert _refused(b, path) is Problem.TOO_LARGE


def test_a_file_larger_than_any_bundle_is_refused_before_it_is_read(
    made: tuple[Station, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    b, path = made
    monkeypatch.setattr(bundle, "MAX_FILE_BYTES", path.stat().st_size - 1)
    assert _refused(b, path) is Problem.TOO_LARGE


def test_a_bundle_from_another_event_is_refused(made: tuple[Station, Path], tmp_path: Path) -> None:
    b, _path = made
    other = tmp_path / "other.db"
    codes = prepare_event(other, 3)
    from kiosk.app.checkin import CheckinService
    from kiosk.storage.database import Database
    from tests.conftest import Clock

    with Database(other) as db:
        CheckinService(db, clock=Clock()).scan(codes[0])
        path, _ = export_bundle(db, tmp_path / "other-stick")
    assert _refused(b, path) is Problem.OTHER_EVENT


def test_a_file_that_is_not_a_bundle_is_refused(made: tuple[Station, Path], tmp_path: Path) -> None:
    b, _ = made
    path = tmp_path / "notes.kbundle"
    path.write_text("shopping list\n", encoding="utf-8")
    assert _refused(b, path) is Problem.NOT_A_BUNDLE


def test_an_export_interrupted_before_the_rename_leaves_nothing_that_looks_complete(
    made: tuple[Station, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b, _ = made
    import os

    def pulled_out(_src: object, _dst: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", pulled_out)
    with pytest.raises(BundleError):
        export_bundle(b.db, tmp_path / "stick2")
    assert bundle.bundle_files(tmp_path / "stick2") == []
