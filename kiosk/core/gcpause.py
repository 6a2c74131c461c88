"""Pausing the cyclic garbage collector while building many small objects (imports, reports).

Reading 100,000 rows creates millions of strings, tuples and records, and every few thousand
allocations CPython scans them all for reference cycles, which these objects never form; that
scanning doubles the time of a large import or report.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_depth = 0
_gc_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Reading 100,000 rows creates millions of strings and lists, and every few thousand
    allocations CPython scans them all for reference cycles, which these objects never form;
    that scanning doubles the time of a large import. Nesting and threads are safe: the collector
    is restored (if it was on) when the last user leaves.
    """
    global _gc_depth, _gc_was_enabled
    with _gc_lock:
        if _gc_depth == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_was_enabled:
                gc.enable()
