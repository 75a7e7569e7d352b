#!/usr/bin/env bash
# Install what the layout evaluation (bench/layout_scores.py) needs on a fresh Debian machine:
#   - the corpus: Simplified Chinese translations of Debian's documentation (no text is copied
#     into the repository; evaluation/corpus.py reads the installed HTML),
#   - a CJK font to embed in the generated PDFs, and poppler's pdftotext,
#   - the Python extras (PyMuPDF, pdfminer.six, rapidfuzz, regex) when a pip is given.
# Usage: bash evaluation/install_corpus.sh [path/to/python]   (run as root, or with sudo available)
set -euo pipefail

packages=(
  debian-handbook          # required: "The Debian Administrator's Handbook", zh-CN HTML
  debian-reference-zh-cn   # optional extras of the corpus
  maint-guide-zh-cn
  debian-faq-zh-cn
  fonts-wqy-microhei       # CJK font embedded in the PDFs (PyMuPDF's built-in one is the fallback)
  poppler-utils            # pdftotext, the third PDF extractor
  poppler-data             # CMaps poppler needs for CJK fonts that are not embedded
)

sudo_if_needed=()
if [ "$(id -u)" -ne 0 ]; then sudo_if_needed=(sudo); fi

"${sudo_if_needed[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y -q --no-install-recommends "${packages[@]}"

python="${1:-}"
if [ -n "$python" ]; then
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  extras=$(cd "$here" && "$python" - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as handle:
    print(" ".join(tomllib.load(handle)["project"]["optional-dependencies"]["eval"]))
PY
)
  # shellcheck disable=SC2086
  "$python" -m pip install $extras
fi
