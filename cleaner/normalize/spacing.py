"""Rules that remove the spaces an extractor leaves inside Chinese text.

The house style (SPEC.md section 2) puts no space between a Chinese character and
a digit, a Latin letter or Chinese punctuation; spaces between Latin words stay.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from cleaner.chars import CJK_PUNCT
from cleaner.engine.context import Context
from cleaner.engine.record import Edit
from cleaner.engine.rule import rule
from cleaner.layout.patterns import is_byline, is_trailing_byline

GAP_CHARS = " \u3000"  # every pattern below matches a run of them, no more
GAP = f"[{GAP_CHARS}]+"
DIGIT_GAP = regex.compile(rf"(?<=\p{{Han}}){GAP}(?=[0-9])|(?<=[0-9%]){GAP}(?=\p{{Han}})")
LATIN_GAP = regex.compile(rf"(?<=\p{{Han}}){GAP}(?=[A-Za-z])|(?<=[A-Za-z]){GAP}(?=\p{{Han}})")
PUNCT = regex.escape(CJK_PUNCT)
# A gap before or after Chinese punctuation, but never the indent at a line start.
PUNCT_GAP = regex.compile(rf"(?<=[^\s])(?<!^#{{1,6}}){GAP}(?=[{PUNCT}])|(?<=[{PUNCT}]){GAP}(?=[^\s])",
                          regex.MULTILINE)
TRAILING = regex.compile(rf"{GAP}(?=\n|\Z)")
HAN_GAP = regex.compile(rf"(?<=\p{{Han}}){GAP}(?=\p{{Han}})")
MULTI_GAP = regex.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")


@rule(
    name="space-digit-unit",
    line_local=True,
    triggers=GAP_CHARS,
    summary="Remove the space between a number and the Chinese beside it (`2025 年` -> `2025年`).",
    group="spacing",
    examples=[
        ("2025 年 3月 20日，共 18 条", "2025年3月20日，共18条"),
        ("家庭、12355 青少年服务台", "家庭、12355青少年服务台"),
        ("占 28% 以上", "占28%以上"),
    ],
    keep=["iPhone 15", "1 2 3", "  2025年"],
)
def space_digit_unit(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: justified columns stretch the gap around Latin-font digits, and
    extractors turn the stretch into a space."""
    for m in DIGIT_GAP.finditer(text):
        yield Edit(m.start(), m.end(), "")


@rule(
    name="space-han-latin",
    line_local=True,
    triggers=GAP_CHARS,
    summary="Remove the space between a Chinese character and a Latin word (`使用 Python 编程`).",
    group="spacing",
    examples=[("使用 Python 编程", "使用Python编程"), ("THANK YOU 谢谢", "THANK YOU谢谢")],
    keep=["THANK YOU", "New York Times", "于本报通讯员 冯平力 sm本报通讯员 李宁强"],
)
def space_han_latin(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: the same stretched gap as around digits; spaces between Latin words stay. A
    byline keeps the spaces between its credits, even before a mark an OCR engine read as
    letters (`冯平力 sm本报通讯员 李宁强`)."""
    for m in LATIN_GAP.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if is_byline(text[line_start : len(text) if line_end < 0 else line_end].strip()):
            continue
        yield Edit(m.start(), m.end(), "")


@rule(
    name="space-around-punct",
    line_local=True,
    triggers=GAP_CHARS,
    summary="Remove spaces before and after Chinese punctuation (`会议 ，民政` -> `会议，民政`).",
    group="spacing",
    examples=[("会议 ，民政部", "会议，民政部"), ("（ 据河北 ）", "（据河北）"), ("指出： 要", "指出：要")],
    keep=["\u3000\u3000“党有嘱托”", "  （据河北）", "## 《规定》发布"],
)
def space_around_punct(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: Chinese punctuation carries its own spacing in its full-width glyph; a space
    beside it is an extraction artefact. The indent at a line start is kept for layout."""
    for m in PUNCT_GAP.finditer(text):
        yield Edit(m.start(), m.end(), "")


@rule(
    name="trailing-space",
    line_local=True,
    triggers=GAP_CHARS,
    summary="Remove spaces at the end of a line.",
    group="spacing",
    examples=[("会议召开  \n下一行 ", "会议召开\n下一行")],
    keep=["会议召开\n  下一行"],
)
def trailing_space(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: trailing spaces carry nothing and make equal lines differ."""
    for m in TRAILING.finditer(text):
        yield Edit(m.start(), m.end(), "")


@rule(
    name="space-inside-han",
    summary="Remove spaces between Chinese characters in body text; keep one in a headline.",
    group="spacing",
    stage="block",
    examples=[
        ("要加强社会 救助工作。", "要加强社会救助工作。"),
        ("大力发展社区慈善   四川出台指引", "大力发展社区慈善 四川出台指引"),
    ],
    keep=["大力发展社区慈善 四川出台指引", "THANK YOU"],
)
def space_inside_han(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a space inside a run of Chinese characters is a justification stretch or an
    OCR artefact in body text. In a headline, one space between two phrases separates
    kicker and main title, so it is kept (collapsed to one); bylines keep theirs
    (`本报记者 皮磊`), and so do a page's running heads and editor credits. Without
    layout (block types unknown) a line of one phrase-space-phrase shape under 40
    characters is treated as a headline."""
    if " " not in text and "\u3000" not in text:
        return  # both patterns need a space
    offset = 0
    types = ctx.block_types
    for index, line in enumerate(text.splitlines(keepends=True)):
        if " " not in line and "\u3000" not in line:
            offset += len(line)
            continue
        kind = types[index] if types and index < len(types) else _guess_kind(line)
        if kind == "source" and is_trailing_byline(line.strip()):
            kind = "byline"  # a byline in brackets under the text: `（本报记者 张明）`
        if kind in ("heading", "headline", "byline", "kicker", "furniture"):
            for m in MULTI_GAP.finditer(line):
                yield Edit(offset + m.start(), offset + m.end(), " ")
        elif kind != "verbatim":
            for m in HAN_GAP.finditer(line):
                yield Edit(offset + m.start(), offset + m.end(), "")
        offset += len(line)


def _guess_kind(line: str) -> str:
    stripped = line.strip()
    if len(stripped) <= 40 and not regex.search(r"[。！？，；]", stripped):
        return "headline"
    return "paragraph"
