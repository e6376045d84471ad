"""Logging for the command line: ``-v`` (info), ``-vv`` (debug), ``-q`` (errors only).

Library modules log through ``logging.getLogger(__name__)``; the CLI sends the ``geopol``
loggers to standard error at the level the options ask for (warnings by default).
"""

from __future__ import annotations

import logging
import sys

_HANDLER_NAME = "geopol-cli"
_state = {"quiet": False, "level": logging.WARNING}


def configure(verbose: int = 0, quiet: bool = False) -> None:
    """Send geopol's log records to stderr at the level ``verbose``/``quiet`` ask for."""
    if quiet:
        level = logging.ERROR
    elif verbose >= 2:
        level = logging.DEBUG
    elif verbose == 1:
        level = logging.INFO
    else:
        level = logging.WARNING
    _state["quiet"] = quiet
    _state["level"] = level
    logger = logging.getLogger("geopol")
    for h in list(logger.handlers):
        if h.get_name() == _HANDLER_NAME:
            logger.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    fmt = "%(levelname)s %(name)s: %(message)s" if level <= logging.INFO else "%(message)s"
    handler.setFormatter(logging.Formatter(fmt))
    logger.addHandler(handler)
    logger.setLevel(level)


def is_quiet() -> bool:
    return bool(_state["quiet"])
