"""The Dask engine's workers allocate like a plain process: no per-array mmap from Dask's
MALLOC_TRIM_THRESHOLD_, no statistical profiler, relaxed event-loop checks."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from typing import Any

import dask
import pytest

from geopol.scale.engines import DASK_LOCAL_CONFIG, dask_client, local_cluster_config

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
ARRAYS = 100  # 1 MiB arrays allocated, filled and freed one after another


def _faults_for_arrays() -> int:
    """Minor page faults while allocating, filling and freeing ARRAYS arrays of 1 MiB."""
    import resource

    import numpy as np

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(ARRAYS):
        a = np.ones(1 << 18, dtype=np.float32)
        del a
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


PROBE = f"""
import json, resource
import numpy as np
from geopol.scale.daskplugin import undo_malloc_trim

def faults():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range({ARRAYS}):
        a = np.ones(1 << 18, dtype=np.float32)
        del a
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

faults()
before = faults()
changed = undo_malloc_trim()
faults()
print(json.dumps({{"before": before, "changed": changed, "after": faults()}}))
"""


def _probe(trim: str | None) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    if trim is not None:
        env["MALLOC_TRIM_THRESHOLD_"] = trim
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


@pytest.mark.skipif(not GLIBC, reason="MALLOC_TRIM_THRESHOLD_ and mallopt are glibc's")
def test_undo_malloc_trim_lets_a_dask_style_process_reuse_freed_arrays() -> None:
    trimmed = _probe("65536")  # what a Dask nanny gives its worker
    # Every 1 MiB array is a fresh mmap: 256 pages faulted in, each time.
    assert trimmed["before"] >= ARRAYS * 200
    assert trimmed["changed"] is True
    assert trimmed["after"] < ARRAYS * 20  # freed memory is reused
    plain = _probe(None)  # glibc's own dynamic thresholds are left alone
    assert plain["changed"] is False
    assert plain["before"] < ARRAYS * 20


def test_geopol_local_cluster_config_drops_only_the_trim_variable() -> None:
    config = local_cluster_config(dask.config)
    env = config["distributed.nanny.pre-spawn-environ"]
    assert "MALLOC_TRIM_THRESHOLD_" not in env
    assert env["OMP_NUM_THREADS"] == dask.config.get(
        "distributed.nanny.pre-spawn-environ.OMP_NUM_THREADS"
    )
    assert config["distributed.worker.profile.enabled"] is False
    assert {k: config[k] for k in DASK_LOCAL_CONFIG} == DASK_LOCAL_CONFIG


@pytest.mark.skipif(not GLIBC, reason="MALLOC_TRIM_THRESHOLD_ and mallopt are glibc's")
def test_workers_of_geopol_s_local_cluster(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker of geopol's LocalCluster, with the pipeline plugin: freed arrays are reused
    (also when the driver's environment holds the trim variable, which an earlier default
    LocalCluster's nanny leaves there), the profiler is off, the event-loop checks relaxed."""
    from geopol.scale.daskplugin import LoadPipeline

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    client, cluster = dask_client(workers=1)
    try:
        client.register_plugin(LoadPipeline(None))
        (faults,) = client.run(_faults_for_arrays).values()
        assert faults < ARRAYS * 20

        def state(dask_worker: Any) -> dict[str, Any]:
            callbacks = dask_worker.periodic_callbacks
            return {
                "profiling": "profile" in callbacks and callbacks["profile"].is_running(),
                "tick_ms": callbacks["tick"].callback_time,
            }

        (worker,) = client.run(state).values()
        assert worker == {"profiling": False, "tick_ms": 1000}
    finally:
        client.close()
        cluster.close()
