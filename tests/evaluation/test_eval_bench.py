"""bench/layout_scores.py end to end on a made-up corpus, with the baseline stand-in."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "layout_scores.py"


@pytest.fixture
def bench(monkeypatch, tiny_corpus):
    spec = importlib.util.spec_from_file_location("layout_scores", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "load_corpus", lambda: tiny_corpus)
    return module


def test_bench_writes_results_and_worst_pages(bench, tmp_path, capsys) -> None:
    out, dump = tmp_path / "results.json", tmp_path / "worst"
    status = bench.main(
        [
            "--pages",
            "7",
            "--kind",
            "simulated",
            "--baseline",
            "--out",
            str(out),
            "--dump",
            str(dump),
            "--worst",
            "2",
        ]
    )
    assert status == 0
    printed = capsys.readouterr().out
    assert "simulated simulated     all" in printed and "targets simulated" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["pages"]) == 7
    assert {group["width"] for group in report["groups"]} == {"all", *map(str, range(10, 17))}
    assert [path.name for path in dump.iterdir()] == ["simulated-simulated"]
    worst = sorted((dump / "simulated-simulated").iterdir())
    assert len(worst) == 2
    for folder in worst:
        assert {path.name for path in folder.iterdir()} == {
            "input.txt",
            "truth.json",
            "output.json",
            "score.json",
        }


def test_a_crashing_cleaner_is_counted_not_fatal(bench, tiny_corpus) -> None:
    def crash(text: str) -> dict:
        raise ValueError("boom")

    cases = list(bench.simulated_cases(tiny_corpus, 2, seed=1))
    results = bench.run_cases(cases, crash)
    assert all(result["error"] and "boom" in result["error"] for result in results)
    assert all(result["score"].boundary_recall == 0.0 for result in results)
