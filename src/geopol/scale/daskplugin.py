"""The Dask worker plugin that loads the pipeline once per worker process.

Kept apart from engines.py so that the single and local engines do not import distributed.
"""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from geopol.scale.engines import warm


class LoadPipeline(WorkerPlugin):
    """Dask worker plugin: load the pipeline when a worker starts (and when one restarts)."""

    name = "geopol-load-pipeline"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        warm(self.model)
        # Dask's statistical profiler walks the running thread's stack every 10 ms; spaCy's
        # stacks are deep, and it cost about a tenth of the coding CPU time when we measured.
        for name in ("profile", "profile-cycle"):
            callback = getattr(worker, "periodic_callbacks", {}).get(name)
            if callback is not None:
                callback.stop()
