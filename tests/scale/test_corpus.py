"""Corpus readers: every input format gives the same articles as reading the text files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geopol.errors import BadInput
from geopol.records import Article
from geopol.scale.corpus import discover, plan, read_batch
from geopol.text.reader import read_text_file


def _articles(folder: Path) -> list[Article]:
    return [read_text_file(p) for p in sorted(folder.rglob("[0-9]*.txt"))]


def _records(articles: list[Article]) -> list[dict[str, str | None]]:
    return [
        {"title": a.title, "body": a.body, "published": f"2024-03-{i + 1:02d}", "url": f"u{i}"}
        for i, a in enumerate(articles)
    ]


def _read_all(inputs: list[str], batch_size: int) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    skipped: list[str] = []
    for batch in plan(inputs, batch_size):
        got, bad = read_batch(batch)
        articles += got
        skipped += bad
    return articles, skipped


def test_folder_finds_text_files_only_and_keeps_path_spelling(corpus: Path) -> None:
    sources = discover([str(corpus)])
    names = [Path(s.url).name for s in sources]
    assert "README.TXT" not in names
    assert sorted(names) == sorted([*(f"{i:03d}.txt" for i in range(1, 13)), "empty.txt"])
    assert all(s.format == "text" and s.url.startswith(str(corpus)) for s in sources)


def test_folder_batches_read_like_read_text_file(corpus: Path) -> None:
    articles, skipped = _read_all([str(corpus)], batch_size=5)
    expected = _articles(corpus)
    assert sorted(a.id for a in articles) == sorted(a.id for a in expected)
    assert {a.path for a in articles} == {a.path for a in expected}
    assert len(skipped) == 1 and "empty.txt" in skipped[0]


def test_plan_is_stable_and_covers_every_input_once(corpus: Path) -> None:
    first, again = plan([str(corpus)], 5), plan([str(corpus)], 5)
    assert [b.id for b in first] == [b.id for b in again]
    assert [b.size for b in first] == [5, 5, 3]
    assert len({u for b in first for u in b.urls}) == 13
    assert {b.id for b in plan([str(corpus)], 4)}.isdisjoint(b.id for b in first)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_record_formats_give_the_same_articles(corpus: Path, tmp_path: Path, fmt: str) -> None:
    expected = _articles(corpus)
    records = _records(expected)
    path = tmp_path / f"news.{fmt}"
    if fmt == "jsonl":
        lines = [json.dumps(r) for r in records]
        lines.insert(3, "")  # blank lines are not records
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
    else:
        pq.write_table(pa.Table.from_pylist(records), path, row_group_size=5)
    articles, skipped = _read_all([str(path)], batch_size=5)
    assert skipped == []
    assert [a.id for a in articles] == [a.id for a in expected]
    assert [a.published.isoformat() if a.published else None for a in articles] == [
        r["published"] for r in records
    ]
    assert articles[0].url == "u0" and articles[4].path == f"{path}:4"


def test_text_field_alone_has_the_headline_first(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    text = (
        "Chile recalls envoy\nChile recalled its ambassador to Peru after a dispute over fishing."
    )
    path.write_text(json.dumps({"text": text}) + "\nnot json\n" + json.dumps({"x": 1}) + "\n")
    articles, skipped = _read_all([str(path)], batch_size=10)
    assert [a.title for a in articles] == ["Chile recalls envoy"]
    assert len(skipped) == 2
    assert "not JSON" in skipped[0] and f"{path}:1" in skipped[0]
    assert "no text" in skipped[1]


def test_fsspec_urls_and_globs(corpus: Path) -> None:
    fs = fsspec.filesystem("memory")
    for p in sorted((corpus / "world").glob("*.txt")):
        fs.pipe(f"/news/{p.name}", p.read_bytes())
    articles, _ = _read_all(["memory://news"], batch_size=4)
    assert sorted(a.id for a in articles) == sorted(a.id for a in _articles(corpus / "world"))
    assert all(a.path and a.path.startswith("memory://") for a in articles)
    globbed = discover([f"{corpus}/*/00[1-3].txt"])
    assert [Path(s.url).name for s in globbed] == ["001.txt", "002.txt", "003.txt"]
    fs.rm("/news", recursive=True)


def test_bad_inputs_are_reported(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        plan([str(tmp_path / "missing")])
    (tmp_path / "data.xml").write_text("<x/>")
    with pytest.raises(BadInput, match="unknown input format"):
        plan([str(tmp_path / "data.xml")])
    with pytest.raises(BadInput, match="no files match"):
        plan([str(tmp_path / "*.jsonl")])
