"""Quality on the held-out set in tests/matching/data, built independently of the dev set.

533 submissions from 263 real civil-society organisations (see data/build_holdout.py),
with chapters, sister organisations, acronym collisions across countries, translations and
junk rows. The engine was never tuned on its names; only general rules were added.

Precision is held to the target. Recall is not at the 0.97 target on this harder set yet
(0.84 when written, 0.92 after the general rules for brand + descriptor names, own-country
words, shared organisation sites and borrowed acronyms; the misses left are translations
with nothing else in common, acronyms that skip words, and chapter-like names kept apart
on purpose), so a floor guards against regressions.
"""

from functools import cache
from pathlib import Path

from .pairwise import evaluate

DATA = Path(__file__).resolve().parent / "data"
RECALL_FLOOR = 0.91


@cache
def _scores():
    return evaluate(DATA / "holdout.csv", DATA / "holdout-truth.csv")


def test_holdout_precision():
    precision, _, wrong, _ = _scores()
    assert precision >= 0.99, sorted(wrong)


def test_holdout_recall_does_not_regress():
    _, recall, _, missed = _scores()
    assert recall >= RECALL_FLOOR, (recall, sorted(missed))
