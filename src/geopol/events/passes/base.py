"""Passes of the event coder: named functions of the context, registered by name.

A pass runs at one of three levels: once per sentence (``SENTENCE``), once per trigger of
a sentence (``TRIGGER``: it reads and changes ``ctx.current``, a ``Reading``), or once per
article after the sentences (``ARTICLE``). ``register`` adds a function to ``REGISTRY``
under its name; the order in which they run is ``geopol.events.passes.ORDER``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

from geopol.errors import GeopolError


class Level(StrEnum):
    SENTENCE = "sentence"
    TRIGGER = "trigger"
    ARTICLE = "article"


@dataclasses.dataclass(frozen=True, slots=True)
class Pass:
    """A named pass: ``run(ctx)`` with a ``SentenceContext`` (sentence and trigger passes)
    or an ``ArticleContext`` (article passes)."""

    name: str
    level: Level
    run: Callable[[Any], None]
    module: str

    @property
    def about(self) -> str:
        """The first paragraph of the pass's docstring, on one line."""
        first = (self.run.__doc__ or "").strip().split("\n\n")[0]
        return " ".join(first.split())


class PassError(GeopolError):
    """A pass named twice, or a pipeline naming a pass that does not exist."""


#: Every pass there is, by name.
REGISTRY: dict[str, Pass] = {}

F = TypeVar("F", bound=Callable[..., None])


def register(name: str, level: Level) -> Callable[[F], F]:
    """Register the decorated function as the pass ``name`` running at ``level``."""

    def add(fn: F) -> F:
        if name in REGISTRY and REGISTRY[name].run is not fn:
            raise PassError(f"a pass named {name!r} is already registered")
        REGISTRY[name] = Pass(name, level, fn, fn.__module__)
        return fn

    return add
