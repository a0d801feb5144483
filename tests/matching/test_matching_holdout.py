"""Quality on the held-out set in tests/matching/data, built independently of the dev set.

533 submissions from 263 real civil-society organisations (see data/build_holdout.py),
with chapters, sister organisations, acronym collisions across countries, translations and
junk rows. The engine was never tuned on its names; only general rules were added.

Precision is held to the target. Recall is not at the 0.97 target on this harder set yet
(0.84 when written; the misses are native-language names, "Brand + descriptor" forms and
chapter-like suffixes that are part of a name), so a floor guards against regressions.
"""

from functools import cache
from pathlib import Path

from .pairwise import evaluate

DATA = Path(__file__).resolve().parent / "data"
RECALL_FLOOR = 0.83


@cache
def _scores():
    return evaluate(DATA / "holdout.csv", DATA / "holdout-truth.csv")


def test_holdout_precision():
    precision, _, wrong, _ = _scores()
    assert precision >= 0.99, sorted(wrong)


def test_holdout_recall_does_not_regress():
    _, recall, _, missed = _scores()
    assert recall >= RECALL_FLOOR, (recall, sorted(missed))
