"""What the words around a place say against its reading, in local notes: a name written
as a village but read as a division ("mortars hit Bara Bara village": a district of Saint
Lucia, not the Iraqi village), and a name written inside a chain of divisions ("near Banh
(Loroum)") whose holder lies in another country, where the name has no namesake."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from geopol.events.note_country import Clue, namesake
from geopol.records import Place, PlacePrecision

#: Words that call a name a settlement, not a division ("at Bara Bara village").
_SETTLEMENTS = frozenset({"village", "town", "hamlet", "settlement", "camp", "locality"})
_DIVISIONS = (PlacePrecision.ADMIN1, PlacePrecision.ADMIN2)


def _settlement_as_division(doc: Doc, at: Place) -> bool:
    """The text calls the name a village or a town, but it was read as a division."""
    if at.precision not in _DIVISIONS:
        return False
    span = doc.char_span(at.start, at.end, alignment_mode="expand")
    if span is None:
        return False
    near = [doc[k].lower_ for k in (span.start - 1, span.end) if 0 <= k < len(doc)]
    return any(w in _SETTLEMENTS for w in near)


def _containers(doc: Doc, at: Place) -> set[str]:
    """The names written as divisions holding ``at`` in a chain: "near Dori (Seno, Sahel)"
    and "a village (Gorom, Oudalan, Sahel)" put Dori and Gorom inside the names after them."""
    name = at.text.lower()
    out: set[str] = set()
    for tok in doc:
        if tok.text != "(":
            continue
        members: list[str] = []
        word: list[str] = []
        k = tok.i + 1
        while k < len(doc) and doc[k].text != ")" and k - tok.i < 16:
            if doc[k].text == ",":
                members.append(" ".join(word))
                word = []
            else:
                word.append(doc[k].text)
            k += 1
        members.append(" ".join(word))
        members = [m.lower() for m in members if m]
        before = doc[tok.i - 1].text.lower() if tok.i > 0 else ""
        if before == name.split()[-1] and doc[tok.i - 1].idx + len(before) == at.end:
            out.update(members)
        elif name in members[:-1]:
            out.update(members[members.index(name) + 1 :])
    return out


def doubtful(doc: Doc, at: Place, others: Sequence[Clue]) -> bool:
    """``at``'s reading is one the text itself speaks against: read from part of a longer
    name, a village read as a division, or inside a division of another country that has no
    namesake in ``at``'s."""
    if "partial" in at.how.split(","):
        return True
    return _settlement_as_division(doc, at) or _held_abroad(doc, at, others)


def demoted(doc: Doc, clues: Sequence[Clue]) -> list[Clue]:
    """The clues, with those whose reading the text speaks against (a village read as a
    division, a name inside a division of another country) made weak: they count only where
    no surer clue names another country ("near Banh (Loroum)": Burkina Faso, not Iran)."""
    out = []
    for c in clues:
        p = c.place
        if p is not None and not c.weak and p.precision is not PlacePrecision.COUNTRY:
            rest = [o for o in clues if o is not c and not o.weak]
            if _settlement_as_division(doc, p) or _held_abroad(doc, p, rest):
                c = dataclasses.replace(c, weak=True)
        out.append(c)
    return out


def _held_abroad(doc: Doc, at: Place, others: Sequence[Clue]) -> bool:
    """A division of another country holds ``at`` in a chain, and ``at``'s name has no
    reading there."""
    held = _containers(doc, at)
    if not held:
        return False
    return any(
        c.place is not None
        and c.place.text.lower() in held
        and c.place.precision in _DIVISIONS
        and c.place.country != at.country
        # "(Razih, Sadah)": when the holder has a reading in at's country, at stands
        and (at.country is None or namesake(c.place, at.country) is None)
        for c in others
    )
