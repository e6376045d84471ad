"""One loader for the event coder's YAML data files: checked against a schema, user files
merged over the built-ins.

A schema is a mapping of key -> ``Field``. A key the schema does not know (a misspelling:
``intransitve``), a missing required key, a value of the wrong shape or an unknown PLOVER
type is a ``DictionaryError`` naming the file and the line, so that a misspelt optional key
no longer switches a rule off in silence. ``read_data`` reads a built-in file of
``geopol/data/events`` and the user's files of the same shape: their lists are added to the
built-in lists and their mappings merged into the built-in mappings.

Example:
    >>> read_data("words.yaml")["aimed"][:2]
    ['at', 'on']
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Mapping
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from geopol.errors import DictionaryError
from geopol.records import PloverType
from geopol.yamlio import load_yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Shape(Enum):
    WORDS = "a list of words"
    TYPES = "a list of PLOVER types"
    TYPE = "a PLOVER type"
    CODES = "a mapping of keys to values"
    LISTS = "a mapping of keys to lists of words"
    SCALAR = "a single value"
    SECTION = "a mapping"
    ENTRIES = "a list of mappings"
    ANY = "anything"


@dataclasses.dataclass(frozen=True, slots=True)
class Field:
    """One key of a schema: its shape, whether it must be there, and (for a ``SECTION``
    or the mappings of ``ENTRIES``) the schema of its keys."""

    shape: Shape
    required: bool = False
    keys: Mapping[str, Field] | None = None


Schema = Mapping[str, Field]


def words(required: bool = False) -> Field:
    return Field(Shape.WORDS, required)


def types(required: bool = False) -> Field:
    return Field(Shape.TYPES, required)


def codes(required: bool = False) -> Field:
    return Field(Shape.CODES, required)


def lists(required: bool = False) -> Field:
    return Field(Shape.LISTS, required)


def scalar(required: bool = False) -> Field:
    return Field(Shape.SCALAR, required)


def section(keys: Schema, required: bool = False) -> Field:
    return Field(Shape.SECTION, required, keys)


def entries(keys: Schema, required: bool = False) -> Field:
    return Field(Shape.ENTRIES, required, keys)


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _check_type(source: str, node: yaml.ScalarNode, where: str) -> None:
    """A PLOVER type name, or a ``DictionaryError`` naming the file and line."""
    if str(node.value) not in PloverType.__members__:
        raise _fail(
            source,
            node,
            f"{where}: unknown PLOVER type {node.value!r}; one of"
            f" {', '.join(PloverType.__members__)}",
        )


def _fail(source: str, node: yaml.Node, message: str) -> DictionaryError:
    return DictionaryError(f"{source} line {_line(node)}: {message}")


def _check_keys(source: str, node: yaml.Node, schema: Schema, where: str) -> None:
    at = f"{where}: " if where else ""
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, f"{at}expected a mapping")
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = str(key_node.value)
        seen.add(key)
        field = schema.get(key)
        if field is None:
            close = difflib.get_close_matches(key, list(schema), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join(sorted(schema))
            raise _fail(source, key_node, f"{at}unknown key {key!r}{hint}; known: {known}")
        _check(source, value_node, field, f"{where}{key}" if not where else f"{where}.{key}")
    missing = [k for k, f in schema.items() if f.required and k not in seen]
    if missing:
        raise _fail(source, node, f"{at}missing key(s) {', '.join(missing)}")


def _check(source: str, node: yaml.Node, field: Field, where: str) -> None:
    shape = field.shape
    if shape is Shape.ANY:
        return
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return  # an empty key ("verbs:") is an empty list or mapping
    if shape in (Shape.WORDS, Shape.TYPES, Shape.ENTRIES):
        if not isinstance(node, yaml.SequenceNode):
            raise _fail(source, node, f"{where}: expected {shape.value}")
        for item in node.value:
            if shape is Shape.ENTRIES:
                _check_keys(source, item, field.keys or {}, where)
            elif not isinstance(item, yaml.ScalarNode):
                raise _fail(source, item, f"{where}: expected {shape.value}")
            elif shape is Shape.TYPES:
                _check_type(source, item, where)
    elif shape is Shape.CODES:
        if not isinstance(node, yaml.MappingNode) or any(
            not isinstance(v, yaml.ScalarNode) for _, v in node.value
        ):
            raise _fail(source, node, f"{where}: expected {shape.value}")
    elif shape is Shape.LISTS:
        if not isinstance(node, yaml.MappingNode) or any(
            not isinstance(v, yaml.SequenceNode)
            or any(not isinstance(w, yaml.ScalarNode) for w in v.value)
            for _, v in node.value
        ):
            raise _fail(source, node, f"{where}: expected {shape.value}")
    elif shape in (Shape.SCALAR, Shape.TYPE):
        if not isinstance(node, yaml.ScalarNode):
            raise _fail(source, node, f"{where}: expected {shape.value}")
        if shape is Shape.TYPE:
            _check_type(source, node, where)
    elif shape is Shape.SECTION:
        _check_keys(source, node, field.keys or {}, where)


def check(text: str, source: str, schema: Schema | None) -> Any:
    """The data of a YAML file's ``text`` after checking it against ``schema`` (None: any
    data); ``source`` names the file in errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{source}: not valid YAML ({exc})") from exc
    if schema is not None:
        if node is None:
            raise DictionaryError(f"{source}: empty file")
        _check_keys(source, node, schema, "")
    return load_yaml(text)


def schema_of(data: Any) -> Schema:
    """The schema a user file of the same shape as ``data`` (a built-in file) must follow:
    the built-in keys, each with the shape of its built-in value, none required."""
    out: dict[str, Field] = {}
    for key, value in (data or {}).items():
        if isinstance(value, dict):
            if all(not isinstance(v, (dict, list)) for v in value.values()):
                out[str(key)] = codes()
            else:
                out[str(key)] = section(schema_of(value))
        elif isinstance(value, list):
            out[str(key)] = words() if all(not isinstance(v, (dict, list)) for v in value) else Field(Shape.ANY)
        else:
            out[str(key)] = scalar()
    return out


def merge(base: Any, over: Any) -> Any:
    """``over`` merged into ``base``: lists added, mappings merged key by key, other values
    replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(over, list):
        return base + [v for v in over if v not in base]
    return over if over is not None else base


def builtin_text(name: str) -> str:
    return (resources.files("geopol") / "data" / "events" / name).read_text(encoding="utf-8")


def read_user_file(path: str | Path, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read {what} file ({exc})") from exc


@functools.lru_cache(maxsize=32)
def read_data(name: str, user_files: tuple[str, ...] = ()) -> Any:
    """A built-in data file (its schema in ``SCHEMAS``) with ``user_files``
    merged over it (checked against the same schema or, for a file with none, against the
    built-in file's own keys). Read once per process for each set of files."""
    schema = SCHEMAS.get(name)
    # The built-in file is checked against its schema by the test suite
    # (test_every_builtin_file_follows_its_schema), not on every start.
    data = load_yaml(builtin_text(name))
    user_schema = schema if schema is not None else schema_of(data)
    for path in user_files:
        over = check(read_user_file(path, name), str(path), user_schema)
        data = merge(data, over or {})
    return data


def lowered(values: Any) -> frozenset[str]:
    """A data file's word list (or nothing) as a set of lower-case words."""
    return frozenset(str(w).lower() for w in values or ())


def word_set(key: str) -> frozenset[str]:
    """A word list of ``data/events/words.yaml``, as a set."""
    return frozenset(str(w) for w in read_data("words.yaml")[key])


def word_tuple(key: str) -> tuple[str, ...]:
    """A word list of ``data/events/words.yaml``, in its order."""
    return tuple(str(w) for w in read_data("words.yaml")[key])


_RULE: Schema = {
    "type": Field(Shape.TYPE, required=True),
    "mode": scalar(),
    "cameo": scalar(),
    "contexts": words(),
    "objects": words(),
    "not_objects": words(),
    "reciprocal": scalar(),
    "intransitive": scalar(),
    "swap": scalar(),
    "needs_object": scalar(),
    "aimed": scalar(),
    "mutual": scalar(),
}
_TRIGGERS: Schema = {
    "light_verbs": words(),
    "retype": entries({"words": words(True), "from": types(True), "to": section(_RULE, True)}),
    "entries": entries({**_RULE, "verbs": words(), "nouns": words()}, required=True),
    "stance": section(
        {
            "speech": words(),
            "demand": section({"words": words(), "to": section(_RULE, True)}),
            "blame": section({"words": words(), "to": section(_RULE, True)}),
        }
    ),
}
_DERIVED: Schema = {
    "speech": section({"verbs": words(True), "accuse": codes(True)}, True),
    "appeal": section(
        {
            "verbs": words(True),
            "demand_verbs": words(True),
            "appeal_codes": codes(True),
            "demand_codes": codes(True),
        },
        True,
    ),
    "intent": section(
        {
            "verbs": words(True),
            "threaten": codes(True),
            "future": words(True),
            "commit": words(True),
            "promise": codes(True),
        },
        True,
    ),
    "refusal": section({"modals": words(True), "reject": codes(True)}, True),
    "attend": section({"verbs": words(True), "gatherings": words(True)}, True),
    "victims": section({"sectors": words(True), "types": types(True)}, True),
    "targeted": types(True),
    "host_targets": types(),
    "party_targets": section({"types": types(), "sectors": words(), "named_types": types()}),
    "origin_sources": types(),
    "unnamed_armed": section({"sectors": words(), "types": types()}),
    "forces_abroad": words(),
    "place_targets": types(),
    "place_recipients": types(),
    "complement_places": types(),
    "home_places": types(),
    "forces_moved": types(),
    "rioters": section({"doers": words(), "modes": words()}),
    "repression": section({"sectors": words()}),
    "accidents": words(),
    "documents": words(True),
    "issue_verbs": words(),
    "place_heads": words(True),
    "forecast_verbs": words(),
    "hearsay_verbs": words(),
    "hearsay_nouns": words(),
    "scheme_verbs": words(),
    "occur_verbs": words(),
}
_WORDS: Schema = {
    key: words(True)
    for key in (
        "separators", "target_preps", "anaphoric_nouns", "locative_preps", "responsibility",
        "recipient_preps", "near_preps", "relational", "receiving", "asking", "claim",
        "small_clause", "aimed", "destination_preps", "no_place", "open_places", "idioms",
        "currencies", "named_ways",
        "visit_preps", "consult_preps", "during", "offices", "speaking", "handover", "joining",
        "public_measures", "measure_verbs", "sympathy_preps", "meetings", "going_on",
    )
}  # fmt: skip

_RECALL: Schema = {
    "doer_types": types(True),
    "implicit_types": types(True),
    "group_types": types(False),
    "sectors": codes(True),
    "missions": codes(False),
    "theatres": codes(False),
    **{
        key: words(True)
        for key in (
            "means", "groups", "not_doers", "yield_modes", "assembly", "obstruct", "purpose",
            "perception", "people", "implicit_verbs", "implicit_nouns", "protest_verbs",
            "remains", "found", "not_crowds", "street_means", "armed_nouns",
            "tallies", "ways", "buildings", "protesters", "dispersal", "support", "contact",
            "messages", "judgement", "borders",
        )
    },
}  # fmt: skip

_REALIS: Schema = {
    key: words(True)
    for key in (
        "abstract_objects", "standing_objects", "thing_subjects", "situation_nouns", "commercial", "commercial_verbs", "violence",
        "civil_sectors", "effort_verbs", "address_verbs", "call_verbs", "appeal_preps",
        "intent_verbs", "force_senses", "unrest",
        "company_nouns", "opinion_modals", "money", "persons", "trade_flows",
        "warnings", "warned_acts", "own_moves", "place_moves", "handovers", "released_matter",
        "armed_words", "poll_words", "animals", "terror_words", "sum_words",
        "statement_objects", "office_heads", "out_of_office", "opposition_titles",
        "view_verbs", "desire_verbs", "copulas", "condition_marks", "freed_nouns",
        "capacity_words", "ability_adjectives", "obligation_verbs", "campaign_audience",
    )
}  # fmt: skip

#: The schema of each data file that has one; a file with none (``factuality.yaml``) is
#: read as it is, and a user file for it may use the built-in file's keys only.
SCHEMAS: dict[str, Schema] = {
    "triggers.yaml": _TRIGGERS,
    "recall_triggers.yaml": _TRIGGERS,
    "cameo_verbs.yaml": _TRIGGERS,
    "recall.yaml": _RECALL,
    "derived.yaml": _DERIVED,
    "words.yaml": _WORDS,
    "realis.yaml": _REALIS,
    "mission_areas.yaml": {"areas": lists(True)},
    "local_notes.yaml": {
        "fights": words(), "onsets": words(), "like": scalar(), "armed_nouns": words(),
        "killings": words(), "display_verbs": words(), "block_verbs": words(),
    },
}  # fmt: skip
