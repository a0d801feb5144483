"""Exports: numbered lists, the letter as PDF, the Council's joint written statement,
spreadsheets for the records, and frozen snapshots of what was submitted."""

from flask import Blueprint

bp = Blueprint("exports", __name__, url_prefix="/manage/letters/<slug>/exports")
public_bp = Blueprint("exports_public", __name__, url_prefix="/<lang:lang>/letters/<slug>")

from campaign.exports import views, views_public  # noqa: E402, F401
