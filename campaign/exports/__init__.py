"""Exports: numbered lists, the letter as PDF, the Council's joint written statement,
spreadsheets for the records, and frozen snapshots of what was submitted."""

from flask import Blueprint

bp = Blueprint("exports", __name__, url_prefix="/manage/letters/<slug>/exports")
public_bp = Blueprint("exports_public", __name__, url_prefix="/<lang:lang>/letters/<slug>")


def attach_views() -> None:
    """Import the view modules, which add their routes to ``bp`` and ``public_bp``.

    Not done at import time: ``campaign.models`` imports this package for its models,
    and the views import the letters package, which imports the models.
    """
    from campaign.exports import views, views_public  # noqa: F401


@bp.app_context_processor
def _export_globals() -> dict[str, object]:
    """``can_export(letter)`` for templates that link to the exports page."""
    from flask_login import current_user

    from campaign.accounts.models import Role

    def can_export(letter: object) -> bool:
        user = current_user
        return bool(user.is_authenticated and user.has_role(letter.id, Role.exporter))

    return {"can_export": can_export}
