"""Lines of a page and the measurements the layout stage decides from."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from cleaner.chars import CJK_CLOSE, CJK_FINAL, CJK_OPEN, CJK_PAUSE

INDENT = regex.compile(r"[ \u3000\t]*")
# A clause or sentence ends here: a final mark, optionally closed by quotes/brackets.
# A sentence ends here: a final mark, optionally closed by quotes or brackets, and
# optionally followed by a bracketed credit (`…。（据新华社）`).
ENDS_SENTENCE = regex.compile(
    rf"[{CJK_FINAL}.!?][{regex.escape(CJK_CLOSE)}\"']*(?:[（(][^（）()]{{2,30}}[）)])?$"
)
ENDS_PAUSE = regex.compile(rf"[{CJK_PAUSE}{regex.escape(CJK_OPEN)},;:(\-—、]$")
STARTS_CONTINUATION = regex.compile(rf"^[{CJK_PAUSE}{regex.escape(CJK_CLOSE)}{CJK_FINAL},.;:!?)]")
SQUEEZABLE = frozenset(CJK_OPEN + CJK_CLOSE + CJK_FINAL + CJK_PAUSE)
HAS_CLAUSE_PUNCT = regex.compile(r"[。！？；，,;!?]")


def cell_width(char: str) -> int:
    """Width of a character in half-width cells, as a newspaper column sets it."""
    code = ord(char)
    if code < 0x1100:
        return 1
    if 0x2000 <= code <= 0x206F and char not in "“”‘’—…":
        return 1
    return 2


def text_width(text: str) -> int:
    # ASCII dominates digits and Latin; the rest is two cells (Han, full-width forms).
    ascii_count = sum(1 for c in text if c < "\u1100")
    return 2 * len(text) - ascii_count - sum(1 for c in text if "\u2000" <= c <= "\u206f" and c not in "“”‘’—…")


@dataclass(slots=True)
class Line:
    """One non-blank line: where its content sits in the page text and how it looks."""

    index: int
    start: int  # offset of the first content character (after the indent)
    end: int  # offset just past the last content character
    text: str  # the content, without indent or trailing space
    indent: int  # leading spaces (U+3000 counts 2)
    blank_before: int  # blank lines between this line and the previous one
    hard_break_before: bool  # a form feed (page or region break) came before
    width: int
    squeeze: int = 0  # Chinese punctuation marks: each may be set half-width in a full line

    @property
    def min_width(self) -> int:
        return self.width - self.squeeze

    @property
    def ends_sentence(self) -> bool:
        return bool(ENDS_SENTENCE.search(self.text))

    @property
    def ends_pause(self) -> bool:
        return bool(ENDS_PAUSE.search(self.text))

    @property
    def starts_continuation(self) -> bool:
        return bool(STARTS_CONTINUATION.match(self.text))

    @property
    def has_clause_punct(self) -> bool:
        return bool(HAS_CLAUSE_PUNCT.search(self.text))


LINE = regex.compile(r"[^\n\f]*")


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, with offsets into it. A form feed (page or region
    break) ends a line like a newline, and marks the next line as after a hard break."""
    lines: list[Line] = []
    blank = 0
    hard = False
    position = 0
    while position <= len(text):
        m = LINE.match(text, position)
        raw = m.group()
        if raw.strip():
            _add_line(lines, raw, position, blank, hard)
            blank, hard = 0, False
        elif position < len(text) or raw:
            blank += 1
        separator = text[m.end() : m.end() + 1]
        if separator == "\f":
            hard = True
        position = m.end() + 1
    return lines


def _add_line(lines: list[Line], raw: str, offset: int, blank: int, hard: bool) -> None:
    content = raw.strip()
    if not content:
        return
    lead = INDENT.match(raw).group()
    start = offset + len(lead)
    lines.append(Line(
        index=len(lines),
        start=start,
        end=start + len(content),
        text=content,
        indent=sum(2 if c == "\u3000" else 1 for c in lead),
        blank_before=blank,
        hard_break_before=hard,
        width=text_width(content),
        squeeze=sum(1 for c in content if c in SQUEEZABLE),
    ))
