"""PETRARCH/TABARI actor and agent dictionaries read as geopol dictionaries.

Actor files: ``NAME_WORDS [CODE]`` lines (underscores join words), ``+SYNONYM`` lines that
add forms to the entry above, tab-indented date windows ``[XYZGOV >080508]`` (from that day),
``[XYZ <080508]`` (before it) or ``[XYZ 080508-090101]``, ``#`` comments and ``<!-- -->``
blocks. Agent files: ``WORD {PLURAL} [~SECTOR]`` or ``[SECTOR~]`` and ``!SET! = A, B``
substitution sets. A CODE's first three letters are the country; the rest is the sector.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from geopol.actors.dictionary import ActorDictionary, Entry, Pattern, Role
from geopol.errors import DictionaryError

_CODE = re.compile(r"\[([^\]]*)\]")
_WINDOW = re.compile(
    r"^\s*\[(?P<code>[^\s\]]+)\s*(?P<win>[<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]"
)
_SET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def _yymmdd(s: str) -> dt.date:
    s = s.strip()
    if len(s) == 8:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    yy, mm, dd = int(s[:2]), int(s[2:4]), int(s[4:6])
    year = 1900 + yy if yy >= 30 else 2000 + yy
    return dt.date(year, max(mm, 1), max(dd, 1))


def _split(code: str) -> tuple[str | None, str | None]:
    code = code.strip().upper()
    if not code or code.startswith("---"):
        return None, code[3:6] or None
    return code[:3], (code[3:6] or None)


def _words(raw: str) -> str:
    return " ".join(w for w in raw.replace("_", " ").split() if w)


def _strip_comments(text: str) -> list[tuple[int, str]]:
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((n, line))
    return out


def _is_agent_file(lines: list[tuple[int, str]]) -> bool:
    return sum("~" in line for _, line in lines) > len(lines) / 3


def load_petrarch(path: Path) -> ActorDictionary:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read ({exc})") from exc
    lines = _strip_comments(text)
    if _is_agent_file(lines):
        return _agents(lines, str(path))
    return _actors(lines, str(path))


def _actors(lines: list[tuple[int, str]], source: str) -> ActorDictionary:
    d = ActorDictionary(sources=[source])
    forms: list[str] = []
    code: str | None = None
    windows: list[Role] = []

    def flush() -> None:
        if not forms or (code is None and not windows):
            return
        country, sector = _split(code or "")
        roles = tuple(windows)
        entry = Entry(
            key=f"petrarch:{forms[0]}",
            kind="person" if roles else "state",
            name=forms[0].title(),
            country=country if not roles else roles[-1].country,
            sector=sector if not roles else roles[-1].sector,
            roles=roles,
        )
        for f in forms:
            d.patterns.append(Pattern(f, entry))

    for n, line in lines:
        if line.startswith(("\t", " ")) and _WINDOW.match(line):
            m = _WINDOW.match(line)
            assert m is not None
            country, sector = _split(m.group("code"))
            win = (m.group("win") or "").replace(" ", "")
            start = end = None
            try:
                if win.startswith(">"):
                    start = _yymmdd(win[1:])
                elif win.startswith("<"):
                    end = _yymmdd(win[1:])
                elif "-" in win:
                    a, b = win.split("-")
                    start, end = _yymmdd(a), _yymmdd(b)
            except ValueError as exc:
                raise DictionaryError(f"{source} line {n}: bad date window {win!r}") from exc
            if not win:  # a bare code line: the entry's code
                code = m.group("code")
                continue
            windows.append(Role(country, sector, None, start, end))
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            forms.append(_words(stripped[1:].split("[")[0]))
            continue
        flush()
        forms, code, windows = [], None, []
        m = _CODE.search(stripped)
        name = _words(stripped.split("[")[0])
        if not name:
            continue
        forms = [name]
        code = m.group(1).strip() if m else None
        if code is not None and code.startswith("~"):
            code = None
    flush()
    return d


def _agents(lines: list[tuple[int, str]], source: str) -> ActorDictionary:
    d = ActorDictionary(sources=[source])
    sets: dict[str, list[str]] = {}
    for n, line in lines:
        m = _SET.match(line.strip())
        if m:
            sets[m.group(1).upper()] = [_words(w) for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE.search(line)
        if not cm:
            continue
        raw = cm.group(1).strip().replace("~", "")
        sector = raw[:3].upper() or None
        head = line.split("[")[0]
        plural = re.search(r"\{([^}]*)\}", head)
        base = re.sub(r"\{[^}]*\}", "", head)
        base = base.strip()
        if plural is None:
            variants = [base, base + "s"]
        else:
            variants = [base] + ([plural.group(1)] if plural.group(1).strip() else [])
        for v in variants:
            for expanded in _expand_sets(v, sets):
                words = _words(expanded)
                if not words:
                    continue
                entry = Entry(
                    key=f"agent:{words}",
                    kind="agent",
                    name=words.lower(),
                    country=None,
                    sector=sector,
                )
                d.agents.append(Pattern(words, entry))
        del n
    return d


def _expand_sets(text: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", text)
    if not m:
        return [text]
    out: list[str] = []
    for w in sets.get(m.group(1).upper(), []):
        out.extend(_expand_sets(text[: m.start()] + w + text[m.end() :], sets))
    return out
