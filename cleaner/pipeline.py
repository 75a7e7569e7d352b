"""The cleaner: normal-form rules, then layout, then block rules, then articles.

One direction, no back and forth: every stage records into one list of changes
(located in the input) and one list of decisions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from cleaner.document import Article, Block, Document, Removed
from cleaner.engine.context import Context
from cleaner.engine.profile import DEFAULT_PROFILE, Profile, ProfileError, load_profile
from cleaner.engine.record import Change, Decision
from cleaner.engine.rule import REGISTRY, Rule
from cleaner.engine.textstage import TextState
from cleaner.layout.articles import PlacedBlock, assemble
from cleaner.layout.stage import BlockInfo, plan_blocks
from cleaner.normalize.ocr import SOURCES, detect_source, possible_misreads

FORMATS = ("text", "markdown", "json")
MAX_PASSES = 4


@dataclass
class Result:
    """What cleaning one page produced."""

    input: str
    document: Document
    changes: list[Change] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def text(self) -> str:
        from cleaner.render import render_text

        return render_text(self.document)

    def render(self, fmt: str = "text") -> str:
        from cleaner.render import render

        return render(self, fmt)

    def to_dict(self) -> dict[str, Any]:
        data = self.document.to_dict()
        data["changes"] = [
            {"rule": c.rule, "start": c.start, "end": c.end, "before": c.before, "after": c.after,
             **({"note": c.note} if c.note else {}),
             **({"confidence": round(c.confidence, 3)} if c.confidence < 1 else {})}
            for c in self.changes
        ]
        data["decisions"] = [d.to_dict() for d in self.decisions]
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


class Cleaner:
    """A configured pipeline. Reuse one instance for many pages.

    >>> from cleaner import Cleaner
    >>> result = Cleaner(disable=["t2s"]).run("会议指出,２０２４ 年\\n工作成效明显。")
    >>> result.text
    '会议指出，2024年工作成效明显。\\n'
    >>> sorted({change.rule for change in result.changes})
    ['join-wrap', 'punct-fullwidth', 'space-digit-unit', 'width-ascii']
    """

    def __init__(self, profile: str | Profile = DEFAULT_PROFILE, disable: Iterable[str] = (),
                 source: str = "auto") -> None:
        if source not in SOURCES:
            raise ProfileError(f"unknown source {source!r} (choose from {', '.join(SOURCES)})")
        self.source = source  # "ocr", "pdf" or "auto" (decided from the text of each input)
        self.profile = profile if isinstance(profile, Profile) else load_profile(profile)
        disabled = frozenset(disable)
        unknown = sorted(disabled - set(REGISTRY))
        if unknown:
            raise ProfileError(f"unknown rule(s) to disable: {', '.join(unknown)} (see clean --list-rules)")
        self.rules = self.profile.rules(disabled)
        self.text_rules = [r for r in self.rules if r.stage == "text"]
        self.block_rules = [r for r in self.rules if r.stage == "block"]
        self.document_rules = [r for r in self.rules if r.stage == "document"]
        self.layout_enabled = frozenset(r.name for r in self.rules if r.stage == "layout")
        self._settings = {r.name: self.profile.settings_for(r) for r in self.rules}
        # The text rules that name their trigger characters, and one scan for all of them:
        # the normal form skips such a rule while none is in the text (most pages have no
        # invisible characters, radicals, mojibake or full-width digits).
        triggered = [r for r in self.text_rules if r.triggers]
        self._trigger_scan = re.compile(f"[{''.join(r.triggers or '' for r in triggered)}]") if triggered else None
        self._triggers = {r.name: re.compile(f"[{r.triggers}]") for r in triggered}

    def run(self, text: str) -> Result:
        """Clean a text: one page, or several separated by form feeds (each cleaned alone)."""
        source = detect_source(text, self.source)  # OCR or PDF extractor: before any rule
        facts: dict[str, Any] = {"source": source.evidence["source"],
                                 "form-feeds": source.evidence["form_feeds_separate"]}
        if "\f" not in text or (facts["source"] == "ocr" and facts["form-feeds"] == "regions"):
            result = self.run_page(text, facts)  # form feeds between OCR regions: one page
            result.decisions[:0] = [source, *(possible_misreads(result.text) if facts["source"] == "ocr" else [])]
            return result
        merged = Result(text, Document())
        offset = 0
        for number, page in enumerate(_pages(text)):
            result = self.run_page(page, facts)
            merged.document.extend(result.document, number, offset)
            # Built directly: dataclasses.replace costs more than the rest of this loop.
            merged.changes.extend(Change(c.rule, c.start + offset, c.end + offset, c.before, c.after, c.note,
                                         c.confidence) for c in result.changes)
            merged.decisions.extend(d if d.start is None or d.end is None
                                    else replace(d, start=d.start + offset, end=d.end + offset)
                                    for d in result.decisions)
            offset += len(page) + 1
        merged.decisions[:0] = [source, *(possible_misreads(merged.text) if facts["source"] == "ocr" else [])]
        return merged

    def run_page(self, text: str, facts: dict[str, Any] | None = None) -> Result:
        """Clean one page. `facts` carries document-level findings (the script) across pages.

        Stages, in this order: text rules (to a fixpoint), layout (blocks), text rules
        again (joins bring characters together), block rules, assembly into articles,
        document rules (which see what is article text and what is a fragment).
        """
        state = TextState(text)
        decisions: list[Decision] = []
        facts = {} if facts is None else facts
        converged = self._normal_form(state, facts, decisions)
        if "paragraph-break" in self.layout_enabled:
            plan = plan_blocks(state.text, self.layout_enabled)
            decisions.extend(replace(d, start=state.chain.to_input(d.start or 0),
                                     end=state.chain.to_input(d.end or 0, end=True)) for d in plan.decisions)
            state.touched = [[]]  # where the layout rewrote the text
            state.apply_named(plan.edits)
            layout_spans, state.touched = state.touched[0], None
            infos = plan.blocks
            # Joined lines bring characters together (`，` + `,`): the normal form again,
            # on the lines the layout rewrote (the others are in normal form already).
            self._normal_form(state, facts, decisions, layout_spans if converged else None)
        else:  # layout off: every non-blank line is a paragraph
            infos = [BlockInfo("paragraph", False, False, False) for _ in state.text.split("\n")]
        for rule in self.block_rules:
            state.run(rule, Context(self._settings[rule.name], facts, decisions, [i.kind for i in infos]))
        placed = self._place(state, infos)
        document, layout_changes, layout_decisions = self._assemble(state, infos, facts, placed)
        removed: list[Removed] = []
        if self.document_rules:
            fragments = {(f.start, f.end) for f in document.fragments}
            # The text has not changed since `placed` was made: it is still where the blocks are.
            types = ["fragment" if (p.start, p.end) in fragments else p.info.kind for p in placed]
            changed = [self._run_removing(state, rule, Context(self._settings[rule.name], facts, decisions, types),
                                          removed) for rule in self.document_rules]
            if any(changed):  # block texts changed: read the articles again
                document, layout_changes, layout_decisions = self._assemble(state, infos, facts)
        document.removed.extend(removed)
        state.changes.extend(layout_changes)
        decisions.extend(layout_decisions)
        return Result(text, document, state.changes, decisions)

    @staticmethod
    def _run_removing(state: TextState, rule: Rule, ctx: Context, removed: list[Removed]) -> int:
        """Run a rule; the passages it says it removes go to `removed`, located in the input.
        A rule that removed something runs again on what is left (a removal can bring two
        copies together), so that cleaning the output again removes nothing more."""
        total = 0
        for _ in range(MAX_PASSES):
            ctx.removals.clear()
            edits = list(rule.func(state.text, ctx))
            dropped = {(e.start, e.end) for e in edits if not e.replacement}
            for removal in ctx.removals:
                if (removal.start, removal.end) not in dropped:
                    continue
                start, end = state.to_input(removal.start, removal.end)
                refs = {name: {"start": (span := state.to_input(a, b))[0], "end": span[1], "text": state.text[a:b]}
                        for name, (a, b) in removal.refs.items()}
                removed.append(Removed(removal.reason, state.text[removal.start:removal.end], start, end,
                                       {"rule": rule.name, **removal.detail, **refs}))
            applied = state.apply(rule.name, edits)
            total += applied
            if not applied or not ctx.removals:
                return total
        return total

    def _assemble(self, state: TextState, infos: list[BlockInfo], facts: dict[str, Any],
                  placed: list[PlacedBlock] | None = None) -> tuple[Document, list[Change], list[Decision]]:
        if placed is None:
            placed = self._place(state, infos)
        if "paragraph-break" not in self.layout_enabled:
            return Document([Article(blocks=[Block("paragraph", p.text, p.start, p.end) for p in placed])]), [], []
        ctx = Context({}, facts, [])
        document, changes = assemble(placed, ctx, self.layout_enabled)
        return document, changes, ctx.decisions

    def _normal_form(self, state: TextState, facts: dict[str, Any], decisions: list[Decision],
                     changed: list[tuple[int, int]] | None = None) -> bool:
        """Run the text rules until a pass changes nothing (one rule's output can give
        another work: `会议, ,` -> `会议， ,` -> `会议，,`), as ruff's fixer does.

        `changed`: the text is in normal form but for these spans. A line-local rule
        runs again only on the lines changed since its last run (it found nothing on
        the others then), and not at all if the text is as it left it. Returns whether
        the normal form was reached."""
        changed_by: list[str] = []
        whole_text = changed is None
        state.touched = [changed or [], []]  # changed in the previous pass, in this one
        clean_at: dict[str, int] = {}  # rule -> text version on which it last found nothing
        # The trigger characters in the text: found once, then those the edits bring added
        # (none taken away: a rule is run when in doubt).
        present = self._trigger_chars(state.text)
        try:
            for _ in range(MAX_PASSES):
                changed_by = []
                for rule in self.text_rules:
                    if rule.line_local and clean_at.get(rule.name) == state.version:
                        continue
                    trigger = self._triggers.get(rule.name)
                    if trigger is not None and trigger.search(present) is None:
                        clean_at[rule.name] = state.version  # it would find nothing: as if it had run
                        continue
                    ctx = Context(self._settings[rule.name], facts, decisions)
                    if rule.line_local and not whole_text:
                        count = state.run_on_lines(rule, ctx, state.touched[0] + state.touched[1])
                    else:
                        count = state.run(rule, ctx)
                    if count:
                        changed_by.append(rule.name)
                        present = self._trigger_chars("".join([c.after for c in state.changes[-count:]]), present)
                    else:
                        clean_at[rule.name] = state.version
                if not changed_by:
                    return True
                whole_text = False
                state.touched = [state.touched[1], []]
        finally:
            state.touched = None
        decisions.append(Decision("engine", "convergence",
                                  f"normal form failed to converge: rules {', '.join(changed_by)}", 0.0))
        return False

    def _trigger_chars(self, text: str, present: str = "") -> str:
        """The distinct trigger characters of `text`, with those of `present`."""
        if self._trigger_scan is None:
            return present
        found = self._trigger_scan.findall(text)
        return "".join(set(present).union(found)) if found else present

    @staticmethod
    def _place(state: TextState, infos: list[BlockInfo]) -> list[PlacedBlock]:
        blocks: list[tuple[int, str, int]] = []  # (index, text, offset) of each block line
        offset = 0
        for index, line in enumerate(state.text.split("\n") if state.text else []):
            if line.strip() and index < len(infos):
                blocks.append((index, line, offset))
            offset += len(line) + 1
        # Lines ascend, so do their starts and ends: mapped to the input in one walk each.
        starts = state.chain.to_input_sorted([offset for _, _, offset in blocks])
        ends = state.chain.to_input_sorted([offset + len(line) for _, line, offset in blocks], end=True)
        return [PlacedBlock(index, infos[index], line, start, end)
                for (index, line, _), start, end in zip(blocks, starts, ends, strict=True)]


def _pages(text: str) -> Iterator[str]:
    """The form-feed separated pages of `text`, one at a time (no list of copies)."""
    start = 0
    while (end := text.find("\f", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


_default: Cleaner | None = None


def clean(text: str) -> str:
    """Clean one page with the default profile and return the text format.

    >>> clean("会议指出,２０２５ 年全省民政\\n工作取得成效。")
    '会议指出，2025年全省民政工作取得成效。\\n'
    """
    global _default
    if _default is None:
        _default = Cleaner()
    return _default.run(text).text
