#!/usr/bin/env python3
"""Dump the cleaner's full JSON (document, changes, decisions) for a fixed set of
inputs, and compare two dumps: a speed-up must not change a byte of output.

    python bench/regression_dump.py dump before/          # seeds, noisy seeds, generated pages, random texts
    python bench/regression_dump.py dump after/ --pdf 5   # also 5 PDF pages per installed extractor
    python bench/regression_dump.py compare before/ after/

The inputs: every seed page alone and all seeds as one form-feed separated text;
the seeds with extractor noise added (half-width punctuation, full-width digits,
spaces, invisible characters, CR LF, mojibake, traditional characters), every
rule example run through the whole pipeline, pages from the evaluation generator
(as `bench/layout_scores.py --kind simulated` makes them) and random texts built
from the same pieces as the property tests.
"""

from __future__ import annotations

import argparse
import hashlib
import pathlib
import random
import sys
from collections.abc import Iterator

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402

PIECES = [
    "会议", "指出", "民政", "工作", "社会救助", "儿童", "近日", "召开", "來", "經", "爲",
    "2025", "３", "ＴＨＡＮＫ", "THANK", "YOU", "12", "1,000", "3.5",
    "，", "。", "、", "：", "；", "！", "？", "“", "”", "（", "）", "《", "》",
    ",", ".", ":", ";", "!", "?", "(", ")", '"', "'", "-", "■", "#",
    " ", "  ", "\u3000", "\n", "\n\n", "\t", "\u200b", "\u00ad", "\ufeff", "\f",
    "æ°\u0091æ\u0094¿", "姘戞斂", "\u2f8a", "Cafe\u0301", "\r\n", "—", "\u00a0",
]


def seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def noisy(text: str, rng: random.Random) -> str:
    """The page as a careless extractor might give it: each line gets one kind of noise."""
    from cleaner.normalize.script import converter

    s2t = converter("s2t").convert
    lines = []
    for line in text.split("\n"):
        roll = rng.random()
        if roll < 0.08:
            line = line.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")")
        elif roll < 0.14:
            line = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in line)
        elif roll < 0.2 and line:
            cut = rng.randrange(len(line) + 1)
            line = line[:cut] + rng.choice([" ", "  ", "\u200b", "\u00ad", "\t", "\u3000"]) + line[cut:]
        elif roll < 0.23:
            line = line.encode("utf-8").decode("latin-1", errors="replace")
        elif roll < 0.26:
            line = line.encode("utf-8").decode("gbk", errors="replace")
        elif roll < 0.3:
            line = s2t(line)
        elif roll < 0.33:
            line = line.replace("“", '"').replace("”", '"')
        elif roll < 0.36:
            line += "\r"
        lines.append(line)
    return "\n".join(lines)


def random_texts(count: int, rng: random.Random) -> Iterator[str]:
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 80)))


def rule_examples() -> Iterator[str]:
    from cleaner.engine.rule import REGISTRY

    for rule in REGISTRY.values():
        for example in rule.examples:
            yield example.before
            yield example.after


def generated(pages: int, seed: int, pdf: int) -> Iterator[tuple[str, str]]:
    try:
        from evaluation.corpus import load_corpus
        from evaluation.pipeline import pdf_cases, simulated_cases
    except ImportError as error:
        print(f"no generated pages: {error}", file=sys.stderr)
        return
    corpus = load_corpus()
    for case in simulated_cases(corpus, pages, seed):
        yield case.page_id, case.text
    if pdf:
        from evaluation.extract import available_extractors
        from evaluation.typeset import find_cjk_font

        for case in pdf_cases(corpus, pdf, seed, available_extractors(), find_cjk_font()):
            yield case.page_id, case.text


def cases(pages: int, seed: int, pdf: int, randoms: int) -> Iterator[tuple[str, str]]:
    pages_of_seeds = seeds()
    for index, text in enumerate(pages_of_seeds):
        yield f"seed-{index}", text
    yield "seeds-all", "\f".join(pages_of_seeds)
    rng = random.Random(seed)
    for round_ in range(4):
        for index, text in enumerate(pages_of_seeds):
            yield f"noisy-{round_}-{index}", noisy(text, rng)
    for index, text in enumerate(rule_examples()):
        yield f"example-{index:04d}", text
    for index, text in enumerate(random_texts(randoms, rng)):
        yield f"random-{index:05d}", text
    yield from generated(pages, seed, pdf)


def dump(folder: pathlib.Path, pages: int, seed: int, pdf: int, randoms: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner()
    count = 0
    for name, text in cases(pages, seed, pdf, randoms):
        result = cleaner.run(text)
        output = result.to_json()
        # Cleaning the output again is part of the behaviour (idempotence) too.
        again = cleaner.run(result.text).to_json()
        (folder / f"{name}.json").write_text(output + "\n\n" + again + "\n", encoding="utf-8")
        (folder / f"{name}.in").write_text(text, encoding="utf-8")
        count += 1
    print(f"{count} outputs written to {folder}")


def compare(before: pathlib.Path, after: pathlib.Path) -> int:
    names = sorted(p.name for p in before.glob("*.json"))
    other = {p.name for p in after.glob("*.json")}
    differ = [n for n in names if n not in other
              or (before / n).read_bytes() != (after / n).read_bytes()]
    missing = sorted(other - set(names))
    for name in differ[:20]:
        print(f"differs: {name}")
    digest = hashlib.sha256(b"".join((before / n).read_bytes() for n in names)).hexdigest()[:16]
    print(f"{len(names)} compared, {len(differ)} differ, {len(missing)} only in {after} (digest {digest})")
    return 1 if differ or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("folder", type=pathlib.Path)
    dumping.add_argument("--pages", type=int, default=200, help="generated (simulated) pages")
    dumping.add_argument("--seed", type=int, default=1)
    dumping.add_argument("--pdf", type=int, default=0, help="PDF pages (each read by every extractor)")
    dumping.add_argument("--random", type=int, default=2000, help="random texts from property-test pieces")
    comparing = sub.add_parser("compare")
    comparing.add_argument("before", type=pathlib.Path)
    comparing.add_argument("after", type=pathlib.Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.folder, args.pages, args.seed, args.pdf, args.random)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
