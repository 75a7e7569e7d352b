"""A fast text-level simulation of what extractors make of a newspaper page.

The truth page is laid into columns ``width`` characters wide and turned into
the lines an extractor would print, with the artefacts of SPEC.md section 1 at
rates drawn per page from a seeded ``random.Random``: column wraps with a
blank line after every line, after some lines or after none; pages with one
paragraph per line; paragraphs broken at a column edge; digits split from
their units; full-width digits; half-width punctuation; stray traditional
characters; radical look-alikes; mojibake; invisible characters; headlines
split over two lines and printed above, below or away from their article;
kickers, bylines, source credits, subheads; a leftover fragment; a repeated
paragraph.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, replace

from evaluation import artefacts
from evaluation.layout import split_headline, wrap
from evaluation.page import Article, Page

LINE_BREAK_STYLES = (
    "blank_after_every_line",
    "blank_after_some_lines",
    "no_blank_lines",
    "paragraph_per_line",
)
MOJIBAKE_STYLES = ("", "cp1252_quotes", "cp1252_lines", "gbk_lines")


@dataclass(frozen=True)
class PrintedLine:
    """One line of extractor output, with the part of the article it comes from."""

    text: str
    role: str  # kicker, headline, byline, first, body, subhead, source, fragment


# Lines grouped as an extractor prints them together (an article's body, a headline).
Chunks = list[list[PrintedLine]]


@dataclass(frozen=True)
class SimulationSettings:
    """The artefacts of one simulated page and how often they strike."""

    width: int
    line_breaks: str = "blank_after_every_line"
    blank_rate: float = 1.0
    blank_between_articles: bool = True
    indent_kept: str = ""
    squeeze_punctuation: bool = True
    column_edge_rate: float = 0.0
    headline_below_rate: float = 0.0
    headline_elsewhere_rate: float = 0.0
    headline_split_rate: float = 0.0
    kicker_same_line_rate: float = 0.0
    markdown_headings: bool = False
    leading_space_rate: float = 0.0
    digit_split_rate: float = 0.0
    full_width_article_rate: float = 0.0
    half_width_punctuation_rate: float = 0.0
    traditional_rate: float = 0.0
    radical_rate: float = 0.0
    invisible_rate: float = 0.0
    byte_order_mark: bool = False
    mojibake: str = ""
    duplicate_paragraph: bool = False

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _maybe(rng: random.Random, probability: float, low: float, high: float) -> float:
    """With ``probability``, a rate drawn from [low, high]; otherwise 0."""
    return rng.uniform(low, high) if rng.random() < probability else 0.0


def draw_settings(rng: random.Random, width: int) -> SimulationSettings:
    """Artefact rates for one page, drawn to match what the seed pages show."""
    line_breaks = rng.choices(LINE_BREAK_STYLES, weights=(0.35, 0.3, 0.2, 0.15))[0]
    return SimulationSettings(
        width=width,
        line_breaks=line_breaks,
        blank_rate={"blank_after_every_line": 1.0, "blank_after_some_lines": rng.uniform(0.3, 0.9)}.get(
            line_breaks, 0.0
        ),
        blank_between_articles=rng.random() < 0.5,
        indent_kept=rng.choice(("\u3000\u3000", "  ", "    ")) if rng.random() < 0.15 else "",
        squeeze_punctuation=rng.random() < 0.7,
        column_edge_rate=_maybe(rng, 0.4, 0.05, 0.3),
        headline_below_rate=_maybe(rng, 0.35, 0.2, 0.6),
        headline_elsewhere_rate=_maybe(rng, 0.25, 0.1, 0.4),
        headline_split_rate=_maybe(rng, 0.5, 0.2, 0.6),
        kicker_same_line_rate=rng.uniform(0.0, 1.0),
        markdown_headings=line_breaks == "paragraph_per_line" and rng.random() < 0.4,
        leading_space_rate=_maybe(rng, 0.3, 0.2, 0.8),
        digit_split_rate=_maybe(rng, 0.5, 0.3, 1.0),
        full_width_article_rate=_maybe(rng, 0.1, 0.3, 1.0),
        half_width_punctuation_rate=_maybe(rng, 0.25, 0.05, 1.0),
        traditional_rate=_maybe(rng, 0.15, 0.02, 0.1),
        radical_rate=_maybe(rng, 0.1, 0.02, 0.1),
        invisible_rate=_maybe(rng, 0.2, 0.002, 0.01),
        byte_order_mark=rng.random() < 0.05,
        mojibake=rng.choices(MOJIBAKE_STYLES, weights=(0.85, 0.05, 0.05, 0.05))[0],
        duplicate_paragraph=rng.random() < 0.04,
    )


def _headline_lines(article: Article, settings: SimulationSettings, rng: random.Random) -> list[PrintedLine]:
    if article.headline is None:
        return []
    lines = []
    headline_parts = [article.headline]
    if len(article.headline) >= 10 and rng.random() < settings.headline_split_rate:
        headline_parts = split_headline(article.headline, 2, rng.uniform(0.3, 0.7))
    if article.kicker and rng.random() < settings.kicker_same_line_rate:
        headline_parts[0] = f"{article.kicker} {headline_parts[0]}"
    elif article.kicker:
        lines.append(PrintedLine(article.kicker, "kicker"))
    lines.extend(PrintedLine(part, "headline") for part in headline_parts)
    if settings.markdown_headings:
        lines = [replace(line, text="## " + line.text) if line.role == "headline" else line for line in lines]
    return lines


def _paragraph_lines(text: str, settings: SimulationSettings, rng: random.Random) -> list[PrintedLine]:
    """A paragraph as extractor lines: column wraps (first line indented), or one line per paragraph."""
    if settings.line_breaks == "paragraph_per_line":
        pieces = [text]
        if len(text) > 2 * settings.width and rng.random() < settings.column_edge_rate:
            # The paragraph runs over a column or page edge: the extractor ends the line there.
            cut = rng.randrange(settings.width, len(text) - settings.width)
            pieces = [text[:cut], text[cut:]]
    else:
        pieces = wrap(text, settings.width, indent=2, squeeze=settings.squeeze_punctuation)
    return [PrintedLine(piece, "body" if index else "first") for index, piece in enumerate(pieces)]


def _article_parts(
    article: Article, settings: SimulationSettings, rng: random.Random, duplicate: bool
) -> tuple[list[PrintedLine], list[PrintedLine]]:
    """Headline lines and the rest of the article's lines (byline, body, source)."""
    body: list[PrintedLine] = []
    if article.byline:
        body.append(PrintedLine(article.byline, "byline"))
    blocks = list(article.blocks)
    if duplicate:
        paragraphs = [index for index, block in enumerate(blocks) if block.type == "paragraph"]
        repeated = rng.choice(paragraphs)
        blocks.insert(min(repeated + rng.choice((1, 2)), len(blocks)), blocks[repeated])
    for block in blocks:
        if block.type == "subhead":
            subhead_width = max(4, settings.width - 2)
            parts = -(-len(block.text) // subhead_width)
            pieces = split_headline(block.text, parts, 0.5)
            body.extend(PrintedLine(piece, "subhead") for piece in pieces)
        else:
            body.extend(_paragraph_lines(block.text, settings, rng))
    if article.source:
        body.append(PrintedLine(f"（{article.source}）", "source"))
    return _headline_lines(article, settings, rng), body


def printed_lines(page: Page, settings: SimulationSettings, rng: random.Random) -> Chunks:
    """The page as chunks of lines in the order an extractor would print them."""
    duplicate_in = rng.randrange(len(page.articles)) if settings.duplicate_paragraph and page.articles else -1
    heads, bodies = [], []
    for index, article in enumerate(page.articles):
        head, body = _article_parts(article, settings, rng, duplicate=index == duplicate_in)
        heads.append(head)
        bodies.append(body)
    chunks: Chunks = [[] for _ in page.articles]
    late_heads: dict[int, Chunks] = {}
    top_heads: Chunks = []
    for index, (head, body) in enumerate(zip(heads, bodies, strict=True)):
        placement = rng.random()
        if placement < settings.headline_elsewhere_rate:
            if index + 1 < len(page.articles):
                late_heads.setdefault(rng.randrange(index + 1, len(page.articles)), []).append(head)
            else:
                top_heads.append(head)
            chunks[index] = body
        elif placement < settings.headline_elsewhere_rate + settings.headline_below_rate:
            chunks[index] = body + head
        else:
            chunks[index] = head + body
    ordered: Chunks = [head for head in top_heads if head]
    for index, chunk in enumerate(chunks):
        ordered.append(chunk)
        ordered.extend(head for head in late_heads.get(index, []) if head)
    for fragment in page.fragments:
        fragment_lines = [PrintedLine(piece, "fragment") for piece in _fragment_pieces(fragment, settings)]
        if rng.random() < 0.5:
            ordered.insert(0, fragment_lines)
        else:
            ordered.append(fragment_lines)
    return ordered


def _fragment_pieces(fragment: str, settings: SimulationSettings) -> list[str]:
    if settings.line_breaks == "paragraph_per_line":
        return [fragment]
    return wrap(fragment, settings.width, indent=0, squeeze=settings.squeeze_punctuation)


def _damage_characters(chunks: Chunks, settings: SimulationSettings, rng: random.Random) -> Chunks:
    damaged = []
    for chunk in chunks:
        full_width = rng.random() < settings.full_width_article_rate
        new_chunk = []
        for line in chunk:
            text = line.text
            text = artefacts.split_digits_from_han(text, rng, settings.digit_split_rate)
            text = artefacts.half_width_punctuation(text, rng, settings.half_width_punctuation_rate)
            if full_width:
                text = artefacts.full_width_digits_and_letters(text)
            text = artefacts.traditional_characters(text, rng, settings.traditional_rate)
            text = artefacts.radical_characters(text, rng, settings.radical_rate)
            text = artefacts.invisible_characters(text, rng, settings.invisible_rate)
            new_chunk.append(replace(line, text=text))
        damaged.append(new_chunk)
    return damaged


def _garble(chunks: Chunks, settings: SimulationSettings, rng: random.Random) -> Chunks:
    if not settings.mojibake:
        return chunks
    places = [(c, i) for c, chunk in enumerate(chunks) for i in range(len(chunk))]
    places = [(c, i) for c, i in places if chunks[c][i].role in ("first", "body")]
    if not places:
        return chunks
    chunks = [list(chunk) for chunk in chunks]
    if settings.mojibake == "cp1252_quotes":
        for c, i in places:
            line = chunks[c][i]
            text = "".join(artefacts.mojibake_cp1252(c) if c in "“”‘’—…" else c for c in line.text)
            chunks[c][i] = replace(line, text=text)
        return chunks
    start = rng.randrange(len(places))
    for c, i in places[start : start + rng.randint(1, 3)]:
        line = chunks[c][i]
        if settings.mojibake == "cp1252_lines":
            garbled: str | None = artefacts.mojibake_cp1252(line.text)
        else:
            garbled = artefacts.mojibake_gbk(line.text)
        if garbled is not None:
            chunks[c][i] = replace(line, text=garbled)
    return chunks


def render_text(chunks: Chunks, settings: SimulationSettings, rng: random.Random) -> str:
    """Join the lines as the extractor would: with or without blank lines, indentation mostly lost."""
    out: list[str] = ["\ufeff"] if settings.byte_order_mark else []
    for chunk_index, chunk in enumerate(chunks):
        if chunk_index and settings.blank_between_articles and out and not out[-1].endswith("\n\n"):
            out.append("\n")
        for line_index, line in enumerate(chunk):
            text = line.text
            if line.role == "first" and settings.indent_kept:
                text = settings.indent_kept + text
            if line_index == 0 and rng.random() < settings.leading_space_rate:
                text = " " + text
            out.append(text)
            blank = rng.random() < settings.blank_rate
            if settings.line_breaks == "blank_after_some_lines" and any(char.isdigit() for char in text):
                blank = rng.random() < settings.blank_rate / 3
            if line.role == "body" and rng.random() < settings.column_edge_rate / 10:
                out.append("\n\n\n")
            else:
                out.append("\n\n" if blank else "\n")
    return "".join(out)


def simulate_page(
    page: Page, width: int, rng: random.Random, settings: SimulationSettings | None = None
) -> tuple[str, SimulationSettings]:
    """Extractor-like text of ``page`` laid out in columns of ``width`` characters, and the settings used."""
    settings = settings or draw_settings(rng, width)
    chunks = printed_lines(page, settings, rng)
    chunks = _damage_characters(chunks, settings, rng)
    chunks = _garble(chunks, settings, rng)
    return render_text(chunks, settings, rng), settings
