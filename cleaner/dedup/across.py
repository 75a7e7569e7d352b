"""Passages repeated across the pages of a batch: a story carried on two pages, a wire story
printed by two papers. Each page has been cleaned (and its own repeats removed); here the
body blocks of every page are read as one sequence, with the same readings as on one page,
and a repeat counts when its kept copy is on another page. It is reported; it is removed
only when asked (the later copy goes, into that page's `removed`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cleaner.dedup.find import DedupSettings, find_repeats
from cleaner.document import Block, Removed
from cleaner.engine.record import Change
from cleaner.pipeline import Result

RULE = "dedup-across"
REASON = "duplicate-across"
# Between two pages' blocks: a line the readings skip, so no sentence runs from one page into the next.
SEPARATOR, SEPARATOR_TYPE = "§", "byline"


@dataclass(frozen=True, slots=True)
class Place:
    """A body block: which result, which page of it, which article and block."""

    result: int
    page: int
    article: int
    block: int


@dataclass(frozen=True, slots=True)
class CrossRepeat:
    place: Place
    start: int  # offsets in the block's text
    end: int
    text: str
    kept: Place
    kept_text: str
    score: float

    def to_dict(self, names: Sequence[str]) -> dict[str, Any]:
        return {"file": names[self.place.result], "page": self.place.page, "text": self.text,
                "kept_file": names[self.kept.result], "kept_page": self.kept.page,
                "kept_text": self.kept_text, "similarity": round(self.score, 1)}


def find_across(results: Sequence[Result], settings: DedupSettings | None = None) -> list[CrossRepeat]:
    """Passages of a later page that repeat a passage of an earlier page (of any result)."""
    settings = settings or DedupSettings()
    lines: list[str] = []
    types: list[str] = []
    places: list[Place | None] = []
    unit: tuple[int, int] | None = None
    for number, result in enumerate(results):
        for a, article in enumerate(result.document.articles):
            for b, block in enumerate(article.blocks):
                if block.type not in ("paragraph", "subhead"):
                    continue
                if unit != (number, article.page):
                    unit = (number, article.page)
                    lines.append(SEPARATOR)
                    types.append(SEPARATOR_TYPE)
                    places.append(None)
                lines.append(block.text.replace("\n", " "))
                types.append(block.type)
                places.append(Place(number, article.page, a, b))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    text = "\n".join(lines)
    found = []
    for repeat in find_repeats(text, types, settings):
        line = _line_of(starts, repeat.start)
        kept_line = _line_of(starts, repeat.kept_start)
        place, kept = places[line], places[kept_line]
        if place is None or kept is None or (place.result, place.page) == (kept.result, kept.page):
            continue  # a repeat inside one page is the page rule's business
        offset = starts[line]
        found.append(CrossRepeat(place, repeat.start - offset, min(repeat.end, starts[line + 1] - 1) - offset,
                                 text[repeat.start:repeat.end], kept, text[repeat.kept_start:repeat.kept_end],
                                 repeat.score))
    return found


def remove_across(results: Sequence[Result], repeats: Sequence[CrossRepeat], names: Sequence[str]) -> None:
    """Drop the later copies from their blocks; each goes to `removed` and the change record."""
    by_block: dict[Place, list[CrossRepeat]] = {}
    for repeat in repeats:
        by_block.setdefault(repeat.place, []).append(repeat)
    emptied: set[tuple[int, int, int]] = set()
    for place, found in by_block.items():
        result = results[place.result]
        block: Block = result.document.articles[place.article].blocks[place.block]
        for repeat in sorted(found, key=lambda r: r.start, reverse=True):
            detail = {"rule": RULE, "similarity": round(repeat.score, 1),
                      "kept": {"file": names[repeat.kept.result], "page": repeat.kept.page, "text": repeat.kept_text}}
            result.document.removed.append(Removed(REASON, repeat.text, block.start, block.end, detail))
            result.changes.append(Change(RULE, block.start, block.end, repeat.text, "",
                                         f"repeats {names[repeat.kept.result]}", min(1.0, repeat.score / 100)))
            block.text = block.text[:repeat.start] + block.text[repeat.end:]
        if not block.text.strip():
            emptied.add((place.result, place.article, place.block))
    for number, a, b in sorted(emptied, reverse=True):
        del results[number].document.articles[a].blocks[b]


def _line_of(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1
