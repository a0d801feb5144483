"""Batch de-duplication: cluster a whole list of submissions into organisations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from .aliases import AliasTable
from .blocking import CROSS, compared_on, stored_keys
from .flags import EMPTY, SENTENCE, flag_name
from .normalise import name_key
from .profile import OrgRecord, Profile, profile
from .reasons import PairScore
from .result import ClusterDetail, DedupeResult, PairDetail
from .scoring import DEFAULT_THRESHOLD, score_pair

_SKIP = {EMPTY, SENTENCE}
#: Every pair inside a cluster must score at least this (complete linkage on a low bar).
MIN_LINK = 0.45


def candidate_pairs(profiles: list[Profile]) -> set[tuple[int, int]]:
    """Index pairs sharing a blocking key, or a pair of cross keys (initials and acronyms;
    a run of words as initials and names written so), unless too many share it."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in stored_keys(p):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        partner = CROSS.get(key[:2])
        if partner is None:
            if compared_on(key, len(members)):
                pairs.update(combinations(members, 2))
            continue
        written = blocks.get(partner + key[2:], ())
        if compared_on(key, len(members)) or compared_on(partner + key[2:], len(written)):
            pairs.update((min(i, j), max(i, j)) for i in members for j in written if i != j)
    return pairs


class _Scorer:
    """Caches pair scores so coherence checks never score a pair twice."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.profiles = profiles
        self.cache: dict[tuple[int, int], PairScore] = {}

    def __call__(self, i: int, j: int) -> PairScore:
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            self.cache[key] = score_pair(self.profiles[key[0]], self.profiles[key[1]])
        return self.cache[key]


def _ambiguous(edges: dict[int, list[int]], score: _Scorer) -> set[int]:
    """Records matching two records that conflict with each other (an acronym shared by two)."""
    out = set()
    for node, nbrs in edges.items():
        if 1 < len(nbrs) <= 50 and any(score(x, y).conflict for x, y in combinations(nbrs, 2)):
            out.add(node)
    return out


def _coherent(result: PairScore, a: Profile, b: Profile) -> bool:
    """True if two records may share a cluster: no conflict, and names not wholly unrelated.

    An acronym alone ("MRS") says nothing against a name in another language whose own
    acronym differs ("Servicio Misionero a Refugiados"): a low score there is no evidence, so
    only a conflict keeps it out of a cluster it joined through a real match.
    """
    if result.conflict:
        return False
    return result.score >= MIN_LINK or a.acronym_only or b.acronym_only


def _merge(n: int, edges: list[tuple[float, int, int]], score: _Scorer) -> Iterator[list]:
    """Greedy merging, best edge first, refusing any merge that joins a conflicting pair."""
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    used: dict[int, list[tuple[int, int]]] = {i: [] for i in range(n)}
    for _, i, j in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        a, b = owner[i], owner[j]
        pro = score.profiles
        if a == b or not all(
            _coherent(score(x, y), pro[x], pro[y]) for x in members[a] for y in members[b]
        ):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for x in members.pop(b):
            owner[x] = a
            members[a].append(x)
        used[a] += used.pop(b) + [(i, j)]
    for root, group in members.items():
        if len(group) > 1:
            yield [sorted(group), used[root]]


def find_clusters(
    records: Iterable[OrgRecord],
    threshold: float | None = None,
    known_aliases: Iterable[Iterable[str]] = (),
) -> DedupeResult:
    """Group records judged to be one organisation; flag entries that are not organisations."""
    records = list(records)
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    aliases = AliasTable(known_aliases)
    flags = {r.id: f for r in records if (f := flag_name(r.name))}
    keep = [r for r in records if not _SKIP & set(flags.get(r.id, ()))]
    profiles = [profile(r, aliases.groups(name_key(r.name))) for r in keep]
    score = _Scorer(profiles)
    edges = [
        (s.score, i, j) for i, j in candidate_pairs(profiles) if (s := score(i, j)).is_match(limit)
    ]
    graph: dict[int, list[int]] = defaultdict(list)
    for _, i, j in edges:
        graph[i].append(j)
        graph[j].append(i)
    doubtful = _ambiguous(graph, score)
    edges = [e for e in edges if e[0] >= 0.95 or not {e[1], e[2]} & doubtful]
    details = []
    for group, used in sorted(_merge(len(profiles), edges, score)):
        pairs = [PairDetail(keep[i].id, keep[j].id, score(i, j)) for i, j in used]
        details.append(ClusterDetail([keep[i].id for i in group], pairs))
    return DedupeResult(details, flags)
