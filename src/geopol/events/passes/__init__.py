"""The event coder as an ordered list of named passes.

Each pass is a function of the context (``geopol.events.context``) in its own module,
registered by name with ``register``. ``ORDER`` is the order they run in; ``run`` runs
them over an article: for each sentence the sentence passes in order, and for each
trigger of the sentence the trigger passes between them (a trigger pass may drop the
trigger: the trigger passes after it then skip it), then the article passes. ``geopol
pipeline`` prints the list. docs/stages/events.md shows how to add a pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from geopol.events.context import ArticleContext, Reading, SentenceContext
from geopol.events.passes import (  # noqa: F401  (each module registers its passes)
    accidents,
    act_gate,
    act_needs,
    alignments,
    anaphora,
    arguments,
    civil_attacks,
    civil_gate,
    complement_places,
    derived,
    dyad_events,
    event_country,
    fill_arguments,
    gatherings,
    home_organs,
    joint,
    mutual,
    named_parties,
    no_act,
    one_act,
    own_targets,
    party_targets,
    place_source,
    place_target,
    promised,
    repression,
    riots,
    sport,
    stated,
    triggers,
    unnamed,
    unnamed_doers,
    unreal,
    venue_parties,
    venues,
)
from geopol.events.passes.base import REGISTRY, Level, Pass, PassError, register

#: The passes of the event coder, in the order they run.
ORDER: tuple[str, ...] = (
    "triggers",
    "gathering-visits",
    "sport-and-showbiz",
    "accidents",
    "riots",
    "arguments",
    "fill-arguments",
    "act-gate",
    "stance-gate",
    "repression",
    "place-as-source",
    "unnamed-doers",
    "anaphora",
    "unnamed-armed",
    "joint-shows-of-force",
    "place-as-target",
    "own-country-targets",
    "party-targets",
    "civil-attacks",
    "home-organs",
    "venue-parties",
    "civil-gate",
    "complement-places",
    "act-needs",
    "named-parties",
    "home-campaign",
    "beneficiary-targets",
    "mutual-events",
    "dyad-events",
    "venue-visits",
    "promised-events",
    "derived-events",
    "stated-events",
    "unreal-events",
    "one-act",
    "stated-alignments",
    "event-country",
)


def pipeline(names: Sequence[str] = ORDER) -> list[Pass]:
    """The passes of ``names``, in that order (``PassError`` for an unknown name)."""
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise PassError(f"no pass named {', '.join(map(repr, unknown))}")
    return [REGISTRY[n] for n in names]


def _plan(passes: Sequence[Pass]) -> list[Pass | list[Pass]]:
    """Sentence passes, with each run of trigger passes grouped as one step."""
    plan: list[Pass | list[Pass]] = []
    for p in passes:
        if p.level is Level.TRIGGER:
            last = plan[-1] if plan else None
            if isinstance(last, list):
                last.append(p)
            else:
                plan.append([p])
        elif p.level is Level.SENTENCE:
            plan.append(p)
    return plan


def run(ctx: ArticleContext, passes: Sequence[Pass]) -> None:
    """Run ``passes`` over the article of ``ctx``; the events land in ``ctx.events``."""
    plan = _plan(passes)
    for number, sentence in enumerate(ctx.doc.sents):
        sc = SentenceContext.of(ctx, number, sentence)
        for step in plan:
            if isinstance(step, Pass):
                step.run(sc)
                continue
            sc.trigger_tokens = {t.token.i for t in sc.triggers}
            for trig in sc.triggers:
                sc.reading = reading = Reading(trigger=trig, base=trig)
                for p in step:
                    p.run(sc)
                    if reading.dropped:
                        break
            sc.reading = None
    for p in passes:
        if p.level is Level.ARTICLE:
            p.run(ctx)


def describe() -> list[str]:
    """One line per pass of ``ORDER``: number, name, level, module, what it does."""
    out = []
    for n, p in enumerate(pipeline(), 1):
        module = p.module.removeprefix("geopol.events.passes.")
        out.append(f"{n:2}. {p.name:22} {p.level.value:8} {module:13} {p.about}")
    return out


__all__ = [
    "ORDER",
    "REGISTRY",
    "Level",
    "Pass",
    "PassError",
    "describe",
    "pipeline",
    "register",
    "run",
]
