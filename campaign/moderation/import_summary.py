"""Counts for an import preview, what the list's own numbering says about it, and which
entries the preview lists."""

from __future__ import annotations

from collections import Counter
from typing import Any

from campaign.signatures.services import POSSIBLE_DUPLICATE

REVIEW_FLAGS = ("person", "sentence", "web_address")
SAMPLE = 20  # entries with nothing to check listed in a preview; the others are counted


def numbering(numbers: list[int]) -> dict[str, Any]:
    """Gaps (as "first–last" ranges) and repeats in a list's own numbering."""
    present = sorted(set(numbers))
    gaps = [
        str(a + 1) if b - a == 2 else f"{a + 1}–{b - 1}"
        for a, b in zip(present, present[1:], strict=False)
        if b - a > 1
    ]
    repeated = sorted(n for n, count in Counter(numbers).items() if count > 1)
    return {"numbered": len(numbers), "gaps": gaps, "repeated": repeated}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """How many entries will be added, held for review, flagged or refused."""
    accepted = [r for r in rows if not r["refused"]]
    return {
        "rows": len(rows),
        "added": len(accepted),
        "approved": sum(r["status"] == "approved" for r in accepted),
        "held": sum(r["status"] == "confirmed" for r in accepted),
        "duplicates": sum(POSSIBLE_DUPLICATE in r["flags"] for r in accepted),
        "flagged": sum(any(f in r["flags"] for f in REVIEW_FLAGS) for r in accepted),
        "warnings": sum(bool(r["warnings"]) for r in rows),
        "refused": len(rows) - len(accepted),
        "known": sum(bool(r.get("known_as")) for r in accepted),
        **numbering([r["number"] for r in rows if r["number"] is not None]),
    }


def sections(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """What a preview lists: in full, every entry that needs a look (held for moderators,
    refused, or with a value left out); of the entries with nothing to check, only the first
    few and how many there are, so that a long list makes a page a slow connection can load.
    Confirming imports the stored rows, listed or not."""
    clean = [r for r in rows if r["status"] == "approved" and not r["warnings"]]
    return {
        "review": [r for r in rows if r["status"] == "confirmed"],
        "refused": [r for r in rows if r["refused"]],
        "warned": [r for r in rows if not r["refused"] and r["warnings"]],
        "sample": clean[:SAMPLE],
        "clean": len(clean),
    }


# The counts every summary has, and those some older ones may lack.
COUNTS = ("rows", "added", "approved", "held", "duplicates", "flagged", "refused")
OPTIONAL_COUNTS = ("warnings", "known", "numbered")


def is_summary(value: Any) -> bool:
    """Whether ``value`` (an import's audit entry) is a summary as ``summarise`` makes them,
    which the import's page and the audit log show the same way."""
    if not isinstance(value, dict):
        return False
    counts = all(isinstance(value.get(k), int) for k in COUNTS) and all(
        isinstance(value.get(k, 0), int) for k in OPTIONAL_COUNTS
    )
    return counts and all(isinstance(value.get(k, []), list) for k in ("gaps", "repeated"))
