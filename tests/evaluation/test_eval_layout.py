"""Column line breaking: widths, indentation, and the Chinese line-breaking rules."""

from __future__ import annotations

import random

import pytest

from evaluation.layout import NO_LINE_END, NO_LINE_START, split_headline, wrap
from evaluation.text import display_width


@pytest.mark.parametrize("width", range(10, 17))
@pytest.mark.parametrize("squeeze", [True, False])
def test_wrapped_lines_fit_the_column(width: int, squeeze: bool, make_paragraph) -> None:
    rng = random.Random(width)
    for _ in range(20):
        text = make_paragraph(rng) + "“引文内容”（括号里）ABC 123。"
        lines = wrap(text, width, indent=2, squeeze=squeeze)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert display_width(lines[0]) <= 2 * (width - 2) + (2 if squeeze else 0)
        for line in lines[1:]:
            assert display_width(line) <= 2 * width + (2 if squeeze else 0)
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END


def test_full_lines_are_full_and_the_first_is_two_characters_shorter() -> None:
    lines = wrap("一" * 40, 12)
    assert [len(line) for line in lines] == [10, 12, 12, 6]


def test_numbers_are_not_broken() -> None:
    assert wrap("一二三四五六七八2025年", 10, indent=0) == ["一二三四五六七八2025", "年"]
    assert wrap("一二三四五六七八九2025年", 10, indent=0) == ["一二三四五六七八九", "2025年"]


def test_split_headline_keeps_the_text() -> None:
    for position in (0.1, 0.5, 0.9):
        parts = split_headline("某地举办全省社会事务培训会议", 2, position)
        assert len(parts) == 2
        assert "".join(parts) == "某地举办全省社会事务培训会议"
