"""What a rule may know besides its text: its settings and document-level facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cleaner.engine.record import Decision, Removal


@dataclass(slots=True)
class Context:
    """Passed to every rule call.

    `settings` are the rule's own settings (profile values over its defaults);
    `facts` carry document-level findings between rules (e.g. the script);
    `block_types` gives, for block-stage rules, the type of each line's block;
    `removals` says why a rule's edits drop passages (see `Removal`);
    `scratch` is the rule's own, kept while the context is handed to it again.
    """

    settings: Mapping[str, Any] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    block_types: list[str] | None = None
    removals: list[Removal] = field(default_factory=list)
    # What a rule worked out and may use again when handed the same context: a document
    # rule reads the page again after a removal (`Cleaner._run_removing`). A rule keeps
    # there only what depends on text it can check (a new context comes with each page).
    scratch: dict[str, Any] = field(default_factory=dict)

    def setting(self, key: str) -> Any:
        return self.settings[key]

    def decide(self, decision: Decision) -> None:
        self.decisions.append(decision)
