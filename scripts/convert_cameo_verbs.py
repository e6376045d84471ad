"""Convert the PETRARCH-2 CAMEO verb dictionary into geopol's fallback trigger file.

    python scripts/convert_cameo_verbs.py [../shared/dictionaries/petrarch2/CAMEO.2.0.txt]

Writes ``src/geopol/data/events/cameo_verbs.yaml`` (same shape as ``triggers.yaml``) with the
MIT notice of the Open Event Data Alliance in its header. What is kept:

- each verb of a block (synonym lines, multi-word ``ASK_FOR`` as "ask for") with its own code
  or else the block's code, when that CAMEO code has a PLOVER type in ``data/events/cameo.tsv``;
- simple object patterns ``- * OBJECT [code]`` (a word, a ``{multi word}`` phrase or a
  ``&SET`` of words) as object-restricted entries for every verb of the block; ``[---]``
  patterns become ``not_objects`` (objects that make the verb no event).

Patterns with prepositional phrases, subjects or codes with ``:`` are left out. The file is
loaded as a fallback: a verb with any hand-written entry in ``triggers.yaml`` keeps only those.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from geopol.events.cameo import cameo_table

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
OUT = REPO / "src" / "geopol" / "data" / "events" / "cameo_verbs.yaml"

#: Verbs too common or too vague to be an event on their own, whatever CAMEO files them under.
STOP = frozenset(
    """be is have do say tell go come get make take give put see hold keep let set become seem
    leave stay find call use work show run play turn bring move start begin end try want need
    look know think mean feel follow win lose beat score pass face meet include add note buy sell
    lead head issue deal fail decide expect aim ensure benefit import merge combine link connect
    manage control direct command handle conduct promote reveal affect impact influence compete
    differ bill tax fill clear draw delay postpone defer risk hurt harm damage die match best
    master overtake dominate overcome overwhelm crush hammer blow mar impair dress dig glance
    explore argue claim contend learn hear consider reason weigh found retire resolve tease hash
    detach catch kick contain enclose extract inhabit reside moderate pluck circle corrupt
    overshadow introduce journey depart embark unite insert innovate touring table remit upset
    bother annoy provoke disturb plague arouse rag prefer organise organize enable empower gear
    attach bind escalate govern enact endow assign allot""".split()  # noqa: SIM905
)
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")

NOTICE = """# Fallback verb triggers converted from the PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt,
# openeventdata/petrarch2, commit 676801c) by scripts/convert_cameo_verbs.py. Do not edit by
# hand: edit the script or add entries to triggers.yaml (hand-written entries win).
#
# The MIT License (MIT)
#
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def _clean(word: str) -> str:
    return word.strip().lstrip("+").rstrip("_").replace("_", " ").lower()


def _code(text: str) -> str | None:
    m = _CODE.search(text)
    return m.group(1).strip() if m else None


def _sets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name: str | None = None
    for line in lines:
        s = line.split("#", 1)[0].strip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if s.startswith("&"):
            name = s
            sets[name] = []
        elif s.startswith("+") and name:
            sets[name].append(_clean(s))
        elif not s:
            continue
    return sets


def _objects(pattern: str, sets: dict[str, list[str]]) -> list[str] | None:
    """The objects of a ``- * OBJECT`` pattern, or None when it is not that simple."""
    body = pattern[1:].split("[", 1)[0].strip()
    if not body.startswith("* "):
        return None
    rest = body[2:].strip().rstrip("$").strip()
    if not rest or "(" in rest or "*" in rest:
        return None
    if rest.startswith("{") and rest.endswith("}"):
        words = rest[1:-1].split()
        if any(w.startswith("&") for w in words):
            return None
        return [" ".join(_clean(w) for w in words)]
    if " " in rest:
        return None
    if rest.startswith("&"):
        return sets.get(rest) or None
    return [_clean(rest)]


def convert(path: Path) -> str:
    lines = path.read_text(encoding="latin-1").splitlines()
    sets = _sets(lines)
    table = cameo_table()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    # (code) -> verbs; (code, verbs-of-block) -> objects; not-objects per block
    plain: dict[str, set[str]] = defaultdict(set)
    with_objects: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    excluded: dict[tuple[str, ...], set[str]] = defaultdict(set)
    block_code: str | None = None
    block: list[tuple[str, str | None]] = []

    patterns: list[str] = []

    def close() -> None:
        verbs = tuple(sorted({v for v, _ in block}))
        for v, code in block:
            if code and code in table and table[code].plover_type:
                plain[code].add(v)
        for p in patterns:
            code = _code(p)
            objs = _objects(p, sets)
            if not objs or code is None:
                continue
            if code == "---":
                excluded[verbs].update(objs)
            elif ":" not in code and code in table and table[code].plover_type:
                with_objects[(code, verbs)].update(objs)

    for raw in lines[start + 1 :]:
        line = raw.rstrip()
        m = _HEADER.match(line)
        if m:
            if block:
                close()
            block, patterns = [], []
            block_code = m.group(2).strip()
            continue
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        if s.startswith("-"):
            patterns.append(s)
            continue
        word = s.split("{", 1)[0].split("[", 1)[0].strip()
        if not word or not re.fullmatch(r"\+?[A-Z][A-Z_\-']*", word):
            continue
        verb = _clean(word)
        if not verb or (verb.split()[0] in STOP and " " not in verb):
            continue
        own = _code(s)
        block.append((verb, own if own else block_code))
    if block:
        close()
    return _render(plain, with_objects, excluded, table)


def _render(
    plain: dict[str, set[str]],
    with_objects: dict[tuple[str, tuple[str, ...]], set[str]],
    excluded: dict[tuple[str, ...], set[str]],
    table: dict[str, object],
) -> str:
    import yaml

    from geopol.events.cameo import cameo_info

    entries = []
    nots: dict[str, set[str]] = defaultdict(set)
    for verbs, objs in excluded.items():
        for v in verbs:
            nots[v].update(objs)
    for (code, verbs), objs in sorted(with_objects.items()):
        info = cameo_info(code)
        entries.append(
            {
                "type": info.plover_type,
                "mode": info.plover_mode,
                "cameo": code,
                "verbs": sorted(verbs),
                "objects": sorted(objs),
            }
        )
    # A verb filed under codes of different PLOVER types (WordNet sets mix senses: "explode"
    # is a blast and an outburst) is too ambiguous to code without its objects.
    types: dict[str, set[str | None]] = defaultdict(set)
    for code, verbs in plain.items():
        for v in verbs:
            types[v].add(cameo_info(code).plover_type)
    for code, verbs in sorted(plain.items()):
        verbs = {v for v in verbs if len(types[v]) == 1}
        if not verbs:
            continue
        info = cameo_info(code)
        by_not: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for v in sorted(verbs):
            by_not[tuple(sorted(nots.get(v, ())))].append(v)
        for not_objs, vs in sorted(by_not.items()):
            e: dict[str, object] = {
                "type": info.plover_type,
                "mode": info.plover_mode,
                "cameo": code,
                "verbs": vs,
            }
            if not_objs:
                e["not_objects"] = list(not_objs)
            entries.append(e)
    del table
    body = yaml.safe_dump(
        {"entries": entries},
        sort_keys=False,
        width=100,
        allow_unicode=True,
        default_flow_style=None,
    )
    return NOTICE + "\n" + body


def main() -> int:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    OUT.write_text(convert(src), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
