"""What the page itself says about its layout: column width, blank lines, indents."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass

import regex

from cleaner.chars import CJK_CLOSE, CJK_FINAL, CJK_OPEN, CJK_PAUSE
from cleaner.layout.lines import Line, text_width
from cleaner.layout.patterns import MARKDOWN_HEADING, is_byline, is_page_furniture, is_source_line

# Newspaper columns are narrow (10-20 characters); a line wider than this is text with
# one paragraph per line (or a headline), not a column line.
MAX_COLUMN_WIDTH = 48
MIN_COLUMN_WIDTH = 12  # six characters: narrower "columns" are lists or noise
NEIGHBOURS = 6
COLUMN_SLACK = 6  # cells a line may run over its column's width and still be in it
EXACT = regex.compile(r"\p{Han}+")
# What opens a line because it could not be split from what follows it, so it did not fit
# at the end of the line above: a character with the marks after it (a closing mark
# never opens a line, so `权，` moves down whole), an opening bracket or quote with what
# follows it (one never ends a line), a Latin word or number.
_NO_START = regex.escape(CJK_CLOSE + CJK_FINAL + CJK_PAUSE + ",.;:!?)]")
_WORD = r"[A-Za-z0-9][A-Za-z0-9_.+/-]*"
PUSHED_DOWN = regex.compile(
    rf"[{regex.escape(CJK_OPEN)}(\[]+(?:{_WORD}|\p{{Han}})[{_NO_START}]*|{_WORD}[{_NO_START}]*|\p{{Han}}[{_NO_START}]+"
)


@dataclass(frozen=True, slots=True)
class PageShape:
    column_width: list[int | None]  # per line: the local full-line width, None outside columns
    blank_lines_meaningful: bool  # blank lines are rare, so each one marks a break
    indent_marks_box: bool  # indents are rare: one marks the start of a text box (article)
    usual_blank: int = 0  # blank lines most gaps have; a wider gap is a break


def local_column_widths(lines: list[Line], furniture: list[bool] | None = None) -> list[int | None]:
    """The full width of the column each line sits in.

    Lines of Han characters only measure the column exactly: punctuation may be
    squeezed and digits are narrower, so lines holding them vary by a cell or two.
    Full lines share one width, while headings, first lines and last lines vary, so
    the column width is the width that most lines nearby fill (see `_support`).
    Columns change width within a page (and within a story, where text runs around
    a picture), so only the six lines before and after count. `furniture`: which lines
    are bylines, credits, page furniture or Markdown headings, if known (see `_furniture`).
    """
    if furniture is None:
        column = [line.width <= MAX_COLUMN_WIDTH and not _furniture(line.text) for line in lines]
    else:
        column = [line.width <= MAX_COLUMN_WIDTH and not is_furniture
                  for line, is_furniture in zip(lines, furniture, strict=True)]
    reach = [_reach(lines, index) for index in range(len(lines))]
    # A line of Han alone (no squeezable mark, counted when it was read: the cheap test
    # first) measures its column exactly, unless the wrap pushed something down.
    exact = [line.width if ok and not line.squeeze and far == line.width + 1 and EXACT.fullmatch(line.text)
             else None for line, ok, far in zip(lines, column, reach, strict=True)]
    # `_support` of every width over the window of six lines each side, kept up to date
    # as the window slides (each line enters and leaves once) instead of summed again for
    # each line and each candidate width: see `_fills_from` and `_Window`.
    count = len(lines)
    window = _Window(lines, exact, reach)
    for position in range(min(NEIGHBOURS, count)):
        if column[position]:
            window.add(position, 1)
    result: list[int | None] = []
    entries = window.entries
    best: tuple[int, int] | None = None  # the window's best width, while no line came or went
    for index, line in enumerate(lines):
        entering, leaving = index + NEIGHBOURS, index - NEIGHBOURS - 1
        entering = entering if entering < count and column[entering] else -1
        leaving = leaving if leaving >= 0 and column[leaving] else -1
        # A line leaving as one like it comes (a full column line for another) changes nothing.
        if entering >= 0 and leaving >= 0 and entries[entering] == entries[leaving]:
            entering = leaving = -1
        if entering >= 0:
            window.add(entering, 1)
            best = None
        if leaving >= 0:
            window.add(leaving, -1)
            best = None
        if line.width > MAX_COLUMN_WIDTH:
            result.append(None)
            continue
        low, high = max(0, index - NEIGHBOURS), min(count, index + NEIGHBOURS + 1)
        around = window.lines - column[index]
        if around < 3 or around < (high - low - 1) / 2:
            result.append(None)  # too few column lines around (short lines among long ones)
            continue
        if not window.candidates:
            result.append(None)
            continue
        if best is None:
            best = window.best()
        width, filling = best
        result.append(width if filling >= 2 else None)  # one line is no column
    # A line far wider than its neighbours' column is not in it (a headline, a long
    # paragraph line).
    result = [w if w is None or line.width <= w + COLUMN_SLACK else None for w, line in zip(result, lines, strict=True)]
    return result


def _support(lines: list[Line], near: list[int], exact: list[int | None], width: int) -> tuple[int, int]:
    """How well the lines `near` fit a column of `width`, and how many fill it: a line
    of Han exactly that wide counts twice (it measures the column), a line a cell short
    (a digit, a Latin letter), short of it by what the wrap pushed down (`_reach`) or
    over it by punctuation that can be squeezed or hung in the margin counts once; a
    line of body text (`_body_text`) too wide
    for it counts against it. Headings may run wider than their column."""
    support = filling = 0
    for i in near:
        line = lines[i]
        if line.width == width:
            support += 2 if exact[i] is not None else 1
        elif (line.width == width - 1 or (line.width > width and line.squeeze and line.min_width <= width + 1)
              or line.width < width <= _reach(lines, i)):
            support += 1
        else:
            if line.min_width > width + 1 and _body_text(lines, i):
                support -= 2  # body text too wide for such a column: the column is wider
            continue
        filling += 1
    return support, filling


def _reach(lines: list[Line], index: int) -> int:
    """The widest column line `index` fills: one cell over its own width (a narrow
    character), or, where the next line opens with what could not be split from what
    follows it (`PUSHED_DOWN`), all but the last cell of that: it did not fit, so the
    column is narrower than the line with it."""
    line = lines[index]
    if line.ends_sentence or index + 1 >= len(lines) or lines[index + 1].hard_break_before:
        return line.width + 1  # a paragraph's last line, or the edge of a region
    pushed = PUSHED_DOWN.match(lines[index + 1].text)
    return max(line.width + 1, line.width + text_width(pushed.group()) - 1) if pushed else line.width + 1


def _fills_from(line: Line) -> int:
    """The narrowest column width `line` fills in `_support`: it fills every width from
    there to its `_reach`, each with support 1 (2 at its own width when it is exact):
    a cell short (a digit, a Latin letter), at its width, or over it by punctuation that
    can be squeezed or hung (widths below 0 left out: no column is that narrow)."""
    return max(0, line.min_width - 1) if line.squeeze else line.width


class _Window:
    """The column lines in a sliding window, summed so that `_support` of any width
    over them is a few look-ups: what the lines fill, and the minimum widths of the
    body-text lines (which count against every column they are too wide for)."""

    __slots__ = ("_body_min_widths", "_exact", "_filling", "candidates", "entries", "lines")

    def __init__(self, lines: list[Line], exact: list[int | None], reach: list[int] | None = None) -> None:
        self.lines = 0
        self.candidates: dict[int, int] = {}  # widths (>= MIN_COLUMN_WIDTH) of the lines, counted
        if reach is None:
            reach = [_reach(lines, index) for index in range(len(lines))]
        size = max(reach, default=0) + 1
        # By width: the lines that fill it (each supports it once), and the exact lines
        # as wide (each supports it once more). Support is their sum: one range of counts
        # to keep up as lines come and go, not two.
        self._filling = [0] * size
        self._exact = [0] * size
        self._body_min_widths: list[int] = []  # sorted
        # What each line brings to the window, made once (a line enters and leaves): its
        # width, the widths it fills (`_fills_from` to `_reach`), whether it is exact, its
        # minimum width if it is body text.
        self.entries = [(line.width, _fills_from(line), far, exact_width is not None,
                         line.min_width if _body_text(lines, index) else None)
                        for index, (line, exact_width, far) in enumerate(zip(lines, exact, reach, strict=True))]

    def add(self, index: int, sign: int) -> None:
        """Add the line at `index` to the window (sign 1) or take it out (sign -1)."""
        width, low, high, exact, body_min_width = self.entries[index]
        self.lines += sign
        if width >= MIN_COLUMN_WIDTH:
            candidates = self.candidates
            left = candidates.get(width, 0) + sign
            if left:
                candidates[width] = left
            else:
                del candidates[width]
        filling = self._filling
        for filled in range(low, high + 1):
            filling[filled] += sign
        if exact:  # an exact line counts twice at its own width
            self._exact[width] += sign
        if body_min_width is not None:
            if sign > 0:
                insort(self._body_min_widths, body_min_width)
            else:
                del self._body_min_widths[bisect_left(self._body_min_widths, body_min_width)]

    def support(self, width: int) -> tuple[int, int]:
        """`_support(lines, window, exact, width)`. A line filling a width is never too
        wide for it, so the two parts add up."""
        too_wide = len(self._body_min_widths) - bisect_right(self._body_min_widths, width + 1)
        if width >= len(self._filling):
            return -2 * too_wide, 0
        return self._filling[width] + self._exact[width] - 2 * too_wide, self._filling[width]

    def best(self) -> tuple[int, int]:
        """The candidate width (there must be one) with the largest (`support(width)`, width),
        and how many lines fill it. `support` inlined, as this runs for every line; each
        candidate is the width of a line in the window, so within the arrays."""
        body, filling, exact = self._body_min_widths, self._filling, self._exact
        bodies = len(body)
        # (support, filling, width) packed into one int that orders as the tuple does:
        # filling and width are below 256 (the window holds 13 lines, a column line is at
        # most MAX_COLUMN_WIDTH wide), so support, negative or not, decides first.
        packed = max([((filling[width] + exact[width] - 2 * (bodies - bisect_right(body, width + 1))) << 16)
                      + (filling[width] << 8) + width for width in self.candidates])
        return packed & 0xFF, (packed >> 8) & 0xFF


def _body_text(lines: list[Line], index: int) -> bool:
    """Body text, never a heading: the line has clause punctuation, or the line above has
    and stops mid-sentence, so this one carries the sentence on."""
    if lines[index].has_clause_punct:
        return True
    if index == 0 or lines[index].hard_break_before:
        return False
    above = lines[index - 1]
    return above.has_clause_punct and not above.ends_sentence


def measure(lines: list[Line]) -> PageShape:
    furniture = [_furniture(line.text) for line in lines]  # asked below and of the column lines
    gaps = len(lines) - 1
    blank_gaps = sum(1 for line in lines[1:] if line.blank_before)
    # A blank line after a line of text that stops mid-sentence is the extractor's
    # noise, not a break; several of them make all blank lines noise.
    wraps = sum(1 for before, line, before_is_furniture in zip(lines, lines[1:], furniture, strict=False)
                if line.blank_before and not before.ends_sentence and before.has_clause_punct
                and not before_is_furniture)
    indented = sum(1 for line in lines[1:] if line.indent)
    sentence_ends = sum(1 for line in lines if line.ends_sentence) + 1
    return PageShape(
        column_width=local_column_widths(lines, furniture),
        # Noise needs evidence: several blank lines inside sentences.
        blank_lines_meaningful=gaps > 0 and (blank_gaps <= 0.3 * gaps or wraps < max(2, 0.05 * blank_gaps)),
        # Paragraph indents would appear on about as many lines as sentences end.
        indent_marks_box=indented <= 0.35 * sentence_ends,
        usual_blank=Counter(line.blank_before for line in lines[1:]).most_common(1)[0][0] if gaps > 0 else 0,
    )


def _furniture(text: str) -> bool:
    # A Markdown heading opens with `#`: the cheap test first (few lines do).
    return ((text[:1] == "#" and bool(MARKDOWN_HEADING.match(text))) or is_byline(text) or is_source_line(text)
            or is_page_furniture(text))
