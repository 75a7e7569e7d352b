"""Headline text: kicker / title / subtitle parts, and how well a headline matches a body."""

from __future__ import annotations

from functools import lru_cache

import regex
from rapidfuzz import fuzz

KICKER_SPACE = regex.compile(r"(?<=[\p{Han}\d》”）])\s+(?=[\p{Han}《“（\d])")
SUBTITLE_SPLIT = regex.compile(r"\s*(?=——)")
SIGNAL = regex.compile(r"[\p{Han}\dA-Za-z]")
LEAD_CHARS = 400


def split_heading(text: str) -> tuple[str | None, str, str | None]:
    """(kicker, title, subtitle) of a heading line.

    A kicker (引题) is set above the title and separated from it by one space in
    clean text: `大力发展社区慈善 四川出台指引` -> kicker `大力发展社区慈善`. A subtitle
    (副题) starts with a dash: `… ——记…`.
    """
    subtitle = None
    parts = SUBTITLE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0]:
        text, subtitle = parts[0].strip(), parts[1].strip()
    pieces = KICKER_SPACE.split(text)
    if len(pieces) == 2 and all(len(p) >= 4 for p in pieces):
        return pieces[0], pieces[1], subtitle
    return None, text, subtitle


NOT_SIGNAL = regex.compile(r"[^\p{Han}\dA-Za-z]+")


def bigrams(text: str) -> set[str]:
    return set(_bigrams(text))


@lru_cache(maxsize=1024)
def _bigrams(text: str) -> frozenset[str]:
    # A lead is scored against every headline on its page: its bigrams are made once.
    chars = NOT_SIGNAL.sub("", text)
    return frozenset(map(str.__add__, chars, chars[1:]))


def _containment(headline: str, lead: str) -> float | None:
    """Share of the headline's bigrams found in the lead's first characters (None: nothing to compare)."""
    grams = _bigrams(headline)
    if not grams or not lead:
        return None
    return len(grams & _bigrams(lead[:LEAD_CHARS])) / len(grams)


def match_ceiling(headline: str, lead: str) -> float:
    """An upper bound of `match_score` from the bigrams alone (the alignment taken as
    perfect): a cheap check before the alignment, where most pairs fail."""
    return match_ceilings(headline, [lead])[0]


def match_ceilings(headline: str, leads: list[str]) -> list[float]:
    """`match_ceiling(headline, lead)` of each lead, the headline's bigrams looked up once."""
    grams = _bigrams(headline)
    if not grams:
        return [0.0] * len(leads)
    size = len(grams)
    return [0.7 * (len(grams & _bigrams(lead[:LEAD_CHARS])) / size) + 0.3 if lead else 0.0 for lead in leads]


def match_score(headline: str, lead: str) -> float:
    """How well a headline matches an article's lead, 0..1.

    Headlines reuse the lead's words: the share of the headline's character bigrams
    found in the first few hundred characters, averaged with rapidfuzz's best partial
    alignment (which rewards the longest shared phrase).
    """
    containment = _containment(headline, lead)
    if containment is None:
        return 0.0
    alignment = fuzz.partial_ratio(headline, lead[:LEAD_CHARS]) / 100.0
    return 0.7 * containment + 0.3 * alignment
