"""Fixtures for the evaluation tests; puts the repository root on sys.path for ``import evaluation``."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from evaluation.corpus import Corpus, Section  # noqa: E402

# Common characters to make up prose that is certainly not from any real page.
POOL = (
    "的一是在了有和人这中大为上个我以要他时来用们生到作地"
    "于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
)


def made_up_paragraph(rng: random.Random) -> str:
    clauses = []
    for _ in range(rng.randint(3, 7)):
        clause = "".join(rng.choice(POOL) for _ in range(rng.randint(5, 18)))
        if rng.random() < 0.2:
            clause += str(rng.randint(2, 2030))
            clause += rng.choice("年条个")
        clauses.append(clause)
    return "，".join(clauses) + "。"


@pytest.fixture(scope="session")
def make_paragraph():
    """A function that makes up a paragraph of prose from a ``random.Random``."""
    return made_up_paragraph


@pytest.fixture(scope="session")
def tiny_corpus() -> Corpus:
    rng = random.Random(42)
    sections = []
    for number in range(30):
        paragraphs = tuple(made_up_paragraph(rng) for _ in range(rng.randint(2, 9)))
        sections.append(Section("made-up", f"section-{number}", paragraphs))
    return Corpus(tuple(sections))
