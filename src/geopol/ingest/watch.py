"""Continuous monitoring of feeds: poll, code what is new, store, evaluate alerts, sleep.

Why each feed runs in its own worker with its own time limit: one slow or broken feed must
never hold up the others. Feeds that fail are retried with exponential backoff; feeds that
answer 304 Not Modified cost one small request (ETag / Last-Modified are kept in the store).
Entries already seen are remembered per feed so their pages are not fetched again; an entry
is marked seen only after its article is stored, so a crash re-reads it instead of losing it.
An entry that cannot be read (a malformed link, a page bomb) is stored as seen with no
article, so a restart does not replay it. The pages of one feed are fetched by a small pool,
at most ``per_host`` at a time per host, and each feed is stored as soon as it is done, so a
slow site delays only its own entries. ``write_lock`` and ``on_change`` let ``geopol serve
--watch`` run a Watcher inside the server: writes take the server's lock and each stored
feed clears its response cache.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import dataclasses
import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from geopol.errors import BadInput, FetchError, GeopolError, StoreError
from geopol.ingest.feeds import Entry, parse_feed, parse_opml
from geopol.ingest.fetch import Allow, HostLimits, Response, fetch
from geopol.ingest.run import Coder, IngestStats, ingest
from geopol.ingest.sources import Item, Skipped, entry_article
from geopol.store import Store
from geopol.store.schema import TABLES, column_list

logger = logging.getLogger(__name__)

MAX_BACKOFF = 6 * 3600.0
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``"15m"``, ``"1h30m"``, ``"45s"`` or a plain number of seconds."""
    t = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", t)
    if not parts or "".join(f"{n}{u}" for n, u in parts) != re.sub(r"\s+", "", t):
        raise BadInput(f"interval {text!r}: use e.g. 30s, 15m, 1h or 1h30m")
    return sum(float(n) * _UNIT[u] for n, u in parts)


def backoff(failures: int, every: float) -> float:
    """Seconds to wait after ``failures`` consecutive failures (doubling, capped)."""
    return float(min(every * 2 ** max(failures - 1, 0), max(MAX_BACKOFF, every)))


@dataclasses.dataclass(slots=True)
class FeedState:
    feed_url: str
    etag: str | None = None
    last_modified: str | None = None
    last_status: str | None = None
    failures: int = 0
    next_attempt: dt.datetime | None = None
    last_checked: dt.datetime | None = None


@dataclasses.dataclass(slots=True)
class FeedResult:
    url: str
    status: str  # ok | not-modified | error
    message: str = ""
    items: list[tuple[str, Item]] = dataclasses.field(default_factory=list)  # (entry key, item)
    etag: str | None = None
    last_modified: str | None = None


@dataclasses.dataclass(slots=True)
class CycleReport:
    number: int
    feeds: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    waiting: int = 0  # in backoff, not polled this cycle
    new_entries: int = 0
    articles_added: int = 0
    events_added: int = 0
    seconds: float = 0.0
    errors: list[str] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        return (
            f"watch: cycle {self.number}: {self.feeds} feeds ({self.fetched} fetched, "
            f"{self.not_modified} unchanged, {self.failed} failed, {self.waiting} backing off); "
            f"{self.new_entries} new entries, {self.articles_added} articles and "
            f"{self.events_added} events stored in {self.seconds:.1f} s"
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def load_states(store: Store, urls: Iterable[str]) -> dict[str, FeedState]:
    cols = column_list(TABLES["feed_state"])
    rows = store.con.execute(f"SELECT {cols} FROM feed_state").fetchall()
    known = {r[0]: FeedState(*r) for r in rows}
    return {u: known.get(u) or FeedState(u) for u in urls}


def seen_keys(store: Store, urls: Sequence[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {u: set() for u in urls}
    if not urls:
        return out
    store.con.register("_feeds", pa.table({"feed_url": pa.array(list(urls), pa.string())}))
    try:
        for url, key in store.con.execute(
            "SELECT feed_url, entry_key FROM feed_entries WHERE feed_url IN "
            "(SELECT feed_url FROM _feeds)"
        ).fetchall():
            out[url].add(key)
    finally:
        store.con.unregister("_feeds")
    return out


def save(
    store: Store, states: Iterable[FeedState], entries: list[tuple[str, str, str | None]]
) -> None:
    """Record feed states and seen entries (feed, key, article id) in one transaction."""
    con = store.con
    st = list(states)
    con.execute("BEGIN TRANSACTION")
    try:
        if st:
            table = pa.Table.from_pylist(
                [dataclasses.asdict(s) for s in st],
                schema=pa.schema([("feed_url", pa.string()), ("etag", pa.string()),
                                  ("last_modified", pa.string()), ("last_status", pa.string()),
                                  ("failures", pa.int32()), ("next_attempt", pa.timestamp("us")),
                                  ("last_checked", pa.timestamp("us"))]),
            )
            con.register("_states", table)
            con.execute("DELETE FROM feed_state WHERE feed_url IN (SELECT feed_url FROM _states)")
            con.execute(f"INSERT INTO feed_state SELECT {column_list(TABLES['feed_state'])} "
                        "FROM _states")
            con.unregister("_states")
        if entries:
            now = _now()
            con.register("_entries", pa.table({
                "feed_url": pa.array([e[0] for e in entries], pa.string()),
                "entry_key": pa.array([e[1] for e in entries], pa.string()),
                "article_id": pa.array([e[2] for e in entries], pa.string()),
                "seen_at": pa.array([now] * len(entries), pa.timestamp("us")),
            }))
            con.execute("INSERT INTO feed_entries SELECT * FROM _entries")
            con.unregister("_entries")
        con.execute("COMMIT")
    except BaseException as exc:
        # A failed COMMIT (disk full) has already ended the transaction; keep its error.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{store.path}: cannot record feed state ({exc})") from exc
        raise


class Watcher:
    """Polls feeds into a store. ``run_cycle`` is one poll; ``run`` loops."""

    def __init__(
        self,
        feeds: Sequence[str],
        store_path: str | Path | None,
        *,
        every: float = 900.0,
        allow_private: Allow = False,
        timeout: float = 20.0,
        max_bytes: int = 10_000_000,
        workers: int = 8,
        pages: bool = True,
        coder: Coder | None = None,
        log: Callable[[str], None] = print,
        after_cycle: Callable[[Store], None] | None = None,
        page_workers: int = 4,
        per_host: int = 2,
        write_lock: threading.Lock | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.inputs = list(feeds)
        self.store_path = store_path
        self.every = every
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.workers = workers
        self.pages = pages
        self.coder = coder
        self.log = log
        self.after_cycle = after_cycle
        self.page_workers = page_workers
        self.hosts = HostLimits(per_host)
        self.write_lock = write_lock
        self.on_change = on_change
        self.cycles = 0
        self.stop = threading.Event()

    def _fetch(self, url: str, **kw: str | None) -> Response:
        with self.hosts.slot(url):
            return fetch(url, allow_private=self.allow_private, timeout=self.timeout,
                         max_bytes=self.max_bytes, etag=kw.get("etag"),
                         last_modified=kw.get("last_modified"))

    def feed_urls(self) -> list[str]:
        """The inputs with OPML lists (files or URLs) expanded, re-read every cycle."""
        out: list[str] = []
        for item in self.inputs:
            urls: list[str]
            try:
                if item.lower().endswith(".opml") and not re.match(r"^https?://", item):
                    urls = parse_opml(Path(item).read_bytes(), name=item)
                elif item.lower().endswith(".opml"):
                    urls = parse_opml(self._fetch(item).content, name=item)
                else:
                    urls = [item]
            except (GeopolError, OSError) as exc:
                self.log(f"watch: cannot read feed list {item}: {exc}")
                continue
            out.extend(u for u in urls if u not in out)
        return out

    def poll(self, state: FeedState, seen: set[str]) -> FeedResult:
        """Fetch one feed and the pages of its new entries (runs in a worker thread).

        Pages are fetched by a small pool of their own, at most ``per_host`` at a time per
        host, so one slow site delays only its own entries. Any failure of one entry, a
        malformed link included, becomes a Skipped item that is marked seen like the rest.
        """
        try:
            resp = self._fetch(state.feed_url, etag=state.etag, last_modified=state.last_modified)
            if resp.not_modified:
                return FeedResult(state.feed_url, "not-modified", etag=resp.etag,
                                  last_modified=resp.last_modified)
            feed = parse_feed(resp.content, url=resp.url, content_type=resp.content_type)
        except (GeopolError, OSError) as exc:
            return FeedResult(state.feed_url, "error", message=str(exc))
        except Exception as exc:  # a parser bug on one hostile feed must not stop the others
            return FeedResult(state.feed_url, "error",
                              message=f"cannot read the feed ({type(exc).__name__}: {exc})")
        result = FeedResult(state.feed_url, "ok", etag=resp.etag,
                            last_modified=resp.last_modified)
        fresh: list[Entry] = []
        for entry in feed.entries:
            if entry.key in seen or entry.key in {e.key for e in fresh}:
                continue
            fresh.append(entry)
        if not fresh:
            return result
        with cf.ThreadPoolExecutor(max_workers=max(1, min(self.page_workers, len(fresh))),
                                   thread_name_prefix="geopol-page") as pool:
            futures = [pool.submit(self._entry, e, feed.title, state.feed_url) for e in fresh]
            for entry, fut in zip(fresh, futures, strict=True):
                item = fut.result()
                if item is not None:
                    result.items.append((entry.key, item))
        return result

    def _entry(self, entry: Entry, feed_title: str, feed_url: str) -> Item | None:
        """One entry as an article, or Skipped with the reason; None once stopping."""
        if self.stop.is_set():
            return None
        fetcher = self._fetch if self.pages else None
        try:
            return entry_article(entry, feed_title=feed_title, feed_url=feed_url,
                                 fetcher=fetcher)
        except Exception as exc:  # one hostile entry must not lose its siblings
            where = f"{feed_url}#{entry.key}"[:300]
            logger.info("feed entry %s skipped: %s: %s", where, type(exc).__name__, exc)
            return Skipped(where, f"cannot read the entry ({type(exc).__name__}: {exc})")

    def run_cycle(self) -> CycleReport:
        """One poll of every due feed; each feed is stored as soon as its poll is done."""
        self.cycles += 1
        report = CycleReport(self.cycles)
        start = time.monotonic()
        urls = self.feed_urls()
        report.feeds = len(urls)
        now = _now()
        with self._writing(), Store.open(self.store_path) as store:
            states = load_states(store, urls)
            seen = seen_keys(store, urls)
        due = [s for s in states.values() if s.next_attempt is None or s.next_attempt <= now]
        report.waiting = len(urls) - len(due)
        if due:
            pool = cf.ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(due))),
                                         thread_name_prefix="geopol-feed")
            try:
                futures = [pool.submit(self.poll, s, seen[s.feed_url]) for s in due]
                for fut in cf.as_completed(futures):
                    result = fut.result()
                    self._store(result, states[result.url], report)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
        if self.after_cycle is not None:
            with self._writing(), Store.open(self.store_path) as store:
                self.after_cycle(store)
        report.seconds = time.monotonic() - start
        for err in report.errors:
            self.log(f"watch: feed failed: {err}")
        self.log(report.line())
        return report

    def _writing(self) -> contextlib.AbstractContextManager[object]:
        return self.write_lock if self.write_lock is not None else contextlib.nullcontext()

    def _store(self, r: FeedResult, st: FeedState, report: CycleReport) -> None:
        """Record one feed's result: its new articles, its entries as seen, its state."""
        st.last_checked = _now()
        st.last_status = r.status if not r.message else f"{r.status}: {r.message}"[:500]
        marks: list[tuple[str, str, str | None]] = []
        items: list[Item] = []
        if r.status == "error":
            report.failed += 1
            report.errors.append(f"{r.url}: {r.message}")
            st.failures += 1
            st.next_attempt = st.last_checked + dt.timedelta(
                seconds=backoff(st.failures, self.every))
        else:
            st.failures = 0
            st.next_attempt = None
            st.etag = r.etag or st.etag
            st.last_modified = r.last_modified or st.last_modified
            if r.status == "not-modified":
                report.not_modified += 1
            else:
                report.fetched += 1
            for key, item in r.items:
                report.new_entries += 1
                items.append(item)
                marks.append((r.url, key, None if isinstance(item, Skipped) else item.id))
        # One writer at a time in this process (the server's own writes take the same lock);
        # the feed's articles, its entries as seen and its state in one opening of the store.
        with self._writing(), Store.open(self.store_path) as store:
            stats = self._ingest(items, store) if items else IngestStats()
            save(store, [st], marks)
        report.articles_added += stats.added
        report.events_added += stats.events
        if stats.added and self.on_change is not None:
            self.on_change()

    def _ingest(self, items: list[Item], store: Store) -> IngestStats:
        def skip(s: Skipped) -> None:
            logger.info("watch: skipped %s: %s", s.where, s.reason)
            self.log(f"watch: skipped {s.where}: {s.reason}")

        return ingest(items, store, coder=self.coder, on_skip=skip)

    def run(self, cycles: int | None = None) -> list[CycleReport]:
        """Poll every ``every`` seconds until ``cycles`` are done or ``stop`` is set."""
        reports: list[CycleReport] = []
        while not self.stop.is_set():
            began = time.monotonic()
            try:
                reports.append(self.run_cycle())
            except (GeopolError, FetchError) as exc:
                self.log(f"watch: cycle failed: {exc}")
            except Exception as exc:  # a bug in one cycle must not end a long-running watch
                logger.exception("watch: cycle failed")
                self.log(f"watch: cycle failed ({type(exc).__name__}: {exc})")
            if cycles is not None and len(reports) >= cycles:
                break
            self.stop.wait(max(0.0, self.every - (time.monotonic() - began)))
        return reports
