"""Real text extractors run on a typeset PDF page (PyMuPDF, pdfminer.six, poppler's pdftotext)."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

Extractor = Callable[[bytes], str]


def extract_pymupdf(pdf: bytes) -> str:
    """PyMuPDF's plain ``page.get_text()``: lines in content-stream order."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return "".join(page.get_text() for page in document)


def extract_pdfminer(pdf: bytes) -> str:
    """pdfminer.six's ``extract_text`` with its default layout analysis."""
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf))


def extract_pdftotext(pdf: bytes) -> str:
    """poppler's ``pdftotext`` in its default reading-order mode."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
        )
    return done.stdout.decode("utf-8")


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def available_extractors() -> dict[str, Extractor]:
    """The extractors installed on this machine, by name."""
    found: dict[str, Extractor] = {}
    if _has_module("pymupdf"):
        found["pymupdf"] = extract_pymupdf
    if _has_module("pdfminer"):
        found["pdfminer"] = extract_pdfminer
    if shutil.which("pdftotext"):
        found["pdftotext"] = extract_pdftotext
    return found
