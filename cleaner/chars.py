"""Character classes of printed Chinese text, shared by every stage."""

from __future__ import annotations

import regex

# Han ideographs (all CJK blocks) via the Unicode script property.
HAN = r"\p{Han}"
# Chinese (full-width) punctuation. Opening marks never end a line of a
# sentence; closing marks and the sentence-final ones end clauses.
CJK_OPEN = "“‘（《〈【「『〔［｛"
CJK_CLOSE = "”’）》〉】」』〕］｝"
CJK_FINAL = "。！？…；"
CJK_PAUSE = "，、：；"
CJK_DASH = "—～·・"
CJK_PUNCT = CJK_OPEN + CJK_CLOSE + CJK_FINAL + CJK_PAUSE + CJK_DASH + "％＋"
# Horizontal whitespace an extractor may leave inside a line (not the newline).
HSPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"

HAN_RE = regex.compile(HAN)
HAN_RUN_RE = regex.compile(HAN + "+")


def is_han(char: str) -> bool:
    return bool(HAN_RE.match(char))


def display_width(text: str) -> int:
    """Width in half-width cells: Han and full-width forms count 2, ASCII 1."""
    return sum(2 if ord(c) >= 0x1100 and not 0x2000 <= ord(c) <= 0x206F else 1 for c in text)
