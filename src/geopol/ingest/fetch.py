"""Fetching URLs safely: http(s) only, no private addresses, bounded size and time.

Why so strict: ``geopol ingest URL`` and ``geopol watch`` fetch whatever a feed links to,
so a hostile feed must not make geopol read internal services (SSRF), hang forever or fill
memory. Every redirect hop is checked again. Private, loopback, link-local and reserved
addresses are refused unless ``allow_private`` (tests use it for their local server).
Known limit: the address is checked when resolved, and the HTTP client resolves again when it
connects, so a DNS server that answers differently within milliseconds is not caught.
"""

from __future__ import annotations

import contextlib
import dataclasses
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Collection, Iterator, Mapping
from urllib.parse import urljoin, urlsplit

import httpx

from geopol import __version__
from geopol.errors import FetchError
from geopol.ingest.decode import BoundedDecoder, layers

USER_AGENT = f"geopol/{__version__} (+https://pypi.org/project/geopol/)"
MAX_BYTES = 10_000_000
TIMEOUT = 20.0
MAX_REDIRECTS = 5
MAX_TIMEOUT = 3600.0


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    url: str  # final URL after redirects
    status: int
    content: bytes
    content_type: str  # lower-case media type, no parameters
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return _blocked(ip.ipv4_mapped)
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


Allow = bool | Collection[str]


def check_url(url: str, *, allow_private: Allow = False) -> None:
    """Raise FetchError unless ``url`` is http(s) and its host resolves to public addresses.

    ``allow_private`` may be True (any address) or a set of hosts/addresses that are allowed
    although private (e.g. ``{"127.0.0.1"}`` for a local test server).
    """
    if not isinstance(url, str):
        raise FetchError(f"{url!r}: a URL must be text")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:  # "http://[oops/x": Invalid IPv6 URL; "http://h:99999": bad port
        raise FetchError(f"{url}: malformed URL ({exc})") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"{url}: only http and https URLs are fetched")
    if not host:
        raise FetchError(f"{url}: no host in URL")
    if parts.username or parts.password:
        raise FetchError(f"{url}: credentials in URLs are not accepted")
    if allow_private is True:
        return
    allowed = set() if allow_private is False else {h.lower() for h in allow_private}
    if host.lower() in allowed:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"{url}: cannot resolve host {host!r}") from exc
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if _blocked(ip) and str(ip) not in allowed:
            raise FetchError(
                f"{url}: {host} resolves to a private or reserved address ({ip}); "
                "pass --allow-private to fetch it"
            )


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return parts[0].lower(), charset


def _read_body(r: httpx.Response, current: str, max_bytes: int, deadline: float,
               url: str, timeout: float) -> list[bytes]:
    """The decoded body, counted while it is inflated (see ``decode``), within the deadline."""
    try:
        decoder = BoundedDecoder(layers(r.headers.get("content-encoding")), max_bytes)
        chunks: list[bytes] = []
        for raw in r.iter_raw():
            chunks.extend(decoder.feed(raw))
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out after {timeout:.0f} s")
        chunks.extend(decoder.finish())
    except FetchError as exc:
        raise FetchError(f"{current}: {exc}") from None
    return chunks


class HostLimits:
    """At most ``per_host`` requests at a time to one site (host and port), across threads."""

    def __init__(self, per_host: int = 2) -> None:
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextlib.contextmanager
    def slot(self, url: str) -> Iterator[None]:
        try:
            parts = urlsplit(url)
            host = f"{(parts.hostname or '').lower()}:{parts.port or parts.scheme}"
        except ValueError:
            host = ""
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with sem:
            yield


def fetch(
    url: str,
    *,
    allow_private: Allow = False,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    etag: str | None = None,
    last_modified: str | None = None,
    headers: Mapping[str, str] | None = None,
    client: httpx.Client | None = None,
) -> Response:
    """GET ``url`` within ``timeout`` seconds in all and ``max_bytes`` of body.

    Sends ``If-None-Match``/``If-Modified-Since`` when given (a 304 comes back as a Response
    with ``not_modified``). Any other status >= 400 raises FetchError.
    """
    if not (0 < timeout <= MAX_TIMEOUT):  # also refuses NaN and inf (a Timer cannot wait inf)
        raise FetchError(f"timeout {timeout!r}: give seconds between 0 and {MAX_TIMEOUT:.0f}")
    if max_bytes <= 0:
        raise FetchError(f"max_bytes {max_bytes!r}: give a positive size")
    deadline = time.monotonic() + timeout
    req_headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        req_headers["If-None-Match"] = etag
    if last_modified:
        req_headers["If-Modified-Since"] = last_modified
    req_headers.update(headers or {})
    own = client is None
    http = client or httpx.Client(follow_redirects=False, trust_env=False)
    # httpx times each read, not the whole request: a server dripping its headers a byte at a
    # time would hold us forever. The watchdog closes our own client at the deadline.
    watchdog = threading.Timer(timeout, http.close) if own else None
    if watchdog is not None:
        watchdog.daemon = True
        watchdog.start()
    try:
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(current, allow_private=allow_private)
            left = deadline - time.monotonic()
            if left <= 0:
                raise FetchError(f"{url}: timed out after {timeout:.0f} s")
            t = httpx.Timeout(min(left, timeout), connect=min(left, 10.0))
            try:
                with http.stream("GET", current, headers=req_headers, timeout=t) as r:
                    if r.status_code in (301, 302, 303, 307, 308):
                        location = r.headers.get("location")
                        if not location:
                            raise FetchError(f"{current}: redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if r.status_code == 304:
                        return Response(
                            url=current, status=304, content=b"", content_type="",
                            charset=None, etag=r.headers.get("etag") or etag,
                            last_modified=r.headers.get("last-modified") or last_modified,
                        )
                    if r.status_code >= 400:
                        raise FetchError(f"{current}: HTTP {r.status_code}")
                    declared = r.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(
                            f"{current}: body too large ({int(declared) / 1e6:.1f} MB; "
                            f"limit {max_bytes / 1e6:.1f} MB)"
                        )
                    chunks = _read_body(r, current, max_bytes, deadline, url, timeout)
                    media, charset = _media_type(r.headers.get("content-type"))
                    return Response(
                        url=current,
                        status=r.status_code,
                        content=b"".join(chunks),
                        content_type=media,
                        charset=charset,
                        etag=r.headers.get("etag"),
                        last_modified=r.headers.get("last-modified"),
                    )
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current}: timed out ({type(exc).__name__})") from exc
            except (httpx.HTTPError, OSError, RuntimeError) as exc:
                if time.monotonic() >= deadline:
                    raise FetchError(f"{url}: timed out after {timeout:.0f} s") from exc
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from exc
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    finally:
        if watchdog is not None:
            watchdog.cancel()
        if own:
            http.close()


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or XML declaration names in the first 4 KB."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


def decode_body(data: bytes, charset: str | None) -> str:
    """Text of a body. Valid UTF-8 wins over a declared charset (servers often mislabel
    UTF-8 as Latin-1); then the header's charset, then the document's own, then
    Windows-1252 (what English pages that are not UTF-8 almost always are), then detection."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for candidate in (charset, sniff_charset(data), "cp1252"):
        if candidate:
            try:
                return data.decode(candidate)
            except (LookupError, ValueError):  # ValueError: a charset name with NUL
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")
