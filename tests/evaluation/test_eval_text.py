"""Normal forms and character classes."""

from __future__ import annotations

from evaluation.text import comparison_form, display_width, han_counts, is_han, to_normal_form


def test_normal_form_removes_spaces_next_to_chinese_only() -> None:
    assert to_normal_form("在 2025 年 发布 Debian GNU 系统") == "在2025年发布Debian GNU系统"


def test_normal_form_makes_punctuation_full_width_next_to_chinese() -> None:
    assert to_normal_form("会议,民政部(试行)") == "会议，民政部（试行）"
    assert to_normal_form("共 1,000 人") == "共1,000人"


def test_normal_form_makes_digits_half_width() -> None:
    assert to_normal_form("２０２４年ＴＨＡＮＫ") == "2024年THANK"


def test_comparison_form_ignores_whitespace_and_invisibles_only() -> None:
    assert comparison_form("民\u200b政 工\n作\ufeff") == "民政工作"
    assert comparison_form("民政，") != comparison_form("民政,")


def test_widths_and_han() -> None:
    assert display_width("民政2025") == 8
    assert is_han("民") and not is_han("，") and not is_han("A")
    assert han_counts("民政民，A") == {"民": 2, "政": 1}
