"""Ground truth of a generated page, in the shape of SPEC.md's JSON output."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BlockType = Literal["paragraph", "subhead"]


@dataclass(frozen=True)
class Block:
    """One block of an article body: a paragraph or a subhead."""

    type: BlockType
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "text": self.text}


@dataclass(frozen=True)
class Article:
    """One article as a reader of the printed page reads it."""

    headline: str | None
    blocks: list[Block]
    kicker: str | None = None
    byline: str | None = None
    source: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if block.type == "paragraph"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "headline": self.headline,
            "kicker": self.kicker,
            "byline": self.byline,
            "source": self.source,
            "blocks": [block.to_dict() for block in self.blocks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            headline=data.get("headline"),
            kicker=data.get("kicker"),
            byline=data.get("byline"),
            source=data.get("source"),
            blocks=[Block(block["type"], block["text"]) for block in data.get("blocks", [])],
        )


@dataclass(frozen=True)
class Page:
    """A whole page: its articles in reading order and leftover fragments of other pages' articles."""

    articles: list[Article]
    fragments: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": [article.to_dict() for article in self.articles],
            "fragments": list(self.fragments),
            "removed": [],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        return cls(
            articles=[Article.from_dict(article) for article in data.get("articles", [])],
            fragments=list(data.get("fragments", [])),
        )
