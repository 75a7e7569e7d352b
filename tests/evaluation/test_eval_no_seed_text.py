"""The generator must not contain text of the seed pages (acceptance tests use them)."""

from __future__ import annotations

from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[2]
HAN_RUN = regex.compile(r"\p{Han}{6,}")


def seed_text() -> str:
    paths = sorted((REPO / "seeds").glob("*"))
    return "".join(path.read_text(encoding="utf-8", errors="replace") for path in paths)


def test_no_run_of_six_han_characters_from_the_seeds_is_in_the_generator() -> None:
    seeds = seed_text()
    sources = [REPO / "bench" / "layout_scores.py", *sorted((REPO / "evaluation").glob("*.py"))]
    for source in sources:
        for run in HAN_RUN.findall(source.read_text(encoding="utf-8")):
            for start in range(len(run) - 5):
                assert run[start : start + 6] not in seeds, (source.name, run)
