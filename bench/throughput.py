#!/usr/bin/env python3
"""Throughput and memory of the cleaner on the seed pages repeated to a given size.

usage: python bench/throughput.py [--mb 10] [--stage all|normal-form] [--no-ftfy]

The input is the five seed pages repeated, one page per form feed, to at least
--mb megabytes of UTF-8. It reports MB/s of the whole pipeline (or of the
normal-form rules alone), of `ftfy.fix_text` alone on the same input, the cost per
MB at 1/4 and at the full size (flat means linear), and the peak memory of one
pass (tracemalloc) next to the size of the largest page.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time
import tracemalloc

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.engine.textstage import TextState  # noqa: E402


def build_input(megabytes: float) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for page in seeds:
            pages.append(page)
            size += len(page.encode("utf-8"))
    return pages


def run_pipeline(cleaner: Cleaner, pages: list[str], stage: str) -> None:
    for page in pages:  # page by page, as the pipe streams them
        if stage == "all":
            cleaner.run_page(page, {})
        else:
            state = TextState(page)
            cleaner._normal_form(state, {}, [])


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--stage", choices=["all", "normal-form"], default="all")
    parser.add_argument("--no-ftfy", action="store_true")
    args = parser.parse_args()
    cleaner = Cleaner()
    pages = build_input(args.mb)
    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    run_pipeline(cleaner, pages[:5], args.stage)  # warm caches (OpenCC tables, regexes)

    quarter = pages[: len(pages) // 4]
    quarter_mb = sum(len(p.encode("utf-8")) for p in quarter) / 1e6
    t_quarter = timed(run_pipeline, cleaner, quarter, args.stage)
    t_full = timed(run_pipeline, cleaner, pages, args.stage)
    print(f"input: {len(pages)} pages, {megabytes:.1f} MB (seeds repeated)")
    print(f"{args.stage}: {megabytes / t_full:.2f} MB/s ({t_full:.2f} s)")
    print(f"cost per MB: {t_quarter / quarter_mb:.3f} s at {quarter_mb:.1f} MB, "
          f"{t_full / megabytes:.3f} s at {megabytes:.1f} MB")
    if not args.no_ftfy:
        import ftfy

        t_ftfy = timed(lambda: [ftfy.fix_text(p) for p in pages])
        print(f"ftfy.fix_text alone: {megabytes / t_ftfy:.2f} MB/s; cleaner is {t_ftfy / t_full:.2f}x ftfy")
    largest = max(len(p.encode("utf-8")) for p in pages)
    tracemalloc.start()
    run_pipeline(cleaner, pages[:50], args.stage)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of a pass over 50 pages: {peak / 1e6:.1f} MB; largest page {largest / 1e3:.1f} KB "
          f"({peak / largest:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
