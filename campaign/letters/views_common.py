"""Small helpers shared by the letters' staff views (views_manage, views_texts)."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from campaign.db import db


def committed() -> bool:
    """Commit; False, with everything rolled back, if another coordinator got there first:
    saved the same row after this request read it, or took the same address or added the
    same translation at the same moment (a unique value, checked too late to tell)."""
    try:
        db.session.commit()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        return False
    return True
