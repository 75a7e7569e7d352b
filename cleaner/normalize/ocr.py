"""OCR input: whether a page was read by an OCR engine, and rules for what OCR engines leave.

The source of a page (OCR engine or PDF extractor) is decided once per document from
the text itself, before any rule runs, and recorded as a `Decision` with its evidence;
`Cleaner(source=...)` / `clean --source` force it. Every rule here consults
`ctx.facts["source"]` and acts on OCR text only: what it repairs (`...`, `--`, a `.`
after Chinese) can be what the author typed when an extractor copied it, and the
benchmarks of extractor text must not change. A rule run alone (its examples) acts.
Misread characters are never changed: `possible_misreads` lists candidates as decisions.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from typing import Any

import regex

from cleaner.chars import CJK_PUNCT, HAN_RUN_RE, display_width
from cleaner.engine.context import Context
from cleaner.engine.record import Decision, Edit
from cleaner.engine.rule import rule
from cleaner.layout.headlines import split_heading
from cleaner.layout.patterns import is_byline, is_source_line

SOURCES = ("auto", "ocr", "pdf")
HAN = r"\p{Han}"
CHINESE = rf"[{HAN}{regex.escape(CJK_PUNCT)}]"
HAN_SPACE_HAN = regex.compile(rf"(?<={HAN})[ \u3000]+(?={HAN})")
# A `.` an OCR engine reads for `。`: after Chinese, not before a Latin letter or digit.
HAN_PERIOD = regex.compile(rf"(?<=[{HAN}”’）》])\.(?![.A-Za-z0-9_])")
SPACE_BEFORE_CJK_PUNCT = regex.compile(rf"{HAN} +[，。、；：！？]")
SPACE_THEN_CJK_PUNCT = re.compile(r" [，。、；：！？]")  # in every match of the one above
COLUMN_RULE = regex.compile(rf"(?m)^[|｜] *{HAN}|{HAN} *[|｜]$")
# Form-feed segments shorter than this (median, in non-space characters) are regions of
# one page (a headline, a column), not pages: a newspaper page holds several thousand.
REGION_SEGMENT_MAX = 2500
# ... and there are several of them, holding a page's worth of text (a few form feeds in a
# short text say nothing about regions).
REGION_MIN_SEGMENTS = 3
REGION_MIN_CHARS = 300


def detect_source(text: str, forced: str = "auto") -> Decision:
    """Decide whether `text` was read by an OCR engine; the evidence is in the decision.

    Signals that PDF extractors do not produce: a `.` for `。` after Chinese, spaces
    inside Han runs that are sporadic (an extractor spreading a justified line puts a
    space between every pair of characters of that line, OCR leaves one here and there),
    spaces before Chinese punctuation, several short form-feed segments (regions), and
    `|` column rules at line edges.
    """
    if forced not in SOURCES:
        raise ValueError(f"unknown source {forced!r} (choose from {', '.join(SOURCES)})")
    flat = text.replace("\f", "\n")
    lines = [line for line in flat.split("\n") if line.strip()]
    # Neither a Han run nor a gap crosses a line end: the counts over the whole text are the
    # sums over its lines, and only the lines with a gap need reading one by one.
    gap_ends = [match.end() for match in HAN_SPACE_HAN.finditer(flat)]
    spaced = len(gap_ends)
    # Adjacent Han pairs, a space between or not: each run of n gives n - 1, each gap one
    # more (counting the runs is much cheaper than matching every pair).
    pairs = _adjacent_han(flat) + spaced
    sporadic_lines = spread_lines = 0
    line_end = -1
    for gap_end in gap_ends:
        if gap_end <= line_end:
            continue  # a line read already
        line_start = flat.rfind("\n", 0, gap_end) + 1
        line_end = flat.find("\n", gap_end)
        line_end = len(flat) if line_end < 0 else line_end
        line = flat[line_start:line_end]
        gaps = len(HAN_SPACE_HAN.findall(line))
        line_runs = HAN_RUN_RE.findall(line)
        line_pairs = sum(map(len, line_runs)) - len(line_runs) + gaps
        if gaps and line_pairs:
            if not regex.search(r"[，。；！？]", line):
                continue  # a headline (`kicker title`) or byline (`本报记者 皮磊`) has its spaces
            if gaps / line_pairs >= 0.6:
                spread_lines += 1
            else:
                sporadic_lines += 1
    segments = [sum(map(len, s.split())) for s in text.split("\f")]  # non-space characters of each
    segments = [length for length in segments if length]
    evidence: dict[str, Any] = {
        "han_space_han_share": round(spaced / pairs, 4) if pairs else 0.0,
        "lines_with_sporadic_han_spaces": sporadic_lines,
        "lines_spread_by_spaces": spread_lines,
        "period_for_full_stop": len(HAN_PERIOD.findall(text)),
        # Each count is 0 without what every match holds (cheap to look for): skip the slow scan.
        "space_before_cjk_punct": (len(SPACE_BEFORE_CJK_PUNCT.findall(text))
                                   if SPACE_THEN_CJK_PUNCT.search(text) else 0),
        "column_rules": len(COLUMN_RULE.findall(text)) if "|" in text or "｜" in text else 0,
        "form_feeds": text.count("\f"),
        "lines": len(lines),
    }
    short_segments = (len(segments) >= REGION_MIN_SEGMENTS and sum(segments) >= REGION_MIN_CHARS
                      and statistics.median(segments) < REGION_SEGMENT_MAX)
    evidence["form_feeds_separate"] = "regions" if short_segments else "pages"
    score = (
        2.0 * (sporadic_lines >= max(3, 0.05 * len(lines)) and sporadic_lines > spread_lines)
        + 1.0 * (evidence["period_for_full_stop"] >= 2)
        + 1.0 * (evidence["space_before_cjk_punct"] >= 2)
        + 1.0 * (evidence["column_rules"] >= 2)
        + 2.0 * short_segments
    )
    evidence["ocr_score"] = score
    if forced != "auto":
        source, confidence, how = forced, 1.0, "forced"
    else:
        source = "ocr" if score >= 2.0 else "pdf"
        confidence = min(1.0, 0.5 + abs(score - 2.0) / 4)
        how = "from the text"
    evidence["source"] = source
    reader = "an OCR engine" if source == "ocr" else "a PDF extractor"
    return Decision("detect-source", "source", f"page read by {reader} ({how})", confidence, evidence)


# Han runs are read a chunk of lines at a time: a long document's runs are never all held.
HAN_CHUNK = 1 << 16


def _adjacent_han(text: str) -> int:
    """How many pairs of Han characters stand next to each other in `text` (a run of n
    gives n - 1). No run crosses a line end, so chunks end at one."""
    pairs = start = 0
    while start < len(text):
        end = text.find("\n", start + HAN_CHUNK)
        end = len(text) if end < 0 else end
        runs = HAN_RUN_RE.findall(text, start, end)
        pairs += sum(map(len, runs)) - len(runs)
        start = end
    return pairs


def _ocr(ctx: Context) -> bool:
    """Is the page OCR text? A rule run alone (no source decision, as in its examples) acts."""
    return ctx.facts.get("source", "ocr") == "ocr"


@rule(
    name="ocr-region-break",
    summary="In OCR text read region by region, a form feed between regions becomes a blank line.",
    group="ocr",
    examples=[("民政部召开会议\f会议指出，要加强工作。\f", "民政部召开会议\n\n会议指出，要加强工作。\n")],
)
def ocr_region_break(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: tesseract ends the text of every image with a form feed, so a layout-aware
    pipeline that reads each headline and column alone hands on one form feed per
    region. Those are block breaks inside one page, not page breaks: cleaning each
    region alone would cut headlines from their articles. Only when the source
    decision found form-feed segments of region size (`form_feeds_separate`)."""
    if ctx.facts.get("form-feeds", "regions") != "regions":
        return
    for m in regex.finditer(r"\n*\f\n*", text):
        yield Edit(m.start(), m.end(), "\n\n" if m.start() > 0 and m.end() < len(text) else "\n")


BODY_LINE = regex.compile(r"[，。；！？、]")


@rule(
    name="ocr-space-han",
    summary="In OCR text, remove the spaces an engine put between Chinese characters of a body line.",
    group="ocr",
    examples=[("换届的 震荡，影响 深远。", "换届的震荡，影响深远。"), ("对 丽 惧的，", "对丽惧的，")],
    keep=["大力发展社区慈善 四川出台指引", "本报记者 皮磊", "THANK YOU，谢谢。"],
)
def ocr_space_han(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: OCR engines put spaces between Chinese characters where the glyphs stand a
    little apart (`换届的 震荡`); in a line of running text (one with `，。；！？、`) no
    space belongs between two Han characters. Removed before the layout stage, so that
    line lengths are those of the printed line. Lines without sentence punctuation
    (headlines, bylines) keep theirs until the layout stage knows their type. Only in OCR
    text: an extractor's spaces are left to `space-inside-han`, after layout."""
    if not _ocr(ctx):
        return
    offset = 0
    for line in text.splitlines(keepends=True):
        if BODY_LINE.search(line):
            for m in HAN_SPACE_HAN.finditer(line):
                yield Edit(offset + m.start(), offset + m.end(), "")
        offset += len(line)


HEADLINE_REGION_MAX_LINES = 6
HEADLINE_REGION_MAX_CHARS = 60
# Half-width `?!;` too: OCR engines read the full-width marks of a question as ASCII.
SENTENCE_MARK = regex.compile(r"[。！？；…?!;]|[，、：,:][^\n]")


@rule(
    name="ocr-headline-region",
    summary="In OCR text, join the lines of a region that is a headline (short lines, no sentence) into one.",
    group="ocr",
    examples=[
        ("上一段。\n\n大力发展社区\n慈善事业\n\n近日，会议召开。",
         "上一段。\n\n大力发展社区慈善事业\n\n近日，会议召开。"),
        # A kicker over a title wrapped narrower: the kicker is not part of the wrap.
        ("即该时刻用户具有的角色\n从微处理器核心\n至高端保存系统\n\n正文",
         "即该时刻用户具有的角色 从微处理器核心至高端保存系统\n\n正文"),
        ("就需要检查使用cron时\n用户在整个计划中扮演了关键的角色\n\n正文",
         "就需要检查使用cron时 用户在整个计划中扮演了关键的角色\n\n正文"),
        ("然后rsync\n进程只覆盖\n\n正文", "然后rsync进程只覆盖\n\n正文"),
        # One region (between form feeds) whose kicker the engine set apart by a blank line.
        ("上一段。\f输入唯一识别这台\n打印机的名称\n\n这种重复性的工作\n可以自动运行\n\f近日，会议召开。\n",
         "上一段。\f输入唯一识别这台打印机的名称 这种重复性的工作可以自动运行\n\f近日，会议召开。\n"),
    ],
    keep=["工作取得成效\n社会救助稳步推进。\n\n下一段", "■ 本报记者 皮磊\n近日，会议召开", "THANK\nYOU",
          "如何把本地编译的\n软件包加入列表?\n\n正文"],
)
def ocr_headline_region(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a layout-aware OCR pipeline reads a headline as one region, and the engine
    breaks it where the crop, not the sentence, ends (a headline beside its article in
    a narrow column comes back as five lines of four characters). A region of at most
    six short lines with no sentence in it (no `。！？；`, no comma inside a line), set
    off by blank lines, is one headline: its lines are joined (nothing between Han
    characters, a space between Latin words). Where a line is not a wrap at the crop
    width (it is narrower than the wrapped lines below it, or the line below is wider),
    it is a kicker over its title: joined with the kicker/title space, which the layout
    stage reads. Where form feeds mark the regions, a region is read whole, blank lines
    in it included (tesseract sets one between a kicker and its title). Bylines and
    source credits are left to the layout stage. Only in OCR text."""
    if not _ocr(ctx):
        return
    # The regions themselves where form feeds mark them (an engine may set a blank line
    # between a kicker and its title inside one region); else the blank-line blocks.
    splitter = r"(\f)" if "\f" in text and ctx.facts.get("form-feeds", "regions") == "regions" \
        else r"(\n[ \t]*\n+)"
    offset = 0
    for block in regex.split(splitter, text):
        if block != "\f" and not block.startswith("\n") and "\n" in block.strip("\n"):
            yield from _join_headline(block, offset)
        offset += len(block)


def _join_headline(block: str, offset: int) -> Iterator[Edit]:
    # The region's lines (start, end), blank ones left out.
    lines = [(offset + m.start(), offset + m.end()) for m in regex.finditer(r"[^\n]*\S[^\n]*", block)]
    stripped = [block[start - offset : end - offset].strip() for start, end in lines]
    if (len(lines) < 2 or len(lines) > HEADLINE_REGION_MAX_LINES
            or sum(len(line) for line in stripped) > HEADLINE_REGION_MAX_CHARS
            or SENTENCE_MARK.search(block)
            or any(is_byline(line) or is_source_line(line) for line in stripped)
            or not regex.search(HAN, block)):
        return
    gaps = [block[end - offset : next_start - offset] for (_, end), (next_start, _) in itertools.pairwise(lines)]
    # Pieces the engine set apart by a blank line (a kicker and its title) wrap each alone.
    wraps: list[bool] = []
    piece_start = 0
    for index in range(len(lines)):
        if index == len(lines) - 1 or gaps[index].count("\n") > 1:
            piece = stripped[piece_start : index + 1]
            wraps += _crop_wraps([display_width(regex.sub(r"\s+", "", line)) for line in piece])
            if index < len(lines) - 1:
                wraps.append(False)
            piece_start = index + 1
    for index, ((_, end), (next_start, _)) in enumerate(itertools.pairwise(lines)):
        line, next_line = stripped[index], stripped[index + 1]
        latin = line[-1:].isascii() and line[-1:].isalnum() and next_line[:1].isascii() and next_line[:1].isalnum()
        # Not a wrap: a kicker over its title, kept apart by the kicker/title space.
        yield Edit(end, next_start, "" if wraps[index] and not latin else " ",
                   note="headline region" if wraps[index] else "kicker and title")


def _crop_wraps(widths: list[int]) -> list[bool]:
    """Which line ends of a region are wraps at the crop width, read from the bottom up.

    Wrapped at one width, every line but the last is as wide as the crop (give or take a
    cell for a squeezed mark or a Latin letter) and the last is no wider. The last line
    sets no width; the line above it does, and each line further up either has that
    width (a wrap) or starts another piece (a kicker over its title)."""
    wraps = [False] * (len(widths) - 1)
    width: int | None = None
    for index in range(len(widths) - 2, -1, -1):
        below = widths[index + 1]
        if width is None:
            wraps[index] = below <= widths[index] + 1
        else:
            wraps[index] = abs(widths[index] - width) <= 1
        width = widths[index] if wraps[index] else None
    return wraps


@rule(
    name="ocr-ellipsis",
    summary="Turn `...`, `。。。` and other runs of dots in Chinese text into `……`.",
    group="ocr",
    examples=[("等等...", "等等……"), ("他说。。。然后", "他说……然后"), ("还有…..", "还有……")],
    keep=["1...10", "wait...", "还有……。", "还有…。"],
)
def ocr_ellipsis(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: OCR engines read the six dots of `……` as ASCII periods or as `。`; a
    run of three dots (or `…` with ASCII dots) next to Chinese is an ellipsis; `…。` is
    kept (an ellipsis and a full stop). Only in OCR text: a PDF extractor copies what the
    author typed, and an author's `...` is the author's text."""
    if not _ocr(ctx):
        return
    for m in regex.finditer(rf"(?<={CHINESE})(?:[.。]{{3,}}|…\.+|\.+…)|(?:[.。]{{3,}})(?={CHINESE})", text):
        if m.group() != "……":
            yield Edit(m.start(), m.end(), "……")


@rule(
    name="ocr-full-stop",
    summary="Turn a `.` that ends a Chinese sentence into `。`.",
    group="ocr",
    examples=[("会议召开.下一步", "会议召开。下一步"), ("工作取得成效.", "工作取得成效。"), ("“好”.", "“好”。")],
    keep=["3.5亿元", "访问www.gov.cn网站", "使用Node.js开发", "（.deb）", "配置.txt文件"],
)
def ocr_full_stop(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: OCR engines read the small circle of `。` as a period. A period right after a
    Han character or a closing Chinese mark and not followed by a letter or digit ends a
    Chinese sentence (file names, URLs and numbers are kept). Only in OCR text: an
    extractor's `.` is what the author typed (technical texts mix them)."""
    if not _ocr(ctx):
        return
    for m in HAN_PERIOD.finditer(text):
        yield Edit(m.start(), m.end(), "。")


DASH_RUN = regex.compile(r"[-－—–―─一]{2,3}")


@rule(
    name="ocr-dash",
    summary="Turn `--`, `-一`, `一-` next to Chinese into the dash `——`; `一一` alone is kept.",
    group="ocr",
    examples=[("我们的目标--发展", "我们的目标——发展"), ("他说-一是的", "他说——是的"), ("目标一-发展", "目标——发展")],
    keep=["一一对应", "逐条一一列举", "2023--2027", "----", "a--b", "目标——发展"],
)
def ocr_dash(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: OCR engines read the long dash `——` as two hyphens, or as the character
    `一` beside a hyphen. A pure `一一` is left: it is also a word (`一一对应`); a
    dash reading of it is a judgement no rule can make from the shape alone. Hyphen
    pairs next to Chinese (not between digits or letters) are dashes. Only in OCR text:
    an extractor's `--` is what the author typed."""
    if not _ocr(ctx):
        return
    for m in DASH_RUN.finditer(text):
        run = m.group()
        if run == "——" or set(run) == {"一"} or len(regex.findall(r"[-－—–―─]", run)) == 0:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before in "-－—–―─一" or after in "-－—–―─一":
            continue  # part of a longer rule line
        chinese = bool(regex.match(CHINESE, before or " ")) or bool(regex.match(CHINESE, after or " "))
        if chinese and not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum()):
            yield Edit(m.start(), m.end(), "——")


COLUMN_RULE = regex.compile(rf"(?m)^[ \t]*[|｜lI][ \t]*(?={HAN}|[“（《])"
                            rf"|(?<={HAN}|[。，、；：！？”）》])[ \t]*[|｜][ \t]*$")


@rule(
    name="ocr-column-rule",
    summary="Remove a `|` (or `l`, `I`) that an OCR engine read from a column rule at a line edge.",
    group="ocr",
    examples=[
        ("| 会议指出\n要加强", "会议指出\n要加强"),
        ("会议指出 |\nl要加强工作", "会议指出\n要加强工作"),
    ],
    keep=["Linux系统", "I型糖尿病", "l 会议"],
)
def ocr_column_rule(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: a vertical rule between columns, cropped with a region, comes back as `|`,
    `l` or `I` at the start or end of its lines. Only in OCR text; a Latin `l` or `I`
    followed by a space or another Latin letter is a word and stays; `I` or `l` right
    before Han is removed only when it starts a line, where no Latin word begins
    without a space in Chinese text."""
    if not _ocr(ctx):
        return
    for m in COLUMN_RULE.finditer(text):
        if m.group().strip() in "lI":
            if m.group() != m.group().rstrip():
                continue  # `l 会议`: a letter and a space, not a rule
            after = text[m.end()] if m.end() < len(text) else ""
            if not regex.match(HAN, after):
                continue
            if regex.match(r"(?:型|类|期|级|号)", after):
                continue  # a Latin letter naming a type (`I型`) is text
        yield Edit(m.start(), m.end(), "", note="column rule")


SPECK = regex.compile(rf"(?<={HAN}) ?[`^_~\\¦] ?(?={HAN})")


@rule(
    name="ocr-speck",
    summary="Remove a lone speck mark (` ^ _ ~ \\ ¦) that an OCR engine read between Chinese characters.",
    group="ocr",
    examples=[("社会 ` 救助", "社会救助"), ("工作^开展", "工作开展")],
    keep=["他说'好'", "C:\\Users", "a_b"],
)
def ocr_speck(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: dust and dots on a scan are read as tiny marks. Only in OCR text, only
    marks that Chinese text never uses between two Han characters, each removal
    recorded (the note names the mark). Letters are never removed: `X光`, `A股`."""
    if not _ocr(ctx):
        return
    for m in SPECK.finditer(text):
        yield Edit(m.start(), m.end(), "", note=f"speck {m.group().strip()!r}")


ANGLE_PAREN = regex.compile(r"[(（]\s*〈|〈\s*[(（]|〈(?=[^〈〉\n]*[)）])")


@rule(
    name="ocr-paren-angle",
    summary="In OCR text, turn the `〈` (or `(〈`) an engine reads for `（` into `（` when a `)` closes it.",
    group="ocr",
    examples=[("(〈 据海南省教育厅 )", "（ 据海南省教育厅 )"), ("〈取自同名的软件包 )", "（取自同名的软件包 )"),
              ("名称〈(.deb )", "名称（.deb )")],
    keep=["〈诗经〉选读", "〈注〉"],
)
def ocr_paren_angle(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: the thin left curve of a full-width `（` is read by tesseract as the angle
    bracket `〈`, alone or beside a `(`. An `〈` with no `〉` before the `)` that closes
    it on its line is that parenthesis; a real `〈…〉` pair is kept. `paren-fullwidth`
    and `space-around-punct` then settle the closing one. Only in OCR text."""
    if not _ocr(ctx):
        return
    for m in ANGLE_PAREN.finditer(text):
        yield Edit(m.start(), m.end(), "（")


HEADLINE_KINDS = ("heading", "headline", "kicker", "byline")


@rule(
    name="ocr-space-headline",
    summary="In OCR text, remove spaces an engine put between Chinese characters of a headline or byline.",
    group="ocr",
    stage="block",
    examples=[("民政部 召开 会议", "民政部召开会议"), ("丽 惧困难", "丽惧困难")],
    keep=["大力发展社区慈善 四川出台指引", "社会救助工作 会议指出，要加强。",
          "就需要检查使用cron时 用户在计划中扮演关键角色"],
)
def ocr_space_headline(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: tesseract puts spaces between Chinese characters in headlines and names as
    in body text; `space-inside-han` keeps every headline space as a kicker separator.
    A kicker is separated by one space between two phrases of at least four Han
    characters each; a headline with several spaces, or a space next to a short piece
    (`丽 惧`, `皮 磊`), has OCR spaces. In a byline the space after the role
    (`本报记者 皮磊`) is kept. Only in OCR text (the source decision)."""
    if not _ocr(ctx):
        return
    offset = 0
    types = ctx.block_types
    for index, line in enumerate(text.splitlines(keepends=True)):
        kind = types[index] if types and index < len(types) else _guess_kind(line)
        if kind in HEADLINE_KINDS:
            yield from _headline_gaps(line, offset, kind)
        offset += len(line)


def _guess_kind(line: str) -> str:
    """Without layout (a rule run alone): a short line without sentence punctuation is a headline."""
    return "headline" if len(line.strip()) <= 40 and not regex.search(r"[。！？，；]", line) else "paragraph"


def _headline_gaps(line: str, offset: int, kind: str) -> Iterator[Edit]:
    gaps = list(HAN_SPACE_HAN.finditer(line))
    if not gaps:
        return
    if kind == "byline":
        for m in gaps:
            left = regex.search(rf"{HAN}+$", line[: m.start()])
            if left and regex.search(r"(记者|通讯员|编辑|摄影|作者|撰稿|实习生)$", left.group()):
                continue
            yield Edit(offset + m.start(), offset + m.end(), "")
        return
    if len(gaps) == 1 and split_heading(line.strip())[0]:
        return  # kicker and main title, as the layout stage reads a heading line
    for m in gaps:
        yield Edit(offset + m.start(), offset + m.end(), "")


BYLINE_MARK_READ_AS_HAN = regex.compile(
    r"(?m)^([于口日田回国]|[a-z]{1,2})\s*(?=本报记者|本报通讯员|记者|通讯员|特约记者|实习生)")
CONFUSABLE_GROUPS = (
    "己已巳", "未末", "土士", "人入八", "日曰", "戊戌戍", "天夭", "千干于", "侯候", "拔拨", "辩辨辫", "折拆",
    "贷货", "券卷", "冶治", "汩汨", "祟崇", "胃胄", "晴睛", "特持", "徒徙", "刺剌", "免兔", "鸟乌", "王玉壬",
    "大太犬", "木本术", "白自", "由田甲申", "今令", "问间", "户尸", "历厉", "亨享", "履覆", "丽畏", "末未",
    "准淮", "洒酒", "毫亳", "衷哀", "肓盲", "狠狼", "枣束", "厂广", "仑仓", "壁璧", "浙淅", "孑子",
)
CONFUSABLE: dict[str, str] = {}
for _group in CONFUSABLE_GROUPS:
    for _char in _group:
        CONFUSABLE[_char] = CONFUSABLE.get(_char, "") + "".join(c for c in _group if c != _char)


def possible_misreads(text: str) -> list[Decision]:
    """Characters an OCR engine may have misread, as decisions for the reviewer; nothing is changed.

    >>> [d.evidence["likely"] for d in possible_misreads("要履盖全省。全省覆盖率高，覆盖面广。")]
    ['覆盖']

    Why: no rule can know which character an engine misread (`丽惧` for `畏惧`), so
    none is replaced. A reviewer is shown candidates instead, as decisions with
    evidence: a character of a look-alike pair that OCR engines confuse whose two-
    character context occurs nowhere else on the page, while the same context with its
    look-alike occurs at least twice (`履盖` once, `覆盖` twice). The cleaner calls it on OCR pages."""
    decisions: list[Decision] = []
    bigrams = Counter(text[i : i + 2] for i in range(len(text) - 1))
    for index, char in enumerate(text):
        others = CONFUSABLE.get(char)
        if not others:
            continue
        for alternative in others:
            for left, right in ((text[index - 1 : index] if index else "", ""),
                                ("", text[index + 1 : index + 2])):
                context = left or right
                if not context or not regex.match(HAN, context):
                    continue
                read, fitting = left + char + right, left + alternative + right
                if bigrams[read] == 1 and bigrams[fitting] >= 2:
                    decisions.append(Decision(
                        "possible-misread", "possible-misread",
                        f"`{read}` may be a misread of `{fitting}` (not changed)",
                        min(0.9, 0.4 + 0.1 * bigrams[fitting]),
                        {"read": read, "likely": fitting, "times_likely_on_page": bigrams[fitting],
                         "context": text[max(0, index - 6) : index + 7]},
                    ))
                    break
            else:
                continue
            break
    for m in BYLINE_MARK_READ_AS_HAN.finditer(text):
        decisions.append(Decision(
            "possible-misread", "possible-misread",
            f"`{m.group(1)}` before a byline may be its mark (■) misread (not changed)", 0.6,  # kept as read
            {"read": m.group(1), "likely": "■", "context": text[m.start() : m.start() + 12]},
        ))
    return decisions
