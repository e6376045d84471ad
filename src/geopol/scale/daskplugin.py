"""The Dask worker plugin that loads the pipeline once per worker process.

Kept apart from engines.py so that the single and local engines do not import distributed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from geopol.scale.engines import warm

# glibc's mallopt() parameters (malloc.h) and the ceilings of its own dynamic thresholds on
# 64-bit systems: the mmap threshold grows up to 32 MiB, the trim threshold to twice that.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_MMAP_MAX = 32 * 1024 * 1024
_TRIM_MAX = 2 * _MMAP_MAX


def undo_malloc_trim() -> bool:
    """Give glibc's malloc back room to reuse freed memory in a worker that a Dask nanny
    started with ``MALLOC_TRIM_THRESHOLD_`` (Dask's default: 64 KiB).

    That variable also freezes glibc's mmap threshold at 128 KiB, so every array the parser
    allocates above that size is a fresh mmap, page-faulted in and unmapped again. A worker
    thread then pays 17 times the page faults and about 35% more CPU per article than the
    local pool. Dask trims memory for workers that hold data between tasks; a geopol
    worker holds none. Returns whether the thresholds were changed (Linux with glibc only)."""
    if "MALLOC_TRIM_THRESHOLD_" not in os.environ or not sys.platform.startswith("linux"):
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MMAP_MAX)) and bool(
        mallopt(_M_TRIM_THRESHOLD, _TRIM_MAX)
    )


class LoadPipeline(WorkerPlugin):
    """Dask worker plugin: load the pipeline when a worker starts (and when one restarts)."""

    name = "geopol-load-pipeline"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        undo_malloc_trim()
        warm(self.model)
        # Dask's statistical profiler walks the running thread's stack every 10 ms; spaCy's
        # stacks are deep, and it cost about a tenth of the coding CPU time when we measured.
        for name in ("profile", "profile-cycle"):
            callback = getattr(worker, "periodic_callbacks", {}).get(name)
            if callback is not None:
                callback.stop()
