"""The `dedup-repeats` rule: remove the later copy of a passage printed twice on one page."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.dedup.find import DedupSettings, find_repeats
from cleaner.engine.context import Context
from cleaner.engine.record import Edit, Removal
from cleaner.engine.rule import rule

REASON = "duplicate"
LEVELS = {
    "headline": "repeats the headline",
    "paragraph": "repeats a paragraph",
    "sentence": "repeats a passage",
    "tail": "repeats the end of the block before",
    "doubled": "printed twice in a row",
}


@rule(
    name="dedup-repeats",
    summary="Remove a passage printed twice on a page (kept: the first copy); report it in `removed`.",
    group="dedup",
    stage="document",
    safe=False,
    examples=[
        # A paragraph printed again with a changed opener.
        ("三是强化服务管理。市民政局建立市级老年助餐服务管理信息平台，对外提供服务查询等功能。\n"
         "同时，市民政局建立市级老年助餐服务管理信息平台，对外提供服务查询等功能。",
         "三是强化服务管理。市民政局建立市级老年助餐服务管理信息平台，对外提供服务查询等功能。\n"),
        # Part of a paragraph repeats: only its sentences go, the rest reads as whole sentences.
        ("会议指出，全省社会救助系统坚持以人民为中心的发展思想。会议要求，抓好落实。\n"
         "全省社会救助系统坚持以人民为中心的发展思想。今年要进一步提升服务效能。",
         "会议指出，全省社会救助系统坚持以人民为中心的发展思想。会议要求，抓好落实。\n"
         "今年要进一步提升服务效能。"),
        # An OCR engine read a region twice, with a few characters misread.
        ("各地要健全完善分层分类救助体系，推进多层次救助，丰富完善层次衔接和梯度延伸。\n"
         "各地要健全完善分层分类救肋体系，推进多层次救助，丰富完善层次衔接和梯度延仲。",
         "各地要健全完善分层分类救助体系，推进多层次救助，丰富完善层次衔接和梯度延伸。\n"),
    ],
    keep=[
        # Formulaic short sentences the paper repeats on purpose.
        "会议强调，要抓好落实。民政部门要加强宣传引导。\n会议强调，要抓好落实。各地要做好清明祭扫工作。",
        # List items with a shared pattern.
        "一是落实建设补贴，确保资金及时足额到位。二是加大运营扶持，确保资金及时足额到位。",
        # A quotation the article cites twice.
        "总书记指出：“民政工作关系民生、连着民心，是社会建设的兜底性、基础性工作。”\n"
        "正如总书记所说：“民政工作关系民生、连着民心，是社会建设的兜底性、基础性工作。”",
    ],
    defaults={"min_chars": 12, "threshold": 90.0, "min_adjacent_chars": 6},
)
def dedup_repeats(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: extracted pages repeat text: a paragraph printed twice with a different opener,
    a column continued on the next page with its last lines repeated, a headline printed
    again as the first line of the body, an OCR engine reading one region twice. A reader
    wants each passage once. The first copy stays; a later copy is removed when it is as
    alike as `threshold` (rapidfuzz, 0-100, punctuation ignored, a short changed opener
    discounted) and at least `min_chars` Han characters long (shorter formulas repeat on
    purpose); a sentence that is mostly a quotation is never removed alone (articles cite
    twice). Removal is by whole sentences or whole blocks, and every removal is in
    `removed` with where the kept copy is. Candidates come from MinHash sketches of
    character trigrams, so a long page costs time in proportion to its length.
    """
    settings = DedupSettings(
        min_chars=int(ctx.settings.get("min_chars", 12)),
        threshold=float(ctx.settings.get("threshold", 90.0)),
        min_adjacent_chars=int(ctx.settings.get("min_adjacent_chars", 6)),
    )
    for repeat in find_repeats(text, ctx.block_types, settings):
        note = f"{LEVELS[repeat.level]}, similarity {repeat.score:.0f}"
        ctx.removals.append(Removal(repeat.start, repeat.end, REASON, {"kept": (repeat.kept_start, repeat.kept_end)},
                                    {"level": repeat.level, "similarity": round(repeat.score, 1)}))
        yield Edit(repeat.start, repeat.end, "", note=note, confidence=_confidence(repeat.score, settings.threshold))


def _confidence(score: float, threshold: float) -> float:
    """1.0 for an exact copy, falling towards 0.5 at the threshold (a judgement call)."""
    return round(0.5 + 0.5 * (score - threshold) / max(1e-9, 100.0 - threshold), 3)
