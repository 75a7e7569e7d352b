"""The layout stage, step one: turn page text into one block per line.

It reads the page's lines, decides every gap (column wrap or block end), and
returns the edits that join wrapped lines and normalise block breaks, plus what
each resulting line is. The engine applies and records the edits like any rule's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.engine.record import Decision, Edit
from cleaner.layout.columns import measure
from cleaner.layout.lines import Line, make_line, split_lines
from cleaner.layout.paragraphs import HYPHENATED, RawBlock, fills_column, heading_joiner, segment, wrap_joiner
from cleaner.layout.patterns import HAS_CONTENT, MARKDOWN_HEADING, TRAILING_SOURCE


@dataclass(slots=True)
class BlockInfo:
    """What the layout stage knows of one output line (one block)."""

    kind: str  # paragraph | heading | byline | source | markdown | furniture
    box_start: bool
    blank_before: bool
    hard_break_before: bool
    level: int = 0
    line_count: int = 1
    weakest_join: float = 1.0
    # Its first line is body text filling the column, unindented: it goes on from text
    # printed elsewhere (a paragraph opens with an indent, or two characters short where
    # the indent is lost).
    starts_mid_paragraph: bool = False
    # Its last line stops mid-sentence at the column's end (or on a pause mark): the
    # paragraph goes on in text printed elsewhere.
    ends_mid_sentence: bool = False


# A paragraph break kept as it was (one newline, no edit) but decided below this
# confidence is recorded as a decision, so the reviewer's report can rank it.
WEAK_BREAK = 0.75


@dataclass(slots=True)
class LayoutPlan:
    edits: list[tuple[str, Edit]]  # (rule name, edit), all against the same text
    blocks: list[BlockInfo]
    decisions: list[Decision] = field(default_factory=list)  # spans in the same text as the edits


def plan_blocks(text: str, enabled: frozenset[str]) -> LayoutPlan:
    lines = split_lines(text)
    edits: list[tuple[str, Edit]] = []
    if not lines:
        if text:
            edits.append(("paragraph-break", Edit(0, len(text), "")))
        return LayoutPlan(edits, [])
    shape = measure(lines)
    raw_blocks = segment(lines, shape, join_enabled="join-wrap" in enabled,
                         headings_enabled="heading-join" in enabled)
    infos: list[BlockInfo] = []
    if lines[0].start > 0:
        edits.append(("paragraph-break", Edit(0, lines[0].start, "", note="page start")))
    previous_end: int | None = None
    decisions: list[Decision] = []
    for block in raw_blocks:
        first = block.lines[0]
        gap = block.gaps[0]
        if previous_end is not None and text[previous_end : first.start] != "\n":
            edits.append(("paragraph-break",
                          Edit(previous_end, first.start, "\n", note=gap.reason, confidence=gap.confidence)))
        elif previous_end is not None and gap.confidence < WEAK_BREAK:
            decisions.append(Decision("paragraph-break", "break", f"paragraph break kept: {gap.reason}",
                                      gap.confidence, {"reason": gap.reason}, previous_end, first.start))
        _join_lines(text, block, edits)
        info = BlockInfo(
            kind=block.kind,
            box_start=block.box_start,
            blank_before=block.blank_before,
            hard_break_before=block.hard_break_before,
            level=block.level,
            line_count=len(block.lines),
            weakest_join=min((g.confidence for g in block.gaps[1:]), default=1.0),
            starts_mid_paragraph=_starts_mid_paragraph(block, shape.column_width[first.index]),
            ends_mid_sentence=_ends_mid_sentence(block, shape.column_width[block.lines[-1].index]),
        )
        if block.kind == "markdown" and not HAS_CONTENT.search(first.text.lstrip("#")):
            info.kind = "paragraph"  # `# “`: nothing to head an article with; kept as text
        elif block.kind == "markdown" or block.drop_marker:
            marker = MARKDOWN_HEADING.match(first.text)
            # Drop the `## ` marker: the level is kept in the block info.
            edits.append(("paragraph-break", Edit(first.start, first.start + marker.start(2), "",
                                                  note="Markdown heading marker")))
            if block.kind == "markdown":
                info.kind = "heading"
        infos.append(info)
        last = block.lines[-1]
        credit = TRAILING_SOURCE.search(last.text) if block.kind == "paragraph" else None
        if credit and credit.start() > 0 and "source-credit" in enabled:
            cut = last.start + credit.start()
            glue_end = cut + (len(credit.group()) - len(credit.group().lstrip()))
            edits.append(("source-credit", Edit(cut, glue_end, "\n", note="source credit at paragraph end")))
            infos.append(BlockInfo(kind="source", box_start=False, blank_before=False, hard_break_before=False))
        previous_end = last.end
    if previous_end is not None and text[previous_end:] not in ("", "\n"):
        edits.append(("paragraph-break", Edit(previous_end, len(text), "", note="page end")))
    return LayoutPlan(edits, infos, decisions)


def _starts_mid_paragraph(block: RawBlock, width: int | None) -> bool:
    """Its first line is body text (clause punctuation: no heading run into the paragraph)
    that fills the column, unindented."""
    first = block.lines[0]
    return (block.kind == "paragraph" and not first.indent and first.has_clause_punct and width is not None
            and fills_column(first, width) and first.min_width > width - 3)  # not a first line squeezed


def _ends_mid_sentence(block: RawBlock, width: int | None) -> bool:
    last = block.lines[-1]
    return (block.kind == "paragraph" and not last.ends_sentence and width is not None
            and (last.ends_pause or fills_column(last, width)))


def _join_lines(text: str, block: RawBlock, edits: list[tuple[str, Edit]]) -> None:
    for number, (a, b, gap) in enumerate(zip(block.lines, block.lines[1:], block.gaps[1:], strict=False), 1):
        marker = MARKDOWN_HEADING.match(b.text) if block.kind in ("markdown", "heading") else None
        if number == block.kicker_lines:  # the next line's `## `, if any, goes with the line break
            edits.append(("heading-join", Edit(a.end, b.start + (marker.start(2) if marker else 0), " ",
                                               note="kicker over the title", confidence=0.8)))
            continue
        if marker is not None:  # the next line's `## ` goes with the line break
            title_a, title_b = (make_line(line.index, line.start, _markdown_title(line)) for line in (a, b))
            edits.append(("heading-join", Edit(a.end, b.start + marker.start(2),
                                               heading_joiner(title_a, title_b), note=gap.reason,
                                               confidence=gap.confidence)))
        elif block.kind == "heading":
            edits.append(("heading-join",
                          Edit(a.end, b.start, heading_joiner(a, b), note=gap.reason, confidence=gap.confidence)))
        elif b.text[:1].islower() and HYPHENATED.search(a.text):  # the cheap test first
            edits.append(("join-wrap", Edit(a.end - 1, b.start, "", note="hyphenated word", confidence=0.9)))
        else:
            edits.append(("join-wrap",
                          Edit(a.end, b.start, wrap_joiner(a, b), note=gap.reason, confidence=gap.confidence)))


def _markdown_title(line: Line) -> str:
    marker = MARKDOWN_HEADING.match(line.text)
    return marker.group(2) if marker else line.text
