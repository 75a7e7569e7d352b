"""The `clean` command: a pipe, a file cleaner, and the rule catalogue."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cleaner import __version__
from cleaner.cli.explain import explain_lines
from cleaner.dedup.across import RULE, find_across, remove_across
from cleaner.engine.profile import DEFAULT_PROFILE, ProfileError, load_profile
from cleaner.engine.rule import REGISTRY
from cleaner.io.decode import MAX_BYTES_DEFAULT, InputError, decode
from cleaner.io.output import write_atomic
from cleaner.io.read import read_bytes
from cleaner.pipeline import FORMATS, Cleaner, Result
from cleaner.report.command import review
from cleaner.report.html import Page

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"clean: {message}", err=True)
    return typer.Exit(code)


def list_rules(profile_name: str) -> None:
    """The rules in the order the profile runs them, then any the profile leaves out."""
    profile = load_profile(profile_name)
    names = list(profile.pipeline) + [n for n in REGISTRY if n not in profile.pipeline]
    width = max(len(name) for name in names)
    for name in names:
        rule = REGISTRY[name]
        off = "" if name in profile.pipeline else "  (not in this profile)"
        typer.echo(f"{name:<{width}}  {rule.stage:<6}  {rule.summary}{off}")


def report_across(results: list[Result], names: list[str], remove: bool) -> list[dict[str, object]]:
    """Passages repeated across files (and pages), one line each on standard error."""
    repeats = find_across(results)
    if remove:
        remove_across(results, repeats, names)
    for repeat in repeats:
        text = repeat.text[:30] + ("…" if len(repeat.text) > 30 else "")
        typer.echo(f"{RULE}: {names[repeat.place.result]} page {repeat.place.page + 1}: {text} repeats "
                   f"{names[repeat.kept.result]} page {repeat.kept.page + 1} (similarity {repeat.score:.1f})"
                   f"{' — removed' if remove else ''}", err=True)
    found = [{**r.to_dict(names), "removed": remove} for r in repeats]
    return found


@app.command(help=(
    "Clean text extracted from Chinese newspaper pages. Reads FILES (or standard input) "
    "and writes the cleaned articles to standard output or -o FILE.\n\n"
    "Exit codes: 0 success, 1 bad input, 2 usage error. With --diff: 0 nothing changed, "
    "1 something changed (or bad input), 2 usage error."
))
def main(
    files: Annotated[list[str] | None, typer.Argument(help="Input files; none or '-' reads standard input.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (atomically).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    explain: Annotated[bool, typer.Option("--explain", help="Print every change on standard error.")] = False,
    disable: Annotated[list[str] | None, typer.Option("--disable", help="Turn a rule off (repeatable; a,b).")] = None,
    profile: Annotated[str, typer.Option("--profile", help="Rule set: a name in rules/ or a TOML file.")] = (
        DEFAULT_PROFILE),
    encoding: Annotated[str | None, typer.Option("--encoding", help="Force the input encoding.")] = None,
    source: Annotated[str, typer.Option("--source", help="ocr, pdf or auto (decided from the text).")] = "auto",
    max_size: Annotated[int, typer.Option("--max-size", help="Largest input in bytes.")] = MAX_BYTES_DEFAULT,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of input against output instead, "
                                       "each hunk labelled with its rules; exit 1 when something changed.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours in --diff.")] = False,
    report: Annotated[Path | None, typer.Option("--report", help="Write an HTML report of every change and the "
                                                "decisions to check first here (cleaned text only with -o).")] = None,
    show_rules: Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")] = False,
    dedup_across: Annotated[bool, typer.Option("--dedup-across", help=(
        "Find passages repeated across the pages of FILES (a story on two pages, a wire story in two "
        "papers); report them on standard error and in JSON `repeats_across`."))] = False,
    dedup_remove: Annotated[bool, typer.Option("--dedup-remove", help=(
        "With --dedup-across: also remove the later copies (they go to `removed`)."))] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit(EXIT_OK)
    if show_rules:
        try:
            list_rules(profile)
        except ProfileError as error:
            raise fail(str(error), EXIT_USAGE) from None
        raise typer.Exit(EXIT_OK)
    if fmt not in FORMATS:
        raise fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})", EXIT_USAGE)
    disabled = [name.strip() for item in disable or [] for name in item.split(",") if name.strip()]
    try:
        cleaner = Cleaner(profile=profile, disable=disabled, source=source)
    except ProfileError as error:
        raise fail(str(error), EXIT_USAGE) from None
    if (diff or report) and fmt == "json":
        raise fail("--diff and --report show the text or markdown format, not json", EXIT_USAGE)
    if dedup_remove and not dedup_across:
        raise fail("--dedup-remove needs --dedup-across", EXIT_USAGE)
    sources = files or ["-"]
    names = ["<stdin>" if source == "-" else source for source in sources]
    reviewed: list[Page] = []
    rendered: list[str] = []
    json_results: list[dict[str, object]] = []
    cleaned = []
    for source, name in zip(sources, names, strict=True):
        try:
            decoded = decode(read_bytes(source, max_size), name, encoding)
        except InputError as error:
            raise fail(str(error), EXIT_BAD_INPUT) from None
        cleaned.append((decoded, cleaner.run(decoded.text)))
    across = report_across([r for _, r in cleaned], names, dedup_remove) if dedup_across else None
    for (decoded, result), name in zip(cleaned, names, strict=True):
        if diff or report:
            reviewed.append(Page(name, result))
        if explain:
            for line in explain_lines(result, name if len(sources) > 1 else ""):
                typer.echo(line, err=True)
        if fmt == "json":
            data = result.to_dict()
            data["encoding"] = decoded.encoding
            if across is not None:
                data["repeats_across"] = [r for r in across if r["file"] == name]
            if len(sources) > 1:
                data = {"file": name, **data}
            json_results.append(data)
        else:
            rendered.append(result.render(fmt))
    if diff or report:
        try:
            code = review(reviewed, fmt, diff, color=not no_color and sys.stdout.isatty(), report=report)
            if output is not None:
                write_atomic(output, "\n".join(r for r in rendered if r))
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None
        except OSError as error:
            raise fail(f"cannot write {error.filename}: {error.strerror}", EXIT_BAD_INPUT) from None
        raise typer.Exit(code)
    if fmt == "json":
        payload = json_results[0] if len(json_results) == 1 else json_results
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n".join(r for r in rendered if r)
    try:
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            write_atomic(output, text)
    except BrokenPipeError:
        raise typer.Exit(EXIT_OK) from None
    except OSError as error:
        raise fail(f"cannot write {output}: {error.strerror}", EXIT_BAD_INPUT) from None


def run() -> None:
    """Entry point: no traceback ever reaches the user."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("clean: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # a bug: one line, not a traceback
        sys.stderr.write(f"clean: internal error: {type(error).__name__}: {error}\n")
        sys.exit(70)
