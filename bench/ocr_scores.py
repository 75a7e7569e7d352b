"""How well the cleaner rebuilds newspaper pages read back by a real OCR engine.

The pages are issue 3's PDF pages (same seed, same page numbers, same layout):
each is rendered to an image with PyMuPDF and read by tesseract (chi_sim) or
RapidOCR, region by region (each headline or column cropped and read alone, as a
layout-aware pipeline does) or as a whole page. The cleaner's JSON is scored as
bench/layout_scores.py does, plus the OCR floor (evaluation/ocr_score.py): the
character error rate left when everything but the engine's misreads is repaired.

    python bench/ocr_scores.py --engine tesseract --mode regions --pages 100
    python bench/ocr_scores.py --engine all --mode all --pages 20 --out ocr.json

OCR is slow: raw engine outputs are cached (``--cache``, one JSON per page, engine,
mode and dpi), so scoring a changed cleaner again reads no image. Run it with nice.

Targets on pages read region by region: character error rate within 0.5 points of
the OCR floor, paragraph-boundary F1 >= 0.95, headline attached >= 0.9, no Han
character the engine read lost. Whole-page reading is reported, not targeted.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.layout_scores import load_cleaner  # noqa: E402
from evaluation.compose import compose_page  # noqa: E402
from evaluation.corpus import CorpusNotFoundError, load_corpus  # noqa: E402
from evaluation.ocr import (  # noqa: E402
    DPI,
    ENGINES,
    MODES,
    cache_path,
    engine_available,
    join_regions,
    read_page,
    read_regions,
    reading_order,
    typeset_with_regions,
)
from evaluation.ocr_score import (  # noqa: E402
    as_read,
    han_lost_from_input,
    headline_readings,
    merged_lines,
    page_floor,
    region_floor,
    region_switches,
)
from evaluation.pipeline import PDF_ARTICLE_COUNTS, page_rng, width_of  # noqa: E402
from evaluation.score import PageScore, score_page  # noqa: E402
from evaluation.typeset import find_cjk_font  # noqa: E402

TARGETS = "regions: CER <= floor + 0.5 points, para F1 >= 0.95, attached >= 0.9, Han lost from OCR = 0"


@dataclass
class Tally:
    score: PageScore = field(default_factory=lambda: PageScore(pages=0))
    floor_edits: int = 0
    input_edits: int = 0
    han_lost_from_input: int = 0
    merged: int = 0
    judged: int = 0
    switches: int = 0
    switch_judged: int = 0
    source_ocr: int = 0
    crashes: int = 0
    # Headlines scored as the engine read them (region by region only): see evaluation/ocr_score.py.
    as_read: PageScore = field(default_factory=lambda: PageScore(pages=0))
    headlines_read_exactly: int = 0

    def add(self, other: Tally) -> None:
        self.score = self.score + other.score
        self.as_read = self.as_read + other.as_read
        for name in ("floor_edits", "input_edits", "han_lost_from_input", "merged", "judged", "switches",
                     "switch_judged", "source_ocr", "crashes", "headlines_read_exactly"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> dict[str, Any]:
        score = self.score.summary()
        length = max(1, self.score.truth_length)
        return {
            **score,
            "ocr_floor": self.floor_edits / length,
            "cer_above_floor": score["character_error_rate"] - self.floor_edits / length,
            "han_lost_from_input": self.han_lost_from_input,
            "merged_line_share": self.merged / self.judged if self.judged else 0.0,
            "region_switch_share": self.switches / self.switch_judged if self.switch_judged else 0.0,
            "detected_ocr_share": self.source_ocr / max(1, score["pages"]),
            "crashes": self.crashes,
            **self._as_read(),
        }

    def _as_read(self) -> dict[str, float | None]:
        if not self.as_read.pages:  # whole-page reading: what the engine read of a headline is not known
            return dict.fromkeys(("headline_f1_as_read", "headline_attached_as_read", "headlines_read_exactly"))
        return {
            "headline_f1_as_read": self.as_read.headline_f1,
            "headline_attached_as_read": self.as_read.attached_share,
            "headlines_read_exactly": self.headlines_read_exactly / max(1, self.as_read.headlines_true),
        }


def ocr_text(page_number: int, engine: str, mode: str, seed: int, dpi: int, corpus, font, cache: Path,
             order: str = "stream") -> dict:
    """The engine's raw reading of one page (from the cache when it is there), with the truth."""
    rng = page_rng(seed, "pdf", page_number)
    width = width_of(page_number)
    page = compose_page(corpus, rng, width, article_counts=PDF_ARTICLE_COUNTS)
    ocr_page = typeset_with_regions(page, width, rng, font)
    path = cache_path(cache, seed, page_number, engine, mode, dpi)
    # The page as composed now: a reading cached from a page the generator composed
    # differently (before a change to it) is read again, not scored against new truth.
    composed = hashlib.sha256("\f".join(region.text for region in ocr_page.regions).encode()).hexdigest()[:16]
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
    if data is None or data.get("composed", composed) != composed:
        if mode == "regions":
            texts = read_regions(ocr_page, engine, dpi)
            data = {"regions": texts, "text": join_regions(texts, engine)}
        else:
            data = {"regions": None, "text": read_page(ocr_page, engine, dpi)}
        data["composed"] = composed
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data["truth"] = ocr_page.truth
    indices = reading_order(ocr_page.regions) if order == "geometric" else list(range(len(ocr_page.regions)))
    data["sources"] = [ocr_page.regions[i].text for i in indices]
    data["kinds"] = [ocr_page.regions[i].kind for i in indices]
    if data["regions"] is not None:  # cached in stream order; handed on in the order asked for
        data["regions"] = [data["regions"][i] for i in indices]
        data["text"] = join_regions(data["regions"], engine)
    data["width"] = width
    return data


def score_one(data: dict, mode: str, clean) -> tuple[Tally, dict]:
    tally = Tally(score=PageScore(pages=0))
    try:
        output = clean(data["text"])
    except Exception:  # the bench survives a crashing cleaner and counts it
        output = {"articles": [], "fragments": [], "removed": []}
        tally.crashes = 1
    tally.score = score_page(data["truth"], output)
    if mode == "regions":
        tally.floor_edits = region_floor(data["regions"], data["sources"])
        readings = headline_readings(data["regions"], data["sources"], data["kinds"])
        read_output, tally.headlines_read_exactly = as_read(data["truth"], output, readings)
        tally.as_read = score_page(data["truth"], read_output)
    else:
        tally.floor_edits = page_floor(data["text"], data["sources"])
        tally.merged, tally.judged = merged_lines(data["text"], data["sources"])
        tally.switches, tally.switch_judged = region_switches(data["text"], data["sources"])
    tally.han_lost_from_input = han_lost_from_input(data["text"], output)
    tally.source_ocr = int(any(d.get("kind") == "source" and d.get("evidence", {}).get("source") == "ocr"
                               for d in output.get("decisions", [])))
    return tally, output


COLUMNS = (
    ("pages", "pages", "{:d}"),
    ("para F1", "paragraph_boundary_f1", "{:.3f}"),
    ("head F1", "headline_f1", "{:.3f}"),
    ("attached", "headline_attached_share", "{:.3f}"),
    ("read ok", "headlines_read_exactly", "{:.3f}"),
    ("hF1 read", "headline_f1_as_read", "{:.3f}"),
    ("att read", "headline_attached_as_read", "{:.3f}"),
    ("CER %", "character_error_rate", "{:.2%}"),
    ("chars %", "character_bag_rate", "{:.2%}"),
    ("floor %", "ocr_floor", "{:.2%}"),
    ("above", "cer_above_floor", "{:.2%}"),
    ("Han lost", "han_lost", "{:d}"),
    ("lost/OCR", "han_lost_from_input", "{:d}"),
    ("merged", "merged_line_share", "{:.1%}"),
    ("switch", "region_switch_share", "{:.1%}"),
    ("as OCR", "detected_ocr_share", "{:.0%}"),
)


def format_table(groups: dict[tuple[str, str, str], Tally]) -> str:
    header = f"{'engine':<10}{'mode':<8}{'width':>6}" + "".join(f"{title:>10}" for title, _, _ in COLUMNS)
    lines = [header, "-" * len(header)]
    for (engine, mode, width), tally in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1],
                                                                                kv[0][2] == "all", kv[0][2])):
        summary = tally.summary()
        cells = "".join(f"{'-' if summary[key] is None else spec.format(summary[key]):>10}"
                        for _, key, spec in COLUMNS)
        lines.append(f"{engine:<10}{mode:<8}{width:>6}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=(*ENGINES, "all"), default="tesseract")
    parser.add_argument("--mode", choices=(*MODES, "all"), default="regions")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--first", type=int, default=0, help="first page number")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=DPI)
    parser.add_argument("--order", choices=("stream", "geometric"), default="stream",
                        help="order of the regions: PDF stream order (default) or geometric reading order (XY cut)")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "cleaner-ocr")
    parser.add_argument("--source", choices=("auto", "ocr", "pdf"), default="auto",
                        help="what the cleaner is told about the source (default: it decides from the text)")
    parser.add_argument("--disable", nargs="*", default=[], help="rules to turn off (to measure what one does)")
    parser.add_argument("--cached-only", action="store_true", help="score only pages whose OCR is in the cache")
    parser.add_argument("--ocr-only", action="store_true", help="fill the cache, do not score")
    parser.add_argument("--baseline", action="store_true", help="score the trivial stand-in, not the cleaner")
    parser.add_argument("--out", type=Path, help="write per-page results as JSON here")
    parser.add_argument("--dump", type=Path, help="write input, truth and output of every page here")
    arguments = parser.parse_args(argv)
    engines = ENGINES if arguments.engine == "all" else (arguments.engine,)
    modes = MODES if arguments.mode == "all" else (arguments.mode,)
    missing = [engine for engine in engines if not engine_available(engine)]
    if missing:
        print(f"OCR engine(s) not installed: {', '.join(missing)} (see evaluation/README.md)", file=sys.stderr)
        return 2
    try:
        corpus = load_corpus()
    except CorpusNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    font = find_cjk_font()
    cleaner_name, clean = load_cleaner(arguments.baseline)
    if (arguments.source != "auto" or arguments.disable) and not arguments.baseline:
        from cleaner import Cleaner

        configured = Cleaner(source=arguments.source, disable=arguments.disable)
        cleaner_name = f"cleaner --source {arguments.source} --disable {' '.join(arguments.disable) or '-'}"
        clean = lambda text: configured.run(text).to_dict()  # noqa: E731
    groups: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    pages_out: list[dict[str, Any]] = []
    timing: dict[str, float] = {}
    for engine in engines:
        for mode in modes:
            started = time.perf_counter()
            for number in range(arguments.first, arguments.first + arguments.pages):
                if arguments.cached_only and not cache_path(arguments.cache, arguments.seed, number, engine, mode,
                                                            arguments.dpi).exists():
                    continue
                data = ocr_text(number, engine, mode, arguments.seed, arguments.dpi, corpus, font, arguments.cache,
                                arguments.order)
                if arguments.ocr_only:
                    continue
                tally, output = score_one(data, mode, clean)
                for key in ((engine, mode, str(data["width"])), (engine, mode, "all")):
                    groups[key].add(tally)
                page_id = f"{engine}-{mode}-{number:04d}-w{data['width']}"
                pages_out.append({"id": page_id, **tally.summary()})
                if arguments.dump:
                    folder = arguments.dump / page_id
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / "input.txt").write_text(data["text"], encoding="utf-8")
                    (folder / "truth.json").write_text(json.dumps(data["truth"].to_dict(), ensure_ascii=False,
                                                                  indent=2), encoding="utf-8")
                    (folder / "output.json").write_text(json.dumps(output, ensure_ascii=False, indent=2),
                                                        encoding="utf-8")
            timing[f"{engine}/{mode}"] = round(time.perf_counter() - started, 1)
    if arguments.ocr_only:
        print(f"cached OCR of {arguments.pages} pages in {arguments.cache}: {timing}")
        return 0
    print(f"scoring: {cleaner_name}; seed {arguments.seed}, {arguments.dpi} dpi, {arguments.order} order, pages "
          f"{arguments.first}-{arguments.first + arguments.pages - 1}\n")
    print(format_table(groups))
    print(f"\ntime (OCR from cache or engine, clean, score): {timing}")
    print(f"targets: {TARGETS}")
    if arguments.out:
        report = {"cleaner": cleaner_name, "seed": arguments.seed, "dpi": arguments.dpi, "timing": timing,
                  "groups": [{"engine": e, "mode": m, "width": w, **t.summary()}
                             for (e, m, w), t in sorted(groups.items())],
                  "pages": pages_out}
        arguments.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
