"""The ``stated-alignments`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import parse

from geopol.events.passes.alignments import stated_alignments


def test_an_alignment_stated_outright() -> None:
    got = parse("Russia, Iran and North Korea are seemingly aligning against the United States.")
    stated_alignments(got.ctx)
    (al,) = got.ctx.alignments
    assert {a.country for a in al.members} == {"RUS", "IRN", "PRK"}
    assert al.factuality.value == "speculated"  # "seemingly"
