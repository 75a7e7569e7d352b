"""What the readings work out from one block's text alone, kept while the rule runs again
on the same page.

A page the rule removed passages from is read again (a removal can bring two copies
together: `Cleaner._run_removing`), and most of its blocks are as they were: their
sentences, the n-grams that come back in them, their sketches are the same. They are
looked up by the block's text (or key), so a block that changed is read afresh; nothing
is kept from one page to the next (the rule's context is made for each page). What is
kept is small next to the page: no n-gram or hash of every place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

from cleaner.dedup.blocking import KeySketches
from cleaner.dedup.sentences import Span, sentence_spans

# A run printed twice in a row is found from a repeated character n-gram of this length.
DOUBLED_GRAM = 4


def repeated_grams(key: str) -> list[tuple[int, str]]:
    """(place, n-gram) of each n-gram of `key` that occurs in it more than once, in order."""
    grams = [key[i:i + DOUBLED_GRAM] for i in range(len(key) - DOUBLED_GRAM + 1)]
    seen_twice = {gram for gram, count in Counter(grams).items() if count > 1}
    if not seen_twice:
        return []
    # The places picked out in C (most are not).
    chosen = list(map(seen_twice.__contains__, grams))
    return list(zip(compress(range(len(grams)), chosen), compress(grams, chosen), strict=True))


@dataclass(slots=True)
class BlockMemo:
    # block text -> (where it was read, its span, its sentences' spans)
    _sentences: dict[str, tuple[int, Span, list[Span]]] = field(default_factory=dict)
    _repeated: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # by block key
    _sketches: dict[str, KeySketches] = field(default_factory=dict)  # by block key

    def sentence_spans(self, text: str, start: int, end: int) -> tuple[Span, list[Span]]:
        """`sentence_spans(text, start, end)`, moved from where the same text was read before."""
        line = text[start:end]
        known = self._sentences.get(line)
        if known is None:
            whole, parts = sentence_spans(text, start, end)
            self._sentences[line] = (start, whole, parts)
            return whole, parts
        was_at, whole, parts = known
        if was_at == start:
            return whole, parts
        shift = start - was_at
        moved = Span(whole.start + shift, whole.end + shift, whole.key, whole.han, whole.quoted)
        if parts[0] is whole:  # one sentence: its own span, as `sentence_spans` makes it
            return moved, [moved]
        return moved, [Span(p.start + shift, p.end + shift, p.key, p.han, p.quoted) for p in parts]

    def repeated_grams(self, key: str) -> list[tuple[int, str]]:
        """`repeated_grams(key)`."""
        known = self._repeated.get(key)
        if known is None:
            known = self._repeated[key] = repeated_grams(key)
        return known

    def sketches(self, key: str) -> KeySketches:
        """The sketches of `key` and of passages in it (`KeySketches`)."""
        known = self._sketches.get(key)
        if known is None:
            known = self._sketches[key] = KeySketches(key)
        return known
