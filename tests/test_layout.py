"""Layout decisions that follow from properties of printed Chinese text."""

from __future__ import annotations

import pytest

from cleaner.layout.columns import local_column_widths
from cleaner.layout.lines import Line, make_line, split_lines
from cleaner.layout.paragraphs import _best_stack_cut, _title_boundary
from cleaner.layout.patterns import NEWS_LEAD, is_byline, is_page_furniture
from cleaner.pipeline import Cleaner

CLEANER = Cleaner(disable=["t2s"])


@pytest.mark.parametrize("text", ["■ 本报记者 张明", "本报记者 张明 通讯员 李华", "本报记者王芳", "本报讯（记者 赵强）",
                                  "新华社北京3月20日电", "文/图 陈静", "责任编辑：刘洋", "记者 约翰·史密斯",
                                  # traditional forms: the script is decided after the layout stage
                                  "■ 本報記者 張明", "本報訊（記者 趙強）", "新華社北京3月20日電",
                                  # OCR read the mark as `于` or letters
                                  "于本报通讯员 冯平力 sm本报通讯员 李宁强", "里本报记者 李平洋", "= 本报记者 王芳",
                                  # a mark over names alone, or over a role word and names run together
                                  "■ 张明", "● 张明 李华", "■本报记者邓晨春廖华英",
                                  # a role and a name (or a role) split by a slash or bar
                                  "文/张明", "文/本报记者 张明", "图｜李华", "文 / 张明",
                                  # another outlet's reporter
                                  "新华社记者 张明", "人民日报记者 王芳", "本报特约记者 李华", "新华社记者李华",
                                  # where the reporter filed from
                                  "記者張明／台北報導", "【記者張明、李華／綜合報導】", "记者 张明/北京报道"])
def test_bylines(text: str) -> None:
    assert is_byline(text)


@pytest.mark.parametrize("text", ["编辑器软件是相当聪明的并", "记者注意到，指引多处提", "文件系统", "图表显示",
                                  "作者认为这一做法值得推广", "編輯器軟件是相當聰明的", "記者注意到，指引多處提",
                                  "里程碑记者会上公布", "● 压实安全责任", "■ 民生保障", "◆ 强化隐患排查",
                                  "新闻发布会记者提问", "文件/目录报道很多"])
def test_role_words_opening_ordinary_words_are_not_bylines(text: str) -> None:
    assert not is_byline(text)


@pytest.mark.parametrize("text", ["责任编辑：刘洋", "（本版编辑：李华）", "责编：张三 校对：李四", "美术编辑：王芳",
                                  "2025年3月10日 星期一", "3月10日 星期一 第3版", "第3版", "A3版 要闻",
                                  "（下转第2版）", "（上接第1版）", "(转A3版)", "紧接第1版",
                                  "滨江日报 2025年3月10日 星期一", "3 滨江日报 3月10日 星期一 要闻"])
def test_page_furniture(text: str) -> None:
    assert is_page_furniture(text)


@pytest.mark.parametrize("text", ["编辑器可以设置字体", "第4版处理了这些问题", "3月10日星期一，全市召开会议",
                                  "编辑：", "校对工作由专人负责", "■ 本报记者 张明", "接第1版的内容，继续介绍",
                                  "3月10日星期一召开会议"])
def test_text_that_merely_opens_like_page_furniture_is_not(text: str) -> None:
    assert not is_page_furniture(text)


# A headline over a story set in a 15-character column, the story's last line left out.
FIRE_CHECK_AT_FIFTEEN = ["消防安全检查全面铺开", "会议要求，各地要抓好落实，推动", "工作取得新进展。各地要加大投"]


def test_an_editors_credit_under_an_article_is_no_part_of_it_and_keeps_its_spaces() -> None:
    # A full last line ending a sentence would let the next line go on; an editor's credit
    # (per page, no author) is set apart whole, with the space between two credits.
    text = "\n".join([*FIRE_CHECK_AT_FIFTEEN, "入，确保资金及时足额发放到位。", "（责任编辑：王芳　美术编辑：刘洋）"])
    document = CLEANER.run(text).document
    assert document.articles[0].blocks[-1].text.endswith("发放到位。")
    assert [f.text for f in document.fragments] == ["（责任编辑：王芳 美术编辑：刘洋）"]


def test_column_width_is_what_full_lines_fill_not_the_first_lines() -> None:
    # A 12-character column whose full lines all hold punctuation; first lines (two
    # characters short) are the only lines of pure Han.
    page = "\n".join([
        "调试是程序中很重要的",
        "一部分。知道怎样去调试程",
        "序，能够让你成为一个好的",
        "使用者，能够做出有意义的",
        "错误报告。",
        "当你碰到程序崩溃的时",
        "候，报告错误时附上栈帧信",
        "息是个不错的主意。",
        "一些编码只支持数据转",
        "换，它不能作为语言环境的",
    ])
    widths = local_column_widths(split_lines(page))
    assert set(widths) == {24}


def test_a_heading_of_pure_han_does_not_set_the_column_narrower_than_the_text_around_it() -> None:
    # A 15-character column (30 cells) whose marks are set full width: every full line
    # holds a mark or a Latin word, so none measures the column exactly, and each could
    # squeeze into 28. The one line of pure Han 28 wide is a heading; the line carrying a
    # sentence on (`…新建公园都` / `配有…WiFi`) is body text, and too wide for 28.
    page = "\n".join([
        "全市今年新建口袋公园十二座，已", "有八成向市民开放，其余将在年底", "前完工。园林部门表示新建公园都",
        "配有座椅步道和儿童游乐区及WiFi", "信号覆盖。", "老城区口袋公园建设提速又增效",
        "记者日前从园林局获悉，老城", "区今年新建的三座公园，已全部完", "工，下月起向市民开放。",
    ])
    assert set(local_column_widths(split_lines(page))) == {30}
    blocks = CLEANER.run(page).document.articles[0].blocks
    assert [(b.type, b.text[:4]) for b in blocks] == [("paragraph", "全市今年"), ("subhead", "老城区口"),
                                                     ("paragraph", "记者日前")]


def test_a_line_short_because_a_character_went_down_with_its_mark_is_full() -> None:
    # A 14-character column (28 cells) that never squeezes a mark: a comma may not open a
    # line, so the character before it goes down too, and the line above stops two cells
    # short (`…向市民开` / `放，…`). Those lines are full; the column is not 26 wide.
    page = "\n".join([
        "今年以来，全市新建口袋公", "园十二座，已有八成向市民开", "放，其余将在年底前完工。园林",
        "部门表示，新建公园都配有座椅", "和步道，市民可以免费入园游", "览，园林部门将安排专人负责日",
        "常养护，每周巡查一次。据介", "绍，口袋公园占地小、分布广，", "能让居民出门就有绿地，今后每",
        "年都将新建一批。",
    ])
    assert set(local_column_widths(split_lines(page))) == {28}


def test_sentence_cut_at_a_pause_goes_on_before_a_date_opener() -> None:
    text = "据省民政厅官网消息，\n3月21日，全省社会事务工作会议在丹阳召开。会议总结了\n去年的工作。"
    expected = "据省民政厅官网消息，3月21日，全省社会事务工作会议在丹阳召开。会议总结了去年的工作。\n"
    assert CLEANER.run(text).text == expected


def test_line_short_because_a_latin_word_did_not_fit_is_full() -> None:
    # 10-character column: `使用命令行是一种` stops short because `Debian` did not fit.
    text = "\n".join([
        "我们对所有翻译者和翻",
        "译复查者们表示感谢。你们",
        "的工作将把一种语言带到",
        "千百万人的手中，价值不",
        "可估量。命令行是一种",
        "Debian管理员的基本生存",
        "技能。",
    ])
    assert CLEANER.run(text).text.count("\n") == 1  # one paragraph


def test_two_headlines_printed_one_over_the_other_are_split_by_content() -> None:
    # The first heading line sums up the article above (printed under it); the second
    # is the next article's headline, printed above it.
    text = "\n".join([
        "省教育厅召开全省学校",
        "安全工作会议，部署学校安",
        "全工作。会议要求各地学校",
        "加强安全教育，落实安全责",
        "任。",
        "学校安全会议召开",
        "公园新增健身步道",
        "今年以来，市园林部门",
        "在城市公园新增健身步道十",
        "二公里，方便市民锻炼身体。",
    ])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["学校安全会议召开", "公园新增健身步道"]
    assert articles[0].blocks[0].text.startswith("省教育厅")
    assert articles[1].blocks[0].text.startswith("今年以来")


def test_heading_then_paragraph_without_punctuation_reads_the_same_twice() -> None:
    text = "会议会议会议\n会议会议会议\n会议\n\n会议会议会议"
    once = CLEANER.run(text).text
    assert CLEANER.run(once).text == once


# Whole paragraphs, one per line, that several tests lay out into pages.
PARK_LEAD = "今年以来，市园林部门在老城区新建三座口袋公园，方便周边居民休闲。"
PARK_FACILITIES = "公园配有座椅、步道和儿童游乐设施，预计下月全部开放。"
CARE_LEAD = "记者从市民政局获悉，全市养老服务中心已实现街道全覆盖，可提供助餐助浴服务。"
MEALS_LEAD = "记者从市民政局获悉，全市助餐点已实现街道全覆盖，可提供送餐上门服务。"
MEALS_NEXT = "下一步，民政部门将推动服务向社区延伸。"

# Column text at 11 characters a line, the first line two characters short (its indent lost).
BACKUP_AT_ELEVEN = ["数据备份是管理员的", "主要职责之一，备份策略", "应当定期检查。"]
PARK_AT_ELEVEN = ["今年以来，市园林部", "门在老城区新建三座口袋", "公园，方便周边居民休闲，", "预计下月全部开放。"]
CARE_AT_ELEVEN = ["记者从市民政局获悉，", "全市养老服务中心已实现", "街道全覆盖，可提供助餐", "助浴服务。"]
# Two articles whose first paragraph stops mid-sentence at the foot of its column.
CUT_PAGE = ["市区新建三座口袋公园", *PARK_AT_ELEVEN[:3], "公园配有座椅、步道和儿", "■ 本报记者 张明", *CARE_AT_ELEVEN]


BODY_AT_TWELVE = [
    "“安全”是一个涵盖很宽泛",
    "的概念，工具和方法，没有",
    "哪个是万用的。在其中做出",
    "选择，需要确切的知道目标。",
]


def test_headline_wrapped_at_the_column_width_stays_one_headline() -> None:
    # Set in the column's own width: its lines fill the column like body text, but none
    # has clause punctuation and the last stops short without ending a sentence.
    headline = [" 急匆匆地实施随机的工", "具会把安全风险转移到错误", "的方向"]
    text = "\n".join(["上一篇文章到这里结束了。", *headline, *BODY_AT_TWELVE])
    articles = CLEANER.run(text).document.articles
    assert articles[-1].headline == "急匆匆地实施随机的工具会把安全风险转移到错误的方向"
    assert articles[-1].blocks[0].text.startswith("“安全”")


def test_short_heading_over_full_lines_is_not_read_as_one_wrapped_headline() -> None:
    # A short heading line is no first line of a wrap at the column width: the full
    # lines under it are not its continuation.
    text = "\n".join(["上一篇文章到这里结束了。", "会议召开", "具会把安全风险转移到错误", "的方向", *BODY_AT_TWELVE])
    articles = CLEANER.run(text).document.articles
    assert all(a.headline != "会议召开具会把安全风险转移到错误的方向" for a in articles)


def _park_story_run_on_by(lead: str, late_headline: str) -> str:
    """The park story under its headline, run on by a second story (`lead`, then one more
    paragraph) whose headline is printed after it."""
    return "\n".join(["市区新建三座口袋公园", PARK_LEAD, PARK_FACILITIES, lead, MEALS_NEXT, late_headline])


def test_a_headline_printed_after_two_articles_run_together_splits_them() -> None:
    # The second article's headline was printed after it, so its body ran on from the
    # first article's; the late headline fits a paragraph inside, not the first's lead.
    text = _park_story_run_on_by(CARE_LEAD, "全市养老服务中心实现街道全覆盖")
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["市区新建三座口袋公园", "全市养老服务中心实现街道全覆盖"]
    assert articles[1].blocks[0].text.startswith("记者从市民政局")
    assert len(articles[0].blocks) == 2


def test_heading_as_wide_as_the_column_over_a_paragraph_whose_indent_was_dropped() -> None:
    # Twelve-character column, indents lost: a paragraph's first line is two characters
    # short. The line above one, without clause punctuation, ends no paragraph (inside a
    # paragraph every line is full): it is the next article's headline, though it fills
    # the column.
    text = "\n".join([
        "数据备份是管理员的主", "要职责之一，备份策略应当", "定期检查，以免在需要恢复", "时才发现问题。",
        "新版默认启用自动安全更新",
        "系统管理员可以在配置", "文件中关闭这一功能，但大", "多数用户无需改动任何设置", "即可获得保护。",
    ])
    # Between two bodies and not retelling the one under it, it reads as a subhead; what
    # matters here is that it stands alone and both paragraphs stay whole.
    assert CLEANER.run(text).text.splitlines() == [
        "数据备份是管理员的主要职责之一，备份策略应当定期检查，以免在需要恢复时才发现问题。",
        "新版默认启用自动安全更新",
        "系统管理员可以在配置文件中关闭这一功能，但大多数用户无需改动任何设置即可获得保护。",
    ]


def test_full_line_over_a_full_line_is_not_taken_for_a_heading() -> None:
    # The same column with the sentence ending at a line end mid-paragraph: the next
    # line is full, so nothing marks a paragraph start under the line without punctuation.
    text = "\n".join([
        "数据备份是管理员的主", "要职责之一。备份策略应当", "定期检查以免在需要恢复时", "才发现问题，造成数据损失",
        "和服务中断。",
    ])
    blocks = CLEANER.run(text).document.articles[0].blocks
    assert [b.text for b in blocks] == ["数据备份是管理员的主要职责之一。备份策略应当定期检查以免在需要恢复时"
                                        "才发现问题，造成数据损失和服务中断。"]


def _park_story_then(heading: str, paragraph: str) -> str:
    """The park story under its headline, then `heading` over `paragraph`."""
    return "\n".join(["市区新建三座口袋公园", PARK_LEAD, heading, paragraph])


def test_heading_between_two_bodies_that_retells_the_text_under_it_opens_an_article() -> None:
    # A subhead names a section in words of its own; a news headline restates its lead.
    text = _park_story_then("全市养老服务中心覆盖街道", CARE_LEAD)
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["市区新建三座口袋公园", "全市养老服务中心覆盖街道"]


def test_heading_between_two_bodies_in_words_of_its_own_is_a_subhead() -> None:
    text = _park_story_then("便民设施一应俱全", PARK_FACILITIES)
    articles = CLEANER.run(text).document.articles
    assert len(articles) == 1
    assert [b.type for b in articles[0].blocks] == ["paragraph", "subhead", "paragraph"]


def test_markdown_headline_marked_on_each_of_its_lines_is_one_headline() -> None:
    text = "## 全市养老服务中心\n## 实现街道全覆盖\n记者从市民政局获悉，全市养老服务中心已实现街道全覆盖。\n"
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["全市养老服务中心实现街道全覆盖"]
    assert CLEANER.run(CLEANER.run(text).text).text == CLEANER.run(text).text


def test_opening_bracket_moved_down_with_its_latin_word_leaves_a_full_line() -> None:
    # `（TCO）` cannot be broken and its bracket cannot end a line: both moved down, and
    # the first line (indent lost) stops short of its usual length.
    text = "\n".join(["数据备份是管理员", "的主要职责之一，备份", "策略应当定期检查，以", "免在需要恢复时才发现",
                      "问题。", "总体拥有成本", "（TCO）根据评估标准", "而变化，孤立地看没有",
                      "意义，应当比较不同方", "案。"])
    blocks = CLEANER.run(text).document.articles[0].blocks
    assert [b.text for b in blocks][1:] == [
        "总体拥有成本（TCO）根据评估标准而变化，孤立地看没有意义，应当比较不同方案。"]


def test_column_wide_line_between_a_heading_and_a_short_heading_line_is_heading_too() -> None:
    # A headline in large type: a kicker wider than the 11-character column, a title line
    # that happens to fill it, and two short lines. Body text would run on in full lines,
    # so a short line without punctuation under the full one marks it as heading text.
    text = "\n".join([
        *BACKUP_AT_ELEVEN,
        "市园林部门今年新建口袋公园", "老城区居民休闲有新去处", "三座公园", "下月开放",
        *PARK_AT_ELEVEN,
    ])
    articles = CLEANER.run(text).document.articles
    assert "今年以来" not in "".join(a.headline or "" for a in articles)
    assert any("老城区居民休闲有新去处" in (a.kicker or "") + (a.headline or "") for a in articles)
    assert not any("老城区居民" in b.text for a in articles for b in a.blocks)


def test_paragraph_first_line_under_a_title_is_not_read_as_the_title_wrapped() -> None:
    # Kicker wider than the 10-character column, then a title that fills it: a title
    # wrapped at the column width would start with a line no wider than the column, so
    # the short line under the title is the body's first line (indent dropped).
    text = "\n".join([
        "市园林部门今年新建口袋公园", "它可以检查丢失的依赖",
        "这是另一个重要的", "工具：它在隔离的环境", "中自动安装、升级、删", "除并净化软件包，并且",
        "检查这些操作不会导致", "错误。",
    ])
    article = CLEANER.run(text).document.articles[0]
    assert (article.kicker or "") + (article.headline or "") == "市园林部门今年新建口袋公园它可以检查丢失的依赖"
    assert article.blocks[0].text.startswith("这是另一个重要的工具")


def test_first_line_with_brackets_under_a_heading_is_the_paragraphs_not_the_headings() -> None:
    # 13-character column: `虚拟专用网络（VPN）是` is the body's first line (indent dropped),
    # two characters short with its brackets at full width, though squeezing them would
    # make it look shorter still.
    text = "\n".join(["远程办公的安全", "接入方案", "虚拟专用网络（VPN）是", "以信道方式，经由互联网链接",
                      "两个局域网路的方式；通常以", "加密方式在信道内发送信息。"])
    article = CLEANER.run(text).document.articles[0]
    assert article.headline == "远程办公的安全接入方案"
    assert article.blocks[0].text.startswith("虚拟专用网络（VPN）是以信道方式")


def test_kicker_over_a_markdown_headline_joins_it() -> None:
    # The extractor marked the large-type title as a heading but not the smaller kicker.
    text = ("上一篇文章到这里结束了。\n老城区居民休闲有了新去处\n## 全市新建的三座口袋公园下月全部开放\n"
            "今年以来，市园林部门在老城区新建三座口袋公园，方便周边居民休闲。\n")
    article = CLEANER.run(text).document.articles[-1]
    assert (article.kicker, article.headline) == ("老城区居民休闲有了新去处", "全市新建的三座口袋公园下月全部开放")
    assert CLEANER.run(CLEANER.run(text).text).text == CLEANER.run(text).text


def test_stacked_headline_that_fits_an_article_elsewhere_on_the_page_is_split_off() -> None:
    # The top line of a two-line heading sums up the page's first article (printed without
    # a headline), not the article above the stack nor the one below it.
    text = "\n".join([
        PARK_LEAD,
        "养老服务中心覆盖全市街道",
        CARE_LEAD,
        "市园林部门新建三座口袋公园",
        "地铁三号线年底通车",
        "记者从市交通局获悉，地铁三号线将于年底通车，全线设站十二座。",
    ])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == [
        "市园林部门新建三座口袋公园", "养老服务中心覆盖全市街道", "地铁三号线年底通车"]


def test_column_wide_line_over_a_short_heading_line_starts_a_headline() -> None:
    # 11-character column: a kicker that happens to fill the column, a title two
    # characters short (like a first line, but no body line under it is full), then the
    # body's first line. A full line opening a block over a short heading line is heading.
    text = "\n".join([
        *BACKUP_AT_ELEVEN,
        "老城区居民休闲有新去处", "三座新公园下月开放",
        *PARK_AT_ELEVEN,
    ])
    articles = CLEANER.run(text).document.articles
    assert (articles[-1].kicker or "") + (articles[-1].headline or "") == "老城区居民休闲有新去处三座新公园下月开放"
    assert articles[-1].blocks[0].text.startswith("今年以来")


def test_heading_whose_title_under_a_kicker_retells_the_text_under_it_opens_an_article() -> None:
    # The kicker says what the lead does not; the title alone is what retells it.
    text = _park_story_then("聚焦民生实事办好群众身边事 全市养老服务中心覆盖街道", CARE_LEAD)
    articles = CLEANER.run(text).document.articles
    assert [(a.kicker, a.headline) for a in articles] == [
        (None, "市区新建三座口袋公园"), ("聚焦民生实事办好群众身边事", "全市养老服务中心覆盖街道")]


def test_paragraph_tail_from_another_page_at_the_foot_is_a_fragment() -> None:
    # Under the page's last article, a paragraph whose first line is full body text,
    # unindented (this page's paragraphs open two characters short): it goes on from a
    # paragraph printed elsewhere, under no headline of this page.
    text = "\n".join([
        "市区新建三座口袋公园",
        *PARK_AT_ELEVEN,
        "预计下月全部开放，", "市民可免费入园游览，园", "林部门将安排专人负责日", "常养护。",
        "（据市园林局）",
        "街道全覆盖，可提供助餐", "助浴服务。",
    ])
    result = CLEANER.run(text)
    assert [a.headline for a in result.document.articles] == ["市区新建三座口袋公园"]
    assert [b.text for b in result.document.fragments] == ["街道全覆盖，可提供助餐助浴服务。"]


def test_headless_paragraph_that_opens_like_one_stays_an_article() -> None:
    text = "\n".join([
        "市区新建三座口袋公园",
        *PARK_AT_ELEVEN,
        "（据市园林局）",
        *CARE_AT_ELEVEN,
    ])
    result = CLEANER.run(text)
    assert len(result.document.articles) == 2 and not result.document.fragments


def test_short_line_over_an_indented_line_ends_its_paragraph_where_indents_mark_paragraphs() -> None:
    # An 11-character column whose paragraphs keep their indent; the first ends on a
    # bracket in a short line.
    text = "\n".join([
        "  今年以来，市园林部", "门在老城区新建三座口袋", "公园，方便周边居民休闲，", "公园配有座椅、步道和儿",
        "童游乐设施（休闲）",
        "  预计下月全部开放，", "市民可免费入园游览，园", "林部门将安排专人负责日", "常养护。",
    ])
    blocks = CLEANER.run(text).document.articles[0].blocks
    assert [b.text[-6:] for b in blocks] == ["设施（休闲）", "责日常养护。"]


def test_heading_between_two_bodies_that_retells_the_one_above_is_its_headline() -> None:
    # Printed under its article, and nearly its lead word for word: no subhead of it.
    text = "\n".join([
        PARK_LEAD,
        "老城区新建三座口袋公园",
        "全市养老服务中心已实现街道全覆盖，可提供助餐助浴服务。",
    ])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["老城区新建三座口袋公园", None]


def test_a_continuation_under_a_headline_is_not_restitched() -> None:
    # The paragraph stops mid-sentence at its column's foot, but the full unindented line
    # after it sits under a headline: that is the evidence's weak case, left alone.
    text = "\n\n".join(CUT_PAGE) + "\n\n\n地铁三号线年底通车\n\n童游乐设施，预计下月全\n\n部开放。\n"
    result = CLEANER.run(text)
    assert not [d for d in result.decisions if d.rule == "restitch"]
    assert "步道和儿童" not in result.text



def test_heading_with_a_stray_leading_space_over_an_indented_paragraph_stands_alone() -> None:
    # Indents mark paragraphs on this page (two spaces); one space is a text box's stray
    # space, not an indent: the line without punctuation over an indented one is a heading.
    text = "\n".join([
        "  今年以来，市园林部", "门在老城区新建三座口袋", "公园，方便周边居民休闲。",
        " 养老服务中心覆盖街道", "  记者从市民政局获悉，", "全市养老服务中心已实现", "街道全覆盖，可提供助餐",
        "助浴服务。",
    ])
    lines = CLEANER.run(text).text.splitlines()
    assert "养老服务中心覆盖街道" in lines


def test_a_short_late_headline_splits_two_articles_run_together() -> None:
    # Eight characters are enough to place a headline printed after its article by content.
    text = _park_story_run_on_by(MEALS_LEAD, "全市助餐点全覆盖")
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["市区新建三座口袋公园", "全市助餐点全覆盖"]


def test_two_late_headlines_split_the_body_they_both_fit_with_a_kicker_glued_on() -> None:
    # Both headlines were printed after the page's text, each in a region of its own: one
    # retells the first lead, the other (an OCR engine joined its kicker, set wider than
    # the title, without a space) retells a paragraph inside. The body is two articles.
    text = "\n".join([
        PARK_LEAD,
        PARK_FACILITIES,
        MEALS_LEAD,
        MEALS_NEXT,
        "",
        "市区新建三座口袋公园",
        "",
        "让老人吃得好又吃得方便全市助餐点已实现全覆盖",
    ])
    articles = CLEANER.run(text).document.articles
    assert [a.blocks[0].text[:4] for a in articles] == ["今年以来", "记者从市"]
    assert [a.headline for a in articles] == ["市区新建三座口袋公园", "让老人吃得好又吃得方便全市助餐点已实现全覆盖"]


def test_a_headline_right_above_its_body_fitting_a_paragraph_inside_splits_nothing() -> None:
    # A title retelling the second paragraph sums up its own article: printed right above
    # the body, it marks no second article, kicker glued on or not.
    text = "\n".join([
        "新春佳节将至各地张灯结彩迎接新年全市助餐点全覆盖",
        "今年以来，市民政部门推动养老服务向社区延伸，方便老人就近用餐。",
        MEALS_LEAD,
        "下一步，民政部门将继续扩大服务范围。",
    ])
    articles = CLEANER.run(text).document.articles
    assert len(articles) == 1 and len(articles[0].blocks) == 3


def test_a_source_credit_in_traditional_script_ends_its_article() -> None:
    # The script is decided after the layout stage: `（據新華網）` is already a credit.
    text = "\n".join([
        "市区新建三座口袋公园",
        PARK_LEAD,
        "（據新華網）",
        "全市养老服务中心覆盖街道",
        CARE_LEAD,
    ])
    articles = Cleaner().run(text).document.articles
    assert [a.headline for a in articles] == ["市区新建三座口袋公园", "全市养老服务中心覆盖街道"]
    assert articles[0].source == "据新华网"


@pytest.mark.parametrize("text", ["近年来，全市", "近年來，全市", "本报讯，", "本報訊，", "3月21日，"])
def test_news_lead_openers_in_either_script(text: str) -> None:
    assert NEWS_LEAD.match(text)


def test_a_first_line_short_only_by_its_lost_indent_goes_on_past_a_blank_line() -> None:
    # Blank lines are rare on this page, but one after a paragraph's first line (two
    # characters short, mid-sentence, a full line under it) is noise, not a break.
    text = "\n".join(["数据备份是管理员的", "", "主要职责之一，备份策略", "应当定期检查，以免在需",
                      "要恢复时才发现问题，造", "成数据损失。", "今年以来，市园林部", "门在老城区新建三座口袋",
                      "公园，方便周边居民休闲，", "公园配有座椅、步道和儿", "童游乐设施。"])
    blocks = CLEANER.run(text).document.articles[0].blocks
    assert [b.text[:6] for b in blocks] == ["数据备份是管", "今年以来，市"]


def test_a_chain_of_restitched_pieces_keeps_every_character() -> None:
    # The continuation itself stops mid-sentence and goes on further down: both joins
    # land on the first paragraph, and no piece's text is dropped with its emptied body.
    pieces = [
        CUT_PAGE,
        ["童游乐设施，预计下月全", "部开放，园林部门将安排专"],
        ["■ 本报通讯员 李华", "近日，全市开展消防安全", "检查，覆盖所有社区。"],
        ["人负责日常养护，每周巡", "查一次。"],
    ]
    text = "\n\n\n".join("\n\n".join(piece) for piece in pieces) + "\n"
    result = CLEANER.run(text)
    assert "园林部门将安排专人负责日常养护，每周巡查一次。" in result.text
    kept = result.text + "".join(f.text for f in result.document.fragments)
    assert all(char in kept for char in "人负责日常养护每周巡查一次")


def _in_column(paragraph: str, chars: int = 11) -> list[str]:
    """A paragraph set in a column `chars` characters wide, its first-line indent dropped."""
    lines, rest = [paragraph[: chars - 2]], paragraph[chars - 2 :]
    while rest:
        lines.append(rest[:chars])
        rest = rest[chars:]
    return lines


CANTEEN_STORY = [
    "本月起，城东街道第一家社区食堂正式开业，为辖区老年人提供午餐和晚餐，六十岁以上老人凭卡就餐可享受八折优惠。",
    "食堂由街道提供场地，引入专业餐饮企业运营，每天供应二十多种菜品，价格公开透明，接受居民监督。",
    "开业当天，不少老人早早来到食堂排队。家住附近的李大爷说，过去子女上班，自己做饭不方便，现在走几步路就能吃上热饭。",
    "街道负责人介绍，下一步将根据居民需求，开通送餐上门服务，并在其他社区陆续建设食堂，让更多老人受益。",
    "据了解，社区食堂的建设资金主要来自区级财政补助，运营企业通过公开招标选定，合同期为三年，期满后将根据居民评价决定是否续约。",
    "为保障食品安全，市场监管部门将对食堂进行不定期抽查，食堂后厨也安装了摄像头，居民可以通过手机随时查看。",
    "此外，食堂还设置了意见箱，每月召开一次居民座谈会，听取大家对菜品和服务的意见建议，不断改进工作。",
    "不少居民表示，希望食堂今后能增加早餐和夜宵供应，让周边的上班族和学生也能在这里吃上一顿可口的饭菜。",
]


def test_stacked_headline_of_the_article_a_byline_opened_above_it_is_split_off() -> None:
    # The library story starts at its byline inside a long run of text under the canteen
    # headline; its own headline is printed under it, over the park story's (set wider).
    # The run's first few hundred characters say nothing of the library: the story the
    # byline opened is where the top of the stack is looked for too.
    lines = ["社区食堂开业"]
    for paragraph in CANTEEN_STORY:
        lines += _in_column(paragraph)
    lines += ["■ 本报记者 王明",
              *_in_column("市图书馆从下周起延长开放时间，每天开放到晚上九点。图书馆还新增了一百个自习座位，方便学生和上班族使用。"),
              "图书馆延长", "开放时间", "城市公园新增十二", "公里健身步道",
              *_in_column("今年以来，市园林部门在城市公园新增健身步道十二公里，方便市民锻炼身体。")]
    articles = CLEANER.run("\n".join(lines)).document.articles
    assert [a.headline for a in articles] == ["社区食堂开业", "图书馆延长开放时间", "城市公园新增十二公里健身步道"]
    assert [a.blocks[0].text[:4] for a in articles] == ["本月起，", "市图书馆", "今年以来"]


def _heading_lines(*texts: str) -> list[Line]:
    return [make_line(index, 0, text) for index, text in enumerate(texts)]


def test_a_heading_stack_is_not_cut_where_a_title_wraps_at_its_width() -> None:
    # Three lines as wide, then the title's last: one title wrapped in its box. Its top
    # lines fit the article above and its rest the one below, yet no cut falls between
    # lines as wide as each other (and the last line alone is too short to be a headline).
    lines = _heading_lines("图书馆延长开", "放时间方便读", "者夜间借阅图", "书")
    assert _best_stack_cut(lines, ["市图书馆延长开放时间，方便读者。"], "读者夜间借阅图书的人数明显增加。", []) is None
    # Lines of different widths meet where one title ends and the next begins.
    lines = _heading_lines("图书馆延长开", "放时间", "读者夜间借阅", "图书")
    cut = _best_stack_cut(lines, ["市图书馆延长开放时间，方便读者。"], "读者夜间借阅图书的人数明显增加。", [])
    assert cut is not None and cut[1] == 2


def test_a_title_wrapped_in_its_own_box_over_a_wider_one_is_a_headline_of_its_own() -> None:
    # Under the library story its headline, in words of its own, wrapped in a narrow box;
    # right under it the sports story's, set wider. A kicker would not wrap narrower
    # than its title (it is set in smaller type), so these are two headlines.
    lines = ["城市公园新增", "健身步道",
             *_in_column("今年以来，市园林部门在城市公园新增健身步道十二公里，方便市民锻炼身体。"),
             "■ 本报记者 王明",
             *_in_column("市图书馆从下周起延长开放时间，每天开放到晚上九点。图书馆还新增了一百个自习座位，方便学生和上班族使用。"),
             "读书人的", "夜晚去处", "多了", "秋季运动会下月在奥体中心开", "幕",
             *_in_column("记者从市体育局获悉，全市秋季运动会将于下月在奥体中心开幕，设二十个比赛项目。")]
    articles = CLEANER.run("\n".join(lines)).document.articles
    assert [(a.kicker, a.headline) for a in articles] == [
        (None, "城市公园新增健身步道"), (None, "读书人的夜晚去处多了"), (None, "秋季运动会下月在奥体中心开幕")]


def test_title_boundaries_follow_the_widths_titles_wrap_at() -> None:
    # A wrapped title, then a title as wide: two titles.
    assert _title_boundary(_heading_lines("读书人的", "夜晚去处", "多了", "秋季运动会下月")) == 3
    # A kicker in smaller type wraps wider than its title: one headline.
    assert _title_boundary(_heading_lines("因此会直接从稳定版中", "移除", "光盘厂商可能", "可以分发")) is None
    # A one-line kicker over its title, and a title alone: one headline.
    assert _title_boundary(_heading_lines("读书人的", "夜晚去处多了一个")) is None
    assert _title_boundary(_heading_lines("读书人的夜晚", "去处多了一个", "好地方")) is None
    # An OCR engine reads a quoted phrase as a box of its own: no title ends there.
    assert _title_boundary(_heading_lines("除非新包指明", "“取代”", "被冲突的软件包")) is None


def test_a_title_of_three_lines_is_no_kicker_whatever_the_width_under_it() -> None:
    # A kicker, a title wrapped over three lines, then a narrower title: a kicker is
    # short, so three lines at one width make a title, and the next run another one.
    lines = _heading_lines("作为系统管理员", "可以绕过专供广告", "使用的服务器主机", "名称",
                           "不仅在自己", "机器上测试", "是个好主意")
    assert _title_boundary(lines) == 4
    # A last line too short to be a title is not cut off as one.
    assert _title_boundary(_heading_lines("附带一个", "版本号小", "于多少", "的说")) is None


def test_a_short_line_whose_sentence_goes_on_after_a_comma_below_is_no_heading() -> None:
    # One paragraph per line, one cut at a page edge before its comma: a line that opens
    # with `，` goes on from the line above, which therefore heads nothing.
    text = "\n".join([PARK_LEAD, "如果居民对公园建设有意见建议", "，可以拨打市民服务热线反映。", PARK_FACILITIES])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == [None]
    assert [b.text for b in articles[0].blocks][1] == "如果居民对公园建设有意见建议，可以拨打市民服务热线反映。"


def test_a_heading_set_apart_over_a_title_that_runs_into_its_body_is_its_kicker() -> None:
    # An extractor that sets lines of another type size apart (pdftotext) prints the
    # kicker, set smaller, as a block of its own over the title and its body. The kicker
    # says what the lead does not: by content it heads nothing.
    park = "\n".join(["市区新建三座口袋公园", *_in_column(PARK_LEAD)])
    text = park + "\n\n便民惠民办实事\n\n社区食堂实现街道全覆盖\n" + "\n".join(_in_column(CARE_LEAD))
    result = CLEANER.run(text)
    assert [(a.kicker, a.headline) for a in result.document.articles] == [
        (None, "市区新建三座口袋公园"), ("便民惠民办实事", "社区食堂实现街道全覆盖")]
    assert not result.document.fragments
    assert any(c.rule == "attach-headline" and c.before == "便民惠民办实事" for c in result.changes)
    # Where a blank line sets the body apart from its title too, nothing marks the line
    # over the title as set in another type size: it stays apart.
    text = park + "\n\n便民惠民办实事\n\n社区食堂实现街道全覆盖\n\n" + "\n".join(_in_column(CARE_LEAD))
    assert CLEANER.run(text).document.fragments[0].text == "便民惠民办实事"


def test_a_kicker_set_apart_over_its_title_is_no_loose_headline_for_a_headless_story() -> None:
    # The meals story opens with a byline and no headline. The page's one heading that
    # fits no article by content sits right over the care story's title: its kicker,
    # which is nearer evidence than the count of loose headlines on the page.
    park = "\n".join(["市区新建三座口袋公园", *_in_column(PARK_LEAD)])
    meals = "\n".join(["■ 本报记者 张明", *_in_column(MEALS_LEAD)])
    text = meals + "\n\n" + park + "\n\n便民惠民办实事\n\n社区食堂实现街道全覆盖\n" + "\n".join(_in_column(CARE_LEAD))
    articles = CLEANER.run(text).document.articles
    assert [(a.kicker, a.headline) for a in articles] == [
        (None, None), (None, "市区新建三座口袋公园"), ("便民惠民办实事", "社区食堂实现街道全覆盖")]


def test_a_wrapped_heading_over_a_wider_title_is_no_kicker() -> None:
    # A kicker in smaller type wraps wider than its title; one wrapped narrower is a title.
    park = "\n".join(["市区新建三座口袋公园", *_in_column(PARK_LEAD)])
    text = park + "\n\n读书人的夜晚\n去处多了\n\n社区食堂实现街道全覆盖\n" + "\n".join(_in_column(CARE_LEAD))
    assert [a.kicker for a in CLEANER.run(text).document.articles] == [None, None]


@pytest.mark.parametrize("text", ["1本报记者 王芳", "I本报记者王芳", "|记者 张三"])
def test_bylines_whose_mark_an_ocr_engine_read_as_a_stroke(text: str) -> None:
    # RapidOCR reads `■` as `1` in about one byline in seven.
    assert is_byline(text)
    assert not is_byline("2本报记者王芳")


def test_the_pages_one_loose_headline_heads_its_one_headless_article() -> None:
    # The meals story has a byline but no headline over it; a headline in words of its
    # own sits at the foot of the page, under the park story (which has its own).
    # Every article on a page has a headline: the one left over is the headless story's.
    text = "\n".join(["■ 本报记者 张明", MEALS_LEAD, MEALS_NEXT,
                      "市区新建三座口袋公园", PARK_LEAD, PARK_FACILITIES, "老人吃饭不再犯愁"])
    result = CLEANER.run(text)
    assert [a.headline for a in result.document.articles] == ["老人吃饭不再犯愁", "市区新建三座口袋公园"]
    assert not result.document.fragments
    # With no headless article, the loose headline is set apart.
    text = "\n".join(["市区新建三座口袋公园", PARK_LEAD, PARK_FACILITIES, "老人吃饭不再犯愁"])
    assert [f.text for f in CLEANER.run(text).document.fragments] == ["老人吃饭不再犯愁"]


def test_a_first_line_full_to_its_lost_indent_that_ends_a_sentence_goes_on_into_a_full_line() -> None:
    # An 11-character column, indents dropped: the second paragraph's first line ends a
    # sentence two characters short of full, the width of an indented first line, and
    # a full line follows; a one-line paragraph of that width is followed by another
    # first line, as short as it is.
    head = ["数据备份是管理员的", "主要职责之一，备份策略", "应当定期检查。"]
    park = ["新建三座口袋公园。", "方便周边居民休闲，公园", "配有座椅和步道。"]
    blocks = CLEANER.run("\n".join(head + park)).document.articles[0].blocks
    assert [b.text for b in blocks][1] == "新建三座口袋公园。方便周边居民休闲，公园配有座椅和步道。"
    upkeep = ["预计下月全部开放，", "市民可免费入园游览，园", "林部门将安排专人养护。"]
    blocks = CLEANER.run("\n".join(head + park[:1] + upkeep)).document.articles[0].blocks
    assert [b.text[:4] for b in blocks] == ["数据备份", "新建三座", "预计下月"]


def test_the_short_last_piece_of_a_wrapped_title_set_apart_by_a_blank_line_stays_on_it() -> None:
    # Read region by region, an OCR engine sets the short last line of a title that
    # wrapped in its box apart with a blank line, as it sets regions apart. Two
    # characters are no headline: they end the title above them.
    text = "\n".join([
        "今年以来，全市新建口袋", "公园十二座，已有八成向", "市民开放。", "",
        "老城区口袋公园建设提速", "", "增效", "",
        "记者日前从园林局获悉，", "老城区今年新建的三座口", "袋公园已全部完工。",
    ])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == [None, "老城区口袋公园建设提速增效"]


def test_a_sentence_ending_where_a_latin_word_did_not_fit_goes_on_into_a_full_line() -> None:
    # A 12-character column: `rsync` did not fit after `…服务器。`, so that line is full
    # though it looks short, and the full line under it goes on in the same paragraph.
    # A new paragraph opening with the word would show its indent: a first line short
    # by two characters.
    head = ["数据备份是管理员的主要职", "责之一，备份策略应当定期", "检查，以免在需要恢复时才",
            "发现数据丢失在服务器。"]
    goes_on = [*head, "rsync命令用于日常备份这", "些服务器上的重要数据，每", "周一次。"]
    assert len(CLEANER.run("\n".join(goes_on)).document.articles[0].blocks) == 1
    new_paragraph = [*head, "rsync命令用于日常备", "份这些服务器上的重要数据", "每周一次。"]
    blocks = CLEANER.run("\n".join(new_paragraph)).document.articles[0].blocks
    assert [b.text[:5] for b in blocks] == ["数据备份是", "rsync"]


def test_a_first_line_short_by_its_lost_indent_goes_on_into_a_full_line_opening_like_a_list_item() -> None:
    # A 12-character column: `一是` opens list items (`一是…；二是…`), but a first line
    # short only by its indent, over a full line, goes on in it; a list item of its own
    # opens with a first line short by its indent.
    lead = ["今年以来，全市新建口袋公", "园十二座，已有八成向市民", "开放。"]
    text = [*lead, "园林部门重点工作之", "一是新建口袋公园，方便周", "边居民休闲；二是加强日常", "养护。"]
    blocks = CLEANER.run("\n".join(text)).document.articles[0].blocks
    assert blocks[1].text == "园林部门重点工作之一是新建口袋公园，方便周边居民休闲；二是加强日常养护。"
    text = [*lead, "园林部门今年重点抓好", "两项工作。", "一是新建口袋公园，方", "便周边居民休闲。"]
    blocks = CLEANER.run("\n".join(text)).document.articles[0].blocks
    assert [b.text[:4] for b in blocks] == ["今年以来", "园林部门", "一是新建"]


@pytest.mark.parametrize("credit", ["里休闲。 本报记者 李华 摄", "里休闲（记者 张明 摄）", "里休闲。 通讯员 王芳摄",
                                    "里休闲。 新华社发", "里休闲（受访者供图）", "里休闲（资料图片）"])
def test_a_photo_caption_ends_with_its_credit(credit: str) -> None:
    # A 12-character column. A caption set in it ends with its photo credit, not with a
    # final mark: the paragraph after it is not glued on.
    lines = ["今年以来，全市新建口", "袋公园十二座，已有八成向", "市民开放。", "图为市民在新建的口袋公园", credit,
             "园林部门表示，新建公", "园都配有座椅和步道，市民", "可以免费入园游览。"]
    blocks = CLEANER.run("\n".join(lines)).document.articles[0].blocks
    assert [b.text[:4] for b in blocks] == ["今年以来", "图为市民", "园林部门"]
    assert blocks[1].text.endswith(("摄", "摄）", "社发", "图）", "片）"))


@pytest.mark.parametrize("line", ["记者来到现场拍摄", "请看下图", "资料显示，这项工作可供图",
                                  "并把工作做得更好，新华社发"])
def test_a_line_that_merely_ends_like_a_photo_credit_goes_on(line: str) -> None:
    # `拍摄` + `到了…`, `可供图` + `书馆使用`, `新华社发` + `布`: cut at the wrap, not credits.
    assert not make_line(0, 0, line).ends_sentence


def test_jump_lines_are_set_apart_from_the_story_they_cut() -> None:
    # `（下转第2版）` under the last line of a column, `（上接第1版）` over the rest of the story
    # on another page: neither is text of the story, nor its headline.
    cut = "\n".join([*FIRE_CHECK_AT_FIFTEEN, "入，确保资金及时足额发放", "（下转第2版）"])
    document = CLEANER.run(cut).document
    assert document.articles[0].blocks[-1].text.endswith("足额发放")
    assert [f.text for f in document.fragments] == ["（下转第2版）"]
    rest = "\n".join(["（上接第1版）", "到位。会议要求，各地要抓好落实，", "推动工作取得新进展。"])
    document = CLEANER.run(rest).document
    assert [a.headline for a in document.articles] == [None]
    assert [f.text for f in document.fragments] == ["（上接第1版）"]


def test_bullet_subheads_stay_inside_their_article() -> None:
    # A mark (● ■ ◆) before a phrase is a bullet set before a subhead, not a byline: it
    # opens no article.
    text = "\n".join(["消防安全检查全面铺开", "■ 本报记者 张明", "会议要求，各地要抓好落实，推动工作取得新进展。",
                      "● 健全工作机制", "各单位要把消防安全摆在突出位置，明确专人负责。",
                      "● 强化隐患排查", "各地要加大投入，确保资金及时足额发放到位。"])
    articles = CLEANER.run(text).document.articles
    assert [(a.headline, a.byline) for a in articles] == [("消防安全检查全面铺开", "■ 本报记者 张明")]
    assert [b.type for b in articles[0].blocks] == ["paragraph", "subhead", "paragraph", "subhead", "paragraph"]


def test_short_lines_over_lines_far_wider_read_as_no_column_of_their_own() -> None:
    # One paragraph per line, under headlines short enough to read as a column of their
    # own: a line far wider than that "column" is none of its lines, so a headline as
    # wide as it is no line cut mid-sentence, and it heads the paragraph under it.
    text = "\n".join(["消防安全检查全面铺开", "会议要求，各地要抓好落实，推动工作取得新进展。", "",
                      "市区新建三座口袋公园", "今年以来，全市新建口袋公园十二座，已有八成向市民开放。", "",
                      "社区食堂实现街道全覆盖", "全市社区食堂已覆盖所有街道，老人在家门口就能吃饭。"])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["消防安全检查全面铺开", "市区新建三座口袋公园", "社区食堂实现街道全覆盖"]
    assert [len(a.blocks) for a in articles] == [1, 1, 1]


@pytest.mark.parametrize("credit", ["（本报记者 张明）", "（通讯员 李华 记者 王芳）", "(记者 张明)"])
def test_a_byline_in_brackets_under_the_text_closes_the_article_as_its_byline(credit: str) -> None:
    # 人民日报 and others print the reporter under the text, in brackets.
    text = "\n".join(["消防安全检查全面铺开", "会议要求，各地要抓好落实，推动工作", "取得新进展。各地要加大投入，确保",
                      "资金及时足额发放到位。", credit, "",
                      "市区新建三座口袋公园", "今年以来，全市新建口袋公园十二座，", "已有八成向市民开放。"])
    articles = CLEANER.run(text).document.articles
    assert [a.headline for a in articles] == ["消防安全检查全面铺开", "市区新建三座口袋公园"]
    assert articles[0].byline == credit.strip("（）()") and articles[1].byline is None
    assert articles[0].source is None
