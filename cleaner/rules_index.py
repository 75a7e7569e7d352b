"""Import every module that registers rules, so the registry is complete."""

from cleaner.dedup import rule as _dedup_rule  # noqa: F401
from cleaner.layout import rules as _layout_rules  # noqa: F401
from cleaner.normalize import (  # noqa: F401
    invisible,
    mojibake,
    ocr,
    punctuation,
    script,
    spacing,
    unicode_form,
)
