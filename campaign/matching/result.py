"""Results of batch de-duplication, ready to print as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

from .reasons import PairScore


@dataclass(frozen=True, slots=True)
class PairDetail:
    """One matched pair that joined a cluster, with its explained score."""

    a: str
    b: str
    result: PairScore

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        reasons = [r.as_dict() for r in self.result.reasons]
        return {"a": self.a, "b": self.b, "score": round(self.result.score, 3), "reasons": reasons}


@dataclass(frozen=True, slots=True)
class ClusterDetail:
    """Ids judged to be one organisation (input order) and the pairs that joined them."""

    ids: list[str]
    pairs: list[PairDetail]

    @property
    def score(self) -> float:
        """The weakest link: the lowest score among the joining pairs."""
        return min(p.result.score for p in self.pairs)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "ids": self.ids,
            "score": round(self.score, 3),
            "pairs": [p.as_dict() for p in self.pairs],
        }


@dataclass(frozen=True, slots=True)
class DedupeResult:
    """Clusters of two or more ids, their explanations, and per-id flags."""

    details: list[ClusterDetail]
    flags: dict[str, list[str]] = field(default_factory=dict)

    @property
    def clusters(self) -> list[list[str]]:
        """Each group of two or more ids judged to be one organisation."""
        return [d.ids for d in self.details]

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON shape: ``clusters``, ``details`` and ``flags``."""
        return {
            "clusters": self.clusters,
            "details": [d.as_dict() for d in self.details],
            "flags": self.flags,
        }
