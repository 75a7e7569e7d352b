"""The OCR additions to the scores (evaluation.ocr_score) on small pages known by hand."""

from __future__ import annotations

from evaluation.ocr_score import as_read, headline_readings, region_floor, repair_blind
from evaluation.page import Article, Block, Page
from evaluation.score import score_page

BODY_1 = "甲乙丙丁戊己庚辛壬癸一二三四五六七八九十。"
BODY_2 = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往。"


def truth_page() -> Page:
    return Page([
        Article(headline="首篇标题在此处", kicker="引题", blocks=[Block("paragraph", BODY_1)]),
        Article(headline="次篇标题在这里", blocks=[Block("paragraph", BODY_2)]),
    ])


def output_with(first: str | None, second: str | None) -> dict:
    page = truth_page().to_dict()
    for article, headline in zip(page["articles"], (first, second), strict=True):
        article["kicker"], article["headline"] = None, headline
    return page


def test_repair_blind_folds_what_rules_repair_and_keeps_misreads() -> None:
    assert repair_blind("會議 ,  “开幕” --") == repair_blind("会议，\"开幕\"——")
    assert repair_blind("基又步骤") != repair_blind("基本步骤")


def test_region_floor_counts_only_misreads() -> None:
    assert region_floor(["基本 步骤 ,", "經濟"], ["基本步骤，", "经济"]) == 0
    assert region_floor(["基又步骤"], ["基本步骤"]) == 1


def test_headline_misread_by_the_engine_counts_as_read() -> None:
    readings = headline_readings(["引题\n首篇标題在此外", "甲乙"], ["引题\n首篇标题在此处", "甲乙"],
                                 ["headline", "body"])
    output = output_with("引题首篇标題在此外", "次篇标题在这里")
    strict = score_page(truth_page(), output)
    read_output, read_exactly = as_read(truth_page(), output, readings)
    tolerant = score_page(truth_page(), read_output)
    assert strict.attached_share == 0.5  # the misread headline never matches exactly
    assert tolerant.attached_share == 1.0 and tolerant.headline_f1 == 1.0
    assert read_exactly == 1  # of two headlines, the engine misread one


def test_a_wrong_or_misplaced_headline_still_fails_as_read() -> None:
    readings = headline_readings(["引题首篇标题在此外"], ["引题首篇标题在此处"], ["headline"])
    # The cleaner's own damage (a kicker lost) is not the engine's misread.
    lost_kicker, _ = as_read(truth_page(), output_with("首篇标题在此外", "次篇标题在这里"), readings)
    assert score_page(truth_page(), lost_kicker).attached_share == 0.5
    # Swapped headlines are found but not attached, as in the strict scores.
    swapped, _ = as_read(truth_page(), output_with("次篇标题在这里", "引题首篇标题在此外"), readings)
    score = score_page(truth_page(), swapped)
    assert score.headline_f1 == 1.0 and score.attached_share == 0.0
