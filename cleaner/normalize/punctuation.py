"""Rules that give punctuation in Chinese text its full-width Chinese form."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleaner.chars import CJK_PUNCT
from cleaner.engine.context import Context
from cleaner.engine.record import Edit
from cleaner.engine.rule import rule

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
TO_FULLWIDTH = str.maketrans(FULLWIDTH)  # every mark at once, in C
# A character that makes its neighbour "Chinese context": Han or Chinese punctuation.
CHINESE = r"[\p{Han}" + regex.escape(CJK_PUNCT) + r"]"
# `, ; : ? !` with Chinese on one side (a few spaces between are allowed).
# A run of marks (`,,` `?!`) is judged as one, so a second pass finds nothing new.
# Context is looked for within the line only: lines are moved whole (a headline to
# its article), so a rule that looked across lines could find new work next time.
HALF_PUNCT = regex.compile(rf"(?<={CHINESE}[ \t]{{0,3}})[,;:?!]+|[,;:?!]+(?=[ \t]{{0,3}}{CHINESE})")
# Every match holds one of the marks: a page without any (many pages) needs no
# scan with the lookbehind, which `regex` tries at every position.
HALF_MARKS = ",;:?!"
HALF_MARK = re.compile(f"[{HALF_MARKS}]")


@rule(
    name="punct-fullwidth",
    line_local=True,
    triggers=HALF_MARKS,
    summary="Turn half-width , ; : ? ! next to Chinese text into ， ； ： ？ ！.",
    group="punctuation",
    examples=[
        ("会议,民政部", "会议，民政部"),
        ("要求:一是", "要求：一是"),
        ("是吗?好!", "是吗？好！"),
        ("共有1,000人,其中", "共有1,000人，其中"),
        ("2023年,2024年", "2023年，2024年"),
    ],
    keep=["1,000", "10:30开会", "Hello, world: yes!", "3.5%"],
)
def punct_fullwidth(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: extractors and OCR engines often emit ASCII punctuation for Chinese marks.
    A mark is Chinese when a Han character or Chinese punctuation is next to it
    (spaces between allowed); between two digits it belongs to the number."""
    if HALF_MARK.search(text) is None:
        return
    for m in HALF_PUNCT.finditer(text):
        start, end = m.span()
        if end - start == 1 and 0 < start < len(text) - 1 and _ascii_digit(text[start - 1]) \
                and _ascii_digit(text[end]):
            continue  # inside a number: 1,000 or 10:30
        yield Edit(start, end, m.group().translate(TO_FULLWIDTH))


def _ascii_digit(char: str) -> bool:
    return "0" <= char <= "9"



PAREN = re.compile(r"[()]")
HAN_CHAR = regex.compile(r"\p{Han}")


@rule(
    name="paren-fullwidth",
    line_local=True,
    triggers=r"()",
    summary="Turn half-width ( ) around or beside Chinese text into （ ）, as a pair.",
    group="punctuation",
    examples=[
        ("(据陕西发布)", "（据陕西发布）"),
        ("指引(试行)发布", "指引（试行）发布"),
        ("方案(2023-2027年)等", "方案（2023-2027年）等"),
        ("各省(区、市)民政部门", "各省（区、市）民政部门"),
    ],
    keep=["f(x) = (a + b)", "see (1999)", "（已是全角）"],
)
def paren_fullwidth(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a Chinese parenthesis is full-width. Brackets are converted as a pair, so
    `(2023-2027年)` and `(x)` stay balanced: a pair is Chinese when it encloses a Han
    character or has Han or Chinese punctuation right outside it. Pairs are looked for
    within a line: the layout stage joins wrapped lines, and the rule runs again."""
    if "(" not in text and ")" not in text:
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if "(" in line or ")" in line:
            yield from _paren_pairs(line, offset)
        offset += len(line)


def _paren_pairs(text: str, offset: int) -> Iterator[Edit]:
    stack: list[int] = []
    for m in PAREN.finditer(text):
        if m.group() == "(":
            stack.append(m.start())
            continue
        close = m.start()
        if stack:
            open_ = stack.pop()
            if (HAN_CHAR.search(text, open_, close)
                    or _chinese_near(text, open_, -1) or _chinese_near(text, close, +1)):
                yield Edit(offset + open_, offset + open_ + 1, "（")
                yield Edit(offset + close, offset + close + 1, "）")
        elif _chinese_near(text, close, -1):
            yield Edit(offset + close, offset + close + 1, "）")
    for open_ in stack:  # not closed on this line: judge by what is around it
        if _chinese_near(text, open_, +1) or _chinese_near(text, open_, -1):
            yield Edit(offset + open_, offset + open_ + 1, "（")


def _chinese_near(text: str, index: int, step: int) -> bool:
    """Is the nearest non-space character on this side, within the line, Chinese?"""
    index += step
    while 0 <= index < len(text) and text[index] in " \t\u3000":
        index += step
    return 0 <= index < len(text) and bool(CHINESE_CHAR.match(text[index]))


CHINESE_CHAR = regex.compile(CHINESE)
QUOTE = regex.compile(r"[\"']")


@rule(
    name="quotes-cjk",
    summary="Turn straight quotes in Chinese text into “ ” and ‘ ’.",
    group="punctuation",
    examples=[
        ('坚持"保障基本"原则', "坚持“保障基本”原则"),
        ('他说:"好。"', "他说:“好。”"),
        ("所谓'一老一小'", "所谓‘一老一小’"),
    ],
    keep=['He said "yes" twice', "don't", "“已是弯引号”"],
)
def quotes_cjk(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: Chinese text uses curly quotes; straight ones come from extractors and OCR.
    Quotes next to Chinese alternate open/close along the text; a quote after an
    opening context (line start, space, `：`) opens, one before `，。` or at a line
    end closes (so the layout stage reads the line the same before and after)."""
    if '"' not in text and "'" not in text:
        return
    open_state = {'"': False, "'": False}
    for m in QUOTE.finditer(text):
        index, quote = m.start(), m.group()
        before = text[index - 1] if index else "\n"
        after = text[index + 1] if index + 1 < len(text) else "\n"
        if not (_chinese_near(text, index, -1) or _chinese_near(text, index, +1)):
            continue
        if quote == "'" and before.isascii() and before.isalpha():
            continue  # an apostrophe in a Latin word
        if after in "，。、；：？！）》\n" or (before not in "\n ：:（《" and open_state[quote]):
            opening = False
        elif before in "\n ：:（《" or not open_state[quote]:
            opening = True
        else:
            opening = not open_state[quote]
        open_state[quote] = opening
        pair = "“”" if quote == '"' else "‘’"
        yield Edit(index, index + 1, pair[0] if opening else pair[1])
