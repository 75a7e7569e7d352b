"""What the engine records: edits proposed by rules, changes applied, decisions taken.

A rule proposes `Edit`s against the text it is given. The engine applies them
and records one `Change` per edit, with the span mapped back to the *input*
text, so the diff report and `--explain` can point at the original page.
Decisions that are judgement calls (which script the document is in, where a
headline belongs) are `Decision`s with the evidence that led to them.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an `__init__` that fills each slot through its
    descriptor. The one `dataclass` writes calls `object.__setattr__` per field (frozen
    classes refuse plain assignment), which looks the slot up by name each time: a third
    of the cost of making an edit or a change, and a page makes hundreds of each. Same
    signature and defaults; the class stays frozen (assignment after `__init__` still raises).
    Only for plain fields (no default factory, keyword-only or non-init field, no `__post_init__`)."""
    all_fields = fields(cls)  # type: ignore[arg-type]
    if any(f.default_factory is not MISSING or not f.init or f.kw_only for f in all_fields) \
            or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: needs the dataclass __init__")
    names = [f.name for f in all_fields]
    namespace: dict[str, Any] = {f"_set_{name}": getattr(cls, name).__set__ for name in names}
    namespace |= {f"_default_{f.name}": f.default for f in all_fields if f.default is not MISSING}
    params = ", ".join(f"{name}=_default_{name}" if f"_default_{name}" in namespace else name for name in names)
    body = "".join(f"    _set_{name}(self, {name})\n" for name in names)
    exec(f"def __init__(self, {params}):\n{body}", namespace)  # as `dataclass` makes its own
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[misc]
    return cls


@quick_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] with `replacement` (offsets in the text the rule saw)."""

    start: int
    end: int
    replacement: str
    note: str = ""
    confidence: float = 1.0


@quick_init
@dataclass(frozen=True, slots=True)
class Change:
    """One applied edit, located in the input text.

    `start`/`end` are offsets in the input given to the engine; `before` is the
    text the rule replaced (as the rule saw it, after earlier rules), `after` its
    replacement. `confidence` < 1 marks a judgement call a reviewer should check.
    """

    rule: str
    start: int
    end: int
    before: str
    after: str
    note: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Decision:
    """A judgement the pipeline took, with its evidence (for the reviewer's report)."""

    rule: str
    kind: str
    summary: str
    confidence: float
    evidence: dict[str, Any] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "kind": self.kind,
            "summary": self.summary,
            "confidence": round(self.confidence, 3),
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Removal:
    """Why a rule's edit drops text[start:end] (offsets in the text the rule saw).

    `refs` are other spans of that text the reason points at (`kept`: the copy that
    stays); the pipeline locates them in the input and puts the removal in
    `Document.removed`, so the dropped text is still accounted for.
    """

    start: int
    end: int
    reason: str
    refs: dict[str, tuple[int, int]] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)


def minimal_edit(offset: int, old: str, new: str, note: str = "") -> Edit:
    """The smallest edit that turns `old` (at `offset`) into `new`: trim the common ends."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(offset + prefix, offset + len(old) - suffix, new[prefix : len(new) - suffix], note=note)
