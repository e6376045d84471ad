"""State abbreviations written after a place: "Wainwright, Alta.", "Louisville (KY)"."""

from __future__ import annotations

from spacy.tokens import Doc

from geopol.places.gazetteer import Gazetteer
from geopol.places.recognise import Mention


def abbreviations(doc: Doc, gaz: Gazetteer, found: list[Mention], taken: list[bool]) -> None:
    """ "City, Abbr.", "City (Abbr)": a written state abbreviation after a place."""
    extra: list[Mention] = []
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc) or doc[span.end].text not in (",", "("):
            continue
        if doc[span.end].text == "(" and m.text.isupper():
            continue  # "WASHINGTON (AP)": a dateline and its news agency
        j = span.end + 1
        for n in (3, 2, 1):
            toks = doc[j : j + n]
            if len(toks) < n or any(taken[k] for k in range(j, j + n)):
                continue
            text = toks.text
            if not text[:1].isupper():
                continue  # "In B.C., up to 20 centimetres": "UP" is written in capitals
            if not text.endswith(".") and j + n < len(doc) and doc[j + n].text == ".":
                text += "."
            if gaz.abbreviation(text) is not None:
                extra.append(
                    Mention(toks.start_char, toks.end_char, toks.text, "abbreviation", "",
                            "admin1", lookup=text)
                )
                for k in range(j, j + n):
                    taken[k] = True
                break
    found.extend(extra)
    found.sort(key=lambda m: m.start)
