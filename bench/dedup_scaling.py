"""Cost of `dedup-repeats` as a page grows: a 100 KB page and a 1 MB page, seconds per MB.

usage: python bench/dedup_scaling.py [--sizes 100 1000] [--repeats-per-100kb 10] [--pipeline] [--rounds 3]

One page (no form feeds: dedup runs per page, so one long page is the worst case) of
paragraphs from the evaluation corpus (Debian documentation prose, evaluation/), each
paragraph used once as printed and then with a third of its characters replaced at
random, so that the page does not repeat itself except where repeats are injected
(exact copies of a paragraph, at a fixed rate per 100 KB). It times the rule alone
(`find_repeats` on the page as the document stage sees it: one paragraph a line) and,
with --pipeline, the whole cleaner. Flat seconds per MB means linear cost: candidate
pairs come from MinHash sketches of character trigrams, not from all pairs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from cleaner import Cleaner  # noqa: E402
from cleaner.dedup.find import DedupSettings, find_repeats  # noqa: E402
from evaluation.corpus import load_corpus  # noqa: E402


def build_page(kilobytes: int, repeats_per_100kb: int, rng: random.Random, paragraphs: list[str]) -> tuple[str, int]:
    pool = "".join(c for p in paragraphs for c in p if "\u4e00" <= c <= "\u9fff")
    lines: list[str] = []
    size = injected = 0
    every = max(1, int(100_000 / max(1, repeats_per_100kb)))
    next_repeat = every
    while size < kilobytes * 1000:
        source = rng.choice(paragraphs)
        text = "".join(rng.choice(pool) if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.33 else c
                       for c in source)
        lines.append(text)
        size += len(text.encode("utf-8")) + 1
        if repeats_per_100kb and size >= next_repeat and len(lines) > 3:
            lines.append(lines[-rng.randint(2, 3)])
            injected += 1
            next_repeat += every
    return "\n".join(lines) + "\n", injected


def timed(func, *args) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    """CPU seconds of this process (the machine is shared: wall time says more about the others)."""
    start = time.process_time()
    value = func(*args)
    return time.process_time() - start, value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="page sizes in KB")
    parser.add_argument("--repeats-per-100kb", type=int, default=10)
    parser.add_argument("--pipeline", action="store_true", help="also time the whole cleaner")
    parser.add_argument("--rounds", type=int, default=3, help="time each size this often, keep the fastest")
    args = parser.parse_args()
    rng = random.Random(1)
    paragraphs = load_corpus().paragraphs
    settings = DedupSettings()
    cleaner = Cleaner() if args.pipeline else None
    find_repeats("预热一下。\n预热一下。", None, settings)
    for kilobytes in args.sizes:
        page, injected = build_page(kilobytes, args.repeats_per_100kb, rng, paragraphs)
        megabytes = len(page.encode("utf-8")) / 1e6
        lines = page.count("\n")
        runs = [timed(find_repeats, page, None, settings) for _ in range(args.rounds)]
        seconds, found = min(runs, key=lambda run: run[0])  # the least disturbed by other work
        assert isinstance(found, list)
        line = (f"{megabytes * 1000:7.0f} KB, {lines:5d} paragraphs: dedup-repeats {seconds:6.2f} s "
                f"= {seconds / megabytes:5.2f} s/MB; injected {injected}, found {len(found)}")
        if cleaner is not None:
            total, _ = timed(cleaner.run, page)
            line += f"; whole cleaner {total:6.2f} s = {total / megabytes:5.2f} s/MB"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
