"""The text-level simulation: deterministic, and it loses or invents nothing it should not."""

from __future__ import annotations

import random
from dataclasses import replace

from evaluation.artefacts import mojibake_cp1252, mojibake_gbk
from evaluation.baseline import baseline_clean
from evaluation.compose import compose_page
from evaluation.pipeline import simulated_cases
from evaluation.score import score_page, strings_in
from evaluation.simulate import LINE_BREAK_STYLES, SimulationSettings, draw_settings, simulate_page
from evaluation.text import han_counts


def test_generation_is_deterministic(tiny_corpus) -> None:
    first = [(case.text, case.truth) for case in simulated_cases(tiny_corpus, 8, seed=3)]
    again = [(case.text, case.truth) for case in simulated_cases(tiny_corpus, 8, seed=3)]
    other = [(case.text, case.truth) for case in simulated_cases(tiny_corpus, 8, seed=4)]
    assert first == again
    assert first != other


def test_widths_cycle_through_10_to_16(tiny_corpus) -> None:
    assert [case.width for case in simulated_cases(tiny_corpus, 9, seed=1)] == [
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        10,
        11,
    ]


def test_without_character_damage_every_han_character_is_printed(tiny_corpus) -> None:
    for number in range(40):
        rng = random.Random(number)
        width = 10 + number % 7
        page = compose_page(tiny_corpus, rng, width)
        settings = replace(
            draw_settings(rng, width),
            traditional_rate=0.0,
            radical_rate=0.0,
            mojibake="",
            duplicate_paragraph=False,
            full_width_article_rate=0.0,
        )
        text, _ = simulate_page(page, width, rng, settings)
        assert han_counts(text) == han_counts("".join(strings_in(page.to_dict())))


def test_every_line_break_style_occurs_and_differs(tiny_corpus) -> None:
    page = compose_page(tiny_corpus, random.Random(5), 12)
    texts = set()
    for style in LINE_BREAK_STYLES:
        rate = 1.0 if style == "blank_after_every_line" else 0.5 if style == "blank_after_some_lines" else 0.0
        settings = SimulationSettings(width=12, line_breaks=style, blank_rate=rate)
        text, _ = simulate_page(page, 12, random.Random(1), settings)
        texts.add(text)
        if style == "blank_after_every_line":
            assert "\n\n" in text and "\n\n\n" not in text.strip()
        if style == "paragraph_per_line":
            for paragraph in page.articles[0].paragraphs:
                assert paragraph in text
    assert len(texts) == len(LINE_BREAK_STYLES)


def test_a_clean_simulation_scores_perfectly_when_the_truth_is_returned(tiny_corpus) -> None:
    case = next(iter(simulated_cases(tiny_corpus, 1, seed=9)))
    assert score_page(case.truth, case.truth.to_dict()).badness == 0.0
    assert score_page(case.truth, baseline_clean(case.text)).headline_recall == 0.0


def test_mojibake_is_reversible() -> None:
    text = "民政工作会议在京召开"
    assert mojibake_cp1252(text).encode("cp1252", errors="ignore") != b""
    garbled = mojibake_gbk("民政工作")
    assert garbled is not None and garbled.encode("gbk").decode("utf-8") == "民政工作"
