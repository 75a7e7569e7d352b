"""Split a block of Chinese text into sentences, and reduce a sentence to the key it is compared by."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from cleaner.engine.record import quick_init

SENTENCE_ENDS = frozenset("。！？!?")
# Closing quotes and brackets after a sentence end belong to the sentence they close.
CLOSERS = frozenset("”’」』）)》】\"'")
OPEN_QUOTES = "“‘「『"
CLOSE_QUOTES = "”’」』"
HAN = regex.compile(r"\p{Han}")
HAN_RUN = regex.compile(r"\p{Han}+")  # counting runs, not characters: fewer matches to make
NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
ALNUM = regex.compile(r"[\p{L}\p{N}]")
QUOTE_MARKS = frozenset("“‘「『”’」』")
HAS_QUOTE_MARK = re.compile("[“‘「『”’」』]")  # a C scan: frozenset.isdisjoint hashes every character
# A sentence end: a final mark and the final marks and closers that follow it.
SENTENCE_END = re.compile(f"[{re.escape(''.join(sorted(SENTENCE_ENDS)))}]"
                          f"[{re.escape(''.join(sorted(SENTENCE_ENDS | CLOSERS)))}]*")
QUOTE_SPLIT = regex.compile(r"([^“‘「『”’」』]*)([“‘「『”’」』]|$)")
# A short clause that opens a sentence (`同时，`, `《实施意见》要求，`, `会议强调，`): papers change
# it when they print a passage again, so it is compared apart from the rest.
OPENER = regex.compile(r"^[^，。！？：；]{1,10}[，：]")
OPENER_REACH = 11  # characters of a passage an opener can take


@quick_init
@dataclass(frozen=True, slots=True)
class Span:
    """A sentence (or block) at text[start:end]: `key` keeps letters, digits and Han characters only."""

    start: int
    end: int
    key: str
    han: int  # Han characters in the span
    quoted: int  # Han characters inside quotation marks


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: it ends after 。！？ and any closing quotes after them."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for end_mark in SENTENCE_END.finditer(text):  # a regex scan: a character loop is the slow way
        bounds.append((start, end_mark.end()))
        start = end_mark.end()
    if start < len(text) and text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def han_count(text: str) -> int:
    """How many Han characters `text` holds."""
    return sum(map(len, HAN_RUN.findall(text)))


def key_of(text: str) -> str:
    """What two copies of a passage share however they were printed: no punctuation, no spaces."""
    return NOT_ALNUM.sub("", text)


def key_positions(text: str, start: int, end: int) -> list[int]:
    """Where each character of the key of text[start:end] is in `text`."""
    return [match.start() for match in ALNUM.finditer(text, start, end)]


def quoted_han(text: str) -> int:
    """Han characters inside quotation marks (a quotation the article cites). A closing mark
    with no opening one closes a quotation opened before the piece: what precedes it counts."""
    if HAS_QUOTE_MARK.search(text) is None:
        return 0
    depth = count = unopened = 0
    # Read piece by piece between the marks (a character loop is the slow way).
    for piece, mark in QUOTE_SPLIT.findall(text):
        han = han_count(piece)
        if depth:
            count += han
        else:
            unopened += han
        if not mark:  # the end of the text (`"" in OPEN_QUOTES` would be true)
            continue
        if mark in OPEN_QUOTES:
            depth += 1
        elif mark in CLOSE_QUOTES:
            if depth:
                depth -= 1
            else:
                count, unopened = count + unopened, 0
    return count


def make_span(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    return Span(start, end, key_of(piece), han_count(piece), quoted_han(piece))


def sentence_spans(text: str, start: int, end: int) -> tuple[Span, list[Span]]:
    """The span of text[start:end] (not blank) and the spans of its sentences. The whole
    span's key and Han count are its sentences' joined and summed (what lies after the
    last sentence is blank: no key, no Han), so each character is keyed once; a span that
    is one sentence is its own sentence (the same object)."""
    bounds = sentence_bounds(text[start:end])
    if len(bounds) == 1 and bounds[0] == (0, end - start):
        span = make_span(text, start, end)
        return span, [span]
    parts = [make_span(text, start + a, start + b) for a, b in bounds]
    # Quotation marks may open in one sentence and close in another: counted on the whole.
    whole = Span(start, end, "".join([part.key for part in parts]), sum([part.han for part in parts]),
                 quoted_han(text[start:end]))
    return whole, parts


def without_opener(text: str) -> str:
    """The sentence without a short opening clause, or the sentence itself when it has none."""
    match = OPENER.match(text)
    return text[match.end():] if match else text
