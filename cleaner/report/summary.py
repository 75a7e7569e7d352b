"""Counts for a page and for a batch: changes per rule, and what the layout found."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleaner.pipeline import Result

# (key, label) in the order the report shows them
STAT_LABELS: tuple[tuple[str, str], ...] = (
    ("articles", "articles"),
    ("paragraphs", "paragraphs"),
    ("headlines", "headlines found"),
    ("moved", "headlines moved"),
    ("fragments", "fragments"),
    ("removed", "removed passages"),
    ("changes", "changes"),
    ("checks", "to check"),
)


@dataclass(slots=True)
class Summary:
    stats: Counter[str] = field(default_factory=Counter)
    per_rule: Counter[str] = field(default_factory=Counter)

    def add(self, other: Summary) -> None:
        self.stats.update(other.stats)
        self.per_rule.update(other.per_rule)


def summarize(result: Result, checks: int = 0) -> Summary:
    document = result.document
    summary = Summary()
    summary.per_rule.update(change.rule for change in result.changes)
    summary.stats.update({
        "articles": len(document.articles),
        "paragraphs": sum(b.type == "paragraph" for a in document.articles for b in a.blocks),
        "headlines": sum(a.headline is not None for a in document.articles),
        "moved": sum(d.kind == "headline" and bool(d.evidence.get("moved")) for d in result.decisions),
        "fragments": len(document.fragments),
        "removed": len(document.removed),
        "changes": len(result.changes),
        "checks": checks,
    })
    return summary
