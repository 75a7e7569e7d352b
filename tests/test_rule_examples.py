"""Every registered rule's examples, run the way the rule runs (sqlfluff-style)."""

from __future__ import annotations

import pytest

import cleaner.rules_index  # noqa: F401
from cleaner import Cleaner
from cleaner.engine.context import Context
from cleaner.engine.profile import load_profile
from cleaner.engine.rule import REGISTRY, Example, Rule
from cleaner.engine.textstage import TextState

CASES = [
    pytest.param(rule, example, id=f"{rule.name}-{number}")
    for rule in REGISTRY.values()
    for number, example in enumerate(rule.examples)
]


def run_alone(rule: Rule, example: Example) -> str:
    state = TextState(example.before)
    state.run(rule, Context({**rule.defaults, **example.settings}, {}, []))
    return state.text


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    if rule.stage == "layout":
        # Layout decisions need the whole pipeline: the example is input -> text output.
        assert Cleaner().run(example.before).text == example.after + "\n"
    else:
        assert run_alone(rule, example) == example.after


@pytest.mark.parametrize("rule", list(REGISTRY.values()), ids=list(REGISTRY))
def test_every_rule_has_a_fixing_example_and_docs(rule: Rule) -> None:
    assert any(not e.is_keep for e in rule.examples), f"{rule.name} has no bad -> good example"
    assert rule.summary and len(rule.summary) <= 120 and "\n" not in rule.summary
    assert rule.why.startswith("Why:"), f"{rule.name}: docstring should explain why"


@pytest.mark.parametrize("rule", [r for r in REGISTRY.values() if r.stage != "layout"], ids=lambda r: r.name)
def test_rule_is_idempotent_on_its_examples(rule: Rule) -> None:
    for example in rule.examples:
        once = run_alone(rule, example)
        assert run_alone(rule, Example(once, once)) == once


def test_default_profile_runs_every_registered_rule() -> None:
    assert set(load_profile().pipeline) == set(REGISTRY)
