"""How fast a 100-page report opens and becomes usable in headless chromium.

    python bench/report_open.py [--pages 100] [--runs 3] [--keep report.html]

Builds a report of N pages from the seeds (cycled, each later copy starting a few
paragraphs further in, so the pages differ), opens it from disk in Debian's
chromium through playwright, and prints its size and, per run: DOMContentLoaded,
the end of the report script's start-up (`window.reportReady`), the load event,
first contentful paint, and how long one `j` (select the next decision, show it in
context) takes. "Usable" is the largest of start-up, load and first paint.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cleaner import Cleaner
from cleaner.report import Page, render_report

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
CHROMIUM = "/usr/bin/chromium"

TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, ready: window.reportReady,
          fcp: paint ? paint.startTime : null};
}"""

STEP = """() => new Promise(done => {
  const t0 = performance.now();
  document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}));
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
})"""


def pages(count: int) -> list[Page]:
    cleaner = Cleaner()
    texts = [seed.read_text(encoding="utf-8") for seed in SEEDS]
    out = []
    for number in range(count):
        paragraphs = texts[number % len(texts)].split("\n\n")
        skip = (number // len(texts)) % max(1, len(paragraphs) // 2)
        out.append(Page(f"{number:03d}_{SEEDS[number % len(SEEDS)].name}", cleaner.run("\n\n".join(paragraphs[skip:]))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the report here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    html = render_report(pages(args.pages), f"benchmark: {args.pages} pages")
    built = time.perf_counter() - started
    path = Path(tempfile.mkdtemp()) / "report.html"
    path.write_text(html, encoding="utf-8")
    if args.keep:
        args.keep.write_text(html, encoding="utf-8")
    size = path.stat().st_size
    print(f"{args.pages} pages: {size} bytes ({size / 1e6:.2f} MB), built in {built:.1f} s")
    usable: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for run in range(args.runs):
            page = browser.new_page(viewport={"width": 1366, "height": 800})
            wall = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function("window.reportReady !== undefined")
            wall = (time.perf_counter() - wall) * 1000
            t = page.evaluate(TIMINGS)
            step = page.evaluate(STEP)
            ready = max(t["ready"], t["load"], t["fcp"] or 0)
            usable.append(ready)
            print(f"run {run + 1}: DOMContentLoaded {t['dcl']:.0f} ms, script ready {t['ready']:.0f} ms, "
                  f"load {t['load']:.0f} ms, first paint {t['fcp'] or 0:.0f} ms, usable {ready:.0f} ms "
                  f"(wall {wall:.0f} ms); one j step {step:.0f} ms")
            page.close()
        browser.close()
    print(f"median usable: {statistics.median(usable):.0f} ms for {args.pages} pages, {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
