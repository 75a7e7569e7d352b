"""How well the cleaner rebuilds newspaper pages it has never seen.

Generates pages from Debian's Chinese documentation (see evaluation/README.md),
turns them into extractor-like text (a text-level simulation, or a real PDF
round trip through several extractors), runs the cleaner on each text and
scores its JSON against the truth.

    python bench/layout_scores.py --pages 200 --kind simulated --seed 1
    python bench/layout_scores.py --pages 200 --kind pdf --out pdf.json --dump worst/
    python bench/layout_scores.py --pages 20 --kind all --baseline

Targets for the cleaner: paragraph-boundary F1 >= 0.98, headline attached to the
right article >= 0.95, character error rate <= 0.5%, Han characters lost = 0.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pickle
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from evaluation.baseline import baseline_clean  # noqa: E402
from evaluation.corpus import CorpusNotFoundError, licences, load_corpus, shared_with  # noqa: E402
from evaluation.pipeline import Case, pdf_cases, simulated_cases  # noqa: E402
from evaluation.score import PageScore, score_page  # noqa: E402

TARGETS = {
    "paragraph_boundary_f1": (">=", 0.98),
    "headline_attached_share": (">=", 0.95),
    "character_error_rate": ("<=", 0.005),
    "han_lost": ("<=", 0),
}
COLUMNS = (
    ("pages", "pages", "{:d}"),
    ("para P", "paragraph_boundary_precision", "{:.3f}"),
    ("para R", "paragraph_boundary_recall", "{:.3f}"),
    ("para F1", "paragraph_boundary_f1", "{:.3f}"),
    ("head F1", "headline_f1", "{:.3f}"),
    ("attached", "headline_attached_share", "{:.3f}"),
    ("CER %", "character_error_rate", "{:.2%}"),
    ("chars %", "character_bag_rate", "{:.2%}"),
    ("Han lost", "han_lost", "{:d}"),
)

Clean = Callable[[str], dict[str, Any]]


def load_cleaner(use_baseline: bool) -> tuple[str, Clean]:
    """The cleaner's library API, imported only here so the evaluation package does not need it."""
    if use_baseline:
        return "baseline (every non-blank line a paragraph)", baseline_clean
    try:
        import cleaner
        from cleaner import Cleaner  # type: ignore[attr-defined]
    except ImportError as error:
        sys.exit(f"cannot import the cleaner ({error}); use --baseline to run the stand-in")
    try:
        importlib.import_module("cleaner.profiles")
    except ModuleNotFoundError:
        # A source checkout that is not installed: the rule sets in rules/ ship as cleaner.profiles.
        rules = importlib.import_module("rules")
        sys.modules["cleaner.profiles"] = rules
        cleaner.profiles = rules  # type: ignore[attr-defined]
    cleaner = Cleaner()
    return "cleaner", lambda text: cleaner.run(text).to_dict()


def run_cases(cases: Iterable[Case], clean: Clean) -> list[dict[str, Any]]:
    """Clean and score every case; a cleaner crash scores as empty output and is counted."""
    results = []
    for case in cases:
        started = time.perf_counter()
        error = None
        try:
            output = clean(case.text)
        except Exception:  # the bench must survive a crashing cleaner and report it
            error = traceback.format_exc(limit=3)
            output = {"articles": [], "fragments": [], "removed": []}
        seconds = time.perf_counter() - started
        results.append(
            {
                "case": case,
                "output": output,
                "score": score_page(case.truth, output),
                "error": error,
                "seconds": seconds,
            }
        )
    return results


def aggregate(results: list[dict[str, Any]]) -> dict[tuple[str, str, str], PageScore]:
    """Scores per (kind, extractor, width), per (kind, extractor) and per kind."""
    groups: dict[tuple[str, str, str], PageScore] = defaultdict(lambda: PageScore(pages=0))
    for result in results:
        case: Case = result["case"]
        score: PageScore = result["score"]
        for key in (
            (case.kind, case.extractor, str(case.width)),
            (case.kind, case.extractor, "all"),
            (case.kind, "all", "all"),
        ):
            groups[key] = groups[key] + score
    return dict(groups)


def meets(summary: dict[str, float | int]) -> dict[str, bool]:
    return {
        name: summary[name] >= limit if sign == ">=" else summary[name] <= limit
        for name, (sign, limit) in TARGETS.items()
    }


def format_table(groups: dict[tuple[str, str, str], PageScore], errors: dict[tuple[str, str], int]) -> str:
    header = f"{'kind':<10}{'extractor':<11}{'width':>6}" + "".join(f"{title:>10}" for title, _, _ in COLUMNS)
    lines = [header + f"{'crashes':>9}", "-" * (len(header) + 9)]

    def order(key: tuple[str, str, str]) -> tuple:
        kind, extractor, width = key
        return (kind, extractor == "all", extractor, width == "all", width.zfill(3))

    for key in sorted(groups, key=order):
        kind, extractor, width = key
        summary = groups[key].summary()
        cells = "".join(f"{spec.format(summary[field]):>10}" for _, field, spec in COLUMNS)
        crash = errors.get((kind, extractor), 0) if width == "all" else ""
        lines.append(f"{kind:<10}{extractor:<11}{width:>6}{cells}{crash!s:>9}")
        if width == "all" and extractor == "all":
            lines.append("")
    return "\n".join(lines)


def dump_worst(results: list[dict[str, Any]], folder: Path, count: int) -> list[str]:
    """For each (kind, extractor), write input text, truth JSON and cleaner JSON of its ``count`` worst pages.

    The files go to ``folder/<kind>-<extractor>/<rank>_<page id>/``; the ids written are returned.
    """
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        by_source[f"{result['case'].kind}-{result['case'].extractor}"].append(result)
    written = []
    for source, source_results in sorted(by_source.items()):
        worst = sorted(source_results, key=lambda result: -result["score"].badness)[:count]
        for rank, result in enumerate(worst, start=1):
            case: Case = result["case"]
            target = folder / source / f"{rank:03d}_{case.page_id}"
            target.mkdir(parents=True, exist_ok=True)
            (target / "input.txt").write_text(case.text, encoding="utf-8")
            (target / "truth.json").write_text(_json(case.truth.to_dict()), encoding="utf-8")
            (target / "output.json").write_text(_json(result["output"]), encoding="utf-8")
            details = {
                "score": result["score"].summary(),
                "settings": case.settings,
                "error": result["error"],
            }
            (target / "score.json").write_text(_json(details), encoding="utf-8")
            written.append(case.page_id)
    return written


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--pages", type=int, default=200, help="pages to generate per kind (default 200)")
    parser.add_argument("--kind", choices=("simulated", "pdf", "all"), default="simulated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extractors", nargs="*", help="PDF extractors to use (default: all installed)")
    parser.add_argument("--baseline", action="store_true", help="score the trivial stand-in, not the cleaner")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    parser.add_argument("--dump", type=Path, help="write the worst pages (input, truth, output) here")
    parser.add_argument("--worst", type=int, default=20, help="pages to dump per kind/extractor")
    parser.add_argument("--cache", type=Path,
                        help="keep the extracted PDF pages here (one pickle per pages/seed/extractors), so "
                             "a changed cleaner is scored again without typesetting and extracting")
    return parser.parse_args(argv)


def cached_pdf_cases(folder: Path | None, pages: int, seed: int, make: Callable[[], list[Case]]) -> list[Case]:
    """The PDF cases, from ``folder`` when a run with the same settings left them there.
    The pickle is this bench's own output, read back only from a folder the user names."""
    if folder is None:
        return make()
    path = folder / f"pdf-cases-p{pages}-s{seed}.pickle"
    if path.exists():
        with path.open("rb") as stream:
            return pickle.load(stream)
    cases = make()
    folder.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("wb") as stream:
        pickle.dump(cases, stream)
    temporary.replace(path)
    return cases


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        corpus = load_corpus()
    except CorpusNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    seed_files = sorted((REPO / "seeds").glob("*.txt"))
    seeds = [path.read_text(encoding="utf-8", errors="replace") for path in seed_files]
    if shared_with(corpus, seeds):
        print("the corpus shares text with seeds/: refusing to score on it", file=sys.stderr)
        return 2
    cleaner_name, clean = load_cleaner(arguments.baseline)
    kinds = ("simulated", "pdf") if arguments.kind == "all" else (arguments.kind,)
    results: list[dict[str, Any]] = []
    timing: dict[str, dict[str, float]] = {}
    font = None
    for kind in kinds:
        started = time.perf_counter()
        if kind == "simulated":
            cases = list(simulated_cases(corpus, arguments.pages, arguments.seed))
        else:
            from evaluation.extract import available_extractors
            from evaluation.typeset import find_cjk_font

            extractors = available_extractors()
            if arguments.extractors:
                extractors = {name: extractors[name] for name in arguments.extractors if name in extractors}
            if not extractors:
                print("no PDF extractor installed: run evaluation/install_corpus.sh")
                return 2
            font = find_cjk_font()
            names = "-".join(sorted(extractors))
            cases = cached_pdf_cases(
                arguments.cache / names if arguments.cache else None, arguments.pages, arguments.seed,
                lambda extractors=extractors, font=font: list(
                    pdf_cases(corpus, arguments.pages, arguments.seed, extractors, font)))
        generated = time.perf_counter()
        kind_results = run_cases(cases, clean)
        results.extend(kind_results)
        timing[kind] = {
            "generate_seconds": round(generated - started, 2),
            "clean_and_score_seconds": round(time.perf_counter() - generated, 2),
            "clean_seconds": round(sum(result["seconds"] for result in kind_results), 2),
        }

    groups = aggregate(results)
    errors: dict[tuple[str, str], int] = defaultdict(int)
    for result in results:
        if result["error"]:
            case = result["case"]
            errors[(case.kind, case.extractor)] += 1
            errors[(case.kind, "all")] += 1
    print(f"scoring: {cleaner_name}; {arguments.pages} pages per kind, seed {arguments.seed}")
    print(f"corpus: {', '.join(corpus.packages)} ({len(corpus.paragraphs)} paragraphs)\n")
    print(format_table(groups, errors))
    for kind, times in timing.items():
        print(f"time {kind}: " + ", ".join(f"{name} {value}s" for name, value in times.items()))
    for kind in kinds:
        summary = groups[(kind, "all", "all")].summary()
        met = meets(summary)
        verdicts = ", ".join(f"{name} {'ok' if ok else 'MISSED'}" for name, ok in met.items())
        print(f"targets {kind}: {verdicts}")
    worst_ids = []
    if arguments.dump:
        worst_ids = dump_worst(results, arguments.dump, arguments.worst)
        print(f"worst {arguments.worst} pages of each kind and extractor written to {arguments.dump}")
    if arguments.out:
        report = {
            "cleaner": cleaner_name,
            "pages_per_kind": arguments.pages,
            "seed": arguments.seed,
            "corpus": {
                "packages": corpus.packages,
                "licences": licences(),
                "paragraphs": len(corpus.paragraphs),
            },
            "font": font,
            "timing": timing,
            "targets": {name: f"{sign} {limit}" for name, (sign, limit) in TARGETS.items()},
            "groups": [
                {"kind": kind, "extractor": extractor, "width": width, **score.summary()}
                for (kind, extractor, width), score in sorted(groups.items())
            ],
            "worst_pages": worst_ids,
            "pages": [
                {
                    "id": result["case"].page_id,
                    "kind": result["case"].kind,
                    "extractor": result["case"].extractor,
                    "width": result["case"].width,
                    "badness": round(result["score"].badness, 4),
                    "crashed": result["error"] is not None,
                    "settings": result["case"].settings,
                    **result["score"].summary(),
                }
                for result in results
            ],
        }
        arguments.out.write_text(_json(report), encoding="utf-8")
        print(f"results written to {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
