"""What the page itself says about its layout: column width, blank lines, indents."""

from __future__ import annotations

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
    Full lines share one width, while headings, first lines and last lines vary, so
    the column width is the width that most lines nearby fill (see `_support`).
    Columns change width within a page (and within a story, where text runs around
    a picture), so only the six lines before and after count.
    """
    column = [line.width <= MAX_COLUMN_WIDTH and not _furniture(line.text) for line in lines]
    exact = [line.width if ok and EXACT.fullmatch(line.text) else None for line, ok in zip(lines, column, strict=True)]
    result: list[int | None] = []
    for index, line in enumerate(lines):
        if line.width > MAX_COLUMN_WIDTH:
            result.append(None)
            continue
        low, high = max(0, index - NEIGHBOURS), index + NEIGHBOURS + 1
        around = sum(column[low:high]) - column[index]
        if around < 3 or around < (min(high, len(lines)) - low - 1) / 2:
            result.append(None)  # too few column lines around (short lines among long ones)
            continue
        near = [i for i in range(low, min(high, len(lines))) if column[i]]
        candidates = {lines[i].width for i in near if lines[i].width >= MIN_COLUMN_WIDTH}
        if not candidates:
            result.append(None)
            continue
        (_, filling), width = max((_support(lines, near, exact, w), w) for w in candidates)
        result.append(width if filling >= 2 else None)  # one line is no column
    # A line far wider than its neighbours' column is not in it (a headline, a long
    # paragraph line).
    result = [w if w is None or line.width <= w + 6 else None for w, line in zip(result, lines, strict=True)]
    return result


def _support(lines: list[Line], near: list[int], exact: list[int | None], width: int) -> tuple[int, int]:
    """How well the lines `near` fit a column of `width`, and how many fill it: a line
    of Han exactly that wide counts twice (it measures the column), a line a cell short
    (a digit, a Latin letter) or over it by punctuation that can be squeezed or hung in
    the margin counts once; a line of body text (it has clause punctuation) too wide
    for it counts against it. Headings may run wider than their column."""
    support = filling = 0
    for i in near:
        line = lines[i]
        if line.width == width:
            support += 2 if exact[i] is not None else 1
        elif line.width == width - 1 or (line.width > width and line.squeeze and line.min_width <= width + 1):
            support += 1
        else:
            if line.min_width > width + 1 and line.has_clause_punct:
                support -= 2  # body text too wide for such a column: the column is wider
            continue
        filling += 1
    return support, filling


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
