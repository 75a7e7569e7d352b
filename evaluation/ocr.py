"""A real OCR round trip: typeset a page, render it to an image, read it back with an OCR engine.

Two ways of reading a page, as OCR pipelines do:

* ``regions``: each frame of the page (a headline, a column of an article's body, a
  fragment) is cropped from the page image and read alone, as layout-aware pipelines
  (PP-Structure, MinerU) do. Regions come in the order the frames were written into
  the PDF (the order issue 3's content-stream extractors see).
* ``page``: the whole page image is read at once; the engine finds the lines itself.

Engines: tesseract (Debian ``tesseract-ocr`` + ``tesseract-ocr-chi-sim``, run as a
subprocess) and RapidOCR (``rapidocr-onnxruntime``, PaddleOCR's models in ONNX form,
offline). Each engine's raw output is kept as it comes: tesseract's regions are
separated by a form feed (its page separator); RapidOCR gives text lines, joined here with newlines, and a
layout-aware pipeline separates its regions by a blank line.

Needs the ``ocr`` extra (PyMuPDF, rapidocr-onnxruntime) and the Debian packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.page import Page
from evaluation.typeset import Frame, TypesetSettings, _font, lay_out, render_pdf

ENGINES = ("tesseract", "rapidocr")
MODES = ("regions", "page")
DPI = 200
PAD_POINTS = 4.0


@dataclass(frozen=True)
class Region:
    """One frame of the page: its kind, its box in points (x0, y0, x1, y1) and its printed lines."""

    kind: str
    box: tuple[float, float, float, float]
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class OcrPage:
    """A typeset page: the PDF, the truth of what fits on it, and its regions in stream order."""

    pdf: bytes
    truth: Page
    regions: list[Region]
    width: int


def typeset_with_regions(page: Page, width: int, rng, font_path: str | None) -> OcrPage:
    """Typeset ``page`` (exactly as :func:`evaluation.typeset.typeset_page` does) and keep the frame boxes."""
    settings = TypesetSettings(width=width)
    frames, rules, placed = lay_out(page, settings, rng)
    pdf = render_pdf(frames, rules, settings, font_path)
    regions = [region_of(frame, font_path) for frame in frames if frame.lines]
    return OcrPage(pdf, placed, regions, width)


def region_of(frame: Frame, font_path: str | None) -> Region:
    font = _font(font_path)
    x0 = min(line.x for line in frame.lines)
    x1 = max(line.x + (line.justify_to or font.text_length(line.text, fontsize=line.size)) for line in frame.lines)
    y0 = min(line.y - line.size for line in frame.lines)
    y1 = max(line.y + 0.35 * line.size for line in frame.lines)
    box = (x0 - PAD_POINTS, y0 - PAD_POINTS, x1 + PAD_POINTS, y1 + PAD_POINTS)
    return Region(frame.kind, box, tuple(line.text for line in frame.lines))


def reading_order(regions: list[Region]) -> list[int]:
    """Indices of the regions in geometric reading order, as a layout-aware pipeline gives them:
    a recursive XY cut (split where a horizontal band, then a vertical gap, crosses no region;
    top before bottom, left before right), falling back to top-to-bottom, left-to-right."""
    return _xy_cut(list(range(len(regions))), [region.box for region in regions], horizontal=True, tried=False)


def _xy_cut(items: list[int], boxes: list[tuple[float, float, float, float]], horizontal: bool,
            tried: bool) -> list[int]:
    if len(items) <= 1:
        return items
    low, high = (1, 3) if horizontal else (0, 2)
    ordered = sorted(items, key=lambda i: (boxes[i][low], boxes[i][0] if horizontal else boxes[i][1]))
    groups: list[list[int]] = [[ordered[0]]]
    reach = boxes[ordered[0]][high]
    for index in ordered[1:]:
        if boxes[index][low] >= reach - 1.0:
            groups.append([index])
        else:
            groups[-1].append(index)
        reach = max(reach, boxes[index][high])
    if len(groups) == 1:
        if tried:
            return sorted(items, key=lambda i: (boxes[i][1], boxes[i][0]))
        return _xy_cut(items, boxes, not horizontal, tried=True)
    return [i for group in groups for i in _xy_cut(group, boxes, not horizontal, tried=False)]


def render_png(pdf: bytes, dpi: int = DPI, box: tuple[float, float, float, float] | None = None) -> bytes:
    """The page (or the part of it in ``box``, in points) as a greyscale PNG."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        page = document[0]
        clip = pymupdf.Rect(*box) & page.rect if box else None
        pixmap = page.get_pixmap(dpi=dpi, clip=clip, colorspace=pymupdf.csGRAY)
        return pixmap.tobytes("png")


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def read_tesseract(png: bytes, whole_page: bool) -> str:
    """tesseract's plain text output, form feed included (``--psm 6`` for a region, ``3`` for a page)."""
    psm = "3" if whole_page else "6"
    with tempfile.NamedTemporaryFile(suffix=".png") as image:
        image.write(png)
        image.flush()
        environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        completed = subprocess.run(
            ["tesseract", image.name, "stdout", "-l", "chi_sim", "--psm", psm],
            capture_output=True, check=True, env=environment,
        )
    return completed.stdout.decode("utf-8")


@cache
def _rapidocr():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(max_side_len=4000, intra_op_num_threads=1, inter_op_num_threads=1)


def read_rapidocr(png: bytes, whole_page: bool) -> str:
    """RapidOCR's text lines, top to bottom as the engine orders them, one per line."""
    result, _ = _rapidocr()(png)
    return "\n".join(text for _box, text, _score in result or [])


READERS: dict[str, Callable[[bytes, bool], str]] = {"tesseract": read_tesseract, "rapidocr": read_rapidocr}


def read_regions(ocr_page: OcrPage, engine: str, dpi: int = DPI) -> list[str]:
    """The engine's raw text for every region of the page, in stream order."""
    reader = READERS[engine]
    return [reader(render_png(ocr_page.pdf, dpi, region.box), False) for region in ocr_page.regions]


def join_regions(texts: list[str], engine: str) -> str:
    """The page text a layout-aware pipeline hands on: tesseract's outputs separated by a form
    feed (its page separator when it reads several images in one run), RapidOCR's regions
    separated by a blank line."""
    if engine == "tesseract":
        return "\f".join(texts)
    return "\n\n".join(text for text in texts if text.strip()) + "\n"


def read_page(ocr_page: OcrPage, engine: str, dpi: int = DPI) -> str:
    return READERS[engine](render_png(ocr_page.pdf, dpi), True)


def engine_available(engine: str) -> bool:
    if engine == "tesseract":
        return tesseract_available()
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def cache_path(folder: Path, seed: int, number: int, engine: str, mode: str, dpi: int) -> Path:
    return folder / f"s{seed}-p{number:04d}-{engine}-{mode}-{dpi}.json"
