"""Rule sets as data: which rules run, in what order, with what settings (rules/*.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from cleaner.engine.rule import REGISTRY, STAGE_ORDER, Rule

DEFAULT_PROFILE = "newspaper"


class ProfileError(ValueError):
    """A rule set that cannot be used; the message is one line saying why."""


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    pipeline: tuple[str, ...]
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def rules(self, disable: frozenset[str] = frozenset()) -> list[Rule]:
        return [REGISTRY[name] for name in self.pipeline if name not in disable]

    def settings_for(self, rule: Rule) -> dict[str, Any]:
        return {**rule.defaults, **self.settings.get(rule.name, {})}


def available_profiles() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("cleaner.profiles").iterdir() if p.name.endswith(".toml"))


def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """Load a profile by name (one of rules/*.toml) or from a TOML file path."""
    import cleaner.rules_index  # noqa: F401  (registers every rule)

    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        source = path.read_text(encoding="utf-8")
    else:
        entry = resources.files("cleaner.profiles").joinpath(f"{name_or_path}.toml")
        if not entry.is_file():
            raise ProfileError(f"unknown profile {name_or_path!r} (available: {', '.join(available_profiles())})")
        source = entry.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"profile {name_or_path!r} is not valid TOML: {error}") from None
    pipeline = data.get("pipeline")
    if not isinstance(pipeline, list) or not all(isinstance(n, str) for n in pipeline):
        raise ProfileError(f"profile {name_or_path!r} needs `pipeline`, a list of rule names")
    unknown = [n for n in pipeline if n not in REGISTRY]
    if unknown:
        raise ProfileError(f"profile {name_or_path!r} names unknown rule(s): {', '.join(unknown)}")
    stages = [STAGE_ORDER.index(REGISTRY[n].stage) for n in pipeline]
    if stages != sorted(stages):
        raise ProfileError(f"profile {name_or_path!r} must list rules by stage: {', '.join(STAGE_ORDER)}")
    settings = data.get("rules", {})
    for rule_name, values in settings.items():
        if rule_name not in REGISTRY:
            raise ProfileError(f"profile {name_or_path!r} sets options of unknown rule {rule_name!r}")
        extra = set(values) - set(REGISTRY[rule_name].defaults)
        if extra:
            raise ProfileError(f"rule {rule_name!r} has no setting(s): {', '.join(sorted(extra))}")
    return Profile(
        name=data.get("name", name_or_path),
        description=data.get("description", ""),
        pipeline=tuple(pipeline),
        settings=settings,
    )
