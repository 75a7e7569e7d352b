"""The layout stage's decisions, registered as rules: they can be listed, explained,
disabled by name, and their examples run through the whole default pipeline.

The work itself is done by `cleaner.layout.stage` (blocks) and
`cleaner.layout.articles` (articles); each decision they record carries one of
these names.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.engine.context import Context
from cleaner.engine.record import Edit
from cleaner.engine.rule import rule


def _layout_rule(name: str, summary: str, why: str, examples: Iterable[tuple[str, str]] = (),
                 keep: Iterable[str] = ()) -> None:
    def step(text: str, ctx: Context) -> Iterable[Edit]:
        raise RuntimeError(f"{name} is carried out by the layout stage, not called alone")

    step.__doc__ = why
    step.__name__ = name.replace("-", "_")
    rule(name=name, summary=summary, group="layout", stage="layout", examples=examples, keep=keep,
         safe=False)(step)


_layout_rule(
    "paragraph-break",
    "Keep true paragraph ends; drop blank lines and indents between blocks (off: no layout stage).",
    """Why: extractors print blank lines after most lines and lose the indent that marks
    a paragraph. A paragraph ends where a line is short and ends a sentence, where the
    next line starts indented or like a new paragraph, or at a page break. A photo
    caption ends with its credit (`本报记者 李华 摄`), which has no final mark.""",
    examples=[
        ("图为市民在新建的口袋公\n园里休闲。 本报记者 李华 摄\n园林部门表示，新建公园\n都配有座椅和步道，市民可以\n"
         "免费入园游览。",
         "图为市民在新建的口袋公园里休闲。本报记者李华摄\n园林部门表示，新建公园都配有座椅和步道，市民可以免费入园游览。"),
        ("省民政厅党组成员、副厅长出\n\n席会议并讲话。\n\n会议指出，近年来全省\n\n社会救助领域上下联动、与相\n\n"
         "关部门通力配合，取得了积极\n\n成效。",
         "省民政厅党组成员、副厅长出席会议并讲话。\n会议指出，近年来全省社会救助领域上下联动、与相关部门通力配合，取得了积极成效。"),
    ],
)
_layout_rule(
    "join-wrap",
    "Join lines that a column wrap split: nothing between Chinese characters, a space between Latin words.",
    """Why: a newspaper column is 10-16 characters wide, so every paragraph is cut into
    many lines. A line as wide as the column that does not end a sentence continues on
    the next line; a number or a hyphenated Latin word may be split at the wrap. A
    paragraph's first line whose indent was dropped is full two characters short: if it
    ends a sentence there and a full line follows, the paragraph goes on; so does a line
    ending a sentence where the Latin word opening the next one did not fit.""",
    examples=[
        ("数据备份是管理员的\n主要职责之一，备份策略\n应当定期检查。\n新建三座口袋公园。\n方便周边居民休闲，公园\n"
         "配有座椅和步道。",
         "数据备份是管理员的主要职责之一，备份策略应当定期检查。\n新建三座口袋公园。方便周边居民休闲，公园配有座椅和步道。"),
        ("巩固拓展脱贫攻坚成果、\n扎实推进乡村全面振兴\n\n工作，为兜牢民生底线作\n出新贡献。",
         "巩固拓展脱贫攻坚成果、扎实推进乡村全面振兴工作，为兜牢民生底线作出新贡献。"),
        ("会议强调，今年要以宣传贯彻落\n实国务院办公厅转发民政部等10\n\n部门的意见为统领，按照总体思\n路，深入推进改革。",
         "会议强调，今年要以宣传贯彻落实国务院办公厅转发民政部等10部门的意见为统领，按照总体思路，深入推进改革。"),
        ("会上，他介绍了 inter-\nnational 合作项目的经验，\n并回答了记者的提问。",
         "会上，他介绍了international合作项目的经验，并回答了记者的提问。"),
    ],
)
_layout_rule(
    "heading-join",
    "Make one headline of a title printed over two lines, or of a kicker and its title (kept apart by a space).",
    """Why: headlines are set large, so a title often takes two lines; a kicker (引题) is a
    shorter line above the title. A first line clearly shorter than the second is a
    kicker and keeps one space before the title; otherwise the lines are one title.
    A piece too short to be a headline under a title line that fills its column ends
    that title, even set apart by a blank line (as OCR engines set it).""",
    examples=[
        ("江苏省民政厅举办 2024年\n全省社会事务工作培训会\n\n日前，全省社会事务工作培训会在南京召开，会议总结了工作。",
         "江苏省民政厅举办2024年全省社会事务工作培训会\n日前，全省社会事务工作培训会在南京召开，会议总结了工作。"),
        ("鼓励开展慈善帮扶\n吉林印发若干措施加强社会救助工作\n\n近日，吉林印发若干措施，加强社会救助工作。",
         "鼓励开展慈善帮扶 吉林印发若干措施加强社会救助工作\n近日，吉林印发若干措施，加强社会救助工作。"),
        ("今年以来，全市新建口袋\n公园十二座，已有八成向\n市民开放。\n\n老城区口袋公园建设提速\n\n增效\n\n"
         "记者日前从园林局获悉，\n老城区今年新建的三座口\n袋公园已全部完工。",
         "今年以来，全市新建口袋公园十二座，已有八成向市民开放。\n\n老城区口袋公园建设提速增效\n"
         "记者日前从园林局获悉，老城区今年新建的三座口袋公园已全部完工。"),
    ],
)
_layout_rule(
    "source-credit",
    "Set a source credit such as （据河北省民政厅） apart from the last paragraph.",
    """Why: a credit printed at the end of the last paragraph names where the story
    comes from; it is not body text. It goes to the article's `source`. A byline in
    brackets under the text (`（本报记者 张明）`) closes the article the same way; it goes
    to the article's `byline`, printed under the headline.""",
    examples=[
        ("会议要求各地抓好落实，推动工作取得实效。(据陕西发布)",
         "会议要求各地抓好落实，推动工作取得实效。\n（据陕西发布）"),
        ("消防安全检查全面铺开\n会议要求各地抓好落实，推动工作取得实效。\n（本报记者 张明）",
         "消防安全检查全面铺开\n本报记者 张明\n会议要求各地抓好落实，推动工作取得实效。"),
    ],
)
_layout_rule(
    "restitch",
    "Join a paragraph cut at a column's foot to its continuation printed later (column boxes out of order).",
    """Why: some extractors (pdfminer.six, pdftotext) emit a page's column boxes out of
    order, so a paragraph stops mid-sentence and goes on after text of another column or
    article. Only on strong evidence: the paragraph stops mid-sentence on a full line, a
    later block opens mid-paragraph (a full, unindented line of body text, under no
    headline), and no other loose end or start lies between them.""",
    examples=[
        ("市区新建三座口袋公园\n\n今年以来，市园林部\n\n门在老城区新建三座口袋\n\n公园，方便周边居民休闲，\n\n"
         "公园配有座椅、步道和儿\n\n■ 本报记者 张明\n\n记者从市民政局获悉，\n\n全市养老服务中心已实现\n\n"
         "街道全覆盖，可提供助餐\n\n助浴服务。\n\n\n童游乐设施，预计下月全\n\n部开放。\n",
         "市区新建三座口袋公园\n今年以来，市园林部门在老城区新建三座口袋公园，方便周边居民休闲，"
         "公园配有座椅、步道和儿童游乐设施，预计下月全部开放。\n\n"
         "■ 本报记者 张明\n记者从市民政局获悉，全市养老服务中心已实现街道全覆盖，可提供助餐助浴服务。"),
    ],
)
_layout_rule(
    "attach-headline",
    "Attach each headline to the article whose lead it matches best, even when printed after it.",
    """Why: page make-up puts headlines above, below or beside their story, and extractors
    emit boxes in their own order. A headline reuses the words of its article's lead,
    so it is matched by content (character bigrams and rapidfuzz alignment) with a
    prior for sitting right above or below the body; the score is recorded. A heading
    that heads no article, set apart right over a title that runs into its body, is that
    title's kicker (set smaller, some extractors print it as a block of its own).""",
    examples=[
        ("日前，河北省社会救助工作会议在邯郸召开，会议总结了工作。\n（据河北省民政厅）\n"
         "2024年河北省消防安全检查全面铺开\n"
         "3月20日，湖北省民政厅在武汉举办全省社会事务工作培训班，部署了工作。\n"
         "湖北省民政厅举办全省社会事务工作培训班",
         "2024年河北省消防安全检查全面铺开\n日前，河北省社会救助工作会议在邯郸召开，会议总结了工作。\n"
         "（据河北省民政厅）\n\n湖北省民政厅举办全省社会事务工作培训班\n"
         "3月20日，湖北省民政厅在武汉举办全省社会事务工作培训班，部署了工作。"),
        # Two titles stacked between two stories: the first was printed under its story.
        ("记者从市民政局获悉，全\n市养老服务中心已实现街\n道全覆盖，可提供助餐助\n浴服务。中心还为高龄老\n"
         "人开设了健康讲座和文体\n活动，受到老人欢迎。\n\n社区食堂实现街道全覆盖\n\n市区新建三座口袋公园\n\n"
         "今年以来，市园林部\n门在老城区新建三座口袋\n公园，方便周边居民休闲，\n公园配有座椅、步道和儿\n"
         "童游乐设施，预计下月全\n部开放。",
         "社区食堂实现街道全覆盖\n记者从市民政局获悉，全市养老服务中心已实现街道全覆盖，可提供助餐助浴服务。"
         "中心还为高龄老人开设了健康讲座和文体活动，受到老人欢迎。\n\n市区新建三座口袋公园\n"
         "今年以来，市园林部门在老城区新建三座口袋公园，方便周边居民休闲，公园配有座椅、步道和儿童游乐设施，预计下月全部开放。"),
        # A kicker set apart as a block of its own (another type size) over a title that
        # runs into its body: it heads no article itself, so it is the title's kicker.
        ("市区新建三座口袋公园\n今年以来，市园林部门在老城区新建三座口袋公园。\n\n便民惠民办实事\n\n"
         "社区食堂实现街道全覆盖\n记者从市民政局获悉，全市养老服务中心已实现街道全覆盖。",
         "市区新建三座口袋公园\n今年以来，市园林部门在老城区新建三座口袋公园。\n\n"
         "便民惠民办实事 社区食堂实现街道全覆盖\n记者从市民政局获悉，全市养老服务中心已实现街道全覆盖。"),
    ],
)
_layout_rule(
    "subhead",
    "Keep a subhead inside its article as its own block, not glued to the next paragraph.",
    """Why: long stories are broken up by short subheads (often two short lines). A
    heading between two paragraphs of one article, with no credit before it and no
    new lead after it, and short lines, is a subhead.""",
    examples=[
        ("近日，某区开展儿童关爱活动，惠及儿童千余人。\n走访宣传筑基\n织密关爱服务网络\n"
         "区保护中心发挥资源整合优势，为儿童送去书包。",
         "近日，某区开展儿童关爱活动，惠及儿童千余人。\n走访宣传筑基 织密关爱服务网络\n"
         "区保护中心发挥资源整合优势，为儿童送去书包。"),
    ],
)
_layout_rule(
    "fragment",
    "Set apart text that belongs to no article on the page (kept in the JSON `fragments`).",
    """Why: a page often carries the last line of another page's story or a stray title
    (here: a title after an article that has its own), and its own furniture: an editor's
    credit (`责任编辑：王芳`: editors are credited per page, not as authors), a running
    head (`2025年3月10日 星期一`, `第3版`) or a jump line (`（下转第2版）`). Glued into an
    article it would corrupt it; it is reported instead.""",
    examples=[
        ("某市部署全年工作\n近日，某市召开会议，部署全年工作。\n会议要求各地抓好落实。\n春季植树活动启动",
         "某市部署全年工作\n近日，某市召开会议，部署全年工作。\n会议要求各地抓好落实。"),
        ("2025年3月10日 星期一 第3版\n某市部署全年工作\n近日，某市召开会议，部署全年工作。\n（责任编辑：王芳）",
         "某市部署全年工作\n近日，某市召开会议，部署全年工作。"),
    ],
)
