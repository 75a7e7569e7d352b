"""Shapes of newspaper furniture: bylines, source credits, headings, article openers.

Each pattern follows a convention of Chinese newspaper typesetting, not the words
of any particular page.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# A byline: a mark (■ ● ▲ ◆ □ ○ ★ ☆ ◎) and/or a role word, then names (two to four
# characters each, `·` inside foreign names), or a wire formula (`本报讯`, `新华社北京3月1日电`).
# Role words also begin ordinary words (`编辑器`, `记者会`), so a name must follow as
# a whole: separated by a space, colon, slash or bar (`文/张明`), or the line ends after
# at most four characters.
# An OCR engine may read the mark as a Han character, a symbol or a small letter or two
# (■ as 于, 里, 口, =, `se`): kept as read, but the line is still a byline when a role word
# follows it.
# Traditional forms too (本報記者, 通訊員): the script is decided after the layout stage.
# Who sent the reporter comes first: this paper, a wire service, another paper or station
# (`新华社记者`, `人民日报记者`, `本报特约记者`).
_OUTLET = r"(?:本[报報]|新[华華]社|中新社|\p{Han}{1,6}?(?:社|[报報]|[台臺]|[网網]))"
_ROLE = (rf"(?:{_OUTLET}?(?:特[约約]|[见見][习習]|首席)?[记記]者|(?:本[报報])?通[讯訊][员員]|[实實][习習]生|撰稿"
         r"|文[／/][图圖]|文|[图圖]|[摄攝]影|作者|(?:[责責]任)?[编編][辑輯]|[责責][编編])")
_ROLE_GLUED = rf"(?:{_OUTLET}?(?:特[约約]|[见見][习習]|首席)?[记記]者|(?:本[报報])?通[讯訊][员員])"  # `本报记者皮磊`
_NAME = r"\p{Han}{2,4}(?:·\p{Han}{1,6})?"
_NAMES = rf"{_NAME}(?:[\s、，,]+{_NAME})*"
_WIRE = (r"(?:本[报報][讯訊]|本[报報](?:\p{Han}{2,4})?(?:\d{1,2}月\d{1,2}日)?[讯訊]"
         r"|(?:新[华華]社|中新社)\p{Han}{0,6}\d{0,2}月?\d{0,2}日?[电電])")
_MISREAD_MARK = (r"(?:[于口日田回国里=≡1I|]|[a-z]{1,2})\s*"
                 r"(?=本[报報]|[记記]者|通[讯訊][员員]|特[约約]|[见見][习習]|首席|[实實][习習]生)")
BYLINE = regex.compile(
    rf"^(?:[■●▲◆□○★☆◎▪•]\s*|{_MISREAD_MARK})?"
    rf"(?:{_WIRE}(?:[（(]\s*(?:{_ROLE}[\s：:]*{_NAMES}\s*)+[）)])?"
    rf"|(?:(?:[■●▲◆□○★☆◎▪•]\s*|{_MISREAD_MARK})?(?:{_ROLE}[\s：:／/|｜]+{_NAMES}|{_ROLE_GLUED}{_NAME}$)\s*)+"
    # where the reporter filed from (Taiwan, Hong Kong): `【記者張明／台北報導】`
    rf"|[【\[]?\s*(?:{_ROLE}\s*)?{_NAMES}\s*[／/]\s*\p{{Han}}{{1,8}}(?:[报報][道导導]|[电電])\s*[】\]]?)$"
)
# A mark over names alone is a byline too (`■ 张明`, `● 张明 李华`), as is one over a
# role word and names run together (`■本报记者邓晨春廖华英`: an OCR engine lost the
# space); a mark over a phrase (`● 健全工作机制`) is a bullet, set before subheads and
# list items.
BYLINE_MARK = regex.compile(
    rf"^[■●▲◆□○★☆◎▪]\s*(?:\p{{Han}}{{2,3}}|{_NAME}(?:[\s、，,]+{_NAME})+|{_ROLE_GLUED}\p{{Han}}{{2,16}})$"
)
# A source credit on its own line: the whole line in brackets, naming where the
# story comes from (据…, 来源：…) or a publishing body (…厅 …局 …网 …报 …社 …发布).
# Traditional forms too (據 網 報 …): the script is decided after the layout stage.
SOURCE_LINE = regex.compile(
    r"^[（(]\s*(?:(?:[据據]|[来來]源[：:]|稿件[来來]源[：:]|[转轉]自|摘自)[^（）()]{2,30}"
    r"|[^（）()，。,]{2,24}(?:[厅廳]|局|部|委|[办辦]|[会會]|院|社|[网網]|[报報]|[台臺]|站|[发發][布佈]|消息|供稿|官[网網]"
    r"|公[众眾][号號]|日[报報]|晚[报報]))\s*[）)]$"
)
BRACKETED = regex.compile(r"^[（(]\s*([^（）()]{2,30}?)\s*[）)]$")
# A credit glued to the end of a paragraph: `…示范标杆。（据广东省民政厅）`.
TRAILING_SOURCE = regex.compile(r"(?<=[。！？”’])\s*[（(]\s*(?:[据據]|[来來]源[：:])[^（）()]{2,30}[）)]$")
# Page furniture, part of no article: an editor's credit (`责任编辑：王芳`, `（本版编辑：李华）`:
# editors are credited per page, not as authors), a running head or foot (`2025年3月10日
# 星期一`, `中国社会报 3月10日 星期一`, `第3版`) or a jump line (`（下转第2版）`, `（上接第1版）`:
# where a story goes on).
# Alone on its line, without clause punctuation.
PAGE_FURNITURE = regex.compile(
    r"^[（(]?\s*(?:(?:本版|[责責]任|美[术術]|[图圖]片|文字)?[编編][辑輯]|[责責][编編]|美[编編]|校[对對]|[审審][核稿]"
    r"|版式(?:[设設][计計])?|制[图圖])[：:]\s*[^，。；,;]{1,30}$"
    r"|^(?:[^，。；,;\s]{1,12}\s+)*(?:\d{4}年)?\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天](?:\s+[^，。；,;]{1,24})?$"
    r"|^(?:第\s*)?[A-Z]?\d{1,3}\s*版(?:\s+[^，。；,;]{1,12})?$"
    r"|^[（(]?\s*(?:上接|下转|[转轉]|接|紧接|[续續])第?\s*[A-Z]?\d{1,3}\s*版(?:\s*\S{0,6})?\s*[）)]?$"
)
# A Markdown heading from an extractor that emits them: `## 标题`. It is a headline
# only if it holds a letter, digit or Han character.
MARKDOWN_HEADING = regex.compile(r"^(#{1,6})\s+(\S.*?)\s*#*$")
HAS_CONTENT = regex.compile(r"[\p{Han}\p{L}\p{N}]")
# A subtitle printed under a title starts with a dash: `——记…`.
SUBTITLE = regex.compile(r"^(?:——|--|－－)")
# How news leads open: a date or time word, then a comma (`3月20日，` `近日，` `日前，`),
# or the wire formula `本报讯`. A general convention of Chinese news writing.
NEWS_LEAD = regex.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午)?|近日|日前|近期|昨天|昨日|今天|今日|前不久|近年[来來]"
    r"|本[报報][讯訊])[，,]"
)
# List and section markers that start a new paragraph: 一是 一、 （一） 1. 第一，
NUMERAL = "一二三四五六七八九十"
ENUMERATION = regex.compile(
    rf"^(?:[{NUMERAL}]+[是要、]|[（(][{NUMERAL}\d]+[）)]|\d{{1,2}}[.、．](?!\d)|第[{NUMERAL}]+[，,、])"
)


@lru_cache(maxsize=4096)  # asked of each line twice (column widths, then line kinds)
def is_byline(text: str) -> bool:
    return len(text) <= 40 and bool(BYLINE.match(text) or BYLINE_MARK.match(text))


@lru_cache(maxsize=4096)
def is_page_furniture(text: str) -> bool:
    return len(text) <= 40 and bool(PAGE_FURNITURE.match(text))


@lru_cache(maxsize=4096)
def is_source_line(text: str) -> bool:
    """A credit closing an article: where the story comes from (`（据河北省民政厅）`), or
    who wrote it, in brackets under the text (`（本报记者 张明）`)."""
    return len(text) <= 32 and bool(SOURCE_LINE.match(text) or is_trailing_byline(text))


def is_trailing_byline(text: str) -> bool:
    """A byline in brackets, printed under its article's text: `（本报记者 张明）`."""
    inner = BRACKETED.match(text)
    return inner is not None and is_byline(inner.group(1))


def source_name(text: str) -> str:
    """The credit without its brackets: `（据河北省民政厅）` -> `据河北省民政厅`."""
    return text.strip().strip("（）()").strip()
