"""The real round trip: typeset a page to PDF and read it back (skipped without the PDF tools)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from evaluation.compose import compose_page
from evaluation.score import strings_in
from evaluation.text import han_counts

pytest.importorskip("pymupdf")

from evaluation.extract import available_extractors
from evaluation.typeset import TypesetSettings, lay_out, typeset_page


def test_layout_keeps_frames_inside_the_page(tiny_corpus) -> None:
    for width in (10, 16):
        settings = TypesetSettings(width=width)
        page = compose_page(tiny_corpus, random.Random(width), width, article_counts=(6,))
        frames, _, placed = lay_out(page, settings, random.Random(1))
        assert placed.articles
        for frame in frames:
            for line in frame.lines:
                assert settings.margin - 1 <= line.x < settings.page_size[0] - settings.margin
                assert 0 < line.y <= settings.page_size[1] - settings.margin


def test_layout_is_deterministic(tiny_corpus) -> None:
    settings = TypesetSettings(width=13)
    page = compose_page(tiny_corpus, random.Random(8), 13, article_counts=(5,))
    first = lay_out(page, settings, random.Random(2))
    again = lay_out(page, settings, random.Random(2))
    assert first == again


def test_every_extractor_reads_back_every_han_character(tiny_corpus) -> None:
    page = compose_page(tiny_corpus, random.Random(3), 12, article_counts=(2,))
    pdf, placed = typeset_page(page, 12, random.Random(3), font_path=None)
    assert pdf.startswith(b"%PDF")
    expected = han_counts("".join(strings_in(placed.to_dict())))
    extractors = available_extractors()
    assert "pymupdf" in extractors
    for name, extract in extractors.items():
        text = unicodedata.normalize("NFC", extract(pdf))
        assert han_counts(text) == expected, name
