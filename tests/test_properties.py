"""The two promises, on random text: nothing Chinese is lost, and cleaning twice changes nothing."""

from __future__ import annotations

from collections import Counter

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.normalize.script import converter

HAN = regex.compile(r"\p{Han}")
CLEANER = Cleaner()

pieces = st.sampled_from([
    "会议", "指出", "民政", "工作", "社会救助", "儿童", "近日", "召开", "來", "經", "爲",
    "2025", "３", "ＴＨＡＮＫ", "THANK", "YOU", "12", "1,000", "3.5",
    "，", "。", "、", "：", "；", "！", "？", "“", "”", "（", "）", "《", "》",
    ",", ".", ":", ";", "!", "?", "(", ")", '"', "'", "-", "■", "#",
    " ", "  ", "\u3000", "\n", "\n\n", "\t", "\u200b", "\u00ad", "\ufeff", "\f",
])
texts = st.lists(pieces, min_size=1, max_size=60).map("".join)


def all_text(result) -> str:
    data = result.document.to_dict()
    parts = [data.get("fragments", []), [r["text"] for r in data.get("removed", [])]]
    for article in data["articles"]:
        parts.append([article[k] or "" for k in ("headline", "kicker", "subtitle", "byline", "source")])
        parts.append([b["text"] for b in article["blocks"]])
    return "".join("".join(p) for p in parts)


def han(text: str) -> Counter[str]:
    return Counter(HAN.findall(text))


@given(texts)
@example("会议指出\n\n2025 年\n\n工作")
def test_no_han_character_is_lost(text: str) -> None:
    result = CLEANER.run(text)
    # t2s is the only rule that changes Han characters (and only in a simplified
    # document): compare both sides in simplified form.
    to_simplified = converter("t2s").convert
    lost = han(to_simplified(text)) - han(to_simplified(all_text(result)))
    assert not lost, (lost, result.text)


@given(texts)
@example("会议会议会议\n会议会议会议\n会议\n\n会议会议会议")  # a heading over a paragraph without punctuation
@example("# 会议,\n1,000")  # a Markdown heading that stops inside a sentence
@example("会议,\n\n会议\n,")  # a comma alone under a heading
@example("会议(((((")
@example("1,000\n!\n会议")  # a mark alone on its line ends the sentence above it
@example("会议\n\n”会议")  # a line opening with a closing mark heads nothing
@example("，会议\n\n会议")  # a headline goes on no text that opens with a comma
@example("1,000\n\n会议\n，\n会议")  # a comma alone under a line goes on from it
@example("会议\n2025\n2025")  # digits repeated under a heading are no headline printed again
@example("会议\n会议会议会议\n会议会议会议\n会议")  # a headline read as two blocks, printed again whole
def test_cleaning_twice_changes_nothing(text: str) -> None:
    once = CLEANER.run(text).text
    assert CLEANER.run(once).text == once if once.strip() else True
