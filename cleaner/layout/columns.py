"""What the page itself says about its layout: column width, blank lines, indents."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import regex

from cleaner.layout.lines import Line
from cleaner.layout.patterns import MARKDOWN_HEADING, is_byline, is_source_line

# Newspaper columns are narrow (10-20 characters); a line wider than this is text with
# one paragraph per line (or a headline), not a column line.
MAX_COLUMN_WIDTH = 48
MIN_COLUMN_WIDTH = 12  # six characters: narrower "columns" are lists or noise
NEIGHBOURS = 6
EXACT = regex.compile(r"\p{Han}+")


@dataclass(frozen=True, slots=True)
class PageShape:
    column_width: list[int | None]  # per line: the local full-line width, None outside columns
    blank_lines_meaningful: bool  # blank lines are rare, so each one marks a break
    indent_marks_box: bool  # indents are rare: one marks the start of a text box (article)
    usual_blank: int = 0  # blank lines most gaps have; a wider gap is a break


def local_column_widths(lines: list[Line]) -> list[int | None]:
    """The full width of the column each line sits in.

    Lines of Han characters only measure the column exactly: punctuation may be
    squeezed and digits are narrower, so lines holding them vary by a cell or two.
    Full lines of Han share one width, while headings and first lines (also free of
    punctuation) vary, so the column width is the most common width among the exact
    lines nearby. Columns change width within a page (and within a story, where
    text runs around a picture), so only the six lines before and after count.
    Where no width repeats, the 60th percentile of all nearby column lines is used.
    """
    count = len(lines)
    column = [line.width <= MAX_COLUMN_WIDTH and not _furniture(line.text) for line in lines]
    exact = [line.width if ok and line.width >= MIN_COLUMN_WIDTH and EXACT.fullmatch(line.text) else None
             for line, ok in zip(lines, column, strict=True)]
    # The window of each line is [index - 6, index + 6], slid one line at a time: the
    # column lines in it (their count and sorted widths) and the counts of exact widths
    # are updated as lines enter and leave it, not collected again.
    widths = [line.width for line in lines]
    column_sum = 0
    window_widths: list[int] = []  # widths of the column lines in the window, sorted
    counts: dict[int, int] = {}
    counts_changed = True
    top = most_common = 0

    def enter(position: int) -> None:
        nonlocal column_sum, counts_changed
        if column[position]:
            column_sum += 1
            insort(window_widths, widths[position])
        width = exact[position]
        if width is not None:
            counts[width] = counts.get(width, 0) + 1
            counts_changed = True

    for position in range(min(NEIGHBOURS, count)):
        enter(position)
    result: list[int | None] = []
    for index, width in enumerate(widths):
        if index + NEIGHBOURS < count:
            enter(index + NEIGHBOURS)
        leaving = index - NEIGHBOURS - 1
        if leaving >= 0:
            if column[leaving]:
                column_sum -= 1
                del window_widths[bisect_left(window_widths, widths[leaving])]
            exact_width = exact[leaving]
            if exact_width is not None:
                if counts[exact_width] == 1:
                    del counts[exact_width]
                else:
                    counts[exact_width] -= 1
                counts_changed = True
        if width > MAX_COLUMN_WIDTH:
            result.append(None)
            continue
        low = index - NEIGHBOURS if index > NEIGHBOURS else 0
        high = index + NEIGHBOURS + 1 if index + NEIGHBOURS < count else count
        around = column_sum - column[index]
        if around < 3 or around < (high - low - 1) / 2:
            result.append(None)  # too few column lines around (short lines among long ones)
            continue
        if counts_changed:
            top = max(counts.values(), default=0)
            most_common = max((w for w, n in counts.items() if n == top), default=0)
            counts_changed = False
        if top >= 2:
            # Full lines of Han all have the same width: the most common one (ties: wider).
            result.append(most_common)
            continue
        # The other column lines nearby, by width: the window without this line.
        near = len(window_widths) - column[index]
        rank = (3 * near) // 5  # short lines (paragraph ends) pull a plain median down: a higher rank
        if not near:
            typical = 0
        elif column[index] and rank >= bisect_left(window_widths, width):
            typical = window_widths[rank + 1]  # this line's width sits below the rank: skip it
        else:
            typical = window_widths[rank]
        result.append(typical if typical >= MIN_COLUMN_WIDTH else None)
    # A line far wider than its neighbours' column is not in it (a headline, a long
    # paragraph line).
    result = [w if w is None or line.width <= w + 6 else None for w, line in zip(result, lines, strict=True)]
    return result


def measure(lines: list[Line]) -> PageShape:
    gaps = len(lines) - 1
    blank_gaps = sum(1 for line in lines[1:] if line.blank_before)
    # A blank line after a line of text that stops mid-sentence is the extractor's
    # noise, not a break; several of them make all blank lines noise.
    wraps = sum(1 for before, line in pairwise(lines)
                if line.blank_before and not before.ends_sentence and before.has_clause_punct
                and not _furniture(before.text))
    indented = sum(1 for line in lines[1:] if line.indent)
    sentence_ends = sum(1 for line in lines if line.ends_sentence) + 1
    return PageShape(
        column_width=local_column_widths(lines),
        # Noise needs evidence: several blank lines inside sentences.
        blank_lines_meaningful=gaps > 0 and (blank_gaps <= 0.3 * gaps or wraps < max(2, 0.05 * blank_gaps)),
        # Paragraph indents would appear on about as many lines as sentences end.
        indent_marks_box=indented <= 0.35 * sentence_ends,
        usual_blank=Counter(line.blank_before for line in lines[1:]).most_common(1)[0][0] if gaps > 0 else 0,
    )


def _furniture(text: str) -> bool:
    return bool(MARKDOWN_HEADING.match(text)) or is_byline(text) or is_source_line(text)
