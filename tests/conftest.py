from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI draws the same examples on every run (a red build means a change broke them);
# `HYPOTHESIS_PROFILE=hunt python -m pytest tests/test_properties.py` searches ten
# times wider with fresh random examples, to find what the fixed set does not.
RELAXED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=300, derandomize=True, **RELAXED)
settings.register_profile("hunt", max_examples=3000, **RELAXED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def cleaner():
    from cleaner import Cleaner

    return Cleaner()
