"""Builders for test objects: committed, with sensible defaults."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count

from sqlalchemy.orm import Session

from campaign.accounts import services as accounts
from campaign.accounts.models import Role, User
from campaign.db import utcnow
from campaign.letters import services as letters
from campaign.letters.models import Letter, LetterStatus
from campaign.letters.texts import save_text
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.signatures.keys import email_key, name_key
from campaign.signatures.models import Signature, SignatureStatus, SignerKind

PASSWORD = "correct horse battery"
_seq = count(1)


@dataclass
class Factory:
    session: Session

    def user(
        self,
        email: str | None = None,
        *,
        admin: bool = False,
        creator: bool = False,
        roles: dict[Letter, Role] | None = None,
    ) -> User:
        user = accounts.create_user(
            self.session,
            email or f"staff{next(_seq)}@example.org",
            PASSWORD,
            is_admin=admin,
            can_create_letters=creator,
        )
        for letter, role in (roles or {}).items():
            accounts.grant(self.session, user, letter.id, role)
        self.session.commit()
        return user

    def letter(
        self,
        slug: str | None = None,
        *,
        status: LetterStatus = LetterStatus.open,
        texts: dict[str, tuple[str, str]] | None = None,
        language: str = "en",
        **fields: object,
    ) -> Letter:
        texts = texts or {language: ("A letter to the Council", "We, the undersigned, ask…")}
        title, body = texts[language]
        # Set after opening: a letter whose deadline has passed cannot be opened, but one
        # may be open when its deadline comes.
        deadline = fields.pop("deadline", None)
        letter = letters.create_letter(
            self.session,
            slug=slug or f"letter-{next(_seq)}",
            language=language,
            title=title,
            body=body,
            **fields,
        )
        for code, (t, b) in texts.items():
            save_text(letter, code, t, b)
        for step in (LetterStatus.open, LetterStatus.closed, LetterStatus.submitted):
            if list(LetterStatus).index(status) >= list(LetterStatus).index(step):
                letters.change_status(letter, step)
        letter.deadline = deadline
        self.session.commit()
        return letter

    def signature(
        self,
        letter: Letter,
        name: str | None = None,
        *,
        status: SignatureStatus = SignatureStatus.approved,
        kind: SignerKind = SignerKind.organisation,
        **fields: object,
    ) -> Signature:
        """A signature written directly (not through the form), committed."""
        n = next(_seq)
        name = name or f"Organisation {n}"
        fields.setdefault("contact_email", f"contact{n}@example.org")
        fields.setdefault("email_key", email_key(str(fields["contact_email"])))
        fields.setdefault("name_key", name_key(name))
        fields.setdefault("contact_name", f"Contact Person {n}")
        if status is not SignatureStatus.pending:  # it counted once: its signer confirmed it
            fields.setdefault("confirmed_at", utcnow())
        signature = Signature(
            letter_id=letter.id, name=name, submitted_name=name, status=status, kind=kind, **fields
        )
        self.session.add(signature)
        self.session.commit()
        return signature

    def long_list(self, letter: Letter, count: int) -> None:
        """``count`` approved organisations written at once ("Organisation 00000" …, in
        that order on the page), committed: the thousands a large letter gathers."""
        self.session.add_all(
            Signature(
                letter_id=letter.id,
                name=f"Organisation {n:05d}",
                submitted_name=f"Organisation {n:05d}",
                status=SignatureStatus.approved,
                country="FR",
                email_key=f"o{n}@example.org",
                contact_email=f"o{n}@example.org",
            )
            for n in range(count)
        )
        self.session.commit()

    def signer_email(
        self, signature: Signature, status: OutboxStatus, error: str = ""
    ) -> OutboxMessage:
        """A confirmation email to ``signature``'s signer, as the outbox leaves it once sent
        (``sent``), given up (``failed``, with the server's answer in ``error``) or waiting."""
        message = OutboxMessage(
            template="signature_confirm",
            language="en",
            recipient=signature.contact_email,
            context={"signature_id": signature.id},
            status=status,
            last_error=error,
        )
        self.session.add(message)
        self.session.commit()
        return message
