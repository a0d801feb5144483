"""Pairwise precision and recall of clusters against a labelled truth file (shared helper)."""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from campaign.matching import find_clusters
from campaign.matching.csvio import read_records


def pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """All unordered id pairs inside each group."""
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def truth_groups(path: Path) -> list[list[str]]:
    """Ids grouped by organisation from an ``id,org`` truth file."""
    groups: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups[row["org"]].append(row["id"])
    return list(groups.values())


def evaluate(data: Path, truth: Path) -> tuple[float, float, set, set]:
    """Cluster ``data``; return precision, recall, wrong pairs and missed pairs."""
    found = pairs(find_clusters(read_records(data)).clusters)
    real = pairs(truth_groups(truth))
    hits = len(found & real)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(real) if real else 1.0
    return precision, recall, found - real, real - found
