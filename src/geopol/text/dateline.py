"""Datelines: "VOSTOCHNY, Russia (Reuters) -" or "Vostochny Space Centre, Russia –" at the
start of a body. Left in, the parser makes them the subject of the first sentence, so the
pipeline blanks them (same length, offsets kept) and hands their place to geolocation.

Forms read (the place, then how the dateline ends):

- a dash or colon: "SAN FRANCISCO - The union", "BEIJING --At least", "KAZAN: Talks";
  a date after the place is left out of it ("WASHINGTON, Dec. 5 (XNS) - ");
- an agency in parentheses, with or without a dash, a date inside allowed:
  "WASHINGTON (AP) — ", "LOUISVILLE, KY--(Newswire - May 2, 2011) - ", "Dover, Del. (May 3,
  2012) – ", "WASHINGTON (XNS) Lawmakers", "Washington (XNS)" alone on its line;
- no mark at all when an ALL-CAPS place is followed by an article: "DETROIT The city",
  "AUSTIN, Texas A judge".

A body whose first line is a short headline ("Mayor to speak.\\n  TORRINGTON — The mayor")
is looked at again at the start of its second line.
"""

from __future__ import annotations

import re

from geopol.records import Span

_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|"
          r"April|June|July|August|September|October|November|December)\b\.?")
_PLACE = (rf"(?P<place>[A-Z][\w.'’\- ]{{1,50}}?(?:,[ ]?(?!{_MONTH})[A-Z][\w.'’\- ]{{1,40}}?){{0,2}})"
          # "WASHINGTON, Dec. 5", "GENEVA, 4 May 2016": the date is no part of the place
          # ... nor an agency written after the date ("Tehran, May 3, XNA -")
          rf"(?P<date>,[ ]?(?:{_MONTH}[ ]\d{{1,2}}|\d{{1,2}}[ ]{_MONTH})(?:,?[ ]\d{{4}})?"
          r"(?:,[ ]?[A-Z]{2,8}\b)?)?")
# "(Reuters)", "(Newswire - May 2, 2011)", "(May 3, 2012)": a word first, no nesting.
_AGENCY = r"(?P<agency>\([A-Za-z][^()\n]{0,60}\))"
_DASH = r"(?:[-–—]{1,2}|:)"

_DATELINE = re.compile(
    rf"""^[ \t]*{_PLACE}
    (?:
        [ \t]*(?:[-–—]{{1,2}}[ \t]*)?{_AGENCY}[ \t]*
        (?:{_DASH}[ \t]*(?=\S) | (?=\n) | (?P<bare>(?=[A-Z"“‘])))
      | [ \t]*{_DASH}[ \t]+(?=\S)
      | [ \t]*(?:--|—|–)(?=[A-Z"“‘])
      | [ \t]+(?P<article>(?=(?:The|A|An)[ \t]))
    )""",
    re.VERBOSE,
)

#: A first line longer than this is no headline.
_HEADLINE_MAX = 200


def _match(body: str, at: int) -> re.Match[str] | None:
    m = _DATELINE.match(body[at : at + 200])
    if not m:
        return None
    place = m.group("place").strip()
    if len(place.split()) > 8:
        return None
    head = place.split(",")[0]
    caps = head.isupper() and sum(c.isalpha() for c in head) >= 3
    if m.group("bare") is not None:
        # no dash after the agency: an ALL-CAPS place and a one-word agency
        # ("WASHINGTON (XNS) Lawmakers", not "NATO (the alliance) Leaders")
        return m if caps and len(m.group("agency").split()) == 1 else None
    if m.group("article") is not None:
        return m if caps else None  # "DETROIT The city", not "Officials The"
    if place.isupper() or "," in place or m.group("agency") or m.group("date"):
        return m
    return None


def find_dateline(body: str, offset: int = 0) -> tuple[Span, Span] | None:
    """The whole dateline and its place part, with offsets shifted by ``offset``.

    Only accepted when it looks like one: ALL-CAPS place, a ", Country" part or an (Agency).
    """
    at = 0
    m = _match(body, 0)
    if m is None:
        nl = body.find("\n")
        if not 0 < nl <= _HEADLINE_MAX:
            return None
        at = nl + 1
        m = _match(body, at)
        if m is None or not m.group("place").split(",")[0].strip().isupper():
            return None
    place = m.group("place").strip()
    pstart = at + m.start("place") + (len(m.group("place")) - len(m.group("place").lstrip()))
    start = at + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    text = body[start : at + m.end()]
    whole = Span(start=offset + start, end=offset + at + m.end(), text=text)
    where = Span(start=offset + pstart, end=offset + pstart + len(place), text=place)
    return whole, where
