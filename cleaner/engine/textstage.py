"""Apply rules' edits to a text in order, recording every change against the input."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from cleaner.engine.context import Context
from cleaner.engine.offsets import OffsetChain, OffsetMap, apply_edits, normalize_edits
from cleaner.engine.record import Change, Edit
from cleaner.engine.rule import Rule

Span = tuple[int, int]


class TextState:
    """The text as rewritten so far, the changes made, and the way back to the input.

    `version` counts the rewrites. When `touched` is a list of span lists, every
    rewrite is recorded in its last list (as the span the new text took), and all
    spans in it follow the text: so a caller knows which parts of the text changed
    since it started a list (the normal form reruns line-local rules on those only)."""

    __slots__ = ("_extents", "chain", "changes", "text", "touched", "version")

    def __init__(self, text: str) -> None:
        self.text = text
        self.chain = OffsetChain()
        self.changes: list[Change] = []
        self.version = 0
        self.touched: list[list[Span]] | None = None
        # ((version, span count), the lines around the spans): the lines are found once per text
        self._extents: tuple[tuple[int, int], list[Span] | None] = ((-1, -1), None)

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        return self.chain.to_input(start), self.chain.to_input(end, end=True)

    def run(self, rule: Rule, ctx: Context) -> int:
        return self.apply(rule.name, rule.func(self.text, ctx))

    def run_on_lines(self, rule: Rule, ctx: Context, spans: list[Span]) -> int:
        """Run a line-local rule on the lines around `spans` only: on the other lines it
        is known to find nothing. The edits are the ones a run on the whole text makes."""
        text = self.text
        key = (self.version, len(spans))
        if self._extents[0] != key:  # the same for every rule until the text changes
            self._extents = (key, _line_extents(text, spans, len(text) // 2))
        extents = self._extents[1]
        if extents is None:
            return self.run(rule, ctx)  # most of the text: one run over all of it is cheaper
        if not extents:
            return 0
        sub_starts: list[int] = []
        position = 0
        for start, end in extents:
            sub_starts.append(position)
            position += end - start
        edits: list[Edit] = []
        for edit in rule.func("".join(text[start:end] for start, end in extents), ctx):
            index = bisect_right(sub_starts, edit.start) - 1
            start, end = extents[index]
            shift = start - sub_starts[index]
            if edit.end + shift > end:  # not line-local after all: do it the slow way
                return self.run(rule, ctx)
            edits.append(Edit(edit.start + shift, edit.end + shift, edit.replacement, edit.note, edit.confidence))
        return self.apply(rule.name, edits)

    def apply(self, rule_name: str, edits: Iterable[Edit]) -> int:
        """Apply one rule's edits (overlapping ones dropped); return how many applied."""
        batch = normalize_edits(self.text, list(edits))
        return self._apply_batch(batch, [rule_name] * len(batch)) if batch else 0

    def apply_named(self, named_edits: Iterable[tuple[str, Edit]]) -> int:
        """Apply edits of one or several rules, all proposed against the current text."""
        rule_of: dict[int, str] = {}
        edits: list[Edit] = []
        for name, edit in named_edits:
            rule_of[id(edit)] = name
            edits.append(edit)
        batch = normalize_edits(self.text, edits)
        return self._apply_batch(batch, [rule_of[id(e)] for e in batch]) if batch else 0

    def _apply_batch(self, batch: list[Edit], rules: list[str]) -> int:
        text = self.text
        # The batch is sorted and non-overlapping: its starts ascend, and so do its ends.
        starts = self.chain.to_input_sorted([e.start for e in batch])
        ends = self.chain.to_input_sorted([e.end for e in batch], end=True)
        self.changes.extend(
            Change(rule, start, end, text[e.start : e.end], e.replacement, e.note, e.confidence)
            for e, rule, start, end in zip(batch, rules, starts, ends, strict=True)
        )
        self.text = apply_edits(text, batch)
        offset_map = OffsetMap(batch)
        self.chain.push(offset_map)
        self.version += 1
        if self.touched is not None:
            self.touched = [_follow(spans, batch) for spans in self.touched]
            self.touched[-1].extend(offset_map.new_spans())
        return len(batch)


def _follow(spans: list[Span], batch: list[Edit]) -> list[Span]:
    """`spans` of the old text as spans of the text `batch` made (widened over any
    edit they reach into).

    Each position is read against the first edit it is not past (past: the edit ends at
    or before it and starts before it). Inside that edit, or at it when it inserts, a
    position goes to the replacement's start (as a span start) or end (as a span end);
    elsewhere it moves by the edits it is past. Past-ness is one bound per edit, so the
    positions (sorted) are cut by bisection into runs moved alike (added in C): a few
    steps per edit, not a loop over every position."""
    if not spans:
        return spans
    points = sorted({p for span in spans for p in span})
    as_start: list[int] = []  # the new position of each point, as a span start
    as_end: list[int] = []  # ... as a span end
    shift = low = 0
    for edit in batch:
        start, end, length = edit.start, edit.end, len(edit.replacement)
        inside = bisect_left(points, start, low)  # before it: moved by the edits before
        past = bisect_left(points, max(end, start + 1), inside)  # from here on: past it
        as_start += map(shift.__add__, points[low:inside])
        as_end += map(shift.__add__, points[low:inside])
        as_start += [start + shift] * (past - inside)
        as_end += [start + shift + length] * (past - inside)
        shift += length - (end - start)
        low = past
    as_start += map(shift.__add__, points[low:])
    as_end += map(shift.__add__, points[low:])
    new_start, new_end = dict(zip(points, as_start, strict=True)), dict(zip(points, as_end, strict=True))
    return [(new_start[start], new_end[end]) for start, end in spans]


def _line_extents(text: str, spans: list[Span], limit: int) -> list[Span] | None:
    """The whole lines (each with its `\\n`) from the one before each span's start to
    the one holding its end, merged where they meet; None once they exceed `limit`
    characters."""
    extents: list[Span] = []
    total = 0
    last_end = -1
    for start, end in sorted(spans):
        if end < last_end:
            continue  # its lines are in the last extent already
        line_start = text.rfind("\n", 0, start - 1 if start > 1 else 0) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end + 1
        if line_start <= last_end:
            total += line_end - last_end
            extents[-1] = (extents[-1][0], line_end)
        else:
            total += line_end - line_start
            extents.append((line_start, line_end))
        last_end = line_end
        if total > limit:
            return None
    return extents
