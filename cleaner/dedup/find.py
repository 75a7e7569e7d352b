"""Find the later copies of repeated passages on a page of blocks (one block a line).

Three readings, in order, each keeping the first copy:
1. a body line that repeats a headline (the headline printed again as the first line);
2. a body line that repeats an earlier one as a whole (a paragraph printed twice, an
   OCR engine reading one region twice, an opener changed);
3. sentences that repeat earlier sentences, when only part of a paragraph repeats; a run
   of repeated sentences is followed over short sentences that also repeat; the first
   sentence of a block may repeat the end of the block before it (a column's last lines
   printed again at the head of the next). Whole sentences only, so what is left reads
   as whole sentences.

A sentence shorter than `min_chars` Han characters never starts a repeat (papers repeat
`会议强调，` on purpose), nor does a sentence that is mostly a quotation (an article cites
a passage twice); both can be part of a longer repeated run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from cleaner.dedup.blocking import SketchIndex, sketch
from cleaner.dedup.sentences import Span, make_span, sentence_bounds
from cleaner.dedup.similarity import ratio, similarity, suffix_similarity

BODY_TYPES = frozenset({"paragraph", "subhead"})
HEADLINE_TYPES = frozenset({"headline"})
# A headline is short: a body line more than this much longer is no copy of one.
HEADLINE_SLACK = 4
# How many blocks back the head of a block may repeat the tail of another (a column edge).
TAIL_LOOKBACK = 2
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DedupSettings:
    min_chars: int = 12
    threshold: float = 90.0
    min_headline_chars: int = 6


@dataclass(frozen=True, slots=True)
class Repeat:
    """text[start:end] repeats text[kept_start:kept_end] (which stays)."""

    start: int
    end: int
    kept_start: int
    kept_end: int
    level: str  # headline, paragraph, sentence, tail
    score: float


@dataclass(slots=True)
class Sentence:
    line: int  # index into the page's body lines
    index: int  # position in its line
    span: Span

    @property
    def quotation(self) -> bool:
        return self.span.quoted * 2 >= self.span.han > 0


def find_repeats(text: str, types: list[str] | None, settings: DedupSettings) -> list[Repeat]:
    """Every later copy on the page, in text order."""
    lines: list[Span] = []
    kinds: list[str] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        kind = types[number] if types is not None and number < len(types) else "paragraph"
        if line.strip() and (kind in BODY_TYPES or kind in HEADLINE_TYPES):
            lines.append(make_span(text, offset, offset + len(line)))
            kinds.append(kind)
        offset += len(line) + 1
    repeats = _headline_copies(text, lines, kinds, settings)
    taken = {r.start for r in repeats}
    body = [line for line, kind in zip(lines, kinds, strict=True) if kind in BODY_TYPES and line.start not in taken]
    whole = _repeated_blocks(text, body, settings)
    taken = {r.start for r in whole}
    repeats += whole
    repeats += _repeated_sentences(text, [line for line in body if line.start not in taken], settings)
    return sorted(repeats, key=lambda r: r.start)


def _headline_copies(text: str, lines: list[Span], kinds: list[str], settings: DedupSettings) -> list[Repeat]:
    headlines = [line for line, kind in zip(lines, kinds, strict=True) if kind in HEADLINE_TYPES]
    if not headlines:
        return []
    index = SketchIndex()
    for number, headline in enumerate(headlines):
        index.add(number, sketch(headline.key))
    longest = max(len(h.key) for h in headlines) + HEADLINE_SLACK
    repeats = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind not in BODY_TYPES or line.han < settings.min_headline_chars or len(line.key) > longest:
            continue
        for number in index.candidates(sketch(line.key)):
            score = ratio(line.key, headlines[number].key)
            if score >= settings.threshold:
                kept = headlines[number]
                repeats.append(Repeat(line.start, line.end, kept.start, kept.end, "headline", score))
                break
    return repeats


def _repeated_blocks(text: str, body: list[Span], settings: DedupSettings) -> list[Repeat]:
    index = SketchIndex()
    repeats = []
    for number, line in enumerate(body):
        values = sketch(line.key)
        match = None
        if line.han >= settings.min_chars and not _single_quotation(text, line):
            match = _best(text, line, [body[i] for i in index.candidates(values)], _itself, settings.threshold)
        if match is None:
            index.add(number, values)
        else:
            kept, score = match
            repeats.append(Repeat(line.start, line.end, kept.start, kept.end, "paragraph", score))
    return repeats


def _itself(span: Span) -> Span:
    return span


def _span_of(sentence: Sentence) -> Span:
    return sentence.span


def _single_quotation(text: str, line: Span) -> bool:
    """A block that is one sentence, mostly a quotation: a citation, never removed alone."""
    return line.quoted * 2 >= line.han and len(sentence_bounds(text[line.start:line.end])) <= 1


def _best(text: str, span: Span, candidates: list[T], span_of: Callable[[T], Span],
          threshold: float) -> tuple[T, float] | None:
    """The candidate most like `span`, if any reaches the threshold."""
    best: tuple[T, float] | None = None
    piece = text[span.start:span.end]
    for candidate in candidates:
        other = span_of(candidate)
        score = similarity(text[other.start:other.end], other.key, piece, span.key)
        if score >= threshold and (best is None or score > best[1]):
            best = (candidate, score)
    return best


def _repeated_sentences(text: str, body: list[Span], settings: DedupSettings) -> list[Repeat]:
    by_line: list[list[Sentence]] = []
    for number, line in enumerate(body):
        by_line.append([Sentence(number, position, make_span(text, line.start + start, line.start + end))
                        for position, (start, end) in enumerate(sentence_bounds(text[line.start:line.end]))])
    flat = [sentence for line in by_line for sentence in line]
    kept_of: dict[int, tuple[Sentence, float, str]] = {}  # id(sentence) -> (kept copy, score, level)
    index = SketchIndex()
    for number, sentence in enumerate(flat):
        values = sketch(sentence.span.key)
        if sentence.span.han >= settings.min_chars and not sentence.quotation:
            found = _best(text, sentence.span, [flat[i] for i in index.candidates(values)], _span_of,
                          settings.threshold)
            if found is not None:
                kept_of[id(sentence)] = (found[0], found[1], "sentence")
                continue
            tail = _repeated_tail(sentence, by_line, settings.threshold) if sentence.index == 0 else None
            if tail is not None:
                kept_of[id(sentence)] = tail
                continue
        index.add(number, values)
    _follow_runs(text, by_line, kept_of, settings.threshold)
    return _runs_to_repeats(by_line, kept_of)


def _repeated_tail(sentence: Sentence, by_line: list[list[Sentence]],
                   threshold: float) -> tuple[Sentence, float, str] | None:
    """The head of a block that repeats the last sentence of a block just before it."""
    for previous in range(sentence.line - 1, max(-1, sentence.line - 1 - TAIL_LOOKBACK), -1):
        if not by_line[previous]:
            continue
        last = by_line[previous][-1]
        score = suffix_similarity(sentence.span.key, last.span.key)
        if score >= threshold:
            return last, score, "tail"
    return None


def _follow_runs(text: str, by_line: list[list[Sentence]], kept_of: dict[int, tuple[Sentence, float, str]],
                 threshold: float) -> None:
    """Extend runs of repeated sentences over neighbours that repeat the kept copy's neighbours."""
    work = [s for line in by_line for s in line if id(s) in kept_of and kept_of[id(s)][2] == "sentence"]
    removed_ids = set(kept_of)
    while work:
        sentence = work.pop()
        kept = kept_of[id(sentence)][0]
        for step in (-1, 1):
            position, kept_position = sentence.index + step, kept.index + step
            line, kept_line = by_line[sentence.line], by_line[kept.line]
            if not (0 <= position < len(line) and 0 <= kept_position < len(kept_line)):
                continue
            neighbour, kept_neighbour = line[position], kept_line[kept_position]
            if (id(neighbour) in removed_ids or id(kept_neighbour) in removed_ids or not neighbour.span.key
                    or kept_neighbour.span.start >= neighbour.span.start):
                continue
            score = similarity(text[kept_neighbour.span.start:kept_neighbour.span.end], kept_neighbour.span.key,
                               text[neighbour.span.start:neighbour.span.end], neighbour.span.key)
            if score >= threshold:
                kept_of[id(neighbour)] = (kept_neighbour, score, "sentence")
                removed_ids.add(id(neighbour))
                work.append(neighbour)


def _runs_to_repeats(by_line: list[list[Sentence]], kept_of: dict[int, tuple[Sentence, float, str]]) -> list[Repeat]:
    """One repeat per run of removed sentences whose kept copies are one run too."""
    repeats: list[Repeat] = []
    for line in by_line:
        run: list[tuple[Sentence, Sentence, float, str]] = []
        for sentence in [*line, None]:
            entry = kept_of.get(id(sentence)) if sentence is not None else None
            if run and (entry is None or entry[2] != run[-1][3] or entry[0].line != run[-1][1].line
                        or entry[0].index != run[-1][1].index + 1):
                first, last = run[0], run[-1]
                repeats.append(Repeat(first[0].span.start, last[0].span.end, first[1].span.start,
                                      last[1].span.end, first[3], min(r[2] for r in run)))
                run = []
            if sentence is not None and entry is not None:
                run.append((sentence, entry[0], entry[1], entry[2]))
    return repeats
