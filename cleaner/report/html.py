"""`clean --report`: one self-contained HTML page for one cleaned page or many.

Everything is rendered here, on the server side: the side-by-side rows with every
change marked (`<del>` on the original, `<ins>` on the cleaned text), the summaries,
the ranked list of decisions to check first and the rule reference. The page's
script only shows tooltips and steps through the decisions, so a report of a
hundred pages opens fast. No network: CSS and script are inlined, fonts are the
system's.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from importlib import resources
from itertools import pairwise

from cleaner.docs_gen import RuleEntry, rule_entries, shown
from cleaner.engine.record import Change
from cleaner.engine.rule import REGISTRY
from cleaner.pipeline import Result
from cleaner.report.decisions import Check, checks
from cleaner.report.rows import Row, page_rows
from cleaner.report.summary import STAT_LABELS, Summary, summarize

# Colours for the rules' marks (hue in degrees), cycled; light and dark enough on white.
MANY_BREAKS = re.compile(r"\n{2,}")
LINE_END = re.compile(r"(?<!\n)\n")  # where an original line ends (a run of blank lines counts once)
HUES = (210, 28, 130, 280, 350, 175, 50, 245, 95, 320, 5, 190)


@dataclass(slots=True)
class Page:
    name: str
    result: Result


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _visible(text: str) -> str:
    """A changed span as the reader should see it: line breaks, spaces and invisibles as signs."""
    if not text:
        return "‸"
    out: list[str] = []
    for char in text:
        if char == "\n":
            if not out or out[-1] != "⏎":
                out.append("⏎")
        elif char == " ":
            out.append("␣")
        elif char == "\u3000":
            out.append("□")
        else:
            out.append(shown(char))
    return "".join(out)


def rule_link(rule: str, cls: str, label: str, focusable: bool = True) -> str:
    """A label linking to the rule's entry in the reference (plain text for a rule without one).

    Links inside the list of decisions are left out of the Tab order (the list is one stop;
    the context panel repeats the link)."""
    attrs = f' class="{cls}"' if cls else ""
    tab = "" if focusable else ' tabindex="-1"'
    if rule in REGISTRY:
        return f'<a{attrs} href="#rule-{escape(rule)}"{tab}>{escape(label)}</a>'
    return f"<span{attrs}>{escape(label)}</span>"


class PageRenderer:
    """Renders the rows of one page; marks are numbered per row so the cleaned side can point at them."""

    def __init__(self, number: int, page: Page, rule_index: dict[str, int],
                 notes: dict[tuple[str, str], int]) -> None:
        self.number = number
        self.notes = notes  # (note, confidence) -> number: a mark names its pair, the page lists them once
        self.page = page
        self.result = page.result
        self.text = page.result.input
        self.rule_index = rule_index
        self.rows = page_rows(page.result)
        self.row_of_change: dict[int, tuple[int, int]] = {}  # change -> (row position, mark number)
        self.line_starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect_right(self.line_starts, offset)

    def note(self, change: Change) -> int:
        key = (change.note, f"{change.confidence:.2f}" if change.confidence < 1 else "")
        return self.notes.setdefault(key, len(self.notes))

    def _mark_class(self, rule: str) -> str:
        return f"r{self.rule_index.get(rule, 0)}"

    def original(self, position: int, row: Row) -> tuple[str, list[tuple[int, int, int, str]]]:
        """The original side: the row's input with each change as a `<del>`; returns (html, spans)."""
        lo, hi = row.own_start, row.own_end
        items = sorted(row.changes, key=lambda i: (self.result.changes[i].start, -self.result.changes[i].end))
        out: list[str] = []
        spans: list[tuple[int, int, int, str]] = []  # (mark number, input start, input end, rule)
        pos = lo
        stack: list[int] = []  # ends of open marks

        def plain(a: int, b: int) -> None:
            for x, y, inside in ((a, min(b, row.start), False), (max(a, row.start), min(b, row.end), True),
                                 (max(a, row.end), b, False)):
                if x >= y:
                    continue
                piece = self.text[x:y]
                if inside or stack:
                    out.append(escape(MANY_BREAKS.sub("\n", piece)))
                elif piece.strip():
                    out.append(f'<span class="gap">{escape(piece.strip())}</span>')

        def close() -> None:
            nonlocal pos
            end = stack.pop()
            if end > pos:
                plain(pos, end)
                pos = end
            out.append("</del>")

        for number, index in enumerate(items):
            change = self.result.changes[index]
            start, end = max(change.start, lo), min(change.end, hi)
            while stack and stack[-1] <= start:
                close()
            if start > pos:
                plain(pos, start)
                pos = start
            if stack:
                end = min(end, stack[-1])
            self.row_of_change[index] = (position, number)
            spans.append((number, change.start, change.end, change.rule))
            attrs = [f'class="{self._mark_class(change.rule)}"', f'data-a="{_attr(change.after)}"']
            shown_text = _visible(self.text[start:end])
            if change.before != self.text[start:end]:
                attrs.append(f'data-b="{_attr(change.before)}"')
            if change.note or change.confidence < 1:
                attrs.append(f'data-n="{self.note(change)}"')
            nested = [j for j in items[number + 1:] if self.result.changes[j].start < end]
            if nested:  # an outer change around others: its own sign, the inner ones marked inside
                out.append(f"<del {' '.join(attrs)}>")
                stack.append(end)
                continue
            breaks = "\n" if "\n" in self.text[start:end] and row.start < end < row.end else ""
            out.append(f"<del {' '.join(attrs)}>{escape(shown_text)}</del>{breaks}")
            pos = max(pos, end)
        while stack:
            close()
        if hi > pos:
            plain(pos, hi)
        return "".join(out), spans

    def cleaned(self, row: Row, spans: list[tuple[int, int, int, str]]) -> str:
        """The cleaned side: difflib aligns it with the input span; each `<ins>` points at its changes.

        A `<br>` goes where an original line ended, so the cleaned text lines up with the
        original line by line (the page's "as paragraphs" switch hides them).
        """
        if not row.out:
            return f'<span class="none">{escape(row.note or "not in the output")}</span>'
        source = self.text[row.start:row.end]
        matcher = SequenceMatcher(None, source, row.out, autojunk=False)
        out: list[str] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                breaks = [j1 + m.start() - i1 for m in LINE_END.finditer(source, i1, i2)]
                cuts = [j1, *breaks, j2]
                out.append("<br>".join(escape(row.out[a:b]) for a, b in pairwise(cuts)))
                continue
            ends_line = LINE_END.search(source, i1, i2) is not None
            if j1 < j2:
                lo, hi = row.start + i1, row.start + i2
                marks = [(n, rule) for n, s, e, rule in spans
                         if (s < hi and e > lo) or (s == e and lo <= s <= hi) or (lo == hi and s <= lo <= e)]
                cls = self._mark_class(marks[0][1]) if marks else "rx"
                numbers = " ".join(str(n) for n, _ in marks)
                out.append(f'<ins class="{cls}" data-x="{numbers}">{escape(row.out[j1:j2])}</ins>')
            if ends_line and j2 < len(row.out):
                out.append("<br>")
        return "".join(out)

    def chips(self, row: Row) -> str:
        counts = Counter(self.result.changes[i].rule for i in row.changes + row.row_changes)
        parts = [rule_link(rule, f"chip {self._mark_class(rule)}", f'{rule}{f" ×{n}" if n > 1 else ""}')
                 for rule, n in counts.items()]
        if row.note and row.out:  # a row not in the output shows its note on the cleaned side
            parts.append(f'<span class="note">{escape(row.note)}</span>')
        for index in row.row_changes:  # the row as a whole: moved, set apart, removed
            change = self.result.changes[index]
            attrs = (f'class="{self._mark_class(change.rule)} wh" data-b="{_attr(change.before)}" '
                     f'data-a="{_attr(change.after)}" data-n="{self.note(change)}"')
            parts.append(f'<del {attrs}>{escape(change.note or change.rule)}</del>')
        return f'<div class="lb">{"".join(parts)}</div>' if parts else ""

    def render_rows(self) -> str:
        out: list[str] = []
        last_article = -2
        for position, row in enumerate(self.rows):
            html_original, spans = self.original(position, row)
            classes = [row.kind]
            if row.article != last_article:
                classes.append("a0")
                last_article = row.article
            if row.row_changes:
                classes.append("whole")
            out.append(
                f'<div class="row {" ".join(classes)}" id="p{self.number}r{position}">'
                f'<span class="ln">{self.line(row.start)}</span>'
                f'<div class="o" lang="zh">{html_original}</div>'
                f'<div class="n" lang="zh">{self.cleaned(row, spans)}</div>{self.chips(row)}</div>'
            )
        return "".join(out)

    def target(self, check: Check) -> tuple[int, int]:
        """(row position, mark number or -1) where a check is seen in context."""
        if check.change is not None and check.change in self.row_of_change:
            return self.row_of_change[check.change]
        if check.start is not None:
            for position, row in enumerate(self.rows):
                if row.own_start <= check.start < row.own_end or (check.start == row.own_end == len(self.text)):
                    return position, -1
        for index, change in enumerate(self.result.changes):  # a document-wide decision: its first change
            if change.rule == check.rule and index in self.row_of_change:
                return self.row_of_change[index]
        return 0, -1


def _stats(summary: Summary) -> str:
    cells = "".join(f"<div><dt>{escape(label)}</dt><dd>{summary.stats[key]}</dd></div>" for key, label in STAT_LABELS)
    return f'<dl class="stats">{cells}</dl>'


def _rule_table(summary: Summary, rule_index: dict[str, int]) -> str:
    rows = "".join(
        f'<tr><td>{rule_link(rule, f"chip r{rule_index.get(rule, 0)}", rule)}</td>'
        f'<td class="num" data-rule="{rule}">{count}</td></tr>'
        for rule, count in sorted(summary.per_rule.items(), key=lambda item: -item[1]))
    return f'<table class="per-rule"><thead><tr><th>rule</th><th>changes</th></tr></thead><tbody>{rows}</tbody></table>'


def _evidence(check: Check, renderer: PageRenderer) -> str:
    items = []
    for key, value in check.evidence.items():
        if isinstance(value, dict) and isinstance(value.get("text"), str) and isinstance(value.get("start"), int):
            text = f"line {renderer.line(value['start'])}: {value['text']}"  # e.g. the copy a repeat was kept as
        else:
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        text = _visible(text) if key in ("before", "after") else text
        items.append(f"<div><dt>{escape(str(key))}</dt><dd>{escape(text)}</dd></div>")
    return f'<dl class="ev">{"".join(items)}</dl>' if items else ""


def _rule_reference(entries: list[RuleEntry]) -> str:
    out = ['<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rule reference</h2>']
    for entry in entries:
        examples = "".join(
            f'<div class="ex"><pre lang="zh">{escape(shown(b))}</pre><span aria-label="becomes">→</span>'
            f'<pre lang="zh">{escape(shown(a))}</pre></div>' for b, a in entry.fixes[:3])
        examples += "".join(f'<div class="ex keep"><span>kept:</span><pre lang="zh">{escape(shown(k))}</pre></div>'
                            for k in entry.keeps[:2])
        out.append(
            f'<article class="rule" id="rule-{entry.name}"><h3><code>{escape(entry.name)}</code> '
            f'<small>{escape(" · ".join(dict.fromkeys([entry.stage, entry.group])))}'
            f'{"" if entry.safe else " · judgement call"}</small></h3>'
            f'<p class="sum">{escape(entry.summary)}</p><p>{escape(entry.why)}</p>{examples}</article>')
    out.append("</section>")
    return "".join(out)


def render_report(pages: list[Page], title: str = "cleaner report") -> str:
    entries = rule_entries()
    rule_index = {entry.name: number for number, entry in enumerate(entries)}
    names = [[e.name, e.summary] for e in entries]
    for page in pages:  # rules not registered here (a newer engine's): their own colour, no entry
        for change in page.result.changes:
            if change.rule not in rule_index:
                rule_index[change.rule] = len(names)
                names.append([change.rule, "(no entry in this version's rule reference)"])
    batch = Summary()
    batch.stats["pages"] = len(pages)
    notes: dict[tuple[str, str], int] = {}
    sections: list[str] = []
    all_checks: list[tuple[Check, int, PageRenderer]] = []
    for number, page in enumerate(pages):
        renderer = PageRenderer(number, page, rule_index, notes)
        page_checks = checks(page.result)
        summary = summarize(page.result, len(page_checks))
        batch.add(summary)
        rows_html = renderer.render_rows()
        all_checks.extend((check, number, renderer) for check in page_checks)
        sections.append(
            f'<section class="page" id="p{number}" aria-labelledby="p{number}h">'
            f'<h2 id="p{number}h">{escape(page.name)}</h2>{_stats(summary)}'
            f'<details><summary>Changes per rule</summary>{_rule_table(summary, rule_index)}</details>'
            f'<div class="sbs"><div class="hd"><span>line</span><span>original</span><span>cleaned</span></div>'
            f"{rows_html}</div></section>")
    all_checks.sort(key=lambda item: (item[0].confidence, item[1], item[0].start or 0))
    items = []
    for rank, (check, number, renderer) in enumerate(all_checks):
        position, mark = renderer.target(check)
        line = renderer.line(check.start if check.start is not None else renderer.rows[position].start)
        items.append(
            f'<li id="c{rank}" role="option" data-row="p{number}r{position}" data-m="{mark}">'
            f'<span class="conf w{round(check.confidence * 10)}">{check.confidence:.2f}</span>'
            f'<span class="kind">{escape(check.kind)}</span> <span class="what">{escape(check.summary)}</span>'
            f'<span class="where">{escape(renderer.page.name)}, line {line} · '
            f'{rule_link(check.rule, "", check.rule, focusable=False)}</span>{_evidence(check, renderer)}</li>')
    rule_css = "".join(f".r{i}{{--h:{HUES[i % len(HUES)]}}}" for i in range(len(names)))
    rules_json = json.dumps(names, ensure_ascii=False).replace("</", "<\\/")
    notes_json = json.dumps(list(notes), ensure_ascii=False).replace("</", "<\\/")
    rule_css += "".join(f".w{i}{{--w:{i / 10}}}" for i in range(11))
    css = resources.files("cleaner.report").joinpath("report.css").read_text(encoding="utf-8")
    script = resources.files("cleaner.report").joinpath("report.js").read_text(encoding="utf-8")
    toc = "".join(f'<li><a href="#p{n}">{escape(p.name)}</a></li>' for n, p in enumerate(pages))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}{rule_css}</style></head><body>"
        f'<header><h1>{escape(title)}</h1>{_stats_batch(batch)}'
        f'<details><summary>Changes per rule, all pages</summary>{_rule_table(batch, rule_index)}</details>'
        f'<details><summary>Pages ({len(pages)})</summary><ol class="toc">{toc}</ol></details>'
        '<p class="opts"><label><input type="checkbox" id="flow"> cleaned text as paragraphs '
        '(not broken where the original lines end)</label></p>'
        '<p class="keys">Keys: <kbd>j</kbd>/<kbd>↓</kbd> next decision, <kbd>k</kbd>/<kbd>↑</kbd> previous, '
        '<kbd>Enter</kbd> show it in the page, <kbd>Tab</kbd> into the context to read each change.</p></header>'
        '<div class="layout"><aside id="check" aria-labelledby="check-h"><h2 id="check-h">Check first '
        f'<small>({len(items)}, weakest evidence first)</small></h2>'
        '<ol id="checks" role="listbox" aria-label="Decisions to check first" tabindex="0" lang="zh">'
        f'{"".join(items)}</ol>'
        '<div id="ins" aria-live="polite"><p class="hint">Press <kbd>j</kbd> to step through the decisions.</p></div>'
        f'</aside><main>{"".join(sections)}{_rule_reference(entries)}</main></div>'
        '<div id="tip" role="tooltip" hidden></div>'
        f'<script id="rules-data" type="application/json">{rules_json}</script>'
        f'<script id="notes-data" type="application/json">{notes_json}</script><script>{script}</script>'
        "</body></html>\n"
    )


def _stats_batch(batch: Summary) -> str:
    return (f'<dl class="stats"><div><dt>pages</dt><dd>{batch.stats["pages"]}</dd></div>'
            + _stats(batch)[len('<dl class="stats">'):])
