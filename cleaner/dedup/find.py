"""Find the later copies of repeated passages on a page of blocks (one block a line).

Readings, in order, each keeping the first copy:
1. a line that repeats a headline (the headline printed again as the first line of the
   body, glued to its head, or set apart as a fragment; the same headline twice). Only
   exact copies: a headline that condenses its lead differs from it by a character or
   two, which at headline length is all the margin a similarity threshold leaves;
2. a run printed twice in a row inside one line (a region read twice);
3. blocks that repeat an earlier block as a whole (a paragraph printed twice, an OCR
   engine reading one region twice, an opener changed): their sentences are matched to
   the sentences of that block;
4. sentences that repeat earlier sentences, when only part of a paragraph repeats
   (runs.py). Whole sentences only, so what is left reads as whole sentences.

A sentence shorter than `min_chars` Han characters never starts a repeat (papers repeat
`会议强调，` on purpose), nor does a sentence that is mostly a quotation (an article cites
a passage twice); both can be part of a longer repeated run.

Why there is no page-level pre-check (skip the rule unless some run of k key characters
comes back on the page): every reading compares substrings of the page's key at two
places, and two keys of lengths a and b alike as `threshold` (88) differ by d <= 0.12(a+b)
insertions and deletions, which cut their common subsequence into at most d + 1 shared
runs; so they share a run of ceil(common / (d + 1)) characters, no more is guaranteed.
The shortest copies allowed give k = 3: a `min_adjacent_chars` (6) head of a block
repeating the end of the block before with one character inserted in the kept copy
(6 and 7 characters, d = 1, similarity 92: ABCDEF / ABCXDEF share only ABC and DEF);
a doubled run of 10 against 10 with d = 2 gives 3 too, and even `min_chars` sentences
(d = 2 over 12 + 12 at 90; d = 2 still at 88) leave only 4. Measured pages repeat dozens of 16-character runs
(a department's or a campaign's full name) with nothing to remove, so no such check
ever skips a newspaper page. tests/test_dedup.py holds the k = 3 case (removed, with no
four characters in a row repeated anywhere on its page).
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.dedup.blocking import SketchIndex, sketch
from cleaner.dedup.memo import BlockMemo
from cleaner.dedup.runs import overlaps, read_sentences, repeated_sentences
from cleaner.dedup.sentences import (
    ALNUM,
    OPENER_REACH,
    Span,
    han_count,
    key_positions,
    make_span,
    sentence_bounds,
)
from cleaner.dedup.similarity import ratio, similarity
from cleaner.layout.headlines import KICKER_SPACE

BODY_TYPES = frozenset({"paragraph", "subhead"})
HEADLINE_TYPES = frozenset({"heading", "headline"})  # the layout stage calls it a heading
# A line the layout set apart as a leftover of another page: when it copies a headline
# of this page it is a repeat, not a leftover (it is never the copy that is kept).
FRAGMENT = "fragment"
# A headline is short: a body line more than this much longer is no copy of one.
HEADLINE_SLACK = 4
# Headlines are looked up by their first characters when a block may open with one.
HEADLINE_OPENING = 4
# A run printed twice in a row is found from a repeated character n-gram; longer runs
# than this are repeated blocks or sentences, found by the other readings.
DOUBLED_LONGEST = 400


@dataclass(frozen=True, slots=True)
class DedupSettings:
    min_chars: int = 12
    threshold: float = 88.0
    min_adjacent_chars: int = 6


@dataclass(frozen=True, slots=True)
class Repeat:
    """text[start:end] repeats text[kept_start:kept_end] (which stays)."""

    start: int
    end: int
    kept_start: int
    kept_end: int
    level: str  # headline, doubled, paragraph, sentence, tail, glued
    score: float


def find_repeats(text: str, types: list[str] | None, settings: DedupSettings,
                 memo: BlockMemo | None = None) -> list[Repeat]:
    """Every later copy on the page, in text order. `memo`: what an earlier reading of
    this page worked out from its blocks (the rule reads a page again after a removal)."""
    memo = BlockMemo() if memo is None else memo
    lines: list[Span] = []
    kinds: list[str] = []
    # The sentences of each body line, by its start: made with the line (its key is theirs
    # joined), read again by the sentence reading.
    line_sentences: dict[int, list[Span]] = {}
    offset = 0
    for number, line in enumerate(text.split("\n")):
        kind = types[number] if types is not None and number < len(types) else "paragraph"
        if line.strip() and (kind in BODY_TYPES or kind in HEADLINE_TYPES or kind == FRAGMENT):
            if kind in BODY_TYPES:
                span, line_sentences[offset] = memo.sentence_spans(text, offset, offset + len(line))
            else:
                span = make_span(text, offset, offset + len(line))
            lines.append(span)
            kinds.append(kind)
        offset += len(line) + 1
    repeats = _headline_copies(text, lines, kinds, settings)
    spans = {(line.start, line.end) for line in lines}
    whole = {r.start for r in repeats if (r.start, r.end) in spans}
    body = [line for line, kind in zip(lines, kinds, strict=True) if kind in BODY_TYPES and line.start not in whole]
    others = [line for line, kind in zip(lines, kinds, strict=True)
              if kind not in BODY_TYPES and line.start not in whole]  # headlines and fragments
    repeats += _doubled_runs(text, others + body, repeats, settings, frozenset(line.start for line in others), memo)
    # A block like an earlier one as a whole pairs the two; what goes is decided sentence
    # by sentence, so that text the layout glued onto the copy stays.
    taken = sorted((r.start, r.end) for r in repeats)
    kind_of = {line.start: kind for line, kind in zip(lines, kinds, strict=True)}
    # Reading the sentences sketches each block on the way (from the n-gram hashes its
    # sentences' sketches are cut from): the block reading below uses those sketches.
    block_sketches: dict[int, tuple[int, ...]] = {}
    sentences = read_sentences(text, body, taken,
                               [kind_of[line.start] == "paragraph" for line in body], block_sketches, line_sentences,
                               memo.sketches)
    paired = _repeated_blocks(text, body, [line for line in body if not overlaps(taken, line.start, line.end)],
                              settings, block_sketches)
    repeats += [Repeat(f.start, f.end, f.kept_start, f.kept_end, f.level, f.score)
                for f in repeated_sentences(text, sentences, paired, settings.min_chars, settings.min_adjacent_chars,
                                            settings.threshold)]
    return sorted(repeats, key=lambda r: r.start)


def _doubled_runs(text: str, body: list[Span], taken: list[Repeat], settings: DedupSettings,
                  cut_allowed: frozenset[int] = frozenset(), memo: BlockMemo | None = None) -> list[Repeat]:
    """A run printed twice in a row inside one block (a region read twice, a headline glued in twice).
    In the blocks of `cut_allowed` (headlines, fragments: by their start) the second copy may be
    cut by the end of the block; in body text a phrase that ends two clauses is no such copy."""
    headlines = sorted((r.start, r.end) for r in taken)
    repeats = []
    # The settings as locals: the loop below reads them at every place it visits.
    shortest, threshold, min_chars = settings.min_adjacent_chars, settings.threshold, settings.min_chars
    memo = BlockMemo() if memo is None else memo
    for line in body:
        key = line.key
        # Only where an n-gram comes back can a run come back: read those places alone
        # (most blocks have none; the loop below is the slow part of the rule).
        repeated = memo.repeated_grams(key)
        if not repeated:
            continue
        positions: list[int] = []  # where each key character is in the text, once a run is found
        last_seen: dict[str, int] = {}
        index = 0
        for at, gram in repeated:  # the places of the n-grams that come back
            if at < index:
                continue
            index = at
            earlier = last_seen.get(gram)
            last_seen[gram] = index
            size = index - earlier if earlier is not None else 0
            # The second copy may lack a few characters at the end of the block (an opener
            # that was printed between the copies stays with the first).
            if (shortest <= size <= DOUBLED_LONGEST and len(key) - index >= 0.9 * size
                    and ratio(key[earlier:index], key[index:index + size], threshold) >= threshold
                    and han_count(key[index:index + size]) >= shortest):
                positions = positions or key_positions(text, line.start, line.end)
                start, end = positions[index], positions[min(index + size, len(key)) - 1] + 1
                # The punctuation that closed the first copy closes the second too: it goes with it.
                between = text[positions[index - 1] + 1:start]
                if between and text.startswith(between, end):
                    end += len(between)
                repeat = Repeat(start, end, positions[earlier], start, "doubled",
                                ratio(key[earlier:index], key[index:index + size]))
                if not overlaps(headlines, repeat.start, repeat.end):
                    repeats.append(repeat)
                    index += size
                    continue
            rest = len(key) - index
            if (earlier is not None and line.start in cut_allowed and size // 2 <= rest < size
                    and rest >= min_chars
                    and han_count(key[index:]) >= shortest
                    and ratio(key[earlier:earlier + rest], key[index:], threshold) >= threshold):
                positions = positions or key_positions(text, line.start, line.end)
                if ((earlier == 0 or text[positions[earlier] - 1].isspace())
                        and not overlaps(headlines, positions[index], line.end)):
                    # The second copy is cut by the end of the block (read twice, the rest elsewhere).
                    repeats.append(Repeat(positions[index], line.end, positions[earlier],
                                          positions[earlier + rest - 1] + 1, "doubled",
                                          ratio(key[earlier:earlier + rest], key[index:])))
                    break
    return repeats


def _headline_copies(text: str, lines: list[Span], kinds: list[str], settings: DedupSettings) -> list[Repeat]:
    headlines = [line for line, kind in zip(lines, kinds, strict=True) if kind in HEADLINE_TYPES]
    if not headlines:
        return []
    # A body line may copy a whole headline or the title under its kicker.
    titled = headlines + _titles_after_kickers(text, headlines)
    index: SketchIndex | None = None  # the headlines by sketch, made when a line first needs it
    longest = max(len(h.key) for h in headlines) + HEADLINE_SLACK
    shortest = min(len(h.key) for h in titled)
    by_opening: dict[str, list[Span]] = {}
    for headline in titled:
        if headline.han >= settings.min_adjacent_chars:
            by_opening.setdefault(headline.key[:HEADLINE_OPENING], []).append(headline)
    # Only a line whose key is a headline's (or a title's) can be a whole copy: the sketch
    # look-up below (which picks which copy is kept) runs for those alone.
    titled_keys = frozenset(headline.key for headline in titled)
    repeats = []
    seen: dict[str, Span] = {}
    previous: tuple[Span, str] | None = None
    for line, kind in zip(lines, kinds, strict=True):
        before, previous = previous, (line, kind)
        if kind in HEADLINE_TYPES:
            # The same headline twice: the second is a copy, when it is next to the first
            # or longer than a recurring column title (`新闻速递`) that heads several articles.
            adjacent = before is not None and before[1] in HEADLINE_TYPES and before[0].key == line.key
            first = before[0] if adjacent and before is not None else seen.get(line.key)
            if first is not None and line.han >= (settings.min_adjacent_chars if adjacent else settings.min_chars):
                repeats.append(Repeat(line.start, line.end, first.start, first.end, "headline", 100.0))
            else:
                seen.setdefault(line.key, line)
                if line.han >= settings.min_chars:
                    wider = _wider_headline(text, line, headlines)
                    if wider is not None:  # the headline printed with its kicker, and again alone
                        repeats.append(Repeat(line.start, line.end, wider.start, wider.end, "headline", 100.0))
            continue
        if (kind not in BODY_TYPES and kind != FRAGMENT) or line.han < settings.min_adjacent_chars:
            continue
        found = None
        if len(line.key) <= longest and line.key in titled_keys:
            if index is None:
                index = _sketch_index(titled)
            for number in index.candidates(sketch(line.key)):
                if line.key == titled[number].key:
                    kept = titled[number]
                    found = Repeat(line.start, line.end, kept.start, kept.end, "headline", 100.0)
                    break
        if (found is None and before is not None and before[1] in HEADLINE_TYPES
                and len(before[0].key) > len(line.key) and before[0].key.endswith(line.key)):
            # The title printed again under its heading, whose kicker it was glued to.
            found = Repeat(line.start, line.end, before[0].start, before[0].end, "headline", 100.0)
        if found is None and len(line.key) > shortest:
            found = _headline_prefix(text, line, by_opening.get(line.key[:HEADLINE_OPENING], []), settings)
            found = found or _headline_inside(text, line, by_opening, kind == FRAGMENT)
        if found is not None:
            repeats.append(found)
    return repeats


def _sketch_index(spans: list[Span]) -> SketchIndex:
    index = SketchIndex()
    for number, span in enumerate(spans):
        index.add(number, sketch(span.key))
    return index


def _titles_after_kickers(text: str, headlines: list[Span]) -> list[Span]:
    """The main title of a heading line that holds a kicker too (`引题 主题`: the title
    follows the last kicker space): the body repeats the title alone, so its copy is
    looked up by the title's own opening."""
    titles = []
    for headline in headlines:
        spaces = list(KICKER_SPACE.finditer(text, headline.start, headline.end))
        if spaces:
            titles.append(make_span(text, spaces[-1].end(), headline.end))
    return titles


def _wider_headline(text: str, line: Span, headlines: list[Span]) -> Span | None:
    """Another headline that is this one with a kicker or more glued before or after it."""
    for other in headlines:
        if len(other.key) > len(line.key) and (other.key.endswith(line.key) or other.key.startswith(line.key)):
            return other
    return None


def _headline_prefix(text: str, line: Span, headlines: list[Span], settings: DedupSettings) -> Repeat | None:
    """A headline glued to the head of the body (its copy printed as the first line)."""
    for headline in headlines:
        if not line.key.startswith(headline.key):
            continue
        positions = key_positions(text, line.start, line.end)
        cut = positions[len(headline.key) - 1] + 1
        # Glued on: the copy runs straight into the body; a sentence that merely opens
        # with the headline's words goes on with punctuation or ends there.
        if cut < line.end and ALNUM.match(text, cut):
            return Repeat(line.start, cut, headline.start, headline.end, "headline", 100.0)
    return None


def _headline_inside(text: str, line: Span, by_opening: dict[str, list[Span]], anywhere: bool) -> Repeat | None:
    """A headline's copy glued onto the end of a block, or anywhere in a fragment (which is
    not printed: the copy goes to `removed` rather than to `fragments`)."""
    key = line.key
    for index in _openings_in(key, by_opening):
        for headline in by_opening[key[index:index + HEADLINE_OPENING]]:
            end = index + len(headline.key)
            if key.startswith(headline.key, index) and (anywhere or end == len(key)):
                positions = key_positions(text, line.start, line.end)
                stop = positions[end - 1] + 1
                if anywhere or not text[stop:line.end].strip():
                    return Repeat(positions[index], stop, headline.start, headline.end, "headline", 100.0)
    return None


def _openings_in(key: str, by_opening: dict[str, list[Span]]) -> list[int]:
    """Where a headline opening occurs in `key` after its first character, ascending: each
    opening found by `str.find` (a few headlines a page) rather than every place looked up."""
    last = len(key) - HEADLINE_OPENING
    if len(by_opening) * 4 > last:  # many openings for a short key: look each place up
        return [index for index in range(1, last + 1) if key[index:index + HEADLINE_OPENING] in by_opening]
    found: list[int] = []
    for opening in by_opening:
        if len(opening) != HEADLINE_OPENING:
            continue  # never a whole opening's worth of key
        index = key.find(opening, 1)
        while 0 < index <= last:
            found.append(index)
            index = key.find(opening, index + 1)
    found.sort()
    return found


def _repeated_blocks(text: str, body: list[Span], candidates: list[Span], settings: DedupSettings,
                     block_sketches: dict[int, tuple[int, ...]]) -> dict[int, int]:
    """Blocks (by their index in `body`) that repeat an earlier block, and the index of that block.
    `block_sketches`: the sketches of the blocks' keys made already, by block start."""
    number_of = {line.start: number for number, line in enumerate(body)}
    index = SketchIndex()
    paired: dict[int, int] = {}
    for number, line in enumerate(candidates):
        values = block_sketches.get(line.start)
        if values is None:
            values = sketch(line.key)
        match = None
        if line.han >= settings.min_chars and not _single_quotation(text, line):
            match = _best(text, line, [candidates[i] for i in index.candidates(values)], settings.threshold)
        if match is None:
            index.add(number, values)
        else:
            paired[number_of[line.start]] = number_of[match[0].start]
    return paired


def _single_quotation(text: str, line: Span) -> bool:
    """A block that is one sentence, mostly a quotation: a citation, never removed alone."""
    return line.quoted * 2 >= line.han and len(sentence_bounds(text[line.start:line.end])) <= 1


def _best(text: str, span: Span, candidates: list[Span], threshold: float) -> tuple[Span, float] | None:
    """The candidate most like `span`, if any reaches the threshold."""
    best: tuple[Span, float] | None = None
    head = text[span.start:span.start + OPENER_REACH]
    for candidate in candidates:
        score = similarity(text[candidate.start:candidate.start + OPENER_REACH], candidate.key, head, span.key,
                           cutoff=threshold)
        if score >= threshold and (best is None or score > best[1]):
            best = (candidate, score)
    return best
