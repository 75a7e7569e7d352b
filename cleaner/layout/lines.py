"""Lines of a page and the measurements the layout stage decides from."""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from cleaner.chars import CJK_CLOSE, CJK_FINAL, CJK_OPEN, CJK_PAUSE

# A clause or sentence ends here: a final mark, optionally closed by quotes/brackets.
# A sentence ends here: a final mark, optionally closed by quotes or brackets, and
# optionally followed by a bracketed credit (`…。（据新华社）`).
ENDS_SENTENCE = regex.compile(
    rf"[{CJK_FINAL}.!?][{regex.escape(CJK_CLOSE)}\"']*(?:[（(][^（）()]{{2,30}}[）)])?$"
)
# A photo caption ends with its credit, `本报记者 李华 摄`, `（新华社记者 张三 摄）`,
# `新华社发`, `（受访者供图）`, `（资料图片）` (the spaces are gone by the time lines are
# read): no final mark, yet it ends there.
ENDS_PHOTO_CREDIT = regex.compile(
    r"(?:(?:[记記]者|通[讯訊][员員]|[摄攝]影)[^。！？，；]{1,16}(?<!拍)[摄攝][）)]?"
    # `新华社发` after a sentence (not `新华社发` + `布` cut at a wrap); the others in brackets
    r"|(?:(?<=[。！？”])|[（(])新[华華]社[发發][）)]?|[（(][^（）()，。]{0,12}供[图圖][）)]|[（(][资資]料[图圖]片[）)])$"
)
ENDS_PAUSE = regex.compile(rf"[{CJK_PAUSE}{regex.escape(CJK_OPEN)},;:(\-—、]$")
STARTS_CONTINUATION = regex.compile(rf"^[{CJK_PAUSE}{regex.escape(CJK_CLOSE)}{CJK_FINAL},.;:!?)]")
SQUEEZABLE = re.compile(f"[{re.escape(CJK_OPEN + CJK_CLOSE + CJK_FINAL + CJK_PAUSE)}]")
HAS_CLAUSE_PUNCT = regex.compile(r"[。！？；，,;!?]")


# Characters set in one cell: ASCII and other narrow forms (Latin, general punctuation
# other than the Chinese quotes, dash and ellipsis). Everything else takes two.
NARROW = re.compile(r"[\x00-\u10ff\u2000-\u2013\u2015-\u2017\u201a-\u201b\u201e-\u2025\u2027-\u206f]")


def text_width(text: str) -> int:
    """Width in half-width cells, as a newspaper column sets the text."""
    return 2 * len(text) - len(NARROW.findall(text))


@dataclass(slots=True)
class Line:
    """One non-blank line: where its content sits in the page text and how it looks.
    Its features are measured once, when the line is read."""

    index: int
    start: int  # offset of the first content character (after the indent)
    end: int  # offset just past the last content character
    text: str  # the content, without indent or trailing space
    indent: int  # leading spaces (U+3000 counts 2)
    blank_before: int  # blank lines between this line and the previous one
    hard_break_before: bool  # a form feed (page or region break) came before
    width: int
    squeeze: int = 0  # Chinese punctuation marks: each may be set half-width in a full line
    ends_sentence: bool = False
    ends_pause: bool = False
    starts_continuation: bool = False
    has_clause_punct: bool = False
    # Width of the unbreakable Latin word or number that opens the next line: a line
    # that stops short of the column because that word did not fit is full.
    run_on: int = 0

    @property
    def min_width(self) -> int:
        return self.width - self.squeeze


# Cheap first checks: the last (first) character a pattern anchored at the end (start)
# can match. `$` also matches before a final newline, so a text ending in one is checked in full.
_SENTENCE_LAST = frozenset(CJK_FINAL + ".!?" + CJK_CLOSE + "\"'" + "）)") | {"\n"}
_CREDIT_LAST = frozenset("摄攝发發图圖片）)")
_PAUSE_LAST = frozenset(CJK_PAUSE + CJK_OPEN + ",;:(-—、") | {"\n"}
_CONTINUATION_FIRST = frozenset(CJK_PAUSE + CJK_CLOSE + CJK_FINAL + ",.;:!?)")
HAS_CLAUSE_PUNCT_RE = re.compile(HAS_CLAUSE_PUNCT.pattern)  # `re`: faster on a plain class


def make_line(index: int, start: int, text: str, indent: int = 0, blank_before: int = 0,
              hard_break_before: bool = False, width: int | None = None) -> Line:
    last = text[-1:]
    return Line(
        index,
        start,
        start + len(text),
        text,
        indent,
        blank_before,
        hard_break_before,
        2 * len(text) - len(NARROW.findall(text)) if width is None else width,
        len(SQUEEZABLE.findall(text)),
        (last in _SENTENCE_LAST and ENDS_SENTENCE.search(text) is not None)
        or (last in _CREDIT_LAST and ENDS_PHOTO_CREDIT.search(text) is not None),
        last in _PAUSE_LAST and ENDS_PAUSE.search(text) is not None,
        text[:1] in _CONTINUATION_FIRST,
        HAS_CLAUSE_PUNCT_RE.search(text) is not None,
    )


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, with offsets into it. A form feed (page or region
    break) ends a line like a newline, and marks the next line as after a hard break."""
    lines: list[Line] = []
    blank = 0
    hard = False
    position = 0
    raws, after_feed = _pieces(text)
    for number, raw in enumerate(raws):
        if number in after_feed:
            hard = True  # a form feed came before this piece
        content = raw.strip()
        if not content:
            blank += 1
        elif len(content) == len(raw):  # the usual line: nothing to strip
            lines.append(make_line(len(lines), position, content, 0, blank, hard))
            blank, hard = 0, False
        else:
            lead = len(raw) - len(raw.lstrip())
            indent = lead + raw[:lead].count("\u3000")  # an ideographic space is two cells
            lines.append(make_line(len(lines), position + lead, content, indent, blank, hard))
            blank, hard = 0, False
        position += len(raw) + 1  # the newline or form feed after it
    return lines


def _pieces(text: str) -> tuple[list[str], set[int] | tuple[()]]:
    """`text` cut at newlines and form feeds, and which pieces follow a form feed (most
    texts have none: one split)."""
    if "\f" not in text:
        return text.split("\n"), ()
    pieces: list[str] = []
    after_feed: set[int] = set()
    for row in text.split("\n"):
        for number, piece in enumerate(row.split("\f")):
            if number:
                after_feed.add(len(pieces))
            pieces.append(piece)
    return pieces, after_feed

