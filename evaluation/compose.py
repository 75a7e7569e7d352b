"""Turning corpus prose into the articles of a newspaper page (the ground truth).

Articles take consecutive paragraphs of one corpus section. Most headlines
sum up their article as news headlines do: a clause of the lead paragraphs,
shortened so that it does not repeat a body clause verbatim. The other headlines,
kickers and subheads are clauses of paragraphs that are not printed on the page.
Bylines and source credits are made up from name and place lists.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import regex

from evaluation.corpus import Corpus, Section
from evaluation.layout import wrap
from evaluation.page import Article, Block, Page
from evaluation.text import HAN

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
    "潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛"
)
GIVEN_NAMES = "伟芳娜敏静丽强军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲兰飞鑫波宁琳建文辉力斌宇浩凯晨阳春"
PLACES = ("江西", "云南", "湖南", "福建", "辽宁", "山西", "河南", "海南", "青海")
OFFICES = ("省科技厅", "省教育厅", "省统计局", "省文化和旅游厅", "省生态环境厅", "省交通运输厅")
AGENCIES = ("新华社", "中国新闻网", "本报综合", "央广网", "光明网")
CLAUSE_SPLIT = re.compile(r"[，。；：？！、]")
HEADLINE_CHARS = regex.compile(r"[\p{Han}A-Za-z0-9“”《》]+")


@dataclass(frozen=True)
class CompositionRates:
    """How often the optional parts of an article and a page occur."""

    kicker: float = 0.25
    byline: float = 0.3
    source: float = 0.3
    subheads: float = 0.15
    year_in_headline: float = 0.15
    headline_from_lead: float = 0.85  # the rest: a clause unrelated to the body
    fragment: float = 0.25
    truncated_last_paragraph: float = 0.1


def _clauses(paragraph: str) -> list[str]:
    return [clause.strip() for clause in CLAUSE_SPLIT.split(paragraph) if clause.strip()]


def _is_title(clause: str, low: int, high: int) -> bool:
    """A clause that can stand as a title: ``low``-``high`` characters, mostly Han, no punctuation."""
    if not low <= len(clause) <= high:
        return False
    return bool(HEADLINE_CHARS.fullmatch(clause)) and len(HAN.findall(clause)) >= low - 2


def _title_clauses(paragraphs: list[str], low: int, high: int) -> list[str]:
    clauses = [clause for paragraph in paragraphs for clause in _clauses(paragraph)]
    return [clause for clause in clauses if _is_title(clause, low, high)]


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN_NAMES) for _ in range(rng.choice((1, 2, 2))))


def make_byline(rng: random.Random) -> str:
    """A byline as printed, e.g. ``■ 本报记者 张明``."""
    style = rng.random()
    if style < 0.5:
        return f"■ 本报记者 {person_name(rng)}"
    if style < 0.7:
        return f"■ 本报记者 {person_name(rng)} {person_name(rng)}"
    if style < 0.85:
        return f"■ 本报通讯员 {person_name(rng)}"
    return f"本报记者 {person_name(rng)} 通讯员 {person_name(rng)}"


def make_source(rng: random.Random) -> str:
    """A source credit without its brackets, e.g. ``据新华社``."""
    if rng.random() < 0.4:
        return "据" + rng.choice(AGENCIES)
    return "据" + rng.choice(PLACES) + rng.choice(OFFICES)


class ArticleMaker:
    """Draws articles and fragments from a corpus; one instance serves one page, so nothing repeats."""

    def __init__(self, corpus: Corpus, rng: random.Random, rates: CompositionRates | None = None) -> None:
        self.rng = rng
        self.rates = rates or CompositionRates()
        self.sections = [section for section in corpus.sections if len(section.paragraphs) >= 2]
        self.all_sections = list(corpus.sections)
        self.used: set[str] = set()

    def _spare_paragraphs(self, count: int) -> list[str]:
        """Paragraphs not printed on this page, to take headlines and subheads from."""
        spare: list[str] = []
        while len(spare) < count:
            paragraph = self.rng.choice(self.rng.choice(self.all_sections).paragraphs)
            if paragraph not in self.used:
                self.used.add(paragraph)
                spare.append(paragraph)
        return spare

    def _title(self, low: int, high: int) -> str:
        for _ in range(50):
            candidates = _title_clauses(self._spare_paragraphs(3), low, high)
            if candidates:
                return self.rng.choice(candidates)
        raise RuntimeError("the corpus has no clause usable as a title")

    def headline(self, body: list[str] | None = None) -> str:
        title = self._lead_title(body) if body and self.rng.random() < self.rates.headline_from_lead else None
        title = title or self._title(8, 24)
        if self.rng.random() < self.rates.year_in_headline:
            title = f"{self.rng.randint(2019, 2025)}年{title}"
        return title

    def _lead_title(self, body: list[str]) -> str | None:
        """A clause of the first paragraphs with a few characters left out (a headline
        condenses its lead; it is not a copy of it)."""
        candidates = _title_clauses(body[:2], 10, 26)
        if not candidates:
            return None
        clause = self.rng.choice(candidates)
        cut = self.rng.randrange(3, len(clause) - 4)
        return clause[:cut] + clause[cut + self.rng.choice((1, 2, 2, 3)) :]

    def body(self, section: Section, count: int) -> list[str]:
        start = self.rng.randrange(0, max(1, len(section.paragraphs) - count + 1))
        window = section.paragraphs[start : start + count]
        chosen = [paragraph for paragraph in window if paragraph not in self.used]
        self.used.update(chosen)
        body: list[str] = []
        for paragraph in chosen:
            body.extend(split_long_paragraph(paragraph, self.rng))
        return body

    def article(self) -> Article:
        rates, rng = self.rates, self.rng
        body: list[str] = []
        while len(body) < 2:
            body = self.body(rng.choice(self.sections), rng.choice((2, 3, 3, 4, 4, 5, 6, 8)))
        blocks = [Block("paragraph", paragraph) for paragraph in body]
        if rng.random() < rates.subheads:
            for _ in range(rng.choice((1, 1, 2))):
                # A subhead divides the body: the article opens with text, and text
                # stands on both sides of it (a subhead printed over two lines is one).
                position = rng.randrange(1, len(blocks))
                if blocks[position - 1].type != "subhead" and blocks[position].type != "subhead":
                    blocks.insert(position, Block("subhead", self._title(6, 16)))
        return Article(
            headline=self.headline(body),
            kicker=self._title(6, 14) if rng.random() < rates.kicker else None,
            byline=make_byline(rng) if rng.random() < rates.byline else None,
            source=make_source(rng) if rng.random() < rates.source else None,
            blocks=blocks,
        )

    def fragment(self) -> str:
        """The tail of a paragraph of another page's article, or a stray title."""
        if self.rng.random() < 0.3:
            return self._title(8, 20)
        paragraph = self._spare_paragraphs(1)[0]
        cuts = [match.end() for match in CLAUSE_SPLIT.finditer(paragraph) if match.end() < len(paragraph) - 6]
        tail = paragraph[self.rng.choice(cuts) :] if cuts else paragraph[len(paragraph) // 2 :]
        return tail[-80:]


def split_long_paragraph(paragraph: str, rng: random.Random, longest: int = 220) -> list[str]:
    """Newspaper paragraphs are short: split a long one at the sentence end nearest a random point."""
    if len(paragraph) <= longest:
        return [paragraph]
    ends = [end.end() for end in re.finditer("[。！？]", paragraph) if 30 <= end.end() <= len(paragraph) - 30]
    if not ends:
        return [paragraph]
    target = rng.uniform(0.35, 0.65) * len(paragraph)
    cut = min(ends, key=lambda end: abs(end - target))
    head, tail = paragraph[:cut], paragraph[cut:]
    return [*split_long_paragraph(head, rng, longest), *split_long_paragraph(tail, rng, longest)]


def truncate_at_full_line(paragraph: str, width: int, rng: random.Random) -> str:
    """Cut a paragraph after a full column line, as when an article runs off the page edge."""
    lines = wrap(paragraph, width)
    if len(lines) < 3:
        return paragraph
    kept_chars = sum(len(line.replace(" ", "")) for line in lines[: rng.randrange(2, len(lines))])
    end = 0
    while kept_chars:
        kept_chars -= paragraph[end] != " "
        end += 1
    return paragraph[:end]


def compose_page(
    corpus: Corpus,
    rng: random.Random,
    width: int,
    rates: CompositionRates | None = None,
    article_counts: tuple[int, ...] = (2, 3, 3, 4, 4, 5),
) -> Page:
    """A page of articles (and sometimes a leftover fragment), laid out later in columns of ``width``."""
    rates = rates or CompositionRates()
    maker = ArticleMaker(corpus, rng, rates)
    articles = [maker.article() for _ in range(rng.choice(article_counts))]
    if rng.random() < rates.truncated_last_paragraph:
        last = articles[-1]
        blocks = list(last.blocks)
        if blocks[-1].type == "paragraph":
            blocks[-1] = Block("paragraph", truncate_at_full_line(blocks[-1].text, width, rng))
            articles[-1] = Article(last.headline, blocks, last.kicker, last.byline, None)
    fragments = [maker.fragment()] if rng.random() < rates.fragment else []
    return Page(articles, fragments)
