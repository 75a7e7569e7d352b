"""A trivial stand-in for the cleaner, to run the bench before the cleaner exists and as a floor."""

from __future__ import annotations

from typing import Any


def baseline_clean(text: str) -> dict[str, Any]:
    """Every non-blank line becomes a paragraph of one article without a headline.

    >>> baseline_clean("甲\\n\\n乙\\n")["articles"][0]["blocks"]
    [{'type': 'paragraph', 'text': '甲'}, {'type': 'paragraph', 'text': '乙'}]
    """
    blocks = [{"type": "paragraph", "text": line.strip()} for line in text.splitlines() if line.strip()]
    article = {"headline": None, "kicker": None, "byline": None, "source": None, "blocks": blocks}
    return {"articles": [article] if blocks else [], "fragments": [], "removed": []}
