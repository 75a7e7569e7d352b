"""Bytes to text: detect the encoding of an extracted page, refuse what is not text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

MAX_BYTES_DEFAULT = 256 * 1024 * 1024
# Share of control characters above which a "text" is really a binary file.
MAX_CONTROL_SHARE = 0.02


class InputError(ValueError):
    """Input that cannot be cleaned; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str = "input", encoding: str | None = None) -> Decoded:
    """Decode `data`: a forced `encoding`, else a BOM, else UTF-8, else GB18030."""
    if not data.strip():
        raise InputError(f"{name}: input is empty")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        try:
            return _checked(data.decode(encoding), encoding, name)
        except UnicodeDecodeError as error:
            raise InputError(f"{name}: not valid {encoding} (byte {error.start})") from None
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec, name)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: starts with a {codec} BOM but is not valid {codec} "
                                 f"(byte {error.start})") from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("gb18030"), "gb18030", name)
        except UnicodeDecodeError:
            raise InputError(f"{name}: cannot decode: not UTF-8 (bad byte at {utf8_error.start}), "
                             f"UTF-16 with BOM or GB18030; use --encoding") from None


def _checked(text: str, encoding: str, name: str) -> Decoded:
    if not text.strip():
        raise InputError(f"{name}: input is empty")
    controls = sum(1 for c in text if c < " " and c not in "\n\r\t\f") + text.count("\x7f")
    if controls > MAX_CONTROL_SHARE * len(text) + 2:
        raise InputError(f"{name}: looks like a binary file ({controls} control characters), not text")
    return Decoded(text, encoding)
