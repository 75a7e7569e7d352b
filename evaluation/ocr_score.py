"""What the OCR round trip adds to the scores of issue 3: the OCR floor, Han characters the
cleaner lost from what the engine read, headlines scored as the engine read them, and how
often whole-page reading merged columns.

Column interleaving (whole-page reading)
    Each OCR line of 4+ Han characters is looked up in every region's source; a line
    whose region differs from the previous line's is a switch. Read in order, a page has
    about as many switches as regions; an engine that sorts lines top to bottom across
    narrow columns switches on nearly every line.

The OCR floor
    The character error rate left when everything but the engine's own misreads is
    repaired. Each region's OCR text and its source text are put in a *repair-blind
    form* (whitespace, form feeds and column rules dropped; punctuation of either
    width, straight or curly quotes, dash and ellipsis spellings folded onto one
    form; traditional characters converted to simplified): what differs after
    that (a misread, dropped or invented character, a dropped comma) no rule can
    repair. Read region by region, the forms are aligned region by region
    (Levenshtein); read as a whole page, where the engine's reading order is not the
    page's, the bag distance of the page (a lower bound of the edit distance) is used.
    The sum is divided by the truth length of the page's score.

Headlines as read (region by region)
    Issue 3's headline scores compare exact text, so a headline the engine misread
    (`基本步骤` read as `基又步骤`) can never match, however well the cleaner places it.
    Read region by region, each headline frame (kicker and headline) is cropped alone,
    so what the engine read of it is known. An output headline counts as that truth
    headline when, in repair-blind form, it equals either the printed headline or the
    engine's reading of its frame; the scores are then computed as in issue 3. The
    share of headlines the engine read exactly is the ceiling of the strict scores.
"""

from __future__ import annotations

from functools import cache

import regex
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from evaluation.page import Page
from evaluation.score import bag_distance, headline_key
from evaluation.text import comparison_form, han_counts

FOLD_RUNS = (
    (regex.compile(r"[…\.。·]{2,}"), "…"),
    (regex.compile(r"[—\-一–―─~～]{2,}"), "—"),
)
FOLD_CHARS = str.maketrans({
    "，": ",", "。": ".", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "—": "-", "–": "-", "、": ",",
    "【": "[", "】": "]", "《": "<", "》": ">", "｜": None, "|": None, "\f": None,
})


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def repair_blind(text: str) -> str:
    """The form in which only what no rule can repair still differs (see the module doc)."""
    text = _t2s().convert(comparison_form(text.replace("\f", "\n")))
    for pattern, replacement in FOLD_RUNS:
        text = pattern.sub(replacement, text)
    return text.translate(FOLD_CHARS)


def region_floor(ocr_texts: list[str], sources: list[str]) -> int:
    """Edits left between each region's OCR text and its source, in repair-blind form."""
    return sum(Levenshtein.distance(repair_blind(ocr), repair_blind(source))
               for ocr, source in zip(ocr_texts, sources, strict=True))


def page_floor(ocr_text: str, sources: list[str]) -> int:
    """Bag distance between the page's OCR text and its sources, in repair-blind form."""
    return bag_distance(repair_blind(ocr_text), repair_blind("\n".join(sources)))


def headline_readings(ocr_texts: list[str], sources: list[str], kinds: list[str]) -> dict[str, str]:
    """What the engine read of each headline frame: repair-blind printed form -> repair-blind reading."""
    return {repair_blind(source): repair_blind(ocr)
            for ocr, source, kind in zip(ocr_texts, sources, kinds, strict=True) if kind == "headline"}


def as_read(truth: Page, output: dict, readings: dict[str, str]) -> tuple[dict, int]:
    """The output with each headline that equals a truth headline as printed or as the engine
    read it (both repair-blind) spelled as the truth headline; and how many truth headlines
    the engine read exactly (repair-blind)."""
    spelling: dict[str, tuple[str | None, str | None]] = {}
    exact = 0
    for article in truth.articles:
        key = headline_key(article)
        if key is None:
            continue
        printed = repair_blind(key)
        read = readings.get(printed, printed)
        exact += read == printed
        for form in (printed, read):
            spelling.setdefault(form, (article.kicker, article.headline))
    articles = []
    for article in output.get("articles", []):
        if not isinstance(article, dict):
            continue
        key = comparison_form((article.get("kicker") or "") + (article.get("headline") or ""))
        if key and repair_blind(key) in spelling:
            kicker, headline = spelling[repair_blind(key)]
            article = {**article, "kicker": kicker, "headline": headline}
        articles.append(article)
    return {**output, "articles": articles}, exact


def han_lost_from_input(ocr_text: str, output: dict) -> int:
    """Han characters the engine read that are nowhere in the cleaner's JSON (both sides in
    simplified script, since converting a traditional form is a named rule's change)."""
    convert = _t2s().convert
    read = han_counts(convert(ocr_text))
    kept = han_counts(convert("\n".join(_strings(output))))
    return sum((read - kept).values())


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() if key not in ("changes", "decisions") for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def merged_lines(ocr_text: str, sources: list[str], min_han: int = 8) -> tuple[int, int]:
    """(lines whose two halves come from different regions, lines judged) for whole-page reading.

    A line of at least ``min_han`` Han characters is cut in two; each half is looked up in
    every region's source (partial ratio); when both halves are found (ratio >= 80) in
    different regions and neither is found in the other's region, the engine ran two
    neighbouring columns (or a headline and a column) together on that line.
    """
    folded = [repair_blind(source) for source in sources]
    judged = merged = 0
    for line in ocr_text.splitlines():
        form = repair_blind(line)
        if len(han_counts(form)) < min_han // 2 or sum(han_counts(form).values()) < min_han:
            continue
        judged += 1
        middle = len(form) // 2
        halves = (form[:middle], form[middle:])
        scores = [[fuzz.partial_ratio(half, source) for source in folded] for half in halves]
        best = [max(range(len(folded)), key=row.__getitem__) for row in scores]
        if (best[0] != best[1] and scores[0][best[0]] >= 80 and scores[1][best[1]] >= 80
                and scores[0][best[1]] < 80 and scores[1][best[0]] < 80):
            merged += 1
    return merged, judged


def region_switches(ocr_text: str, sources: list[str], min_han: int = 4) -> tuple[int, int]:
    """(lines read in another region than the line before, lines judged) for whole-page reading."""
    folded = [repair_blind(source) for source in sources]
    previous: int | None = None
    switches = judged = 0
    for line in ocr_text.splitlines():
        form = repair_blind(line)
        if sum(han_counts(form).values()) < min_han:
            continue
        scores = [fuzz.partial_ratio(form, source) for source in folded]
        best = max(range(len(folded)), key=scores.__getitem__)
        if scores[best] < 80:
            continue
        judged += 1
        switches += previous is not None and best != previous
        previous = best
    return switches, judged
