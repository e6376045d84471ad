"""A small on-disk cache for what start-up rebuilds from the same files every run.

``cached(kind, content, build)`` returns ``build()``, keeping a pickled copy under the cache
folder named by a hash of ``content`` (the bytes or text the value is made from), of geopol's
version and of Python's. The next process that asks with the same content reads the copy,
which is many times faster than parsing big YAML files again. A changed file has a new hash,
so a stale copy is never read; old copies are left for the user to delete.

The folder is the gazetteer's (``geopol.places.build.cache_dir``: ``$GEOPOL_CACHE_DIR``, else
the user's cache folder, ``~/.cache/geopol`` on Linux). ``GEOPOL_CACHE=off`` turns this
cache off. A folder that cannot be written, or a copy that cannot be read, costs nothing but
the speed: the value is built as if there were no cache.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from geopol import __version__

logger = logging.getLogger(__name__)

T = TypeVar("T")
_OFF = ("0", "off", "no", "false")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off (``GEOPOL_CACHE=off``)."""
    if os.environ.get("GEOPOL_CACHE", "").strip().lower() in _OFF:
        return None
    env = os.environ.get("GEOPOL_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geopol"))


def key_of(kind: str, content: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (kind, __version__, sys.version):
        h.update(part.encode("utf-8") + b"\0")
    h.update(content.encode("utf-8") if isinstance(content, str) else content)
    return f"{kind}-{h.hexdigest()}"


def cached(kind: str, content: bytes | str, build: Callable[[], T]) -> T:
    """``build()``, read from the cache when the same ``content`` was built before."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{key_of(kind, content)}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
        return value
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: rebuild it
        logger.debug("cache: %s unreadable (%s), rebuilding", path, exc)
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception as exc:  # read-only home, full disk, a value pickle cannot write
        logger.debug("cache: cannot write %s (%s)", path, exc)


__all__ = ["cache_dir", "cached", "key_of"]
