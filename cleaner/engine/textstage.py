"""Apply rules' edits to a text in order, recording every change against the input."""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.engine.context import Context
from cleaner.engine.offsets import OffsetChain, OffsetMap, apply_edits, normalize_edits
from cleaner.engine.record import Change, Edit
from cleaner.engine.rule import Rule


class TextState:
    """The text as rewritten so far, the changes made, and the way back to the input."""

    __slots__ = ("chain", "changes", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.chain = OffsetChain()
        self.changes: list[Change] = []

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        return self.chain.to_input(start), self.chain.to_input(end, end=True)

    def run(self, rule: Rule, ctx: Context) -> int:
        return self.apply(rule.name, rule.func(self.text, ctx))

    def apply(self, rule_name: str, edits: Iterable[Edit]) -> int:
        """Apply one rule's edits (overlapping ones dropped); return how many applied."""
        return self.apply_named((rule_name, edit) for edit in edits)

    def apply_named(self, named_edits: Iterable[tuple[str, Edit]]) -> int:
        """Apply edits of one or several rules, all proposed against the current text."""
        rule_of: dict[int, str] = {}
        edits: list[Edit] = []
        for name, edit in named_edits:
            rule_of[id(edit)] = name
            edits.append(edit)
        batch = normalize_edits(self.text, edits)
        if not batch:
            return 0
        text = self.text
        # The batch is sorted and non-overlapping: its starts ascend, and so do its ends.
        starts = self.chain.to_input_sorted([e.start for e in batch])
        ends = self.chain.to_input_sorted([e.end for e in batch], end=True)
        self.changes.extend(
            Change(rule_of[id(e)], start, end, text[e.start : e.end], e.replacement, e.note, e.confidence)
            for e, start, end in zip(batch, starts, ends, strict=True)
        )
        self.text = apply_edits(text, batch)
        self.chain.push(OffsetMap(batch))
        return len(batch)
