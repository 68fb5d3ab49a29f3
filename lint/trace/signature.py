"""Band keys of a paragraph for candidate retrieval (MinHash with locality-sensitive hashing).

A paragraph's shingles are its pairs of consecutive words (:func:`.similarity.bigrams` of
its words). Each shingle is hashed once (CRC-32, stable across processes and machines) and
falls in one of :data:`BINS` bins by its hash; the smallest hash of each bin is the bin's
value (one-permutation MinHash). An empty bin borrows the value of the next filled bin to
its right, with the distance, so that every bin has a value and equal sets give equal
signatures. Bins are grouped :data:`ROWS` at a time into bands; a band's key is a 63-bit
number made of its index and its values. Two paragraphs whose shingle sets have Jaccard
index ``J`` share a given band with probability about ``J ** ROWS``, so at least one of
the ``BINS / ROWS`` bands with probability ``1 - (1 - J ** ROWS) ** (BINS / ROWS)``:
0.99 at J = 0.5, 0.88 at J = 0.35, 0.15 at J = 0.1.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

from .similarity import bigrams
from .text import words

BINS = 32
ROWS = 2
_MASK = (1 << 63) - 1


def band_keys(tokens: Sequence[str]) -> list[int]:
    """The band keys of a paragraph's tokens (empty for a paragraph without words)."""
    shingles = set(bigrams(words(list(tokens))))
    if not shingles:
        return []
    slots: list[int | None] = [None] * BINS
    for s in shingles:
        h = zlib.crc32(s.encode("utf-8"))
        b = h % BINS
        v = slots[b]
        if v is None or h < v:
            slots[b] = h
    filled = [i for i, v in enumerate(slots) if v is not None]
    values: list[int] = []
    for i in range(BINS):
        v = slots[i]
        if v is None:
            j = next((k for k in filled if k > i), filled[0])
            v = ((slots[j] or 0) + ((j - i) % BINS) * 0x9E3779B1) & 0xFFFFFFFF
        values.append(v)
    keys = []
    for band in range(BINS // ROWS):
        k = band + 1
        for v in values[band * ROWS:(band + 1) * ROWS]:
            k = (k * 0x100000001B3 ^ v) & _MASK
        keys.append(k)
    return keys
