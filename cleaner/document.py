"""The structure of a cleaned page: articles made of blocks, fragments, removed passages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BLOCK_TYPES = ("paragraph", "subhead", "headline", "kicker", "byline", "source", "fragment")


@dataclass(slots=True)
class Block:
    """A block of the page in reading order; `start`/`end` locate it in the input."""

    type: str
    text: str
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "text": self.text}


@dataclass(slots=True)
class Article:
    headline: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    source: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # How sure the layout stage is that the headline belongs here (1.0: printed right above).
    headline_score: float | None = None
    page: int = 0  # index of the page (form-feed separated) the article is on
    # The headline, byline and source blocks as read from the input (their spans), for the report.
    meta_blocks: list[Block] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "source": self.source,
            "blocks": [b.to_dict() for b in self.blocks],
            "page": self.page,
        }


@dataclass(slots=True)
class Removed:
    reason: str
    text: str
    start: int = 0
    end: int = 0
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "text": self.text, "start": self.start, "end": self.end, **self.detail}


@dataclass(slots=True)
class Document:
    articles: list[Article] = field(default_factory=list)
    fragments: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self.articles],
            "fragments": [f.text for f in self.fragments],
            "removed": [r.to_dict() for r in self.removed],
        }

    def extend(self, other: Document, page: int, offset: int) -> None:
        """Append another page's document, its spans shifted by `offset`."""
        for article in other.articles:
            article.page = page
            for block in article.blocks + article.meta_blocks:
                block.start += offset
                block.end += offset
            self.articles.append(article)
        for fragment in other.fragments:
            fragment.start += offset
            fragment.end += offset
            self.fragments.append(fragment)
        for removed in other.removed:
            removed.start += offset
            removed.end += offset
            self.removed.append(removed)
