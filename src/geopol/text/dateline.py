"""Datelines: "VOSTOCHNY, Russia (Reuters) -" or "Vostochny Space Centre, Russia –" at the
start of a body. Left in, the parser makes them the subject of the first sentence, so the
pipeline blanks them (same length, offsets kept) and hands their place to geolocation.
"""

from __future__ import annotations

import re

from geopol.records import Span

# A place (one or more comma-separated parts), an optional (Agency), then a dash or colon.
_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<place>[A-Z][\w.'’\- ]{1,50}?(?:,[ ]?[A-Z][\w.'’\- ]{1,40}?){0,2})
    [ \t]*(?P<agency>\([A-Za-z][\w .&/-]{0,30}\))?
    [ \t]*(?:[-–—]{1,2}|:)[ \t]+(?=\S)""",
    re.VERBOSE,
)


def find_dateline(body: str, offset: int = 0) -> tuple[Span, Span] | None:
    """The whole dateline and its place part, with offsets shifted by ``offset``.

    Only accepted when it looks like one: ALL-CAPS place, a ", Country" part or an (Agency).
    """
    m = _DATELINE.match(body[:160])
    if not m:
        return None
    place = m.group("place").strip()
    words = place.split()
    if len(words) > 8:
        return None
    looks = place.isupper() or "," in place or m.group("agency") is not None
    if not looks:
        return None
    pstart = m.start("place") + (len(m.group("place")) - len(m.group("place").lstrip()))
    whole = Span(start=offset + m.start(), end=offset + m.end(), text=m.group(0))
    where = Span(start=offset + pstart, end=offset + pstart + len(place), text=place)
    return whole, where
