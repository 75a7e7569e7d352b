"""The reviewer's view: `clean --diff` and `clean --report`, built from the change record."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.document import Removed
from cleaner.engine.record import Change
from cleaner.pipeline import Result
from cleaner.report import Page, render_report, unified_diff
from cleaner.report.decisions import checks
from cleaner.report.diff import lines_of
from cleaner.report.rows import page_rows
from tests.conftest import SEEDS
from tests.test_cli import CLEAN, clean

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$")
WEAK_BREAK_TEXT = ("会议指出，今年工作成效明显，各地要抓好落实。\n"
                   "会上，民政部门负责同志讲话\n会议要求，确保各项工作任务完成。\n")


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture(scope="module")
def seed_results(cleaner: Cleaner) -> list[tuple[Path, Result]]:
    return [(seed, cleaner.run(seed.read_text(encoding="utf-8"))) for seed in SEEDS]


def parse_hunks(diff: str) -> list[tuple[int, int, list[str], list[str]]]:
    """(first input line, input line count, rules, body lines) of each hunk."""
    hunks: list[tuple[int, int, list[str], list[str]]] = []
    for line in diff.split("\n")[:-1]:
        match = HUNK.match(line)
        if match:
            start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
            first = start if count else start + 1
            hunks.append((first, count, [r for r in match[5].split(", ") if r], []))
        elif hunks and not line.startswith(("---", "+++")):
            hunks[-1][3].append(line)
    return hunks


def apply_diff(text: str, diff: str) -> str:
    """Apply a unified diff as `patch` would (context checked), to prove the diff is a real one."""
    lines = lines_of(text)
    out: list[str] = []
    position = 0
    for first, count, _, body in parse_hunks(diff):
        out += lines[position : first - 1]
        position = first - 1
        for k, line in enumerate(body):
            if line.startswith("\\"):
                continue
            no_newline = k + 1 < len(body) and body[k + 1].startswith("\\")
            sign, content = line[0], line[1:] + ("" if no_newline else "\n")
            if sign in " -":
                assert lines[position] == content, (position, lines[position], content)
                position += 1
            if sign in " +":
                out.append(content)
        assert position == first - 1 + count
    return "".join(out + lines[position:])


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=lambda i: SEEDS[i].name[:3])
def test_diff_applies_and_labels_each_change_with_its_rule(
        seed_results: list[tuple[Path, Result]], index: int) -> None:
    seed, result = seed_results[index]
    output = result.render("text")
    diff = "".join(unified_diff(result, output, seed.name))
    assert apply_diff(result.input, diff) == output
    hunks = parse_hunks(diff)
    assert len(hunks) > 5  # one hunk per cleaned line, not one for the page
    starts = [0] + [i + 1 for i, c in enumerate(result.input) if c == "\n"]
    for change in result.changes:
        if change.before == change.after:
            continue
        line = sum(1 for s in starts if s <= change.start)
        labels = {rule for first, count, rules, _ in hunks if first <= line < first + max(count, 1) for rule in rules}
        assert change.rule in labels, (change, line)
    recorded = {c.rule for c in result.changes}
    assert {rule for _, _, rules, _ in hunks for rule in rules} <= recorded


def test_diff_of_several_pages_applies(cleaner: Cleaner) -> None:
    text = SEEDS[0].read_text(encoding="utf-8") + "\f" + SEEDS[2].read_text(encoding="utf-8") + "\u2028尾"
    result = cleaner.run(text)
    output = result.render("text")
    assert apply_diff(text, "".join(unified_diff(result, output, "x"))) == output
    rows = page_rows(result)
    assert [row.out for row in rows if row.out] == [line.strip("\f") for line in output.split("\n") if line.strip("\f")]


def test_diff_exit_codes_and_colour(tmp_path: Path) -> None:
    unchanged = tmp_path / "clean.txt"
    unchanged.write_text("会议召开。\n", encoding="utf-8")
    run = clean("--diff", str(unchanged))
    assert (run.returncode, run.stdout) == (0, b"")
    run = clean("--diff", str(SEEDS[0]))
    assert run.returncode == 1
    out = run.stdout.decode("utf-8")
    assert out.startswith(f"--- {SEEDS[0]}\n+++ {SEEDS[0]} (cleaned)\n")
    assert "\033[" not in out  # piped: plain
    assert HUNK.search(out.splitlines()[2]) and "join-wrap" in out
    assert clean("--diff", "--format", "json", str(SEEDS[0])).returncode == 2
    assert clean("--diff", "--no-such-option", str(SEEDS[0])).returncode == 2
    help_text = " ".join(clean("--help").stdout.decode("utf-8").split())
    assert "0 nothing changed" in help_text and "1 something changed" in help_text


def test_diff_colours_only_when_asked(seed_results: list[tuple[Path, Result]]) -> None:
    _, result = seed_results[0]
    coloured = "".join(unified_diff(result, result.render("text"), "x", color=True))
    plain = "".join(unified_diff(result, result.render("text"), "x", color=False))
    assert "\033[31m-" in coloured and "\033[" not in plain
    assert re.sub(r"\033\[\d+m", "", coloured) == plain


def test_rows_show_every_output_line_in_order(seed_results: list[tuple[Path, Result]]) -> None:
    for _, result in seed_results:
        rows = page_rows(result)
        output_lines = [line for line in result.render("text").split("\n") if line]
        assert [row.out for row in rows if row.out] == output_lines
        assert sorted(i for row in rows for i in row.changes + row.row_changes) == list(range(len(result.changes)))


def test_layout_records_a_weak_kept_break(cleaner: Cleaner) -> None:
    result = cleaner.run(WEAK_BREAK_TEXT)
    breaks = [d for d in result.decisions if d.kind == "break"]
    assert len(breaks) == 1 and breaks[0].confidence < 0.75
    assert result.input[breaks[0].start : breaks[0].end] == "\n"
    assert result.input[: breaks[0].start].endswith("负责同志讲话")
    assert checks(result)[0].kind == "paragraph break"


def test_decisions_of_later_pages_point_into_their_page(cleaner: Cleaner) -> None:
    text = "会议召开。\f" + WEAK_BREAK_TEXT
    decision = next(d for d in cleaner.run(text).decisions if d.kind == "break")
    assert text[: decision.start].endswith("负责同志讲话")


class Report(HTMLParser):
    """What a report shows: marks per page and rule, the per-rule tables, checks, links."""

    def __init__(self, html: str, rules: list[str]) -> None:
        super().__init__()
        self.rules = rules
        self.page = -1
        self.marks: list[Counter[str]] = []
        self.tables: list[dict[str, int]] = []
        self.checks: list[dict[str, str]] = []
        self.urls: list[str] = []
        self._rule_cell: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "section" and "page" in (a.get("class") or "").split():
            self.page += 1
            self.marks.append(Counter())
        if tag == "del" and self.page >= 0:
            number = int(re.search(r"\br(\d+)\b", a["class"] or "")[1])
            self.marks[self.page][self.rules[number]] += 1
        if tag == "td" and a.get("data-rule"):
            self._rule_cell = a["data-rule"]
        if tag == "table":
            self.tables.append({})
        if tag == "li" and a.get("data-row"):
            self.checks.append({k: v or "" for k, v in attrs})

    def handle_data(self, data: str) -> None:
        if self._rule_cell:
            self.tables[-1][self._rule_cell] = int(data)
            self._rule_cell = None


def parse_report(html: str) -> Report:
    names = re.search(r'<script id="rules-data" type="application/json">(.*?)</script>', html)[1]
    return Report(html, [name for name, _ in json.loads(names)])


def test_report_is_self_contained_and_counts_match_the_record(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    run = clean("--report", str(target), *map(str, SEEDS))
    assert run.returncode == 0, run.stderr
    assert run.stdout == b""  # the report only; cleaned text goes to -o when wanted
    html = target.read_text(encoding="utf-8")
    report = parse_report(html)
    assert all(not re.match(r"(https?:)?//", url) for url in report.urls)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert all(url.startswith("#") for url in report.urls)
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert {url[1:] for url in report.urls} <= ids  # every label links to its entry
    results = [Cleaner().run(seed.read_text(encoding="utf-8")) for seed in SEEDS]
    per_page = [Counter(c.rule for c in r.changes) for r in results]
    assert report.marks == per_page  # every change is marked once, with its rule
    batch_table, *page_tables = report.tables
    assert batch_table == dict(sum(per_page, Counter()))
    assert page_tables == [dict(c) for c in per_page]
    expected = sorted(c.confidence for r in results for c in checks(r))
    shown = [float(re.search(r'class="conf[^"]*"[^>]*>([\d.]+)<', item_html)[1])
             for item_html in re.findall(r'<li id="c\d+".*?</li>', html)]
    assert shown == [round(x, 2) for x in expected]
    for item in report.checks:
        assert item["data-row"] in ids
    cleaned_cells = [unescape(re.sub(r"<[^>]+>", "", cell))
                     for cell in re.findall(r'<div class="n" lang="zh">(.*?)</div>', html)
                     if not cell.startswith('<span class="none">')]
    assert cleaned_cells == [line for r in results for line in r.text.split("\n") if line]


def test_report_shows_removed_passages_and_unknown_rules(cleaner: Cleaner) -> None:
    """A dedup stage (another branch) records removals as Removed + Change(after=""): shown generically."""
    text = "会议指出，今年工作成效明显。\n\n同时，市民政局建立了长效机制。\n\n同时，市民政局建立了长效机制。\n"
    result = Cleaner(disable=["dedup-repeats"]).run(text)  # the removal is made by hand below
    start = text.rindex("同时")
    end = len(text) - 1
    for article in result.document.articles:  # what a dedup stage would do to the document
        article.blocks = [b for b in article.blocks if b.start != start]
    kept = text.index("同时")
    copy = {"start": kept, "end": kept + end - start, "text": text[kept : kept + end - start]}
    result.document.removed.append(Removed("duplicate", text[start:end], start, end,
                                           {"rule": "dedup-repeats", "similarity": 97.0, "kept": copy}))
    result.changes.append(Change("dedup-repeats", start, end, text[start:end], "", note="repeats line 3"))
    html = render_report([Page("dup.txt", result)])
    report = parse_report(html)
    assert report.marks[0]["dedup-repeats"] == 1
    removed_checks = [c for c in checks(result) if c.kind == "removed passage"]
    assert len(removed_checks) == 1 and removed_checks[0].change == len(result.changes) - 1
    assert removed_checks[0].rule == "dedup-repeats" and removed_checks[0].confidence == pytest.approx(0.97)
    item = re.search(r'<li id="c\d+"[^>]*>(?:(?!</li>).)*removed passage.*?</li>', html)[0]
    assert "<dt>similarity</dt><dd>97.0</dd>" in item
    assert "<dt>kept</dt><dd>line 3: 同时，市民政局建立了长效机制。</dd>" in item  # the passage it repeats
    row = re.search(r'<div class="row removed[^"]*"[^>]*>.*?</div></div>', html)[0]
    assert "同时，市民政局建立了长效机制。" in re.sub(r"<[^>]+>", "", row) and "removed: duplicate" in row
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert {url[1:] for url in report.urls} <= ids  # a rule without an entry here is not a dead link


def test_report_error_is_one_line(tmp_path: Path) -> None:
    run = clean("--report", str(tmp_path / "missing-dir" / "r.html"), str(SEEDS[0]))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr.decode("utf-8") and run.stderr.count(b"\n") == 1


def test_clean_file_is_still_a_plain_pipe() -> None:
    run = clean(str(SEEDS[0]))
    assert run.returncode == 0 and not run.stdout.startswith(b"---") and b"<html" not in run.stdout


def test_cli_report_and_diff_together(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    out = tmp_path / "out.txt"
    run = subprocess.run([*CLEAN, "--diff", "--report", str(target), "-o", str(out), str(SEEDS[1])],
                         capture_output=True, timeout=60)
    assert run.returncode == 1 and run.stdout.startswith(b"---")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert out.read_text(encoding="utf-8") == Cleaner().run(SEEDS[1].read_text(encoding="utf-8")).text


def test_moved_headline_is_labelled_where_it_goes(seed_results: list[tuple[Path, Result]]) -> None:
    for _, result in seed_results:
        moved = [c for c in result.changes if c.rule == "attach-headline"]
        diff = "".join(unified_diff(result, result.render("text"), "x"))
        for change in moved:
            added = [rules for _, _, rules, body in parse_hunks(diff)
                     if any(line.startswith("+") and line[1:].strip("\f") == change.after for line in body)]
            assert added and all("attach-headline" in rules for rules in added)


def test_checks_cover_each_kind_of_judgement(seed_results: list[tuple[Path, Result]]) -> None:
    kinds = Counter(c.kind for _, result in seed_results for c in checks(result))
    assert {"headline attachment", "fragment set apart", "traditional → simplified", "line join"} <= set(kinds)
    for _, result in seed_results:
        ranked = [c.confidence for c in checks(result)]
        assert ranked == sorted(ranked)
        headline = [c for c in checks(result) if c.kind == "headline attachment"]
        assert all({"score", "runner_up"} <= set(c.evidence) for c in headline)
