"""The reviewer's view of what the cleaner did: a labelled diff and an HTML report.

Built from the engine's record (changes, decisions, removed passages), never by
re-diffing the texts to find out what changed.
"""

from cleaner.report.diff import unified_diff
from cleaner.report.html import Page, render_report

__all__ = ["Page", "render_report", "unified_diff"]
