"""The event coder's data files: one schema-checked loader, user files with ``--triggers``
and ``--factuality`` (docs/cli.md), errors that name the file and the line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from events_passkit import coded, readings

from geopol.errors import DictionaryError
from geopol.events.coder import configure, current
from geopol.events.datafile import SCHEMAS, builtin_text, check, read_data, word_set

TRIGGERS = """\
entries:
  - type: COERCE
    mode: restrict
    verbs: [snub]
"""
CUES = """\
adverbs:
  speculated: [arguably]
"""


@pytest.fixture
def user_files(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    trig, cues = tmp_path / "triggers.yaml", tmp_path / "cues.yaml"
    trig.write_text(TRIGGERS)
    cues.write_text(CUES)
    yield trig, cues
    configure()  # back to the built-ins for the other tests


def test_every_builtin_file_follows_its_schema() -> None:
    for name in SCHEMAS:
        assert check(builtin_text(name), name, SCHEMAS[name])
        assert read_data(name)
    assert "against" in word_set("target_preps")


def test_a_misspelt_key_names_file_and_line() -> None:
    text = "entries:\n  - type: AID\n    verbs: [gift]\n    intransitve: true\n"
    with pytest.raises(DictionaryError, match=r"my\.yaml line 4: .*'intransitve' \(did you mean 'intransitive'\?\)"):
        check(text, "my.yaml", SCHEMAS["triggers.yaml"])


def test_an_unknown_type_names_its_line() -> None:
    text = "entries:\n  - type: AID\n    verbs: [gift]\n  - type: HUG\n    verbs: [hug]\n"
    with pytest.raises(DictionaryError, match=r"line 4: .*unknown PLOVER type 'HUG'"):
        check(text, "my.yaml", SCHEMAS["triggers.yaml"])


def test_a_value_of_the_wrong_shape_is_an_error() -> None:
    with pytest.raises(DictionaryError, match=r"line 1: light_verbs: expected a list of words"):
        check("light_verbs: hold\nentries: []\n", "my.yaml", SCHEMAS["triggers.yaml"])


def test_a_mission_area_must_be_a_list_of_divisions() -> None:
    schema = SCHEMAS["mission_areas.yaml"]
    assert check("areas:\n  UN mission: [North Kivu, South Kivu]\n", "my.yaml", schema)
    with pytest.raises(DictionaryError, match=r"line 2: areas: expected a mapping of keys to lists of words"):
        check("areas:\n  UN mission: North Kivu\n", "my.yaml", schema)


def test_a_factuality_file_may_use_the_builtin_keys_only(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yaml"
    bad.write_text("adverb:\n  speculated: [arguably]\n")
    with pytest.raises(DictionaryError, match=r"cues\.yaml line 1: adverb: unknown key 'adverb' \(did you mean 'adverbs'\?\)"):
        configure(factuality=(str(bad),))
    assert current().factuality == ()  # a bad file changes nothing


def test_user_files_extend_the_coder(user_files: tuple[Path, Path]) -> None:
    text = "France snubbed Italy. Egypt arguably attacked Israel with missiles."
    before = coded(text)
    assert ("COERCE", "FRA", "ITA") not in readings(before)
    configure(triggers=(str(user_files[0]),), factuality=(str(user_files[1]),))
    after = coded(text)
    assert ("COERCE", "FRA", "ITA") in readings(after)
    attack = next(e for e in after if e.type.value == "ASSAULT")
    assert attack.factuality.value == "speculated"


def _geopol(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geopol", *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_code_with_triggers_and_factuality_files(user_files: tuple[Path, Path], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Test\nFrance snubbed Italy. Egypt arguably attacked Israel with missiles.\n")
    trig, cues = user_files
    done = _geopol("code", str(article), "--triggers", str(trig), "--factuality", str(cues))
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert {(e["type"], e["factuality"]) for e in events} >= {("COERCE", "asserted"), ("ASSAULT", "speculated")}
    trig.write_text("entries:\n  - type: COERCE\n    verbz: [snub]\n")
    done = _geopol("code", str(article), "--triggers", str(trig))
    assert done.returncode == 1
    assert f"{trig} line 3: entries: unknown key 'verbz'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_actor_head_nouns_follow_their_schema() -> None:
    # data/actors/heads.yaml is checked by the same checker as the events stage's files
    from importlib import resources

    from geopol.actors.firms import HEADS_SCHEMA, heads

    text = (resources.files("geopol") / "data" / "actors" / "heads.yaml").read_text("utf-8")
    assert check(text, "heads.yaml", HEADS_SCHEMA)
    assert "exchange" in heads().firms or "bourse" in heads().firms
    with pytest.raises(DictionaryError, match=r"line 1: unknown key 'firm_noun'"):
        check("firm_noun: [bank]\n", "my.yaml", HEADS_SCHEMA)
