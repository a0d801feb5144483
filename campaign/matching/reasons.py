"""Explained pair scores: every signal that moved a score is kept as a ``Reason``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Reason:
    """One signal: a short code, its effect on the score, and a human-readable detail."""

    code: str
    weight: float
    detail: str

    def __str__(self) -> str:
        return f"{self.code} ({self.weight:+.2f}): {self.detail}"

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"code": self.code, "weight": round(self.weight, 3), "detail": self.detail}


@dataclass(slots=True)
class Evidence:
    """Score under construction: a base from the names, then support and penalties."""

    base: float = 0.0
    reasons: list[Reason] = field(default_factory=list)
    conflict: bool = False
    adjust: float = 0.0

    def set_base(self, code: str, value: float, detail: str) -> None:
        """Record the name-level verdict that the other signals adjust."""
        self.base = value
        self.reasons.append(Reason(code, value, detail))

    def add(self, code: str, weight: float, detail: str) -> None:
        """Record a supporting (positive) or weakening (negative) signal."""
        self.adjust += weight
        self.reasons.append(Reason(code, weight, detail))

    def veto(self, code: str, detail: str) -> None:
        """Record a signal that the two records are different organisations."""
        self.conflict = True
        self.reasons.append(Reason(code, -1.0, detail))

    @property
    def score(self) -> float:
        """Base plus adjustments, clipped to [0, 1]; a conflict caps it at 0.1."""
        total = self.base + self.adjust
        if self.conflict:
            total = min(total, 0.1)
        return max(0.0, min(1.0, total))


@dataclass(frozen=True, slots=True)
class PairScore:
    """Final verdict on a pair of records."""

    score: float
    reasons: tuple[Reason, ...]
    conflict: bool

    def is_match(self, threshold: float) -> bool:
        """True if the pair reaches ``threshold`` with no conflicting signal."""
        return not self.conflict and self.score >= threshold
