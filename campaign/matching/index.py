"""Incremental index: add known organisations, then check one new submission at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .aliases import AliasTable
from .blocking import compared_on, lookup_keys, stored_keys
from .normalise import name_key
from .profile import OrgRecord, Profile, profile
from .reasons import PairScore, Reason
from .scoring import DEFAULT_THRESHOLD, score_pair


@dataclass(frozen=True, slots=True)
class Candidate:
    """A known organisation that may be the same as a queried submission."""

    record: OrgRecord
    score: float
    reasons: tuple[Reason, ...]
    is_match: bool


class MatchIndex:
    """Known organisations, blocked for fast look-up of one new submission.

    ``query`` compares a submission only with records sharing a blocking key, so its cost
    depends on the number of look-alikes, not on the size of the index.
    """

    def __init__(
        self,
        records: Iterable[OrgRecord] = (),
        known_aliases: Iterable[Iterable[str]] = (),
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.threshold = threshold
        self.aliases = AliasTable(known_aliases)
        self._profiles: dict[str, Profile] = {}
        self._blocks: dict[str, list[str]] = defaultdict(list)
        for record in records:
            self.add(record)

    def __len__(self) -> int:
        return len(self._profiles)

    def profile(self, record: OrgRecord) -> Profile:
        """Analyse a record with this index's alias table."""
        return profile(record, self.aliases.groups(name_key(record.name)))

    def add(self, record: OrgRecord) -> None:
        """Add (or replace) a known organisation."""
        p = self.profile(record)
        self._profiles[record.id] = p
        for key in stored_keys(p):
            self._blocks[key].append(record.id)

    def add_aliases(self, names: Iterable[str]) -> None:
        """Learn that ``names`` are one organisation (e.g. after a moderator's merge)."""
        for key in self.aliases.add_group(names):
            for rid in list(dict.fromkeys(self._blocks.get(f"k:{key}", ()))):
                if rid in self._profiles:
                    self.add(self._profiles[rid].record)

    def candidate_ids(self, p: Profile) -> set[str]:
        """Ids of known records sharing a blocking key with ``p``."""
        found: set[str] = set()
        for key in lookup_keys(p):
            block = self._blocks.get(key, ())
            if compared_on(key, len(block)):
                found.update(block)
        found.discard(p.record.id)
        return found

    def query(self, record: OrgRecord, min_score: float | None = None) -> list[Candidate]:
        """Known records scoring at least ``min_score`` (default: the threshold), best first."""
        p = self.profile(record)
        floor = self.threshold if min_score is None else min_score
        out = []
        for rid in self.candidate_ids(p):
            other = self._profiles[rid]
            result: PairScore = score_pair(p, other)
            if result.score >= floor:
                match = result.is_match(self.threshold)
                out.append(Candidate(other.record, result.score, result.reasons, match))
        return sorted(out, key=lambda c: -c.score)
