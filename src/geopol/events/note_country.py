"""Where an event happened when its own place does not say: the evidence of its sentence
and of a short note.

Local conflict reporting names a village the gazetteer lacks inside a chain of divisions
("a village in Kouroum (Ansongo, Gao)"), a place with namesakes abroad ("a village near Palma"), or no
place at all, while other words of the same sentence tell the country: a province or
district the gazetteer knows ("Gao", "Gombe"), a place resolved elsewhere in the sentence,
or a named armed group and the countries it fights in (``recall.yaml``'s ``theatres``:
Islamic State in Mozambique's Cabo Delgado, al-Shabaab in Somalia). ``Evidence`` gathers
these; ``evidence_for`` reads them for one sentence (or the whole article when it is a
short note of a few sentences, as ACLED's are).
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from geopol.events.dyads import ActorIndex
from geopol.events.recall_table import recall_table
from geopol.places import place_from_entry
from geopol.places.afterprep import PAREN_POP
from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry, Gazetteer, get
from geopol.records import Actor, Place, PlacePrecision

#: Entity labels that never name a division ("May", "Fulani", "Mikati").
_NOT_PLACES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
)
#: Entity labels of names that are no places unless written in a chain of divisions.
_NAMES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LANGUAGE"})
#: Words after or before a name that say what kind of place it is ("Hays district").
_FEATURE_WORDS = frozenset(
    {
        "district", "province", "county", "region", "governorate", "state", "lga", "city",
        "town", "village", "area", "municipality", "countryside", "zone", "subdivision",
        "division", "department", "commune", "township", "sector", "prefecture", "circle",
        "outskirts", "suburb", "neighbourhood", "neighborhood",
    }
)  # fmt: skip
#: A big town is a sure reading of its name even outside a chain of divisions.
_SURE_POP = PAREN_POP
#: A note of at most this many sentences is read as one story: one country for all of it.
SHORT_NOTE = 5
#: Sectors of named armed groups whose home or theatres place their acts.
_ARMED = frozenset({"REB", "PRM", "UAF"})


@dataclasses.dataclass(frozen=True, slots=True)
class Clue:
    """One piece of evidence: the countries it points to and the place it names (if any)."""

    countries: frozenset[str]
    place: Place | None = None
    #: A small town read only because the sentence tells it as a place ("near Opytne"):
    #: it counts only where no surer clue names another country.
    weak: bool = False


def trusted(clues: Sequence[Clue]) -> list[Clue]:
    """The clues less the weak ones that disagree with a surer clue's country."""
    sure = {iso for c in clues if not c.weak for iso in c.countries}
    if not sure:
        return list(clues)
    return [c for c in clues if not c.weak or c.countries <= sure]


def theatres(actor: Actor) -> frozenset[str]:
    """The countries a named armed group fights in: its ``theatres`` entry (by its country
    code, "IMG-IS", or its name, "al-Shabaab"), else its own country."""
    if actor.sector not in _ARMED or actor.kind not in ("agent", "group", "org"):
        return frozenset()
    table = recall_table().theatres
    keys = [(actor.country or "").lower(), actor.name.lower()]
    for key in keys:
        for name, where in table.items():
            if key == name or key.startswith(name + " "):
                return where
    if actor.country and len(actor.country) == 3 and actor.how != "unnamed":
        return frozenset({actor.country}) if "dictionary" in actor.how else frozenset()
    return frozenset()


def _iso3(gaz: Gazetteer, cc: str | None) -> str | None:
    return gaz.iso3.get(cc) if cc else None


def _sure(entries: Iterable[Entry], chained: bool) -> list[Entry]:
    """The readings a name surely has: divisions and big towns known by their own name or an
    alias (in a chain of divisions, any town or division)."""
    out = []
    for e in entries:
        if e.kind not in (PRIMARY, ALIAS, ALTERNATE):
            continue
        if e.kind == ALTERNATE and e.pop < _SURE_POP and not (chained or e.fcode.startswith("ADM")):
            continue
        if e.fcode.startswith("ADM") or (e.fclass == "P" and (chained or e.pop >= _SURE_POP)):
            out.append(e)
    return out


def _runs(sent: Span, taken: set[int]) -> list[tuple[Span, bool]]:
    """Runs of capitalised words that no actor or found place holds, each with whether it
    stands in a chain of divisions (inside parentheses or after a comma)."""
    out: list[tuple[Span, bool]] = []
    i = sent.start
    doc = sent.doc
    depth = 0
    while i < sent.end:
        tok = doc[i]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        inside = depth > 0
        if not _capital(tok, sent, taken, inside):
            i += 1
            continue
        j = i
        while j + 1 < sent.end and (
            _capital(doc[j + 1], sent, taken, inside)
            or (
                doc[j + 1].lower_ in ("al", "el", "de", "ar", "as", "ad", "-")
                and j + 2 < sent.end
                and _capital(doc[j + 2], sent, taken, inside)
            )
        ):
            j += 1
        prev = doc[i - 1] if i > sent.start else None
        # "Cusco, Peru": a comma after a name, not after a date (on 2 May 2020, IS ...)
        chained = depth > 0 or (
            prev is not None
            and prev.text == ","
            and prev.i > sent.start
            and doc[prev.i - 1].text[:1].isupper()
            and doc[prev.i - 1].is_alpha
        )
        span = doc[i : j + 1]
        if _standalone(span, taken):
            out.append((span, chained))
        i = j + 1
    return out


#: Words that make the name beside them a place ("Raizh district", "the village of Tychero").
_PLACE_NOUNS = frozenset({"village", "town", "city", "district", "area", "locality", "hamlet",
                          "neighbourhood", "neighborhood", "outskirts", "suburb", "camp", "settlement",
                          "municipality", "commune", "county", "subdivision", "sector", "township"})
#: Roads, crossings and junctions, which are named for the towns they join or stand in
#: ("the Halba-Qoubaiyat road", "a Matn road", "the Kasese junction"): a name before one is a
#: place near which the act (a road block, an ambush) happened.
_ROUTE_NOUNS = frozenset({"road", "highway", "motorway", "expressway", "intersection",
                          "junction", "roundabout", "crossroads", "bypass", "bridge",
                          "checkpoint", "crossing"})
#: Prepositions of where an act happened ("near Opytne", "at Kruta Balka").
_NEAR = frozenset({"in", "near", "at", "around", "outside", "inside", "nearby"})


def located(span: Span) -> bool:
    """A name told as where something happened, so that a small town's reading counts
    like one inside a chain of divisions: the object of a locative preposition ("near
    Opytne", "in Kafr Qaddum"), a name beside a place noun ("Raizh district", "village
    Mitsobi", "the village of Tychero")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if after is not None and after.lower_ in _PLACE_NOUNS | _ROUTE_NOUNS:
        return True
    if before is not None and before.lower_ in _PLACE_NOUNS:
        return True
    root = span.root
    while root.dep_ in ("compound", "flat") and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _NEAR:
        return True
    # "the village of Tychero", "the outskirts of Zaghniya"
    return prep.lower_ == "of" and prep.head.lower_ in _PLACE_NOUNS


def _after_locative(tok: Token) -> bool:
    """The word is (in) the object of a locative preposition: "shelled a village in Idleb"."""
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _AT


def _names_route(tok: Token) -> bool:
    """The word names a road or a junction by its place: part of a compound on a route noun
    ("a Matn road", "the Halba-Qoubaiyat road"), whatever NER took the name for."""
    while tok.dep_ in ("compound", "flat", "amod") and tok.head.i != tok.i:
        tok = tok.head
        if tok.lower_ in _ROUTE_NOUNS:
            return True
    return False


def _standalone(span: Span, taken: set[int]) -> bool:
    """A run that may be a name of its own: some proper noun in it, no single short or
    common word ("The", "We", "As"), and no part of a longer name that an actor or a place
    holds ("the Parliament Act")."""
    if not any(t.pos_ == "PROPN" for t in span):
        return False
    if len(span) == 1 and (span[0].is_stop or len(span[0]) < 3):
        return False
    if len(span) == 1 and span[0].is_upper and len(span[0]) <= 5:
        return False  # an abbreviation ("the LSE"): the place finder reads those
    doc = span.doc
    for k in (span.start - 1, span.end):
        if 0 <= k < len(doc) and k in taken and doc[k].text[:1].isupper():
            return False
    return True


def _capital(tok: Token, sent: Span, taken: set[int], inside: bool) -> bool:
    """A capitalised word that may be part of a division's name; inside parentheses a name
    NER took for a nationality is one too (Ansongo, Gao)."""
    if tok.i in taken or not tok.text[:1].isupper():
        return False
    if tok.ent_type_ in _NOT_PLACES and not (
        tok.ent_type_ == "NORP" and (inside or _names_route(tok))
    ):
        return False
    if tok.ent_type_ in _NAMES and not (inside or _after_locative(tok) or _names_route(tok)):
        return False  # a person (Frederick is wrong), "the Countryside Alliance"; not "in Idleb"
    if tok.i == sent.start and tok.pos_ != "PROPN":
        return False
    return tok.is_alpha or "-" in tok.text


#: Prepositions that make a name a place where something is, whatever else it stands for.
_AT = frozenset({"in", "near", "outside", "inside", "across", "throughout", "of"})


def _where(span: Span) -> bool:
    """A name told as a place: the object of a locative preposition ("in western Yemen"),
    or inside parentheses ("(Al Hudaydah)"); not one of a list of states after a comma
    (Britain, France and Germany criticised)."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _AT:
        return True
    # "in eastern Ar-Raqqa countryside", "in Kandahar province": the name on a place noun
    head = root.head if root.dep_ == "compound" else None
    if (
        head is not None
        and head.lower_ in _FEATURE_WORDS
        and head.dep_ == "pobj"
        and head.head.lower_ in _AT
    ):
        return True
    return span.start > 0 and span.doc[span.start - 1].text == "("


def _names(span: Span) -> list[str]:
    """The name itself, then without a feature word around it ("Basra city")."""
    words = [t.text for t in span]
    names = [" ".join(words)]
    if len(words) > 1 and words[-1].lower() in _FEATURE_WORDS:
        names.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in _FEATURE_WORDS:
        names.append(" ".join(words[1:]))
    doc = span.doc
    route = span.end < len(doc) and doc[span.end].lower_ in _ROUTE_NOUNS
    if route and "-" in words[1:-1]:  # "the Halba-Qoubaiyat road": each town it joins
        k = words.index("-")
        names += [" ".join(words[:k]), " ".join(words[k + 1 :])]
    return names


@functools.lru_cache(maxsize=4096)
def _division(name: str, chained: bool) -> tuple[str, Entry] | None:
    """The country and entry of a name all of whose sure readings lie in one country."""
    gaz = get()
    sure = _sure(gaz.lookup(name), chained)
    divisions = [e for e in sure if e.fcode.startswith("ADM")]
    sure = divisions or sure  # (Ansongo, Gao): the region of Mali, not a town abroad
    countries = {e.cc for e in sure}
    if len(countries) != 1 or None in countries:
        return None
    iso = _iso3(gaz, sure[0].cc)
    if iso is None:
        return None
    # the finest reading: a town before a district before a province
    rank = {"ADM1": 3, "ADM2": 2}
    best = min(sure, key=lambda e: (rank.get(e.fcode, 1 if e.fclass == "A" else 0), -e.pop))
    return iso, best


class Evidence:
    """The clues of one article, gathered lazily sentence by sentence."""

    def __init__(self, sentences: Sequence[Span], places: list[Place], actors: list[Actor]):
        self.sentences = sentences
        self.places = places
        self.actors = actors
        self._by_sentence: dict[int, list[Clue]] = {}
        self.short = len(sentences) <= SHORT_NOTE

    def clues(self, n: int) -> list[Clue]:
        """The clues of sentence ``n``: its resolved places, the divisions it names that
        the place finder left, and the theatres of the armed groups acting in it."""
        if n in self._by_sentence:
            return self._by_sentence[n]
        sent = self.sentences[n]
        out: list[Clue] = []
        taken: set[int] = set()
        for p in self.places:
            if not sent.start_char <= p.start < sent.end_char:
                continue
            span = sent.doc.char_span(p.start, p.end, alignment_mode="expand")
            tags = set(p.how.split(","))
            if span is not None and p.country and "article-country" not in tags:
                taken.update(range(span.start, span.end))  # a name left unresolved is read again
            if "actor" in tags and span is not None and _where(span):
                tags.discard("actor")  # "in western Yemen (Al Hudaydah)": a place all the same
            if p.country and not tags & {"actor", "demonym", "embedded", "article-country", "article-city"}:
                out.append(Clue(frozenset({p.country}), p))
        for a in self.actors:
            if not sent.start_char <= a.start < sent.end_char:
                continue
            span = sent.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None:
                taken.update(range(span.start, span.end))
            where = theatres(a)
            if where:
                out.append(Clue(where))
        gaz = get()
        for span, chained in _runs(sent, taken):
            near = not chained and located(span)
            for name in _names(span):
                found = _division(name, chained)
                weak = found is None and near
                if weak:
                    found = _division(name, True)  # "near Opytne": a village is a reading
                if found is None:
                    continue
                iso, entry = found
                how = "note-division,located" if weak else "note-division"
                place = place_from_entry(gaz, entry, span.text, span.start_char, span.end_char, how)
                out.append(Clue(frozenset({iso}), place, weak))
                break
        self._by_sentence[n] = out
        return out

    def pool(self, n: int) -> list[Clue]:
        """The clues an event of sentence ``n`` may use: its sentence's, or the whole
        note's when the article is a short note."""
        if not self.short:
            return self.clues(n)
        return [c for m in range(len(self.sentences)) for c in self.clues(m)]


def top_country(clues: Sequence[Clue]) -> str | None:
    """The one country most clues point to (None on a tie or with no clue)."""
    votes: Counter[str] = Counter()
    for c in trusted(clues):
        for iso in c.countries:
            votes[iso] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def namesake(place: Place, iso3: str) -> Place | None:
    """The reading of ``place``'s name inside ``iso3`` ("Palma" in Mozambique)."""
    gaz = get()
    inside: list[Entry] = []
    # the name itself, else the name it was read as (a village read inside its district)
    for name in dict.fromkeys(n for n in (place.text, place.name) if n):
        inside = [
            e
            for e in gaz.lookup(name)
            if _iso3(gaz, e.cc) == iso3 and e.kind in (PRIMARY, ALIAS, ALTERNATE)
        ]
        if inside:
            break
    if not inside:
        return None
    best = max(inside, key=lambda e: (e.kind == PRIMARY, e.fclass == "P", e.pop))
    return place_from_entry(
        gaz, best, place.text, place.start, place.end, place.how + ",note-country"
    )


def article_evidence(
    doc: Doc, places: list[Place], actors: Callable[[], list[Actor]]
) -> Evidence:
    """The article's evidence, built once per Doc (``actors`` is asked only then)."""
    ev = doc.user_data.get("geopol.note-evidence")
    if not isinstance(ev, Evidence) or ev.places is not places:
        ev = Evidence(list(doc.sents), places, actors())
        doc.user_data["geopol.note-evidence"] = ev
    return ev


def indexed_actors(idx: ActorIndex, more: Iterable[Actor] = ()) -> list[Actor]:
    """The article's actor mentions (once each), less the names NER took for a person with
    nothing else known, which may be places (Ansongo, Gao)."""
    seen: dict[int, Actor] = {}
    for found in idx.by_token.values():
        for a in found:
            seen.setdefault(id(a), a)
    for a in more:
        seen.setdefault(id(a), a)
    return [a for a in seen.values() if a.country or a.sector or a.how != "ner"]


def clue_country(
    trigger: Token, places: list[Place], idx: ActorIndex, aimed: Iterable[int] = ()
) -> str | None:
    """The one country the clues of the trigger's sentence point to, in a short note: where
    an act with no place of known country happened. The places starting at ``aimed`` are what the act was
    aimed at ("fired rockets at Israel"), which says nothing of where its doers were; a
    country named whole is left to recall.py's own reading of the sentence's places."""
    ev = article_evidence(trigger.doc, places, lambda: indexed_actors(idx))
    if not ev.short:
        return None  # a long article's own places and focus are read by recall.py already
    start = trigger.sent.start_char
    n = next((k for k, s in enumerate(ev.sentences) if s.start_char == start), -1)
    if n < 0:
        return None
    skip = set(aimed)
    return top_country(
        [
            c
            for c in ev.clues(n)
            if c.place is None
            or (c.place.start not in skip and c.place.precision is not PlacePrecision.COUNTRY)
        ]
    )
