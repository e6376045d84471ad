"""Two refinements of an event's place: the finest link of an admin chain, and the place of
the paragraph when the trigger's own sentence ties none to it.

- Admin chain: "in Tijuana, Baja California" or "at Marabo (Irumu, Ituri)" name one place
  and the divisions holding it; an event placed at a container of the chain is placed at
  the finest link that lies inside it (the town, not its state).
- Paragraph: a short report tells of one event, and its later sentences go on at the place
  the first one named ("On 5 May, in Cartagena, a man threw acid at a nurse. Attacks on
  nurses have risen."). An event whose sentence ties no place to it takes the place its
  paragraph puts events at: a place under a locative preposition or in an admin chain,
  before the trigger, in its sentence first, else the nearest earlier sentence, else the
  paragraph's first; finer than a country where one is written.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from geopol.docarrays import doc_arrays
from geopol.records import Place, PlacePrecision

#: What may stand between a place and its container: "Tijuana, Baja California",
#: "Marabo (Irumu", "Irumu, Ituri", "Kibera (Kibra, Nairobi)".
_LINK = re.compile(r"\s*[,(]\s*")
_RANK = {
    PlacePrecision.FACILITY: 0,
    PlacePrecision.CITY: 0,
    PlacePrecision.ADMIN2: 1,
    PlacePrecision.ADMIN1: 2,
    PlacePrecision.COUNTRY: 3,
    PlacePrecision.REGION: 4,
}


def _rank(p: Place) -> int:
    return _RANK.get(p.precision, 3) if p.precision is not None else 5


def inside(q: Place, p: Place, paren: bool = False) -> bool:
    """``q`` lies in ``p`` by the gazetteer's codes (same country; same division when ``p`` is
    one); with ``paren`` ("La Plata (Buenos Aires)") a town may lie by another town's name."""
    if q.country is None or q.country != p.country:
        return False
    if paren and _rank(q) == _rank(p) == 0:
        return q.gazetteer_id != p.gazetteer_id
    if _rank(q) >= _rank(p):
        return False
    if p.precision is PlacePrecision.ADMIN1:
        return q.admin1_code is not None and q.admin1_code == p.admin1_code
    if p.precision is PlacePrecision.ADMIN2:
        return q.admin2_code is not None and (q.admin1_code, q.admin2_code) == (
            p.admin1_code,
            p.admin2_code,
        )
    return p.precision is PlacePrecision.COUNTRY


def finest_link(place: Place, places: list[Place], text: str) -> Place:
    """The finest place of the admin chain that ends at ``place``: walk back over the names
    written right before it ("X, Y", "X (Y") while each lies inside the next."""
    by_end = {p.end: p for p in places if p.name is not None and "demonym" not in p.how}
    cur = place
    for _ in range(4):
        prev = _before(cur, by_end, text)
        if prev is None or not inside(prev, cur, "(" in text[prev.end : cur.start]):
            break
        cur = prev
    return cur


def _before(p: Place, by_end: dict[int, Place], text: str) -> Place | None:
    lo = max(0, p.start - 4)
    for end in range(p.start, lo - 1, -1):
        q = by_end.get(end)
        if q is not None and q is not p and q.lat is not None and _LINK.fullmatch(
            text[end : p.start]
        ):
            return q
    return None


def _chained(p: Place, places: list[Place], text: str) -> bool:
    """``p`` is a link of an admin chain: written in parentheses, a name followed by its
    container ("X (Y" / "X, Y") or the container of the name before it."""
    before = text[max(0, p.start - 60) : p.start]
    if before.rfind("(") > before.rfind(")"):
        return True  # "residents (Kamukunji, Nairobi)": a place in parentheses
    by_end = {q.end: q for q in places if q.name is not None}
    after = text[p.end : p.end + 3]
    if after.startswith(" (") or after.startswith(","):
        nxt = next((q for q in places if p.end < q.start <= p.end + 3), None)
        if nxt is not None and nxt.name is not None and (inside(p, nxt) or "within" in p.how):
            return True
    prev = _before(p, by_end, text)
    return prev is not None and (inside(prev, p) or "within" in prev.how)


def paragraph_place(
    trigger: Token, places: list[Place], locative: set[int]
) -> Place | None:
    """The place of the trigger's paragraph (see the module doc), or None. ``locative``
    holds the starts of places a locative preposition governs."""
    doc = trigger.doc
    text = doc_arrays(doc).text
    lo = text.rfind("\n", 0, trigger.idx) + 1
    hi = text.find("\n", trigger.idx)
    hi = len(text) if hi < 0 else hi
    sent_end = trigger.sent.end_char
    cands: list[tuple[int, int, int, Place]] = []
    sent_start = trigger.sent.start_char
    for p in places:
        if p.name is None or p.lat is None or not (lo <= p.start and p.end <= hi):
            continue
        tags = set(p.how.split(","))
        if tags & {"demonym", "dateline", "embedded", "partial"} or p.start >= sent_end:
            continue
        fine = _rank(p) < 3
        if not (p.start in locative or (fine and _chained(p, places, text))):
            continue
        if not fine and "actor" in tags:
            continue
        # finer before coarser; this sentence, then the nearest earlier one; then in order
        where = sent_start - _sentence_start(doc, p) if p.start < sent_start else 0
        cands.append((0 if fine else 1, where, p.start, p))
    if not cands:
        return _named_in_sentence(trigger, places)
    best = min(cands, key=lambda c: c[:3])[3]
    return finest_link(best, places, text)


def _named_in_sentence(trigger: Token, places: list[Place]) -> Place | None:
    """Last, a town or division the trigger's sentence names in any role ("Hakkari
    Governor's Office extended the ban"): the event's own authority or people are there."""
    sent = trigger.sent
    for p in places:
        if p.name is None or p.lat is None or _rank(p) >= 3:
            continue
        if sent.start_char <= p.start and p.end <= sent.end_char and not (
            {"demonym", "partial", "dateline"} & set(p.how.split(","))
        ):
            return p
    return None


def _sentence_start(doc: Doc, p: Place) -> int:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.sent.start_char if span is not None and len(span) else p.start
