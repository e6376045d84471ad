"""Run the coder over planned batches: in this process, on a local process pool, or on Dask.

Every engine runs the same task, ``code_batch`` (read a batch, code it, write its lake files,
commit its manifest entry), so the lake does not depend on the engine. The task is
idempotent: Dask may run a batch again after a worker dies and the rerun overwrites the same
files. Workers load the spaCy pipeline once (``geopol.nlp.load`` is cached per process; the
pool initializer and a Dask worker plugin warm it before the first task).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from geopol import __version__
from geopol.errors import BadInput, GeopolError
from geopol.scale.corpus import Batch, plan, read_batch
from geopol.scale.lake import Lake

ENGINES = ("single", "local", "dask")
#: One BLAS/OpenMP thread per worker process: the pool already uses every core.
_ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclasses.dataclass(frozen=True, slots=True)
class BatchResult:
    """What one batch task reports back (its manifest entry, in short)."""

    batch: str
    articles: int
    events: int
    dyads: int
    skipped: list[str]
    seconds: float
    cpu_s: float  # CPU time of the worker process while coding the batch (all its threads)
    worker: str


@dataclasses.dataclass(slots=True)
class RunSummary:
    engine: str
    workers: int
    batches: int  # planned
    resumed: int  # skipped because a previous run finished them
    articles: int = 0
    events: int = 0
    skipped: int = 0
    startup_s: float = 0.0  # cluster or pool start and pipeline loading
    coding_s: float = 0.0  # first task submitted -> last result in
    task_cpu_s: float = 0.0  # CPU time the batch tasks used, summed over workers
    driver_cpu_s: float = 0.0  # CPU time of this process while coding (incl. a LocalCluster's
    # scheduler, which runs here)
    wall_s: float = 0.0
    failed: dict[str, str] = dataclasses.field(default_factory=dict)  # batch id -> error

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.coding_s if self.coding_s else 0.0

    @property
    def cpu_s_per_article(self) -> float:
        """CPU seconds per article, tasks and driver together (for the single engine, the
        driver's time already includes the tasks'). Unlike articles/s, it does not depend
        on what else the machine is running."""
        cpu = self.driver_cpu_s if self.engine == "single" else self.task_cpu_s + self.driver_cpu_s
        return cpu / self.articles if self.articles else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["articles_per_s"] = round(self.articles_per_s, 3)
        d["cpu_s_per_article"] = round(self.cpu_s_per_article, 4)
        return d


def warm(model: str | None = None) -> int:
    """Load the pipeline and the coder's data in this process (both cached), so that no batch
    pays for them: code one short article, which loads everything lazily loaded."""
    for name in _ONE_THREAD:
        os.environ.setdefault(name, "1")
    from geopol.pipeline import code_articles
    from geopol.records import Article

    probe = Article(
        title="Talks",
        body="Russia and China held talks in Beijing on Monday.",
        published=dt.date(2024, 1, 1),
    )
    list(code_articles([probe], model=model))
    return os.getpid()


def code_batch(
    batch: Batch,
    lake_url: str,
    *,
    model: str | None = None,
    nlp_batch_size: int = 16,
    published: dt.date | None = None,
) -> BatchResult:
    """Read, code and write one batch, then commit it. Safe to run twice."""
    from geopol.pipeline import CODER, code_articles

    t0, c0 = time.perf_counter(), time.process_time()
    articles, skipped = read_batch(batch, published=published)
    coded = list(code_articles(articles, model=model, batch_size=nlp_batch_size))
    worker = f"{socket.gethostname()}:{os.getpid()}"
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    entry = Lake(lake_url).write_batch(
        batch.id,
        coded,
        {
            "format": batch.format,
            "inputs": list(batch.urls[:1])
            + ([f"... {len(batch.urls)} files"] if len(batch.urls) > 1 else []),
            "records": [batch.start, batch.stop] if batch.format != "text" else None,
            "skipped": skipped,
            "coder": CODER,
            "worker": worker,
            "coding_s": round(seconds, 3),
            "coding_cpu_s": round(cpu, 3),
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )
    return BatchResult(  # times of the whole task, writing included
        batch=batch.id,
        articles=entry["articles"],
        events=entry["events"],
        dyads=entry["dyads"],
        skipped=skipped,
        seconds=time.perf_counter() - t0,
        cpu_s=time.process_time() - c0,
        worker=worker,
    )


OnResult = Callable[[BatchResult], None]


@dataclasses.dataclass(frozen=True, slots=True)
class _Job:
    lake: str
    model: str | None
    nlp_batch_size: int
    published: dt.date | None

    def kwargs(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "nlp_batch_size": self.nlp_batch_size,
            "published": self.published,
        }


def _describe(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, GeopolError) else f"{type(exc).__name__}: {exc}"


def _single(todo: Sequence[Batch], job: _Job) -> Iterator[tuple[Batch, BatchResult | str]]:
    for batch in todo:
        try:
            yield batch, code_batch(batch, job.lake, **job.kwargs())
        except GeopolError as exc:
            yield batch, str(exc)


def _start_pool(workers: int, model: str | None) -> ProcessPoolExecutor:
    """A spawn-based pool whose every worker has loaded the pipeline."""
    import multiprocessing

    for name in _ONE_THREAD:  # inherited by the spawned workers only if the user set nothing
        os.environ.setdefault(name, "1")
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=warm, initargs=(model,))
    pids: set[int] = set()
    for _ in range(20):  # each worker warms in its initializer; wait until all have answered
        pids.update(f.result() for f in [pool.submit(_pid_after, 0.2) for _ in range(workers)])
        if len(pids) >= workers:
            break
    return pool


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _local(
    todo: Sequence[Batch], job: _Job, pool: ProcessPoolExecutor, workers: int
) -> Iterator[tuple[Batch, BatchResult | str]]:
    """At most ``2 * workers`` batches in flight on the pool."""
    pending: dict[Future[BatchResult], Batch] = {}
    queue = iter(todo)
    for batch in queue:
        pending[pool.submit(code_batch, batch, job.lake, **job.kwargs())] = batch
        if len(pending) >= 2 * workers:
            break
    while pending:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in finished:
            batch = pending.pop(fut)
            nxt = next(queue, None)
            if nxt is not None:
                pending[pool.submit(code_batch, nxt, job.lake, **job.kwargs())] = nxt
            exc = fut.exception()
            if exc is None:
                yield batch, fut.result()
            elif isinstance(exc, BrokenProcessPool):
                raise GeopolError(
                    "a worker process died and the local pool cannot replace it; "
                    "rerun with --resume (or use --engine dask, which replaces dead workers)"
                ) from exc
            else:
                yield batch, _describe(exc)


def _dask(
    todo: Sequence[Batch], job: _Job, client: Any, window: int
) -> Iterator[tuple[Batch, BatchResult | str]]:
    """Submit through a Dask client, at most ``window`` batches in flight.

    A worker that dies mid-task is replaced (by its nanny) and the scheduler reruns its
    tasks elsewhere; ``retries`` also reruns tasks that raised an unexpected error.
    """
    dist: Any = importlib.import_module("distributed")  # untyped library

    token = uuid.uuid4().hex[:8]

    def submit(batch: Batch) -> Any:
        return client.submit(
            code_batch,
            batch,
            job.lake,
            **job.kwargs(),
            key=f"geopol-batch-{batch.id}-{token}",
            retries=1,
            pure=False,
        )

    queue = iter(todo)
    futures = dist.as_completed()
    owner: dict[str, Batch] = {}
    for batch in queue:
        fut = submit(batch)
        owner[fut.key] = batch
        futures.add(fut)
        if len(owner) >= window:
            break
    for fut in futures:
        batch = owner.pop(fut.key)
        nxt = next(queue, None)
        if nxt is not None:
            new = submit(nxt)
            owner[new.key] = nxt
            futures.add(new)
        try:
            result = fut.result()
        except Exception as exc:
            result = _describe(exc)
        finally:
            fut.release()
        yield batch, result


#: Dask settings for the LocalCluster geopol starts. A batch keeps its worker's only task
#: thread busy for seconds, and every periodic callback of the worker's event loop must take
#: the GIL from it; the nannies and the scheduler run in the driver. Measured with
#: benchmarks/bench_dask_overhead.py (docs/scale.md, "Dask's overhead").
DASK_LOCAL_CONFIG: dict[str, Any] = {
    # The statistical profiler walks the task thread's deep spaCy stack every 10 ms.
    "distributed.worker.profile.enabled": False,
    # Event-loop health checks (metrics and an "unresponsive" warning after 3 s): every 20 ms.
    "distributed.admin.tick.interval": "1s",
    # Memory checks by each worker and its nanny: every 100 ms. A worker over its memory
    # limit is still paused or restarted within half a second.
    "distributed.worker.memory.monitor-interval": "500ms",
}


def local_cluster_config(config: Any) -> dict[str, Any]:
    """``DASK_LOCAL_CONFIG`` plus the nanny's pre-spawn environment (from dask's ``config``
    module) less ``MALLOC_TRIM_THRESHOLD_``: see ``geopol.scale.daskplugin.undo_malloc_trim``,
    which repairs workers started elsewhere with it."""
    env = dict(config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {**DASK_LOCAL_CONFIG, "distributed.nanny.pre-spawn-environ": env}


def dask_client(
    scheduler: Any = None,
    *,
    workers: int | None = None,
    threads_per_worker: int = 1,
    memory_limit: str = "auto",
) -> tuple[Any, Any]:
    """A client for ``scheduler`` (an address or a Client), or a new LocalCluster of
    ``workers`` processes. Returns ``(client, cluster_or_None)``; close what you own."""
    dist: Any = importlib.import_module("distributed")  # untyped library

    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None
    if scheduler:
        return dist.Client(scheduler), None
    dask: Any = importlib.import_module("dask")
    with dask.config.set(local_cluster_config(dask.config)):
        cluster = dist.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=threads_per_worker,
            processes=True,
            memory_limit=memory_limit,
            dashboard_address=None,
        )
    return dist.Client(cluster), cluster


def run_corpus(
    inputs: Sequence[str],
    lake: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: Any = None,
    batch_size: int = 200,
    nlp_batch_size: int = 16,
    model: str | None = None,
    resume: bool = False,
    published: dt.date | None = None,
    threads_per_worker: int = 1,
    memory_limit: str = "auto",
    on_result: OnResult | None = None,
) -> RunSummary:
    """Code every article under ``inputs`` into the lake at ``lake``.

    ``engine``: ``single`` (this process), ``local`` (a pool of ``workers`` processes) or
    ``dask`` (``scheduler``: an address, a ``distributed.Client``, or None to start a
    LocalCluster of ``workers`` processes). With ``resume``, batches the lake's manifest
    lists as finished are skipped. Batches that fail (unreadable input) are listed in
    ``failed`` and not committed, so a ``--resume`` run retries them.

    Example:
        >>> run_corpus(["corpus/"], "lake/", engine="dask", workers=4)  # doctest: +SKIP
    """
    if engine not in ENGINES:
        raise BadInput(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    t0 = time.perf_counter()
    from geopol.nlp import model_name

    batches = plan(inputs, batch_size)
    store = Lake(lake)
    settings = {"batch_size": batch_size, "coder_version": __version__, "model": model_name(model)}
    store.check_run(settings, resume=resume)
    finished = store.done() if resume else set()
    todo = [b for b in batches if b.id not in finished]
    job = _Job(lake, model, nlp_batch_size, published)
    n = 1 if engine == "single" else (workers or os.cpu_count() or 1)
    summary = RunSummary(
        engine=engine, workers=n, batches=len(batches), resumed=len(batches) - len(todo)
    )
    client: Any = None
    cluster: Any = None
    pool: ProcessPoolExecutor | None = None
    try:
        if not todo:  # nothing left to code: start no workers
            stream: Iterator[tuple[Batch, BatchResult | str]] = iter(())
        elif engine == "single":
            warm(model)
            stream = _single(todo, job)
        elif engine == "local":
            pool = _start_pool(n, model)
            stream = _local(todo, job, pool, n)
        else:
            client, cluster = dask_client(
                scheduler,
                workers=workers,
                threads_per_worker=threads_per_worker,
                memory_limit=memory_limit,
            )
            from geopol.scale.daskplugin import LoadPipeline

            client.register_plugin(LoadPipeline(model))
            summary.workers = n = max(1, len(client.nthreads()))
            stream = _dask(todo, job, client, window=4 * n)
        summary.startup_s = time.perf_counter() - t0
        started, cpu0 = time.perf_counter(), time.process_time()
        for batch, result in stream:
            if isinstance(result, str):
                summary.failed[batch.id] = result
                continue
            summary.articles += result.articles
            summary.events += result.events
            summary.skipped += len(result.skipped)
            summary.task_cpu_s += result.cpu_s
            if on_result is not None:
                on_result(result)
        summary.coding_s = time.perf_counter() - started
        summary.driver_cpu_s = time.process_time() - cpu0
        store.sweep()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if cluster is not None:
            client.close()
            cluster.close()
        elif client is not None and isinstance(scheduler, str):
            client.close()
    summary.wall_s = time.perf_counter() - t0
    return summary
