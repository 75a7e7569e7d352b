"""Character-level damage that PDF extractors and OCR do to Chinese text (SPEC.md section 1).

Every function takes a ``random.Random`` (when it needs chance) and returns new
text; none changes the characters a reader would read except the ones it is
meant to damage.
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import cache

from evaluation.text import FULL_TO_HALF_PUNCTUATION, is_han, to_full_width_alnum

# Simplified characters whose traditional form converts back unambiguously (OpenCC t2s).
SIMPLIFIED_TO_TRADITIONAL = dict(
    zip(
        "来会这时国们个为动实现关务进长开问题经过还没间学应东车书电机网统样级无与备软档组织导议计设认证询录"
        "传输护读写义区单节类据选择调试错误",
        "來會這時國們個為動實現關務進長開問題經過還沒間學應東車書電機網統樣級無與備軟檔組織導議計設認證詢錄"
        "傳輸護讀寫義區單節類據選擇調試錯誤",
        strict=True,
    )
)
INVISIBLE_CHARACTERS = ("\u200b", "\u00ad", "\ufeff")
DIGIT_BESIDE_HAN = re.compile(r"(?<=[0-9])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?=[0-9])")


@cache
def radical_lookalikes() -> dict[str, str]:
    """Ideograph -> the Kangxi Radicals character that looks the same (from NFKC)."""
    table = {}
    for code in range(0x2F00, 0x2FD6):
        radical = chr(code)
        ideograph = unicodedata.normalize("NFKC", radical)
        if len(ideograph) == 1 and is_han(ideograph):
            table[ideograph] = radical
    return table


def split_digits_from_han(text: str, rng: random.Random, rate: float) -> str:
    """Put a space between a digit and a neighbouring Han character (``2025 年``), at ``rate`` per place.

    >>> split_digits_from_han("2025年3月", random.Random(0), 1.0)
    '2025 年 3 月'
    """
    return DIGIT_BESIDE_HAN.sub(lambda _: " " if rng.random() < rate else "", text)


def full_width_digits_and_letters(text: str) -> str:
    """``2024年`` -> ``２０２４年``.

    >>> full_width_digits_and_letters("2024年THANK")
    '２０２４年ＴＨＡＮＫ'
    """
    return to_full_width_alnum(text)


def half_width_punctuation(text: str, rng: random.Random, rate: float) -> str:
    """Replace Chinese ``，；：？！（）`` by ASCII ones, at ``rate`` per mark.

    >>> half_width_punctuation("会议，民政部（试行）", random.Random(0), 1.0)
    '会议,民政部(试行)'
    """
    return "".join(
        FULL_TO_HALF_PUNCTUATION[char] if char in FULL_TO_HALF_PUNCTUATION and rng.random() < rate else char
        for char in text
    )


def traditional_characters(text: str, rng: random.Random, rate: float) -> str:
    """Swap some simplified characters for their traditional form (``到来`` -> ``到來``)."""
    return "".join(
        SIMPLIFIED_TO_TRADITIONAL[char] if char in SIMPLIFIED_TO_TRADITIONAL and rng.random() < rate else char
        for char in text
    )


def radical_characters(text: str, rng: random.Random, rate: float) -> str:
    """Swap some ideographs for the look-alike Kangxi radical a PDF font maps them to (``色`` -> ``⾊``)."""
    table = radical_lookalikes()
    return "".join(table[char] if char in table and rng.random() < rate else char for char in text)


def invisible_characters(text: str, rng: random.Random, rate: float) -> str:
    """Insert zero-width spaces, soft hyphens and BOMs after some characters."""
    out = []
    for char in text:
        out.append(char)
        if rng.random() < rate:
            out.append(rng.choice(INVISIBLE_CHARACTERS))
    return "".join(out)


def mojibake_cp1252(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1), which ftfy repairs.

    >>> mojibake_cp1252("“民政”")
    'â€œæ°‘æ”¿â€\\x9d'
    """
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([byte]).decode("latin-1"))
    return "".join(out)


def mojibake_gbk(text: str) -> str | None:
    """UTF-8 bytes read as GBK (``民政工作`` -> ``姘戞斂宸ヤ綔``), or None when that is not reversible.

    >>> mojibake_gbk("民政工作")
    '姘戞斂宸ヤ綔'
    """
    data = text.encode("utf-8")
    try:
        garbled = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    if garbled.encode("gbk") != data or any(unicodedata.category(char)[0] == "C" for char in garbled):
        return None
    return garbled
