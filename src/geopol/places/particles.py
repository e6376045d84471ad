"""Town names joined by a lowercase particle ("Juchitan de Zaragoza", "Ciudad del Carmen",
"Santiago de Compostela"): NER often tags them ORG, and the name inside ("Zaragoza") is
another town. The whole name, where the gazetteer knows it as a town or division, is the
place. Used by recognise.py."""

from __future__ import annotations

from spacy.tokens import Span

from geopol.places.gazetteer import Gazetteer

#: Lowercase words that join the parts of a town's name in Romance languages.
PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "las",
                       "los", "le"})
#: Least population of a town so named (any spelling); divisions count whatever their size.
PARTICLE_TOWN_POP = 1_000


def particle_name(span: Span, gaz: Gazetteer) -> bool:
    """Whether a non-place entity is a town or division whose name has a particle inside:
    capitalised words on both sides of it, and the whole text in the gazetteer."""
    if len(span) < 3:
        return False
    words = [t.text for t in span]
    inner = [i for i, w in enumerate(words) if w in PARTICLES]
    if not inner or inner[0] == 0 or inner[-1] == len(words) - 1:
        return False
    if not all(w[:1].isupper() for i, w in enumerate(words) if i not in inner):
        return False
    return any(
        (c.fclass == "P" and c.pop >= PARTICLE_TOWN_POP) or c.fcode in ("ADM1", "ADM2", "ADM3")
        for c in gaz.lookup(span.text)
    )
