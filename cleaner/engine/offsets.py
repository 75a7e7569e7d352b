"""Map offsets in a rewritten text back to the text it was rewritten from.

Each application of a batch of edits yields an `OffsetMap`; a chain of them
maps any position of the final text back to the input in O(k log n).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter

from cleaner.engine.record import Edit


class OffsetMap:
    """Positions of one rewrite: for each edit, where it sits before and after."""

    __slots__ = ("_new_ends", "_new_starts", "_old_ends", "_old_starts")

    def __init__(self, edits: Sequence[Edit]) -> None:
        # `edits` are sorted and non-overlapping, offsets in the old text.
        self._old_starts = [edit.start for edit in edits]
        self._old_ends = [edit.end for edit in edits]
        lengths = [len(edit.replacement) for edit in edits]
        # Each edit moves the ones after it by its change in length.
        shifts = accumulate((length - (end - start) for start, end, length
                             in zip(self._old_starts, self._old_ends, lengths, strict=True)), initial=0)
        self._new_starts = [start + shift for start, shift in zip(self._old_starts, shifts, strict=False)]
        self._new_ends = [start + length for start, length in zip(self._new_starts, lengths, strict=True)]

    def __bool__(self) -> bool:
        return bool(self._old_starts)

    def new_spans(self) -> list[tuple[int, int]]:
        """Where each replacement sits in the new text."""
        return list(zip(self._new_starts, self._new_ends, strict=True))

    def to_old(self, position: int, *, end: bool = False) -> int:
        """Map a position of the new text to the old text.

        A position inside a replacement maps to the start of the replaced span
        (or its end, with `end=True`, so spans keep covering what they covered).
        """
        index = bisect_right(self._new_starts, position) - 1
        if index < 0:
            return position
        if position < self._new_ends[index] or (end and position == self._new_ends[index]):
            if end and position > self._new_starts[index]:
                return self._old_ends[index]
            return self._old_starts[index]
        return self._old_ends[index] + (position - self._new_ends[index])

    def to_old_sorted(self, positions: list[int], *, end: bool = False) -> list[int]:
        """`to_old` of each of `positions` (ascending). The positions are cut, by bisection,
        into the runs that fall after each edit: a run maps to the edit's old start (or end)
        while inside its replacement, and by one shift after it (added in C). The mapping is
        monotone, so the result is ascending too. Only the edits some position follows are
        visited (found by bisection too): a few positions mapped through a rewrite of many
        edits (the layout's joins) cost a few steps, not one per edit."""
        new_starts, new_ends, old_starts, old_ends = self._new_starts, self._new_ends, self._old_starts, self._old_ends
        count = len(positions)
        low = bisect_left(positions, new_starts[0]) if new_starts else count
        result = positions[:low]  # before the first edit: unmoved
        last = len(new_starts) - 1
        while low < count:
            # The edit the next position follows: the last one starting at or before it.
            index = bisect_right(new_starts, positions[low], 0, last + 1) - 1
            high = bisect_left(positions, new_starts[index + 1], low) if index < last else count
            new_start, new_end = new_starts[index], new_ends[index]
            # Inside the replacement: up to its end (and at it, for an end).
            inside = (bisect_right if end else bisect_left)(positions, new_end, low, high)
            if inside > low:
                if end:
                    at_start = bisect_right(positions, new_start, low, inside)
                    result += [old_starts[index]] * (at_start - low)
                    result += [old_ends[index]] * (inside - at_start)
                else:
                    result += [old_starts[index]] * (inside - low)
            if high > inside:
                result += map((old_ends[index] - new_end).__add__, positions[inside:high])
            low = high
        return result


class OffsetChain:
    """All rewrites applied so far, newest last."""

    __slots__ = ("_maps",)

    def __init__(self) -> None:
        self._maps: list[OffsetMap] = []

    def push(self, offset_map: OffsetMap) -> None:
        if offset_map:
            self._maps.append(offset_map)

    def to_input(self, position: int, *, end: bool = False) -> int:
        for offset_map in reversed(self._maps):
            position = offset_map.to_old(position, end=end)
        return position

    def to_input_sorted(self, positions: list[int], *, end: bool = False) -> list[int]:
        """`to_input` of ascending positions (a batch's starts, or its ends), map by map."""
        for offset_map in reversed(self._maps):
            positions = offset_map.to_old_sorted(positions, end=end)
        return positions


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits to `text`."""
    parts: list[str] = []
    cursor = 0
    for edit in edits:
        parts.append(text[cursor : edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


SPAN = attrgetter("start", "end")


def normalize_edits(text: str, edits: Sequence[Edit]) -> list[Edit]:
    """Sort edits; drop no-ops and any edit overlapping an earlier one (first wins, as in ruff)."""
    result: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=SPAN):
        if edit.start < last_end or text[edit.start : edit.end] == edit.replacement:
            continue
        result.append(edit)
        last_end = edit.end
    return result
