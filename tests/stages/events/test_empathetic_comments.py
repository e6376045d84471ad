"""Condolences and sympathy are CAMEO's empathetic comment (018), coded as PLOVER SUPPORT;
support itself stays 051 (PETRARCH-2's verb dictionary codes EXPRESS/OFFER/EXTEND/VOICE with
CONDOLENCES, SYMPATHY, SORROW as 018)."""

from __future__ import annotations

import pytest
from events_passkit import coded

CASES = [
    ("The Chilean president expressed condolences to Peru after the earthquake.", "018"),
    ("France offered its sympathy to Morocco's government after the floods.", "018"),
    ("Germany expressed support for Ukraine's bid.", "051"),
    ("France offered its support to Morocco's government after the floods.", "051"),
]


@pytest.mark.parametrize(("text", "cameo"), CASES)
def test_condolence_is_an_empathetic_comment_and_support_is_not(text: str, cameo: str) -> None:
    events = [e for e in coded(text) if e.type == "SUPPORT"]
    assert events, text
    assert {e.cameo for e in events} == {cameo}, [(e.cameo, e.source, e.target) for e in events]
