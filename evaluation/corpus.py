"""Clean modern Chinese prose from Debian documentation packages.

The text comes from the Simplified Chinese translations of Debian's own books
(installed by ``evaluation/install_corpus.sh``; nothing is copied into the
repository). Paragraphs are taken from the HTML, put into SPEC.md's normal form
and kept only when they read like newspaper prose: mostly Han characters, full
sentences with Chinese punctuation, no commands, paths or markup.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import regex

from evaluation.text import CJK_PUNCTUATION, HAN, to_normal_form


@dataclass(frozen=True)
class CorpusSource:
    """An installed package that ships Chinese prose, and where its HTML lies."""

    package: str
    pattern: str
    licence: str
    required: bool = False


SOURCES = (
    CorpusSource(
        "debian-handbook",
        "/usr/share/doc/debian-handbook/html/zh-CN/*.html",
        "GPL-2.0+ or CC-BY-SA-3.0",
        required=True,
    ),
    CorpusSource("debian-reference-zh-cn", "/usr/share/debian-reference/*.zh-cn.html", "GPL-2.0+"),
    CorpusSource("maint-guide-zh-cn", "/usr/share/doc/maint-guide-zh-cn/html/*.html", "GPL-2.0+"),
    CorpusSource(
        "debian-faq-zh-cn",
        "/usr/share/doc/debian/FAQ/zh-cn/*.html",
        "verbatim and modified copies permitted (Software in the Public Interest)",
    ),
)

HEADINGS = ("h1", "h2", "h3", "h4", "h5")
BLOCK_TAGS = frozenset(("p", "div", "li", "td", "th", "dt", "dd", "pre", "title", *HEADINGS))
ALLOWED_ASCII = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .-+%")
SENTENCE_ENDS = "。！？”）"
HAN_RUN = regex.compile(r"\p{Han}+")
INSTALL_HINT = "run `bash evaluation/install_corpus.sh` (installs the Debian documentation packages)"


class CorpusNotFoundError(RuntimeError):
    """The documentation package that holds the corpus is not installed."""


@dataclass(frozen=True)
class Section:
    """The prose paragraphs of one HTML file, in document order."""

    package: str
    name: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Corpus:
    sections: tuple[Section, ...]

    @property
    def paragraphs(self) -> list[str]:
        return [paragraph for section in self.sections for paragraph in section.paragraphs]

    @property
    def packages(self) -> list[str]:
        return sorted({section.package for section in self.sections})


class _InnermostBlockText(HTMLParser):
    """Collects the text of every innermost block element of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[tuple[str, list[str]]] = []
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag not in BLOCK_TAGS or not self._open:
            return
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open:
                open_tag, parts = self._open.pop()
                text = "".join(parts)
                if self._open:
                    # An enclosing block keeps a marker so that it is never taken as prose itself.
                    self._open[-1][1].append("\x00")
                self.blocks.append(text)
                if open_tag == tag:
                    break

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)


def is_newspaper_like(paragraph: str) -> bool:
    """True for a paragraph in normal form that reads like running prose.

    >>> is_newspaper_like("该档案文件包含所有可用的元信息，如软件包的名称和版本，以及在安装之前使用的脚本。")
    True
    >>> is_newspaper_like("运行 apt-get install foo 命令/etc/apt")
    False
    """
    if not 30 <= len(paragraph) <= 420 or paragraph[-1] not in SENTENCE_ENDS:
        return False
    if any(not (char in ALLOWED_ASCII or char in CJK_PUNCTUATION or HAN.match(char)) for char in paragraph):
        return False
    han = len(HAN.findall(paragraph))
    latin = sum(char.isascii() and char.isalpha() for char in paragraph)
    return han >= 0.7 * len(paragraph) and latin <= 0.12 * len(paragraph)


def curl_quotes(text: str) -> str:
    """Turn pairs of ASCII quotes around Chinese text into Chinese quotes.

    >>> curl_quotes("主要在'西方国家'")
    '主要在“西方国家”'
    """
    for quote in "\"'":
        text = re.sub(f"{quote}([^{quote}]{{1,40}}){quote}", r"“\1”", text)
    return text


def paragraphs_of_html(html: str) -> list[str]:
    """Newspaper-like paragraphs of one HTML page, in normal form, in document order."""
    parser = _InnermostBlockText()
    parser.feed(html)
    parser.close()
    found = []
    for raw in parser.blocks:
        if "\x00" in raw:
            continue
        paragraph = to_normal_form(curl_quotes(re.sub(r"\s+", " ", raw).strip()))
        if paragraph and is_newspaper_like(paragraph):
            found.append(paragraph)
    return found


def load_corpus(sources: tuple[CorpusSource, ...] = SOURCES) -> Corpus:
    """Read every installed source; raise :class:`CorpusNotFoundError` when a required one is missing."""
    sections: list[Section] = []
    seen: set[str] = set()
    for source in sources:
        files = sorted(glob.glob(source.pattern))
        if not files:
            if source.required:
                raise CorpusNotFoundError(f"{source.package} is not installed: {INSTALL_HINT}")
            continue
        for path in files:
            paragraphs = []
            for paragraph in paragraphs_of_html(Path(path).read_text(encoding="utf-8", errors="replace")):
                if paragraph not in seen:
                    seen.add(paragraph)
                    paragraphs.append(paragraph)
            if paragraphs:
                sections.append(Section(source.package, Path(path).name, tuple(paragraphs)))
    return Corpus(tuple(sections))


def licences(sources: tuple[CorpusSource, ...] = SOURCES) -> dict[str, str]:
    return {source.package: source.licence for source in sources}


def shared_with(corpus: Corpus, texts: list[str], length: int = 10) -> list[str]:
    """Corpus paragraphs that share a run of ``length`` Han characters with any of ``texts``.

    Used to make sure no text of the seed pages (which acceptance tests use) is in the corpus.
    """
    grams = set()
    for text in texts:
        for run in HAN_RUN.findall(text):
            grams.update(run[start : start + length] for start in range(len(run) - length + 1))
    return [
        paragraph
        for paragraph in corpus.paragraphs
        if any(
            run[start : start + length] in grams
            for run in HAN_RUN.findall(paragraph)
            for start in range(len(run) - length + 1)
        )
    ]
