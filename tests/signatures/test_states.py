"""The signature life-cycle table and its timestamps."""

from __future__ import annotations

import pytest

from campaign.signatures.models import SignatureStatus as S
from campaign.signatures.states import TRANSITIONS, SignatureError, move


@pytest.mark.parametrize(
    ("start", "target", "stamp"),
    [
        (S.pending, S.confirmed, "confirmed_at"),
        (S.confirmed, S.approved, "approved_at"),
        (S.confirmed, S.rejected, "rejected_at"),
        (S.approved, S.withdrawn, "withdrawn_at"),
    ],
)
def test_allowed_moves_are_timestamped(make, start, target, stamp):
    signature = make.signature(make.letter(), status=start)
    move(signature, target)
    assert signature.status is target and getattr(signature, stamp) is not None


@pytest.mark.parametrize(
    ("start", "target"),
    [(s, t) for s in S for t in S if t not in TRANSITIONS[s]],
)
def test_moves_outside_the_table_are_refused(make, start, target):
    signature = make.signature(make.letter(), status=start)
    with pytest.raises(SignatureError):
        move(signature, target)
    assert signature.status is start


def test_pending_cannot_be_approved_without_confirmation():
    assert S.approved not in TRANSITIONS[S.pending]
