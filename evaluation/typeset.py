"""Typesetting a truth page into a real PDF newspaper page (needs PyMuPDF, the ``eval`` extra).

The page has several narrow columns (``width`` Chinese characters each) set in
a CJK font. Every article spans one to three columns; its body flows down its
columns with the first line of each paragraph indented by two characters;
its headline (with its kicker) is set in a larger size above the body, below
it, or beside it in a column of its own. Bylines, subheads and source credits
are lines of their own in the body. Articles that do not fit on the page are
left out of the returned truth. The order in which frames are written into the
PDF's content stream varies, as it does in real newspaper PDFs.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from evaluation.layout import wrap
from evaluation.page import Article, Page

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
BUILTIN_CJK_FONT = "china-s"
A3_PORTRAIT = (842.0, 1191.0)


def find_cjk_font() -> str | None:
    """Path of an installed CJK font to embed, or None to use PyMuPDF's built-in ``china-s``."""
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


@dataclass(frozen=True)
class TextLine:
    """A line of text at a place on the page, in points (baseline-left origin)."""

    text: str
    x: float
    y: float
    size: float
    justify_to: float | None = None  # set for full lines: spread the characters over this width


@dataclass
class Frame:
    """A group of lines that a layout program would write into the PDF together.

    ``kind`` says what the frame holds (``body``, ``headline`` or ``fragment``): the OCR
    round trip crops each frame as one region, as a layout-aware OCR pipeline would.
    """

    lines: list[TextLine] = field(default_factory=list)
    kind: str = "body"


@dataclass(frozen=True)
class TypesetSettings:
    width: int
    font_size: float = 9.0
    leading: float = 1.45
    gutter_chars: float = 2.5
    margin: float = 36.0
    page_size: tuple[float, float] = A3_PORTRAIT

    @property
    def column_width(self) -> float:
        return self.width * self.font_size

    @property
    def gutter(self) -> float:
        return self.gutter_chars * self.font_size

    @property
    def line_height(self) -> float:
        return self.font_size * self.leading

    @property
    def columns(self) -> int:
        usable = self.page_size[0] - 2 * self.margin
        return max(2, int((usable + self.gutter) // (self.column_width + self.gutter)))

    def column_x(self, column: int) -> float:
        return self.margin + column * (self.column_width + self.gutter)

    def span_width(self, span: int) -> float:
        return span * self.column_width + (span - 1) * self.gutter


@dataclass(frozen=True)
class BodyLine:
    text: str
    indent: float = 0.0
    size: float | None = None
    space_before: float = 0.0
    full: bool = False


def body_lines(article: Article, settings: TypesetSettings) -> list[BodyLine]:
    """The body of an article broken into column lines: byline, paragraphs, subheads, source."""
    width = settings.width
    size = settings.font_size
    lines: list[BodyLine] = []
    if article.byline:
        lines.append(BodyLine(article.byline))
    for block in article.blocks:
        if block.type == "subhead":
            for piece in wrap(block.text, width - 1, indent=0):
                offset = max(0.0, (settings.column_width - len(piece) * size * 1.1) / 2)
                lines.append(BodyLine(piece, indent=offset, size=size * 1.1, space_before=0.4 * size))
            continue
        pieces = wrap(block.text, width, indent=2)
        for index, piece in enumerate(pieces):
            indent = 2 * size if index == 0 else 0.0
            lines.append(BodyLine(piece, indent=indent, full=index < len(pieces) - 1))
    if article.source:
        lines.append(BodyLine(f"（{article.source}）"))
    return lines


def headline_lines(article: Article, span_width: float, size: float) -> list[tuple[str, float]]:
    """Kicker and headline broken into lines that fit ``span_width``: (text, font size) pairs."""
    lines: list[tuple[str, float]] = []
    if article.kicker:
        kicker_size = max(8.0, size * 0.6)
        per_line = max(2, int(span_width // kicker_size))
        lines.extend((piece, kicker_size) for piece in wrap(article.kicker, per_line, indent=0))
    if article.headline:
        per_line = max(2, int(span_width // size))
        lines.extend((piece, size) for piece in wrap(article.headline, per_line, indent=0))
    return lines


class PageLayout:
    """Places articles on the page column by column (a skyline first-fit) and records the frames."""

    def __init__(self, settings: TypesetSettings, rng: random.Random) -> None:
        self.settings = settings
        self.rng = rng
        self.tops = [settings.margin] * settings.columns
        self.bottom = settings.page_size[1] - settings.margin
        self.groups: list[list[Frame]] = []  # the frames of one article (or fragment), in stream order
        self.late_headlines: list[Frame] = []  # headline frames written after everything else
        self.rules: list[tuple[float, float, float]] = []

    def _slot(self, span: int, height: float) -> tuple[int, float] | None:
        best: tuple[int, float] | None = None
        for start in range(0, len(self.tops) - span + 1):
            top = max(self.tops[start : start + span])
            if top + height <= self.bottom and (best is None or top < best[1] - 0.01):
                best = (start, top)
        return best

    def _flow(self, lines: list[BodyLine], x_columns: list[float], top: float) -> tuple[list[Frame], float]:
        """Flow body lines down the given columns, balanced; return the frames and the bottom y."""
        settings = self.settings
        per_column = math.ceil(len(lines) / len(x_columns)) if lines else 0
        frames, bottom = [], top
        for column, x in enumerate(x_columns):
            frame, y = Frame(), top
            for line in lines[column * per_column : (column + 1) * per_column]:
                size = line.size or settings.font_size
                y += line.space_before + settings.line_height
                justify_to = settings.column_width - line.indent if line.full else None
                baseline = y - 0.3 * settings.font_size
                frame.lines.append(TextLine(line.text, x + line.indent, baseline, size, justify_to))
            frames.append(frame)
            bottom = max(bottom, y)
        return frames, bottom

    def place_article(self, article: Article) -> bool:
        settings, rng = self.settings, self.rng
        spans = [span for span in (1, 2, 3) if span <= settings.columns]
        line_count = len(body_lines(article, settings))
        span = min(spans[-1], max(1, math.ceil(line_count / rng.uniform(20, 50))))
        placement = rng.choices(("above", "below", "beside"), weights=(0.6, 0.2, 0.2))[0]
        if span == 1 and placement == "beside":
            placement = "above"
        for attempt_span in [span, *[s for s in spans if s > span]]:
            if self._place(article, attempt_span, placement):
                return True
        return False

    def _place(self, article: Article, span: int, placement: str) -> bool:
        settings, rng = self.settings, self.rng
        size = rng.choice((14.0, 16.0, 18.0, 20.0))
        lines = body_lines(article, settings)
        gap = settings.line_height
        if placement == "beside":
            head = headline_lines(article, settings.column_width, min(size, settings.column_width / 5))
            body_columns = span - 1
        else:
            head = headline_lines(article, settings.span_width(span), size)
            body_columns = span
        head_height = sum(line_size * 1.3 for _, line_size in head)
        body_height = math.ceil(len(lines) / body_columns) * settings.line_height + len(lines) * 0.5
        height = (max(head_height, body_height) if placement == "beside" else head_height + body_height) + gap
        slot = self._slot(span, height)
        if slot is None:
            return False
        start, top = slot
        xs = [settings.column_x(start + offset) for offset in range(span)]
        head_x = xs[0]
        if placement == "beside":
            head_left = rng.random() < 0.7
            head_x = xs[0] if head_left else xs[-1]
            body_xs = xs[1:] if head_left else xs[:-1]
            head_top, body_top = top, top
        elif placement == "above":
            body_xs, head_top, body_top = xs, top, top + head_height + 0.3 * gap
        else:
            body_xs, head_top, body_top = xs, None, top
        body_frames, bottom = self._flow(lines, body_xs, body_top)
        if head_top is None:
            head_top = bottom + 0.3 * gap
            bottom = head_top + head_height
        head_frame, y = Frame(kind="headline"), head_top
        for text, line_size in head:
            y += line_size * 1.3
            head_frame.lines.append(TextLine(text, head_x, y - 0.25 * line_size, line_size))
        bottom = max(bottom, y)
        order = rng.random()
        if order < 0.6:
            self.groups.append([head_frame, *body_frames])
        elif order < 0.85:
            self.groups.append([*body_frames, head_frame])
        else:
            self.groups.append(body_frames)
            self.late_headlines.append(head_frame)
        for column in range(start, start + span):
            self.tops[column] = bottom + gap
        self.rules.append((xs[0], xs[-1] + settings.column_width, bottom + gap / 2))
        return True

    def place_fragment(self, fragment: str) -> bool:
        lines = [BodyLine(piece) for piece in wrap(fragment, self.settings.width, indent=0)]
        height = len(lines) * self.settings.line_height + self.settings.line_height
        slot = self._slot(1, height)
        if slot is None:
            return False
        start, top = slot
        frames, bottom = self._flow(lines, [self.settings.column_x(start)], top)
        for frame in frames:
            frame.kind = "fragment"
        self.groups.append(frames)
        self.tops[start] = bottom + self.settings.line_height
        return True


def lay_out(page: Page, settings: TypesetSettings, rng: random.Random) -> tuple[list[Frame], list, Page]:
    """Frames in content-stream order, separating rules, and the truth of what fit on the page.

    An article's body frames are written together and in order (as a layout program writes a
    threaded text frame); its headline frame comes before or after them, or after all articles;
    on some pages the articles are written in shuffled order.
    """
    layout = PageLayout(settings, rng)
    fragments = []
    fragments_first = rng.random() < 0.5
    if fragments_first:
        fragments = [fragment for fragment in page.fragments if layout.place_fragment(fragment)]
    placed = [article for article in page.articles if layout.place_article(article)]
    if not fragments_first:
        fragments = [fragment for fragment in page.fragments if layout.place_fragment(fragment)]
    groups = layout.groups
    if rng.random() < 0.2:
        rng.shuffle(groups)
    frames = [frame for group in groups for frame in group] + layout.late_headlines
    return frames, layout.rules, Page(placed, fragments)


def justified_positions(line: TextLine, font) -> list[tuple[float, str]]:
    """x of every character of a full line, spread (or squeezed a little) to fill its width."""
    advances = [font.text_length(char, fontsize=line.size) for char in line.text]
    slack = (line.justify_to or 0.0) - sum(advances)
    gaps = max(1, len(advances) - 1)
    # Spread a short line; squeeze a long one only a little and let the rest run into the gutter.
    extra = min(0.3 * line.size, slack / gaps) if slack >= 0 else max(-0.05 * line.size, slack / gaps)
    positions, x = [], line.x
    for char, advance in zip(line.text, advances, strict=True):
        positions.append((x, char))
        x += advance + extra
    return positions


@cache
def _font(font_path: str | None):
    import pymupdf

    return pymupdf.Font(fontfile=font_path) if font_path else pymupdf.Font(BUILTIN_CJK_FONT)


def render_pdf(frames: list[Frame], rules: list, settings: TypesetSettings, font_path: str | None) -> bytes:
    """Write the frames into a one-page PDF with an embedded CJK font (or the built-in one).

    Each frame is written as its own text object, in the order given, which is the
    order a content-stream extractor reads them in.
    """
    import pymupdf

    document = pymupdf.open()
    pdf_page = document.new_page(width=settings.page_size[0], height=settings.page_size[1])
    font = _font(font_path)
    for frame in frames:
        writer = pymupdf.TextWriter(pdf_page.rect)
        for line in frame.lines:
            if line.justify_to is None:
                writer.append((line.x, line.y), line.text, font=font, fontsize=line.size)
                continue
            for x, char in justified_positions(line, font):
                writer.append((x, line.y), char, font=font, fontsize=line.size)
        writer.write_text(pdf_page)
    for x0, x1, y in rules:
        pdf_page.draw_line((x0, y), (x1, y), width=0.5)
    document.subset_fonts()
    data = document.tobytes(garbage=3, deflate=True)
    document.close()
    return data


def typeset_page(
    page: Page,
    width: int,
    rng: random.Random,
    font_path: str | None = None,
) -> tuple[bytes, Page]:
    """A PDF of ``page`` in columns ``width`` characters wide, and the truth of what it holds."""
    settings = TypesetSettings(width=width)
    frames, rules, placed = lay_out(page, settings, rng)
    return render_pdf(frames, rules, settings, font_path), placed
