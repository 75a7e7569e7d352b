#!/usr/bin/env python3
"""Throughput and memory of the cleaner on the seed pages repeated to a given size.

usage: python bench/throughput.py [--mb 10] [--stage all|normal-form] [--no-ftfy] [--stages] [--flat 0.1,1,10]

The input is the five seed pages repeated, one page per form feed, to at least
--mb megabytes of UTF-8. It reports MB/s of the whole pipeline (or of the
normal-form rules alone), of `ftfy.fix_text` alone on the same input, the cost per
MB at 1/4 and at the full size (flat means linear), and the peak memory of one
pass (tracemalloc) next to the size of the largest page. Times are wall-clock; the CPU
time of the process is printed too (on a shared machine it is the steadier figure).

--stages adds the share of each stage (normal form, layout plan, assembly, the rest).
--flat runs `Cleaner.run` on whole documents (pages joined by form feeds) of the given
sizes in MB and prints the cost per MB and the peak memory of each: flat means linear.
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
from cleaner.normalize.ocr import detect_source  # noqa: E402


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
            cleaner.run(page)  # the library call: source decision, then the page
        else:
            # The normal form as `run` gives it: with the page's source decided (without
            # it, the OCR rules act as on OCR text, as in their examples).
            source = detect_source(page).evidence
            state = TextState(page)
            cleaner._normal_form(state, {"source": source["source"], "form-feeds": source["form_feeds_separate"]}, [])


def timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def cpu_timed(func, *args) -> float:
    start = time.process_time()
    func(*args)
    return time.process_time() - start


def stage_times(cleaner: Cleaner, pages: list[str]) -> dict[str, float]:
    """CPU seconds spent in each stage of `run_page` over `pages` (the methods are wrapped
    on this instance only)."""
    import cleaner.pipeline as pipeline

    spent: dict[str, float] = {}

    def wrap(owner, name: str, key: str):
        original = getattr(owner, name)

        def wrapped(*args, **kwargs):
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[key] = spent.get(key, 0.0) + time.process_time() - start

        setattr(owner, name, wrapped)
        return original

    saved = wrap(pipeline, "plan_blocks", "layout plan")
    wrap(cleaner, "_normal_form", "normal form (before and after layout)")
    wrap(cleaner, "_assemble", "assembly into articles")
    try:
        total = cpu_timed(run_pipeline, cleaner, pages, "all")
    finally:
        pipeline.plan_blocks = saved
        for name in ("_normal_form", "_assemble"):
            delattr(cleaner, name)
    spent["rest (layout edits, block and document rules, placing)"] = total - sum(spent.values())
    spent["total"] = total
    return spent


def flatness(cleaner: Cleaner, sizes: list[float]) -> None:
    """Cost per MB and peak memory of whole documents of growing size."""
    for size in sizes:
        document = "\f".join(build_input(size))
        megabytes = len(document.encode("utf-8")) / 1e6
        seconds = cpu_timed(cleaner.run, document)
        tracemalloc.start()
        cleaner.run(document)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"document of {megabytes:5.1f} MB: {seconds / megabytes:.3f} s/MB (cpu), "
              f"peak memory {peak / 1e6:.1f} MB ({peak / len(document.encode('utf-8')):.1f}x the document)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--stage", choices=["all", "normal-form"], default="all")
    parser.add_argument("--no-ftfy", action="store_true")
    parser.add_argument("--stages", action="store_true", help="CPU time per stage of the whole pipeline")
    parser.add_argument("--flat", help="comma-separated document sizes in MB for Cleaner.run, e.g. 0.1,1,10")
    args = parser.parse_args()
    cleaner = Cleaner()
    pages = build_input(args.mb)
    megabytes = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    run_pipeline(cleaner, pages[:5], args.stage)  # warm caches (OpenCC tables, regexes)

    quarter = pages[: len(pages) // 4]
    quarter_mb = sum(len(p.encode("utf-8")) for p in quarter) / 1e6
    t_quarter = timed(run_pipeline, cleaner, quarter, args.stage)
    cpu_start = time.process_time()
    t_full = timed(run_pipeline, cleaner, pages, args.stage)
    cpu_full = time.process_time() - cpu_start
    print(f"input: {len(pages)} pages, {megabytes:.1f} MB (seeds repeated)")
    print(f"{args.stage}: {megabytes / t_full:.2f} MB/s ({t_full:.2f} s)")
    print(f"cost per MB: {t_quarter / quarter_mb:.3f} s at {quarter_mb:.1f} MB, "
          f"{t_full / megabytes:.3f} s at {megabytes:.1f} MB")
    print(f"cpu time: {megabytes / cpu_full:.2f} MB/s ({cpu_full / megabytes:.3f} s/MB)")
    if not args.no_ftfy:
        import ftfy

        cpu_start = time.process_time()
        t_ftfy = timed(lambda: [ftfy.fix_text(p) for p in pages])
        cpu_ftfy = time.process_time() - cpu_start
        print(f"ftfy.fix_text alone: {megabytes / t_ftfy:.2f} MB/s; cleaner is {t_ftfy / t_full:.2f}x ftfy")
        print(f"ftfy.fix_text alone, cpu time: {megabytes / cpu_ftfy:.2f} MB/s; "
              f"cleaner is {cpu_ftfy / cpu_full:.2f}x ftfy")
    largest = max(len(p.encode("utf-8")) for p in pages)
    tracemalloc.start()
    run_pipeline(cleaner, pages[:50], args.stage)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory of a pass over 50 pages: {peak / 1e6:.1f} MB; largest page {largest / 1e3:.1f} KB "
          f"({peak / largest:.0f}x)")
    if args.stages and args.stage == "all":
        spent = stage_times(cleaner, pages)
        for name, seconds in spent.items():
            print(f"stage {name}: {seconds / megabytes:.3f} s/MB ({seconds / spent['total']:.0%})")
    if args.flat:
        flatness(cleaner, [float(size) for size in args.flat.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
