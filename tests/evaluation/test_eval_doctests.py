"""Run the examples in the evaluation package's docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["text", "layout", "artefacts", "corpus", "score", "baseline"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(f"evaluation.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
