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

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from geopol.actors import current
from geopol.actors.coref import resolve_coreference
from geopol.actors.dictionary import ActorDictionary, Entry, Pattern
from geopol.actors.firms import country_firms, firm_office, same_firms
from geopol.actors.insurgents import beside_state
from geopol.actors.matcher import Match, match
from geopol.actors.mention import Mention
from geopol.actors.selection import select_matches
from geopol.actors.stances import attach_stances, drop_stances, stance_starts, within_spans
from geopol.actors.titles import party_titled, shadow_titled
from geopol.docarrays import doc_arrays
from geopol.records import Actor, Origin, StandsFor

_NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})


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
            elif _namesake(person, owner):
                # "Iraq's trade minister Mohammed Mustafa": the title's country is the
                # person's; the dictionary named a namesake of another country.
                assert owner is not None
                person.country, person.sector, person.role = owner.country, e.sector, e.role
                person.how = f"{person.how}+title-country"
            if person.sector is None:
                person.sector = e.sector
            if person.role is None:
                person.role = e.role
            if owner is not None and owner is not person:
                merged_away.add(id(owner))
            continue
        owner = _owner(head, by_token)
        if owner is not None and owner.kind == "person" and not _leads(owner, e):
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


def _namesake(person: Mention, owner: Mention | None) -> bool:
    """A person the dictionary gives one country, under a title a state of another country
    owns ("Iraq's trade minister <name>", "the Kenyan president <name>")."""
    return (
        owner is not None
        and owner is not person
        and owner.kind in _COUNTRY_KINDS
        and owner.country is not None
        and person.country is not None
        and owner.country != person.country
    )


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


def _appositive_firm(ent: Span, used: dict[int, Mention]) -> bool:
    """The apposition to a person names an office in a firm ("the German co-head of EADS")."""
    heads = [ch for ch in ent.root.children if ch.dep_ == "appos"]
    if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
        heads.append(ent.root.head)
    return any(firm_office(h, used) for h in heads)


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
        if country and sector is None and _appositive_firm(ent, used):
            sector, how = "BUS", "ner+appos+firm"  # "Rainer Hertrich, the German co-head of EADS"
        extra.append(
            Mention(ent.start, ent.end, ent.text, country, sector, None, kind, how, origin=Origin.NER)
        )
    kept = [mn for mn in mentions if id(mn) not in drop]
    return sorted(kept + extra, key=lambda mn: mn.start)


def find_in_doc(
    doc: Doc, *, published: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    d = dictionary or current()
    names, agent_matches = match(doc, d)
    title_ends = frozenset(m.end for m in agent_matches if m.pattern.entry.role)
    selected = select_matches(names, doc, title_ends)
    mentions = [_mention(m, published) for m in selected]
    beside_state(doc, list(zip(selected, mentions, strict=True)), agent_matches, published, _owner)
    mentions, stances = drop_stances(doc, mentions, stance_starts(doc))
    mentions = _ner_actors(doc, mentions, agent_matches)
    if stances:
        mentions = [mn for mn in mentions if not within_spans(mn, stances)]
    mentions = same_firms(doc, country_firms(doc, _join_agents(doc, mentions, agent_matches)))
    attach_stances(doc, mentions, stances)
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
    return resolve_coreference(doc, shadow_titled(doc, party_titled(doc, actors, parties)))


def find_actors(
    doc: Doc, *, published: dt.date | None = None, dictionary: ActorDictionary | None = None
) -> list[Actor]:
    """Every actor mention in ``doc``, in text order (pipeline entry point)."""
    return find_in_doc(doc, published=published, dictionary=dictionary)


__all__ = ["Mention", "Pattern", "find_actors", "find_in_doc"]
