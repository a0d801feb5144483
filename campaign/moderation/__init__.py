"""Moderation: review queue, duplicate merges, edits, audit log, imports, readiness."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/manage/letters/<slug>")


def attach_views() -> None:
    """Import the view modules, which add their routes to ``bp``.

    Not done at import time: ``campaign.models`` imports this package for its models, and
    the signatures package (which the views use) imports the registry models.
    """
    from campaign.moderation import (  # noqa: F401
        views_audit,
        views_bulk,
        views_duplicates,
        views_queue,
        views_signature,
    )


@bp.app_context_processor
def _letter_summary() -> dict[str, object]:
    """Lets the staff letter page show readiness and link the console."""
    from campaign.moderation.summary import letter_summary

    return {"moderation_summary": letter_summary}
