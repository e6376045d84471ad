"""RSS, Atom and OPML parsing that refuses DTD tricks before any parser sees the bytes.

Why a pre-check: feedparser is lenient by design, and a lenient parser is where entity
expansion bombs and external entities (XXE) get in. Any document declaring entities or an
external DTD is rejected with defusedxml; only then does feedparser read it. Malformed XML
without such declarations is still read as far as feedparser can (real feeds are often
slightly broken), and a feed with nothing readable raises BadInput.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import datetime as dt
import re
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from geopol.errors import BadInput

#: Content at least this long is taken as the full article (no page fetch).
FULL_CONTENT = 200
_ENTITY_DECL = re.compile(rb"<!ENTITY|<!DOCTYPE[^>]*\b(SYSTEM|PUBLIC)\b", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    key: str  # the entry's id, else its link, else its title
    title: str
    link: str | None
    text: str  # content or summary as plain text
    full: bool = False  # the text is the entry's full content, not a summary
    published: dt.date | None


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Feed:
    title: str
    entries: list[Entry]


def looks_like_xml(data: bytes) -> bool:
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<opml", b"<rdf"))


_ENTITY_TEXT = re.compile(r"<!ENTITY|<!DOCTYPE[^>]*\b(SYSTEM|PUBLIC)\b", re.IGNORECASE)
#: First bytes of an XML document in encodings that are not ASCII-compatible (XML 1.0, F.1).
_SIGNATURES = [
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp037"),  # "<?xm" in EBCDIC
]
_DECLARED = re.compile(r"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")


def _views(data: bytes) -> list[str]:
    """The document as text in every encoding a parser might read it in: the one its first
    bytes show, and the one its XML declaration names. An entity declaration hidden by an
    encoding (UTF-32, EBCDIC, UTF-7) is visible in one of them."""
    head = data[:4]
    first = next((codec for sig, codec in _SIGNATURES if head.startswith(sig)), "latin-1")
    views = [data.decode(first, errors="replace")]
    m = _DECLARED.search(views[0][:1024])
    if m:
        # an unknown encoding: no parser reads the document in it either
        with contextlib.suppress(LookupError, ValueError):
            views.append(data.decode(m.group(1), errors="replace"))
    return views


def check_safe_xml(data: bytes, *, name: str = "feed") -> None:
    """Raise BadInput if the document declares entities or an external DTD, in whatever
    encoding it is written."""
    if _ENTITY_DECL.search(data) or any(_ENTITY_TEXT.search(v) for v in _views(data)):
        raise BadInput(f"{name}: declares XML entities or an external DTD; refused")
    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BadInput(f"{name}: unsafe XML ({type(exc).__name__}); refused") from exc
    except SafeET.ParseError:
        pass  # malformed but harmless: feedparser reads what it can


_BLOCK_END = re.compile(r"(?i)</(p|div|li|h[1-6]|blockquote|tr)>|<br\s*/?>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed's content), one line per block."""
    if "<" not in html:
        return html.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(_BLOCK_END.sub("\n", html), create_parent="div")
    except (ParserError, ValueError, AssertionError):  # lxml asserts on e.g. two <body> tags
        return ""
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def parse_feed(data: bytes, *, url: str = "feed", content_type: str | None = None) -> Feed:
    check_safe_xml(data, name=url)
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True,
                              resolve_relative_uris=False)
    if not parsed.entries and parsed.get("bozo"):
        raise BadInput(f"{url}: not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
    entries = []
    for e in parsed.entries:
        content = ""
        if e.get("content"):
            content = " ".join(c.get("value", "") for c in e["content"])
        body = html_fragment_text(content or e.get("summary", "") or "")
        title = (e.get("title") or "").strip()
        link = e.get("link") or None
        key = e.get("id") or link or title
        if not key:
            continue
        entries.append(
            Entry(key=str(key), title=title, link=link, text=body, published=_date(e),
                  full=bool(content) and len(body) >= FULL_CONTENT)
        )
    feed_title = (parsed.feed.get("title") or "").strip() if parsed.get("feed") else ""
    return Feed(title=feed_title, entries=entries)


def parse_opml(data: bytes, *, name: str = "opml") -> list[str]:
    """Feed URLs (``xmlUrl``) listed in an OPML document, in order, without repeats."""
    check_safe_xml(data, name=name)
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                 forbid_external=True)
    except (DefusedXmlException, SafeET.ParseError) as exc:
        raise BadInput(f"{name}: not a readable OPML file ({exc})") from exc
    urls: list[str] = []
    for node in root.iter("outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if url and url.strip() and url.strip() not in urls:
            urls.append(url.strip())
    return urls
