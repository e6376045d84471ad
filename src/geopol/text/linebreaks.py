"""Line breaks inside a sentence, blanked before parsing.

Scraped and wrapped text breaks lines in the middle of sentences ("a usually calm hub in
Central\\n            Anatolia, was ..."). The pipeline ends a sentence at every line break
(``geopol.nlp.paragraphs``), so such a break cuts a sentence in two and bends its parse.
``join_broken_lines`` replaces each break inside a sentence, with the spaces and tabs
around it, by spaces of the same length: every offset still points into the original text.

A break is inside a sentence when

- it is a single break (a blank line ends a paragraph);
- the line before ends in a letter, a digit or a comma (not a final mark, a colon, a
  quote or a bracket after them), and neither line is a list item (a bullet, or a number
  with a point or bracket);
- and the next line starts in lower case, or the line before continues a sentence: it
  starts in lower case, holds a sentence end followed by more words, follows a break that
  was itself joined, ends in a comma or a word that cannot end a sentence or a heading
  (``OPEN_WORDS``: "in", "of", "the", "and"...), or is long (a wrapped line, not a
  headline: ``HEADING_MAX`` characters or more).

A short line with no final mark that starts a paragraph and is followed by a capital
("Swift condemnations\\nPresident ...") is a heading and stays a line of its own.
"""

from __future__ import annotations

import re

#: A line that starts a paragraph and is at least this long is a wrapped line, not a heading.
HEADING_MAX = 70

#: Words after which a sentence or a heading cannot end: a line ending in one goes on.
OPEN_WORDS = frozenset((
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into",
    "onto", "over", "under", "between", "among", "and", "or", "nor", "but", "than", "as",
    "its", "their", "his", "her", "our", "your", "my", "whose", "which", "who", "that",
    "this", "these", "those", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "can", "could", "should", "may", "might", "must",
))

_BREAK = re.compile(r"[ \t]*\r?\n[ \t]*")
_ITEM = re.compile(r"(?:[-*\u2022\u00b7\u25aa\u2013\u2014>]|\d{1,3}[.)])(?:\s|$)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[\"'\u201c\u2018(]*[A-Z]")


def _ends_open(line: str) -> bool:
    last = line[-1:] if line else ""
    return last.isalnum() or last == ","


def _continues(line: str, after_joined: bool) -> bool:
    if after_joined or line.endswith(","):
        return True
    if line[:1].islower():
        return True
    words = line.rsplit(None, 1)
    if words and words[-1] in OPEN_WORDS:  # lower case only: "In" may end a heading
        return True
    if _SENTENCE_END.search(line):
        return True
    return len(line) >= HEADING_MAX


def join_broken_lines(text: str) -> str:
    """``text`` with the line breaks inside sentences blanked (same length)."""
    if "\n" not in text:
        return text
    pieces: list[str] = []
    last = 0
    line_start = 0
    joined = False  # the break that began the current line was blanked
    for m in _BREAK.finditer(text):
        line = text[line_start : m.start()].strip()
        nxt = text[m.end() : m.end() + 4]
        join = (
            bool(line)
            and bool(nxt)
            and not nxt[0].isspace()
            and _ends_open(line)
            and not _ITEM.match(line)
            and not _ITEM.match(nxt)
            and (nxt[0].islower() or _continues(line, joined))
        )
        if join:
            pieces.append(text[last : m.start()])
            pieces.append(" " * (m.end() - m.start()))
            last = m.end()
        else:
            line_start = m.end()
        joined = join
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)
