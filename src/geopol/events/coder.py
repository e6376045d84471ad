"""The event coder's configuration: built-in data files plus the user's, set once.

``configure(triggers=..., factuality=...)`` (the CLI's ``--triggers FILE`` and
``--factuality FILE``) checks the user's files and makes them the ones every later coding
run in this process uses, as ``geopol.actors.configure`` does for actor dictionaries.
``current()`` is the ``Coder`` in use; its ``lexicon`` is the trigger lexicon and its
``factuality`` the files the factuality cues are read from (``events/factuality/``).

Example:
    >>> coder = configure(triggers=("my-triggers.yaml",))  # doctest: +SKIP
    >>> "blockade" in coder.lexicon.verbs  # doctest: +SKIP
    True
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from geopol.events.lexicon import Lexicon, load

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True, slots=True)
class Coder:
    """The user files the event coder reads besides its built-in data files."""

    triggers: tuple[str, ...] = ()
    factuality: tuple[str, ...] = ()

    @property
    def lexicon(self) -> Lexicon:
        """The trigger lexicon: ``data/events/triggers.yaml`` with the user's entries first."""
        return load(self.triggers)


_CURRENT = Coder()


def configure(*, triggers: Sequence[str] = (), factuality: Sequence[str] = ()) -> Coder:
    """Use these trigger and factuality files over the built-ins from now on; a file that
    cannot be read or does not follow the schema is a ``DictionaryError`` here, before
    anything is coded."""
    global _CURRENT
    from geopol.events.factuality import set_factuality

    coder = Coder(tuple(str(p) for p in triggers), tuple(str(p) for p in factuality))
    coder.lexicon  # noqa: B018  (fail early on a bad file)
    set_factuality(coder.factuality)  # checks the files (BadInput naming file and section)
    _CURRENT = coder
    if coder.triggers or coder.factuality:
        logger.info(
            "event coder: trigger files %s, factuality files %s",
            list(coder.triggers),
            list(coder.factuality),
        )
    return coder


def current() -> Coder:
    return _CURRENT


__all__ = ["Coder", "configure", "current"]
