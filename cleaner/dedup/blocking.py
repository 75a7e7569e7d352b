"""Candidate pairs for comparison, in time linear in the text: bottom-k MinHash sketches of
character n-grams, and an index from each sketch value to the passages that carry it.

Comparing every pair of sentences of a long page is quadratic; two copies of a passage
share most of their n-grams, so they share some of their k smallest n-gram hashes (a
bottom-k sketch estimates the Jaccard similarity of the n-gram sets). Only passages that
share a sketch value are compared with rapidfuzz. An n-gram carried by very many
passages (a formula of the paper) says nothing: its posting list stops growing.
"""

from __future__ import annotations

import zlib
from itertools import chain

SHINGLE = 3
SKETCH_SIZE = 8
MAX_POSTING = 24
MAX_CANDIDATES = 6
# Two copies share most of their sketch; two passages that share one value share a
# common trigram, no more (a key too short for two values needs its one).
MIN_SHARED = 2


def sketch(key: str, size: int = SKETCH_SIZE, n: int = SHINGLE) -> tuple[int, ...]:
    """The `size` smallest hashes of the key's character n-grams (deterministic across runs)."""
    if len(key) <= n:
        return (zlib.crc32(key.encode("utf-8")),) if key else ()
    return smallest(gram_hashes(key, n), size)


def gram_hashes(key: str, n: int = SHINGLE) -> list[int]:
    """The hash of the n-gram at each position of `key` (none when it has n characters or fewer).
    A passage inside the key has the hashes of its own n-grams in a slice: a block's hashes,
    made once, give the sketch of each of its sentences without hashing them again."""
    encoded = key.encode("utf-32-le")  # four bytes a character: an n-gram is a fixed slice
    width = 4 * n
    crc32 = zlib.crc32
    return [crc32(encoded[i : i + width]) for i in range(0, len(encoded) - width + 4, 4)]


def smallest(hashes: list[int], size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """The `size` smallest distinct values of `hashes` (32-bit hashes)."""
    count = len(hashes)
    if count > 4 * size:
        # The hashes are about uniform: the smallest `size` are most likely below a bound
        # that about 2 * `size` of them are under. Sort only those; when fewer than `size`
        # distinct values are under it, sort them all. (A set comprehension with a plain
        # comparison: cheaper than `filter(bound.__gt__, ...)`, which calls a method each time.)
        bound = (2 * size << 32) // count
        below = {value for value in hashes if value < bound}
        if len(below) >= size:
            return tuple(sorted(below)[:size])
    return tuple(sorted(set(hashes))[:size])  # faster than heapq.nsmallest at these sizes


def sketch_within(key: str, hashes: list[int], offset: int, size: int = SKETCH_SIZE,
                  n: int = SHINGLE) -> tuple[int, ...]:
    """`sketch(key)` for a key found at `offset` in a longer key whose `gram_hashes` are `hashes`."""
    if len(key) <= n:
        return (zlib.crc32(key.encode("utf-8")),) if key else ()
    return smallest(hashes[offset : offset + len(key) - n + 1], size)


class KeySketches:
    """The sketch of a key and of passages in it, from the key's n-gram hashes (made once:
    a passage's sketch is a slice of them). `release` drops the hashes, so that a long
    page's are never all held at once; the sketches made stay (a passage asked for again
    is looked up), and the hashes are made again should a new passage be asked for."""

    __slots__ = ("_hashes", "_within", "key", "whole")

    def __init__(self, key: str) -> None:
        self.key = key
        self._hashes: list[int] | None = gram_hashes(key)
        self.whole = sketch_within(key, self._hashes, 0)  # `sketch(key)`
        self._within: dict[tuple[int, int], tuple[int, ...]] = {}

    def within(self, passage: str, offset: int) -> tuple[int, ...]:
        """`sketch(passage)` for the passage of the key at `offset` (`sketch_within`)."""
        place = (offset, len(passage))
        known = self._within.get(place)
        if known is None:
            if self._hashes is None:
                self._hashes = gram_hashes(self.key)
            known = self._within[place] = sketch_within(passage, self._hashes, offset)
        return known

    def release(self) -> None:
        self._hashes = None


class SketchIndex:
    """Passages seen so far, found again by the sketch values they share with a new one."""

    __slots__ = ("max_candidates", "max_posting", "postings")

    def __init__(self, max_posting: int = MAX_POSTING, max_candidates: int = MAX_CANDIDATES) -> None:
        self.postings: dict[int, list[int]] = {}
        self.max_posting = max_posting
        self.max_candidates = max_candidates

    def candidates(self, values: tuple[int, ...]) -> list[int]:
        """Passages sharing sketch values with `values`, most shared first (ties: earliest first)."""
        # An item is in a value's posting once: how often it is met is how many values it shares.
        met = list(chain.from_iterable(filter(None, map(self.postings.get, values))))
        least = min(MIN_SHARED, len(values))
        if not met or (least > 1 and len(set(met)) == len(met)):
            return []  # nothing shares enough (most passages: a set says so in C)
        shared: dict[int, int] = {}
        for item in met:  # a handful: cheaper than making a Counter
            shared[item] = shared.get(item, 0) + 1
        # Sorted as (-count, item): most shared first, ties earliest first.
        ranked = sorted([(-count, item) for item, count in shared.items() if count >= least])
        return [item for _, item in ranked[: self.max_candidates]]

    def add(self, item: int, values: tuple[int, ...]) -> None:
        postings, cap = self.postings, self.max_posting  # locals: read once per value otherwise
        for value in values:
            posting = postings.get(value)
            if posting is None:
                postings[value] = posting = []
            if len(posting) < cap:
                posting.append(item)
