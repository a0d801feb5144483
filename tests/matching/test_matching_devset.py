"""Quality on the labelled dev set in shared/data (must be present: CI has it)."""

from pathlib import Path

from .pairwise import evaluate

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_dev_set_precision_and_recall():
    precision, recall, wrong, missed = evaluate(
        DATA / "dedupe-dev.csv", DATA / "dedupe-dev-truth.csv"
    )
    assert precision >= 0.99, sorted(wrong)
    assert recall >= 0.97, sorted(missed)
