"""Reading files and folders: text, Markdown, JSONL, CSV, HTML, metadata index, bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from ingest_http import page

from geopol.errors import BadInput
from geopol.ingest.sources import FieldMap, Skipped, iter_inputs, markdown_to_text, parse_date
from geopol.records import Article

BODY = ("Russian and Chinese officials held talks in Beijing on Monday on energy trade and "
        "regional security, and they agreed to meet again in the spring.")


def articles(items: list[Article | Skipped]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_folder_of_text_and_markdown_with_index(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Talks in Beijing\n{BODY}\n")
    (tmp_path / "b.md").write_text(
        "---\ntitle: Moscow and Beijing meet\ndate: 2024-03-19\nsource: Example Daily\n---\n"
        f"Some **bold** words and a [link](https://example.com/x).\n\n{BODY}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.markdown").write_text(f"# Heading as title\n\n- {BODY}\n")
    (tmp_path / ".hidden.txt").write_text(f"Hidden\n{BODY}")
    (tmp_path / "index.csv").write_text(
        "file,published,url,source\na.txt,2024-03-18,https://wire.example.com/a,Example Wire\n")
    items = list(iter_inputs([tmp_path]))
    assert all(isinstance(i, Article) for i in items), items
    a, b, c = articles(items)
    assert (a.title, a.published, a.url, a.source) == (
        "Talks in Beijing", dt.date(2024, 3, 18), "https://wire.example.com/a", "Example Wire")
    assert a.path == str(tmp_path / "a.txt")
    assert (b.title, b.published, b.source) == ("Moscow and Beijing meet", dt.date(2024, 3, 19),
                                                "Example Daily")
    assert "**" not in b.body and "bold words and a link." in b.body
    assert c.title == "Heading as title" and c.body.startswith("Russian")
    single = list(iter_inputs([tmp_path / "a.txt"]))  # a file named alone still reads the index
    assert isinstance(single[0], Article) and single[0].url == "https://wire.example.com/a"


def test_jsonl_and_csv_with_field_mapping(tmp_path: Path) -> None:
    rows = [{"headline": "Talks", "story": BODY, "day": "2024-03-18", "link": "https://x.org/1"},
            {"headline": "Empty", "story": ""},
            {"headline": "Aid", "story": BODY.replace("talks", "meetings"), "day": "bad"}]
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\nnot json\n[1, 2]\n")
    fields = FieldMap.parse("title=headline,body=story,date=day,url=link")
    items = list(iter_inputs([tmp_path / "c.jsonl"], fields=fields))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article", "Skipped",
                                                  "Skipped"]
    first = items[0]
    assert isinstance(first, Article)
    assert (first.title, first.published, first.url, first.source) == (
        "Talks", dt.date(2024, 3, 18), "https://x.org/1", "x.org")
    assert isinstance(items[1], Skipped) and items[1].where.endswith("c.jsonl:2")
    csv_path = tmp_path / "c.csv"
    csv_path.write_text('title,text,date\nTalks,"' + BODY + '",2024-03-18\n')
    (a,) = iter_inputs([csv_path])
    assert isinstance(a, Article) and a.title == "Talks" and a.body == BODY
    with pytest.raises(BadInput):
        FieldMap.parse("colour=red")


def test_html_file(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(page("Russia and China hold talks", [BODY, BODY[::-1]]))
    (a,) = iter_inputs([tmp_path / "p.html"])
    assert isinstance(a, Article)
    assert a.title == "Russia and China hold talks" and a.body.startswith("Russian")
    assert a.published == dt.date(2024, 3, 18) and "Home" not in a.text


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "de.txt").write_text(
        "Gespräche in Peking\nRussische und chinesische Beamte führten am Montag in Peking "
        "Gespräche über den Energiehandel und die regionale Sicherheit, sagten die Behörden.")
    (tmp_path / "latin1.txt").write_bytes(f"Talks\n{BODY} Café.".encode("latin-1"))
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "ok.txt").write_text(f"Talks\n{BODY}")
    items = list(iter_inputs([tmp_path, tmp_path / "missing.txt"]))
    kinds = {Path(i.where).name if isinstance(i, Skipped) else Path(i.path or "").name:
             type(i).__name__ for i in items}
    assert kinds == {"bin.txt": "Skipped", "de.txt": "Skipped", "empty.txt": "Skipped",
                     "image.png": "Skipped", "latin1.txt": "Skipped", "ok.txt": "Article",
                     "missing.txt": "Skipped"}
    reasons = {Path(i.where).name: i.reason for i in items if isinstance(i, Skipped)}
    assert "not English" in reasons["de.txt"] and "UTF-8" in reasons["latin1.txt"]
    assert "binary" in reasons["bin.txt"] and "no such file" in reasons["missing.txt"]


def test_urls_need_a_fetcher() -> None:
    (item,) = iter_inputs(["https://example.com/feed.xml"])
    assert isinstance(item, Skipped) and "not fetched" in item.reason


def test_helpers() -> None:
    assert parse_date("Mon, 18 Mar 2024 09:00:00 GMT") == dt.date(2024, 3, 18)
    assert parse_date("2024-03-18T09:00:00Z") == dt.date(2024, 3, 18)
    assert parse_date("soon") is None and parse_date(None) is None
    text, meta = markdown_to_text("---\ntitle: [unclosed\n---\n# T\n\nBody `code` here")
    assert meta == {} and text == "T\n\nBody code here"
