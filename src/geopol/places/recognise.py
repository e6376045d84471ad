"""Toponym recognition: spaCy's place entities, demonyms, and gazetteer names NER missed.

A mention is a span of the doc plus what is known about it before resolution: which
mechanism found it, the NER label, a feature hint from a trailing word ("Khost district"),
and the place it is "inside" when written "City, Region".
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH
from spacy.tokens import Doc, Span, Token

from geopol.cache import cached
from geopol.docarrays import doc_arrays
from geopol.places.afterprep import (
    after_preposition,
    arabic_head,
    comma_parts,
    goes_on,
    hyphen_compound,
    hyphened_article,
    longer_name,
)
from geopol.places.brands import brand_or_title
from geopol.places.gazetteer import ALIAS, DEMONYM, PRIMARY, Gazetteer, normalise
from geopol.places.links import (
    FEATURE_WORDS,
    acronym_as_word,
    before_chain,
    chain_parts,
    feature_word,
    link_chains,
    list_parts,
    mark_roles,
    named_feature,
)
from geopol.places.mislabelled import (
    GENERIC_WORDS,
    PLACE_LABELS,
    after_locative,
    before_feature,
    first_name,
    hosts_event,
    inner_place,
    marked,
    other_entity,
    span_marked,
)
from geopol.places.modifiers import (
    abbreviated_town,
    hyphen_parts,
    hyphen_prefixes,
    language_use,
    leading_demonym,
    names_currency,
    stance,
)
from geopol.places.particles import particle_name
from geopol.places.streets import streets

#: Labels looked up only when the gazetteer knows the name as a demonym or curated place.
OTHER_LABELS = frozenset({"NORP", "ORG", "PERSON"})
#: Longest gazetteer phrase (in tokens) the scan looks for outside entities.
MAX_NGRAM = 5
_SKIP_START = frozenset({"the", "a", "an"})


@dataclasses.dataclass(slots=True)
class Mention:
    start: int  # doc char offsets
    end: int
    text: str
    source: str  # "ner:GPE", "gazetteer", "dateline", "abbreviation", "gold", "embedded", "host"
    label: str = ""
    hint: str | None = None  # admin1 | admin2 | city, from a trailing feature word
    inside: int | None = None  # index of the mention this one is "inside" (City, Region)
    paren: bool = False  # ... written "X (Region)": X is surely inside it
    outer: bool = False  # another mention is written inside this one
    demonym: bool = False
    lookup: str = ""  # the text looked up (feature word stripped)
    weak: bool = False  # found by position only: kept in a country the article names
    aside: bool = False  # an origin or a noun's modifier: "from Afghanistan", "US forces"
    loose: bool = False  # inside by "in" ("Kfraya in Idlib"): no chain that makes Y a division
    modifier: bool = False  # part of a longer word or name ("U.S.-led", "Canadian Press"): no focus
    bare: bool = False  # an organisation's or person's name read as a place, nothing around it
    # saying so ("the Bush administration", "the BoE"): kept only in a country others name


def _index_stamp(gaz: Gazetteer) -> str:
    """The index file's name, size and time: what the name sets below are read from (the
    start-up cache, ``geopol.cache``, keeps them; reading them from SQLite takes longer)."""
    try:
        st = gaz.path.stat()
    except OSError:
        return f"{gaz.path}|{id(gaz)}"
    return f"{gaz.path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


@functools.lru_cache(maxsize=4)
def _strong_keys(gaz: Gazetteer) -> frozenset[str]:
    """Names worth finding outside entities: countries, divisions, curated places, demonyms."""

    def build() -> frozenset[str]:
        rows = gaz._query("SELECT key FROM scan WHERE local = 0", ())
        return frozenset(str(r[0]) for r in rows)

    return cached("scan-strong", _index_stamp(gaz), build)


@functools.lru_cache(maxsize=4)
def _local_keys(gaz: Gazetteer) -> frozenset[str]:
    """One-word names of second-level divisions: found outside entities only where the
    text marks them as places ("Baramulla district", "(Kismaayo, Lower Juba)")."""

    def build() -> frozenset[str]:
        rows = gaz._query("SELECT key FROM scan WHERE local = 1", ())
        return frozenset(str(r[0]) for r in rows)

    return cached("scan-local", _index_stamp(gaz), build)


@functools.lru_cache(maxsize=4)
def _first_words(gaz: Gazetteer) -> frozenset[str]:
    """First words of the strong names: a cheap test before building any n-gram."""

    def build() -> frozenset[str]:
        return frozenset(k.split()[0] for k in _strong_keys(gaz) | _local_keys(gaz) if k)

    return cached("scan-first", _index_stamp(gaz), build)


def _trim(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the Gaza Strip's" -> "Gaza Strip"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in _SKIP_START:
        start += 1
    while end > start and span.doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return Span(span.doc, start, end)  # span.doc[start:end] without its slice checks


def _hint(span: Span) -> tuple[str | None, str]:
    """The feature hint of a trailing word and the name without it."""
    last = span[-1].lower_
    if len(span) > 1 and last in FEATURE_WORDS:
        return FEATURE_WORDS[last], span[:-1].text
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and feature_word(nxt):
        return FEATURE_WORDS[nxt.lower_], span.text
    if span.start >= 2:
        word, of = span.doc[span.start - 2], span.doc[span.start - 1]
        if of.lower_ == "of" and word.lower_ in FEATURE_WORDS and (
            word.is_lower or (word.is_title and _title_start(span.doc, word.i))
        ):
            return FEATURE_WORDS[word.lower_], span.text  # "the state of New York"
    return None, span.text


def _division_hint(tok: Token) -> str | None:
    """The hint of a feature word that names a division ("district": admin2), else None."""
    if not feature_word(tok):
        return None
    hint = FEATURE_WORDS[tok.lower_]
    return hint if hint in ("admin1", "admin2") else None


def _division_after(span: Span) -> str | None:
    """The division hint of a feature word right after the span ("Haveli district")."""
    return _division_hint(span.doc[span.end]) if span.end < len(span.doc) else None


#: Words that end a division's name before its feature word ("Mundri East county").
_DIRECTIONS = frozenset({"east", "west", "north", "south", "central", "upper", "lower",
                         "northeast", "northwest", "southeast", "southwest"})


def _direction_after(found: list[Mention], span: Span) -> Mention | None:
    """ "Mundri East county", split by NER into "Mundri" and "East county": the mention
    right before, stretched over the direction word, with the division hint of the
    feature word."""
    if len(span) != 2 or not found or span.start == 0:
        return None
    word, hint = span[0], _division_hint(span[1])
    if not (word.is_title and word.lower_ in _DIRECTIONS) or hint is None:
        return None
    prev = found[-1]
    before = span.doc[span.start - 1]
    if prev.end != before.idx + len(before) or (
        prev.hint is not None or prev.inside is not None or prev.demonym
        or not before.is_title
    ):
        return None
    name = span.doc.text[prev.start : word.idx + len(word)]
    return dataclasses.replace(prev, end=span.end_char, text=span.doc.text[prev.start : span.end_char],
                               hint=hint, lookup=name)


def _title_start(doc: Doc, i: int) -> bool:
    """A capitalised feature word that opens a division's formal name: "the County of
    Brant", "Province of Ontario ..." (not a name's last word, "Orange County of ...")."""
    return i == 0 or doc[i].is_sent_start or doc[i - 1].lower_ == "the"


def recognise(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Every toponym mention in ``doc``, in text order."""
    found: list[Mention] = []
    taken = [False] * len(doc)
    blocked = [False] * len(doc)  # tokens inside non-place entities (people, orgs...)
    strong = _strong_keys(gaz)
    first = _first_words(gaz)
    # tokens that may start a gazetteer name, found once (Token objects are costly)
    flags = doc.to_array([IS_ALPHA, IS_TITLE, IS_UPPER, LENGTH]).tolist() if len(doc) else []
    arrays = doc_arrays(doc)
    text, idx = arrays.text, arrays.idx
    starts = [
        bool(alpha and (title or upper) and n > 1)
        and normalise(text[idx[i] : idx[i] + n]).split(" ")[0] in first
        for i, (alpha, title, upper, n) in enumerate(flags)
    ]
    # first, multi-word gazetteer names, whatever NER made of them ("Zaporizhzhia nuclear
    # plant" tagged PERSON + nothing, "South China Sea")
    _scan(doc, gaz, strong, starts, found, taken, blocked, 2, MAX_NGRAM)
    ents = doc.ents  # built anew on every access: read once
    for ent in ents:
        span = _trim(ent)
        if not len(span) or any(taken[i] for i in range(span.start, span.end)):
            continue
        label = ent.label_
        if label in PLACE_LABELS and (parts := comma_parts(span, gaz)):
            # "Nis, Serbia" as one entity: the town, then its country
            found.extend(Mention(p.start_char, p.end_char, p.text, f"ner:{label}", label,
                                 lookup=p.text) for p in parts)
            for i in range(span.start, span.end):
                taken[i] = True
        elif label in PLACE_LABELS and (longer := _direction_after(found, span)) is not None:
            found[-1] = longer  # "Mundri" + "East county": the county "Mundri East"
            for i in range(span.start, span.end):
                taken[i] = True
        elif label in PLACE_LABELS:
            hint, name = _hint(span)
            found.append(
                Mention(span.start_char, span.end_char, span.text, f"ner:{label}", label, hint,
                        lookup=name)
            )
            for i in range(span.start, span.end):
                taken[i] = True
        elif label == "NORP" and (parts := hyphen_parts(span, gaz)):
            # "Turkish-Russian relations": both countries
            found.extend(_demonym_or_place(gaz, p, label) for p in parts)
            for i in range(span.start, span.end):
                taken[i] = True
        elif label in OTHER_LABELS and (town := abbreviated_town(span, gaz)) is not None:
            found.append(Mention(town.start_char, town.end_char, town.text, f"ner:{label}",
                                 label, lookup=town.text))  # "Wainwright, Alta" tagged ORG
            for i in range(town.start, town.end):
                taken[i] = True
        elif label in OTHER_LABELS and (
            (parts := chain_parts(span, gaz)) or (parts := list_parts(span, gaz))
        ):
            # "(Khairpur, Sindh" tagged ORG: a chain of places in parentheses
            found.extend(Mention(p.start_char, p.end_char, p.text, f"ner:{label}", label,
                                 lookup=p.text) for p in parts)
            for i in range(span.start, span.end):
                taken[i] = True
        elif label in OTHER_LABELS and (named := named_feature(span, gaz)):
            # "Faskari LGA", "Madagali LGA" tagged PERSON: a known name and its feature word
            found.append(Mention(span.start_char, span.end_char, span.text, f"ner:{label}",
                                 label, named, lookup=span[:-1].text))
            for i in range(span.start, span.end):
                taken[i] = True
        elif label == "EVENT" and len(span) > 1 and hosts_event(span) and (
            where := inner_place(gaz, span)
        )[1]:
            # "the Venice Film Festival", "the Beijing Olympics": the host named inside
            sub = span[where[0] : where[1]]
            found.append(Mention(sub.start_char, sub.end_char, sub.text, "host", label,
                                 lookup=sub.text))
            for i in range(sub.start, sub.end):
                taken[i] = True
        elif label in OTHER_LABELS:
            # "Juchitan de Zaragoza" tagged ORG: the town, not the Zaragoza inside it
            particle = particle_name(span, gaz)
            kind = "place" if particle else other_entity(gaz, span, label)
            # ... read from the name alone: no particle, feature word, parenthesis or
            # preposition of place around it
            bare = kind == "place" and not particle and label != "NORP"
            if kind is None and (before_feature(span) or before_chain(span, gaz)):
                kind = "place"  # "Bar-Sanguun village", "in Kelbo (Arbinda, Soum)"
            elif kind is None and span_marked(span) and any(
                c.kind in (PRIMARY, ALIAS) for c in gaz.lookup(span.text)
            ):
                kind = "place"  # "(Kismaayo, Lower Juba)" tagged PERSON
            if kind is None and label == "ORG" and (lead := leading_demonym(span, gaz)):
                found.append(dataclasses.replace(  # "The Canadian Press"
                    _demonym_or_place(gaz, lead, label), source="embedded", modifier=True))
            if kind == "demonym":
                found.append(
                    Mention(span.start_char, span.end_char, span.text, "ner:NORP", label,
                            demonym=True, lookup=span.text)
                )
                for i in range(span.start, span.end):
                    taken[i] = True
                continue
            if kind == "place":
                # ... with the division word after it ("Haveli district" tagged NORP)
                hint = _division_after(span)
                found.append(
                    Mention(span.start_char, span.end_char, span.text, f"ner:{label}", label,
                            hint, lookup=span.text,
                            bare=bare and hint is None and not after_locative(span)
                            and not span_marked(span))
                )
                for i in range(span.start, span.end):
                    taken[i] = True
                continue
            if kind == "embedded":
                a, b = inner_place(gaz, span)
                sub = span[a:b]
                source = "host" if hosts_event(span) else "embedded"  # "the Cannes Grand Prix"
                found.append(
                    Mention(sub.start_char, sub.end_char, sub.text, source, label,
                            lookup=sub.text)
                )
                for i in range(sub.start, sub.end):
                    taken[i] = True
            for i in range(ent.start, ent.end):
                blocked[i] = True
    # single gazetteer names NER missed
    _scan(doc, gaz, strong, starts, found, taken, blocked, 1, 1)
    for a, b, sure in after_preposition(doc, gaz, taken, blocked):  # "a protest in Ravar"
        sp = doc[a:b]
        found.append(Mention(sp.start_char, sp.end_char, sp.text, "gazetteer", "", lookup=sp.text,
                             weak=not sure))
    for a, b in streets(doc, taken):  # "between King Edward Street and Cleaver Road"
        sp = doc[a:b]
        found.append(Mention(sp.start_char, sp.end_char, sp.text, "street", "FAC",
                             lookup=sp.text))
        for i in range(a, b):
            taken[i] = True
    spans = [(m.start, m.end) for m in found]
    found.extend(  # "a U.S.-led campaign"
        Mention(a, b, t, "embedded", "", lookup=t, modifier=True) for a, b, t in hyphen_prefixes(
            doc, gaz, lambda a, b: not any(x < b and a < y for x, y in spans))
    )
    from geopol.places.abbrev import abbreviations, before_region  # these import Mention
    from geopol.places.repeat import repeated

    text = doc_arrays(doc).text  # read once per Doc, shared with the other stages
    # "Edmonton received a B" after "Edmonton, Alberta"
    found.extend(repeated(doc, gaz, found, ents, text))
    found = [
        m for m in found
        if not stance(text, m.start, m.end) and not _language(doc, gaz, m)
        and not (not m.demonym and first_name(doc, m.start, m.end))
        and not brand_or_title(doc, gaz, text, m.start, m.end, m.lookup or m.text, m.demonym)
    ]
    heads = [m.start for m in found]
    found = [_compound(doc, gaz, m, heads) for m in found]
    found.sort(key=lambda m: m.start)
    abbreviations(doc, gaz, found, taken)
    before_region(doc, gaz, found, taken, blocked)
    link_chains(doc, found)
    mark_roles(doc, found)
    for m in found:
        m.modifier = m.modifier or names_currency(doc, m.start, m.end)  # "US dollar"
    return found


def _language(doc: Doc, gaz: Gazetteer, m: Mention) -> bool:
    """ "shouted in Turkish": a demonym that names a language, whatever NER labelled it."""
    if " " in m.text:
        return False
    cands = gaz.lookup(m.text)
    if not (m.demonym or (cands and all(c.kind == DEMONYM for c in cands))):
        return False
    span = doc.char_span(m.start, m.end)
    return span is not None and language_use(span)


def _demonym_or_place(gaz: Gazetteer, part: Span, label: str) -> Mention:
    demonym = any(c.kind == DEMONYM for c in gaz.lookup(part.text))  # not Canadian, Texas
    return Mention(part.start_char, part.end_char, part.text, f"ner:{label}", label,
                   demonym=demonym, lookup=part.text)


def _compound(doc: Doc, gaz: Gazetteer, m: Mention, heads: list[int]) -> Mention:
    """The mention stretched over a hyphenated name it is part of ("Nawa-e Barakzayi")."""
    span = doc.char_span(m.start, m.end)
    if m.demonym or m.inside is not None or span is None:
        return m
    end = hyphen_compound(doc, gaz, span)
    if end == span.end:
        return m
    longer = doc[span.start : end]
    if any(m.end < h < longer.end_char for h in heads):
        return m  # the rest is a mention of its own
    hint, name = _hint(longer)
    return dataclasses.replace(m, end=longer.end_char, text=longer.text, lookup=name,
                               hint=hint or m.hint)


def _scan(
    doc: Doc,
    gaz: Gazetteer,
    strong: frozenset[str],
    starts: list[bool],
    found: list[Mention],
    taken: list[bool],
    blocked: list[bool],
    shortest: int,
    longest: int,
) -> None:
    """Gazetteer names of ``shortest``..``longest`` tokens, longest match first."""
    arrays = doc_arrays(doc)
    text, idx, ends, punct, space = arrays.text, arrays.idx, arrays.end, arrays.is_punct, arrays.is_space
    i = 0
    while i < len(doc):
        if taken[i] or blocked[i] or not starts[i]:
            i += 1
            continue
        tok = doc[i]
        matched = 0
        for n in range(min(longest, len(doc) - i), shortest - 1, -1):
            if any(taken[j] or blocked[j] for j in range(i, i + n)):
                continue
            if n == 1 and (tok.is_stop or tok.pos_ != "PROPN" or tok.is_sent_start
                           or goes_on(doc, i, FEATURE_WORDS)):
                continue
            if punct[i + n - 1] or any(space[j] for j in range(i, i + n)):
                continue  # "207 South\n Main St.": a line break is no part of a name
            key = normalise(text[idx[i] : ends[i + n - 1]])
            if n == 1 and key in GENERIC_WORDS:
                continue  # "the Peace River Valley area": no place called "Valley"
            if n == 1 and key in strong and acronym_as_word(gaz, tok):
                continue  # "the Mental Health Act" names no ACT
            if key in strong or (n == 1 and key in _local_keys(gaz) and marked(doc, i)):
                matched = n
                break
        if matched:
            matched = longer_name(doc, gaz, i, matched, taken)  # "San Miguel de Tucuman"
            if arabic_head(doc, i, taken, blocked):
                i, matched = i - 1, matched + 1  # "Ras Al Ain": not Al Ain
            elif hyphened_article(doc, i, taken, blocked):
                i, matched = i - 2, matched + 2  # "Ar-Raqqa"
            span = doc[i : i + matched]
            hint, name = _hint(span)
            cands = gaz.lookup(span.text)
            demonym = bool(cands) and all(c.kind == DEMONYM for c in cands)
            found.append(
                Mention(span.start_char, span.end_char, span.text, "gazetteer", "", hint,
                        demonym=demonym, lookup=name)
            )
            for j in range(i, i + matched):
                taken[j] = True
            i += matched
        else:
            i += 1


def mention_for_span(doc: Doc, gaz: Gazetteer, start: int, end: int, source: str) -> Mention:
    """A mention for a given span (gold toponyms in evaluation), with the same hints."""
    text = doc.text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    label = "gold"
    hint: str | None = None
    lookup = text
    if span is not None and len(span):
        for ent in doc.ents:
            if ent.start_char <= start and end <= ent.end_char:
                label = ent.label_ if ent.label_ in PLACE_LABELS else label
                break
        hint, lookup = _hint(span)
        if lookup != span.text:
            lookup = lookup.strip()
    before = doc.text[:start].rstrip()
    if before.endswith(",") and (
        gaz.abbreviation(text) is not None or gaz.abbreviation(text + ".") is not None
    ):
        form = text if gaz.abbreviation(text) is not None else text + "."
        return Mention(start, end, text, "abbreviation", label, "admin1", lookup=form)
    return Mention(start, end, text, source, label, hint, lookup=lookup)


def link_inside(doc: Doc, mentions: list[Mention]) -> None:
    link_chains(doc, mentions)
    mark_roles(doc, mentions)
