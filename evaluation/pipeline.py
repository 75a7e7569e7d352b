"""Generated test cases: a page's truth and the extractor-like text made from it.

Every page has its own ``random.Random``, seeded from (seed, kind, page number),
so a page is the same whatever else is generated, and the column width cycles
through 10..16 so that every width gets the same number of pages.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from evaluation.compose import compose_page
from evaluation.corpus import Corpus
from evaluation.page import Page
from evaluation.simulate import simulate_page

WIDTHS = tuple(range(10, 17))
PDF_ARTICLE_COUNTS = (4, 5, 6, 6, 7, 8)


@dataclass
class Case:
    """One page as one extractor (or the simulation) gives it, with its truth."""

    kind: str
    extractor: str
    page_number: int
    width: int
    text: str
    truth: Page
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def page_id(self) -> str:
        return f"{self.kind}-{self.page_number:04d}-w{self.width}-{self.extractor}"


def page_rng(seed: int, kind: str, page_number: int) -> random.Random:
    return random.Random(f"{seed}/{kind}/{page_number}")


def width_of(page_number: int) -> int:
    return WIDTHS[page_number % len(WIDTHS)]


def simulated_cases(corpus: Corpus, pages: int, seed: int) -> Iterator[Case]:
    """``pages`` pages through the text-level simulation."""
    for number in range(pages):
        rng = page_rng(seed, "simulated", number)
        width = width_of(number)
        truth = compose_page(corpus, rng, width)
        text, settings = simulate_page(truth, width, rng)
        yield Case("simulated", "simulated", number, width, text, truth, settings.to_dict())


def pdf_cases(corpus: Corpus, pages: int, seed: int, extractors: dict, font: str | None) -> Iterator[Case]:
    """``pages`` pages typeset to PDF, each read back by every extractor given."""
    from evaluation.typeset import typeset_page

    for number in range(pages):
        rng = page_rng(seed, "pdf", number)
        width = width_of(number)
        page = compose_page(corpus, rng, width, article_counts=PDF_ARTICLE_COUNTS)
        pdf, truth = typeset_page(page, width, rng, font)
        settings = {"width": width, "font": font or "china-s (PyMuPDF built-in)"}
        for name, extract in extractors.items():
            yield Case("pdf", name, number, width, extract(pdf), truth, settings)
