"""The seed pages come out as the fixtures say: checked by hand, line by line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner.pipeline import Cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLEANER = Cleaner()


def test_every_seed_has_its_fixtures() -> None:
    assert SEEDS
    for seed in SEEDS:
        for suffix in ("txt", "md", "json"):
            assert (ROOT / "fixtures" / f"{seed.stem}.{suffix}").exists(), f"{seed.stem}.{suffix}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_fixtures(seed: Path) -> None:
    result = CLEANER.run(seed.read_text(encoding="utf-8"))
    fixtures = ROOT / "fixtures"
    assert result.render("text") == (fixtures / f"{seed.stem}.txt").read_text(encoding="utf-8")
    assert result.render("markdown") == (fixtures / f"{seed.stem}.md").read_text(encoding="utf-8")
    expected = json.loads((fixtures / f"{seed.stem}.json").read_text(encoding="utf-8"))
    assert result.document.to_dict() == expected
