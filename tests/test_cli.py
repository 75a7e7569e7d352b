"""The `clean` command as a user runs it: formats, errors, exit codes, encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEEDS

CLEAN = [sys.executable, "-c", "from cleaner.cli.main import run; run()"]


def clean(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLEAN, *args], input=stdin, capture_output=True, timeout=60)


def one_line_error(run: subprocess.CompletedProcess[bytes]) -> str:
    err = run.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_each_seed_in_each_format(seed: Path, fmt: str) -> None:
    run = clean("--format", fmt, str(seed))
    assert run.returncode == 0, run.stderr
    out = run.stdout.decode("utf-8")
    assert out.strip()
    if fmt == "json":
        data = json.loads(out)
        assert set(data) >= {"articles", "fragments", "removed"}
        for article in data["articles"]:
            assert set(article) >= {"headline", "kicker", "byline", "source", "blocks"}
            for key in ("headline", "kicker", "byline", "source"):
                assert article[key] is None or isinstance(article[key], str)
            for block in article["blocks"]:
                assert block["type"] in ("paragraph", "subhead") and block["text"]
    elif fmt == "markdown":
        assert out.startswith(("# ", "")) and "\n\n" in out
    else:
        assert "\n\n\n" not in out


def test_pipe_reads_stdin_and_matches_the_file_run() -> None:
    seed = SEEDS[1]
    assert clean(stdin=seed.read_bytes()).stdout == clean(str(seed)).stdout


def test_explain_prints_rule_before_after_and_position() -> None:
    run = clean("--explain", stdin="会议,民政 2025 年召开。".encode())
    lines = run.stderr.decode().splitlines()
    assert "punct-fullwidth: , → ， (1:3)" in lines
    assert "space-digit-unit: ␣ → ∅ (1:6)" in lines
    assert run.stdout.decode() == "会议，民政2025年召开。\n"


@pytest.mark.parametrize(("args", "stdin", "code", "message"), [
    (["/no/such/file.txt"], None, 1, "no such file"),
    (["/"], None, 1, "is a directory"),
    ([], b"", 1, "empty"),
    ([], b"\x00\x01\x02binary\x00", 1, "binary"),
    ([], b"\x80\x81\xfe\xff\x80", 1, "cannot decode"),
    (["--format", "pdf"], b"x", 2, "unknown format"),
    (["--disable", "no-such-rule"], b"x", 2, "no-such-rule"),
    (["--profile", "nope"], b"x", 2, "unknown profile"),
    (["--encoding", "klingon"], b"x", 1, "unknown encoding"),
])
def test_bad_input_gives_one_line_and_exit_code(args, stdin, code, message) -> None:
    run = clean(*args, stdin=stdin)
    assert run.returncode == code
    assert message in one_line_error(run)


def test_usage_error_exit_code_2() -> None:
    assert clean("--no-such-option").returncode == 2


@pytest.mark.parametrize(("encoding", "data"), [
    ("utf-8", "会议召开。".encode()),
    ("utf-8-sig", "\ufeff会议召开。".encode()),
    ("utf-16", "会议召开。".encode("utf-16")),
    ("gb18030", "会议召开。".encode("gb18030")),
])
def test_input_encodings(encoding: str, data: bytes) -> None:
    run = clean("--format", "json", stdin=data)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["articles"][0]["blocks"][0]["text"] == "会议召开。"


def test_forced_encoding() -> None:
    data = "会议召开。".encode("gb18030")
    assert clean("--encoding", "gb18030", stdin=data).stdout.decode() == "会议召开。\n"
    assert clean("--encoding", "utf-8", stdin=data).returncode == 1


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert clean("-o", str(target), stdin="会议召开。".encode()).returncode == 0
    assert target.read_text(encoding="utf-8") == "会议召开。\n"
    # A failing run (bad input) leaves the earlier file untouched and no temp file.
    assert clean("-o", str(target), stdin=b"").returncode == 1
    assert target.read_text(encoding="utf-8") == "会议召开。\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_unwritable_output_is_a_clean_error(tmp_path: Path) -> None:
    run = clean("-o", str(tmp_path / "missing" / "out.txt"), stdin="会议召开。".encode())
    assert run.returncode == 1
    assert "cannot write" in one_line_error(run)


def test_version_and_list_rules() -> None:
    assert clean("--version").stdout.decode().startswith("cleaner ")
    listing = clean("--list-rules").stdout.decode()
    assert "space-digit-unit" in listing and "t2s" in listing


def test_several_files_to_json_name_each_file() -> None:
    run = clean("--format", "json", str(SEEDS[0]), str(SEEDS[1]))
    data = json.loads(run.stdout)
    assert [d["file"] for d in data] == [str(SEEDS[0]), str(SEEDS[1])]
