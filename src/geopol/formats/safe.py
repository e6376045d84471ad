"""Output that other programs would run: CSV formulas, terminal escapes and rich markup.

Why: article text and actor names come from the web, and a cell such as ``=HYPERLINK(...)``
or ``=cmd|'/C calc'!A0`` in an exported CSV runs when the file is opened in a spreadsheet.
Following the OWASP rule, a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``, which spreadsheets show as text. Numbers are kept as
numbers (a negative Goldstein score stays ``-5.0``), and so are CAMEO codes such as ``---UAF``
(letters and digits after dashes: no function, no DDE, nothing a spreadsheet can run). Every CSV writer of geopol writes through
``csv_writer``. Text shown at a terminal goes through ``terminal_text`` (control characters
removed) and, where rich renders it, ``terminal_markup`` (markup escaped as well).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Text that starts like a formula but cannot call anything: numbers ("-5.0") and CAMEO actor
#: codes whose country is unknown ("---UAF"). Kept as they are, so codes still join.
_INERT = re.compile(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?|-+[A-Z0-9]+")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _INERT.fullmatch(
        value
    ):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows pass through ``safe_cell``."""

    def __init__(self, out: IO[str], **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: IO[str], **kwargs: Any) -> SafeWriter:
    """A CSV writer (``csv.writer`` arguments) that neutralises formula cells."""
    return SafeWriter(out, **kwargs)


#: C0 and C1 control characters but tab and newline (ESC starts terminal sequences: ``\x1b[8m``
#: hides text, OSC 8 makes links), and the bidirectional overrides that reorder what is shown.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(text: object) -> str:
    """``text`` without the characters that drive a terminal instead of being shown."""
    return _CONTROL.sub("", str(text))


def terminal_markup(text: object) -> str:
    """``terminal_text`` escaped for rich markup, so ``[/bold]`` or ``[link=...]`` in an
    article is shown as written."""
    from rich.markup import escape

    return escape(terminal_text(text))
