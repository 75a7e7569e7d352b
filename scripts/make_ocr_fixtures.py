"""Write the OCR fixtures the tests use: a few generated pages read back by each OCR engine.

    python scripts/make_ocr_fixtures.py --pages 1 2 3 4          # both engines, regions mode

For each engine and page, ``fixtures/ocr/<engine>-p<NNNN>/`` gets ``input.txt`` (the
page text a layout-aware OCR pipeline hands on: every region read alone, joined as
evaluation/ocr.py joins them), ``truth.json`` (what the page holds) and
``regions.json`` (each region's kind, printed text and the engine's raw reading).
Pages are issue 3's PDF pages (seed 1), typeset from the installed Debian
documentation corpus (evaluation/README.md); needs the ``ocr`` extra, tesseract with
chi_sim and the corpus. Engine outputs are cached as bench/ocr_scores.py caches them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.ocr_scores import ocr_text  # noqa: E402
from evaluation.corpus import load_corpus  # noqa: E402
from evaluation.ocr import DPI, ENGINES  # noqa: E402
from evaluation.typeset import find_cjk_font  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "cleaner-ocr")
    parser.add_argument("--out", type=Path, default=REPO / "fixtures" / "ocr")
    arguments = parser.parse_args()
    corpus, font = load_corpus(), find_cjk_font()
    for engine in arguments.engines:
        for number in arguments.pages:
            data = ocr_text(number, engine, "regions", arguments.seed, DPI, corpus, font, arguments.cache)
            folder = arguments.out / f"{engine}-p{number:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "input.txt").write_text(data["text"], encoding="utf-8")
            (folder / "truth.json").write_text(
                json.dumps(data["truth"].to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            regions = [{"source": source, "ocr": read} for source, read in zip(data["sources"], data["regions"],
                                                                               strict=True)]
            (folder / "regions.json").write_text(json.dumps(regions, ensure_ascii=False, indent=2) + "\n",
                                                 encoding="utf-8")
            print(f"wrote {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
