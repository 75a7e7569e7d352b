"""`clean --diff`: a unified diff of input against output, each hunk labelled with its rules.

The lines are aligned by the rows (rows.py): each output line is anchored to the
input line its block starts on, so a hunk is one cleaned line and the input lines
it came from. The labels come from the change record: the rules of the changes
whose input spans fall in the hunk's input lines, and of the rows the hunk adds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import pairwise

from cleaner.pipeline import Result
from cleaner.report.rows import Row, page_rows

RED, GREEN, CYAN, BOLD, RESET = "\033[31m", "\033[32m", "\033[36m", "\033[1m", "\033[0m"
CONTEXT = 3
LINE = re.compile(r"[^\n]*\n|[^\n]+$")

Opcode = tuple[str, int, int, int, int]


def lines_of(text: str) -> list[str]:
    """Lines ending in a newline (str.splitlines would also split at form feeds and U+2028)."""
    return LINE.findall(text)


def _range(start: int, stop: int) -> str:
    """A hunk range as unified diffs write it (1-based; an empty range names the line before)."""
    length = stop - start
    first = start + 1 if length else start
    return f"{first}" if length == 1 else f"{first},{length}"


def _line(prefix: str, text: str) -> str:
    return f"{prefix}{text}" if text.endswith("\n") else f"{prefix}{text}\n\\ No newline at end of file\n"


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both coordinates (pairs sorted, first ones distinct)."""
    tails: list[int] = []  # tails[n]: index of the pair ending the best chain of length n + 1
    previous: list[int] = []
    for k, (_, out) in enumerate(pairs):
        pos = bisect_left([pairs[t][1] for t in tails], out)
        previous.append(tails[pos - 1] if pos else -1)
        tails[pos:pos + 1] = [k]
    chain: list[tuple[int, int]] = []
    k = tails[-1] if tails else -1
    while k != -1:
        chain.append(pairs[k])
        k = previous[k]
    return chain[::-1]


def _anchors(result: Result, rows: list[Row], after: list[str]) -> list[tuple[int, int]]:
    """(input line, output line) of each row found in the output, as a chain forward in both.

    A moved headline runs against the chain: it shows as removed where it was printed
    and added where it went, as in any diff.
    """
    starts = [0] + [i + 1 for i, c in enumerate(result.input) if c == "\n"]
    pairs: dict[int, int] = {}
    cursor = 0
    for row in rows:
        if not row.out:
            continue
        for index in range(cursor, len(after)):
            if after[index].strip("\f\n") == row.out:
                pairs.setdefault(bisect_right(starts, row.start) - 1, index)
                cursor = index + 1
                break
    return _increasing(sorted(pairs.items()))


def _opcodes(before: list[str], after: list[str], anchors: list[tuple[int, int]]) -> list[Opcode]:
    bounds = [(0, 0)] + [a for a in anchors if a != (0, 0)] + [(len(before), len(after))]
    codes: list[Opcode] = []
    for (i1, j1), (i2, j2) in pairwise(bounds):
        if i1 == i2 and j1 == j2:
            continue
        codes.append(("equal" if before[i1:i2] == after[j1:j2] else "replace", i1, i2, j1, j2))
    return codes


def _hunks(codes: list[Opcode]) -> Iterator[list[Opcode]]:
    """One hunk per changed op, with up to CONTEXT lines of the equal ops around it (never shared)."""
    used_until = 0  # input lines already shown by an earlier hunk
    for k, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag == "equal":
            continue
        group: list[Opcode] = []
        if k and codes[k - 1][0] == "equal":
            _, a1, a2, b1, _ = codes[k - 1]
            take = min(CONTEXT, a2 - max(a1, used_until))
            if take > 0:
                group.append(("equal", a2 - take, a2, b1 + (a2 - take - a1), b1 + (a2 - a1)))
        group.append((tag, i1, i2, j1, j2))
        used_until = i2
        if k + 1 < len(codes) and codes[k + 1][0] == "equal":
            _, a1, a2, b1, _ = codes[k + 1]
            take = min(CONTEXT, a2 - a1)
            if take > 0:
                group.append(("equal", a1, a1 + take, b1, b1 + take))
                used_until = a1 + take
        yield group


def hunk_rules(result: Result, rows: list[Row], lo: int, hi: int, added: list[str]) -> list[str]:
    """Rules of the changes in input characters [lo, hi) and of the rows whose output is `added`."""
    names: dict[str, None] = {}
    for change in result.changes:
        if change.start < hi and (change.end > lo or change.start >= lo):
            names[change.rule] = None
    wanted = {line.strip("\f\n") for line in added}
    for row in rows:
        if row.out and row.out in wanted:
            for index in sorted(row.changes + row.row_changes):
                names[result.changes[index].rule] = None
    return list(names)


def unified_diff(result: Result, output: str, name: str, color: bool = False) -> Iterator[str]:
    """Yield the diff of `result.input` against `output` line by line (nothing when they are equal)."""
    before, after = lines_of(result.input), lines_of(output)
    if before == after:
        return
    starts = [0]
    for line in before:
        starts.append(starts[-1] + len(line))

    def paint(code: str, text: str) -> str:
        if not color:
            return text
        body = text.rstrip("\n")
        return f"{code}{body}{RESET}{text[len(body):]}"

    rows = page_rows(result)
    yield paint(BOLD, f"--- {name}\n") + paint(BOLD, f"+++ {name} (cleaned)\n")
    for group in _hunks(_opcodes(before, after, _anchors(result, rows, after))):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        changed = next(op for op in group if op[0] != "equal")
        lo, hi = starts[changed[1]], starts[changed[2]]
        rules = hunk_rules(result, rows, lo, max(hi, lo + 1), after[changed[3] : changed[4]])
        label = f" {', '.join(rules)}" if rules else ""
        yield paint(CYAN, f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@") + paint(BOLD, label) + "\n"
        for tag, a1, a2, b1, b2 in group:
            if tag == "equal":
                yield from (_line(" ", line) for line in before[a1:a2])
                continue
            yield from (paint(RED, _line("-", line)) for line in before[a1:a2])
            yield from (paint(GREEN, _line("+", line)) for line in after[b1:b2])
