"""Bundles fuzzed: whatever a stick may carry is refused whole with a message naming the file,
or (for harmless changes only) merged whole; never a crash, never half a bundle."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kiosk.app.checkin import CheckinService
from kiosk.storage.database import Database
from kiosk.sync import bundle
from kiosk.sync.bundle import BundleError, Problem, export_bundle, import_bundle
from tests.conftest import Clock
from tests.sync.conftest import prepare_event

FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Stick:
    """An importing kiosk, a good bundle from another kiosk, and a place to write variants."""

    db: Database
    good: bytes
    folder: Path
    written: int = 0

    def counts(self) -> tuple[int, ...]:
        return tuple(
            int(self.db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("scan", "attendee", "kiosk", "sync_state")
        )

    def write(self, data: bytes) -> Path:
        self.written += 1
        path = self.folder / f"variant-{self.written}{bundle.SUFFIX}"
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stick]:
    folder = tmp_path_factory.mktemp("bundle-fuzz")
    master = folder / "prepared.db"
    found = prepare_event(master, 12)
    for name in ("a", "b"):
        shutil.copy(master, folder / f"{name}.db")
    with Database(folder / "a.db") as a:
        service = CheckinService(a, clock=Clock())
        for code in found[:6]:
            service.scan(code)
        path, _ = export_bundle(a, folder / "out")
    db = Database(folder / "b.db")
    yield Stick(db, path.read_bytes(), folder)
    db.close()


def _parts(data: bytes) -> tuple[bytes, dict[str, Any], bytes]:
    first = data.index(b"\n")
    second = data.index(b"\n", first + 1)
    return data[:first], json.loads(data[first + 1 : second]), data[second + 1 :]


def _assemble(manifest: dict[str, Any], body: bytes, *, fix_body: bool = True) -> bytes:
    """A bundle whose checksums fit its (possibly lying) manifest."""
    if fix_body:
        manifest["body"]["bytes"] = len(body)
        manifest["body"]["sha256"] = hashlib.sha256(body).hexdigest()
    head = json.dumps(manifest, ensure_ascii=False).encode()
    digest = hashlib.sha256(head).hexdigest().encode()
    return bundle.MAGIC + b"1 " + digest + b"\n" + head + b"\n" + body


def _refused(stick: Stick, data: bytes) -> Problem:
    path = stick.write(data)
    before = stick.counts()
    with pytest.raises(BundleError) as caught:
        import_bundle(stick.db, path)
    assert stick.counts() == before
    assert str(path) in str(caught.value)
    return caught.value.problem


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)  # fmt: skip


@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_are_refused(stick: Stick, data: bytes) -> None:
    _refused(stick, data)


@FUZZ
@given(data=st.binary(max_size=256))
def test_random_bytes_after_a_bundles_first_line_are_refused(stick: Stick, data: bytes) -> None:
    first, _, _ = _parts(stick.good)
    _refused(stick, first + b"\n" + data)


@FUZZ
@given(keep=st.floats(0, 1, exclude_max=True))
def test_a_bundle_cut_anywhere_is_refused(stick: Stick, keep: float) -> None:
    _refused(stick, stick.good[: int(len(stick.good) * keep)])


@FUZZ
@given(
    flips=st.lists(
        st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), min_size=1, max_size=3
    )
)
def test_any_flipped_byte_anywhere_is_refused(
    stick: Stick, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(stick.good)
    for where, mask in flips:
        data[int(len(data) * where)] ^= mask
    if bytes(data) != stick.good:
        _refused(stick, bytes(data))


#: Manifest fields whose value decides what is merged: a lie in any of them is refused.
LOAD_BEARING: list[Callable[[dict[str, Any], Any], None]] = [
    lambda m, v: m.__setitem__("format", v),
    lambda m, v: m.__setitem__("version", v),
    lambda m, v: m["event"].__setitem__("uid", v),
    lambda m, v: m["kiosks"][0].__setitem__("id", v),
    lambda m, v: m["kiosks"][0].__setitem__("count", v),
    lambda m, v: m["kiosks"][0].__setitem__("first_seq", v),
    lambda m, v: m["kiosks"][0].__setitem__("last_seq", v),
    lambda m, v: m.__setitem__("kiosks", v),
    lambda m, v: m.__setitem__("scan_columns", v),
    lambda m, v: m.__setitem__("roster_columns", v),
    lambda m, v: m.__setitem__("roster", v),
    lambda m, v: m["body"].__setitem__("bytes", v),
    lambda m, v: m["body"].__setitem__("sha256", v),
    lambda m, v: m.__setitem__("body", v),
    lambda m, v: m.__setitem__("event", v),
]


@FUZZ
@given(field=st.integers(0, len(LOAD_BEARING) - 1), value=json_values)
@example(field=10, value=-1_125_899_906_842_760)  # a negative roster: found by this test
@example(field=11, value=-1)
def test_a_manifest_that_lies_about_what_matters_is_refused(
    stick: Stick, field: int, value: object
) -> None:
    _, manifest, body = _parts(stick.good)
    original = json.dumps(manifest, sort_keys=True)
    LOAD_BEARING[field](manifest, value)
    if json.dumps(manifest, sort_keys=True) == original:
        return  # the "lie" happened to be the truth
    _refused(stick, _assemble(manifest, body, fix_body=field not in (11, 12, 13)))


@FUZZ
@given(document=json_values)
def test_a_well_compressed_body_that_is_not_a_scan_log_is_refused(
    stick: Stick, document: object
) -> None:
    _, manifest, _ = _parts(stick.good)
    body = gzip.compress(json.dumps(document).encode(), mtime=0)
    _refused(stick, _assemble(manifest, body))


@FUZZ
@given(row=st.integers(0, 5), column=st.integers(0, 14), value=json_values)
def test_a_scan_changed_inside_a_well_formed_bundle_is_merged_whole_or_refused_whole(
    stick: Stick, row: int, column: int, value: object
) -> None:
    """A forged scan (checksums recomputed) either has the shape of a scan, and the bundle is
    merged as a whole, or the whole bundle is refused."""
    _, manifest, body = _parts(stick.good)
    document = json.loads(gzip.decompress(body))
    document["scans"][row][column] = value
    data = _assemble(manifest, gzip.compress(json.dumps(document).encode(), mtime=0))
    path = stick.write(data)
    before = stick.counts()
    try:
        result = import_bundle(stick.db, path)
    except BundleError as exc:
        assert stick.counts() == before
        assert str(path) in str(exc)
        return
    # Merged: every scan of the bundle is in the log (some may have been merged before).
    ids = [s[0] for s in document["scans"]]
    found = stick.db.conn.execute(
        f"SELECT count(*) FROM scan WHERE scan_id IN ({','.join('?' * len(ids))})", ids
    ).fetchone()[0]
    assert found + len(result.clashes) == len(set(ids))
    assert stick.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_bundle_from_another_event_is_refused_naming_both(stick: Stick) -> None:
    _, manifest, body = _parts(stick.good)
    manifest["event"] = {"uid": "another-event", "name": "Другое събитие"}
    assert _refused(stick, _assemble(manifest, body)) is Problem.OTHER_EVENT


@pytest.mark.parametrize(
    "where",
    ["event name", "kiosk name", "attendee name", "raw code"],
)
def test_huge_fields_are_refused_or_merged_whole_without_a_crash(
    stick: Stick, where: str
) -> None:
    huge = "Ж" * 4_000_000
    _, manifest, body = _parts(stick.good)
    document = json.loads(gzip.decompress(body))
    if where == "event name":
        manifest["event"]["name"] = huge
        manifest["event"]["uid"] = "x" + huge  # not this event either
        assert _refused(stick, _assemble(manifest, body)) is Problem.OTHER_EVENT
        return
    if where == "kiosk name":
        manifest["kiosks"][0]["name"] = huge
        document["kiosks"] = [[k, huge] for k, _ in document["kiosks"]]
    elif where == "attendee name":
        document["roster"][0][4] = huge
    else:
        document["scans"][0][7] = huge
    data = _assemble(manifest, gzip.compress(json.dumps(document).encode(), mtime=0))
    path = stick.write(data)
    before = stick.counts()
    try:
        import_bundle(stick.db, path)
    except BundleError as exc:
        assert stick.counts() == before and str(path) in str(exc)
        return
    assert stick.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_bundle_with_a_manifest_line_of_megabytes_and_no_end_is_refused(stick: Stick) -> None:
    first, _, _ = _parts(stick.good)
    assert _refused(stick, first + b"\n" + b"{" * 3_000_000) is Problem.TRUNCATED


@pytest.mark.parametrize("at", ["hello", "", "2026-13-45T99:00:00.000000Z", "2026-09-28"])
def test_a_scan_with_a_time_that_is_no_time_is_refused_so_later_scans_cannot_trip_on_it(
    stick: Stick, at: str
) -> None:
    _, manifest, body = _parts(stick.good)
    document = json.loads(gzip.decompress(body))
    document["scans"][0][3] = at
    data = _assemble(manifest, gzip.compress(json.dumps(document).encode(), mtime=0))
    assert _refused(stick, data) is Problem.MANIFEST_MISMATCH
