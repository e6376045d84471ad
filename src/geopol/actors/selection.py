"""Which dictionary matches count as actor mentions: filters for ambiguous, short and
capitalised forms, then the longest match wins where matches overlap."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from geopol.actors.casing import titled_name
from geopol.actors.matcher import Match

_KIND_PRIORITY = {
    "person": 5,
    "group": 4,
    "igo": 3,
    "ngo": 3,
    "seat": 3,
    "capital": 2,
    "bloc": 2,
    "state": 1,
}
_PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
_UPPER_LINE = re.compile(r"[a-z]")


#: Lower-case particles that may open a capitalised name ("al-Shabaab", "bin Salman").
_PARTICLES = re.compile(r"^(?:(?:the|a|an)\s+)?(?:(?:al|el|ad|an|ar|as|ash|at|az)\s*-\s*|(?:bin|ibn|de|van|von)\s+)", re.I)


def _capitalised(span: Span) -> bool:
    text = _PARTICLES.sub("", span.text, count=1)
    if text == span.text and span[0].lower_ in ("the", "a", "an"):
        text = span[1:].text if len(span) > 1 else ""
    if not text:
        return False
    # "iSrael": a capital inside the first word is a name typed with odd casing.
    return text[0].isupper() or text[0].isdigit() or any(c.isupper() for c in text.split()[0])


def _entity_at(span: Span) -> Span | None:
    i = span.start
    return next((e for e in span.doc.ents if e.start <= i < e.end), None)


def _inside_larger_place(span: Span) -> bool:
    """"China" in "the South China Sea", "Indian" in "Indian Ocean": part of a place name."""
    for tok in span:
        if tok.ent_type_ in ("LOC", "FAC"):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    return False


def _name_goes_on(span: Span) -> bool:
    """Whether the span's last word is the first part of a longer capitalised name: "the West"
    in "the West Bank", "Europe" in "Europe Street"."""
    last = span[-1]
    if span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    return nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and last.head.i == nxt.i


def _shouting(tok: Token) -> bool:
    """True when the token sits in an all-caps line (headline), where "US" may be "us"."""
    sent = tok.sent
    letters = "".join(t.text for t in sent if t.is_alpha)
    return len(letters) > 8 and not _UPPER_LINE.search(letters)


def _accept(m: Match, doc: Doc, full_seen: set[str], title_ends: frozenset[int]) -> bool:
    p, span = m.pattern, doc[m.start : m.end]
    # "President obama", "PRESIDENT OBAMA SAYS": a person's name in the wrong case after a
    # title (geopol.actors.casing) stands in for the capital and for the tagger's PERSON
    titled = p.entry.kind == "person" and bool(title_ends) and titled_name(span, title_ends)
    if not p.case_sensitive and not _capitalised(span) and not titled:
        return False
    if p.entry.kind in ("state", "capital") and _inside_larger_place(span):
        return False
    if p.entry.kind == "bloc" and _name_goes_on(span):
        return False  # "the West" in "the West Bank"
    if currency_named(span):
        return False  # "the US dollar exchange rate": a currency, no party
    ent_types = {t.ent_type_ for t in span}
    if "DATE" in ent_types and p.entry.kind == "person":
        return False  # "May" the month
    if p.case_sensitive and len(span) == 1 and _shouting(span[0]) and span[0].tag_ in _PRONOUN_TAGS:
        return False  # "HELP US" in a capitalised headline
    if p.entry.kind == "person" and span.end < len(doc) and doc[span.end].lower_.rstrip(".") in ("jr", "sr"):
        return False  # "Donald Trump Jr." is someone else
    if p.short:
        if p.entry.key in full_seen or titled:
            return True
        # A surname alone: only when it is the whole PERSON entity ("Kim Keon-hee" is not Kim
        # Jong Un) and no other person in the article carries that surname ("Victor Conte").
        ent = _entity_at(span)
        if ent is not None and (ent.start, ent.end) != (span.start, span.end):
            return False  # part of a longer name
        if ent is None and not all(t.pos_ == "PROPN" for t in span):
            return False
        surname = span[-1].lower_
        return not any(
            e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == surname and e.start != span.start
            for e in doc.ents
        )
    if p.ambiguous and p.entry.kind == "person":
        return "PERSON" in ent_types or titled  # a name of common words: the tagger agrees
    if p.ambiguous and p.entry.kind == "group" and _armed_noun_after(span):
        return True  # "IS militants": the group, whatever the tagger says
    if p.ambiguous:
        return bool(ent_types & {"GPE", "NORP", "ORG", "LOC", "PERSON"})
    return True


@functools.cache
def _currencies() -> frozenset[str]:
    """Currency words (``currencies`` in ``data/events/words.yaml``): "the US dollar", "the Hong
    Kong dollar" name no party. Imported late: the events package reads the actors."""
    from geopol.events.datafile import word_set

    return word_set("currencies")


def currency_named(span: Span) -> bool:
    """A state's name (not an adjective: "the Lebanese pound" keeps Lebanon) told as a currency's:
    the name and a currency word read as a sequence, whatever noun the parse hangs the name on
    ("the US dollar exchange rate" may hang "US" on "rate"). The name must modify a noun there
    (compound, nmod): "gave Russia dollars", where the parse reads Russia as an argument, keeps it."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in _currencies()
        and all(t.pos_ == "PROPN" for t in span)
        and (span.root.head.i == span.end or span.root.dep_ in _MODIFIER_DEPS)
        and span.root.head.i >= span.end  # it modifies the currency or a noun after it
    )


#: Dependencies of a name that modifies a noun rather than filling a clause's slot.
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})


#: Nouns of armed members that name a group's men right after its abbreviation.
_ARMED_AFTER = frozenset({"militant", "militants", "fighter", "fighters", "insurgent", "insurgents"})


def _armed_noun_after(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _ARMED_AFTER


def _by_article_countries(accepted: list[Match]) -> list[Match]:
    """Where one span names entries of different countries (FSA: the UK's Financial Services
    Authority or the Free Syrian Army), keep those whose country the article's other, single
    readings name most often; with no such evidence, keep the first."""
    spans: dict[tuple[int, int], list[Match]] = {}
    for m in accepted:
        spans.setdefault((m.start, m.end), []).append(m)
    shared = {k for k, ms in spans.items() if len({x.pattern.entry.country for x in ms}) > 1}
    if not shared:
        return accepted
    counts: dict[str, int] = {}
    for k, ms in spans.items():
        if k not in shared:
            for c in {x.pattern.entry.country for x in ms if x.pattern.entry.country}:
                counts[c] = counts.get(c, 0) + 1
    drop: set[int] = set()
    for k in shared:
        ms = spans[k]
        best = max(counts.get(x.pattern.entry.country or "", 0) for x in ms)
        keep = [x for x in ms if counts.get(x.pattern.entry.country or "", 0) == best][:1]
        drop.update(id(x) for x in ms if x not in keep)
    return [m for m in accepted if id(m) not in drop]


def select_matches(
    matches: Sequence[Match], doc: Doc, title_ends: frozenset[int] = frozenset()
) -> list[Match]:
    """Accepted matches, longest first, without overlaps. ``title_ends``: the token index
    just past each title word matched (a wrong-case name may follow one)."""
    full_seen: set[str] = set()
    accepted: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if _accept(m, doc, full_seen, title_ends):
            accepted.append(m)
            if not m.pattern.short and m.pattern.entry.kind == "person":
                full_seen.add(m.pattern.entry.key)
    accepted = _by_article_countries(accepted)
    accepted.sort(
        key=lambda m: (-(m.end - m.start), -_KIND_PRIORITY.get(m.pattern.entry.kind, 0), m.start)
    )
    taken: list[Match] = []
    used = [False] * len(doc)
    for m in accepted:
        if any(used[m.start : m.end]):
            continue
        for i in range(m.start, m.end):
            used[i] = True
        taken.append(m)
    return sorted(taken, key=lambda m: m.start)
