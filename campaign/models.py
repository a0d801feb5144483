"""Every model, imported in one place so Alembic and the tests see the whole schema."""

from campaign.accounts.models import LetterRole, User
from campaign.db import Base
from campaign.exports.models import ExportJob, ExportSnapshot
from campaign.letters.models import Letter, LetterText
from campaign.mail_models import OutboxMessage
from campaign.moderation.models import (
    AuditEntry,
    Organisation,
    OrganisationAlias,
    SignatureMerge,
)
from campaign.signatures.models import CorrectionRequest, Signature

__all__ = [
    "AuditEntry",
    "Base",
    "CorrectionRequest",
    "ExportJob",
    "ExportSnapshot",
    "Letter",
    "LetterRole",
    "LetterText",
    "Organisation",
    "OrganisationAlias",
    "OutboxMessage",
    "Signature",
    "SignatureMerge",
    "User",
]
