"""Daily and on-demand digests of new signatures, in each recipient's language, by real SMTP."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_babel import force_locale, format_datetime
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters import services as letters
from campaign.letters.models import LetterStatus
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.moderation.digest_models import DigestState
from campaign.signatures import tokens
from campaign.signatures.models import (
    CorrectionRequest,
    EcosocStatus,
    OrgType,
    RequestKind,
    Signature,
    SignatureStatus,
)
from tests.i18n import translated
from tests.signatures.conftest import as_shown


@pytest.fixture
def letter(make):
    return make.letter(
        "hrc-defenders",
        texts={
            "en": ("Protect human rights defenders", "We ask…"),
            "fr": ("Protégez les défenseurs des droits humains", "Nous demandons…"),
        },
    )


@pytest.fixture
def staff(make, letter):
    """A French coordinator, an Arabic moderator, an exporter, another letter's moderator."""
    users = {
        "fr": make.user("coord@example.org", roles={letter: Role.coordinator}),
        "ar": make.user("mod@example.org", roles={letter: Role.moderator}),
        "exporter": make.user("exp@example.org", roles={letter: Role.exporter}),
        "other": make.user("other@example.org", roles={make.letter(): Role.moderator}),
    }
    users["fr"].language, users["ar"].language = "fr", "ar"
    db.session.commit()
    return users


def _sign_some(make, letter, *names: str) -> None:  # noqa: ANN001
    for name in names:
        make.signature(letter, name)


def _send(runner, *args: str) -> str:  # noqa: ANN001
    result = runner.invoke(args=["digest", "send", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_daily_digest_goes_to_coordinators_and_moderators_in_their_language(
    runner, make, letter, staff, smtp
):
    _sign_some(make, letter, "Red Andina", "Zambia Legal Aid")
    make.signature(
        letter, "Red Andina Perú", status=SignatureStatus.confirmed, flags=["possible_duplicate"]
    )
    assert "2 digest(s) queued, 2 sent." in _send(runner)
    assert sorted(m["To"] for m in smtp.inbox.messages) == ["coord@example.org", "mod@example.org"]
    french, arabic = smtp.inbox.to("coord@example.org")[0], smtp.inbox.to("mod@example.org")[0]
    text = smtp.inbox.text(french)
    assert text.startswith(translated("fr", "Hello,"))
    assert "Protégez les défenseurs des droits humains" in french["Subject"]
    for line in ("- Red Andina", "- Zambia Legal Aid", "- Red Andina Perú"):
        assert line in text
    assert "http://localhost/manage/letters/hrc-defenders" in text
    assert 'lang="fr" dir="ltr"' in smtp.inbox.html(french)
    html = smtp.inbox.html(arabic)
    assert 'lang="ar" dir="rtl"' in html and "Protect human rights defenders" in arabic["Subject"]
    with force_locale("ar"):
        assert str(translated("ar", "possible duplicate")) + ": 1" in html


def test_a_digest_covers_only_what_is_new_and_waits_twenty_hours(runner, make, letter, staff, smtp):
    _sign_some(make, letter, "First Org")
    _send(runner, "--letter", letter.slug)
    _sign_some(make, letter, "Second Org")
    assert "0 digest(s) queued" in _send(runner)  # less than 20 hours since the last one
    since = db.session.scalar(
        select(DigestState.last_sent_at).where(DigestState.user_id == staff["fr"].id)
    )
    assert "2 digest(s) queued" in _send(runner, "--force")
    latest = smtp.inbox.to("coord@example.org")[-1]
    assert "Second Org" in smtp.inbox.text(latest) and "First Org" not in smtp.inbox.text(latest)
    with force_locale("fr"):
        assert format_datetime(since, "short") in smtp.inbox.text(latest)

    assert "0 digest(s) queued" in _send(runner, "--force")  # nothing new
    _a_day_passes()
    assert "0 digest(s) queued" in _send(runner)  # a day later, still nothing new
    _sign_some(make, letter, "Third Org")
    assert "2 digest(s) queued" in _send(runner)


def _a_day_passes() -> None:
    """Move every digest, signature, signer's request and email 21 hours into the past."""
    day = timedelta(hours=21)
    for state in db.session.scalars(select(DigestState)):
        state.last_sent_at -= day
    for signature in db.session.scalars(select(Signature)):
        signature.created_at -= day
    for request in db.session.scalars(select(CorrectionRequest)):
        request.created_at -= day
    for message in db.session.scalars(select(OutboxMessage)):
        message.created_at -= day
        message.next_attempt_at -= day
    db.session.commit()


def test_the_button_emails_a_digest_now_even_when_nothing_is_new(
    client, login_as, make, letter, staff, smtp
):
    client.get("/language/ar")  # the language they work in, noted as they log in
    login_as(staff["ar"])
    _sign_some(make, letter, "Red Andina")
    for _ in range(2):
        response = client.post(f"/manage/letters/{letter.slug}/digest/")
        assert response.status_code == 302
    first, second = smtp.inbox.to("mod@example.org")
    assert "Red Andina" in smtp.inbox.text(first)
    assert translated("ar", "No new signatures.") in smtp.inbox.text(second)
    # Not "0 new signatures": a digest asked for with nothing new is named as one.
    assert second["Subject"].startswith(translated("ar", "Moderation digest: %(title)s", title=""))
    assert smtp.inbox.to("coord@example.org") == []


def test_unknown_letter(runner, staff):
    result = runner.invoke(args=["digest", "send", "--letter", "nope"])
    assert result.exit_code == 1 and "No letter with the address 'nope'" in result.output


def test_every_status_is_named_in_the_digest(runner, make, letter, staff, smtp):
    """Signatures on hold or merged away were listed with an empty status ("  : 1")."""
    for status in SignatureStatus:
        make.signature(letter, f"Org {status.value}", status=status)
    _send(runner)
    text = smtp.inbox.text(smtp.inbox.to("coord@example.org")[0])
    for phrase in ("on hold", "merged into another signature", "published"):
        assert translated("fr", phrase) in text
    assert "\n  : " not in text and not any(
        line.rstrip().endswith("—") for line in text.splitlines()
    )


LOST = "lost@example.org"


def _in(lang: str, message: str, plural: str | None = None, **variables: object) -> str:
    """``message`` as the plain-text digest says it in ``lang``."""
    return translated(lang, message, plural, escape=False, **variables)


def _awaiting_decision(lang: str, num: int) -> str:
    return _in(
        lang,
        "%(num)d signature awaits a moderator's decision.",
        "%(num)d signatures await a moderator's decision.",
        num=num,
    )


def test_a_new_sign_up_whose_confirmation_was_not_delivered_is_counted_once_as_awaiting_a_moderator(
    runner, make, letter, staff, smtp
):
    """Its signer never got the link, so it awaits a moderator, not a confirmation: counted
    with what needs a decision, flagged, and not among the sign-ups awaiting confirmation."""
    lost = make.signature(letter, "Lost Org", status=SignatureStatus.pending, contact_email=LOST)
    make.signer_email(lost, OutboxStatus.failed, "refused: (550, b'5.1.1 No such user here')")
    make.signature(letter, "Waiting Org", status=SignatureStatus.pending)
    _send(runner)
    text = smtp.inbox.text(smtp.inbox.to("coord@example.org")[0])
    group = _in("fr", "email not delivered, awaiting a moderator")
    assert f"  {_in('fr', 'awaiting email confirmation')}: 1\n" in text
    assert f"  {group}: 1\n" in text
    assert f"- Lost Org — {group}\n" in text
    assert f"- Waiting Org — {_in('fr', 'awaiting email confirmation')}\n" in text
    assert _awaiting_decision("fr", 1) in text
    assert f"  {_in('fr', 'Email not delivered')}: 1\n" in text


@pytest.mark.parametrize(
    ("answer", "attempts"),
    [("550 5.1.1 No such user here", 5), ("450 4.2.0 Mailbox busy, try later", 1)],
    ids=["refused", "retries-used-up"],
)
def test_a_confirmation_given_up_after_the_digest_is_reported_in_the_next(
    app, runner, make, letter, staff, smtp, answer, attempts
):
    """Giving up on an email changes nothing on its sign-up: the next digest is sent for it
    all the same, and says so, once; a sign-up new since is counted among the new only."""
    app.config["MAIL_MAX_ATTEMPTS"] = attempts
    lost = make.signature(letter, "Lost Org", status=SignatureStatus.pending, contact_email=LOST)
    make.signer_email(lost, OutboxStatus.queued)  # not sent yet when the digest goes
    assert "2 digest(s) queued" in _send(runner)
    first = smtp.inbox.text(smtp.inbox.to("coord@example.org")[-1])
    assert f"  {_in('fr', 'awaiting email confirmation')}: 1\n" in first
    assert _awaiting_decision("fr", 0) in first

    late = make.signature(
        letter, "Late Org", status=SignatureStatus.pending, contact_email="late@example.org"
    )
    make.signer_email(late, OutboxStatus.queued)
    smtp.inbox.refusals = {LOST: answer, late.contact_email: answer}
    sent = runner.invoke(args=["outbox", "send"])
    assert sent.exit_code == 0 and "sent 0 message(s)" in sent.output
    _a_day_passes()
    assert "2 digest(s) queued" in _send(runner)
    latest = smtp.inbox.text(smtp.inbox.to("coord@example.org")[-1])
    group = _in("fr", "email not delivered, awaiting a moderator")
    assert f"- Late Org — {group}\n" in latest and "Lost Org" not in latest
    earlier = "Earlier sign-ups whose confirmation email has not been delivered since then: %(num)d"
    assert _in("fr", earlier, num=1) in latest
    assert _awaiting_decision("fr", 2) in latest
    assert f"  {_in('fr', 'Email not delivered')}: 2\n" in latest

    _a_day_passes()
    assert "0 digest(s) queued" in _send(runner)


WITHDRAWALS = (
    "%(num)d request to withdraw a signature awaits a moderator's decision.",
    "%(num)d requests to withdraw a signature await a moderator's decision.",
)
REQUESTS_SUBJECT = (
    "%(num)d signer's request awaits a decision: %(title)s",
    "%(num)d signers' requests await a decision: %(title)s",
)
CORRECTIONS = (
    "%(num)d request to correct a signature awaits a moderator's decision.",
    "%(num)d requests to correct a signature await a moderator's decision.",
)


def _signer_asks(client, signature: Signature, withdraw: bool = False) -> None:  # noqa: ANN001
    """The signer asks through their private link: to withdraw, or to be renamed."""
    edit = f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"
    if withdraw:
        asked = client.post(edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    else:
        asked = client.post(edit, data=as_shown(signature, name=signature.name + " (corrected)"))
    assert asked.status_code in (302, 303)


def test_the_signers_requests_are_in_every_digest_by_kind_until_a_moderator_decides(
    app, client, login_as, runner, make, letter, staff, smtp
):
    """After sign-on closed, a signer's withdrawal or correction waits for a moderator: the
    next digest goes for it, though nothing new signed, and every digest after says it, with
    the link to the page where it is decided, until it is applied or dismissed."""
    listed = {"org_type": OrgType.ngo, "ecosoc_status": EcosocStatus.none, "country": "PE"}
    red = make.signature(letter, "Red Andina", contact_name="Ana", **listed)
    zambia = make.signature(letter, "Zambia Legal Aid", contact_name="Ben", **listed)
    _send(runner)
    letters.change_status(letter, LetterStatus.closed)
    db.session.commit()
    _signer_asks(app.test_client(), zambia)
    _signer_asks(app.test_client(), red, withdraw=True)
    _a_day_passes()
    assert "2 digest(s) queued" in _send(runner)  # nothing new signed: the requests are new

    page = f"http://localhost/manage/letters/{letter.slug}/moderation/signatures/"
    text = smtp.inbox.text(smtp.inbox.to("coord@example.org")[-1])
    subject = smtp.inbox.to("coord@example.org")[-1]["Subject"]
    assert subject.startswith(  # not "0 new signatures": what the email is for
        _in("fr", *REQUESTS_SUBJECT, num=2, title="").rstrip()
    )
    assert _in("fr", *WITHDRAWALS, num=1) in text and _in("fr", *CORRECTIONS, num=1) in text
    withdrawal = f"- {_in('fr', 'Withdrawal')}: Red Andina — {page}{red.id}\n"
    correction = f"- {_in('fr', 'Correction')}: Zambia Legal Aid — {page}{zambia.id}\n"
    assert withdrawal in text and correction in text
    assert text.index(withdrawal) < text.index(correction)  # the urgent one first
    html = smtp.inbox.html(smtp.inbox.to("mod@example.org")[-1])
    assert _in("ar", *WITHDRAWALS, num=1) in html
    assert f'{translated("ar", "Withdrawal")}: <a href="{page}{red.id}">' in html

    _a_day_passes()
    assert "0 digest(s) queued" in _send(runner)  # no news: no email
    login_as(staff["ar"])
    asked = db.session.scalars(
        select(CorrectionRequest).where(CorrectionRequest.kind == RequestKind.withdrawal)
    ).one()
    applied = client.post(f"/manage/letters/{letter.slug}/moderation/requests/{asked.id}/apply")
    assert applied.status_code == 302
    make.signature(letter, "Late Org")
    assert "2 digest(s) queued" in _send(runner)
    text = smtp.inbox.text(smtp.inbox.to("coord@example.org")[-1])
    assert "Red Andina" not in text and _in("fr", *WITHDRAWALS, num=1) not in text
    assert correction in text and _in("fr", *CORRECTIONS, num=1) in text  # still waiting
