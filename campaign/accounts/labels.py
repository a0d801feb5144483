"""What each role is called, and what it lets someone do, in the reader's language."""

from __future__ import annotations

from campaign.accounts.models import Role
from campaign.i18n import _l

ROLE_LABELS = {
    Role.coordinator: _l("Coordinator"),
    Role.moderator: _l("Moderator"),
    Role.exporter: _l("Exporter"),
}
ROLE_HINTS = {
    Role.coordinator: _l(
        "edits the letter and its settings, manages its team, moderates and exports"
    ),
    Role.moderator: _l("reviews signatures, merges duplicates and imports lists"),
    Role.exporter: _l("downloads the exports and freezes snapshots"),
}


def role_label(role: Role | str) -> str:
    return str(ROLE_LABELS[Role(role)])


def role_hint(role: Role | str) -> str:
    return str(ROLE_HINTS[Role(role)])
