"""The metrics of evaluation.score on small pages whose answers are known by hand."""

from __future__ import annotations

import copy

import pytest

from evaluation.page import Article, Block, Page
from evaluation.score import PageScore, map_offsets, score_page

P1 = "甲乙丙丁戊己庚辛壬癸一二三四五六七八九十。"
P2 = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往。"
P3 = "秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜。"
Q1 = "金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰。"
Q2 = "菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇。"


def truth_page() -> Page:
    first = Article(
        headline="首篇标题在此处",
        kicker="引题",
        byline="■ 本报记者 王明",
        source="据新华社",
        blocks=[Block("paragraph", P1), Block("paragraph", P2), Block("paragraph", P3)],
    )
    second = Article(headline="次篇标题在这里", blocks=[Block("paragraph", Q1), Block("paragraph", Q2)])
    return Page([first, second], fragments=["残余片段一句。"])


def perfect_output() -> dict:
    return truth_page().to_dict()


def test_perfect_output_scores_perfectly() -> None:
    score = score_page(truth_page(), perfect_output())
    assert score.boundaries_true == 4  # 3 + 2 blocks, minus the end of the stream
    assert score.boundary_f1 == 1.0
    assert score.headline_f1 == 1.0
    assert score.attached_share == 1.0
    assert score.character_error_rate == 0.0
    assert score.han_lost == 0


def test_glued_paragraphs_lower_recall_only() -> None:
    output = perfect_output()
    blocks = output["articles"][0]["blocks"]
    blocks[0:2] = [{"type": "paragraph", "text": P1 + P2}]
    score = score_page(truth_page(), output)
    assert (score.boundaries_true, score.boundaries_output, score.boundaries_found) == (4, 3, 3)
    assert score.boundary_precision == 1.0
    assert score.boundary_recall == pytest.approx(3 / 4)
    assert score.character_error_rate == 0.0


def test_wrongly_split_paragraph_lowers_precision_only() -> None:
    output = perfect_output()
    blocks = output["articles"][1]["blocks"]
    blocks[0:1] = [{"type": "paragraph", "text": Q1[:5]}, {"type": "paragraph", "text": Q1[5:]}]
    score = score_page(truth_page(), output)
    assert (score.boundaries_true, score.boundaries_output, score.boundaries_found) == (4, 5, 4)
    assert score.boundary_recall == 1.0
    assert score.boundary_precision == pytest.approx(4 / 5)


def test_boundaries_survive_small_text_errors_and_whitespace() -> None:
    output = perfect_output()
    blocks = output["articles"][0]["blocks"]
    blocks[0]["text"] = "甲乙丙 丁戊己庚辛壬癸一二三四五六七八九十。"  # a space
    blocks[1]["text"] = P2.replace("宇宙", "宇寅")  # a wrong character
    blocks[2]["text"] = "X" + P3  # an extra character at the start of a paragraph
    score = score_page(truth_page(), output)
    assert score.boundary_f1 == 1.0
    assert score.edit_distance == 2


def test_article_order_in_the_output_does_not_matter() -> None:
    output = perfect_output()
    output["articles"].reverse()
    score = score_page(truth_page(), output)
    assert score.boundary_f1 == 1.0
    assert score.character_error_rate == 0.0


def test_kicker_given_inside_the_headline_counts_the_same() -> None:
    output = perfect_output()
    output["articles"][0]["headline"] = "引题 首篇标题在此处"
    output["articles"][0]["kicker"] = None
    score = score_page(truth_page(), output)
    assert score.headline_f1 == 1.0
    assert score.attached_share == 1.0


def test_swapped_headlines_are_found_but_not_attached() -> None:
    output = perfect_output()
    first, second = output["articles"]
    first["headline"], second["headline"] = second["headline"], first["headline"]
    first["kicker"], second["kicker"] = None, "引题"
    score = score_page(truth_page(), output)
    assert score.headline_f1 == 1.0
    assert score.attached_share == 0.0


def test_headline_left_as_a_paragraph_is_missed() -> None:
    output = perfect_output()
    second = output["articles"][1]
    second["blocks"].insert(0, {"type": "paragraph", "text": second["headline"]})
    second["headline"] = None
    score = score_page(truth_page(), output)
    assert (score.headlines_true, score.headlines_output, score.headlines_found) == (2, 1, 1)
    assert score.headline_precision == 1.0
    assert score.headline_recall == 0.5
    assert score.attached_share == 0.5
    assert score.boundary_recall == 1.0
    assert score.boundary_precision == pytest.approx(4 / 5)


def test_character_error_rate_counts_edits_against_truth_length() -> None:
    output = perfect_output()
    output["articles"][1]["blocks"][1]["text"] = Q2.replace("海", "每")
    score = score_page(truth_page(), output)
    truth_length = score.truth_length
    assert score.edit_distance == 1
    assert score.character_error_rate == pytest.approx(1 / truth_length)


def test_byline_mark_and_source_brackets_are_not_errors() -> None:
    output = perfect_output()
    output["articles"][0]["byline"] = "本报记者 王明"
    output["articles"][0]["source"] = "（据新华社）"
    assert score_page(truth_page(), output).character_error_rate == 0.0


def test_han_lost_counts_missing_characters_but_not_moved_ones() -> None:
    output = perfect_output()
    fragment = output["fragments"].pop()
    output["removed"].append({"reason": "fragment", "text": fragment})
    assert score_page(truth_page(), output).han_lost == 0
    output["articles"][0]["blocks"][0]["text"] = P1.replace("甲", "")
    assert score_page(truth_page(), output).han_lost == 1
    output["articles"][1]["blocks"][0]["text"] = Q1.replace("国", "國").replace("丽", "麗")
    assert score_page(truth_page(), output).han_lost == 2


def test_empty_output_finds_nothing_and_loses_everything() -> None:
    score = score_page(truth_page(), {"articles": [], "fragments": [], "removed": []})
    assert score.boundary_recall == 0.0
    assert score.headline_recall == 0.0
    assert score.attached_share == 0.0
    assert score.character_error_rate == 1.0
    assert score.han_lost == score.han_total > 0


def test_scores_add_up_as_micro_averages() -> None:
    good = score_page(truth_page(), perfect_output())
    output = copy.deepcopy(perfect_output())
    output["articles"][0]["blocks"][0:2] = [{"type": "paragraph", "text": P1 + P2}]
    glued = score_page(truth_page(), output)
    total = good + glued
    assert total.pages == 2
    assert total.boundary_recall == pytest.approx(7 / 8)
    assert PageScore(pages=0) + good == good


def test_map_offsets_through_insertions_and_deletions() -> None:
    assert map_offsets("甲乙X丙丁", "甲乙丙丁", [3]) == [2]
    assert map_offsets("甲乙丙丁", "甲乙X丙丁", [2]) == [3]
    assert map_offsets("甲乙丙丁", "甲乙丙丁", [1, 3]) == [1, 3]


def test_an_offset_at_characters_only_the_target_has_lands_on_a_preferred_place() -> None:
    # OCR dropped the opening quote of the second paragraph: the boundary between 。 and
    # 歌 is the truth's boundary before “, not a miss after it.
    output, truth = "文档。歌曲”好", "文档。“歌曲”好"
    assert map_offsets(output, truth, [3]) == [4]
    assert map_offsets(output, truth, [3], prefer=frozenset({3})) == [3]
    # Only inside the gap: a preferred place elsewhere is not reached for.
    assert map_offsets(output, truth, [3], prefer=frozenset({2})) == [4]
    # At the very end too (a dropped final mark).
    assert map_offsets("文档", "文档。", [2], prefer=frozenset({3})) == [3]


def test_text_in_the_wrong_article_costs_placement_not_characters() -> None:
    output = perfect_output()
    first, second = output["articles"]
    second["blocks"].append(first["blocks"].pop())  # a paragraph printed in the wrong article
    score = score_page(truth_page(), output)
    assert score.character_error_rate > 0
    assert score.character_bag_rate == 0.0
    output["articles"][1]["blocks"][0]["text"] = "金生丽水玉出昆冈剑号巨阙珠称夜光果珍李奈。"  # one misread
    assert score_page(truth_page(), output).bag_distance == 1
