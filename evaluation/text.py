"""Character classes and the text normal forms the evaluation relies on.

Two normal forms live here:

* :func:`to_normal_form` puts corpus text into the form SPEC.md section 2 asks
  the cleaner to produce (half-width digits and letters, full-width Chinese
  punctuation, no spaces next to Chinese characters). Ground-truth text is
  stored in this form.
* :func:`comparison_form` is what the scorer compares: it only drops
  whitespace and invisible characters, so every other difference between the
  cleaner's output and the truth still counts.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

HAN = regex.compile(r"\p{Han}")
INVISIBLE = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉「」『』—…·"
HALF_TO_FULL_PUNCTUATION = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL_TO_HALF_PUNCTUATION = {full: half for half, full in HALF_TO_FULL_PUNCTUATION.items()}


def is_han(char: str) -> bool:
    """True for a Han ideograph (Unicode script Han)."""
    return bool(HAN.fullmatch(char))


def is_wide(char: str) -> bool:
    """True for a character that takes a full em in a Chinese column (everything but ASCII)."""
    return ord(char) > 0x7E


def char_width(char: str) -> int:
    """Width in half-em units: 2 for Han and other full-width characters, 1 for ASCII, 0 for invisibles."""
    if char in INVISIBLE or unicodedata.category(char) in ("Mn", "Cf"):
        return 0
    return 2 if is_wide(char) else 1


def display_width(text: str) -> int:
    """Width of a string in half-em units (a Han character counts 2, a digit or Latin letter 1)."""
    return sum(char_width(char) for char in text)


def han_counts(text: str) -> Counter[str]:
    """Multiset of the Han characters in ``text``."""
    return Counter(HAN.findall(text))


def to_half_width_alnum(text: str) -> str:
    """Turn full-width ASCII digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) into half-width ones."""
    out = []
    for char in text:
        code = ord(char)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(char)
    return "".join(out)


def to_full_width_alnum(text: str) -> str:
    """Turn half-width digits and letters into full-width ones (inverse of :func:`to_half_width_alnum`)."""
    return "".join(chr(ord(char) + 0xFEE0) if char.isascii() and char.isalnum() else char for char in text)


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character from ``index`` in direction ``step``, or ''."""
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) else ""


def to_normal_form(text: str) -> str:
    """Put text into SPEC.md's normal form (the form ground truth is stored in).

    >>> to_normal_form("使用 rsync 备份, 共 18 条(试行)")
    '使用rsync备份，共18条（试行）'
    >>> to_normal_form("THANK YOU 2023-2027 1,000")
    'THANK YOU 2023-2027 1,000'
    """
    text = unicodedata.normalize("NFC", text)
    text = "".join(char for char in text if char not in INVISIBLE)
    text = to_half_width_alnum(text)
    text = " ".join(text.split())
    chars = list(text)
    for index, char in enumerate(chars):
        if char in HALF_TO_FULL_PUNCTUATION:
            before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
            between_digits = before.isdigit() and after.isdigit()
            if not between_digits and (is_wide(before or "x") or is_wide(after or "x")):
                chars[index] = HALF_TO_FULL_PUNCTUATION[char]
    text = "".join(chars)
    kept = []
    for index, char in enumerate(text):
        if char == " ":
            before, after = text[index - 1] if index else "", text[index + 1] if index + 1 < len(text) else ""
            if not before or not after or is_wide(before) or is_wide(after):
                continue
        kept.append(char)
    return "".join(kept)


def comparison_form(text: str) -> str:
    """What the scorer compares: NFC text without whitespace and invisible characters.

    >>> comparison_form(" 民政\\u200b工作 2024 年\\n")
    '民政工作2024年'
    """
    text = unicodedata.normalize("NFC", text)
    return "".join(char for char in text if not char.isspace() and char not in INVISIBLE)
