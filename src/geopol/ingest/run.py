"""The ingest loop: read articles, skip known ones, code the rest, store each chunk.

Why chunks: each chunk is one store transaction, so an interrupted run keeps every finished
chunk and a re-run skips them by content hash without coding them again. The store is
released while coding, which is most of the time, so readers can query meanwhile.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator

from geopol.errors import ModelNotFound
from geopol.ingest.sources import Item, Skipped
from geopol.records import Article, CodedArticle
from geopol.store import Store

logger = logging.getLogger(__name__)

Coder = Callable[[Iterable[Article]], Iterator[CodedArticle]]
CHUNK = 32


@dataclasses.dataclass(slots=True)
class IngestStats:
    read: int = 0  # articles read from the inputs
    added: int = 0
    known: int = 0  # already in the store (same content hash)
    skipped: int = 0  # inputs that could not be read or coded
    events: int = 0
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


def default_coder(model: str | None = None, batch_size: int = 16) -> Coder:
    def code(articles: Iterable[Article]) -> Iterator[CodedArticle]:
        from geopol.pipeline import code_articles

        return code_articles(articles, model=model, batch_size=batch_size)

    return code


def ingest(
    items: Iterable[Item],
    store: Store,
    *,
    coder: Coder | None = None,
    chunk: int = CHUNK,
    on_skip: Callable[[Skipped], None] | None = None,
    on_progress: Callable[[IngestStats], None] | None = None,
    on_stored: Callable[[list[CodedArticle]], None] | None = None,
) -> IngestStats:
    """Code and store every new article in ``items``; returns what happened."""
    code = coder or default_coder()
    stats = IngestStats()
    start = time.monotonic()
    pending: dict[str, Article] = {}

    def flush() -> None:
        if not pending:
            return
        known = store.known_ids(pending)
        fresh = [a for aid, a in pending.items() if aid not in known]
        stats.known += len(known)
        pending.clear()
        store.release()
        if fresh:
            coded = code_each(fresh)
            result = store.add(coded, batch_size=max(len(coded), 1))
            store.release()
            stats.added += result.articles_added
            stats.known += result.articles_skipped
            stats.events += result.events_added
            if on_stored is not None:
                on_stored(coded)
        stats.seconds = time.monotonic() - start
        if on_progress is not None:
            on_progress(stats)

    def code_each(fresh: list[Article]) -> list[CodedArticle]:
        """Code a chunk; if the coder fails on it, code one by one and skip the culprits."""
        try:
            return list(code(fresh))
        except ModelNotFound:
            raise
        except Exception:  # a coder bug on one article must not stop a corpus
            logger.warning(
                "coding a chunk of %d articles failed; coding them one by one",
                len(fresh),
                exc_info=True,
            )
        out: list[CodedArticle] = []
        for article in fresh:
            try:
                out.extend(code([article]))
            except ModelNotFound:
                raise
            except Exception as exc:
                logger.error(
                    "the coder failed on %s",
                    article.path or article.url or article.title[:60],
                    exc_info=True,
                )
                stats.skipped += 1
                if on_skip is not None:
                    where = article.path or article.url or article.title[:60]
                    on_skip(Skipped(where, f"the coder failed ({type(exc).__name__}: {exc})"))
        return out

    for item in items:
        if isinstance(item, Skipped):
            stats.skipped += 1
            logger.info("skipped %s: %s", item.where, item.reason)
            if on_skip is not None:
                on_skip(item)
            continue
        stats.read += 1
        if item.id in pending:
            stats.known += 1
            continue
        pending[item.id] = item
        if len(pending) >= chunk:
            flush()
    flush()
    stats.seconds = time.monotonic() - start
    return stats
