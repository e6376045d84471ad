"""Content-Encoding decoded in bounded steps, so a compression bomb never fills memory.

Why not the HTTP client's decoder: it inflates each received chunk whole, so 1 KB of
``Content-Encoding: gzip, gzip`` can become 512 MiB before any size check runs. Here every
layer inflates at most ``STEP`` bytes at a time and the decoded size is counted as it grows,
so the limit stops the body at ``max_bytes`` plus one step, whatever the encodings stacked.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence

from geopol.errors import FetchError

#: Largest piece one layer produces at a time.
STEP = 64 * 1024
#: Most encodings accepted on one response (``gzip, gzip`` is two).
MAX_LAYERS = 2
KNOWN = ("gzip", "x-gzip", "deflate", "identity")


class _Inflate:
    """One gzip or deflate layer, fed compressed bytes, yielding bounded pieces."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.raw_deflate = False
        self.started = False
        self.d = self._new()

    def _new(self) -> zlib._Decompress:
        if self.kind == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if self.raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        buf = data
        while buf:
            try:
                out = self.d.decompress(buf, STEP)
            except zlib.error as exc:
                if self.kind == "deflate" and not self.started and not self.raw_deflate:
                    self.raw_deflate = True  # servers that send deflate without the zlib header
                    self.d = self._new()
                    continue
                raise FetchError(f"cannot decode {self.kind} body ({exc})") from exc
            self.started = True
            buf = self.d.unconsumed_tail
            if self.d.eof and self.d.unused_data:  # concatenated gzip members
                buf = self.d.unused_data + buf
                self.d = self._new()
            if out:
                yield out

    def finish(self) -> Iterator[bytes]:
        out = self.d.flush(STEP)
        if out:
            yield out


def layers(header: str | None) -> list[str]:
    """The encodings of a ``Content-Encoding`` header in the order to undo them."""
    names = [p.strip().lower() for p in (header or "").split(",") if p.strip()]
    names = [n for n in names if n != "identity"]
    unknown = [n for n in names if n not in KNOWN]
    if unknown:
        raise FetchError(f"unsupported Content-Encoding {unknown[0]!r}")
    if len(names) > MAX_LAYERS:
        raise FetchError(f"{len(names)} stacked Content-Encodings; at most {MAX_LAYERS}")
    return list(reversed(names))


class BoundedDecoder:
    """Undo ``encodings`` over a stream of raw chunks, refusing more than ``max_bytes``."""

    def __init__(self, encodings: Sequence[str], max_bytes: int) -> None:
        self.stack = [_Inflate("deflate" if e == "deflate" else "gzip") for e in encodings]
        self.max_bytes = max_bytes
        self.size = 0
        self.raw = 0

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i == len(self.stack):
            yield data
            return
        for piece in self.stack[i].feed(data):
            yield from self._through(i + 1, piece)

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.max_bytes:
            raise FetchError(
                f"body larger than the {self.max_bytes / 1e6:.1f} MB limit once decoded"
            )
        return piece

    def feed(self, raw: bytes) -> list[bytes]:
        self.raw += len(raw)
        if self.raw > self.max_bytes:
            raise FetchError(f"body larger than the {self.max_bytes / 1e6:.1f} MB limit")
        return [self._count(p) for p in self._through(0, raw)]

    def finish(self) -> list[bytes]:
        out: list[bytes] = []
        for i, layer in enumerate(self.stack):
            for piece in layer.finish():
                out.extend(self._count(p) for p in self._through(i + 1, piece))
        return out
