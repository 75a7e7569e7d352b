from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.engine.profile import ProfileError, load_profile


def test_unknown_rule_in_a_profile_fails_in_one_line(tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('pipeline = ["t2s", "no-such-rule"]\n', encoding="utf-8")
    with pytest.raises(ProfileError) as error:
        load_profile(str(path))
    assert "no-such-rule" in str(error.value) and "\n" not in str(error.value)


def test_unknown_setting_is_refused(tmp_path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('pipeline = ["t2s"]\n[rules.t2s]\nratio = 2\n', encoding="utf-8")
    with pytest.raises(ProfileError, match="ratio"):
        load_profile(str(path))


def test_profile_settings_reach_the_rule(tmp_path) -> None:
    # With a ratio of 100 a mostly simplified line is not "simplified enough" to convert.
    path = tmp_path / "strict.toml"
    path.write_text('pipeline = ["t2s"]\n[rules.t2s]\nmin_simplified_ratio = 100.0\n', encoding="utf-8")
    text = "这是新时代的到來，我们将迎接发展"
    assert Cleaner(profile=str(path)).run(text).document.articles[0].blocks[0].text == text
    assert "到来" in Cleaner().run(text).text


def test_disable_turns_a_rule_off() -> None:
    assert Cleaner(disable=["width-ascii"]).run("２０２４年召开会议。").text == "２０２４年召开会议。\n"
    assert Cleaner().run("２０２４年召开会议。").text == "2024年召开会议。\n"


def test_disabling_an_unknown_rule_fails() -> None:
    with pytest.raises(ProfileError, match="nope"):
        Cleaner(disable=["nope"])
