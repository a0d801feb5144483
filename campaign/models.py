"""Every model, imported in one place so Alembic and the tests see the whole schema."""

from campaign.accounts.models import LetterRole, StaffSession, User
from campaign.db import Base
from campaign.exports.models import ExportJob, ExportSnapshot
from campaign.letters.models import Letter, LetterText
from campaign.mail_models import OutboxMessage
from campaign.moderation.digest_models import DigestState
from campaign.moderation.import_models import ImportBatch
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
    "DigestState",
    "ExportJob",
    "ExportSnapshot",
    "ImportBatch",
    "Letter",
    "LetterRole",
    "LetterText",
    "Organisation",
    "OrganisationAlias",
    "OutboxMessage",
    "Signature",
    "SignatureMerge",
    "StaffSession",
    "User",
]
