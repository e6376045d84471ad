"""Find every political actor mention in a parsed article and resolve it.

Order of work, each step a small pure function over the Doc:
1. dictionary matches (names case-insensitive but capitalised; abbreviations exact);
2. filters for ambiguous and short forms (NER must agree, or the full name came first);
3. longest match wins where matches overlap ("Kim Jong UN" is a person, not the UN);
4. sector agents joined to their country ("Russian troops", "North Korea's foreign
   minister", "the foreign minister of Japan", "Foreign Minister <person>");
5. named entities the dictionaries lack (kept with country unknown, or the country
   named inside them: "the U.S. Supreme Court");
6. within-article coreference for pronouns and definite descriptions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from geopol.actors import current
from geopol.actors.coref import resolve_coreference
from geopol.actors.dictionary import ActorDictionary, Entry, Pattern
from geopol.actors.matcher import Match, match
from geopol.actors.titles import party_titled
from geopol.docarrays import doc_arrays
from geopol.records import Actor, Origin, StandsFor

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
_NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
_UPPER_LINE = re.compile(r"[a-z]")
#: Prefixes that turn a name into a stance: "pro-Russia rebels" are not Russia's rebels.
STANCE_PREFIXES = frozenset({"pro", "anti"})
_STATE_WORDS = frozenset({"government", "regime", "state"})
#: "<name>-backed": the name is a sponsor or ally of the group, not its country.
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "allied", "aligned"})


@dataclasses.dataclass(slots=True)
class Mention:
    """A mention under construction: token span plus the resolution so far."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    role: str | None
    kind: str
    how: str
    adjective: bool = False
    origin: Origin = Origin.DICTIONARY
    stands_for: StandsFor = StandsFor.NOTHING

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


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


def _accept(m: Match, doc: Doc, full_seen: set[str]) -> bool:
    p, span = m.pattern, doc[m.start : m.end]
    if not p.case_sensitive and not _capitalised(span):
        return False
    if p.entry.kind in ("state", "capital") and _inside_larger_place(span):
        return False
    if p.entry.kind == "bloc" and _name_goes_on(span):
        return False  # "the West" in "the West Bank"
    if _currency_named(span):
        return False  # "the US dollar exchange rate": a currency, no party
    ent_types = {t.ent_type_ for t in span}
    if "DATE" in ent_types and p.entry.kind == "person":
        return False  # "May" the month
    if p.case_sensitive and len(span) == 1 and _shouting(span[0]) and span[0].tag_ in _PRONOUN_TAGS:
        return False  # "HELP US" in a capitalised headline
    if p.entry.kind == "person" and span.end < len(doc) and doc[span.end].lower_.rstrip(".") in ("jr", "sr"):
        return False  # "Donald Trump Jr." is someone else
    if p.short:
        if p.entry.key in full_seen:
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
        return "PERSON" in ent_types  # a name of common words or a surname: the tagger agrees
    if p.ambiguous and p.entry.kind == "group" and _armed_noun_after(span):
        return True  # "IS militants": the group, whatever the tagger says
    if p.ambiguous:
        return bool(ent_types & {"GPE", "NORP", "ORG", "LOC", "PERSON"})
    return True


#: Currency words after a state's name: "the US dollar", "the Hong Kong dollar" name no party.
_CURRENCIES = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan",
                         "rupee", "rupees", "franc", "francs", "peso", "pesos", "rouble", "roubles",
                         "ruble", "rubles", "lira", "dinar", "dinars", "riyal", "rial", "shekel"})

def _currency_named(span: Span) -> bool:
    """A state's name (not an adjective: "the Lebanese pound" keeps Lebanon) before a currency."""
    doc = span.doc
    return (
        span.end < len(doc)
        and doc[span.end].lower_ in _CURRENCIES
        and all(t.pos_ == "PROPN" for t in span)
        and span.root.head.i == span.end  # it modifies the currency: not "lent Russia dollars"
    )


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


def _select(matches: Sequence[Match], doc: Doc) -> list[Match]:
    """Accepted matches, longest first, without overlaps."""
    full_seen: set[str] = set()
    accepted: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if _accept(m, doc, full_seen):
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


def _mention(m: Match, day: dt.date | None) -> Mention:
    e: Entry = m.pattern.entry
    r = e.resolve(day)
    how = f"dictionary:{e.kind}" + (":short" if m.pattern.short else "")
    return Mention(
        start=m.start,
        end=m.end,
        name=e.name,
        country=r.country,
        sector=None if m.pattern.adjective else r.sector,
        role=r.role,
        kind=e.kind if not m.pattern.adjective else "adjective",
        how=how,
        adjective=m.pattern.adjective,
    )


def _owner(head: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The country/organisation that owns an agent noun: modifier, possessor or "of" phrase."""
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and child.i in by_token:
            return by_token[child.i]
        if child.dep_ in ("amod", "compound"):
            for grand in child.lefts:  # "Russian special forces", "North Korean state media"
                if grand.i in by_token:
                    return by_token[grand.i]
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in by_token:
                    return by_token[pobj.i]
    # Adjacent modifier the parser attached elsewhere ("U.S. officials").
    prev = head.doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    if prev is not None and prev.i in by_token and by_token[prev.i].end == head.left_edge.i:
        return by_token[prev.i]
    return None


def _leads(person: Mention, e: Entry) -> bool:
    """A government named after the leader who heads it: "the Assad regime", "Putin's
    government" (a leader's government is his country's; his troops may be anyone's)."""
    return e.sector == "GOV" and e.role is None and person.sector == "GOV" and bool(person.country)


def _join_agents(
    doc: Doc, mentions: list[Mention], agent_matches: Sequence[Match]
) -> list[Mention]:
    """Agents with their owner merged in; owners used as modifiers disappear into the agent."""
    by_token: dict[int, Mention] = {}
    for mn in mentions:
        for i in range(mn.start, mn.end):
            by_token[i] = mn
    used = [i in by_token for i in range(len(doc))]
    agents: list[tuple[Match, Span]] = []
    for m in sorted(agent_matches, key=lambda m: (-(m.end - m.start), m.start)):
        if any(used[m.start : m.end]) or not doc[m.start].is_alpha:
            continue
        last = doc[m.end - 1]
        if last.dep_ in ("amod", "compound") and last.head.i >= m.end and last.head.pos_ == "NOUN":
            continue  # a modifier, not the actor: "military aid", "civilian casualties"
        for i in range(m.start, m.end):
            used[i] = True
        agents.append((m, doc[m.start : m.end]))
    merged_away: set[int] = set()
    out: list[Mention] = []
    for m, span in sorted(agents, key=lambda a: a[0].start):
        e = m.pattern.entry
        head = span.root
        person = _title_of(head, by_token)
        if person is not None:
            # "Russian President Vladimir Putin": the person's resolution, the span widened.
            owner = _owner(head, by_token)
            start = min(span.start, person.start, owner.start if owner else span.start)
            person.start = start
            if person.country is None and owner is not None:
                person.country = owner.country
            if person.sector is None:
                person.sector = e.sector
            if person.role is None:
                person.role = e.role
            if owner is not None and owner is not person:
                merged_away.add(id(owner))
            continue
        owner = _owner(head, by_token)
        if owner is not None and owner.kind in ("person",) and not _leads(owner, e):
            owner = None  # "Putin's troops" is not a country modifier we can trust
        extra: list[Mention] = []
        if owner is not None:
            # "Indian and Chinese officials": one agent per coordinated owner.
            for other in _coordinated_owners(doc, owner, by_token):
                merged_away.add(id(other))
                extra.append(
                    Mention(
                        start=min(span.start, owner.start),
                        end=max(span.end, other.end),
                        name=f"{other.name} {e.name}",
                        country=other.country,
                        sector=e.sector,
                        role=e.role,
                        kind="agent",
                        how=f"agent+{other.how}",
                        origin=Origin.AGENT,
                        stands_for=other.stands_for,
                    )
                )
        start, end = span.start, span.end
        country = None
        how = "agent"
        stands_for = StandsFor.NOTHING
        sector = e.sector
        if owner is not None:
            start, end = min(start, owner.start), max(end, owner.end)
            country = owner.country
            how = f"agent+{owner.how}"
            stands_for = owner.stands_for
            merged_away.add(id(owner))
            if owner.kind == "group" and owner.sector:
                sector = owner.sector  # "Hamas gunmen" are Hamas's, not unidentified gunmen
        out.append(
            Mention(
                start=start,
                end=end,
                name=f"{owner.name} {e.name}" if owner else e.name,
                country=country,
                sector=sector,
                role=e.role,
                kind="agent",
                how=how,
                origin=Origin.AGENT,
                stands_for=stands_for,
            )
        )
        out.extend(extra)
    kept = [mn for mn in mentions if id(mn) not in merged_away]
    return sorted(kept + out, key=lambda mn: mn.start)


def _coordinated_owners(doc: Doc, owner: Mention, by_token: dict[int, Mention]) -> list[Mention]:
    """Other owners coordinated with ``owner`` ("Indian and Chinese" officials)."""
    out: list[Mention] = []
    head = doc[owner.end - 1]
    for tok in head.children:
        if tok.dep_ == "conj" and tok.i in by_token and by_token[tok.i] is not owner:
            cand = by_token[tok.i]
            if cand.kind in ("state", "adjective", "capital", "bloc", "igo") and cand not in out:
                out.append(cand)
    return out


def _title_of(head: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The person a title word belongs to: "President" in "President Vladimir Putin"."""
    target = head.head if head.dep_ in ("compound", "appos") else None
    if target is not None and target.i in by_token and target.i > head.i:
        mn = by_token[target.i]
        if mn.kind == "person":
            return mn
    nxt = head.i + 1
    if nxt < len(head.doc) and nxt in by_token and by_token[nxt].kind == "person":
        return by_token[nxt]
    return None


#: Kinds of mention that name a country itself ("U.S.", "Russian", "Kabul").
_COUNTRY_KINDS = frozenset({"state", "adjective", "capital"})
#: Dependencies of a noun's own modifiers: "U.S. winter olympian", "Russia's envoy".
_OWN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})


def _appositive_country(ent: Span, used: dict[int, Mention]) -> str | None:
    """The one country named in an apposition to a person the dictionaries lack: "Adam
    Rippon, the first openly gay U.S. winter olympian", "Mikhail Khodorkovsky, a former
    Russian oil tycoon", "the former Prime Minister of Sri Lanka". Only a modifier of the
    apposition's own noun or its "of" phrase counts, not a country further down ("the younger
    of the two brothers in charge of India's largest company"). None when it names none or
    several, or only an organisation."""
    found: set[str] = set()
    heads = [ch for ch in ent.root.children if ch.dep_ == "appos"]
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        # the name in apposition to the description: "his Iranian counterpart, Mostafa
        # Najjar", "Jordan's trade minister, Omar Razzaz"
        heads.append(ent.root.head)
    for ch in heads:
        of = [q for p in ch.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children]
        near = [t for h in (ch, *of) for t in h.children if t.dep_ in _OWN_MODIFIERS] + of
        near += [c for t in near for c in t.children if c.dep_ == "conj"]  # "Brazilian and French"
        for t in near:
            mn = used.get(t.i)
            if mn is not None and mn.country and mn.kind in _COUNTRY_KINDS:
                found.add(mn.country)
    return found.pop() if len(found) == 1 else None


def _ner_actors(doc: Doc, mentions: list[Mention], agent_matches: Sequence[Match]) -> list[Mention]:
    """Named entities the dictionaries lack, resolved where a known actor sits inside them."""
    used: dict[int, Mention] = {}
    for mn in mentions:
        for i in range(mn.start, mn.end):
            used[i] = mn
    agent_at: dict[int, Entry] = {}
    for m in agent_matches:
        for i in range(m.start, m.end):
            agent_at[i] = m.pattern.entry
    extra: list[Mention] = []
    drop: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in _NER_ACTOR_LABELS:
            continue
        inner = {id(used[i]): used[i] for i in range(ent.start, ent.end) if i in used}
        if inner:
            if len(inner) != 1 or ent.label_ != "ORG":
                continue
            mn = next(iter(inner.values()))
            if mn.start <= ent.start and mn.end >= ent.end:
                continue
            if mn.kind not in ("state", "adjective", "capital"):
                continue
            # "the U.S. Supreme Court": the organisation of the country named inside it.
            sector = next(
                (
                    agent_at[i].sector
                    for i in range(ent.end - 1, ent.start - 1, -1)
                    if i in agent_at
                ),
                None,
            )
            drop.add(id(mn))
            extra.append(
                Mention(
                    ent.start,
                    ent.end,
                    ent.text,
                    mn.country,
                    sector,
                    None,
                    "org",
                    f"ner+{mn.how}",
                    origin=Origin.NER,
                    stands_for=mn.stands_for,
                )
            )
            continue
        if ent.label_ == "NORP":
            continue  # unknown nationality/group adjective: no actor to resolve
        sector = next(
            (agent_at[i].sector for i in range(ent.end - 1, ent.start - 1, -1) if i in agent_at),
            None,
        )
        kind = "person" if ent.label_ == "PERSON" else "org"
        country = _appositive_country(ent, used) if kind == "person" else None
        how = "ner+appos" if country else "ner"
        extra.append(
            Mention(ent.start, ent.end, ent.text, country, sector, None, kind, how, origin=Origin.NER)
        )
    kept = [mn for mn in mentions if id(mn) not in drop]
    return sorted(kept + extra, key=lambda mn: mn.start)


def _stance_starts(doc: Doc) -> dict[int, int]:
    """Token index after "pro-"/"anti-" -> index of the prefix ("pro-Russia", "anti-American")."""
    out: dict[int, int] = {}
    prefixes = {get_string_id(p) for p in STANCE_PREFIXES}
    lowers: list[int] = doc.to_array(LOWER).tolist()[: max(len(doc) - 2, 0)]
    # Only the tokens whose lower-case form is a prefix are looked at as Token objects.
    for i in (i for i, low in enumerate(lowers) if low in prefixes):
        tok = doc[i]
        hyphen = doc[tok.i + 1]
        if (
            tok.lower_ in STANCE_PREFIXES
            and not tok.whitespace_
            and hyphen.text == "-"
            and not hyphen.whitespace_
        ):
            out[tok.i + 2] = tok.i
    return out


def _drop_stances(
    doc: Doc, mentions: list[Mention], starts: dict[int, int]
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Names used as a stance are not actors; return the rest and the stance spans.

    "pro-Russia rebels" in Ukraine, "anti-American protesters" in Pakistan, "Iranian-backed
    militias" in Iraq: the name says whom the group supports, opposes or is helped by, not
    whose it is, so it must neither become an actor nor lend its country to the noun it
    modifies.
    """
    ends = {mn.start: mn.end for mn in mentions if mn.start in starts}
    # A word the dictionaries do not name ("pro-government", "anti-war") is a stance too.
    spans = [(a, ends.get(i, i + 1)) for i, a in starts.items()]
    backers = {id(mn) for mn in mentions if _backed(doc, mn.end)}
    spans += [(mn.start, mn.end + 2) for mn in mentions if id(mn) in backers]
    kept = [mn for mn in mentions if mn.start not in starts and id(mn) not in backers]
    return kept, spans


def _backed(doc: Doc, i: int) -> bool:
    """ "Iranian-backed militias", "Moscow-backed separatists": a sponsor, not the owner."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].lower_ in BACKING
    )


def _within(mn: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= mn.start and mn.end <= b for a, b in spans)


def _attach_stances(doc: Doc, mentions: list[Mention], spans: Sequence[tuple[int, int]]) -> None:
    """Widen an agent over the stance that modifies it: "pro-Russia rebels", no country added."""
    ends = {b: a for a, b in spans}
    for mn in mentions:
        if mn.kind == "agent" and mn.start in ends and mn.country is None:
            a = ends[mn.start]
            mn.name = f"{doc[a : mn.start].text} {mn.name}"
            if (
                doc[a].lower_ == "anti"
                and doc[a + 2].lower_ in _STATE_WORDS
                and mn.sector in ("PRM", "UAF")
            ):
                mn.sector = "REB"  # an armed group against the state is an insurgent one
            mn.start = a
            mn.how = f"{mn.how}+stance"


def find_in_doc(
    doc: Doc, *, published: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    d = dictionary or current()
    names, agent_matches = match(doc, d)
    mentions = [_mention(m, published) for m in _select(names, doc)]
    mentions, stances = _drop_stances(doc, mentions, _stance_starts(doc))
    mentions = _ner_actors(doc, mentions, agent_matches)
    if stances:
        mentions = [mn for mn in mentions if not _within(mn, stances)]
    mentions = _join_agents(doc, mentions, agent_matches)
    _attach_stances(doc, mentions, stances)
    arrays = doc_arrays(doc)
    full, idx, ends = arrays.text, arrays.idx, arrays.end
    actors = [
        Actor(
            text=full[idx[mn.start] : ends[mn.end - 1]],
            start=idx[mn.start],
            end=ends[mn.end - 1],
            name=mn.name,
            country=mn.country,
            sector=mn.sector,
            role=mn.role,
            kind=mn.kind,
            how=mn.how,
            origin=mn.origin,
            stands_for=mn.stands_for,
        )
        for mn in mentions
        if full[idx[mn.start] : ends[mn.end - 1]].strip()
    ]
    parties = [
        (m.start, m.end, m.pattern.entry.country or "")
        for m in names
        if m.pattern.entry.sector == "PTY" and m.pattern.entry.country
    ]
    return resolve_coreference(doc, party_titled(doc, actors, parties))


def find_actors(
    doc: Doc, *, published: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    """Every actor mention in ``doc``, in text order (pipeline entry point)."""
    return find_in_doc(doc, published=published, dictionary=dictionary)


__all__ = ["Mention", "Pattern", "find_actors", "find_in_doc"]
