"""``geopol code`` and ``geopol actors`` as a user runs them, including bad input.

Exit status (documented in docs/cli.md): 0 every input coded, 1 some input skipped with a
message (no traceback), 2 usage error.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Leaders meet in Ankara\n"
    "ANKARA, Turkey (Wire) - Turkish President Recep Tayyip Erdogan hosted Hungarian Prime Minister "
    "Viktor Orban in Ankara on Tuesday, and the two leaders signed an energy agreement.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "geopol", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    files = {
        "empty": b"",
        "binary": bytes(range(256)) * 40,
        "invalid-utf8": b"Headline\nThe minister said \xff\xfe the talks \xc3\x28 went well.\n",
        "non-english": (
            "Gipfeltreffen in Berlin\nDie Regierung hat am Dienstag mit den Nachbarstaaten über die "
            "Zukunft der Energieversorgung gesprochen und einen gemeinsamen Plan vorgelegt, der "
            "in den nächsten Jahren umgesetzt werden soll.\n"
        ).encode(),
        "punctuation": b"!!! ??? ... ,,, ;;; --- ***\n(((( ))))\n",
        "huge": (b"The council met again and discussed the budget at length. " * 360_000),
    }
    out = {}
    for name, data in files.items():
        p = d / f"{name}.txt"
        p.write_bytes(data)
        out[name] = p
    return out


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty", "empty input"),
        ("binary", "binary data"),
        ("invalid-utf8", "not valid UTF-8"),
        ("non-english", "not English"),
        ("punctuation", "no words"),
        ("huge", "too large"),
    ],
)
def test_bad_input_clear_message_no_traceback(
    bad_inputs: dict[str, Path], name: str, message: str
) -> None:
    r = run("code", str(bad_inputs[name]))
    err = r.stderr.decode()
    assert r.returncode == 1, err
    assert message in err
    assert "Traceback" not in err
    assert r.stdout == b""


def test_bad_file_is_skipped_and_the_rest_coded(
    bad_inputs: dict[str, Path], tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    r = run("code", str(bad_inputs["binary"]), str(good), "--published", "2024-03-13")
    assert r.returncode == 1
    events = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert events and all(e["article_path"] == str(good) for e in events)


def test_code_stdin_jsonl_fields() -> None:
    r = run("code", "-", "--published", "2024-03-13", stdin=ARTICLE.encode())
    assert r.returncode == 0, r.stderr.decode()
    events = [json.loads(line) for line in r.stdout.decode().splitlines()]
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert consult, events
    e = consult[0]
    for key in (
        "type",
        "mode",
        "contexts",
        "cameo",
        "cameo_root",
        "quad",
        "goldstein",
        "factuality",
        "source",
        "target",
        "date",
        "location",
        "evidence",
        "confidence",
        "article_id",
    ):
        assert key in e
    assert {a["country"] for a in e["source"]} | {a["country"] for a in e["target"]} >= {
        "TUR",
        "HUN",
    }
    assert e["date"]["value"] == "2024-03-12"


def test_table_and_gdelt_formats(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    table = run("code", str(f), "--format", "table", "--published", "2024-03-13")
    assert table.returncode == 0 and "CONSULT" in table.stdout.decode()
    gdelt = run("code", str(f), "--format", "gdelt", "--published", "2024-03-13")
    rows = [line.split("\t") for line in gdelt.stdout.decode().splitlines()]
    assert rows and all(len(r) == 61 for r in rows)


def test_actors_json(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = run("actors", str(f), "--json", "--published", "2024-03-13")
    assert r.returncode == 0, r.stderr.decode()
    mentions = [json.loads(line) for line in r.stdout.decode().splitlines()]
    codes = {m["code"] for m in mentions}
    assert {"TURGOV", "HUNGOV"} <= codes
    text = ARTICLE.rstrip("\n")
    for m in mentions:
        assert text[m["start"] : m["end"]] == m["text"]


def test_usage_error_exits_2() -> None:
    r = run("code", "--format", "nonsense", "x.txt")
    assert r.returncode == 2


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    r = run("code", str(f), "--model", "no_such_pipeline_xyz")
    assert r.returncode == 1 and "not installed" in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
