"""What `clean --diff` and `clean --report` do once the files are cleaned (the CLI stays small)."""

from __future__ import annotations

import sys
from pathlib import Path

from cleaner.io.output import write_atomic
from cleaner.report.diff import unified_diff
from cleaner.report.html import Page, render_report


def review(pages: list[Page], fmt: str, diff: bool, color: bool, report: Path | None) -> int:
    """Print the diffs and/or write the report; 1 when --diff found something changed, else 0."""
    changed = False
    if diff:
        for page in pages:
            for line in unified_diff(page.result, page.result.render(fmt), page.name, color):
                changed = True
                sys.stdout.write(line)
        sys.stdout.flush()
    if report is not None:
        title = f"cleaner report: {pages[0].name}" if len(pages) == 1 else f"cleaner report: {len(pages)} pages"
        write_atomic(report, render_report(pages, title))
    return 1 if changed else 0
