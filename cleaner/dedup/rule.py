"""The `dedup-repeats` rule: remove the later copy of a passage printed twice on one page."""

from __future__ import annotations

from collections.abc import Iterator

from cleaner.dedup.find import DedupSettings, find_repeats
from cleaner.dedup.memo import BlockMemo
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
    "glued": "repeats a passage (other text glued on stays)",
}


@rule(
    name="dedup-repeats",
    summary="Remove a passage printed twice on a page (kept: the first copy); report it in `removed`.",
    group="dedup",
    stage="document",
    safe=False,
    examples=[
        # A paragraph printed again with a changed opener.
        ("二是完善社区养老服务网络。各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务。\n"
         "此外，各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务。",
         "二是完善社区养老服务网络。各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务。\n"),
        # Part of a paragraph repeats: only its sentences go, the rest reads as whole sentences.
        ("会上，区民政局通报了今年以来困难群众救助帮扶的进展情况。与会人员进行了交流。\n"
         "区民政局通报了今年以来困难群众救助帮扶的进展情况。下一步将继续做好冬季送温暖工作。",
         "会上，区民政局通报了今年以来困难群众救助帮扶的进展情况。与会人员进行了交流。\n"
         "下一步将继续做好冬季送温暖工作。"),
        # An OCR engine read a region twice, with a few characters misread.
        ("街道社工站每周组织志愿者上门探访独居老人，及时了解他们的生活需求。\n"
         "街道社工站每周组织志愿者上门探访独居老入，及时了解他们的生活需求。",
         "街道社工站每周组织志愿者上门探访独居老人，及时了解他们的生活需求。\n"),
        # A run printed twice in a row inside one block.
        ("全区新建村级互助幸福院十二所全区新建村级互助幸福院十二所，覆盖所有行政村。",
         "全区新建村级互助幸福院十二所，覆盖所有行政村。"),
    ],
    keep=[
        # Formulaic short sentences the paper repeats on purpose.
        "会议强调，要抓好落实。各地要做好汛期防范工作。\n会议强调，要抓好落实。各单位要加强值班值守。",
        # List items with a shared pattern.
        "一是落实场地补贴，确保资金及时足额到位。二是加强人员培训，确保资金及时足额到位。",
        # A quotation the article cites twice.
        "讲话指出：“办好民生实事，要把群众满意作为检验工作的根本标准。”\n"
        "文章再次引用：“办好民生实事，要把群众满意作为检验工作的根本标准。”",
    ],
    defaults={"min_chars": 12, "threshold": 88.0, "min_adjacent_chars": 6},
)
def dedup_repeats(text: str, ctx: Context) -> Iterator[Edit]:
    """Why: extracted pages repeat text: a paragraph printed twice with a different opener,
    a column continued on the next page with its last lines repeated, a headline printed
    again as the first line of the body, an OCR engine reading one region twice. A reader
    wants each passage once. The first copy stays; a later copy goes when it is as alike as
    `threshold` (rapidfuzz, 0-100, on letters and digits only, a short changed opener
    discounted) and at least `min_chars` Han characters long: shorter formulas repeat on
    purpose, and a sentence that is mostly a quotation is never removed alone (articles
    cite twice). A copy right next to its original (a headline printed again, a run printed
    twice in a row, a column's last lines at the head of the next) needs only
    `min_adjacent_chars`. Removal is by whole sentences, or of the copy alone when the
    layout glued other text onto it; a near-copy that says more than the kept copy stays.
    Every removal is in `removed` with where the kept copy is and the similarity.
    Candidates come from MinHash sketches of character trigrams, so a long page costs
    time in proportion to its length (cleaner/dedup/find.py describes the readings).
    """
    settings = DedupSettings(
        min_chars=int(ctx.settings.get("min_chars", 12)),
        threshold=float(ctx.settings.get("threshold", 88.0)),
        min_adjacent_chars=int(ctx.settings.get("min_adjacent_chars", 6)),
    )
    end = 0
    # Kept in the context while the rule reads the same page again (after a removal).
    memo = ctx.scratch.setdefault("dedup-blocks", BlockMemo())
    for repeat in find_repeats(text, ctx.block_types, settings, memo):
        if repeat.start < end:  # the readings do not overlap; should one, the engine would drop it
            continue
        end = repeat.end
        note = f"{LEVELS[repeat.level]}, similarity {repeat.score:.0f}"
        ctx.removals.append(Removal(repeat.start, repeat.end, REASON, {"kept": (repeat.kept_start, repeat.kept_end)},
                                    {"level": repeat.level, "similarity": round(repeat.score, 1)}))
        yield Edit(repeat.start, repeat.end, "", note=note, confidence=_confidence(repeat.score, settings.threshold))


def _confidence(score: float, threshold: float) -> float:
    """1.0 for an exact copy, falling towards 0.5 at the threshold (a judgement call)."""
    return round(0.5 + 0.5 * (score - threshold) / max(1e-9, 100.0 - threshold), 3)
