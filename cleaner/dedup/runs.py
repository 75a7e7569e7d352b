"""The sentence reading: sentences that repeat earlier ones, followed as runs.

The page's body is read as one sequence of sentences. A sentence the layout split over
two blocks (a column edge taken for a paragraph end) is read as one sentence made of
two parts. A sentence of at least `min_chars` Han characters that is as alike as the
threshold to an earlier one starts a repeat; the run is then followed to the
neighbours whose kept counterparts are neighbours too, whatever their length (a short
sentence inside a repeated run is part of it). The first sentence of a block may repeat
the end of the block before it (a column's last lines printed again at the head of the
next); being adjacent, it needs only `min_adjacent_chars`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from cleaner.dedup.blocking import KeySketches, SketchIndex, sketch
from cleaner.dedup.sentences import (
    CLOSERS,
    OPENER_REACH,
    SENTENCE_ENDS,
    Span,
    key_of,
    key_positions,
    quoted_han,
    sentence_spans,
)
from cleaner.dedup.similarity import body_key, similarity, suffix_similarity

# How many sentences at the head of a block may repeat the end of the block before.
HEAD_SENTENCES = 3
# A copy with other text glued before or after it starts a repeat only when it is this
# many times `min_chars` long (a shorter formula may end a longer sentence on purpose).
GLUED_FACTOR = 2
# A copy may be longer than the kept one by this much (misread or doubled characters), no more.
LONGER_BY, LONGER_SHARE = 2, 0.05
# Inside a repeated run a changed opener may be half as long as what follows it (list
# items, `三是健全应急处置，确保取得实效。`, differ in a head longer than that).
RUN_OPENER_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Found:
    """text[start:end] (one part of a removed sentence) repeats text[kept_start:kept_end]."""

    start: int
    end: int
    kept_start: int
    kept_end: int
    level: str
    score: float


@dataclass(slots=True)
class Sentence:
    position: int  # in the page's sequence of sentences
    line: int  # the body block its first part is in
    starts_block: bool
    parts: list[tuple[int, int]]
    span: Span  # start of the first part to end of the last; key and counts of the parts
    values: tuple[int, ...]  # the sketch of the key

    @property
    def quotation(self) -> bool:
        return self.span.quoted * 2 >= self.span.han > 0


@dataclass(slots=True)
class Match:
    kept: Sentence
    score: float
    level: str
    kept_end: int | None = None  # where the kept copy ends, when it runs past `kept`
    # Only part of the sentence is the copy: its first (> 0) or last (< 0) so many key characters.
    glued: int = 0


def read_sentences(text: str, body: list[Span], removed: list[tuple[int, int]], runs_on: list[bool],
                   block_sketches: dict[int, tuple[int, ...]] | None = None,
                   line_sentences: dict[int, list[Span]] | None = None,
                   sketcher: Callable[[str], KeySketches] = KeySketches) -> list[Sentence]:
    """The body's sentences in order; parts already removed are left out. An unfinished
    sentence at the end of a block continues in the next when `runs_on` says the block
    may run on (a paragraph, not a subhead). `body`: spans made by `make_span` (or
    `sentence_spans`, whose sentences `line_sentences` holds by block start, if given). The
    sketch of each block read is put in `block_sketches` (by block start), if given:
    it comes from the n-gram hashes made for the block's sentences anyway. `sketcher`
    gives a block key's sketches (`BlockMemo.sketches` has those of an earlier reading)."""
    sentences: list[Sentence] = []
    pending: Sentence | None = None
    previous_end = -1
    for number, line in enumerate(body):
        pieces = line_sentences.get(line.start) if line_sentences is not None else None
        if pieces is None:
            pieces = sentence_spans(text, line.start, line.end)[1]
        if overlaps(removed, line.start, line.end):
            pieces = [piece for piece in pieces if not overlaps(removed, piece.start, piece.end)]
        if pending is not None and (not pieces or text[previous_end:pieces[0].start].strip()):
            sentences.append(pending)  # something stands between: no sentence runs over the break
            pending = None
        # The block's n-gram hashes, made once: each sentence's sketch is a slice of them
        # (and the block's own sketch is all of them). Dropped with the block: a long
        # page's hashes are never all held at once.
        sketches = sketcher(line.key) if pieces else None
        block_values = sketches.whole if sketches is not None else None
        if block_sketches is not None and block_values is not None:
            block_sketches[line.start] = block_values
        # Where each piece's key starts in the block's key: `offset`, the length of the key
        # of text[line.start:keyed_to] (kept up to date: no key made again from the start).
        keyed_to, offset = line.start, 0
        for order, piece in enumerate(pieces):
            start, end = piece.start, piece.end
            if start > keyed_to:  # a removed sentence before this one
                offset += len(key_of(text[keyed_to:start]))
            if pending is not None:
                first = pending.span
                span = Span(first.start, end, first.key + piece.key, first.han + piece.han,
                            quoted_han(text[first.start:end]))
                current = Sentence(0, pending.line, pending.starts_block, [*pending.parts, (start, end)], span,
                                   sketch(span.key))
                pending = None
            else:
                assert sketches is not None and block_values is not None  # made for a block with pieces
                current = Sentence(0, number, order == 0, [(start, end)], piece,
                                   block_values if piece is line else sketches.within(piece.key, offset))
            offset, keyed_to = offset + len(piece.key), end
            if order == len(pieces) - 1 and runs_on[number] and not _terminated(text[start:end]):
                pending = current
            else:
                sentences.append(current)
        if sketches is not None:
            sketches.release()
        previous_end = line.end
    if pending is not None:
        sentences.append(pending)
    for position, sentence in enumerate(sentences):
        sentence.position = position
    return sentences


def overlaps(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of `intervals` (sorted, not overlapping each other)."""
    after = bisect_right(intervals, (start, start))
    return (after < len(intervals) and intervals[after][0] < end) or (after > 0 and intervals[after - 1][1] > start)


def _terminated(piece: str) -> bool:
    stripped = piece.rstrip()
    return bool(stripped) and (stripped[-1] in SENTENCE_ENDS or stripped[-1] in CLOSERS)


def repeated_sentences(text: str, sentences: list[Sentence], paired: dict[int, int], min_chars: int,
                       min_adjacent_chars: int, threshold: float) -> list[Found]:
    """The removed parts. `paired` maps a body block to the earlier block it repeats as a whole:
    its sentences are first matched to that block's, whatever their length."""
    matches: dict[int, Match] = {}
    index = SketchIndex()
    by_line: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_line.setdefault(sentence.line, []).append(sentence)
    for sentence in sentences:
        values = sentence.values
        if sentence.position in matches:
            continue
        if sentence.line in paired and sentence.span.key:
            match = _best(text, sentence, by_line.get(paired[sentence.line], []), threshold, "paragraph")
            if match is not None:
                matches[sentence.position] = match
                continue
        if sentence.starts_block:
            matches.update(_repeated_head(text, sentence, sentences, by_line, min_adjacent_chars, threshold))
            if sentence.position in matches:
                continue
        if not sentence.quotation:
            match = None
            if sentence.span.han >= min_chars:
                candidates = [sentences[i] for i in index.candidates(values)]
                match = _best(text, sentence, candidates, threshold)
                if match is None and sentence.span.han >= GLUED_FACTOR * min_chars:
                    match = _glued(sentence, candidates, threshold, GLUED_FACTOR * min_chars)
            if match is not None:
                matches[sentence.position] = match
                continue
        index.add(sentence.position, values)
    _follow_runs(text, sentences, matches, threshold, min_adjacent_chars)
    return _parts(text, sentences, matches)


def _best(text: str, sentence: Sentence, candidates: list[Sentence], threshold: float,
          level: str = "sentence") -> Match | None:
    best: Match | None = None
    span = sentence.span
    for candidate in candidates:
        if candidate.quotation and level == "sentence":  # a quotation cited again is no repeat
            continue
        if candidate.position >= sentence.position:
            continue
        if level == "sentence" and _terminated(text_of(text, candidate)) != _terminated(text_of(text, sentence)):
            continue  # a sentence does not repeat a line that ends unfinished (a headline, a cut paragraph)
        other = candidate.span
        score = similarity(text[other.start:other.start + OPENER_REACH], other.key,
                           text[span.start:span.start + OPENER_REACH], span.key, cutoff=threshold)
        if score >= threshold and (best is None or score > best.score) and _adds_nothing(text, span, other):
            best = Match(candidate, score, level)
    return best


def _adds_nothing(text: str, copy: Span, kept: Span) -> bool:
    """The copy says no more than the kept copy: it is not longer by more than a few characters
    once an opener is left out (a near-copy that runs on carries text the kept one lacks)."""
    body = body_key(text[copy.start:copy.start + OPENER_REACH], copy.key, RUN_OPENER_SHARE)
    return len(body) <= len(kept.key) + max(LONGER_BY, LONGER_SHARE * len(kept.key))


def _glued(sentence: Sentence, candidates: list[Sentence], threshold: float, min_copy: int,
           at_end: bool | None = None) -> Match | None:
    """A sentence that is an earlier sentence with other text glued before it (`at_end`) or
    after it, the layout having joined a line that belongs elsewhere. Only the copy goes."""
    if len(sentence.parts) != 1:
        return None
    key = sentence.span.key
    for candidate in candidates:
        copy = candidate.span.key
        if candidate.position >= sentence.position or candidate.quotation or len(copy) >= len(key):
            continue
        if candidate.span.han < min_copy:
            continue
        if at_end is not False:
            score = suffix_similarity(copy, key, threshold)
            if score >= threshold:
                return Match(candidate, score, "glued", glued=-len(copy))
        if at_end is not True:
            score = suffix_similarity(copy[::-1], key[::-1], threshold)
            if score >= threshold:
                return Match(candidate, score, "glued", glued=len(copy))
    return None


def text_of(text: str, sentence: Sentence) -> str:
    start, end = sentence.parts[-1]
    return text[start:end]


def _repeated_head(text: str, sentence: Sentence, sentences: list[Sentence], by_line: dict[int, list[Sentence]],
                   min_adjacent_chars: int, threshold: float) -> dict[int, Match]:
    """The head of a block (its first sentences, the first maybe cut) that repeats the end
    of the block before it: a column's last lines printed again at the head of the next."""
    before = by_line.get(sentence.line - 1)
    if not before or sentence.position == 0 or sentences[sentence.position - 1].line != sentence.line - 1:
        return {}
    end_key = "".join([s.span.key for s in before])
    head: list[Sentence] = []
    key, han = "", 0  # of the head so far
    before_ends = None  # whether the block before ends a sentence, read when first needed
    for following in sentences[sentence.position:sentence.position + HEAD_SENTENCES]:
        if following.line != sentence.line or following.quotation:
            break
        head.append(following)
        key, han = key + following.span.key, han + following.span.han
        if len(key) > len(end_key):
            break  # longer than what it could repeat, as every longer head
        if han < min_adjacent_chars:
            continue
        # The copy of a column's last lines ends where they end (a sentence end, or none).
        if before_ends is None:
            before_ends = _terminated(text_of(text, before[-1]))
        if _terminated(text_of(text, following)) != before_ends:
            continue
        score = suffix_similarity(key, end_key, threshold)
        if score >= threshold:
            covered, first = 0, len(before) - 1
            while first > 0 and covered + len(before[first].span.key) < len(key):
                covered += len(before[first].span.key)
                first -= 1
            match = Match(before[first], score, "tail", before[-1].span.end)
            return dict.fromkeys((s.position for s in head), match)
    return {}


def _follow_runs(text: str, sentences: list[Sentence], matches: dict[int, Match], threshold: float,
                 min_adjacent_chars: int) -> None:
    """Extend runs of repeated sentences over neighbours that repeat the kept copy's neighbours."""
    work = list(matches)
    while work:
        position = work.pop()
        kept = matches[position].kept.position
        for step in (-1, 1):
            near, kept_near = position + step, kept + step
            if not (0 <= near < len(sentences) and 0 <= kept_near < len(sentences)):
                continue
            if near in matches or kept_near in matches or kept_near >= near:
                continue
            neighbour, kept_neighbour = sentences[near], sentences[kept_near]
            if not neighbour.span.key:
                continue
            a, b = kept_neighbour.span, neighbour.span
            score = similarity(text[a.start:a.start + OPENER_REACH], a.key, text[b.start:b.start + OPENER_REACH],
                               b.key, opener_share=RUN_OPENER_SHARE, cutoff=threshold)
            if score >= threshold and _adds_nothing(text, b, a):
                matches[near] = Match(kept_neighbour, score, "sentence")
                work.append(near)
                continue
            # Next to a run, the copy may have text glued on by the layout, before the run's
            # first sentence or after its last; or the kept copy may have.
            glued = _glued(neighbour, [kept_neighbour], threshold, min_adjacent_chars, at_end=step < 0)
            if glued is None and len(b.key) < len(a.key):
                body = body_key(text[b.start:b.start + OPENER_REACH], b.key, RUN_OPENER_SHARE)
                ends = (suffix_similarity(body, a.key, threshold) if step < 0
                        else suffix_similarity(body[::-1], a.key[::-1], threshold))
                if len(body) >= min_adjacent_chars and ends >= threshold:
                    glued = Match(kept_neighbour, ends, "sentence")
            if glued is not None:
                matches[near] = glued


def _parts(text: str, sentences: list[Sentence], matches: dict[int, Match]) -> list[Found]:
    """The removed parts, neighbours in one block merged when their kept copies are neighbours too."""
    found: list[Found] = []
    last: tuple[int, int] | None = None  # (position, kept position) of the part merged last
    for sentence in sentences:
        match = matches.get(sentence.position)
        if match is None:
            last = None
            continue
        kept = match.kept.span
        kept_end = match.kept_end if match.kept_end is not None else kept.end
        parts = sentence.parts
        if match.glued:
            start, end = parts[0]
            positions = key_positions(text, start, end)
            parts = ([(start, positions[match.glued - 1] + 1)] if match.glued > 0
                     else [(positions[match.glued], end)])
        for number, (start, end) in enumerate(parts):
            kept_before = match.kept.position if match.level == "tail" else match.kept.position - 1
            joins = (number == 0 and last is not None and found and found[-1].end == start
                     and last == (sentence.position - 1, kept_before) and found[-1].level == match.level)
            if joins:
                previous = found[-1]
                found[-1] = Found(previous.start, end, previous.kept_start, kept_end, previous.level,
                                  min(previous.score, match.score))
            else:
                found.append(Found(start, end, kept.start, kept_end, match.level, match.score))
        last = (sentence.position, match.kept.position)
    return found
