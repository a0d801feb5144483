"""Quality on the labelled dev set in shared/data (must be present: CI has it)."""

import csv
import itertools
from collections import defaultdict
from pathlib import Path

from campaign.matching import find_clusters
from campaign.matching.csvio import read_records

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _pairs(groups):
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def test_dev_set_precision_and_recall():
    records = read_records(DATA / "dedupe-dev.csv")
    truth = defaultdict(list)
    with open(DATA / "dedupe-dev-truth.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[row["org"]].append(row["id"])
    found, real = _pairs(find_clusters(records).clusters), _pairs(truth.values())
    hits = len(found & real)
    precision, recall = hits / len(found), hits / len(real)
    assert precision >= 0.99, sorted(found - real)
    assert recall >= 0.97, sorted(real - found)
