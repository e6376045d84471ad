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
from geopol.eval.dyad_factuality import SAID as _SAID
from geopol.eval.dyad_factuality import ancestors as _ancestors
from geopol.eval.dyad_factuality import dyad_factuality as _dyad_factuality
from geopol.eval.factuality_score import FactScore, Half, read_labels
from geopol.events.cameo import plover_view
from geopol.events.coder import current as current_coder
from geopol.events.extract import Trigger, joint_rule
from geopol.events.factuality import assess
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


#: The PLV file's own reading of two PLOVER modes (docs/stages/events.md, "PLV_train's
#: conventions"): a cyber attack is coded ASSAULT there (PLOVER: COERCE, mode cyber) and a
#: court's conviction ACCUSE (PLOVER: SANCTION, mode convict). The coder keeps PLOVER's
#: types; the eval reads them in the file's scheme, as it reads CONCEDE and RETREAT as YIELD.
FILE_CONVENTION: dict[tuple[str, str | None], str] = {
    ("COERCE", "cyber"): "ASSAULT",
    ("SANCTION", "convict"): "ACCUSE",
}


def file_view(typ: str, mode: str | None, factuality: str) -> str:
    """PLOVER's view of a coded type and mode (``plover_view``), read in the file's scheme
    (``FILE_CONVENTION``)."""
    typ, mode = plover_view(typ, mode, factuality)
    return FILE_CONVENTION.get((typ, mode), typ)


def label(t: str) -> str:
    """The PLV file's label for a type: YIELD for CONCEDE and RETREAT."""
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


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
            typ = file_view(typ, mode, spoken[0].value)
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
        typ = file_view(typ, mode, own.value)
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
            typ = file_view(e.type, e.mode, e.factuality.value) if view == "plover" else e.type
            if src_hit and tgt_hit and label(typ) == row.gold:
                rep.e2e_found += 1
                break
    if predictions is not None:
        predictions.write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    return rep
