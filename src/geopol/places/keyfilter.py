"""A Bloom filter over the index's lookup keys: a name that no key matches costs no query.

Most names the recogniser looks up are no places (people's and firms' names), and a miss
costs up to three SQLite queries (the name, its squashed and its folded key). The index
stores one filter per key table (``keyfilter``: table, bit count, hash count, bits); a key
the filter does not hold is surely absent, so the output is the same with or without it.
A key it holds is looked up as before (about 1 in 200 absent keys gets through).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

#: Bits per key and hashes per key: about 0.5% of absent keys pass.
BITS_PER_KEY = 12
HASHES = 6


def _hashes(key: str) -> tuple[int, int]:
    d = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
    return int.from_bytes(d[:8], "little"), int.from_bytes(d[8:], "little") | 1


class KeyFilter:
    """Which keys may be in a table (no false "absent")."""

    __slots__ = ("bits", "hashes", "size")

    def __init__(self, bits: bytes, size: int, hashes: int) -> None:
        self.bits = bits
        self.size = size
        self.hashes = hashes

    @classmethod
    def of(cls, keys: Iterable[str], count: int) -> KeyFilter:
        size = max(64, count * BITS_PER_KEY)
        bits = bytearray((size + 7) // 8)
        for key in keys:
            h1, h2 = _hashes(key)
            for i in range(HASHES):
                b = (h1 + i * h2) % size
                bits[b >> 3] |= 1 << (b & 7)
        return cls(bytes(bits), size, HASHES)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        h1, h2 = _hashes(key)
        bits, size = self.bits, self.size
        for i in range(self.hashes):
            b = (h1 + i * h2) % size
            if not bits[b >> 3] & (1 << (b & 7)):
                return False
        return True
