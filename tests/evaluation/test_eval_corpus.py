"""Reading prose paragraphs out of documentation HTML."""

from __future__ import annotations

import pytest

from evaluation.corpus import (
    CorpusNotFoundError,
    CorpusSource,
    is_newspaper_like,
    load_corpus,
    paragraphs_of_html,
)

GOOD = "这是一段用来测试的说明文字，它由完整的句子组成，并且使用中文标点符号。第二句话也在这里结束。"
HTML = f"""<html><body>
<div class="section"><h2>第一节 标题</h2>
<div class="para"> {GOOD} </div>
<div class="para">运行 <code>apt-get install foo</code> 命令，在/etc/apt目录里。</div>
<p>太短的段落。</p>
<div class="para">外层<div class="para">{GOOD}</div></div>
</div></body></html>"""


def test_only_innermost_prose_blocks_are_kept() -> None:
    assert paragraphs_of_html(HTML) == [GOOD, GOOD]


def test_newspaper_like_filter() -> None:
    assert is_newspaper_like(GOOD)
    assert not is_newspaper_like(GOOD[:-1])  # no sentence end
    assert not is_newspaper_like("Debian uses apt and dpkg to manage packages，这是工具。")


def test_load_corpus_reads_sources_and_dedups(tmp_path) -> None:
    (tmp_path / "a.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    source = CorpusSource("test-package", str(tmp_path / "*.html"), "test licence", required=True)
    corpus = load_corpus((source,))
    assert corpus.paragraphs == [GOOD]
    assert corpus.packages == ["test-package"]


def test_a_missing_required_source_says_how_to_install_it(tmp_path) -> None:
    with pytest.raises(CorpusNotFoundError, match=r"install_corpus\.sh"):
        load_corpus((CorpusSource("absent", str(tmp_path / "none" / "*.html"), "x", required=True),))
