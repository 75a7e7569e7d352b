"""Decide, for each pair of neighbouring lines, whether a column wrap or a block end
separates them, and group lines into blocks (paragraphs, headings, bylines, credits).

Every decision carries a confidence and the evidence for it, so the reviewer's
report can rank the weak ones.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from itertools import pairwise

import regex

from cleaner.chars import CJK_OPEN, HAN_RE
from cleaner.layout.columns import COLUMN_SLACK, PageShape
from cleaner.layout.headlines import LEAD_CHARS, match_score
from cleaner.layout.lines import ENDS_PHOTO_CREDIT, Line, make_line, text_width
from cleaner.layout.patterns import (
    ENUMERATION,
    HAS_CONTENT,
    MARKDOWN_HEADING,
    NEWS_LEAD,
    NUMERAL,
    SUBTITLE,
    is_byline,
    is_page_furniture,
    is_source_line,
)

LATIN_END = regex.compile(r"[A-Za-z0-9]$")
LATIN_START = regex.compile(r"^[A-Za-z0-9]")
OPENING = (*CJK_OPEN, "(", "[")
# What had to open the next line though it would have fitted at the end of this one: an
# unbreakable Latin word or number, and an opening bracket or quote (which never ends a
# line) with the word after it. `（TCO）` moves down whole, `（但是` takes its bracket down.
LATIN_RUN = regex.compile(r"[（(“‘《〈【]+(?:[A-Za-z0-9][A-Za-z0-9_.+/-]*)?|[A-Za-z0-9][A-Za-z0-9_.+/-]*")
LATIN_ALNUM = frozenset(string.ascii_letters + string.digits)
LATIN_RUN_FIRST = frozenset("（(“‘《〈【") | LATIN_ALNUM  # what a match opens with
# What a news lead (NEWS_LEAD) or a list item (ENUMERATION) may open with among the common
# ideographs (U+4E00..U+9FFF, none a digit): a line opening with another such ideograph is neither.
OPENER_IDEOGRAPHS = frozenset(NUMERAL + "第近日昨今前本")
HYPHENATED = regex.compile(r"[A-Za-z]-$")
# A heading has no clause punctuation; it may hold 、 · 《》“”（）— and spaces.
HEADING_PUNCT = regex.compile(r"[。！？；，,;!?：:]")
MAX_HEADING_LINE = 40  # characters; longer lines without punctuation are text
MAX_HEADING_CHARS = 48  # a headline with its kicker, over however many lines
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
    kind: str  # paragraph | heading | byline | source | markdown | furniture
    lines: list[Line]
    gaps: list[Gap] = field(default_factory=list)  # between its lines
    level: int = 0  # markdown heading level
    box_start: bool = False  # first line opens a text box (rare indent, page start)
    blank_before: bool = False
    hard_break_before: bool = False
    drop_marker: bool = False  # a Markdown marker (`# `) on a line that is text, not a heading
    kicker_lines: int = 0  # heading lines known to be a kicker: a kicker space follows them

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def line_kind(line: Line) -> str:
    if line.text[:1] == "#" and MARKDOWN_HEADING.match(line.text):  # the cheap test first
        # A heading never stops inside a sentence: `# 会议，` goes on in the next line.
        return "markdown-text" if line.ends_pause and not line.text.endswith(OPENING) else "markdown"
    if is_page_furniture(line.text):  # before bylines: an editor is credited as no author
        return "furniture"
    if is_byline(line.text):
        return "byline"
    if is_source_line(line.text):
        return "source"
    # A line may end in an opening quote or bracket and still be a heading (a Markdown
    # heading cut there reads the same when the clean text is read again). A photo
    # caption's credit (`…（记者 张明 摄）`) ends no heading.
    pause = line.ends_pause and not line.text.endswith(OPENING)
    # Clause punctuation (measured with the line) is heading punctuation too: no scan then.
    if (len(line.text) <= MAX_HEADING_LINE and not line.has_clause_punct and not HEADING_PUNCT.search(line.text)
            and not pause and not (line.ends_sentence and ENDS_PHOTO_CREDIT.search(line.text))):
        return "short"
    return "text"


def line_roles(lines: list[Line], kinds: list[str], shape: PageShape) -> list[str]:
    """What each line is: markdown | byline | source | furniture | heading | heading-cont | text.

    A heading line has no clause punctuation, starts a block (after a sentence end,
    a credit, a byline, a page or box start) and does not sit in the column like body
    text: it is off the column width, or a byline or a heading follows it, or it opens
    a text box whose next line is heading-like too. A line about two characters short of
    the column and followed by a full line is a paragraph's first line, not a heading.
    """
    roles: list[str] = []
    lone_candidates: list[int] = []  # one-line blocks that may be headings over a heading
    wrapped_heading_until = -1
    for index, line in enumerate(lines):
        kind = kinds[index]
        if kind in ("markdown", "byline", "source", "furniture"):
            roles.append(kind)
            continue
        if index <= wrapped_heading_until:
            roles.append("heading-cont")
            continue
        if kind == "markdown-text":
            roles.append("text")
            continue
        if kind != "short":
            roles.append("text")
            continue
        # Lines of punctuation alone are set apart later: read past them.
        back = index - 1
        while back >= 0 and not HAS_CONTENT.search(lines[back].text):
            back -= 1
        previous = lines[back] if back >= 0 else None
        previous_role = roles[back] if back >= 0 else None
        # A mark read past (`!` alone) joins the line above it: its sentence end counts.
        mark_ends_sentence = back < index - 1 and lines[index - 1].starts_continuation \
            and lines[index - 1].ends_sentence
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        next_kind = kinds[index + 1] if nxt else None
        width = shape.column_width[index]
        if width is not None and nxt is not None and nxt.width > width + COLUMN_SLACK:
            width = None  # short lines read as a column over text of one paragraph per line
        if previous_role in ("heading", "heading-cont") and not line.hard_break_before and not line.indent \
                and (not (shape.blank_lines_meaningful and line.blank_before)
                     or _last_piece_of_title(previous, line, width)) \
                and _heading_chars(lines, roles, index) + len(line.text) <= MAX_HEADING_CHARS \
                and (_off_column(line, width, nxt, next_kind) or _byline_follows(kinds, index)
                     or _over_unindented_paragraph(lines, index, width)
                     or _over_heading_line(lines, kinds, index, width)):
            roles.append("heading-cont")  # a headline set in large type wraps over several lines
            continue
        if (previous_role == "heading" and previous is not None and width is not None
                and width - 4 <= previous.width and previous.min_width <= width):
            end = _heading_wrapped_in_column(lines, kinds, index, width, _heading_chars(lines, roles, index))
            if end is not None:
                wrapped_heading_until = end
                roles.append("heading-cont")
                continue
        starts_block = (previous is None or line.hard_break_before
                        or (shape.blank_lines_meaningful and line.blank_before) or wider_gap(line, shape)
                        or previous_role in ("markdown", "byline", "source", "furniture", "heading", "heading-cont")
                        or previous.ends_sentence or mark_ends_sentence)
        if not starts_block or _opens_mid_sentence(nxt) or _opens_mid_sentence(line):
            roles.append("text")
            continue
        box_title = (shape.indent_marks_box and line.indent > 0 and next_kind == "short"
                     and nxt is not None and not nxt.indent)
        # Where indents mark paragraphs, a line without punctuation right before one ends
        # no paragraph: it is a heading, even one as wide as the column.
        over_paragraph = (not shape.indent_marks_box and nxt is not None and nxt.indent >= 2
                          and line.indent < 2 and not nxt.hard_break_before)  # 1: a box's stray space
        if (_off_column(line, width, nxt, next_kind) or _byline_follows(kinds, index) or box_title
                or over_paragraph or _over_unindented_paragraph(lines, index, width)
                or _over_heading_line(lines, kinds, index, width)):
            roles.append("heading")
        else:
            roles.append("text")
            if not line.ends_sentence:
                lone_candidates.append(index)
    for index in lone_candidates:
        if index + 1 < len(roles) and roles[index + 1] == "heading" and not lines[index + 1].indent:
            # A line without punctuation that starts a block and stops mid-sentence right
            # before a heading is no paragraph: body text runs on in full lines and ends a
            # sentence before a new block. It is a heading too: two stacked headlines (one
            # printed under its article, the next over its own), split later by content.
            roles[index] = "heading"
    return roles


def _last_piece_of_title(title: Line | None, line: Line, width: int | None) -> bool:
    """Too short to be a headline itself, right under a heading line that fills its
    column: the end of that title, which wrapped. An OCR engine reading the title's box
    sets such a short last line apart with a blank line."""
    return (title is not None and width is not None and len(line.text) < STACK_MIN_CHARS
            and title.width >= width - 4)


def _opens_mid_sentence(line: Line | None) -> bool:
    """The line opens with a comma or a closing mark (`，请阅读…`, or a mark alone that a
    wrap pushed down): its sentence began on the line above. Neither is a heading."""
    return line is not None and line.starts_continuation and not line.hard_break_before


def _over_unindented_paragraph(lines: list[Line], index: int, width: int | None) -> bool:
    """The next line has the shape of a paragraph's first line whose indent the extractor
    dropped (about two characters short, mid-sentence, a full line under it). Inside a
    paragraph every line is full, so the line above it, which has no clause punctuation,
    ends no paragraph: it is a heading, even one as wide as the column."""
    if width is None or index + 1 >= len(lines):
        return False
    line, nxt = lines[index], lines[index + 1]
    if line.indent or nxt.indent or nxt.hard_break_before:
        return False
    return _opens_paragraph_by_shape(nxt, lines[index + 2] if index + 2 < len(lines) else None, width)


def _opens_paragraph_by_shape(line: Line, after: Line | None, width: int) -> bool:
    """About two characters short of the column, going on in a full line: a paragraph's
    first line whose indent the extractor dropped. Its own width counts, squeezed marks
    not subtracted: a full line whose marks were set half-width is no first line."""
    if after is None or after.indent or after.hard_break_before or line.ends_sentence:
        return False
    # Two characters of indent leave it 4 or 5 cells short (5 with a narrow digit or letter
    # in it), one more character short when a mark pulled it down; a line inside a
    # paragraph is at most 3 short (a mark pulled down with a narrow character in the line).
    return width - 7 <= line.width + line.run_on <= width - 4 and _filled(after) >= width - 2


def _over_heading_line(lines: list[Line], kinds: list[str], index: int, width: int | None) -> bool:
    """The next line has no clause punctuation, stops short of the column without ending
    a sentence and is no paragraph's first line: a heading line. Body text under a
    heading would run on in full lines, so the line above it belongs to the heading too."""
    if index + 1 >= len(lines) or kinds[index + 1] != "short":
        return False
    nxt = lines[index + 1]
    if nxt.hard_break_before or nxt.indent or nxt.ends_sentence:
        return False
    if width is not None and nxt.width > width:
        return False  # wider than the column: a column misread as narrower is likelier
    after = lines[index + 2] if index + 2 < len(lines) else None
    return _off_column(nxt, width, after, kinds[index + 2] if after is not None else None)


def _heading_wrapped_in_column(lines: list[Line], kinds: list[str], index: int, width: int,
                               heading_chars: int) -> int | None:
    """The last line of a heading set at the column width and wrapped like body text,
    when `lines[index]` (full, under a heading line nearly as wide: the wrap's first
    line, its indent or a squeezed mark aside) starts its rest: every line of the
    run has no clause punctuation, all but the last fill the column, and the last is
    short without ending a sentence, as body text never stops except at a page edge
    (a paragraph's first sentence under a headline carries a comma within a line or two)."""
    total = heading_chars
    for end in range(index, len(lines)):
        line = lines[end]
        if kinds[end] != "short" or line.hard_break_before or (end > index and line.indent):
            return None
        total += len(line.text)
        if total > MAX_HEADING_CHARS:
            return None
        if fills_column(line, width):
            continue
        nxt = lines[end + 1] if end + 1 < len(lines) else None
        if end == index or line.ends_sentence or (nxt is not None and nxt.starts_continuation):
            return None
        return end
    return None


def _heading_chars(lines: list[Line], roles: list[str], index: int) -> int:
    """Characters of the heading that the line before `index` belongs to."""
    total = 0
    for back in range(index - 1, -1, -1):
        total += len(lines[back].text)
        if roles[back] != "heading-cont":
            break
    return total


def wider_gap(line: Line, shape: PageShape) -> bool:
    """Where a blank line follows most lines, two or more mark a real break."""
    return not shape.blank_lines_meaningful and shape.usual_blank >= 1 and line.blank_before > shape.usual_blank


def _off_column(line: Line, width: int | None, nxt: Line | None, next_kind: str | None) -> bool:
    if width is None:
        return True
    if fills_column(line, width):
        return False
    return not _first_line_shape(line, width, nxt, next_kind)


def fills_column(line: Line, width: int) -> bool:
    """A body line fills its column; only its punctuation, squeezed or hung in the
    margin, lets it run over."""
    return line.width >= width - 2 and (line.width <= width or (line.min_width <= width + 1 and line.squeeze > 0))


def _first_line_shape(line: Line, width: int, nxt: Line | None, next_kind: str | None) -> bool:
    """About two characters short of the column (an indent the extractor dropped), and
    the next line does not look like a first line itself (as a paragraph's does after
    a subhead): a paragraph's first line, not a heading."""
    # A first line holds the column less its two-character indent, or stops shorter when
    # the Latin word or number that comes next (with its opening bracket) did not fit.
    short_enough = line.min_width <= width - 3
    if not short_enough or nxt is None or next_kind not in ("text", "short"):
        return False
    # Long enough: its marks at full width (as a first line sets them), with the word
    # that did not fit.
    if line.width + line.run_on < width - 6:
        return False
    if next_kind == "short" and not fills_column(nxt, width) and not _near_first_line(nxt, width):
        return False  # the next line is no body line: a heading, so this one is too
    return _filled(nxt) >= width - 2 or nxt.ends_sentence or not _near_first_line(nxt, width)


def _near_first_line(line: Line, width: int) -> bool:
    return line.width + line.run_on >= width - 6 and line.min_width <= width - 3 and _filled(line) < width - 2


def _filled(line: Line) -> int:
    """How much of the column a line takes, counting the Latin word or number that
    did not fit at its end (and so opens the next line) when its sentence goes on."""
    return line.width if line.ends_sentence else line.width + line.run_on


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
               next_line: Line | None, block_chars: int = 0, a_opens_block: bool = False) -> Gap:
    """Join `a` and `b` into one block, or keep a break between them?

    `block_chars` is the length of the block `a` ends (a run of lines already joined):
    without columns, a long block that stops mid-sentence was cut at an edge.
    `a_opens_block`: `a` is the first line of its block, so a paragraph's first line."""
    if b.hard_break_before:
        return Gap(False, 1.0, "page or region break")
    if role_a == "heading" and role_b == "markdown" and not b.blank_before and len(a.text) < len(b.text):
        # A kicker in smaller type over the headline, which the extractor marked alone.
        return Gap(True, 0.65, "kicker over a Markdown headline")
    if role_a == role_b == "markdown" and not b.blank_before and _markdown_level(a) == _markdown_level(b):
        # An extractor marks every line of a wrapped headline; two headlines stacked
        # one over the other are told apart later, by content (_split_heading_stacks).
        return Gap(True, 0.7, "Markdown heading over two lines")
    for role in (role_a, role_b):
        if role in ("markdown", "byline", "source", "furniture"):
            return Gap(False, 0.95, f"{role} line")
    if role_b == "heading-cont":
        return Gap(True, 0.75, "heading over two lines")
    if role_b == "heading":
        return Gap(False, 0.8, "next line is a heading")
    if role_a in ("heading", "heading-cont"):
        return Gap(False, 0.8, "heading ends")
    if b.starts_continuation:
        return Gap(True, 0.95, "next line starts with closing punctuation")
    if width is not None and b.width > width + COLUMN_SLACK:
        # The next line is no line of this column (short lines among long ones read as
        # one): the page holds one paragraph per line here, and `a` wraps into nothing.
        width = None
    first = b.text[:1]
    if ((first in OPENER_IDEOGRAPHS or not "\u4e00" <= first <= "\u9fff")  # the cheap test first
            and (NEWS_LEAD.match(b.text) or ENUMERATION.match(b.text))):
        # `据…官网消息，` / `3月21日，…`: a clause cut at a pause mark goes on, whatever
        # the next line looks like; only a short line ending in `：` introduces a list.
        if a.ends_pause and not (a.text.endswith(("：", ":")) and width is not None and a.width < width - 1):
            return Gap(True, 0.75, "line ends inside a sentence (，、：) before a lead-like opener")
        if not a.ends_sentence and width is not None and _filled(a) >= width - 1:
            return Gap(True, 0.7, "full line ends mid-sentence before a lead-like opener (`第` / `6.2节`)")
        if not a.ends_sentence and width is not None and not b.indent and _opens_paragraph_by_shape(a, b, width):
            # A first line short only by its lost indent goes on in the full line under it,
            # which a new paragraph's first line (short by its own indent) would not be.
            return Gap(True, 0.7, "first line of a paragraph (indent lost) goes on before a lead-like opener")
        return Gap(False, 0.8, "next line opens a paragraph (news lead or list item)")
    # A line that stops mid-sentence goes on in the next line; this outranks blank
    # lines and indents, which extractors scatter, but not a paragraph opener.
    if not a.ends_sentence:
        if a.ends_pause:
            return Gap(True, 0.9, "line ends inside a sentence (，、：)")
        if width is not None and _filled(a) >= width - 1:
            return Gap(True, 0.9, "full line ends mid-sentence")
        if width is not None and not b.indent and _opens_paragraph_by_shape(a, b, width):
            # Short only by its indent: a paragraph's first line, which goes on in the next.
            return Gap(True, 0.8, "first line of a paragraph (indent lost) goes on")
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
    if not a.ends_sentence and b.indent >= 2 and not shape.indent_marks_box and _filled(a) < width - 2:
        # Where indents mark paragraphs, a short line over one ends its paragraph, on a
        # closing bracket (`（…）`) or at the edge of the text.
        return Gap(False, 0.7, "short line over an indented line")
    if a.ends_sentence:
        if a.width < width - 1:
            if a_opens_block and _first_line_filled(a, b, width):
                return Gap(True, 0.6, "first line full but for its lost indent ends a sentence; full line next")
            if a.width + a.run_on > width and not b.indent and fills_column(b, width):
                # The Latin word opening `b` did not fit at the end of `a`: `a` is full, and
                # `b` is full too, where a new paragraph's first line is short by its indent.
                return Gap(True, 0.6, "sentence ends where a Latin word did not fit; a full line follows")
            return Gap(False, 0.95, "short line ends a sentence: paragraph end")
        if b.indent:
            return Gap(False, 0.85, "sentence ends at a full line; next line indented")
        if _indented_first_line(b, width, next_line):
            return Gap(False, 0.7, "sentence ends at a full line; next line is two characters short")
        return Gap(True, 0.65, "sentence ends at a full line; nothing marks a new paragraph")
    return Gap(True, 0.6, "short line ends mid-sentence")


def _first_line_filled(a: Line, b: Line, width: int) -> bool:
    """A paragraph's first line holds the column less its two-character indent: where
    the extractor dropped the indent, it ends a sentence two characters short of full
    and the paragraph goes on in a full line. A one-line paragraph of that length would
    be followed by another first line, short by its indent, not by a full line."""
    return not a.indent and not b.indent and a.width >= width - 5 and fills_column(b, width)


def _markdown_level(line: Line) -> int:
    marker = MARKDOWN_HEADING.match(line.text)
    return len(marker.group(1)) if marker else 0


def _indented_first_line(b: Line, width: int, next_line: Line | None) -> bool:
    """A paragraph's first line lost its two-character indent: about 4 cells short,
    not ending the paragraph itself, followed by a full line."""
    if b.min_width > width - 3 or b.width + b.run_on < width - 6 or b.ends_sentence:
        return False
    if b.width > width - 2 and not OPENER_CLAUSE.match(b.text):
        return False
    return next_line is None or _filled(next_line) >= width - 2


def segment(lines: list[Line], shape: PageShape, *, join_enabled: bool = True,
            headings_enabled: bool = True) -> list[RawBlock]:
    """Group lines into raw blocks, deciding every gap."""
    for line, nxt in pairwise(lines):
        run = LATIN_RUN.match(nxt.text) if nxt.text[:1] in LATIN_RUN_FIRST else None  # the cheap test first
        line.run_on = text_width(run.group()) if run and not nxt.hard_break_before else 0
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
                             shape, lines[index + 1] if index + 1 < len(lines) else None, block_chars,
                             bool(blocks) and len(blocks[-1].lines) == 1)
        else:
            gap = Gap(False, 1.0, "first line" if not index else "joining disabled")
        if gap.join and blocks:
            blocks[-1].lines.append(line)
            blocks[-1].gaps.append(gap)
            block_chars += len(line.text)
            continue
        block_chars = len(line.text)
        blocks.append(RawBlock(
            kind={"heading": "heading", "heading-cont": "heading", "text": "paragraph"}.get(role, role),
            lines=[line],
            gaps=[gap],
            level=_markdown_level(line) if role == "markdown" else 0,
            box_start=index == 0 or (shape.indent_marks_box and line.indent > 0) or wider_gap(line, shape),
            blank_before=line.blank_before > 0 and shape.blank_lines_meaningful,
            hard_break_before=line.hard_break_before,
            drop_marker=kinds[index] == "markdown-text",
        ))
    merged: list[RawBlock] = []
    for block in blocks:
        # A block is judged by its joined text too: lines joined into something short
        # without clause punctuation read as a heading, as they will when read again.
        previous = merged[-1] if merged else None
        under_heading = previous is not None and previous.kind == "heading" and not block.hard_break_before
        # Joined only where it can matter: a line longer than a heading line is never short.
        short = (block.kind == "paragraph" and (under_heading or len(block.lines) > 1)
                 and sum([len(line.text) for line in block.lines]) <= MAX_HEADING_LINE
                 and line_kind(_joined(block)) == "short")
        # A paragraph without clause punctuation right under a heading continues it when
        # the clean text (one block per line) is read again: so it does now. Lines of
        # it go on the heading's title where they are as wide as its last line (a title
        # wraps at its full width); `_split_heading_stacks` cuts two headlines apart.
        if short and under_heading and (len(block.lines) == 1 or _wraps_on(previous.lines[-1], block.lines[0])):
            previous.lines.extend(block.lines)
            previous.gaps.append(Gap(True, 0.6, "short line under a heading continues it"))
            previous.gaps.extend(block.gaps[1:])
            continue
        if short and len(block.lines) > 1:
            block.kind = "heading"
        merged.append(block)
    return _headline_printed_again(_split_heading_stacks(_subtitles(merged)))


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


HEADING_KINDS = ("heading", "markdown")
STACK_MARGIN = 0.25  # the top of a heading stack fits the article above this much better than the one below
STACK_MATCH = 0.5  # ... and with the bottom fitting the one below, the evidence adds up to this
STACK_MIN_CHARS = 4  # a headline has at least this many characters
STACK_ELSEWHERE = 0.6  # the top heads an article elsewhere on the page only if it fits that one this well


def _split_heading_stacks(blocks: list[RawBlock]) -> list[RawBlock]:
    """Two headlines printed one over the other (one under its article, the next above
    its own) read like one two-line heading. Where the top lines sum up the article
    above and not the one below, they are that article's headline: split the stack.
    Where content says nothing, the widths may: a wrapped title over one set at least
    as wide is a headline of its own (`_title_boundary`)."""
    result: list[RawBlock] = []
    other_leads: list[str] | None = None  # leads of the page's text runs, read when first needed
    for index, block in enumerate(blocks):
        if block.kind not in HEADING_KINDS or len(block.lines) < 2 \
                or SUBTITLE.match(block.lines[-1].text):
            result.append(block)
            continue
        if other_leads is None:
            other_leads = _run_leads(blocks)
        aboves, below = _leads_before(blocks, index), _lead_after(blocks, index)
        # The top may head an article above (printed under it) or one printed elsewhere.
        elsewhere = [lead for lead in other_leads if lead != below and lead not in aboves]
        best = _best_stack_cut(block.lines, aboves, below, elsewhere)
        if best is not None:
            evidence, cut, fit_other, fit_below = best
            reason = f"headline of another article (fits it {fit_other:.2f}, the one below {fit_below:.2f})"
            result += _cut_block(block, cut, Gap(False, min(0.95, 0.5 + evidence / 2), reason))
            continue
        cut = _title_boundary(block.lines)
        if cut is not None:
            reason = "two titles set in boxes of their own (a wrapped title, then a line set another width)"
            result += _cut_block(block, cut, Gap(False, 0.7, reason))
            continue
        result.append(block)
    return result


def _cut_block(block: RawBlock, cut: int, gap: Gap) -> list[RawBlock]:
    """`block` as two blocks of its kind, its lines cut before `cut` with `gap`."""
    return [RawBlock(block.kind, block.lines[:cut], block.gaps[:cut], block.level, block.box_start,
                     block.blank_before, block.hard_break_before),
            RawBlock(block.kind, block.lines[cut:], [gap, *block.gaps[cut + 1 :]], block.level)]


def _best_stack_cut(lines: list[Line], aboves: list[str], below: str,
                    elsewhere: list[str]) -> tuple[float, int, float, float] | None:
    """Where a heading stack splits into the headline of another article (the top) and
    the headline of the article below: (evidence, cut, the top's fit to the other
    article, its fit to the one below); None where it does not. No cut falls between
    lines of one width (where a title wraps), except between two lines alone: two
    one-line titles may be as wide by chance."""
    best: tuple[float, int, float, float] | None = None
    for cut in range(1, len(lines)):
        if len(lines) > 2 and _wraps_on(lines[cut - 1], lines[cut]):
            continue
        top = "".join(line.text for line in lines[:cut])
        bottom = "".join(line.text for line in lines[cut:])
        if min(len(top), len(bottom)) < STACK_MIN_CHARS:
            continue
        top_below = match_score(top, below)
        top_other, other = max((match_score(top, lead), lead) for lead in aboves)
        for lead in elsewhere:  # away from its article only on strong evidence
            fit = match_score(top, lead)
            if fit >= STACK_ELSEWHERE and fit > top_other:
                top_other, other = fit, lead
        # The top must sum up another article; the bottom must not sum that one up
        # better than the article below.
        evidence = (top_other - top_below) + (match_score(bottom, below) - match_score(bottom, other))
        if top_other - top_below < STACK_MARGIN or evidence < STACK_MATCH:
            continue
        if best is None or evidence > best[0]:
            best = (evidence, cut, top_other, top_below)
    return best


def _title_runs(lines: list[Line]) -> list[int]:
    """Where each run of lines set at one width starts: a title wraps at the full width
    of its box, so its lines are as wide as its first, except the last, which may be
    shorter. A line wider than the run starts a new run, as does any line after the
    short last one; a short line with one as wide under it starts a new run itself."""
    starts = [0]
    width = lines[0].width
    for index in range(1, len(lines)):
        before, line = lines[index - 1], lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        ended = index - 1 > starts[-1] and before.width + before.run_on < width - 1  # its short last line came
        # (exactly as wide: Latin letters and digits make a title's lines vary by a cell)
        narrower_run = line.width < width - 1 and nxt is not None and nxt.width == line.width
        if ended or line.width > width + 1 or narrower_run:
            starts.append(index)
            width = line.width
    return starts


def _title_boundary(lines: list[Line]) -> int | None:
    """The first line of a second title under a title wrapped over two lines or more,
    set at least as wide. A kicker over its title is set in smaller type, so a kicker
    that wraps runs wider than the title under it (over two lines at most: a kicker is
    short); a title's last line is its only short one. A short line that opens with a
    quote or bracket is no title's end: an OCR engine reads a quoted phrase as a box of
    its own. None where the lines read as one headline."""
    starts = _title_runs(lines)
    for first, second in pairwise(starts):
        if second - first >= 2 and not lines[second - 1].text.startswith(OPENING) \
                and (lines[second].width >= lines[first].width - 1 or second - first >= 3) \
                and sum(len(line.text) for line in lines[second:]) >= STACK_MIN_CHARS:
            return second
    return None


def _wraps_on(line: Line, after: Line) -> bool:
    """A title wraps at the full width of its box, so its next line is as wide as this
    one (or shorter, the title's last). Two stacked titles meet where the upper one ends
    short or the lower one opens wider: a line as wide as the one after it goes on in it
    (a title that fills its last line exactly is the rare exception)."""
    return abs(line.width - after.width) <= 1 and after.index == line.index + 1


def _headline_printed_again(blocks: list[RawBlock]) -> list[RawBlock]:
    """A run of heading lines that ends with the same text as the lines before it: the
    page printed the headline again as its body's first line (wrapped at the column,
    so its lines break elsewhere). That copy is the body's, as text: `dedup-repeats`
    finds it there, next to its original."""
    result: list[RawBlock] = []
    index = 0
    while index < len(blocks):
        if blocks[index].kind != "heading":
            result.append(blocks[index])
            index += 1
            continue
        end = index
        while end < len(blocks) and blocks[end].kind == "heading":
            end += 1
        run = blocks[index:end]
        found = _repeated_tail(["".join(line.text.split()) for block in run for line in block.lines])
        if found is None:
            result.extend(run)
        else:
            title, cut = found
            seen = first = 0
            while seen + len(run[first].lines) <= title:  # blocks wholly over the title stay as they are
                result.append(run[first])
                seen += len(run[first].lines)
                first += 1
            lines = [line for block in run[first:] for line in block.lines]
            gaps = [gap for block in run[first:] for gap in block.gaps]
            # The title is one headline, over however many blocks it was read as: the
            # copy repeats it whole. Lines over it in its first block are its kicker.
            head = cut - seen
            joined = [Gap(True, 0.7, "one headline: the body's first line repeats it whole")
                      if not gap.join else gap for gap in gaps[1:head]]
            block = run[first]
            kept = RawBlock(block.kind, lines[:head], [gaps[0], *joined], block.level, block.box_start,
                            block.blank_before, block.hard_break_before)
            if title > seen:
                kept.kicker_lines = title - seen
            result.append(kept)
            copy = lines[head:]
            reason = "the headline printed again as the body's first line"
            gaps = [Gap(False, 0.8, reason)] + [Gap(True, 0.8, reason)] * (len(copy) - 1)
            result.append(RawBlock("paragraph", copy, gaps, hard_break_before=copy[0].hard_break_before))
        index = end
    return result


def _repeated_tail(texts: list[str]) -> tuple[int, int] | None:
    """(start, cut): the last lines, from `cut`, repeat as one text the lines from `start`.
    A headline holds words: a repeat of digits or letters alone (`2025`) is none."""
    for cut in range(1, len(texts)):
        tail = "".join(texts[cut:])
        if len(HAN_RE.findall(tail)) < STACK_MIN_CHARS:
            break
        before = ""
        for start in range(cut - 1, -1, -1):
            before = texts[start] + before
            if len(before) >= len(tail):
                if before == tail:
                    return start, cut
                break
    return None


def _run_leads(blocks: list[RawBlock]) -> list[str]:
    """The lead of every run of text blocks between headings on the page."""
    leads, run_start = [], 0
    for index, block in enumerate([*blocks, None]):
        if block is None or block.kind in HEADING_KINDS:
            lead = _paragraph_text(blocks[run_start:index])
            if lead:
                leads.append(lead)
            run_start = index + 1
    return leads


def _leads_before(blocks: list[RawBlock], index: int) -> list[str]:
    """The leads of the articles that may end right above a heading: the text since the
    heading before, and the last article that a byline opened or a source credit let
    begin within that text (its own headline may be the one printed under it)."""
    start = index
    while start > 0 and blocks[start - 1].kind not in HEADING_KINDS:
        start -= 1
    leads = [_paragraph_text(blocks[start:index])]
    for inner in range(index - 1, start, -1):
        if blocks[inner - 1].kind in ("byline", "source"):
            leads.append(_paragraph_text(blocks[inner:index]))
            break
    return leads


def _lead_after(blocks: list[RawBlock], index: int) -> str:
    end = index + 1
    while end < len(blocks) and blocks[end].kind not in HEADING_KINDS:
        end += 1
    return _paragraph_text(blocks[index + 1 : end])


def _paragraph_text(blocks: list[RawBlock]) -> str:
    text = ""
    for block in blocks:
        if block.kind == "paragraph":
            text += block.text
            if len(text) >= LEAD_CHARS:
                break
    return text


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
    # The cheap test first: what the patterns' last (first) character can be. (`$` matches
    # before a final newline too.)
    if (a.text[-1:] in LATIN_ALNUM or a.text.endswith("\n")) and LATIN_END.search(a.text) \
            and LATIN_START.match(b.text):
        return " "
    return ""
