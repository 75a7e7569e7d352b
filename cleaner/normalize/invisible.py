"""Rules for characters a reader cannot see: line endings, invisible and control characters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from cleaner.engine.context import Context
from cleaner.engine.record import Edit
from cleaner.engine.rule import rule

LINE_ENDING = regex.compile(r"\r\n?|[\u2028\u2029\u0085]")
LINE_BREAKS = ("\r", "\u2028", "\u2029", "\u0085")  # a match holds one

# Zero-width and format characters, soft hyphen, BOM, bidi controls, and C0/C1
# control characters other than tab, newline and form feed (a page break).
# Plain character classes: the standard `re` scans these several times faster than `regex`.
INVISIBLE_CHARS = (r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u00ad\u034f\u180e"
                   r"\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f")
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]+")
ODD_SPACE_CHARS = r"\t\u00a0\u2000-\u200a\u202f\u205f"
ODD_SPACE = re.compile(f"[{ODD_SPACE_CHARS}]")


@rule(
    name="line-endings",
    line_local=True,
    triggers=re.escape("".join(LINE_BREAKS)),
    summary="Turn CR LF, lone CR and Unicode line separators into a plain newline.",
    group="invisible",
    examples=[("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"), ("甲\u2028乙", "甲\n乙")],
    keep=["第一行\n第二行"],
)
def line_endings(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: files from Windows tools or word processors end lines differently; the
    layout stage must see one kind of line break."""
    if not any(ending in text for ending in LINE_BREAKS):  # substring tests: much cheaper than a scan
        return
    for m in LINE_ENDING.finditer(text):
        yield Edit(m.start(), m.end(), "\n")


@rule(
    name="strip-invisible",
    line_local=True,
    triggers=INVISIBLE_CHARS,
    summary="Remove zero-width characters, soft hyphens, BOMs and control characters.",
    group="invisible",
    examples=[
        ("民\u200b政\u00ad工作", "民政工作"),
        ("\ufeff会议召开", "会议召开"),
        ("会议\x07召开\x1b", "会议召开"),
    ],
    keep=["第一页\f第二页", "列\t表"],
)
def strip_invisible(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: PDF extractors and web copies carry characters that print as nothing but
    break search, matching and deduplication (`民\\u200b政` does not match `民政`).
    Tab, newline and form feed (a page break) are kept: they carry layout."""
    for m in INVISIBLE.finditer(text):
        yield Edit(m.start(), m.end(), "", note=" ".join(f"U+{ord(c):04X}" for c in m.group()[:4]))


@rule(
    name="whitespace-unify",
    line_local=True,
    triggers=ODD_SPACE_CHARS,
    summary="Turn tabs, no-break spaces and other odd spaces inside a line into a plain space.",
    group="invisible",
    examples=[("THANK\u00a0YOU", "THANK YOU"), ("甲\t乙", "甲 乙")],
    keep=["\u3000\u3000会议指出", "A B"],
)
def whitespace_unify(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: one kind of space makes the spacing rules simple. The ideographic space
    U+3000 is kept: at a line start it is the paragraph indent the layout stage reads."""
    for m in ODD_SPACE.finditer(text):
        yield Edit(m.start(), m.end(), " ")
