"""Reading articles from plain text, with the checks bad input needs.

A plain-text file is the headline on its first line and the body after it. Input that
cannot be coded raises BadInput with a message a user can act on; the CLI prints it and
exits with status 1 (or skips the file when coding many).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import BinaryIO

from geopol.errors import BadInput, NotEnglish
from geopol.records import Article
from geopol.text.language import detect

#: Largest article accepted, in bytes. Longer texts are almost always dumps, not articles.
MAX_BYTES = 5_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_limited(source: str | Path | BinaryIO, *, limit: int = MAX_BYTES,
                 name: str | None = None) -> bytes:
    """At most ``limit`` bytes of a file or stream; BadInput if there are more.

    Reads ``limit + 1`` bytes and no more, so ``/dev/zero`` or ``yes |`` cannot grow memory.
    """
    label = name or str(getattr(source, "name", source))
    if isinstance(source, (str, Path)):
        try:
            with open(source, "rb") as fh:
                data = fh.read(limit + 1)
        except IsADirectoryError as exc:
            raise BadInput(f"{label}: is a directory") from exc
        except OSError as exc:
            raise BadInput(f"{label}: cannot read ({exc.strerror})") from exc
    else:
        data = source.read(limit + 1)
    if len(data) > limit:
        raise BadInput(
            f"{label}: too large (over {limit / 1e6:.0f} MB, the limit); split it first"
        )
    return data


def check_nul(text: str, name: str) -> None:
    if "\x00" in text:
        raise BadInput(f"{name}: NUL character at offset {text.index(chr(0))}: binary data, "
                       "not text")


def decode(data: bytes, *, name: str = "input") -> str:
    if not data.strip():
        raise BadInput(f"{name}: empty input, nothing to code")
    if len(data) > MAX_BYTES:
        raise BadInput(
            f"{name}: too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)"
        )
    if b"\x00" in data:  # the whole text, not a prefix: a NUL deep in a file is still binary
        raise BadInput(f"{name}: binary data (NUL byte at offset {data.index(0)}), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{name}: not valid UTF-8 (byte {exc.start}); convert it first, e.g. with iconv"
        ) from exc
    if len(_CONTROL.findall(text[:8192])) > 0.05 * min(len(text), 8192):
        raise BadInput(f"{name}: binary data (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(
    text: str,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
    check_language: bool = True,
) -> Article:
    """An Article from text: without ``title``, the first line is the headline."""
    if title is None:
        head, _, body = text.strip("\n").partition("\n")
        title, body = head.strip(), body.strip("\n")
    else:
        body = text
    check_nul(title, path or "input")
    check_nul(body, path or "input")
    if not re.search(r"[^\W\d_]", title + body):
        raise BadInput(f"{path or 'input'}: no words in the text, nothing to code")
    lang = detect(f"{title}\n{body}")
    if check_language and lang != "en":
        raise NotEnglish(
            f"{path or 'input'}: not English text (geopol codes English only); skipped"
        )
    return Article(
        title=title,
        body=body,
        published=published,
        url=url,
        source=source,
        path=path,
        language=lang,
    )


def read_text_file(path: str | Path, *, published: dt.date | None = None) -> Article:
    p = Path(path)
    data = read_limited(p, name=str(p))
    return article_from_text(decode(data, name=str(p)), published=published, path=str(p))
