"""Rules that repair mojibake: UTF-8 text that was decoded with the wrong codec.

Both rules run only where a cheap pattern finds a candidate, so clean text costs
one regex scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import ftfy
import regex

from cleaner.engine.context import Context
from cleaner.engine.record import Edit, minimal_edit
from cleaner.engine.rule import rule

# UTF-8 lead bytes read as Latin-1/cp1252 (Â..ï) followed by a continuation byte as
# cp1252 shows it: the signature of `æ°\x91` (民) or `â€œ` (“).
CP1252_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152" \
    "\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
LATIN1_LEAD = "\u00c2-\u00ef"  # UTF-8 lead bytes of two- and three-byte characters, as Latin-1
LATIN1_MOJIBAKE = regex.compile(f"[{LATIN1_LEAD}][{CP1252_CONTINUATION}]")
# ftfy's defaults narrow Chinese punctuation (`，` -> `,`) and straighten quotes:
# both are turned off; only the encoding repairs run.
FTFY_CONFIG = ftfy.TextFixerConfig(
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=True,
)


@rule(
    name="mojibake-latin1",
    line_local=True,
    triggers=LATIN1_LEAD,
    summary="Repair UTF-8 that was read as Latin-1 or cp1252 (`æ°\\x91æ\\x94¿` -> `民政`), with ftfy.",
    group="encoding",
    examples=[
        ("æ°\u0091æ\u0094¿å·¥ä½\u009c", "民政工作"),
        ("â€œæ°‘æ”¿â€\u009d", "“民政”"),
        ("会议指出，ä¼\u009aè®®", "会议指出，会议"),
    ],
    keep=["会议指出，（据河北）：“好”", "Café à Paris", "naïve résumé"],
)
def mojibake_latin1(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a page saved as UTF-8 and opened as Latin-1 or cp1252 turns every Chinese
    character into two or three accented letters. ftfy repairs it, but is called only
    on lines that show the signature, and with its width and quote fixes off: with
    its defaults it turns `，` into `,` and `“` into `"`, which corrupts Chinese."""
    if not LATIN1_MOJIBAKE.search(text):  # a line with the signature makes the text have it
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if LATIN1_MOJIBAKE.search(line):
            fixed, plan = ftfy.fix_and_explain(line, config=FTFY_CONFIG)
            if fixed != line:
                steps = ", ".join(step[1] for step in plan or [])
                yield minimal_edit(offset, line, fixed, note=f"ftfy: {steps}")
        offset += len(line)


@cache
def gbk_signature() -> str:
    """GBK characters whose bytes are a UTF-8 lead byte of a CJK character (E4..E9)
    followed by a continuation byte: every mojibake run has some."""
    chars = []
    for lead in range(0xE4, 0xEA):
        for trail in range(0x80, 0xC0):
            try:
                chars.append(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


@cache
def gbk_signature_pattern() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(gbk_signature())}]")  # `re`: fast on big classes


RUN_REST = regex.compile(r"[^\x00-\x7f\s]*")


def _outside_gb2312(text: str) -> int:
    count = 0
    for char in text:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            count += 1
    return count


def repair_gbk_run(run: str) -> str | None:
    """The text `run` stood for, if it is UTF-8 read as GBK; otherwise None."""
    try:
        raw = run.encode("gb18030")
    except UnicodeEncodeError:
        return None
    for cut in (0, 1, 2):  # a run may end in the first bytes of a character split off
        try:
            decoded = raw[: len(raw) - cut].decode("utf-8")
        except UnicodeDecodeError:
            continue
        if cut and not decoded:
            return None
        # Real text is mostly common (GB2312) characters; mojibake is mostly rare ones.
        if decoded and _outside_gb2312(decoded) < _outside_gb2312(run) and decoded.isprintable():
            return decoded
        return None
    return None


@rule(
    name="mojibake-gbk",
    line_local=True,
    triggers=re.escape(gbk_signature()),  # a repair starts at a signature character
    summary="Repair UTF-8 that was read as GBK/GB18030 (`姘戞斂宸ヤ綔` -> `民政工作`), which ftfy does not.",
    group="encoding",
    examples=[("姘戞斂宸ヤ綔", "民政工作"), ("会议：姘戞斂閮ㄩ棬", "会议：民政部门")],
    keep=["民政工作会议召开", "涓涓细流汇成江河"],
)
def mojibake_gbk(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a UTF-8 page opened as GBK shows three rare characters for every two real
    ones. The run is re-encoded as GB18030 and decoded as UTF-8; the repair is kept
    only when the bytes are valid UTF-8 and the result uses fewer rare characters."""
    position = 0
    pattern = gbk_signature_pattern()
    while (hit := pattern.search(text, position)) is not None:
        # Mojibake starts where a UTF-8 lead byte was read: at a signature character,
        # and runs at most to the end of the run of non-ASCII characters.
        start = hit.start()
        run = RUN_REST.match(text, start).group()
        end, repaired = _longest_repair(run, 0)
        if repaired is None:
            position = start + 1
            continue
        yield Edit(start, start + end, repaired, note="UTF-8 read as GBK")
        position = start + end


def _decodes(piece: str) -> str | None:
    try:
        return piece.encode("gb18030").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _longest_repair(run: str, start: int) -> tuple[int, str | None]:
    """The longest stretch from `start` that is UTF-8 read as GBK, and its repair.

    Two ideographs in UTF-8 are six bytes, three GBK characters: the stretch grows
    three characters at a time (linear, and legit text fails at the first step);
    a last ideograph may be cut off, so one or two more characters are tried."""
    end = start
    while end + 3 <= len(run) and _decodes(run[start : end + 3]) is not None:
        end += 3
    for tail in (2, 1):
        if end + tail <= len(run) and end > start and _decodes(run[start : end + tail]) is not None:
            end += tail
            break
    if end == start:
        # A short run (one ideograph, or a punctuation mark) may still decode.
        for size in (2, 1):
            if start + size <= len(run) and _decodes(run[start : start + size]) is not None:
                end = start + size
                break
    repaired = repair_gbk_run(run[start:end]) if end > start else None
    if repaired is None or repaired == run[start:end]:
        return start, None
    return end, repaired
