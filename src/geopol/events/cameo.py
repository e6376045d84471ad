"""The CAMEO bridge: CAMEO codes with their Goldstein values and PLOVER type/mode.

geopol codes events in PLOVER; GDELT and ICEWS users join on CAMEO. The table lives in
``data/events/cameo.tsv`` (one row per CAMEO code: code, name, goldstein, plover_type,
plover_mode, quad). ``quad`` there is the CAMEO/GDELT quad class of the code's root
(01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20
material conflict); ``PLOVER_QUAD`` gives PLOVER's own quad of a type, which differs for
CONCEDE (1), SANCTION (3) and REQUEST (3). Decisions are listed in ``docs/formats.md``.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

from geopol.errors import DictionaryError
from geopol.records import PloverType

#: PLOVER's -10..+10 scores (EVENT-MODEL; ACCUSE is -2, not the published +3 slip).
PLOVER_INTENSITY: dict[str, float] = {
    PloverType.AID: 10.0,
    PloverType.COOPERATE: 9.5,
    PloverType.RETREAT: 6.5,
    PloverType.SUPPORT: 5.0,
    PloverType.CONCEDE: 4.5,
    PloverType.AGREE: 2.5,
    PloverType.CONSULT: 2.5,
    PloverType.REQUEST: 0.0,
    PloverType.ACCUSE: -2.0,
    PloverType.REJECT: -2.0,
    PloverType.THREATEN: -3.5,
    PloverType.PROTEST: -5.0,
    PloverType.MOBILIZE: -5.5,
    PloverType.SANCTION: -6.0,
    PloverType.COERCE: -7.0,
    PloverType.ASSAULT: -9.0,
}

#: PLOVER quad of each type: 1 verbal cooperation, 2 material cooperation, 3 verbal
#: conflict, 4 material conflict.
PLOVER_QUAD: dict[str, int] = {
    PloverType.AGREE: 1,
    PloverType.CONSULT: 1,
    PloverType.SUPPORT: 1,
    PloverType.CONCEDE: 1,
    PloverType.COOPERATE: 2,
    PloverType.AID: 2,
    PloverType.RETREAT: 2,
    PloverType.REQUEST: 3,
    PloverType.ACCUSE: 3,
    PloverType.REJECT: 3,
    PloverType.THREATEN: 3,
    PloverType.SANCTION: 3,
    PloverType.PROTEST: 4,
    PloverType.MOBILIZE: 4,
    PloverType.COERCE: 4,
    PloverType.ASSAULT: 4,
}

#: The modes EVENT-MODEL lists for each type (types without modes map to an empty tuple).
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    PloverType.AGREE: (),
    PloverType.CONSULT: ("visit", "third-party", "multilateral", "phone"),
    PloverType.SUPPORT: (),
    PloverType.CONCEDE: (),
    PloverType.COOPERATE: (),
    PloverType.AID: ("economic", "military", "humanitarian", "asylum"),
    PloverType.RETREAT: ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    PloverType.REQUEST: ("assist", "change", "yield", "meet"),
    PloverType.ACCUSE: ("disapprove", "investigate", "allege"),
    PloverType.REJECT: ("assist", "change", "yield", "meet"),
    PloverType.THREATEN: ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    PloverType.SANCTION: ("convict", "expel", "withdraw", "discontinue"),
    PloverType.PROTEST: ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    PloverType.MOBILIZE: ("troops", "weapons", "police", "militia"),
    PloverType.COERCE: (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    PloverType.ASSAULT: (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}

#: Where the most generic table row with the same type and mode is not the best CAMEO code
#: for a PLOVER event (or no row has that mode): ``data/events/cameo-closest.tsv``. Reasons
#: in docs/formats.md.
@functools.cache
def closest_overrides() -> dict[tuple[str, str | None], str]:
    path = resources.files("geopol.data").joinpath("events/cameo-closest.tsv")
    out: dict[tuple[str, str | None], str] = {}
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t")
    for line, row in enumerate(reader, start=2):
        try:
            type_, mode, code = row["plover_type"].strip(), row["plover_mode"].strip(), row["code"]
        except (KeyError, AttributeError) as exc:
            raise DictionaryError(f"events/cameo-closest.tsv line {line}: {exc}") from exc
        if type_ not in PLOVER_QUAD or code.strip() not in cameo_table():
            raise DictionaryError(
                f"events/cameo-closest.tsv line {line}: unknown PLOVER type {type_!r} or"
                f" CAMEO code {code!r}"
            )
        out[(type_, mode or None)] = code.strip()
    return out


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """One CAMEO code of the bridge table."""

    code: str
    name: str
    goldstein: float
    root: str
    plover_type: str | None
    plover_mode: str | None
    quad: int


def _parse(text: str) -> dict[str, CameoInfo]:
    table: dict[str, CameoInfo] = {}
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    for line, row in enumerate(reader, start=2):
        try:
            code = row["code"].strip()
            info = CameoInfo(
                code=code,
                name=row["name"].strip(),
                goldstein=float(row["goldstein"]),
                root=code[:2],
                plover_type=row["plover_type"].strip() or None,
                plover_mode=row["plover_mode"].strip() or None,
                quad=int(row["quad"]),
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise DictionaryError(f"events/cameo.tsv line {line}: {exc}") from exc
        if info.plover_type is not None and info.plover_type not in PLOVER_QUAD:
            raise DictionaryError(
                f"events/cameo.tsv line {line}: unknown PLOVER type {info.plover_type!r}"
            )
        table[code] = info
    return table


@functools.cache
def cameo_table() -> dict[str, CameoInfo]:
    """The whole bridge table, read once per process."""
    path = resources.files("geopol.data").joinpath("events/cameo.tsv")
    return _parse(path.read_text(encoding="utf-8"))


def cameo_info(code: str) -> CameoInfo:
    """The table row of a CAMEO code (``KeyError`` for an unknown code).

    Example:
        >>> cameo_info("042").plover_mode
        'visit'
    """
    return cameo_table()[code.strip()]


@functools.cache
def cameo_code(name: str) -> str:
    """The event code (3 or 4 digits) of the CAMEO row with this name, so that code says
    which event it means rather than quoting a number (``DictionaryError`` if none).

    Example:
        >>> cameo_code("Make a visit")
        '042'
    """
    want = name.strip().lower()
    for info in cameo_table().values():
        if len(info.code) >= 3 and info.name.lower() == want:
            return info.code
    raise DictionaryError(f"events/cameo.tsv: no event code named {name!r}")


def _most_generic(plover_type: str, mode: str | None) -> str | None:
    rows = [
        info.code
        for info in cameo_table().values()
        if len(info.code) >= 3 and info.plover_type == plover_type and info.plover_mode == mode
    ]
    return min(rows, key=lambda c: (len(c), c)) if rows else None


@functools.cache
def closest_cameo(plover_type: str, mode: str | None = None) -> str:
    """The CAMEO event code (3 or 4 digits) that best stands for a PLOVER type and mode.

    An unknown mode falls back to the type's code without mode. ``ValueError`` for an
    unknown type.

    Example:
        >>> closest_cameo("CONSULT", "visit")
        '042'
    """
    if plover_type not in PLOVER_QUAD:
        raise ValueError(f"unknown PLOVER type {plover_type!r}")
    for key in ((plover_type, mode), (plover_type, None)):
        code = closest_overrides().get(key) or _most_generic(*key)
        if code is not None:
            return code
    raise ValueError(f"no CAMEO code for PLOVER type {plover_type!r}")  # pragma: no cover


def with_mode(code: str, plover_type: str, mode: str | None) -> str:
    """The CAMEO code with the mode's detail: a root-level code (``190``, Use conventional
    military force) becomes the code of the same root that the mode names (ASSAULT/firearms
    -> ``193``); a code that is already detailed, or a mode no code of the root names, stays.

    Example:
        >>> with_mode("190", "ASSAULT", "firearms")
        '193'
    """
    if not mode or len(code) != 3 or not code.endswith("0"):
        return code
    detailed = closest_overrides().get((plover_type, mode)) or _most_generic(plover_type, mode)
    if detailed is None or detailed[:2] != code[:2]:
        return code
    return detailed


_COOPERATIVE = (PloverType.AID, PloverType.COOPERATE, PloverType.CONSULT, PloverType.SUPPORT, PloverType.CONCEDE, PloverType.RETREAT)
_NOT_YET = ("planned", "speculated", "hypothetical")
#: What a conflict event that has not (yet) happened is threatened as.
_THREAT_MODE: dict[tuple[str, str | None], str | None] = {
    (PloverType.ASSAULT, None): "violence",
    (PloverType.MOBILIZE, None): "violence",
    (PloverType.PROTEST, None): None,
    (PloverType.SANCTION, None): "restrict",
    (PloverType.SANCTION, "expel"): "expel",
    (PloverType.SANCTION, "withdraw"): "relations",
    (PloverType.SANCTION, "discontinue"): "relations",
    (PloverType.SANCTION, "convict"): "arrest",
    (PloverType.COERCE, None): "restrict",
    (PloverType.COERCE, "arrest"): "arrest",
    (PloverType.COERCE, "deport"): "expel",
    (PloverType.COERCE, "seize"): "territory",
}


def plover_view(plover_type: str, mode: str | None, factuality: str) -> tuple[str, str | None]:
    """The type and mode PLOVER's own convention would give an event of this factuality.

    geopol keeps the type of the event itself (a speculated arms supply stays AID, with
    factuality speculated). PLOVER codes what was said instead: an event that is planned,
    speculated or hypothetical is an intent, so cooperation reads as AGREE and conflict as
    THREATEN with the matching mode. Negated cooperation ("will not lift the ban", "refused
    to meet") reads as REJECT. Asserted, reported and other negated events keep their type.

    Example:
        >>> plover_view("AID", "military", "planned")
        ('AGREE', None)
    """
    if str(factuality) == "negated" and plover_type in (*_COOPERATIVE, PloverType.AGREE, PloverType.REQUEST):
        return PloverType.REJECT, None
    if str(factuality) not in _NOT_YET:
        if (plover_type, mode) == (PloverType.SANCTION, "discontinue"):
            # Sanctions and embargoes imposed: CAMEO 163, which PLOVER's CAMEO table
            # converts to COERCE/restrict.
            return PloverType.COERCE, "restrict"
        return plover_type, mode
    if plover_type in _COOPERATIVE:
        return PloverType.AGREE, None
    if plover_type in (PloverType.ASSAULT, PloverType.MOBILIZE, PloverType.PROTEST, PloverType.SANCTION, PloverType.COERCE):
        key = (plover_type, mode) if (plover_type, mode) in _THREAT_MODE else (plover_type, None)
        return PloverType.THREATEN, _THREAT_MODE[key]
    return plover_type, mode
