"""What the readings work out from one block's text alone, kept while the rule runs again
on the same page.

A page the rule removed passages from is read again (a removal can bring two copies
together: `Cleaner._run_removing`), and most of its blocks are as they were: their
sentences, their character n-grams and their n-gram hashes are the same. They are
looked up by the block's text (or key), so a block that changed is read afresh; nothing
is kept from one page to the next (the rule's context is made for each page).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleaner.dedup.blocking import gram_hashes, sketch_within
from cleaner.dedup.sentences import Span, sentence_spans

# A run printed twice in a row is found from a repeated character n-gram of this length.
DOUBLED_GRAM = 4


@dataclass(slots=True)
class BlockMemo:
    # block text -> (where it was read, its span, its sentences' spans)
    _sentences: dict[str, tuple[int, Span, list[Span]]] = field(default_factory=dict)
    # block key -> (its n-grams, those that come back)
    _grams: dict[str, tuple[list[str], set[str]]] = field(default_factory=dict)
    # block key -> (its n-gram hashes, its sketch)
    _hashes: dict[str, tuple[list[int], tuple[int, ...]]] = field(default_factory=dict)

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

    def doubled_grams(self, key: str) -> tuple[list[str], set[str]]:
        """The n-grams of `key` at each place, and those that occur more than once."""
        known = self._grams.get(key)
        if known is None:
            grams = [key[i:i + DOUBLED_GRAM] for i in range(len(key) - DOUBLED_GRAM + 1)]
            known = self._grams[key] = (grams, {gram for gram, count in Counter(grams).items() if count > 1})
        return known

    def hashes(self, key: str) -> tuple[list[int], tuple[int, ...]]:
        """`gram_hashes(key)` and the sketch they make (`sketch_within(key, hashes, 0)`)."""
        known = self._hashes.get(key)
        if known is None:
            hashes = gram_hashes(key)
            known = self._hashes[key] = (hashes, sketch_within(key, hashes, 0))
        return known
