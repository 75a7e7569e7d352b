"""Line up the input and the output of one page, row by row, from the change record.

A row is one line of the cleaned output (a headline, byline, paragraph, subhead or
source line) with the span of the input it was read from, or a passage of the input
that is not in the output (a fragment, a removed passage). Rows partition the input:
each row owns its span and the gap after it, and every change belongs to the row
that owns its start. The spans come from the document the pipeline built, not from
re-diffing the two texts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from cleaner.document import Block
from cleaner.engine.record import Change
from cleaner.pipeline import Result
from cleaner.render import heading_line


@dataclass(slots=True)
class Row:
    kind: str  # headline | byline | paragraph | subhead | source | fragment | removed
    start: int  # input span of the text the row shows
    end: int
    out: str  # the cleaned line; "" when the text is not in the output
    order: tuple[int, int]  # display order: output order, with passages not in the output at their place
    own_start: int = 0  # the input range the row owns: its span and the gap after it
    own_end: int = 0
    note: str = ""  # what happened to the row as a whole
    changes: list[int] = field(default_factory=list)  # indexes into result.changes (inline)
    row_changes: list[int] = field(default_factory=list)  # changes that cover the whole row
    article: int = -1


def _article_rows(result: Result) -> list[Row]:
    rows: list[Row] = []
    for number, article in enumerate(result.document.articles):
        spans = [b.start for b in article.blocks] or [b.start for b in article.meta_blocks] or [0]
        key = min(spans)
        sequence = 0

        def add(kind: str, block: Block, out: str, *, number: int = number, key: int = key) -> None:
            nonlocal sequence
            rows.append(Row(kind, block.start, block.end, out, (key, sequence), article=number))
            sequence += 1

        metas = {kind: [b for b in article.meta_blocks if b.type == kind] for kind in ("headline", "byline", "source")}
        for block in metas["headline"]:
            add("headline", block, heading_line(article) or "")
        for index, block in enumerate(metas["byline"]):
            add("byline", block, (article.byline or "") if index == 0 else "")
        for block in article.blocks:
            add(block.type, block, block.text)
        for index, block in enumerate(metas["source"]):
            add("source", block, f"（{article.source}）" if index == 0 and article.source else "")
    return rows


def _covered(rows: list[Row], start: int, end: int) -> bool:
    return any(r.start < end and start < r.end for r in rows)


def page_rows(result: Result) -> list[Row]:
    """The rows of a cleaned text, in display order, with their changes."""
    rows = _article_rows(result)
    extra: list[Row] = []
    for fragment in result.document.fragments:
        if not _covered(rows + extra, fragment.start, fragment.end):
            extra.append(Row("fragment", fragment.start, fragment.end, "", (fragment.start, -1),
                             note="set apart as a fragment: not part of any article"))
    for removed in result.document.removed:
        if not _covered(rows + extra, removed.start, removed.end):
            extra.append(Row("removed", removed.start, removed.end, "", (removed.start, -1),
                             note=f"removed: {removed.reason}"))
    rows += extra
    if not rows:  # nothing recognised: one row showing the whole input
        rows.append(Row("removed", 0, len(result.input), "", (0, 0), note="nothing kept"))
    by_input = sorted(rows, key=lambda r: (r.start, r.end))
    for index, row in enumerate(by_input):
        row.own_start = 0 if index == 0 else row.start
        row.own_end = by_input[index + 1].start if index + 1 < len(by_input) else len(result.input)
    _assign_changes(by_input, result.changes)
    return sorted(rows, key=lambda r: r.order)


def _assign_changes(by_input: list[Row], changes: list[Change]) -> None:
    starts = [r.own_start for r in by_input]
    for index, change in enumerate(changes):
        row = by_input[max(0, bisect_right(starts, change.start) - 1)]
        whole = change.start <= row.start and change.end >= row.end > row.start
        if whole and (change.after == "" or change.after == change.before):
            row.row_changes.append(index)  # moved, set apart, removed: the row as a whole
        else:
            row.changes.append(index)
