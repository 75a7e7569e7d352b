"""Write the expected outputs of the seed pages to fixtures/, and show what changed.

    python scripts/update_fixtures.py          # show the differences only
    python scripts/update_fixtures.py --write  # write them (after reading the diff!)

The fixtures are the pages as a careful editor would have them: every change this
script shows must be read against the seed before it is written. The JSON fixture
holds the document (articles, fragments, removed passages), not the change record,
whose offsets move with every rule added.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner.pipeline import Cleaner  # noqa: E402

FORMATS = {"txt": "text", "md": "markdown", "json": "json"}


def expected_outputs(seed: Path, cleaner: Cleaner) -> dict[str, str]:
    result = cleaner.run(seed.read_text(encoding="utf-8"))
    outputs = {suffix: result.render(fmt) for suffix, fmt in FORMATS.items() if fmt != "json"}
    outputs["json"] = json.dumps(result.document.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="write the fixtures")
    args = parser.parse_args()
    cleaner = Cleaner()
    changed = 0
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        for suffix, text in expected_outputs(seed, cleaner).items():
            target = ROOT / "fixtures" / f"{seed.stem}.{suffix}"
            old = target.read_text(encoding="utf-8") if target.exists() else ""
            if old == text:
                continue
            changed += 1
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                       str(target.relative_to(ROOT)), "new"))
            if args.write:
                target.parent.mkdir(exist_ok=True)
                target.write_text(text, encoding="utf-8")
    print(f"{changed} fixture(s) {'written' if args.write else 'differ'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
