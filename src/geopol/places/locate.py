"""The place where an event happened: a locative phrase on the trigger, else the dateline.

Only places the syntax ties to the event count: the object of a locative preposition
attached to the trigger or within its clause ("summit at Vostochny", "attack in Khost
district", "held a summit with Putin in Vladivostok"), or a place name compounded into the
trigger noun ("the Vladivostok summit"). Failing that, an event in the headline or the first
body sentences of a datelined article happened at the dateline. Never "every place in the
sentence": a country named as an actor ("Russia supplied ...") is not where it happened.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from geopol.docarrays import doc_arrays
from geopol.places.focus import finest_link, paragraph_place
from geopol.records import Place, PlacePrecision

#: Prepositions that put an event at a place.
LOCATIVE = frozenset(
    {"at", "in", "near", "outside", "inside", "on", "within", "across", "throughout", "into",
     "onto", "over", "off", "along", "around", "aboard", "amid", "beside", "nearby", "through"}
)
#: Nouns between a preposition and a place: "in the city of Aleppo", "near the town of X".
_OF_HEADS = frozenset(
    {"city", "town", "village", "province", "region", "district", "state", "county", "area",
     "capital", "port", "island", "outskirts", "suburbs", "centre", "center", "border",
     "coast", "north", "south", "east", "west", "heart", "streets", "municipality",
     "governorate", "department", "commune", "neighbourhood", "neighborhood", "locality",
     "vicinity", "countryside", "suburb", "township", "sector", "outskirt", "environs"}
)
#: How many body sentences after a dateline still default to it.
DATELINE_SENTENCES = 3
_VERBAL = frozenset({"VERB", "AUX"})


def _span(doc: Doc, place: Place) -> Span | None:
    return doc.char_span(place.start, place.end, alignment_mode="expand")


def _head(span: Span) -> Token:
    """The span's root, lifted over "Khost district" / "Hunan province" style compounds."""
    tok = span.root
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i and tok.head.pos_ in (
        "NOUN", "PROPN"
    ):
        tok = tok.head
    return tok


def _attachment(tok: Token) -> Token | None:
    """The word a locative phrase holding ``tok`` modifies, or None if not locative."""
    for _ in range(2):
        while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ in LOCATIVE:
            return prep.head
        if prep.lower_ == "of" and prep.head.lower_ in _OF_HEADS:
            tok = prep.head
            continue
        return None
    return None


#: Dependencies a locative phrase may climb through to reach the trigger: the trigger's
#: arguments ("held a summit in X"), and "with"/"between" companions ("a summit with Putin
#: in X"). Other prepositions start a new frame ("providing arms for its war in Ukraine").
_CLIMB = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj",
                    "compound", "npadvmod", "acomp"})
_COMPANION = frozenset({"with", "between", "among", "alongside"})


def _may_climb(tok: Token) -> bool:
    if tok.dep_ in _CLIMB:
        return True
    if tok.dep_ == "pobj":
        return tok.head.lower_ in _COMPANION
    if tok.dep_ == "prep":
        return tok.lower_ in _COMPANION
    return False


def _distance(start: Token, trigger: Token) -> int | None:
    """Steps from ``start`` up to the trigger (or down from the trigger's governing verb)
    without crossing another clause; None when the phrase belongs to another clause."""
    # start at or below the trigger
    tok, steps = start, 0
    while True:
        if tok.i == trigger.i:
            return steps
        if tok.head.i == tok.i or (steps and tok.pos_ in _VERBAL) or not _may_climb(tok):
            break
        tok, steps = tok.head, steps + 1
    # a noun trigger ("summit") whose verb ("held") carries the phrase
    gov = trigger
    for up in range(1, 3):
        if gov.head.i == gov.i:
            return None
        gov = gov.head
        if gov.i == start.i:
            return up
        if gov.pos_ in _VERBAL:
            return None
    return None


def _early(doc: Doc, trigger: Token) -> bool:
    """The trigger is in the headline or one of the first body sentences."""
    nl = doc_arrays(doc).text.find("\n")
    body_start = nl + 1 if nl >= 0 else 0
    if trigger.idx < body_start:
        return True
    count = 0
    for sent in doc.sents:
        if sent.start_char < body_start:  # the headline (perhaps run into the body)
            if sent.start <= trigger.i < sent.end:
                return True
            continue
        if not sent.text.strip():
            continue
        count += 1
        if sent.start <= trigger.i < sent.end:
            return count <= DATELINE_SENTENCES
    return False


def usable(place: Place) -> bool:
    return place.name is not None and "actor" not in place.how.split(",")


def locate_event(
    trigger: Token, places: list[Place], dateline: Place | None, *, paragraph: bool = False
) -> Place | None:
    """Where the event whose trigger is ``trigger`` happened, or None. A place of an admin
    chain stands for its finest link ("in Tijuana, Baja California": Tijuana). With
    ``paragraph``, an event no place of its sentence is tied to, nor the dateline, takes the
    place of its paragraph (``focus.paragraph_place``)."""
    found = _locate(trigger, places, dateline)
    if found is not None:
        return finest_link(found, places, doc_arrays(trigger.doc).text)
    if not paragraph:
        return None
    return paragraph_place(trigger, places, _locative_starts(trigger.doc, places))


#: Prepositions that put a report's place before a name, whatever the parse made of them
#: ("rallied in Thessaloniki demanding...", "abducted two civilians from Al Aram").
_WRITTEN_AT = LOCATIVE | {"from", "to", "towards", "toward"}


def _locative_starts(doc: Doc, places: list[Place]) -> set[int]:
    """Starts of the places a locative preposition governs: by the parse, or by the words
    written before the name ("in PD12 of Herat city", "near the village of Tychero")."""
    out: set[int] = set()
    for place in places:
        span = _span(doc, place) if place.name is not None else None
        if span is None:
            continue
        if _attachment(_head(span)) is not None or _written_at(span):
            out.add(place.start)
    return out


def _written_at(span: Span) -> bool:
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 6), -1):
        tok = doc[i]
        low = tok.lower_
        if low in _WRITTEN_AT:
            return True
        if tok.pos_ in _VERBAL or (tok.is_punct and tok.text != "(") or (
            tok.pos_ == "ADP" and low != "of"
        ):
            return False
    return False


def _locate(trigger: Token, places: list[Place], dateline: Place | None) -> Place | None:
    doc = trigger.doc
    sent = trigger.sent
    best: tuple[int, int, Place] | None = None
    for place in places:
        if place.name is None or "dateline" in place.how.split(","):
            continue
        if not (sent.start_char <= place.start and place.end <= sent.end_char):
            continue
        span = _span(doc, place)
        if span is None or "demonym" in place.how.split(","):
            continue
        head = _head(span)
        att = _attachment(head)
        penalty = 0
        if att is None and head.dep_ == "poss":
            # "in Russia's eastern regions": the owner of a locative phrase's noun, ranked
            # after a place that is the noun itself ("at Russia's Vostochny Space Centre")
            att, penalty = _attachment(_head(span.doc[head.head.i : head.head.i + 1])), 1
        dist: int | None = None
        if att is not None:
            dist = _distance(att, trigger)
            if dist is not None:
                dist += penalty
        elif (
            usable(place)
            and span.root.head.i == trigger.i
            and span.root.dep_ in ("compound", "nmod")
        ):
            dist = 0
        if dist is None:
            continue
        # a name inside an organisation's name ("a protest at Nepal Tourism Board in
        # Kathmandu") places the event only when no other locative phrase does
        dist += _EMBEDDED * ("embedded" in place.how.split(","))
        # ... and so does a sea or region that only describes a noun ("the Red Sea port
        # city (Al Hawak, Al Hudaydah)")
        dist += _EMBEDDED * (_describes(span) and place.precision == PlacePrecision.REGION)
        cand = (dist, place.start, place)
        if best is None or cand[:2] < best[:2]:
            best = cand
    if best is not None and best[0] < _EMBEDDED:
        return best[2]
    loose = _loose(trigger, places)
    if loose is not None and (best is None or "embedded" not in loose.how.split(",")):
        return loose
    if best is not None:
        return best[2]
    if dateline is not None and _early(doc, trigger):
        return dateline
    return None


def _describes(span: Span) -> bool:
    """The name modifies a common noun ("Red Sea port", "Black Sea coast")."""
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= span.end


#: Rank added to a place inside an organisation's name on the trigger's locative phrase.
_EMBEDDED = 100


def _loose(trigger: Token, places: list[Place]) -> Place | None:
    """A locative phrase of the trigger's sentence that the syntax does not tie to it
    ("abducted two boys from a household in Mulqeey village"): the finest, then the nearest
    one, below country level, never a demonym."""
    doc = trigger.doc
    sent = trigger.sent
    best: tuple[int, int, int, Place] | None = None
    for place in places:
        # a name inside an actor's mention counts here too: a locative preposition governs it
        # ("citizens protested from their balconies in Belgrade")
        if place.name is None or "demonym" in place.how.split(","):
            continue
        if "dateline" in place.how.split(",") or place.precision in ("country", "region"):
            continue
        if not (sent.start_char <= place.start and place.end <= sent.end_char):
            continue
        span = _span(doc, place)
        if span is None:
            continue
        head = _head(span)
        if _attachment(head) is None:
            continue
        gap = abs(span.root.i - trigger.i)
        # the finest place first: "in Manaus, Amazonas" is in Manaus
        rank = _FINENESS.get(place.precision.value if place.precision else "", 3)
        rank += 4 * ("embedded" in place.how.split(","))  # "at Ghazi Ghat near ... in X"
        if best is None or (rank, gap, place.start) < best[:3]:
            best = (rank, gap, place.start, place)
    return best[3] if best is not None else None


_FINENESS = {"facility": 0, "city": 0, "admin2": 1, "admin1": 2}
