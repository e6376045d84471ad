"""Safe fetching against a real local server: limits, redirects, charsets, refusals."""

from __future__ import annotations

import pytest
from ingest_http import LOCAL, Route, Server

from geopol.errors import FetchError
from geopol.ingest.fetch import check_url, decode_body, fetch


def test_plain_fetch(server: Server) -> None:
    server.routes["/a"] = Route(body=b"hello", etag='"v1"',
                                headers={"Last-Modified": "Mon, 18 Mar 2024 09:00:00 GMT"})
    r = fetch(server.url("/a"), allow_private=LOCAL)
    assert (r.status, r.content, r.content_type, r.charset) == (200, b"hello", "text/html",
                                                                 "utf-8")
    assert r.etag == '"v1"' and r.last_modified == "Mon, 18 Mar 2024 09:00:00 GMT"
    again = fetch(server.url("/a"), allow_private=LOCAL, etag=r.etag)
    assert again.not_modified and again.content == b""


def test_loopback_refused_without_allow_private(server: Server) -> None:
    server.routes["/a"] = Route(body=b"secret")
    with pytest.raises(FetchError, match="private"):
        fetch(server.url("/a"))
    assert server.hits("/a") == 0
    assert fetch(server.url("/a"), allow_private=True).content == b"secret"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "http:///nohost",
    "http://user:pw@example.com/", "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3/", "http://[::1]/", "http://0.0.0.0/", "http://localhost/",
    "http://[::ffff:127.0.0.1]/",
])
def test_refused_urls(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url)


def test_redirect_to_private_address_is_refused(server: Server) -> None:
    for target in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.7/admin",
                   "http://[::1]:8080/", "file:///etc/passwd"):
        server.routes["/r"] = Route(status=302, headers={"Location": target}, content_type=None)
        with pytest.raises(FetchError):
            fetch(server.url("/r"), allow_private=LOCAL, timeout=5)


def test_redirect_followed_and_rechecked(server: Server) -> None:
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"}, content_type=None)
    server.routes["/new"] = Route(body=b"moved")
    r = fetch(server.url("/old"), allow_private=LOCAL)
    assert r.content == b"moved" and r.url.endswith("/new")
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"}, content_type=None)
    with pytest.raises(FetchError, match="redirects"):
        fetch(server.url("/loop"), allow_private=LOCAL)


def test_server_errors(server: Server) -> None:
    server.routes["/500"] = Route(status=500, body=b"boom")
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(server.url("/500"), allow_private=LOCAL)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server.url("/missing"), allow_private=LOCAL)


@pytest.mark.parametrize("send_length", [True, False])
def test_fifty_megabyte_body_is_cut_off(server: Server, send_length: bool) -> None:
    server.routes["/big"] = Route(stream_bytes=50_000_000, send_length=send_length)
    with pytest.raises(FetchError, match=r"too large|larger than"):
        fetch(server.url("/big"), allow_private=LOCAL, max_bytes=10_000_000, timeout=30)


def test_server_that_never_answers_times_out(server: Server) -> None:
    server.routes["/hang"] = Route(hang=True)
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/hang"), allow_private=LOCAL, timeout=1.0)


def test_charsets() -> None:
    text = "Crème brûlée summit in Zürich"
    assert decode_body(text.encode("utf-8"), None) == text
    assert decode_body(text.encode("cp1252"), None) == text  # missing charset: detected
    assert decode_body(text.encode("cp1252"), "utf-8") == text  # wrong charset: detected
    assert decode_body(text.encode("utf-8"), "iso-8859-1") == text  # UTF-8 mislabelled
    assert decode_body(text.encode("cp1252"), "windows-1252") == text
    assert decode_body(text.encode("utf-8"), "no-such-charset") == text
