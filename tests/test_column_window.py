"""The sliding window of column lines scores a width as `_support` does, line by line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.layout.columns import EXACT, _support, _Window
from cleaner.layout.lines import make_line

line_texts = st.lists(st.sampled_from(["会", "议", "，", "。", "、", "“", "”", "2", "A", " "]), min_size=1,
                      max_size=30).map("".join).filter(str.strip)


@given(st.lists(line_texts, min_size=1, max_size=14), st.data())
def test_window_support_is_support_of_its_lines(texts: list[str], data: st.DataObject) -> None:
    lines = [make_line(i, 0, text.strip()) for i, text in enumerate(texts)]
    exact = [line.width if EXACT.fullmatch(line.text) else None for line in lines]
    window = _Window(lines, exact)
    for index in range(len(lines)):
        window.add(index, 1)
    gone = data.draw(st.sets(st.integers(0, len(lines) - 1)))
    for index in gone:  # lines leave the window again
        window.add(index, -1)
    near = [i for i in range(len(lines)) if i not in gone]
    for width in range(1, 64):
        assert window.support(width) == _support(lines, near, exact, width)
    assert window.lines == len(near)
