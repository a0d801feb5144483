"""Every model, imported in one place so Alembic and the tests see the whole schema."""

from campaign.accounts.models import LetterRole, User
from campaign.db import Base
from campaign.exports.models import ExportJob, ExportSnapshot
from campaign.letters.models import Letter, LetterText
from campaign.signatures.models import Signature

__all__ = [
    "Base",
    "ExportJob",
    "ExportSnapshot",
    "Letter",
    "LetterRole",
    "LetterText",
    "Signature",
    "User",
]
