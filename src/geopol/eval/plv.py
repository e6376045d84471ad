"""Evaluation on PLV-format files: sentences with a marked source ``<s>`` and target ``<t>``.

Three measures from one pass over the file:
- event type given the gold dyad: the trigger that links the marked source and target
  in the parse (shortest dependency path through it) gives the type;
- end to end: the gold dyads the coder finds by itself, with the right type (a coded actor
  names a marked span when its mention overlaps it, or when it is a pronoun or description
  the coder linked to a mention starting inside it: "X said he had rejected");
- actor recall: the gold source and target spans that an actor mention covers,
  overall and per resolved country code.
The gold label YIELD stands for CONCEDE or RETREAT.
"""

from __future__ import annotations

import collections
import csv
import dataclasses
import re
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from geopol.errors import BadInput
from geopol.eval.factuality_score import FactScore, Half, read_labels
from geopol.events.cameo import plover_view
from geopol.events.coder import current as current_coder
from geopol.events.extract import Trigger, joint_rule
from geopol.events.factuality import assess, condition_clause, scheduled
from geopol.events.factuality import cues as fact_cues
from geopol.events.factuality.words import governing, purpose
from geopol.events.lexicon import Lexicon, Rule
from geopol.events.stance import stated
from geopol.records import Actor, Article, CodedArticle, Factuality

LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "NONE",
)  # fmt: skip
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "YIELD": 2, "CONCEDE": 1, "RETREAT": 2, "COOPERATE": 2,
    "AID": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3, "PROTEST": 4,
    "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip
_TAG = re.compile(r"</?[st]>")


@dataclasses.dataclass(slots=True)
class Row:
    n: int
    text: str
    source: tuple[int, int]
    target: tuple[int, int]
    gold: str
    gold_quad: int | None
    # factuality (issue 16): the gold factuality, whether it is marked ambiguous, the document
    factuality: str = ""
    ambiguous: bool = False
    newid: int | None = None


def _strip(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    open_at: dict[str, int] = {}
    pos = 0
    for m in re.finditer(r"</?([st])>|[^<]+|<", marked):
        tok = m.group(0)
        if m.group(1):
            if tok.startswith("</"):
                spans[m.group(1)] = (open_at.pop(m.group(1), pos), pos)
            else:
                open_at[m.group(1)] = pos
            continue
        out.append(tok)
        pos += len(tok)
    return "".join(out), spans


def _int(value: str | None) -> int | None:
    v = (value or "").strip()
    return int(v) if v.isdigit() else None


def read_plv(path: Path, *, half: Half | None = None) -> list[Row]:
    """The rows of a PLV-format file; ``half`` keeps the rows whose ``reuters_newid`` is even
    or odd (rows without one are dropped then), or, in a file with no ``reuters_newid`` at
    all (PLV_train), the rows whose 0-based data-row number is even or odd."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc})") from exc
    rows = []
    with fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for n, r in enumerate(reader, 1):
            marked = r.get("marked_sentence") or ""
            text, spans = _strip(marked)
            if "s" not in spans or "t" not in spans:
                continue
            quad = r.get("gold_penta")
            rows.append(
                Row(
                    n,
                    text,
                    spans["s"],
                    spans["t"],
                    (r.get("gold_root") or "").strip().upper(),
                    int(quad) if quad and quad.strip().isdigit() else None,
                    (r.get("factuality") or "").strip().lower(),
                    (r.get("ambiguous") or "").strip() == "1",
                    _int(r.get("reuters_newid")),
                )
            )
    if half is not None and any(r.newid is not None for r in rows):
        rows = [r for r in rows if r.newid is not None and r.newid % 2 == (half is Half.ODD)]
    elif half is not None:
        rows = [r for r in rows if (r.n - 1) % 2 == (half is Half.ODD)]
    if not rows:
        raise BadInput(f"{path}: no rows with <s> and <t> marked")
    return rows


def _span(doc: Doc, se: tuple[int, int]) -> Span | None:
    return doc.char_span(se[0], se[1], alignment_mode="expand")


def _ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _dist(a: Token, b: Token) -> int:
    aa, bb = _ancestors(a), _ancestors(b)
    pos = {t.i: k for k, t in enumerate(aa)}
    for k, t in enumerate(bb):
        if t.i in pos:
            return pos[t.i] + k
    return 99


#: Extra cost of a trigger inside the source or target span: it describes the actor
#: ("the coalition fighting the rebels"), it is not what the actor did to the other.
_INSIDE = 8


def _depth(trig: Trigger, lex: Lexicon) -> int:
    """How far below the sentence root the act sits; an event noun counts at its light
    verb ("filed a complaint" is as high as "filed")."""
    tok = trig.token
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "rejection and condemnation": conjuncts rank alike
    if trig.noun and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in lex.light_verbs:
        tok = tok.head
    return len(_ancestors(tok))


#: What a call can carry: "called X to congratulate him" is the congratulation.
_SAID = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE"})


def _message(best: Trigger, triggers: list[Trigger]) -> Trigger:
    """A phone call made to say something is coded as what was said: the call is the
    channel, the congratulation, complaint or demand is the act toward the target."""
    if best.rule.mode != "phone" or best.noun:
        return best
    for t in triggers:
        tok = t.token
        if (
            tok.head.i == best.token.i
            and tok.dep_ in ("advcl", "xcomp")
            and t.rule.type in _SAID
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
        ):
            return t
    return best


def _coagents(a: Token, b: Token) -> bool:
    """The two actors are coordinated: "A and B", "by A and B"."""
    return (a.dep_ == "conj" and b in a.ancestors) or (b.dep_ == "conj" and a in b.ancestors)


_HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"})


def _urged_against(request: Token, target: Token, lex: Lexicon) -> Rule | None:
    """The hostile act a request calls for against the target, when the target is not the
    one asked but the one the act would hit: "called for sanctions against X" is hostile
    intent toward X (a threat in PLOVER's view), not a request made of X."""
    path: list[Token] = []
    tok = target
    while tok.head.i != tok.i and tok.head.i != request.i:
        tok = tok.head
        path.append(tok)
    if tok.head.i != request.i or not path:
        return None
    for t in path:
        lemma = t.lemma_.lower()
        table = lex.nouns if t.pos_ in ("NOUN", "PROPN") else lex.verbs if t.pos_ == "VERB" else {}
        for p in table.get(lemma, ()):
            if not p.rest and not p.rule.objects and p.rule.type in _HOSTILE:
                return p.rule
    return None


def label(t: str) -> str:
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def _clause_verb(tok: Token) -> Token:
    """The lowest verb above an actor mention: the predicate it takes part in."""
    for t in _ancestors(tok):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def _phrasal(verb: Token) -> str:
    prt = next((ch for ch in verb.children if ch.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt.lower_}" if prt is not None else verb.lemma_.lower()


def _event_below(tok: Token, *, noun: bool = False) -> tuple[Token, bool]:
    """ "are expected to sign", "plan to import", "failed to reach", "ruled out sanctions":
    the event is the verb (or the event noun) that the cue governs; an agreement about a
    scheduled act hands over to it too ("agreed to hold talks next week")."""
    c = fact_cues()
    for _ in range(4):
        if noun:
            return tok, noun
        lemma, phr = tok.lemma_.lower(), _phrasal(tok)
        level = c.governing.get(phr, c.governing.get(lemma, c.governing.get(tok.lower_)))
        below = next((ch for ch in tok.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"), None)
        if (
            lemma == "be"
            and below is not None
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in below.children)
        ):
            tok = below  # "Brazil and Argentina are to launch": the schedule is on the launch
            continue
        if lemma in c.denials and below is None:  # "denied that its troops had fired"
            below = next((ch for ch in tok.children if ch.dep_ == "ccomp"), None)
        obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        inner = _cue_content(obj) if below is None and obj is not None else None
        if inner is not None and lemma not in c.verbal_acts and phr not in c.rejections:
            return inner, inner.pos_ in ("NOUN", "PROPN")  # "studying the possibility of buying"
        if lemma in c.verbal_acts and not (phr != lemma and phr in c.governing):
            if lemma in c.denials and below is not None:
                pass  # what is denied is the event: "denied attacking Chadian positions"
            elif (
                below is None
                or not scheduled(below)
                # "asked Japan to open its markets next year": a request to an addressee is
                # the act; only a commitment hands over ("agreed to hold talks next week")
                or any(ch.dep_ in ("dobj", "dative") for ch in tok.children)
            ):
                return tok, False
        elif level not in (Factuality.PLANNED, Factuality.SPECULATED, Factuality.NEGATED):
            return tok, False
        if below is None and (phr in c.rejections or lemma in c.denials):
            obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
            return (obj, True) if obj is not None and obj.pos_ == "NOUN" else (tok, False)
        obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        if (
            below is None
            and c.nouns.get(lemma) is Factuality.PLANNED  # a verb that names a plan
            and obj is not None
            and obj.pos_ == "NOUN"
        ):
            return obj, True  # "plans joint exercises with Australia": the exercises
        subj = next((ch for ch in tok.children if ch.dep_ == "nsubjpass"), None)
        ahead = level in (Factuality.PLANNED, Factuality.SPECULATED)
        if below is None and subj is not None and subj.pos_ == "NOUN" and ahead:
            return subj, True  # "a visit to Baghdad was planned for May": the visit
        if below is None or (
            below.lemma_ == "be" and any(ch.dep_ == "dobj" for ch in tok.children)
        ):
            return tok, False  # "considered the package to be a stimulus": a judgement
        tok = below
    return tok, noun


def _cue_content(noun: Token) -> Token | None:
    """ "the possibility of buying jets": the event a speculative cue noun is about."""
    if fact_cues().nouns.get(noun.lemma_.lower()) is not Factuality.SPECULATED:
        return None
    for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("of", "for")):
        for ev in prep.children:
            if ev.dep_ in ("pcomp", "pobj"):
                return ev
    return None


_SELF = frozenset({"it", "they", "we", "i"})
_OWN = frozenset({"its", "their", "our", "my"})


def _own_act(said: Token) -> bool:
    """The reported clause has the speaker, or the speaker's own people, for subject: "said
    they had sold", "said its banks had lent" (the speaker's act, not a saying)."""
    return any(
        ch.dep_ == "ccomp"
        and any(
            g.dep_ in ("nsubj", "nsubjpass")
            and (
                g.lower_ in _SELF or any(p.dep_ == "poss" and p.lower_ in _OWN for p in g.children)
            )
            for g in ch.children
        )
        for ch in said.children
    )


def _dyad_verb(vs: Token, vt: Token) -> Token:
    """The lower of the two actors' predicates, unless it only hangs on the higher one as an
    adjunct ("Britain can exercise leverage because the EC is in crisis": the leverage)."""
    low, high = (vs, vt) if len(_ancestors(vs)) >= len(_ancestors(vt)) else (vt, vs)
    tok = low
    while tok.i != high.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "appos") or (
            tok.dep_ == "advcl" and not condition_clause(tok) and not purpose(tok)
        ):
            return high if high.i in {a.i for a in _ancestors(low)} else low
        tok = tok.head
    return low


def _dyad_factuality(best: Trigger | None, sh: Token, th: Token) -> tuple[Factuality, list[Token]]:
    """Factuality of the gold dyad's event (issue 16): read at the coder's trigger when it lies
    on the path between the two actors, else at the lower of the two actors' predicates.
    When the source is the one who says it, the saying is the act toward the target: a
    verbal act by its own speaker is asserted ("Roeller said the tax weakened Germany")."""
    reading = _dyad_reading(best, sh, th)
    fact, cue = reading
    # No trigger: the saying is the act, unless the speaker reports an act of its own
    # ("Dutch traders said they had sold sugar to Iran" is reported).
    verbal = (
        best.rule.type in _SAID and not (cue and _material(best.token, cue[0]))
        if best is not None
        else not (cue and _own_act(cue[0]))
    )
    if fact is Factuality.REPORTED and cue and (verbal or _stance(cue[0]) or _about(cue[0], th)):
        speaker = [ch for ch in cue[0].children if ch.dep_ == "nsubj"]
        if any(sh.i == t.i for s in speaker for t in s.subtree):
            return Factuality.ASSERTED, []
    return reading


def _material(trigger: Token, said: Token) -> bool:
    """ "Portugal said it had signed a fishing accord with Morocco": the event's own verb,
    below the verb of saying, is not a verbal act, so saying it does not make it (reported)."""
    verb = next((a for a in [trigger, *_ancestors(trigger)] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == said.i or verb.dep_ != "ccomp" or verb.head.i != said.i:
        return False
    return verb.lemma_.lower() not in fact_cues().verbal_acts and verb.lemma_.lower() != "be"


def _about(said: Token, th: Token) -> bool:
    """ "Seoul said Pyongyang had broken the armistice": the target is the subject of what
    the source says, so the saying (an accusation, a claim about the target) is the act."""
    for cl in (ch for ch in said.children if ch.dep_ == "ccomp"):
        subj = next((g for g in cl.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.i == th.i or (th.head.i == subj.i and th.dep_ in ("compound", "amod", "poss")):
            return True
    return False


_LINKS = frozenset({"be", "remain", "seem", "appear", "feel", "stay", "become"})


def _stance(said: Token) -> bool:
    """What the speaker says is its own stance, a predicate adjective or an attitude ("said
    it was concerned about", "said it remained committed to", "said the U.S. decision was
    unfair"): said by the source, the saying is its act toward the target (asserted)."""
    c = fact_cues()
    for cl in (ch for ch in said.children if ch.dep_ == "ccomp"):
        if cl.lower_ in c.attitudes and any(g.dep_ == "auxpass" for g in cl.children):
            return True  # "said it was disappointed by": parsed as a passive
        if any(g.dep_ in ("ccomp", "xcomp", "csubj") for g in cl.children):
            continue  # "said it was true that it had bought arms": the content is an event
        if cl.lemma_.lower() in _LINKS and any(
            g.dep_ == "acomp" and (g.pos_ == "ADJ" or g.lower_ in c.attitudes) for g in cl.children
        ):
            return True
    return False


def _act_above(tok: Token, sh: Token) -> Token:
    """ "Iraq refused to be a party", "Egypt agreed to build roads": when the source says it
    will or will not act, the saying (a refusal, an agreement, an offer) is its act."""
    c = fact_cues()
    while (
        tok.dep_ == "xcomp"
        and not scheduled(tok)  # "agreed to hold talks next week": the talks are planned
        and not any(ch.dep_ == "neg" for ch in tok.children)  # "decided not to impose quotas"
        and tok.head.lemma_.lower() in c.verbal_acts
        and any(
            ch.dep_ == "nsubj" and any(t.i == sh.i for t in ch.subtree) for ch in tok.head.children
        )
    ):
        tok = tok.head
    return tok


def _reports_on(said: Token, verb: Token, sh: Token) -> bool:
    """ "China never bought Iranian oil, officials insisted": a verb of saying above the dyad's
    clause whose speaker is not the source reports the event; it is not the source's act."""
    if governing(said, fact_cues()) is not Factuality.REPORTED or said.i == verb.i:
        return False
    if not any(a.i == said.i for a in _ancestors(verb)[1:]):
        return False
    speaker = [ch for ch in said.children if ch.dep_ in ("nsubj", "nsubjpass")]
    return bool(speaker) and not any(t.i == sh.i for s in speaker for t in s.subtree)


def _dyad_reading(best: Trigger | None, sh: Token, th: Token) -> tuple[Factuality, list[Token]]:
    verb = _dyad_verb(_clause_verb(sh), _clause_verb(th))
    if best is not None and not best.noun and _reports_on(best.token, verb, sh):
        best = None
    if best is not None:
        tok = best.token
        on_path = any(a.i == tok.i for a in _ancestors(sh) + _ancestors(th))
        below = best.noun and any(a.i == tok.i for a in _ancestors(verb)[1:])
        if on_path and not below:
            if not best.noun:
                tok = _act_above(tok, sh)
            event, noun = _event_below(tok, noun=best.noun)
            return assess(event, noun=noun)
        if best.noun and best.token.head.i == verb.i:
            return assess(best.token, noun=True)
    joint = _joint_noun(sh, th, verb) if best is None else None
    if joint is not None:
        return assess(joint, noun=True)  # "the proposed sale of jets by France to India"
    event, noun = _event_below(_act_above(verb, sh))
    return assess(event, noun=noun)


def _joint_noun(sh: Token, th: Token, verb: Token) -> Token | None:
    """The noun both actors hang from, below their clause's verb, when the coder found no
    trigger: "the proposed sale of jets by France to India was worth ...": the sale."""
    up = {a.i for a in _ancestors(th)}
    common = next((a for a in _ancestors(sh) if a.i in up), None)
    if common is None or common.pos_ != "NOUN" or common.i in (sh.i, th.i):
        return None
    return common if any(a.i == verb.i for a in _ancestors(common)[1:]) else None


def classify(doc: Doc, source: Span, target: Span, *, view: str = "plover") -> tuple[str, str]:
    """The event type and factuality the coder gives the dyad (source, target)."""
    typ, reading = classify_reading(doc, source, target, view=view)
    return typ, reading[0].value


def classify_reading(
    doc: Doc, source: Span, target: Span, *, view: str = "plover"
) -> tuple[str, tuple[Factuality, list[Token]]]:
    """The event type and the factuality reading (issue 16) of the dyad (source, target).

    A demand or accusation the source states about the target in reported speech comes
    first ("X said Y must leave"). Otherwise the trigger on the shortest dependency path
    between them wins; among equals, the governing one (the act of the source, not the act
    it is about: "condemned the attack", "reiterated its commitment to supporting").
    """
    from geopol.events.extract import find_triggers

    lex = current_coder().lexicon
    said = stated(source, target, lex)
    if said is not None:
        rule, speech = said
        spoken = assess(speech, noun=False)
        typ, mode = str(rule.type), rule.mode
        if view == "plover":
            typ, mode = plover_view(typ, mode, spoken[0].value)
        return typ, spoken
    sent = source.root.sent
    triggers = [t for s in {sent, target.root.sent} for t in find_triggers(s, lex)]
    sh, th = source.root, target.root
    if not triggers:
        return "NONE", _dyad_factuality(None, sh, th)

    def cost(trig: Trigger) -> tuple[int, int, int, int]:
        tok: Token = trig.token
        inside = source.start <= tok.i < source.end or target.start <= tok.i < target.end
        on_path = tok.i in {a.i for a in _ancestors(sh) + _ancestors(th)}
        return (
            _dist(tok, sh) + _dist(tok, th) + (_INSIDE if inside else 0) - (1 if on_path else 0),
            _depth(trig, lex),
            1 if trig.noun else 0,
            abs(tok.i - th.i),
        )

    best = min(triggers, key=cost)
    best = _message(best, triggers)
    reading = _dyad_factuality(best, sh, th)
    # The type view follows the coder's own event (its trigger), as `geopol code` stores it.
    own, _ = assess(best.token, noun=best.noun)
    typ, mode = str(best.rule.type), best.rule.mode
    if typ == "REQUEST" and view == "plover":
        urged = _urged_against(best.token, th, lex)
        if urged is not None:
            return plover_view(urged.type, urged.mode, "planned")[0], reading
    joint = joint_rule(best.rule) if _coagents(sh, th) else None
    if joint is not None:
        typ, mode = joint.type, joint.mode
    if view == "plover":
        typ, mode = plover_view(typ, mode, own.value)
    return typ, reading


@dataclasses.dataclass(slots=True)
class PlvReport:
    n: int
    correct: int
    quad_correct: int
    quad_n: int
    confusion: dict[tuple[str, str], int]
    e2e_found: int
    actor_spans: int
    actor_covered: int
    actor_resolved: int
    per_country: dict[str, int]
    view: str
    no_event: int = 0  # rows where the coder produced no event at all
    facts: FactScore = dataclasses.field(default_factory=FactScore)

    def macro_f1(self) -> float:
        f1s = []
        for lab in LABELS[:-1]:
            tp = self.confusion.get((lab, lab), 0)
            fp = sum(v for (g, p), v in self.confusion.items() if p == lab and g != lab)
            fn = sum(v for (g, p), v in self.confusion.items() if g == lab and p != lab)
            if tp + fp + fn == 0:
                continue
            prec = tp / (tp + fp) if tp + fp else 0.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        return sum(f1s) / len(f1s) if f1s else 0.0

    def render(self) -> str:
        lines = [
            f"rows: {self.n}   view: {self.view}",
            f"root accuracy (given gold dyad):   {self.correct / self.n:.3f} ({self.correct}/{self.n})",
            f"macro-F1:                          {self.macro_f1():.3f}",
            f"quad accuracy:                     {self.quad_correct / max(self.quad_n, 1):.3f} ({self.quad_correct}/{self.quad_n})",
            f"end to end (dyad found by coder, right type): {self.e2e_found / self.n:.3f} ({self.e2e_found}/{self.n})",
            f"no event at all (coder produced nothing):     {self.no_event / self.n:.3f} ({self.no_event}/{self.n})",
            f"actor recall (gold spans covered by a mention):   {self.actor_covered / self.actor_spans:.3f} ({self.actor_covered}/{self.actor_spans})",
            f"actor recall (covered by a resolved mention):     {self.actor_resolved / self.actor_spans:.3f} ({self.actor_resolved}/{self.actor_spans})",
            "",
            "confusion (rows gold, columns predicted):",
        ]
        labs = [lab for lab in LABELS if any(lab in k for k in self.confusion)]
        short = [lab[:5] for lab in labs]
        lines.append("          " + " ".join(f"{s:>5}" for s in short))
        for g in labs:
            lines.append(
                f"{g[:9]:9} " + " ".join(f"{self.confusion.get((g, p), 0):5d}" for p in labs)
            )
        lines.extend(self.facts.render())  # factuality (issue 16)
        lines.append("")
        lines.append("covered gold spans by resolved country code (top 30):")
        for code, k in sorted(self.per_country.items(), key=lambda kv: -kv[1])[:30]:
            lines.append(f"  {code:10} {k}")
        return "\n".join(lines)


def _names(actor: Actor, span: tuple[int, int]) -> bool:
    """Whether a coded actor names the gold span: its own mention overlaps the span, or it is
    a pronoun or description linked to a mention that starts inside the span ("Czech President
    Vaclav Klaus said he had rejected ...": "he" is Klaus)."""
    a, b = span
    if actor.start < b and a < actor.end:
        return True
    return actor.coref_of is not None and a <= actor.coref_of < b


def evaluate_plv(
    path: Path,
    *,
    predictions: Path | None = None,
    view: str = "plover",
    half: Half | None = None,
    factuality_labels: Path | None = None,
    limit: int | None = None,
) -> PlvReport:
    from geopol.pipeline import code_articles

    rows = read_plv(Path(path), half=half)
    if limit is not None:
        rows = rows[:limit]  # the first N rows (after --half)
    labels = read_labels(factuality_labels) if factuality_labels is not None else {}
    articles = [Article(title="", body=r.text, path=f"row-{r.n}") for r in rows]
    rep = PlvReport(
        len(rows), 0, 0, 0, collections.Counter(), 0, 0, 0, 0, collections.Counter(), view
    )
    # The file's own label -> quad convention (its "penta" column puts SANCTION in quad 4
    # and YIELD in 2); predicted labels are scored under the same convention.
    votes: dict[str, collections.Counter[int]] = {}
    for r in rows:
        if r.gold_quad is not None:
            votes.setdefault(r.gold, collections.Counter())[r.gold_quad] += 1
    quad_of = {lab: c.most_common(1)[0][0] for lab, c in votes.items()}
    out_lines = []
    docs: list[tuple[Row, CodedArticle, Doc]] = []
    from geopol.nlp import load

    nlp = load()
    for row, coded, doc in zip(
        rows, code_articles(articles), nlp.pipe(r.text for r in rows), strict=True
    ):
        docs.append((row, coded, doc))
    for row, coded, doc in docs:
        s, t = _span(doc, row.source), _span(doc, row.target)
        pred, fact = ("NONE", "") if s is None or t is None else classify(doc, s, t, view=view)
        p = label(pred)
        rep.confusion[(row.gold, p)] += 1
        rep.correct += p == row.gold
        if row.gold_quad is not None:
            rep.quad_n += 1
            rep.quad_correct += quad_of.get(p, QUAD.get(pred, 0)) == row.gold_quad
        out_lines.append(f"{row.n}\t{pred}\t{fact}")
        # factuality (issue 16): the file's own column, or a separate label file by row number
        gold_fact = labels.get(row.n, row.factuality if not labels else "")
        if gold_fact:
            rep.facts.add(gold_fact, fact or "asserted", ambiguous=row.ambiguous)
        for (a, b), role in ((row.source, "s"), (row.target, "t")):
            del role
            rep.actor_spans += 1
            cover = [m for m in coded.actors if m.start < b and a < m.end]
            rep.actor_covered += bool(cover)
            resolved = [m for m in cover if m.country]
            rep.actor_resolved += bool(resolved)
            if resolved:
                rep.per_country[resolved[0].country or "-"] += 1
        rep.no_event += not coded.events
        for e in coded.events:
            src_hit = any(_names(x, row.source) for x in e.source)
            tgt_hit = any(_names(x, row.target) for x in e.target)
            typ = plover_view(e.type, e.mode, e.factuality.value)[0] if view == "plover" else e.type
            if src_hit and tgt_hit and label(typ) == row.gold:
                rep.e2e_found += 1
                break
    if predictions is not None:
        predictions.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    return rep
