"""Benchmark the organisation matcher on synthetic lists and print its figures.

usage: python bench/bench_dedupe.py [--big] [--sizes 10000,100000] [--queries 500]

Prints whole-list clustering time for each size (10k by default, 100k with --big), the
per-query latency of one new submission against 10k known organisations (p50/p95), and
pairwise precision/recall on each synthetic list as a sanity check.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data_variants import make_list  # noqa: E402

from campaign.matching import MatchIndex, OrgRecord, find_clusters  # noqa: E402


def _records(rows: list[dict[str, str]]) -> list[OrgRecord]:
    """Rows as records."""
    return [OrgRecord(r["id"], r["name"], r["country"], r["email"], r["website"]) for r in rows]


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    """All unordered id pairs within groups."""
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def quality(clusters: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of ``clusters`` against ``truth``."""
    groups: dict[int, list[str]] = defaultdict(list)
    for rid, org in truth.items():
        groups[org].append(rid)
    found, real = _pairs(clusters), _pairs(list(groups.values()))
    hit = len(found & real)
    return hit / len(found) if found else 1.0, hit / len(real) if real else 1.0


def bench_batch(n: int) -> None:
    """Time clustering a whole list of ``n`` submissions."""
    rows, truth = make_list(n, seed=n)
    records = _records(rows)
    start = time.perf_counter()
    result = find_clusters(records)
    elapsed = time.perf_counter() - start
    p, r = quality(result.clusters, truth)
    print(
        f"whole list {n:>7,}: {elapsed:6.2f} s  clusters={len(result.clusters):,}"
        f"  synthetic P={p:.3f} R={r:.3f}"
    )


def bench_query(known: int, queries: int) -> None:
    """Time single look-ups of new submissions against ``known`` organisations."""
    rows, _ = make_list(known + queries, seed=7)
    index = MatchIndex(_records(rows[:known]))
    times = []
    for record in _records(rows[known:]):
        start = time.perf_counter()
        index.query(record)
        times.append((time.perf_counter() - start) * 1000)
    q = statistics.quantiles(times, n=100)
    print(
        f"query vs {known:,} known: p50={q[49]:.2f} ms  p95={q[94]:.2f} ms  max={max(times):.2f} ms"
    )


def main() -> None:
    """Parse arguments and run the benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also run the 100k list")
    parser.add_argument("--sizes", default="", help="comma-separated list sizes")
    parser.add_argument("--queries", type=int, default=500)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s] or [10_000] + [100_000] * args.big
    for n in sizes:
        bench_batch(n)
    bench_query(10_000, args.queries)


if __name__ == "__main__":
    main()
