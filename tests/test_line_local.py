"""Rules marked line-local see each line alone; the engine's shortcuts on them change nothing."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import cleaner.rules_index  # noqa: F401
from cleaner import Cleaner
from cleaner.engine.context import Context
from cleaner.engine.record import Change
from cleaner.engine.rule import REGISTRY
from cleaner.engine.textstage import TextState
from cleaner.pipeline import MAX_PASSES

pieces = st.sampled_from([
    "会议", "民政", "來", "2025", "３", "ＴＨＡＮＫ", "THANK", "1,000", "3.5", "１．５",
    "，", "。", "、", "：", "“", "”", "（", "）", ",", ".", ":", ";", "!", "?", "(", ")", '"', "'", "#", "## ",
    " ", "  ", "\u3000", "\n", "\n\n", "\t", "\r", "\r\n", "\u2028", "\u0085", "\x1c", "\u200b", "\u00ad",
    "\ufeff", "\f", "æ°\u0091æ\u0094¿", "姘戞斂", "\u2f8a", "e\u0301",
])
texts = st.lists(pieces, min_size=1, max_size=40).map("".join)
LINE_LOCAL = sorted(name for name, rule in REGISTRY.items() if rule.line_local)


def edits_of(name: str, text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.replacement) for e in REGISTRY[name].func(text, Context(REGISTRY[name].defaults))]


@pytest.mark.parametrize("name", LINE_LOCAL)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
@example(text='“会议\n会"会')  # a quote's state runs on to the next line: not line-local
@example(text='"会议\n会"会')
def test_line_local_rule_edits_are_its_edits_on_each_line(name: str, text: str) -> None:
    by_line = []
    offset = 0
    for line in _lines(text):
        by_line += [(s + offset, e + offset, r) for s, e, r in edits_of(name, line)]
        offset += len(line)
    # The engine sorts a rule's edits by span (stably) before applying them: that order counts.
    assert sorted(edits_of(name, text), key=span) == sorted(by_line, key=span)


def span(edit: tuple[int, int, str]) -> tuple[int, int]:
    return edit[0], edit[1]


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def plain_normal_form(cleaner: Cleaner, text: str) -> tuple[str, list[Change]]:
    """Every rule on the whole text, pass after pass: what the shortcuts must agree with."""
    state = TextState(text)
    for _ in range(MAX_PASSES):
        if not [rule for rule in cleaner.text_rules if state.run(rule, Context(cleaner._settings[rule.name]))]:
            break
    return state.text, state.changes


CLEANER = Cleaner()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 3), st.sampled_from(["", ",", " ", "\n", "ｘ"])),
                       max_size=4))
def test_normal_form_on_changed_lines_agrees_with_a_full_run(text: str, rewrite: list[tuple[int, int, str]]) -> None:
    state = TextState(text)
    assert CLEANER._normal_form(state, {}, [])
    assert (state.text, state.changes) == plain_normal_form(CLEANER, text)
    # Rewrite a few spots (as the layout stage does), then rerun on the changed lines only.
    from cleaner.engine.record import Edit

    state.touched = [[]]
    state.apply("rewrite", [Edit(min(s, len(state.text)), min(s + n, len(state.text)), r) for s, n, r in rewrite])
    spans, state.touched = state.touched[0], None
    rewritten = state.text
    before = len(state.changes)
    CLEANER._normal_form(state, {}, [], spans)
    expected_text, expected_changes = plain_normal_form(CLEANER, rewritten)
    assert state.text == expected_text
    assert [(c.rule, c.before, c.after) for c in state.changes[before:]] == \
        [(c.rule, c.before, c.after) for c in expected_changes]


TRIGGERED = sorted(name for name, rule in REGISTRY.items() if rule.triggers)


def _without_triggers(name: str, text: str) -> str:
    return re.sub(f"[{REGISTRY[name].triggers}]", "", text)


@pytest.mark.parametrize("name", TRIGGERED)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_a_rule_finds_nothing_without_its_trigger_characters(name: str, text: str) -> None:
    # The normal form skips a rule while its trigger characters are not in the text.
    assert edits_of(name, _without_triggers(name, text)) == []


@pytest.mark.parametrize("name", TRIGGERED)
def test_a_rule_finds_nothing_in_its_examples_without_their_trigger_characters(name: str) -> None:
    for example_case in REGISTRY[name].examples:
        assert edits_of(name, _without_triggers(name, example_case.before)) == []
        if not example_case.is_keep:  # a rule that changes a text finds a trigger character in it
            assert re.search(f"[{REGISTRY[name].triggers}]", example_case.before)
