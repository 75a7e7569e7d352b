"""The `clean` command: a pipe, a file cleaner, and the rule catalogue."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cleaner import __version__
from cleaner.cli.explain import explain_lines
from cleaner.engine.profile import DEFAULT_PROFILE, ProfileError, load_profile
from cleaner.engine.rule import REGISTRY
from cleaner.io.decode import MAX_BYTES_DEFAULT, InputError, decode
from cleaner.io.output import write_atomic
from cleaner.io.read import read_bytes
from cleaner.pipeline import FORMATS, Cleaner

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


@app.command(help=(
    "Clean text extracted from Chinese newspaper pages. Reads FILES (or standard input) "
    "and writes the cleaned articles to standard output or -o FILE.\n\n"
    "Exit codes: 0 success, 1 bad input, 2 usage error."
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
    show_rules: Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")] = False,
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
    sources = files or ["-"]
    rendered: list[str] = []
    json_results: list[dict[str, object]] = []
    for source in sources:
        name = "<stdin>" if source == "-" else source
        try:
            decoded = decode(read_bytes(source, max_size), name, encoding)
        except InputError as error:
            raise fail(str(error), EXIT_BAD_INPUT) from None
        result = cleaner.run(decoded.text)
        if explain:
            for line in explain_lines(result, name if len(sources) > 1 else ""):
                typer.echo(line, err=True)
        if fmt == "json":
            data = result.to_dict()
            data["encoding"] = decoded.encoding
            if len(sources) > 1:
                data = {"file": name, **data}
            json_results.append(data)
        else:
            rendered.append(result.render(fmt))
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
