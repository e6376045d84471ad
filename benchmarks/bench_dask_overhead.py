"""Where a Dask worker's extra CPU per article goes: the same batches coded in several settings.

Each setting codes the same text batches with ``geopol.scale.engines.code_batch`` (the task every
engine runs) in one warm worker process, after one warm-up batch that is not counted. From
inside each task it records the worker's process CPU time (all its threads), minor page faults
and context switches; the driver's CPU time is taken while the tasks run (a LocalCluster's
scheduler and nannies live there). CPU time, not wall time, so that other work on the machine
changes the figures less; ``--repeat`` runs the settings round robin and reports medians.

A setting is a base and ``+modifiers``:
    main       a plain spawned process (the local pool's worker), the task in its main thread
    thread     the same, the task in a new ``threading.Thread`` (as Dask runs tasks)
    dask       LocalCluster(n_workers=1, threads_per_worker=1) with Dask's default settings
    geopol     the cluster and worker plugin of ``geopol code-corpus --engine dask``
    +trim      (main, thread) MALLOC_TRIM_THRESHOLD_=65536, which a Dask nanny sets
    +notrim    (dask) the nanny without MALLOC_TRIM_THRESHOLD_
    +mallopt   (dask) geopol's ``undo_malloc_trim`` run in the worker
    +noprofile (dask) Dask's statistical profiler off
    +tick +memmon +sysmon +nosteal  (dask) one of Dask's periodic jobs relaxed (see SINGLE)
    +quiet     (dask) all of QUIET

Usage:
    .venv/bin/python benchmarks/bench_dask_overhead.py                  # 100 BBC articles
    .venv/bin/python benchmarks/bench_dask_overhead.py --limit 50 --repeat 3 \\
        --settings main,dask+noprofile,geopol

The corpus defaults to $GEOPOL_SHARED/eval/bbc-news (GEOPOL_SHARED defaults to /work/shared).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import multiprocessing
import os
import pickle
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from geopol.scale.corpus import Batch, plan  # noqa: E402
from geopol.scale.engines import code_batch, warm  # noqa: E402

SETTINGS = (  # the default table: the causes one at a time, then geopol's engine
    "main",
    "thread",
    "main+trim",
    "thread+trim",
    "dask",
    "dask+noprofile",
    "dask+noprofile+notrim",
    "dask+noprofile+mallopt",
    "dask+quiet+notrim",
    "geopol",
)
BASES = {"main", "thread", "dask", "geopol"}
MODIFIERS = {
    "trim",
    "noprofile",
    "quiet",
    "notrim",
    "tick",
    "sysmon",
    "memmon",
    "nosteal",
    "mallopt",
}
#: One relaxed setting each (for finding which of QUIET matters).
SINGLE: dict[str, dict[str, Any]] = {
    "tick": {"distributed.admin.tick.interval": "1s"},
    "sysmon": {"distributed.admin.system-monitor.interval": "5s"},
    "memmon": {"distributed.worker.memory.monitor-interval": "1s"},
    "nosteal": {"distributed.scheduler.work-stealing": False},
}
#: Dask settings that relax what a worker does beside its task (``+quiet``).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.profile.interval": "1s",
    "distributed.worker.profile.cycle": "60s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
}


def _task(batch: Batch, lake: str) -> dict[str, Any]:
    """Code one batch; report the process's CPU time, faults and switches it took."""
    from thinc.api import get_current_ops

    r0, c0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.process_time(), time.perf_counter()
    result = code_batch(batch, lake)
    r1, c1 = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
    return {
        "articles": result.articles,
        "events": result.events,
        "cpu": c1 - c0,
        "wall": time.perf_counter() - t0,
        "start": c0,
        "end": c1,
        "minflt": r1.ru_minflt - r0.ru_minflt,
        "nvcsw": r1.ru_nvcsw - r0.ru_nvcsw,
        "nivcsw": r1.ru_nivcsw - r0.ru_nivcsw,
        "ops": type(get_current_ops()).__name__,
        "thread": threading.current_thread().name,
        "threads": threading.active_count(),
        "trim": os.environ.get("MALLOC_TRIM_THRESHOLD_", ""),
        "pid": os.getpid(),
        "rss_mib": r1.ru_maxrss / 1024,
        "batch_bytes": len(pickle.dumps(batch)),
        "result_bytes": len(pickle.dumps(result)),
    }


def _in_thread(batch: Batch, lake: str) -> dict[str, Any]:
    """``_task`` run in a new thread of this process, as a Dask worker runs its tasks."""
    out: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: out.update(_task(batch, lake)), name="task")
    worker.start()
    worker.join()
    return out


@contextlib.contextmanager
def _env(name: str, value: str | None) -> Iterator[None]:
    old = os.environ.get(name)
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _pool_runner(fn: Callable[[Batch, str], dict[str, Any]], trim: str | None) -> Any:
    @contextlib.contextmanager
    def runner() -> Iterator[Callable[[Batch, str], dict[str, Any]]]:
        with _env("MALLOC_TRIM_THRESHOLD_", trim):  # the pool spawns on its first task
            ctx = multiprocessing.get_context("spawn")
            pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=warm)
            try:
                yield lambda batch, lake: pool.submit(fn, batch, lake).result()
            finally:
                pool.shutdown()

    return runner()


def _dask_runner(options: set[str]) -> Any:
    dask: Any = importlib.import_module("dask")
    dist: Any = importlib.import_module("distributed")

    @contextlib.contextmanager
    def runner() -> Iterator[Callable[[Batch, str], dict[str, Any]]]:
        # A LocalCluster's nannies run in this process and copy their pre-spawn variables
        # into its environment: start each setting from a clean one.
        with _env("MALLOC_TRIM_THRESHOLD_", None), _cluster() as run:
            yield run

    @contextlib.contextmanager
    def _cluster() -> Iterator[Callable[[Batch, str], dict[str, Any]]]:
        if "geopol" in options:
            from geopol.scale.daskplugin import LoadPipeline
            from geopol.scale.engines import dask_client

            client, cluster = dask_client(workers=1)
            client.register_plugin(LoadPipeline(None))
        else:
            config: dict[str, Any] = dict(QUIET) if "quiet" in options else {}
            if "noprofile" in options:
                config["distributed.worker.profile.enabled"] = False
            for name in options & SINGLE.keys():
                config.update(SINGLE[name])
            if "notrim" in options:
                env = dict(dask.config.get("distributed.nanny.pre-spawn-environ"))
                env.pop("MALLOC_TRIM_THRESHOLD_", None)
                config["distributed.nanny.pre-spawn-environ"] = env
            with dask.config.set(config):
                cluster = dist.LocalCluster(
                    n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
                )
            client = dist.Client(cluster)
            client.run(warm)
            if "mallopt" in options:
                from geopol.scale.daskplugin import undo_malloc_trim

                client.run(undo_malloc_trim)
        try:
            yield lambda batch, lake: client.submit(_task, batch, lake, pure=False).result()
        finally:
            client.close()
            cluster.close()

    return runner()


def measure(setting: str, batches: list[Batch], tmp: str) -> dict[str, Any]:
    """Run ``batches`` (the first one is the warm-up) in one setting; sum the counted tasks."""
    base, *mods = setting.split("+")
    if base in ("main", "thread"):
        fn = _in_thread if base == "thread" else _task
        runner = _pool_runner(fn, "65536" if "trim" in mods else None)
    else:
        runner = _dask_runner({base, *mods})
    with runner as run:
        run(batches[0], f"{tmp}/{setting}-warmup")
        d0 = time.process_time()
        tasks = [run(b, f"{tmp}/{setting}") for b in batches[1:]]
        driver = time.process_time() - d0
    n = sum(t["articles"] for t in tasks)
    first, last = tasks[0], tasks[-1]
    same_worker = len({t["pid"] for t in tasks}) == 1
    return {
        "setting": setting,
        "articles": n,
        "events": sum(t["events"] for t in tasks),
        "task_cpu_per_article": sum(t["cpu"] for t in tasks) / n,
        "worker_cpu_per_article": (last["end"] - first["start"]) / n if same_worker else None,
        "driver_cpu_per_article": driver / n,
        "minflt_per_article": sum(t["minflt"] for t in tasks) / n,
        "ctx_switches_per_article": sum(t["nvcsw"] + t["nivcsw"] for t in tasks) / n,
        "wall_per_article": sum(t["wall"] for t in tasks) / n,
        "ops": first["ops"],
        "thread": first["thread"],
        "threads": first["threads"],
        "malloc_trim": first["trim"] or "-",
        "peak_rss_mib": last["rss_mib"],
        "batch_bytes": first["batch_bytes"],
        "result_bytes": first["result_bytes"],
    }


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One row per setting: the median of each figure over its runs."""
    row = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, float):
            row[key] = statistics.median(r[key] for r in runs if r[key] is not None)
    totals = [r["task_cpu_per_article"] + r["driver_cpu_per_article"] for r in runs]
    row["total_cpu_per_article"] = statistics.median(totals)
    row["total_range"] = (min(totals), max(totals))
    row["runs"] = len(runs)
    return row


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("GEOPOL_SHARED", "/work/shared"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=shared / "eval" / "bbc-news")
    parser.add_argument("--limit", type=int, default=100, help="articles counted (plus a warm-up)")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--repeat", type=int, default=1, help="runs of each setting")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(
            f"corpus not found: {args.corpus} (set GEOPOL_SHARED or pass --corpus)", file=sys.stderr
        )
        return 2
    settings = [s.strip() for s in args.settings.split(",") if s.strip()]
    for setting in settings:
        base, *mods = setting.split("+")
        if base not in BASES or not set(mods) <= MODIFIERS:
            parser.error(f"unknown setting {setting!r}")
    files = sorted(str(p) for p in args.corpus.rglob("*.txt"))
    want = args.limit + args.batch_size  # the first batch warms up
    step = max(1, len(files) // want)
    batches = plan(files[::step][:want], args.batch_size)
    print(
        f"{len(batches) - 1} batches of {args.batch_size} (+1 warm-up) from {args.corpus}; "
        f"load average {os.getloadavg()[0]:.2f}",
        file=sys.stderr,
    )
    runs: dict[str, list[dict[str, Any]]] = {s: [] for s in settings}
    with tempfile.TemporaryDirectory(prefix="geopol-dask-overhead-") as tmp:
        for round_ in range(args.repeat):  # round robin, so that load changes hit all alike
            for setting in settings:
                runs[setting].append(measure(setting, batches, f"{tmp}/{round_}"))
                print(f"  {setting}: done, load {os.getloadavg()[0]:.2f}", file=sys.stderr)
    rows = [summarize(r) for r in runs.values()]
    base = next((r["total_cpu_per_article"] for r in rows if r["setting"] == "main"), None)
    for r in rows:
        r["vs_main"] = r["total_cpu_per_article"] / base if base else None
    if args.json:
        print(json.dumps({"load_average": os.getloadavg()[0], "settings": rows}, indent=1))
        return 0
    print(
        f"{'setting':24} {'articles':>8} {'task':>7} {'driver':>7} {'total':>7} {'range':>13} "
        f"{'vs main':>7} {'faults':>6} {'switches':>8} {'thread':>12} {'ops':>8} {'rss':>4} trim"
    )
    for r in rows:
        ratio = f"{r['vs_main']:.2f}" if r["vs_main"] else "-"
        low, high = r["total_range"]
        print(
            f"{r['setting']:24} {r['articles']:>8} {r['task_cpu_per_article']:>7.4f} "
            f"{r['driver_cpu_per_article']:>7.4f} {r['total_cpu_per_article']:>7.4f} "
            f"{f'{low:.3f}-{high:.3f}':>13} {ratio:>7} {r['minflt_per_article']:>6.0f} "
            f"{r['ctx_switches_per_article']:>8.1f} {r['thread'][-12:]:>12} {r['ops']:>8} "
            f"{r['peak_rss_mib']:>4.0f} {r['malloc_trim']}"
        )
    r = rows[0]
    print(
        f"\nCPU seconds per article (medians of {args.repeat} runs): task = the worker process "
        "while it ran the tasks,\ndriver = this process meanwhile (a LocalCluster's scheduler and "
        "nannies), total = both; range: of total.\nfaults, switches: minor page faults and "
        "context switches per article in the tasks; rss: the worker's peak RSS (MiB).\n"
        f"A task gets a batch of {r['batch_bytes']} bytes pickled (file names, no text) and "
        f"returns {r['result_bytes']} bytes (counts and timings)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
