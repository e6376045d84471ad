"""Names beside a place's division: state abbreviations written after a place
("Wainwright, Alta.", "Louisville (KY)") and names NER missed before ", Region"
("near Avdiivka, Donetsk")."""

from __future__ import annotations

from spacy.tokens import Doc

from geopol.places.afterprep import entity_label
from geopol.places.gazetteer import ALIAS, PRIMARY, Gazetteer
from geopol.places.links import after_locative
from geopol.places.mislabelled import is_name_token
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


def before_region(
    doc: Doc, gaz: Gazetteer, found: list[Mention], taken: list[bool], blocked: list[bool]
) -> None:
    """ "near Avdiivka, Donetsk": a name NER missed, written before ", Region", is a place
    when the gazetteer has a town or district of that name in that region."""
    extra: list[Mention] = []
    for m in found:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start < 2 or doc[span.start - 1].text != ",":
            continue
        regions = [c for c in gaz.lookup(m.lookup or m.text)
                   if c.kind in (PRIMARY, ALIAS) and c.precision in ("admin1", "admin2", "country")]
        if not regions:
            continue
        end = span.start - 1
        for n in (3, 2, 1):
            toks = doc[max(0, end - n) : end]
            if len(toks) < n or any(taken[k] for k in range(toks.start, end)):
                continue
            if any(blocked[k] for k in range(toks.start, end)) and not entity_label(
                doc, toks.start, end
            ):
                continue  # part of a person's or organisation's name
            if not all(is_name_token(t) for t in toks) or toks[0].is_sent_start:
                continue
            if any(
                (c.kind in (PRIMARY, ALIAS) or c.pop >= 5_000) and c.fclass in ("P", "A")
                and any(r.cc == c.cc and (r.precision == "country" or r.admin1 == c.admin1)
                        for r in regions)
                for c in gaz.lookup(toks.text)
            ) or after_locative(doc, toks.start, regions):
                extra.append(Mention(toks.start_char, toks.end_char, toks.text, "gazetteer", "",
                                     lookup=toks.text))
                for k in range(toks.start, end):
                    taken[k] = True
                break
    found.extend(extra)
    found.sort(key=lambda m: m.start)
