"""The rule reference (docs/rules.md) and `clean --list-rules` come from the rules themselves."""

from __future__ import annotations

from cleaner.docs_gen import DOC_PATH, main, rule_entries, rules_markdown
from cleaner.engine.rule import REGISTRY
from tests.test_cli import clean


def test_docs_rules_md_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == rules_markdown(), "run: python -m cleaner.docs_gen"
    assert main(["--check"]) == 0


def test_every_rule_has_an_entry_with_what_why_and_examples() -> None:
    text = rules_markdown()
    for name, rule in REGISTRY.items():
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert rule.summary in section
        first_line_of_why = rule.why.removeprefix("Why:").strip().split("\n")[0]
        assert first_line_of_why[1:] in section  # (its first letter is capitalised)
        fixes = [e for e in rule.examples if not e.is_keep and not e.settings]
        assert section.count("Before:") == len(fixes)
        assert f"[{name}](#{name})" in text


def test_entries_follow_the_profile_order() -> None:
    names = [entry.name for entry in rule_entries()]
    assert sorted(names) == sorted(REGISTRY)
    assert names.index("punct-fullwidth") < names.index("join-wrap") < names.index("t2s")


def test_list_rules_prints_each_name_and_summary() -> None:
    run = clean("--list-rules")
    assert run.returncode == 0
    out = run.stdout.decode("utf-8")
    for name, rule in REGISTRY.items():
        line = next(line for line in out.splitlines() if line.split()[0] == name)
        assert rule.summary in line
