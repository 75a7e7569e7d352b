"""Render a cleaned document as text, Markdown or JSON (SPEC.md section 3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner.document import Article, Document

if TYPE_CHECKING:
    from cleaner.pipeline import Result


def heading_line(article: Article) -> str | None:
    if not article.headline:
        return None
    parts = [article.kicker, article.headline, article.subtitle]
    return " ".join(p for p in parts if p)


def _article_lines(article: Article, markdown: bool) -> list[str]:
    lines: list[str] = []
    heading = heading_line(article)
    if heading:
        lines.append(f"# {heading}" if markdown else heading)
    if article.byline:
        lines.append(article.byline)
    for block in article.blocks:
        lines.append(f"## {block.text}" if markdown and block.type == "subhead" else block.text)
    if article.source:
        lines.append(f"（{article.source}）")
    return lines


def _render(document: Document, markdown: bool) -> str:
    """Articles separated by a blank line; pages of the input separated by a form feed."""
    pages: dict[int, list[str]] = {}
    for article in document.articles:
        lines = _article_lines(article, markdown)
        if lines:
            pages.setdefault(article.page, []).append(("\n\n" if markdown else "\n").join(lines))
    return "\f".join("\n\n".join(articles) + "\n" for _, articles in sorted(pages.items()))


def render_text(document: Document) -> str:
    """One block per line, articles separated by one blank line."""
    return _render(document, markdown=False)


def render_markdown(document: Document) -> str:
    """`# headline`, `## subhead`, every block its own paragraph."""
    return _render(document, markdown=True)


def render(result: Result, fmt: str) -> str:
    if fmt == "text":
        return render_text(result.document)
    if fmt == "markdown":
        return render_markdown(result.document)
    if fmt == "json":
        return result.to_json() + "\n"
    raise ValueError(f"unknown format {fmt!r} (text, markdown, json)")
