"""Breaking text into the lines of a narrow newspaper column.

A column is ``width`` Chinese characters wide; a Han or other full-width
character takes one character cell, a digit or Latin letter half of one. The
first line of a paragraph is indented by two cells. Chinese line-breaking
rules apply: closing punctuation never starts a line (it is squeezed onto the
end of the full line, or the last character moves down with it), opening
punctuation never ends one, and a number or Latin word is not broken unless it
is wider than the column.
"""

from __future__ import annotations

import re

from evaluation.text import char_width, display_width

NO_LINE_START = set("，。、；：？！”’）》」』…—·%")
NO_LINE_END = set("“‘（《「『")
TOKEN = re.compile(r"[A-Za-z0-9.,%+\-]+|.", re.DOTALL)


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def wrap(text: str, width: int, indent: int = 2, squeeze: bool = True) -> list[str]:
    """Break ``text`` into column lines, ``width`` characters wide, the first indented by ``indent``.

    The indentation itself is not part of the returned lines (extractors lose it);
    the first line is simply shorter. With ``squeeze`` a closing punctuation mark that
    would start a line stays at the end of the previous one, which is then one cell
    too long; without it the previous line gives its last character to the next line.

    >>> wrap("一二三四五六七八九十，一二三四。", 6, indent=2)
    ['一二三四', '五六七八九十，', '一二三四。']
    >>> wrap("一二三四五六七八九十，一二三四。", 6, indent=2, squeeze=False)
    ['一二三四', '五六七八九', '十，一二三', '四。']
    >>> wrap("一二三四“五六”。", 4, indent=0, squeeze=False)
    ['一二三四', '“五', '六”。']
    """
    capacity = 2 * width
    lines: list[str] = []
    current: list[str] = []
    used = 2 * indent
    for token in _tokens(text):
        token_width = display_width(token)
        if not current and token == " ":
            continue
        if used + token_width <= capacity or not current:
            if token_width > capacity:
                # A run of digits or letters wider than the column is broken by character.
                for char in token:
                    if used + char_width(char) > capacity and current:
                        lines.append("".join(current))
                        current, used = [], 0
                    current.append(char)
                    used += char_width(char)
                continue
            current.append(token)
            used += token_width
            continue
        if token[0] in NO_LINE_START:
            if squeeze:
                current.append(token)
                used += token_width
                continue
            moved = []
            while len(current) > 1:
                moved.insert(0, current.pop())
                if moved[0][0] not in NO_LINE_START:
                    break
            while len(current) > 1 and current[-1][-1] in NO_LINE_END:
                moved.insert(0, current.pop())
            lines.append("".join(current))
            current = [*moved, token]
            used = display_width("".join(current))
            continue
        moved = []
        while len(current) > 1 and current[-1] and current[-1][-1] in NO_LINE_END:
            moved.insert(0, current.pop())
        lines.append("".join(current).rstrip(" "))
        current = [*moved, token] if token != " " else moved
        used = display_width("".join(current))
    if current:
        lines.append("".join(current).rstrip(" "))
    return lines


def split_headline(headline: str, parts: int, rng_position: float) -> list[str]:
    """Split a headline over ``parts`` lines; ``rng_position`` (0..1) picks where the first break falls.

    >>> split_headline("一二三四五六七八", 2, 0.5)
    ['一二三四', '五六七八']
    """
    if parts <= 1 or len(headline) < 2 * parts:
        return [headline]
    tokens = _tokens(headline)
    if len(tokens) < 2:
        return [headline]
    lines = []
    rest = tokens
    for part in range(parts - 1):
        remaining_parts = parts - part
        share = rng_position if part == 0 else 1 / remaining_parts
        cut = min(max(1, round(len(rest) * share)), len(rest) - 1)
        lines.append("".join(rest[:cut]).strip())
        rest = rest[cut:]
    lines.append("".join(rest).strip())
    return [line for line in lines if line]
