"""Rules: small named units that each repair one artefact, with their own examples.

A text rule is a function `(text, ctx) -> Iterable[Edit]`, registered with
`@rule(...)`. Its examples (`bad -> good` pairs, and `keep` texts that must not
change) are run by the test suite for every registered rule.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from cleaner.engine.record import Decision, Edit

if TYPE_CHECKING:
    from cleaner.engine.context import Context

Stage = Literal["text", "layout", "block", "document"]
STAGE_ORDER: tuple[str, ...] = ("text", "layout", "block", "document")
TextRuleFunc = Callable[[str, "Context"], Iterable[Edit]]


@dataclass(frozen=True, slots=True)
class Example:
    """`before` becomes `after` when the rule runs alone (`after == before`: must be kept)."""

    before: str
    after: str
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_keep(self) -> bool:
        return self.before == self.after


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    summary: str
    group: str
    stage: Stage
    func: Callable[..., Any]
    examples: tuple[Example, ...]
    safe: bool = True
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # The rule's edits on a text are the union of its edits on each of its lines (ended
    # by `\n`): it never looks across a newline, and depends on nothing but the text
    # (no facts, no decisions). The engine may then run it on changed lines only.
    line_local: bool = False
    # A line-local rule's trigger characters (the body of a regex character class): every
    # edit it makes covers one, and on a text without any it proposes nothing. The
    # normal form skips it while no such character is in the text (`Cleaner._normal_form`).
    triggers: str | None = None

    @property
    def why(self) -> str:
        """The rule's explanation: its docstring."""
        return inspect.cleandoc(self.func.__doc__ or "")


REGISTRY: dict[str, Rule] = {}


def rule(
    *,
    name: str,
    summary: str,
    group: str,
    examples: Iterable[tuple[str, str] | Example] = (),
    keep: Iterable[str] = (),
    stage: Stage = "text",
    safe: bool = True,
    defaults: Mapping[str, Any] | None = None,
    line_local: bool = False,
    triggers: str | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a rule. `examples` are (bad, good) pairs; `keep` lists text it must leave alone.
    `line_local`: the rule sees each line alone (see `Rule.line_local`); `triggers`: the
    characters its edits need (see `Rule.triggers`; line-local rules only)."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        if name in REGISTRY:
            raise ValueError(f"rule {name!r} is registered twice")
        if triggers is not None and not line_local:
            raise ValueError(f"rule {name!r}: triggers need a line-local rule (one with no side effects)")
        cases = [e if isinstance(e, Example) else Example(e[0], e[1]) for e in examples]
        cases += [Example(text, text) for text in keep]
        REGISTRY[name] = Rule(
            name=name,
            summary=summary,
            group=group,
            stage=stage,
            func=func,
            examples=tuple(cases),
            safe=safe,
            defaults=dict(defaults or {}),
            line_local=line_local,
            triggers=triggers,
        )
        return func

    return register


def describe(decision: Decision) -> str:
    """One line for a decision, as `--explain` prints it."""
    return f"{decision.rule}: {decision.summary} (confidence {decision.confidence:.2f})"
