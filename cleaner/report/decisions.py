"""The decisions a reviewer should check first, weakest evidence first.

Drawn from the record: every `Decision` (headline attachments with their match
score, fragments set apart, the script conversion, weak paragraph breaks), every
passage in `document.removed` (with its similarity and the passage it repeats), and
every change whose confidence is below `WEAK` (joins and breaks on weak evidence).
A decision and a change or removal over the same span are one item.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cleaner.pipeline import Result

WEAK = 0.75  # a change below this confidence is a judgement call worth a look

KIND_LABELS = {
    "break": "paragraph break",
    "headline": "headline attachment",
    "fragment": "fragment set apart",
    "script": "traditional → simplified",
    "join-wrap": "line join",
    "paragraph-break": "paragraph break",
    "heading-join": "headline join",
    "removed": "removed passage",
}


@dataclass(slots=True)
class Check:
    kind: str  # a label from KIND_LABELS (or the decision's own kind)
    rule: str
    confidence: float
    summary: str
    evidence: dict[str, Any] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None
    change: int | None = None  # index into result.changes, when a change carries it


def _similarity(detail: dict[str, Any]) -> float:
    value = detail.get("similarity", detail.get("score"))
    if not isinstance(value, int | float):
        return 0.5
    return float(value) / 100 if value > 1 else float(value)


def _what_it_changed(result: Result, rule: str, shown: int = 8) -> dict[str, Any]:
    pairs = Counter(f"{c.before}→{c.after}" for c in result.changes if c.rule == rule)
    if not pairs:
        return {}
    listed = "  ".join(f"{pair} ×{n}" if n > 1 else pair for pair, n in pairs.most_common(shown))
    return {"changes": sum(pairs.values()), "examples": listed + ("  …" if len(pairs) > shown else "")}


def checks(result: Result) -> list[Check]:
    """What to check first on one page, ranked: weakest evidence first."""
    items: list[Check] = []
    by_span: dict[tuple[int, int], Check] = {}
    change_at = {(c.start, c.end): i for i, c in enumerate(result.changes)}
    for decision in result.decisions:
        span = (decision.start, decision.end) if decision.start is not None and decision.end is not None else None
        evidence = dict(decision.evidence)
        if span is None:  # a decision for the whole document: what it did, in short
            evidence.update(_what_it_changed(result, decision.rule))
        item = Check(KIND_LABELS.get(decision.kind, decision.kind), decision.rule, decision.confidence,
                     decision.summary, evidence, decision.start, decision.end,
                     change_at.get(span) if span else None)
        items.append(item)
        if span:
            by_span[span] = item
    for removed in result.document.removed:
        span = (removed.start, removed.end)
        evidence = {"reason": removed.reason, **removed.detail, "text": removed.text}
        if span in by_span:
            by_span[span].evidence.update(evidence)
            continue
        rule = result.changes[change_at[span]].rule if span in change_at else removed.detail.get("rule", removed.reason)
        item = Check(KIND_LABELS["removed"], str(rule),
                     _similarity(removed.detail), f"removed ({removed.reason}): {removed.text[:30]}",
                     evidence, removed.start, removed.end, change_at.get(span))
        items.append(item)
        by_span[span] = item
    for index, change in enumerate(result.changes):
        if change.confidence >= WEAK or (change.start, change.end) in by_span:
            continue
        label = KIND_LABELS.get(change.rule, change.rule)
        # The change's mark shows its before and after: no evidence to repeat.
        items.append(Check(label, change.rule, change.confidence, change.note or "judgement call", {},
                           change.start, change.end, index))
    items.sort(key=lambda c: (c.confidence, c.start if c.start is not None else -1))
    return items
