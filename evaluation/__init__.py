"""Generated newspaper pages and the scores of the cleaner on them (not shipped in the wheel).

See evaluation/README.md; bench/layout_scores.py runs the whole evaluation.
"""
