"""cleaner: turn text extracted from Chinese newspaper pages into clean articles.

>>> from cleaner import clean
>>> clean("会议强调,要进一步加强\\n社会救助工作。")
'会议强调，要进一步加强社会救助工作。\\n'
"""

from cleaner.pipeline import Cleaner, Result, clean

__version__ = "0.1.0"
__all__ = ["Cleaner", "Result", "__version__", "clean"]
