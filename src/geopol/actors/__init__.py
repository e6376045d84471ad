"""Actor resolution: every political actor in an article, resolved to country, sector, role.

Python:
    >>> from geopol.actors import find
    >>> [a.code for a in find("Russian troops entered Ukraine.", published="2022-02-24")]
    ['RUSMIL', 'UKR']
"""

from __future__ import annotations

import datetime as dt

from geopol.actors.dictionary import ActorDictionary, load
from geopol.records import Actor

_USER_FILES: tuple[str, ...] = ()


def configure(user_files: tuple[str, ...]) -> None:
    """Use these user dictionaries (YAML or PETRARCH .txt) over the built-ins from now on."""
    global _USER_FILES
    load(user_files)  # fail early on a bad file
    _USER_FILES = user_files


def current() -> ActorDictionary:
    return load(_USER_FILES)


def find(
    text: str, *, published: dt.date | str | None = None, model: str | None = None
) -> list[Actor]:
    """Actor mentions in ``text`` (offsets into ``text``)."""
    from geopol.actors.find import find_actors
    from geopol.nlp import load as load_nlp

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return find_actors(load_nlp(model)(text), published=published)


__all__ = ["configure", "current", "find"]
