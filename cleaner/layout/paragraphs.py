"""Decide, for each pair of neighbouring lines, whether a column wrap or a block end
separates them, and group lines into blocks (paragraphs, headings, bylines, credits).

Every decision carries a confidence and the evidence for it, so the reviewer's
report can rank the weak ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from cleaner.layout.columns import PageShape
from cleaner.layout.lines import Line, make_line
from cleaner.layout.patterns import (
    ENUMERATION,
    MARKDOWN_HEADING,
    NEWS_LEAD,
    SUBTITLE,
    is_byline,
    is_source_line,
)

LATIN_END = regex.compile(r"[A-Za-z0-9]$")
LATIN_START = regex.compile(r"^[A-Za-z0-9]")
HYPHENATED = regex.compile(r"[A-Za-z]-$")
# A heading has no clause punctuation; it may hold 、 · 《》“”（）— and spaces.
HEADING_PUNCT = regex.compile(r"[。！？；，,;!?：:]")
MAX_HEADING_LINE = 40  # characters; longer lines without punctuation are text
# A paragraph often opens with a short adverbial and a comma: `会上，` `同时，` `下一步，`.
OPENER_CLAUSE = regex.compile(r"^\p{Han}{1,4}[，,]")
LONG_LINE = 20  # characters: a line this long that stops mid-sentence was cut, not ended


@dataclass(slots=True)
class Gap:
    """The decision between two neighbouring lines."""

    join: bool
    confidence: float
    reason: str


@dataclass(slots=True)
class RawBlock:
    kind: str  # paragraph | heading | byline | source | markdown
    lines: list[Line]
    gaps: list[Gap] = field(default_factory=list)  # between its lines
    level: int = 0  # markdown heading level
    box_start: bool = False  # first line opens a text box (rare indent, page start)
    blank_before: bool = False
    hard_break_before: bool = False

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def line_kind(line: Line) -> str:
    if MARKDOWN_HEADING.match(line.text):
        return "markdown"
    if is_byline(line.text):
        return "byline"
    if is_source_line(line.text):
        return "source"
    if len(line.text) <= MAX_HEADING_LINE and not HEADING_PUNCT.search(line.text) and not line.ends_pause:
        return "short"
    return "text"


def line_roles(lines: list[Line], kinds: list[str], shape: PageShape) -> list[str]:
    """What each line is: markdown | byline | source | heading | heading-cont | text.

    A heading line has no clause punctuation, starts a block (after a sentence end,
    a credit, a byline, a page or box start) and does not sit in the column like body
    text: it is off the column width, or a byline follows it, or it opens a text box
    whose next line is heading-like too. A line about two characters short of the
    column and followed by a full line is a paragraph's first line, not a heading.
    """
    roles: list[str] = []
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind in ("markdown", "byline", "source"):
            roles.append(kind)
            continue
        if kind != "short":
            roles.append("text")
            continue
        previous = lines[index - 1] if index else None
        previous_role = roles[index - 1] if index else None
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        next_kind = kinds[index + 1] if nxt else None
        width = shape.column_width[index]
        if previous_role == "heading" and not line.hard_break_before and not line.indent \
                and not (shape.blank_lines_meaningful and line.blank_before) \
                and (_off_column(line, width, nxt, next_kind) or _byline_follows(kinds, index)):
            roles.append("heading-cont")
            continue
        starts_block = (previous is None or line.hard_break_before
                        or (shape.blank_lines_meaningful and line.blank_before) or wider_gap(line, shape)
                        or previous_role in ("markdown", "byline", "source", "heading", "heading-cont")
                        or previous.ends_sentence)
        if not starts_block:
            roles.append("text")
            continue
        box_title = (shape.indent_marks_box and line.indent > 0 and next_kind == "short"
                     and nxt is not None and not nxt.indent)
        if _off_column(line, width, nxt, next_kind) or _byline_follows(kinds, index) or box_title:
            roles.append("heading")
        else:
            roles.append("text")
    return roles


def wider_gap(line: Line, shape: PageShape) -> bool:
    """Where a blank line follows most lines, two or more mark a real break."""
    return not shape.blank_lines_meaningful and shape.usual_blank >= 1 and line.blank_before > shape.usual_blank


def _off_column(line: Line, width: int | None, nxt: Line | None, next_kind: str | None) -> bool:
    if width is None:
        return True
    if abs(line.width - width) <= 2:
        return False
    indented_first_line = (width - 6 <= line.min_width <= width - 3 and nxt is not None
                           and next_kind in ("text", "short") and nxt.width >= width - 2)
    return not indented_first_line


def _byline_follows(kinds: list[str], index: int) -> bool:
    """A byline follows within two lines, with only heading-like lines between."""
    for offset in (1, 2):
        if index + offset >= len(kinds):
            return False
        if kinds[index + offset] == "byline":
            return True
        if kinds[index + offset] != "short":
            return False
    return False


def decide_gap(a: Line, b: Line, role_a: str, role_b: str, width: int | None, shape: PageShape,
               next_line: Line | None, block_chars: int = 0) -> Gap:
    """Join `a` and `b` into one block, or keep a break between them?

    `block_chars` is the length of the block `a` ends (a run of lines already joined):
    without columns, a long block that stops mid-sentence was cut at an edge."""
    if b.hard_break_before:
        return Gap(False, 1.0, "page or region break")
    for role in (role_a, role_b):
        if role in ("markdown", "byline", "source"):
            return Gap(False, 0.95, f"{role} line")
    if role_b == "heading-cont":
        return Gap(True, 0.75, "heading over two lines")
    if role_b == "heading":
        return Gap(False, 0.8, "next line is a heading")
    if role_a in ("heading", "heading-cont"):
        return Gap(False, 0.8, "heading ends")
    if b.starts_continuation:
        return Gap(True, 0.95, "next line starts with closing punctuation")
    if NEWS_LEAD.match(b.text) or ENUMERATION.match(b.text):
        return Gap(False, 0.8, "next line opens a paragraph (news lead or list item)")
    # A line that stops mid-sentence goes on in the next line; this outranks blank
    # lines and indents, which extractors scatter, but not a paragraph opener.
    if not a.ends_sentence:
        if a.ends_pause:
            return Gap(True, 0.9, "line ends inside a sentence (，、：)")
        if width is not None and a.width >= width - 1:
            return Gap(True, 0.9, "full line ends mid-sentence")
        if width is None and max(block_chars, len(a.text)) >= LONG_LINE:
            return Gap(True, 0.8, "long line stops mid-sentence (page or column edge)")
    if shape.blank_lines_meaningful and b.blank_before:
        return Gap(False, 0.9, "blank line where blank lines are rare")
    if wider_gap(b, shape):
        return Gap(False, 0.85, "more blank lines than between most lines")
    if shape.indent_marks_box and b.indent:
        return Gap(False, 0.85, "next line opens a text box (indent)")
    if width is None:
        if a.ends_sentence:
            return Gap(False, 0.95, "paragraph per line; sentence ends")
        return Gap(False, 0.55, "short line without final punctuation")
    if a.ends_sentence:
        if a.width < width - 1:
            return Gap(False, 0.95, "short line ends a sentence: paragraph end")
        if b.indent:
            return Gap(False, 0.85, "sentence ends at a full line; next line indented")
        if _indented_first_line(b, width, next_line):
            return Gap(False, 0.7, "sentence ends at a full line; next line is two characters short")
        return Gap(True, 0.65, "sentence ends at a full line; nothing marks a new paragraph")
    return Gap(True, 0.6, "short line ends mid-sentence")


def _indented_first_line(b: Line, width: int, next_line: Line | None) -> bool:
    """A paragraph's first line lost its two-character indent: about 4 cells short,
    not ending the paragraph itself, followed by a full line."""
    short_by = width - b.min_width
    if not 3 <= short_by <= 6 or b.ends_sentence:
        return False
    if b.width > width - 2 and not OPENER_CLAUSE.match(b.text):
        return False
    return next_line is None or next_line.width >= width - 2


def segment(lines: list[Line], shape: PageShape, *, join_enabled: bool = True,
            headings_enabled: bool = True) -> list[RawBlock]:
    """Group lines into raw blocks, deciding every gap."""
    kinds = [line_kind(line) for line in lines]
    roles = line_roles(lines, kinds, shape)
    if not headings_enabled:  # heading-join off: each heading line stands alone
        roles = ["heading" if r == "heading-cont" else r for r in roles]
    blocks: list[RawBlock] = []
    block_chars = 0
    for index, line in enumerate(lines):
        role = roles[index]
        if index and join_enabled:
            gap = decide_gap(lines[index - 1], line, roles[index - 1], role, shape.column_width[index - 1],
                             shape, lines[index + 1] if index + 1 < len(lines) else None, block_chars)
        else:
            gap = Gap(False, 1.0, "first line" if not index else "joining disabled")
        if gap.join and blocks:
            blocks[-1].lines.append(line)
            blocks[-1].gaps.append(gap)
            block_chars += len(line.text)
            continue
        block_chars = len(line.text)
        markdown = MARKDOWN_HEADING.match(line.text) if role == "markdown" else None
        blocks.append(RawBlock(
            kind={"heading": "heading", "heading-cont": "heading", "text": "paragraph"}.get(role, role),
            lines=[line],
            gaps=[gap],
            level=len(markdown.group(1)) if markdown else 0,
            box_start=index == 0 or (shape.indent_marks_box and line.indent > 0) or wider_gap(line, shape),
            blank_before=line.blank_before > 0 and shape.blank_lines_meaningful,
            hard_break_before=line.hard_break_before,
        ))
    for block in blocks:
        # A block is judged by its joined text too: lines joined into something short
        # without clause punctuation read as a heading, as they will when read again.
        if block.kind == "paragraph" and len(block.lines) > 1 and line_kind(_joined(block)) == "short":
            block.kind = "heading"
    return _subtitles(blocks)


def _joined(block: RawBlock) -> Line:
    first = block.lines[0]
    return make_line(first.index, first.start, "".join(line.text for line in block.lines), first.indent,
                     first.blank_before, first.hard_break_before)


def _subtitles(blocks: list[RawBlock]) -> list[RawBlock]:
    """A subtitle line (`——…`) printed under a title belongs to that title."""
    grouped: list[RawBlock] = []
    for block in blocks:
        previous = grouped[-1] if grouped else None
        if (previous is not None and previous.kind == "heading" and block.kind == "heading"
                and SUBTITLE.match(block.lines[0].text)):
            previous.lines.extend(block.lines)
            previous.gaps.append(Gap(True, 0.8, "subtitle under its title"))
            continue
        grouped.append(block)
    return grouped


def heading_joiner(first: Line, second: Line) -> str:
    """A kicker is a short line over a longer title: keep a space between them.
    A title wrapped over two lines is joined with nothing (as body text is)."""
    if SUBTITLE.match(second.text):
        return " "
    if len(first.text) <= 0.75 * len(second.text):
        return " "
    return wrap_joiner(first, second)


def wrap_joiner(a: Line, b: Line) -> str:
    """What replaces a line wrap inside a block: nothing between Chinese characters,
    a space between Latin words."""
    if LATIN_END.search(a.text) and LATIN_START.match(b.text):
        return " "
    return ""
