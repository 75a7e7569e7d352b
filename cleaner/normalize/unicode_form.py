"""Rules that bring code points to one form: NFC, look-alike radicals, full-width ASCII."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from importlib import resources

import regex

from cleaner.engine.context import Context
from cleaner.engine.record import Edit, minimal_edit
from cleaner.engine.rule import rule

FULLWIDTH_ALNUM_CHARS = r"\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
FULLWIDTH_ALNUM = regex.compile(f"[{FULLWIDTH_ALNUM_CHARS}]+")
# A full-width point or comma between two digits is part of the number (`３．５`).
FULLWIDTH_NUMBER_SEP = regex.compile(r"(?<=[0-9\uff10-\uff19])[\uff0e](?=[0-9\uff10-\uff19])")


@rule(
    name="unicode-nfc",
    line_local=True,
    summary="Compose characters to Unicode NFC (one code point for one character).",
    group="unicode",
    examples=[("Cafe\u0301", "Café"), ("\uf900", "\u8c48")],
    keep=["会议，“指出”（试行）：１"],
)
def unicode_nfc(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: the same character can be stored as several code points (`é` as `e` plus
    an accent; CJK compatibility ideographs) and then fails to match itself.
    NFC never touches Chinese punctuation or full-width forms."""
    if unicodedata.is_normalized("NFC", text):  # the usual case, checked in C
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if not unicodedata.is_normalized("NFC", line):
            yield minimal_edit(offset, line, unicodedata.normalize("NFC", line))
        offset += len(line)


@cache
def radical_table() -> dict[str, str]:
    table: dict[str, str] = {}
    data = resources.files("cleaner.normalize").joinpath("data/radicals.tsv").read_text(encoding="utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            radical, ideograph = line.split("\t")[:2]
            table[radical] = ideograph
    return table


RADICAL_CHARS = r"\u2e80-\u2eff\u2f00-\u2fdf"
RADICAL = re.compile(f"[{RADICAL_CHARS}]")  # `re` scans this plain class faster than `regex`


@rule(
    name="fold-radicals",
    line_local=True,
    triggers=RADICAL_CHARS,
    summary="Replace look-alike radical code points (Kangxi, CJK Radicals Supplement) with the ideograph.",
    group="unicode",
    examples=[("颜\u2f8a", "颜色"), ("\u2ec6色", "角色")],
    keep=["颜色和角色"],
)
def fold_radicals(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: many PDF fonts map ordinary characters to the radical blocks, so `颜⾊`
    looks right but matches nothing in search or deduplication. The table comes from
    the UCD (EquivalentUnifiedIdeograph.txt and the Kangxi NFKC mappings), generated
    by scripts/gen_radicals.py; NFKC is never applied to the whole text because it
    would also turn `，` into `,`."""
    table = radical_table()
    for m in RADICAL.finditer(text):
        target = table.get(m.group())
        if target:
            yield Edit(m.start(), m.end(), target, note=f"U+{ord(m.group()):04X}")


@rule(
    name="width-ascii",
    line_local=True,
    triggers=FULLWIDTH_ALNUM_CHARS + r"\uff0e",  # the digits and letters, and the point between digits
    summary="Turn full-width digits and Latin letters into half-width ones.",
    group="unicode",
    examples=[("２０２４年", "2024年"), ("ＴＨＡＮＫ ＹＯＵ", "THANK YOU"), ("增长３．５％", "增长3.5％")],
    keep=["会议，（试行）：好！"],
)
def width_ascii(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: numbers and Latin words must be searchable and comparable in one form;
    Chinese punctuation keeps its full width (NFKC would wrongly narrow it too)."""
    for m in FULLWIDTH_ALNUM.finditer(text):
        yield Edit(m.start(), m.end(), "".join(chr(ord(c) - 0xFEE0) for c in m.group()))
    if "\uff0e" not in text:
        return
    for m in FULLWIDTH_NUMBER_SEP.finditer(text):
        yield Edit(m.start(), m.end(), ".")
