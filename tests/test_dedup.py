"""Repeated passages: the later copy goes to `removed`, legitimate repetition stays."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.dedup.across import find_across, remove_across
from cleaner.dedup.blocking import KeySketches, SketchIndex, sketch
from cleaner.dedup.memo import BlockMemo
from cleaner.dedup.sentences import quoted_han, sentence_bounds, sentence_spans
from tests.conftest import SEEDS

CLEANER = Cleaner()
HAN = regex.compile(r"\p{Han}")
CLEAN = [sys.executable, "-c", "from cleaner.cli.main import run; run()"]

FIRST = "二是完善社区养老服务网络。各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务，并配备专职社工。"
COPY = "此外，各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务，并配备专职社工。"
PAGE = f"区里出台养老服务新举措\n\n{FIRST}\n\n{COPY}\n\n区民政局将加强督促检查，确保各项措施落到实处。\n"


BODY_AT_ELEVEN = ["今年以来，区民政局", "统筹资金，在全区新建村", "级互助幸福院，覆盖所有", "行政村。"]


def han(text: str) -> Counter[str]:
    return Counter(HAN.findall(text))


def output_and_removed(text: str) -> tuple[str, list[dict[str, object]]]:
    result = CLEANER.run(text)
    return result.text, result.to_dict()["removed"]


def test_a_paragraph_printed_again_with_a_new_opener_is_removed_and_reported() -> None:
    text, removed = output_and_removed(PAGE)
    assert COPY not in text and FIRST in text
    assert len(removed) == 1
    entry = removed[0]
    assert entry["reason"] == "duplicate" and entry["text"] == COPY
    assert entry["rule"] == "dedup-repeats" and entry["similarity"] >= 90
    kept = entry["kept"]
    assert isinstance(kept, dict) and PAGE[kept["start"]:kept["end"]] in FIRST
    assert PAGE[entry["start"]:entry["end"]] == COPY


def test_only_the_repeated_sentences_of_a_paragraph_go() -> None:
    page = ("会上，区民政局通报了今年以来困难群众救助帮扶的进展情况。与会人员进行了交流。\n\n"
            "区民政局通报了今年以来困难群众救助帮扶的进展情况。下一步将继续做好冬季送温暖工作。\n")
    text, removed = output_and_removed(page)
    assert [r["text"] for r in removed] == ["区民政局通报了今年以来困难群众救助帮扶的进展情况。"]
    assert "下一步将继续做好冬季送温暖工作。" in text


@pytest.mark.parametrize("page", [
    # formulaic short sentences repeated on purpose
    "会议强调，要抓好落实。各地要做好汛期防范工作，及时转移受威胁群众。\n\n"
    "会议强调，要抓好落实。各单位要加强值班值守，确保信息畅通。\n",
    # list items with a shared pattern
    "一是加强队伍建设，提升基层服务水平。二是加强制度建设，提升基层服务水平。三是加强阵地建设，提升基层服务水平。\n",
    # a quotation the article cites twice
    "讲话指出：“办好民生实事，要把群众满意作为检验工作的根本标准。”\n\n"
    "文章最后再次引用：“办好民生实事，要把群众满意作为检验工作的根本标准。”\n",
], ids=["formula", "list", "quotation"])
def test_legitimate_repetition_stays(page: str) -> None:
    text, removed = output_and_removed(page)
    assert removed == []
    assert han(text) == han(page)


def test_a_near_copy_sharing_no_four_characters_in_a_row_is_still_removed() -> None:
    # The smallest repeat the rule removes: a block's first sentence (six Han characters,
    # enough next to its copy) that repeats the end of the block before with one character
    # more in the kept copy (similarity 92). The two share no run of four characters, nor
    # does anything else on the page: a page-level check on repeated runs (to skip the rule
    # on pages with no repeat) could ask for three characters at most (see find.py).
    page = ("区里召开养老服务推进会，要求各街道年内新建助老餐点位。\n\n"
            "新建助餐点位。今年还将建设一批社区食堂，方便老人就近用餐。\n")
    key = regex.sub(r"[^\p{L}\p{N}]", "", page)
    fours = [key[i:i + 4] for i in range(len(key) - 3)]
    assert len(set(fours)) == len(fours)
    text, removed = output_and_removed(page)
    assert [(r["text"], r["level"]) for r in removed] == [("新建助餐点位。", "tail")]
    assert "新建助餐点位" not in text and "新建助老餐点位。" in text


def test_a_headline_printed_again_as_the_first_line_loses_the_body_copy() -> None:
    page = ("全区新建十二所村级互助幸福院\n\n全区新建十二所村级互助幸福院\n\n"
            "今年以来，区民政局统筹资金，在全区新建村级互助幸福院，覆盖所有行政村。\n")
    text, removed = output_and_removed(page)
    assert text.count("全区新建十二所村级互助幸福院") == 1
    assert [r["text"] for r in removed] == ["全区新建十二所村级互助幸福院"]


def test_a_title_printed_under_its_kicker_and_again_glued_to_the_body_is_removed() -> None:
    # The heading line holds kicker and title; the body repeats the title alone, glued
    # onto its first sentence by the layout.
    page = ("上一篇文章的正文到这里就结束了。\n\n聚焦民生实事 全区新建十二所村级互助幸福院\n"
            "全区新建十二所村级互助幸福院今年以来，区民政局统筹资金，在全区新建村级互助幸福院，覆盖所有行政村。\n")
    result = CLEANER.run(page)
    removed = result.to_dict()["removed"]
    assert [r["text"] for r in removed] == ["全区新建十二所村级互助幸福院"]
    article = result.document.articles[-1]
    assert (article.kicker, article.headline) == ("聚焦民生实事", "全区新建十二所村级互助幸福院")
    assert article.blocks[0].text.startswith("今年以来")


def test_a_headline_printed_again_and_wrapped_at_the_column_loses_the_copy() -> None:
    # Its copy, set as the body's first line, wraps at the 11-character column, not where
    # the headline's large type broke: the heading lines repeat themselves as one text.
    page = "\n".join(["上一篇文章的正文到这里就结束了。", "全区新建十二所", "村级互助幸福院", "全区新建十二所村级互助",
                      "幸福院", *BODY_AT_ELEVEN])
    result = CLEANER.run(page)
    assert [r["text"] for r in result.to_dict()["removed"]] == ["全区新建十二所村级互助幸福院"]
    article = result.document.articles[-1]
    assert article.headline == "全区新建十二所村级互助幸福院"
    assert article.blocks[0].text.startswith("今年以来")


def test_a_title_under_its_kicker_printed_again_on_its_own_line_is_removed() -> None:
    # The title in large type runs wider than the 11-character column; its copy wraps in it.
    page = "\n".join(["上一篇文章的正文到这里就结束了。", "聚焦民生实事", "全区新建十二所村级互助幸福院",
                      "全区新建十二所村级互助", "幸福院", *BODY_AT_ELEVEN])
    result = CLEANER.run(page)
    assert [r["text"] for r in result.to_dict()["removed"]] == ["全区新建十二所村级互助幸福院"]
    article = result.document.articles[-1]
    assert (article.kicker, article.headline) == ("聚焦民生实事", "全区新建十二所村级互助幸福院")


def test_a_title_printed_again_under_a_heading_its_kicker_was_glued_to_is_removed() -> None:
    # The kicker's space before a title that opens with a number goes with the other
    # spaces before digits, so the heading is kicker and title in one line; the body's
    # first line repeats the title.
    title = "2025年全区新建十二所村级互助幸福院覆盖所有行政村和社区"
    page = ("上一篇文章的正文到这里就结束了，区民政局将继续做好相关工作。\n\n聚焦民生实事\n" + title + "\n" + title
            + "\n今年以来，区民政局统筹资金，在全区新建村级互助幸福院，覆盖所有行政村。\n")
    result = CLEANER.run(page)
    assert [r["text"] for r in result.to_dict()["removed"]] == [title]
    assert CLEANER.run(result.text).document.removed == []


def test_nothing_is_lost_and_cleaning_again_removes_nothing_more() -> None:
    result = CLEANER.run(PAGE)
    kept_and_removed = result.text + "".join(r.text for r in result.document.removed)
    assert han(kept_and_removed) == han(PAGE)
    again = CLEANER.run(result.text)
    assert again.text == result.text and again.document.removed == []


def test_pages_are_deduplicated_each_on_its_own() -> None:
    paragraph = "各街道要在年底前建成综合为老服务中心，提供日间照料和助浴服务。\n"
    result = CLEANER.run(paragraph + "\f" + paragraph)
    assert result.document.removed == []
    assert result.text.count("综合为老服务中心") == 2


def test_the_shanghai_repeat_on_seed_001_is_the_only_removal_on_the_seeds() -> None:
    removed = {seed.name[:3]: CLEANER.run(seed.read_text(encoding="utf-8")).document.removed for seed in SEEDS}
    assert {name: len(entries) for name, entries in removed.items() if entries} == {"001": 1}
    entry = removed["001"][0]
    kept = entry.detail["kept"]
    # The paragraph repeats, under a new opener, the end of the paragraph just before it.
    assert entry.text.startswith("同时，") and entry.text[3:] in kept["text"] and kept["end"] <= entry.start


def test_sentences_end_after_closing_quotes_and_quotes_count() -> None:
    text = "他说：“要抓好落实。”随后散会。"
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["他说：“要抓好落实。”", "随后散会。"]
    assert quoted_han("要抓好落实。”") == 5  # the quotation opened in an earlier piece


def test_the_sketch_index_stops_growing_on_common_ngrams() -> None:
    index = SketchIndex(max_posting=5, max_candidates=3)
    for number in range(100):
        index.add(number, sketch("会议强调要抓好落实"))
    assert index.candidates(sketch("会议强调要抓好落实")) == [0, 1, 2]


def test_repeats_across_files_are_reported_and_removed_only_when_asked() -> None:
    wire = "新华社电 今年全国新建社区长者食堂一千余家，为老年人提供可口实惠的饭菜。"
    first = CLEANER.run(f"第一家报纸的新闻。\n\n{wire}\n\n各地要落实场地和运营补贴。\n")
    second = CLEANER.run(f"第二家报纸的新闻。\n\n{wire}\n\n还有别的内容在这里。\n")
    found = find_across([first, second])
    assert [(r.place.result, r.kept.result) for r in found] == [(1, 0)]
    assert "长者食堂" in second.text
    remove_across([first, second], found, ["a.txt", "b.txt"])
    assert "长者食堂" not in second.text and "长者食堂" in first.text
    assert second.document.removed[0].detail["kept"]["file"] == "a.txt"
    assert any(c.rule == "dedup-across" for c in second.changes)


def test_cli_reports_across_files_and_explains_removals(tmp_path: Path) -> None:
    wire = "今年全国新建社区长者食堂一千余家，为老年人提供可口实惠的饭菜。"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"第一家报纸的新闻。\n\n{wire}\n", encoding="utf-8")
    b.write_text(f"第二家报纸的新闻。\n\n{wire}\n\n{COPY}\n", encoding="utf-8")
    run = subprocess.run([*CLEAN, "--dedup-across", "-f", "json", str(a), str(b)], capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [r["kept_file"] for r in data[1]["repeats_across"]] == [str(a)]
    assert data[1]["removed"] == []  # reported, not removed
    assert "dedup-across" in run.stderr.decode("utf-8")
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    run = subprocess.run([*CLEAN, "--explain", str(page)], capture_output=True, timeout=60)
    assert run.returncode == 0
    assert "dedup-repeats: 此外，" in run.stderr.decode("utf-8")
    assert "(removed, duplicate; kept copy at 3:" in run.stderr.decode("utf-8")
    usage = subprocess.run([*CLEAN, "--dedup-remove", str(a)], capture_output=True, timeout=60)
    assert usage.returncode == 2 and b"--dedup-across" in usage.stderr


WORDS = ["社区", "养老", "服务", "中心", "街道", "志愿者", "探访", "独居", "老人", "补贴", "资金", "到位",
         "建设", "完善", "网络", "年底", "提供", "日间", "照料", "居民"]
sentence_strategy = st.lists(st.sampled_from(WORDS), min_size=2, max_size=12).map(lambda w: "".join(w) + "。")
paragraph_strategy = st.lists(sentence_strategy, min_size=1, max_size=4).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph_strategy, min_size=1, max_size=5), st.lists(st.integers(0, 4), max_size=3))
def test_repeats_go_to_removed_and_a_second_cleaning_removes_nothing(paragraphs: list[str], copies: list[int]) -> None:
    page_paragraphs = paragraphs + [paragraphs[i % len(paragraphs)] for i in copies]
    page = "\n\n".join(page_paragraphs) + "\n"
    result = CLEANER.run(page)
    kept_aside = "".join(r.text for r in result.document.removed) + "".join(f.text for f in result.document.fragments)
    assert han(result.text + kept_aside) == han(page)
    again = CLEANER.run(result.text)
    assert again.document.removed == []


def test_block_memo_gives_what_a_fresh_reading_gives_wherever_the_block_is_read() -> None:
    block = "会议强调，要抓好落实。“各地要做好汛期防范工作。”同时"
    memo = BlockMemo()
    for prefix in ("", "甲\n", "甲乙丙\n"):  # read again after a removal moved it
        text = prefix + block
        start, end = len(prefix), len(text)
        assert memo.sentence_spans(text, start, end) == sentence_spans(text, start, end)
    key = sentence_spans(block, 0, len(block))[0].key
    sketches = memo.sketches(key)
    sketches.release()  # the hashes are made again for a passage not asked for before
    assert memo.sketches(key) is sketches and sketches.whole == sketch(key)
    assert sketches.within(key[4:11], 4) == sketch(key[4:11]) == KeySketches(key).within(key[4:11], 4)
