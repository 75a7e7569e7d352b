"""The rule reference, generated from the rules themselves (name, summary, docstring, examples).

`python -m cleaner.docs_gen` rewrites docs/rules.md; `--check` exits 1 when it is stale.
The report embeds the same entries, so each label links to its rule.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from cleaner.engine.profile import DEFAULT_PROFILE, load_profile
from cleaner.engine.rule import REGISTRY, Rule

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


@dataclass(frozen=True, slots=True)
class RuleEntry:
    name: str
    summary: str
    why: str
    stage: str
    group: str
    safe: bool
    in_profile: bool
    settings: dict[str, object]
    fixes: tuple[tuple[str, str], ...]  # (before, after) pairs
    keeps: tuple[str, ...]  # texts the rule must leave alone


def _entry(rule: Rule, in_profile: bool) -> RuleEntry:
    why = rule.why
    if why.startswith("Why:"):
        why = why[4:].lstrip()
        why = why[:1].upper() + why[1:]
    return RuleEntry(
        name=rule.name, summary=rule.summary, why=why, stage=rule.stage, group=rule.group, safe=rule.safe,
        in_profile=in_profile, settings=dict(rule.defaults),
        fixes=tuple((e.before, e.after) for e in rule.examples if not e.is_keep and not e.settings),
        keeps=tuple(e.before for e in rule.examples if e.is_keep and not e.settings),
    )


def rule_entries(profile_name: str = DEFAULT_PROFILE) -> list[RuleEntry]:
    """Every registered rule: first in the order the profile runs them, then the rest."""
    profile = load_profile(profile_name)
    names = list(profile.pipeline) + sorted(n for n in REGISTRY if n not in profile.pipeline)
    return [_entry(REGISTRY[name], name in profile.pipeline) for name in names]


def shown(text: str) -> str:
    """The text with invisible characters (other than the newline) written as ⟨U+XXXX⟩."""
    return "".join(c if c == "\n" or c.isprintable() else f"⟨U+{ord(c):04X}⟩" for c in text)


def _code(text: str) -> list[str]:
    text = shown(text)
    fence = "````" if "```" in text else "```"
    return [f"{fence}text", *text.split("\n"), fence]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_markdown(entries: list[RuleEntry] | None = None) -> str:
    entries = rule_entries() if entries is None else entries
    lines = [
        "# Rule reference",
        "",
        "Generated from the rules themselves by `python -m cleaner.docs_gen`; do not edit by hand.",
        "`clean --list-rules` prints the one-line summaries; the diff report links each label here.",
        "Rules run in this order (the default profile, `rules/newspaper.toml`).",
        "In the examples, invisible characters are written ⟨U+XXXX⟩.",
        "",
        "| rule | stage | what it fixes |",
        "|---|---|---|",
    ]
    lines += [f"| [{e.name}](#{e.name}) | {e.stage} | {_cell(e.summary)} |" for e in entries]
    for entry in entries:
        lines += ["", f"## {entry.name}", "", f"**What it fixes:** {entry.summary}", ""]
        facts = [f"stage `{entry.stage}`", f"group `{entry.group}`",
                 "safe" if entry.safe else "a judgement call (check it in the report)"]
        if not entry.in_profile:
            facts.append("not in the default profile")
        if entry.settings:
            facts.append("settings " + ", ".join(f"`{k} = {v!r}`" for k, v in entry.settings.items()))
        lines += ["; ".join(facts).capitalize() + ".", ""]
        if entry.why:
            lines += ["**Why:** " + entry.why.replace("\n", " "), ""]
        for before, after in entry.fixes:
            lines += ["Before:", "", *_code(before), "", "After:", "", *_code(after), ""]
        for keep in entry.keeps:
            lines += ["Left alone:", "", *_code(keep), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = rules_markdown()
    if "--check" in argv:
        current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
        if current != text:
            print(f"{DOC_PATH} is stale: run python -m cleaner.docs_gen", file=sys.stderr)
            return 1
        return 0
    DOC_PATH.parent.mkdir(exist_ok=True)
    DOC_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {DOC_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
