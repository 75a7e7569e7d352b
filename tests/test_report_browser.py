"""The report of the seeds in a real browser (Debian's chromium, headless, driven by playwright).

Skips when chromium or playwright is missing, except in CI (`CI` set), where it fails.
Screenshots go to the test's temp dir, and to $REPORT_SCREENSHOTS when that is set.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import Cleaner
from cleaner.report import Page, render_report
from cleaner.report.decisions import checks
from tests.conftest import SEEDS

CHROMIUM = Path("/usr/bin/chromium")
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}

COUNT_MARKS = """() => {
  const rules = JSON.parse(document.getElementById('rules-data').textContent);
  return [...document.querySelectorAll('section.page')].map(section => {
    const counts = {};
    section.querySelectorAll('del').forEach(d => {
      const name = rules[+/\\br(\\d+)\\b/.exec(d.className)[1]][0];
      counts[name] = (counts[name] || 0) + 1;
    });
    return counts;
  });
}"""

TABLE = """() => [...document.querySelectorAll('section.page')].map(section => Object.fromEntries(
  [...section.querySelectorAll('td.num')].map(td => [td.dataset.rule, +td.textContent])))"""


def _browser_or_skip() -> Any:
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "playwright is not installed (pip install -e '.[dev]')"
    if missing is None and not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium chromium-driver)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run in CI: {missing}")
        pytest.skip(missing)
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _browser_or_skip()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    cleaner = Cleaner()
    pages = [Page(seed.name, cleaner.run(seed.read_text(encoding="utf-8"))) for seed in SEEDS]
    path = tmp_path_factory.mktemp("report") / "seeds.html"
    path.write_text(render_report(pages, "seeds"), encoding="utf-8")
    return path, pages


def _open(browser: Any, path: Path, viewport: dict[str, int]) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: errors.append(f"request {request.url}")
            if not request.url.startswith(("file:", "data:", "about:")) else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.reportReady !== undefined")
    return page, errors


def _screenshot(page: Any, directory: Path, name: str) -> None:
    target = directory / f"{name}.png"
    page.screenshot(path=str(target))
    keep = os.environ.get("REPORT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / target.name)


def _selected(page: Any) -> str:
    return page.eval_on_selector("#checks", "l => l.querySelector('[aria-selected=true]').id")


def test_report_in_chromium_on_a_laptop(browser: Any, seed_report: tuple[Path, list[Any]], tmp_path: Path) -> None:
    path, pages = seed_report
    page, errors = _open(browser, path, LAPTOP)
    records = [Counter(c.rule for c in p.result.changes) for p in pages]
    assert page.evaluate(COUNT_MARKS) == [dict(r) for r in records]  # each change marked once, with its rule
    assert page.evaluate(TABLE) == [dict(r) for r in records]
    all_checks = sorted(c.confidence for p in pages for c in checks(p.result))
    shown = page.eval_on_selector_all("#checks li .conf", "cs => cs.map(c => +c.textContent)")
    assert shown == [round(c, 2) for c in all_checks]

    page.keyboard.press("j")
    assert _selected(page) == "c0"
    first_what = page.inner_text("#c0 .what")
    assert first_what in page.inner_text("#ins")
    assert page.locator("#ins .ctx .row").count() >= 2  # the decision in context, with a neighbour
    row_id = page.get_attribute("#c0", "data-row")
    in_view = f"() => {{ const r = document.getElementById('{row_id}').getBoundingClientRect(); " \
              "return r.bottom > 0 && r.top < innerHeight; }"
    assert page.evaluate(in_view)
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _selected(page) == "c2"
    page.keyboard.press("k")
    assert _selected(page) == "c1"
    page.keyboard.press("ArrowDown")  # focus is on the list now: arrows step too
    assert _selected(page) == "c2"
    page.keyboard.press("Tab")  # the list is one Tab stop: the next is the context panel
    assert page.evaluate("document.activeElement.closest('#ins') !== null")
    page.focus("#checks")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == page.get_attribute("#c2", "data-row")
    _screenshot(page, tmp_path, "report-laptop")

    first_cell = "document.querySelector('section.page .row .n').innerText"
    assert "\n" in page.evaluate(first_cell)  # cleaned text broken where the original lines end
    page.check("#flow")
    assert "\n" not in page.evaluate(first_cell)  # ... or shown as paragraphs
    page.uncheck("#flow")

    page.focus("#ins .ctx del")  # keyboard users read each change in the context
    tip = page.inner_text("#tip")
    assert page.is_visible("#tip") and "→" in tip
    mark = page.locator("section.page del").first
    mark.hover()
    rule_names = [name for name, _ in page.evaluate("JSON.parse(document.getElementById('rules-data').textContent)")]
    assert page.is_visible("#tip") and page.inner_text("#tip").split()[0] in rule_names
    assert errors == []


def test_report_in_chromium_on_a_phone(browser: Any, seed_report: tuple[Path, list[Any]], tmp_path: Path) -> None:
    path, _ = seed_report
    page, errors = _open(browser, path, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing off the side
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _selected(page) == "c1"
    assert page.locator("#ins .ctx .row").count() >= 2
    box = page.eval_on_selector("#ins .ctx .row .o", "e => e.getBoundingClientRect().width")
    assert box > PHONE["width"] / 2  # original and cleaned stacked, not squeezed side by side
    _screenshot(page, tmp_path, "report-phone")
    page.evaluate("document.querySelector('section.page .row.a0').scrollIntoView()")
    _screenshot(page, tmp_path, "report-phone-page")
    assert errors == []
