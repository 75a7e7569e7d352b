"""How well `dedup-repeats` finds injected repeats, and what it leaves alone.

Pages come from the evaluation generator (evaluation/: Debian documentation prose,
composed into newspaper pages and run through the text-level extractor simulation).
Before simulation each page gets repeats injected into its articles, of six kinds:

  exact      a paragraph printed again, one or two paragraphs later
  opener     the same with its opening clause changed or added (`同时，…`)
  chars      a few characters (1-3) replaced
  ocr        an OCR reading: look-alike characters swapped, some punctuation lost
  sentence   one sentence of a paragraph printed again inside a later paragraph
  tail       the last 10-40 characters of a paragraph printed again at the head of the next
  headline   the headline printed again as the first line of the body

and legitimate repetitions that must stay:

  formula    a short formulaic sentence in two or three paragraphs (`会议强调，要抓好落实。`)
  list       list items with a shared pattern (`一是加强…，提升…。二是加强…，提升…。`)
  quotation  a quotation cited twice with different framing

A removed passage is correct when it lies inside an injected repeat (rapidfuzz
partial ratio >= 90 on keys); an injected repeat is found when removed passages
cover at least 90% of it. Precision = correct removals / removals; recall = found /
injected; char recall = characters of injected repeats covered by removals / all of
them. The curve varies `threshold` at the default `min_chars`, and `min_chars` at the
default threshold. `--whole-paragraphs` prints every paragraph on one line, so that the
layout stage cannot split a copy or glue it to other text: the figure of dedup alone.

    python bench/dedup_scores.py --pages 150 --seed 1
    python bench/dedup_scores.py --pages 150 --seed 1 --no-curve --show-errors
    python bench/dedup_scores.py --pages 200 --seed 1 --whole-paragraphs
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cleaner import Cleaner  # noqa: E402
from cleaner.dedup.sentences import key_of, sentence_bounds  # noqa: E402
from cleaner.engine.profile import load_profile  # noqa: E402
from evaluation.compose import compose_page  # noqa: E402
from evaluation.corpus import load_corpus  # noqa: E402
from evaluation.page import Article, Block, Page  # noqa: E402
from evaluation.pipeline import page_rng, width_of  # noqa: E402
from evaluation.simulate import draw_settings, simulate_page  # noqa: E402

RULE = "dedup-repeats"
REPEAT_KINDS = ("exact", "opener", "chars", "ocr", "sentence", "tail", "headline")
LEGIT_KINDS = ("formula", "list", "quotation")
OPENERS = ("同时，", "此外，", "另外，", "与此同时，", "据介绍，", "文件要求，", "会上要求，")
# Characters OCR engines confuse (each maps to a look-alike).
LOOKALIKES = dict(zip("已己未末人入日曰土士大太千干王玉刀力问间候侯辨辩即既折拆免兔",
                      "己已末未入人曰日士土太大干千玉王力刀间问侯候辩辨既即拆折兔免", strict=True))
FORMULAS = ("会议强调，要抓好落实。", "这是一项民生工程。", "要切实加强统筹协调。", "各地要高度重视。",
            "大家纷纷表示赞同。", "这一做法值得推广。", "要以钉钉子精神抓好落实。", "群众对此普遍满意。")
LIST_VERBS = ("加强", "完善", "健全", "推进", "落实", "提升", "优化", "强化")
LIST_NOUNS = ("队伍建设", "制度建设", "基础设施", "资金保障", "信息平台", "服务网络", "考核评估", "宣传引导",
              "监督检查", "人才培养", "标准规范", "应急处置")
LIST_TAILS = ("提升服务水平", "确保取得实效", "推动工作落地见效", "形成工作合力")
ORDINALS = "一二三四五"
QUOTE_FRAMES = (("报告指出：", "正如报告所说："), ("有关负责人表示：", "他再次强调："), ("文件提出：", "文件还重申："))


@dataclass(frozen=True)
class Injected:
    kind: str
    text: str  # the copy that should be removed (repeats) or kept (legitimate)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_bounds(text)]


def mutate_chars(text: str, rng: random.Random, count: int, pool: str) -> str:
    positions = [i for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff"]
    chars = list(text)
    for i in rng.sample(positions, min(count, len(positions))):
        chars[i] = rng.choice(pool)
    return "".join(chars)


def ocr_variant(text: str, rng: random.Random) -> str:
    out = []
    for char in text:
        if char in LOOKALIKES and rng.random() < 0.6:
            out.append(LOOKALIKES[char])
        elif char in "，、" and rng.random() < 0.15:
            continue
        else:
            out.append(char)
    variant = "".join(out)
    return variant if variant != text else mutate_chars(text, rng, 2, "口日田目白")


def with_opener(text: str, rng: random.Random) -> str:
    opener = rng.choice(OPENERS)
    head = text.split("，", 1)
    if len(head) == 2 and len(head[0]) <= 8:
        return opener + head[1]
    return opener + text


def inject_repeat(kind: str, article: Article, rng: random.Random, pool: str) -> tuple[Article, Injected] | None:
    blocks = list(article.blocks)
    paragraphs = [i for i, b in enumerate(blocks) if b.type == "paragraph" and len(key_of(b.text)) >= 20]
    if not paragraphs:
        return None
    source = rng.choice(paragraphs)
    text = blocks[source].text
    where = min(source + rng.choice((1, 2)), len(blocks))
    if kind == "headline":
        if not article.headline:
            return None
        blocks.insert(0, Block("paragraph", article.headline))
        return replace(article, blocks=blocks), Injected(kind, article.headline)
    if kind in ("exact", "opener", "chars", "ocr"):
        copy = {"exact": lambda: text, "opener": lambda: with_opener(text, rng),
                "chars": lambda: mutate_chars(text, rng, rng.randint(1, 3), pool),
                "ocr": lambda: ocr_variant(text, rng)}[kind]()
        blocks.insert(where, Block("paragraph", copy))
        return replace(article, blocks=blocks), Injected(kind, copy)
    if kind == "sentence":
        long_ones = [s for s in sentences(text) if len(key_of(s)) >= 16]
        later = [i for i in range(source + 1, len(blocks)) if blocks[i].type == "paragraph"]
        if not long_ones or not later:
            return None
        repeated, target = rng.choice(long_ones), rng.choice(later)
        parts = sentences(blocks[target].text)
        cut = rng.randrange(len(parts) + 1)
        blocks[target] = Block("paragraph", "".join(parts[:cut]) + repeated + "".join(parts[cut:]))
        return replace(article, blocks=blocks), Injected(kind, repeated)
    if kind == "tail":
        if source + 1 >= len(blocks) or blocks[source + 1].type != "paragraph":
            return None
        tail = text[-rng.randint(10, min(40, len(text) - 5)):]
        if len(key_of(tail)) < 8:
            return None
        blocks[source + 1] = Block("paragraph", tail + blocks[source + 1].text)
        return replace(article, blocks=blocks), Injected(kind, tail)
    raise ValueError(kind)


def list_paragraph(rng: random.Random) -> str:
    nouns = rng.sample(LIST_NOUNS, 4)
    tail = rng.choice(LIST_TAILS)
    items = [f"{ORDINALS[i]}是{rng.choice(LIST_VERBS)}{nouns[i]}，{tail}。" for i in range(rng.randint(2, 4))]
    return "".join(items)


def inject_legit(
    kind: str, article: Article, rng: random.Random, spare: list[str]
) -> tuple[Article, list[Injected]] | None:
    blocks = list(article.blocks)
    paragraphs = [i for i, b in enumerate(blocks) if b.type == "paragraph"]
    if kind == "list":
        text = list_paragraph(rng)
        blocks.insert(rng.randrange(len(blocks) + 1), Block("paragraph", text))
        return replace(article, blocks=blocks), [Injected(kind, s) for s in sentences(text)]
    if len(paragraphs) < 2:
        return None
    if kind == "formula":
        formula = rng.choice(FORMULAS)
        chosen = rng.sample(paragraphs, min(len(paragraphs), rng.choice((2, 3))))
        for i in chosen:
            blocks[i] = Block("paragraph", blocks[i].text + formula)
        return replace(article, blocks=blocks), [Injected(kind, formula)] * len(chosen)
    if kind == "quotation":
        quotable = [s for p in rng.sample(spare, 20) for s in sentences(p) if 15 <= len(key_of(s)) <= 50]
        if not quotable:
            return None
        quote = rng.choice(quotable).rstrip("。！？")
        first, second = rng.choice(QUOTE_FRAMES)
        a, b = sorted(rng.sample(paragraphs, 2))
        blocks[a] = Block("paragraph", blocks[a].text + f"{first}“{quote}。”")
        blocks[b] = Block("paragraph", f"{second}“{quote}。”" + blocks[b].text)
        return replace(article, blocks=blocks), [Injected(kind, quote)]
    raise ValueError(kind)


@dataclass
class Case:
    text: str
    repeats: list[Injected]
    legit: list[Injected]


def make_cases(pages: int, seed: int, whole_paragraphs: bool = False) -> list[Case]:
    corpus = load_corpus()
    pool = "".join(c for p in corpus.paragraphs[:50] for c in p if "\u4e00" <= c <= "\u9fff")
    cases = []
    for number in range(pages):
        rng = page_rng(seed, "dedup", number)
        width = width_of(number)
        page = compose_page(corpus, rng, width)
        articles = list(page.articles)
        repeats: list[Injected] = []
        legit: list[Injected] = []
        for index, article in enumerate(articles):
            kind = rng.choice(REPEAT_KINDS + LEGIT_KINDS + ("none",))
            if kind in REPEAT_KINDS:
                made = inject_repeat(kind, article, rng, pool)
                if made:
                    articles[index], injected = made
                    repeats.append(injected)
            elif kind in LEGIT_KINDS:
                made_legit = inject_legit(kind, article, rng, corpus.paragraphs)
                if made_legit:
                    articles[index], found = made_legit
                    legit.extend(found)
        settings = replace(draw_settings(rng, width), duplicate_paragraph=False)
        if whole_paragraphs:  # the layout cannot split or glue a copy: what dedup alone does
            settings = replace(settings, line_breaks="paragraph_per_line", blank_rate=0.0, column_edge_rate=0.0,
                               headline_split_rate=0.0, markdown_headings=False)
        text, _ = simulate_page(Page(articles, page.fragments), width, rng, settings)
        cases.append(Case(text, repeats, legit))
    return cases


def inside(removed_key: str, injected_key: str) -> bool:
    return bool(removed_key) and len(removed_key) <= len(injected_key) + 4 and (
        fuzz.partial_ratio(removed_key, injected_key) >= 90)


@dataclass
class Score:
    removals: int = 0
    correct: int = 0
    injected: int = 0
    found: int = 0
    legit_hit: int = 0
    injected_chars: int = 0
    removed_again: int = 0  # pages where cleaning the output again removes more
    found_chars: int = 0
    missed: Counter[str] | None = None

    @property
    def char_recall(self) -> float:
        return self.found_chars / self.injected_chars if self.injected_chars else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.removals if self.removals else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.injected if self.injected else 1.0


def score(cases: list[Case], cleaner: Cleaner, errors: list[str] | None = None, twice: bool = False) -> Score:
    result = Score(missed=Counter())
    for case in cases:
        cleaned = cleaner.run(case.text)
        removed = [r.text for r in cleaned.document.removed]
        if twice and cleaner.run(cleaned.text).document.removed:
            result.removed_again += 1
        keys = [key_of(t) for t in removed]
        result.removals += len(removed)
        injected_keys = [key_of(i.text) for i in case.repeats]
        for text, key in zip(removed, keys, strict=True):
            if any(inside(key, ik) for ik in injected_keys):
                result.correct += 1
            else:
                if any(inside(key, key_of(i.text)) or inside(key_of(i.text), key) for i in case.legit):
                    result.legit_hit += 1
                if errors is not None:
                    errors.append(f"WRONG   {text[:70]}")
        for injected, ikey in zip(case.repeats, injected_keys, strict=True):
            covered = sum(len(k) for k in keys if inside(k, ikey))
            result.injected += 1
            result.injected_chars += len(ikey)
            result.found_chars += min(covered, len(ikey))
            if covered >= 0.9 * len(ikey):
                result.found += 1
            else:
                result.missed[injected.kind] += 1
                if errors is not None:
                    errors.append(f"MISSED  {injected.kind}: {injected.text[:70]}")
    return result


def cleaner_with(min_chars: int | None = None, threshold: float | None = None) -> Cleaner:
    profile = load_profile()
    settings = dict(profile.settings.get(RULE, {}))
    if min_chars is not None:
        settings["min_chars"] = min_chars
    if threshold is not None:
        settings["threshold"] = threshold
    return Cleaner(replace(profile, settings={**profile.settings, RULE: settings}))


def line(label: str, result: Score) -> str:
    return (f"{label:<22} removals {result.removals:5d}  precision {result.precision:.4f}  "
            f"recall {result.recall:.4f} ({result.found}/{result.injected})  char recall {result.char_recall:.4f}  "
            f"legit removed {result.legit_hit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-curve", action="store_true", help="only the profile's settings")
    parser.add_argument("--show-errors", action="store_true", help="print wrong and missed passages")
    parser.add_argument("--whole-paragraphs", action="store_true",
                        help="one paragraph a line: the layout cannot split or glue the copies")
    args = parser.parse_args()
    began = time.perf_counter()
    cases = make_cases(args.pages, args.seed, args.whole_paragraphs)
    kinds = Counter(i.kind for c in cases for i in c.repeats)
    legit = Counter(i.kind for c in cases for i in c.legit)
    print(f"{len(cases)} pages; injected repeats {dict(kinds)}; legitimate repetitions {dict(legit)}")
    defaults = load_profile().settings.get(RULE, {})
    errors: list[str] = []
    result = score(cases, cleaner_with(), errors if args.show_errors else None, twice=True)
    print(line(f"profile {defaults.get('min_chars')}/{defaults.get('threshold')}", result))
    print(f"  pages where cleaning the output again removes more: {result.removed_again} of {len(cases)}")
    print(f"  missed by kind: {dict(result.missed or {})}")
    for error in errors:
        print("  " + error)
    if not args.no_curve:
        print("threshold curve (min_chars as in the profile):")
        for threshold in (75, 80, 85, 88, 90, 92, 94, 96, 98, 100):
            print(line(f"  threshold {threshold}", score(cases, cleaner_with(threshold=threshold))))
        print("min_chars curve (threshold as in the profile):")
        for min_chars in (4, 6, 8, 10, 12, 15, 20, 30):
            print(line(f"  min_chars {min_chars}", score(cases, cleaner_with(min_chars=min_chars))))
    print(f"{time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
