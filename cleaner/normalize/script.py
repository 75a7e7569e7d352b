"""Traditional to simplified conversion, decided once per document."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import accumulate

import opencc

from cleaner.engine.context import Context
from cleaner.engine.record import Decision, Edit
from cleaner.engine.rule import rule


@cache
def converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def script_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Characters that only traditional text uses, and those only simplified text uses,
    derived from OpenCC's own tables (a character t2s changes is traditional-only)."""
    ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000)) + "".join(chr(c) for c in range(0x3400, 0x4DC0))
    to_simplified = converter("t2s").convert(ideographs)
    to_traditional = converter("s2t").convert(ideographs)
    traditional = simplified = ""
    if len(to_simplified) == len(ideographs):
        traditional = "".join(a for a, b in zip(ideographs, to_simplified, strict=True) if a != b)
    if len(to_traditional) == len(ideographs):
        simplified = "".join(a for a, b in zip(ideographs, to_traditional, strict=True) if a != b)
    # A character in both sets is ambiguous (e.g. 著/着 pairs): it is no evidence.
    both = set(traditional) & set(simplified)
    traditional = "".join(c for c in traditional if c not in both)
    simplified = "".join(c for c in simplified if c not in both)
    # The standard `re` module: with classes of thousands of characters it is two
    # orders of magnitude faster than `regex`.
    return re.compile(f"[{re.escape(traditional)}]"), re.compile(f"[{re.escape(simplified)}]")


def count_script(text: str) -> tuple[int, int]:
    """(traditional-only, simplified-only) character counts."""
    traditional, simplified = script_classes()
    return len(traditional.findall(text)), len(simplified.findall(text))


@rule(
    name="t2s",
    summary="Convert stray traditional characters to simplified (OpenCC t2s), only in a simplified document.",
    group="script",
    examples=[("这是新时代的到來，我们将迎接发展", "这是新时代的到来，我们将迎接发展"),
              ("这是一个简体文档，經济发展", "这是一个简体文档，经济发展")],
    keep=["這是一份繁體文件，經濟發展與社會進步。", "软件和软体"],
    defaults={"min_simplified_ratio": 3.0},
    stage="document",
)
def t2s(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: extractors and OCR read some characters in their traditional form (`到來`),
    which then match nothing. The document is converted only when it is simplified
    as a whole (simplified-only characters outnumber traditional-only ones by the
    ratio setting): a traditional document stays traditional. The count covers the
    articles, not fragments, so that cleaning the output again decides the same way;
    the decision holds for the rest of the document. OpenCC's `t2s` changes script
    only, not vocabulary (`tw2sp` would turn 軟體 into 软件)."""
    decided = ctx.facts.get("t2s-convert")
    if decided is False:
        return  # decided once per document: a traditional document stays traditional
    trad_class = script_classes()[0]
    if not trad_class.search(text):
        return
    if decided is None:
        # Judged on the articles only (fragments are not in the output, so cleaning the
        # output again must reach the same verdict); fragments are converted with them.
        traditional, simplified = count_script(_article_text(text, ctx.block_types))
        ctx.facts["t2s-convert"] = _decide(traditional, simplified, ctx)
    if not ctx.facts["t2s-convert"]:
        return
    to_simplified = converter("t2s").convert
    lines = text.splitlines(keepends=True)
    starts = [0, *accumulate(map(len, lines))]
    # Only the lines holding a traditional character: found from the hits, not line by line.
    for number in sorted({bisect_right(starts, m.start()) - 1 for m in trad_class.finditer(text)}):
        line, offset = lines[number], starts[number]
        new = to_simplified(line)
        if len(new) == len(line):
            for index, (old_char, new_char) in enumerate(zip(line, new, strict=True)):
                if old_char != new_char:
                    yield Edit(offset + index, offset + index + 1, new_char)
        elif new != line:
            yield Edit(offset, offset + len(line), new)


def _decide(traditional: int, simplified: int, ctx: Context) -> bool:
    ratio = float(ctx.settings.get("min_simplified_ratio", 3.0))
    convert = simplified >= ratio * traditional
    ctx.decide(Decision(
        rule="t2s",
        kind="script",
        summary=(f"document is simplified: converting {traditional} traditional characters" if convert
                 else f"document is traditional: {traditional} traditional characters left as they are"),
        confidence=min(1.0, abs(simplified - traditional) / max(1, simplified + traditional)),
        evidence={"traditional_only": traditional, "simplified_only": simplified, "converted": convert},
    ))
    return convert


def _article_text(text: str, block_types: list[str] | None) -> str:
    if block_types is None:
        return text
    lines = text.split("\n")
    return "\n".join(line for line, kind in zip(lines, block_types, strict=False) if kind != "fragment")
