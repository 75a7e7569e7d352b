"""`--explain`: every change as `rule: before → after (line:col)`, then the decisions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from cleaner.pipeline import Result

MAX_SHOWN = 40


def visible(text: str) -> str:
    """Show whitespace and invisible characters so an edit to them can be seen."""
    out = []
    for char in text[:MAX_SHOWN]:
        if char == "\n":
            out.append("\\n")
        elif char == " ":
            out.append("␣")
        elif char == "\u3000":
            out.append("\\u3000")
        elif not char.isprintable():
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out) + ("…" if len(text) > MAX_SHOWN else "") if text else "∅"


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def place(starts: list[int], offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of an offset in the input."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def explain_lines(result: Result, name: str = "") -> Iterator[str]:
    starts = line_starts(result.input)
    prefix = f"{name}:" if name else ""
    removed = {(r.start, r.end): r for r in result.document.removed}
    for change in result.changes:
        line, column = place(starts, change.start)
        note = f"  [{change.note}]" if change.note else ""
        after = visible(change.after)
        entry = removed.get((change.start, change.end)) if not change.after else None
        if entry is not None:
            kept = entry.detail.get("kept") or {}
            where = (" at {}:{}".format(*place(starts, kept["start"])) if "start" in kept
                     else f" in {kept['file']}" if "file" in kept else "")
            after = f"(removed, {entry.reason}; kept copy{where})"
        yield f"{prefix}{change.rule}: {visible(change.before)} → {after} ({line}:{column}){note}"
    for decision in result.decisions:
        yield f"{prefix}decision {decision.rule}: {decision.summary} (confidence {decision.confidence:.2f})"
