"""Scoring the cleaner's JSON output against the truth of a generated page.

All functions are pure. Text is compared in :func:`~evaluation.text.comparison_form`
(NFC, whitespace and invisible characters dropped); every other difference counts.

Definitions
-----------
Articles are matched by body text: the similarity of two articles is the number
of character bigrams their bodies (paragraph and subhead blocks) share.

Paragraph boundaries
    The *body stream* of a page is the comparison form of every paragraph and
    subhead block, article after article, concatenated. A boundary is the offset
    in that stream where a block ends (the end of the stream is not counted).
    The output's articles are put in the order of the truth articles they match,
    and its body stream is aligned with the truth's by a minimal Levenshtein
    alignment; each output boundary is carried through the alignment to a truth
    offset. A truth boundary is found when some output boundary lands exactly on
    it. Precision = found truth boundaries / output boundaries, recall = found
    truth boundaries / truth boundaries. Small text errors elsewhere do not move
    a boundary; an extra block boundary (a paragraph wrongly split, a byline left
    as a paragraph) lowers precision, a missing one (two paragraphs glued) lowers
    recall.
Headlines
    The key of an article's headline is the comparison form of kicker + headline
    (so a kicker given separately or kept in the headline after a space count the
    same). Headlines are matched as multisets of keys.
Headline attached
    A truth article's headline is attached right when the output article holding
    most of its body (by shared bigrams) has the same headline key.
Character error rate
    Levenshtein distance between the comparison forms of the whole output text
    (each article's kicker, headline, byline, blocks and source, articles in
    matched order, then fragments) and the whole truth text, divided by the
    length of the truth text. A byline's ``■`` and the brackets around a source
    credit are not counted.
Characters wrong, order aside
    The bag distance of the same two texts (the larger of the two multiset differences,
    a lower bound of the edit distance) over the truth length: the character error rate
    with placement left out. What the character error rate adds to it is text put in
    the wrong place (an article's paragraphs in another article, a headline on the
    wrong article).
Han characters lost
    The multiset difference truth − output of Han characters, where the output
    is every string anywhere in the JSON (fragments and removed passages too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any

from rapidfuzz.distance import Levenshtein

from evaluation.page import Article, Page
from evaluation.text import comparison_form, han_counts

BODY_BLOCK_TYPES = ("paragraph", "subhead")
Matrix = list[list[int]]


@dataclass(frozen=True)
class PageScore:
    """Counts for one page; add PageScores to aggregate them (micro-average)."""

    boundaries_true: int = 0
    boundaries_output: int = 0
    boundaries_found: int = 0
    headlines_true: int = 0
    headlines_output: int = 0
    headlines_found: int = 0
    headlines_to_attach: int = 0
    headlines_attached: int = 0
    edit_distance: int = 0
    bag_distance: int = 0
    truth_length: int = 0
    han_lost: int = 0
    han_total: int = 0
    pages: int = 1

    def __add__(self, other: PageScore) -> PageScore:
        return PageScore(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def boundary_precision(self) -> float:
        return _ratio(self.boundaries_found, self.boundaries_output, self.boundaries_true == 0)

    @property
    def boundary_recall(self) -> float:
        return _ratio(self.boundaries_found, self.boundaries_true, self.boundaries_output == 0)

    @property
    def boundary_f1(self) -> float:
        return _f1(self.boundary_precision, self.boundary_recall)

    @property
    def headline_precision(self) -> float:
        return _ratio(self.headlines_found, self.headlines_output, self.headlines_true == 0)

    @property
    def headline_recall(self) -> float:
        return _ratio(self.headlines_found, self.headlines_true, self.headlines_output == 0)

    @property
    def headline_f1(self) -> float:
        return _f1(self.headline_precision, self.headline_recall)

    @property
    def attached_share(self) -> float:
        return _ratio(self.headlines_attached, self.headlines_to_attach, True)

    @property
    def character_error_rate(self) -> float:
        return _ratio(self.edit_distance, self.truth_length, self.edit_distance == 0)

    @property
    def character_bag_rate(self) -> float:
        return _ratio(self.bag_distance, self.truth_length, self.bag_distance == 0)

    @property
    def badness(self) -> float:
        """One number to rank pages by, worst first: the shortfalls from the targets added up."""
        return (
            (1 - self.boundary_f1)
            + (1 - self.headline_f1)
            + (1 - self.attached_share)
            + 10 * self.character_error_rate
            + (1 if self.han_lost else 0)
        )

    def summary(self) -> dict[str, float | int]:
        return {
            "pages": self.pages,
            "paragraph_boundary_precision": self.boundary_precision,
            "paragraph_boundary_recall": self.boundary_recall,
            "paragraph_boundary_f1": self.boundary_f1,
            "headline_precision": self.headline_precision,
            "headline_recall": self.headline_recall,
            "headline_f1": self.headline_f1,
            "headline_attached_share": self.attached_share,
            "character_error_rate": self.character_error_rate,
            "character_bag_rate": self.character_bag_rate,
            "han_lost": self.han_lost,
            "han_total": self.han_total,
        }


def _ratio(numerator: int, denominator: int, empty_is_perfect: bool) -> float:
    if denominator:
        return numerator / denominator
    return 1.0 if empty_is_perfect else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def articles_of(output: dict[str, Any]) -> list[Article]:
    """The output's articles, tolerating missing fields."""
    return [Article.from_dict(article) for article in output.get("articles", []) if isinstance(article, dict)]


def body_blocks(article: Article) -> list[str]:
    """Comparison forms of an article's paragraph and subhead blocks (empty ones dropped)."""
    texts = (comparison_form(block.text) for block in article.blocks if block.type in BODY_BLOCK_TYPES)
    return [text for text in texts if text]


def body_stream(articles: Iterable[Article]) -> tuple[str, list[int]]:
    """The concatenated body stream and the offsets where blocks end (not the stream's own end).

    >>> from evaluation.page import Block
    >>> body_stream([Article("H", [Block("paragraph", "甲乙"), Block("paragraph", "丙")])])
    ('甲乙丙', [2])
    """
    stream, ends = "", []
    for article in articles:
        for text in body_blocks(article):
            stream += text
            ends.append(len(stream))
    return stream, ends[:-1]


def bigrams(text: str) -> Counter[str]:
    return Counter(text[index : index + 2] for index in range(len(text) - 1))


def similarity_matrix(truth: list[Article], output: list[Article]) -> Matrix:
    """Shared body bigrams of every (truth, output) article pair."""
    truth_grams = [bigrams("".join(body_blocks(article))) for article in truth]
    output_grams = [bigrams("".join(body_blocks(article))) for article in output]
    return [[(t & o).total() for o in output_grams] for t in truth_grams]


def output_order(similarity: Matrix, output_count: int) -> list[int]:
    """Output article indices sorted by the truth article each matches best (unmatched ones last)."""

    def key(index: int) -> tuple[int, int]:
        column = [row[index] for row in similarity]
        best = max(range(len(column)), key=column.__getitem__) if column else 0
        return (best if column and column[best] else len(similarity), index)

    return sorted(range(output_count), key=key)


def map_offsets(source: str, target: str, offsets: list[int], prefer: frozenset[int] = frozenset()) -> list[int]:
    """Carry offsets in ``source`` to ``target`` through a minimal Levenshtein alignment.

    Where ``target`` has characters that ``source`` lacks right at an offset (an OCR
    engine dropped an opening quote at a paragraph start), every place in that gap is
    as good: one in ``prefer`` (the truth's own boundaries) is taken, else its end.

    >>> map_offsets("甲乙X丙丁", "甲乙丙丁", [3])
    [2]
    >>> map_offsets("甲乙丙丁", "甲乙X丙丁", [2])
    [3]
    >>> map_offsets("甲乙丙丁", "甲乙X丙丁", [2], prefer=frozenset({2}))
    [2]
    """
    all_opcodes = list(Levenshtein.opcodes(source, target))
    # Where each op's characters of ``target`` start, counting the target-only
    # characters just before it (the gap an offset at its start may land in).
    gap_start: dict[int, int] = {}
    pending: int | None = None
    opcodes = []
    for op in all_opcodes:
        if op.src_end == op.src_start:  # target-only characters
            pending = op.dest_start if pending is None else pending
            continue
        gap_start[len(opcodes)] = op.dest_start if pending is None else pending
        pending = None
        opcodes.append(op)
    mapped = []
    position = 0
    for offset in sorted(offsets):
        while position < len(opcodes) and opcodes[position].src_end <= offset:
            position += 1
        if position == len(opcodes):
            start = len(target) if pending is None else pending
            mapped.append(next((p for p in range(start, len(target) + 1) if p in prefer), len(target)))
            continue
        op = opcodes[position]
        if op.tag == "delete":
            mapped.append(op.dest_start)
        elif offset == op.src_start:
            start = gap_start[position]
            mapped.append(next((p for p in range(start, op.dest_start + 1) if p in prefer), op.dest_start))
        else:
            mapped.append(op.dest_start + min(offset - op.src_start, op.dest_end - op.dest_start))
    return mapped


def boundary_counts(truth: list[Article], ordered_output: list[Article]) -> tuple[int, int, int]:
    """(truth boundaries, output boundaries, truth boundaries found)."""
    truth_stream, truth_ends = body_stream(truth)
    output_stream, output_ends = body_stream(ordered_output)
    landed = set(map_offsets(output_stream, truth_stream, output_ends, frozenset(truth_ends)))
    return len(truth_ends), len(output_ends), len(landed & set(truth_ends))


def headline_key(article: Article) -> str | None:
    key = comparison_form((article.kicker or "") + (article.headline or ""))
    return key or None


def headline_counts(truth: list[Article], output: list[Article]) -> tuple[int, int, int]:
    """(truth headlines, output headlines, matched headlines)."""
    truth_keys = Counter(key for key in map(headline_key, truth) if key)
    output_keys = Counter(key for key in map(headline_key, output) if key)
    return truth_keys.total(), output_keys.total(), (truth_keys & output_keys).total()


def attachment_counts(truth: list[Article], output: list[Article], similarity: Matrix) -> tuple[int, int]:
    """(truth articles with a headline, those whose body-holding output article carries that headline)."""
    to_attach = attached = 0
    for truth_index, article in enumerate(truth):
        key = headline_key(article)
        if key is None:
            continue
        to_attach += 1
        row = similarity[truth_index]
        if not row or max(row) == 0:
            continue
        holder = output[max(range(len(row)), key=row.__getitem__)]
        attached += headline_key(holder) == key
    return to_attach, attached


def bag_distance(first: str, second: str) -> int:
    """Edits needed if order did not matter: the larger multiset difference.

    >>> bag_distance("甲乙丙", "丙甲乙"), bag_distance("甲乙丙", "甲丁")
    (0, 2)
    """
    a, b = Counter(first), Counter(second)
    return max((a - b).total(), (b - a).total())


def article_text(article: Article) -> str:
    """All text of an article in reading order, as the character error rate compares it."""
    byline = (article.byline or "").replace("■", "")
    source = (article.source or "").strip().strip("（）()")
    parts = [article.kicker or "", article.headline or "", byline]
    parts.extend(block.text for block in article.blocks)
    parts.append(source)
    return comparison_form("".join(parts))


def strings_in(value: Any) -> Iterator[str]:
    """Every string value anywhere in a JSON-like structure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def han_lost(truth: Page, output: dict[str, Any]) -> tuple[int, int]:
    """(Han characters of the truth missing from the output, Han characters of the truth)."""
    truth_han = han_counts("".join(strings_in(truth.to_dict())))
    output_han = han_counts("".join(strings_in(output)))
    return (truth_han - output_han).total(), truth_han.total()


def score_page(truth: Page, output: dict[str, Any]) -> PageScore:
    """Score the cleaner's JSON ``output`` for one page against its ``truth``."""
    output_articles = articles_of(output)
    similarity = similarity_matrix(truth.articles, output_articles)
    ordered = [output_articles[index] for index in output_order(similarity, len(output_articles))]
    boundaries = boundary_counts(truth.articles, ordered)
    headlines = headline_counts(truth.articles, output_articles)
    to_attach, attached = attachment_counts(truth.articles, output_articles, similarity)
    truth_text = "".join(map(article_text, truth.articles)) + comparison_form("".join(truth.fragments))
    output_fragments = [item for item in output.get("fragments", []) if isinstance(item, str)]
    output_text = "".join(map(article_text, ordered)) + comparison_form("".join(output_fragments))
    lost, han_total = han_lost(truth, output)
    return PageScore(
        boundaries_true=boundaries[0],
        boundaries_output=boundaries[1],
        boundaries_found=boundaries[2],
        headlines_true=headlines[0],
        headlines_output=headlines[1],
        headlines_found=headlines[2],
        headlines_to_attach=to_attach,
        headlines_attached=attached,
        edit_distance=Levenshtein.distance(output_text, truth_text),
        bag_distance=bag_distance(output_text, truth_text),
        truth_length=len(truth_text),
        han_lost=lost,
        han_total=han_total,
    )
