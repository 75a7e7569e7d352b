"""How alike two passages are, on a 0-100 scale (rapidfuzz), allowing for a changed opener."""

from __future__ import annotations

from itertools import repeat

from rapidfuzz.distance import Indel, LCSseq

from cleaner.dedup.sentences import OPENER, key_of

# A changed opener is discounted only when it is short next to what follows it: list items
# (`一是落实建设补贴，确保…` / `二是加大运营扶持，确保…`) differ in their head, not in an opener.
OPENER_SHARE = 0.4


def ratio(a: str, b: str, cutoff: float = 0.0) -> float:
    """Indel similarity of two keys, 0-100 (rapidfuzz's fuzz.ratio); 0 when below `cutoff`."""
    return 100.0 * Indel.normalized_similarity(a, b, score_cutoff=cutoff / 100.0)


def body_key(text: str, key: str, opener_share: float = OPENER_SHARE) -> str:
    """The key without a short opening clause (`同时，`), or the whole key."""
    match = OPENER.match(text)
    cut = len(key_of(match.group())) if match else 0
    return key[cut:] if 0 < cut < len(key) and cut <= opener_share * (len(key) - cut) else key


def similarity(text_a: str, key_a: str, text_b: str, key_b: str, opener_share: float = OPENER_SHARE,
               cutoff: float = 0.0) -> float:
    """The best of: whole keys, and keys with a short opener left out on either side (0 when
    all are below `cutoff`). `text_a`/`text_b` need only reach past an opener (OPENER_REACH).

    `opener_share` bounds the opener's length against the rest; next to a repeated run
    the evidence is stronger and any opening clause of up to ten characters may differ."""
    best = ratio(key_a, key_b, cutoff)
    if best >= 100.0 or (cutoff > 0 and best >= cutoff):
        return best  # enough: a changed opener cannot matter
    body_a, body_b = body_key(text_a, key_a, opener_share), body_key(text_b, key_b, opener_share)
    if body_a is key_a and body_b is key_b:
        return best
    for left, right in ((body_a, key_b), (key_a, body_b), (body_a, body_b)):
        best = max(best, ratio(left, right, cutoff))
    return best


def suffix_similarity(fragment: str, key: str, cutoff: float = 0.0) -> float:
    """How well `fragment` matches the end of `key` (a column's last lines printed again);
    0 when it is sure to be below `cutoff` (most pairs are nothing alike)."""
    shortest, longest = max(1, len(fragment) - 2), min(len(fragment) + 2, len(key))
    if shortest > longest:
        return 0.0  # no end of `key` to compare
    if cutoff > 0:
        # One comparison bounds all: each end is a suffix of the longest, so it has no longer
        # a common subsequence with `fragment`, and `ratio` is 2 * common / (sum of lengths),
        # largest for the shortest end. Below the cutoff by a margin no rounding can cross,
        # no end reaches it. (Made before the ends are cut: most pairs stop here.)
        common = LCSseq.similarity(fragment, key[-longest:])
        if 200.0 * common < (cutoff - 1e-6) * (len(fragment) + shortest):
            return 0.0
    ends = [key[-size:] for size in range(shortest, longest + 1)]
    # `ratio` of each, in one pass in C: scaling the best is scaling each (rounding is monotone).
    return 100.0 * max(map(Indel.normalized_similarity, repeat(fragment, len(ends)), ends))
