"""The engine: edits applied, overlaps dropped, spans mapped back to the input."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.engine.offsets import OffsetChain, OffsetMap, apply_edits, normalize_edits
from cleaner.engine.record import Edit, minimal_edit
from cleaner.engine.textstage import TextState


def test_overlapping_edits_first_wins() -> None:
    edits = normalize_edits("abcdef", [Edit(1, 3, "X"), Edit(2, 4, "Y"), Edit(4, 5, "Z")])
    assert [(e.start, e.end) for e in edits] == [(1, 3), (4, 5)]
    assert apply_edits("abcdef", edits) == "aXdZf"


def test_no_op_edits_are_dropped() -> None:
    assert normalize_edits("abc", [Edit(0, 1, "a")]) == []


def test_offsets_map_back_through_two_rewrites() -> None:
    state = TextState("会议 ， 2025 年")
    state.apply("one", [Edit(2, 3, ""), Edit(4, 5, "")])  # -> 会议，2025 年
    assert state.text == "会议，2025 年"
    state.apply("two", [Edit(7, 8, "")])  # -> 会议，2025年
    assert state.text == "会议，2025年"
    last = state.changes[-1]
    assert (last.rule, last.start, last.end, last.before) == ("two", 9, 10, " ")
    assert state.to_input(3, 7) == (5, 9)  # "2025" in the input


def test_change_spans_of_the_first_rule_cover_the_replaced_input() -> None:
    text = "甲 乙，ＡＢ"
    state = TextState(text)
    state.apply("r", [Edit(1, 2, ""), Edit(4, 6, "AB")])
    for change in state.changes:
        assert text[change.start : change.end] == change.before


def test_minimal_edit_trims_common_ends() -> None:
    edit = minimal_edit(10, "abcXYdef", "abcZdef")
    assert (edit.start, edit.end, edit.replacement) == (13, 15, "Z")


@given(st.text(alphabet="ab \n", max_size=30), st.data())
def test_random_edits_map_back_inside_the_input(text: str, data: st.DataObject) -> None:
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 3)), max_size=5))
    edits = [Edit(s, min(len(text), s + n), "Z" * n) for s, n in spans]
    batch = normalize_edits(text, edits)
    new = apply_edits(text, batch)
    chain = OffsetChain()
    chain.push(OffsetMap(batch))
    for position in range(len(new) + 1):
        assert 0 <= chain.to_input(position) <= len(text)
        assert chain.to_input(position) <= chain.to_input(position, end=True)


@given(st.text(alphabet="ab \n", max_size=30), st.data())
def test_mapping_sorted_positions_at_once_agrees_with_one_by_one(text: str, data: st.DataObject) -> None:
    chain = OffsetChain()
    for _ in range(data.draw(st.integers(1, 3))):
        spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 3), st.integers(0, 3)),
                                   max_size=5))
        batch = normalize_edits(text, [Edit(s, min(len(text), s + n), "Z" * r) for s, n, r in spans])
        text = apply_edits(text, batch)
        chain.push(OffsetMap(batch))
    positions = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=10)))
    for end in (False, True):
        assert chain.to_input_sorted(positions, end=end) == [chain.to_input(p, end=end) for p in positions]


def test_quick_init_keeps_the_dataclass_signature_and_frozenness() -> None:
    edit = Edit(1, 2, "x")
    assert (edit.start, edit.end, edit.replacement, edit.note, edit.confidence) == (1, 2, "x", "", 1.0)
    assert edit == Edit(1, 2, "x", note="") and hash(edit) == hash(Edit(1, 2, "x"))
    assert dataclasses.replace(edit, start=0) == Edit(0, 2, "x")
    assert str(inspect.signature(Edit)) == "(start, end, replacement, note='', confidence=1.0)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        edit.start = 3  # type: ignore[misc]
