"""Two people changing one signature at the same moment: the later save is refused with a
clear page, never written over the earlier one. The race is made real, not mocked: the
second change is a whole request, sent while the first one is about to save."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from campaign.accounts.models import Role
from campaign.signatures import tokens
from campaign.signatures.models import SignatureStatus as S
from tests.conftest import login
from tests.i18n import translated
from tests.moderation.conftest import console, entries, fresh

CHANGED = "Someone else changed this meanwhile"


@contextmanager
def meanwhile(other_change: Callable[[], None]) -> Iterator[None]:
    """Run ``other_change`` once, just before the next request saves its first change."""
    done = []

    def before_flush(session: Session, *_args: object) -> None:
        if not done and session.dirty:
            done.append(True)
            other_change()

    event.listen(Session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(Session, "before_flush", before_flush)
    assert done, "the other change never ran"


def test_a_withdrawal_made_while_a_moderator_approves_is_kept(app, client, make, letter, moderator):
    signature = make.signature(letter, "Amnesty International", status=S.confirmed)
    withdraw = f"/en/signatures/withdraw/{tokens.make(signature, tokens.EDIT)}"

    def signer_withdraws() -> None:
        assert app.test_client().post(withdraw, data={"confirm": "1"}).status_code == 302

    with meanwhile(signer_withdraws):
        response = client.post(console() + "/decide", data={"decide": f"approve:{signature.id}"})
    assert response.status_code == 409
    assert translated("en", CHANGED) in response.get_data(as_text=True)
    assert fresh(signature.id).status is S.withdrawn
    assert entries("approve") == []

    again = client.post(
        console() + "/decide", data={"decide": f"approve:{signature.id}"}, follow_redirects=True
    )
    assert again.status_code == 200 and fresh(signature.id).status is S.withdrawn


def test_two_moderators_deciding_at_once_do_not_overwrite_each_other(
    app, client, make, letter, moderator
):
    signature = make.signature(letter, "Amnesty International", status=S.confirmed)
    make.user("other@example.org", roles={letter: Role.moderator})
    other = app.test_client()
    login(other, "other@example.org")

    def other_rejects() -> None:
        decided = other.post(console() + "/decide", data={"decide": f"reject:{signature.id}"})
        assert decided.status_code == 302

    client.get("/language/fr")
    with meanwhile(other_rejects):
        response = client.post(console() + "/decide", data={"decide": f"approve:{signature.id}"})
    assert response.status_code == 409
    assert translated("fr", CHANGED) in response.get_data(as_text=True)
    assert fresh(signature.id).status is S.rejected
    assert [e.actor_label for e in entries()] == ["other@example.org"]


def test_a_decision_on_a_page_opened_before_someone_else_decided_is_not_applied(
    app, client, make, letter, moderator
):
    """Minutes, not milliseconds: the other moderator rejects between the moment this one
    opened the queue and the moment they press Approve."""
    signature = make.signature(letter, "Amnesty International", status=S.confirmed)
    page = client.get(console()).get_data(as_text=True)
    approve = next(
        v for v in re.findall(r'name="decide" value="([^"]+)"', page) if v.startswith("approve:")
    )
    make.user("other@example.org", roles={letter: Role.moderator})
    other = app.test_client()
    login(other, "other@example.org")
    assert (
        other.post(console() + "/decide", data={"decide": f"reject:{signature.id}"}).status_code
        == 302
    )

    answer = client.post(console() + "/decide", data={"decide": approve}, follow_redirects=True)
    assert translated(
        "en",
        "%(num)d signature changed after you opened this page (another moderator, or its "
        "signer), so it was left as it is now: look at it again.",
        num=1,
    ) in answer.get_data(as_text=True)
    assert fresh(signature.id).status is S.rejected
    assert entries("approve") == []


def test_bulk_decisions_skip_only_the_rows_that_changed(app, client, make, letter, moderator):
    kept = make.signature(letter, "Human Rights Watch", status=S.confirmed)
    withdrawn = make.signature(letter, "Amnesty International", status=S.confirmed)
    page = client.get(console()).get_data(as_text=True)
    picks = re.findall(r'name="ids" value="([^"]+)"', page)
    assert len(picks) == 2
    withdraw = f"/en/signatures/withdraw/{tokens.make(withdrawn, tokens.EDIT)}"
    assert app.test_client().post(withdraw, data={"confirm": "1"}).status_code == 302

    answer = client.post(
        console() + "/decide", data={"action": "approve", "ids": picks}, follow_redirects=True
    ).get_data(as_text=True)
    assert translated("en", "%(num)d signature updated.", num=1) in answer
    assert "1 signature changed after you opened this page" in answer
    assert fresh(kept.id).status is S.approved
    assert fresh(withdrawn.id).status is S.withdrawn


def signer_corrects(signer, edit_link: str, page: str, **fields: str):  # noqa: ANN001, ANN201
    """Send the signer's private edit form as ``page`` showed it (its hidden fields, the
    version among them), with ``fields`` changed."""
    data = dict(re.findall(r'name="(\w+)" type="hidden" value="([^"]*)"', page))
    data.update(kind="organisation", country="GB", org_type="ngo", contact_name="Contact")
    data.update(ecosoc_status="unknown", language="en", **fields)
    return signer.post(edit_link, data=data)


def _shown_version(page: str) -> str:
    """The version the page's forms (the listing's and the contact's) carry: one for both."""
    [version] = set(re.findall(r'name="version" type="hidden" value="(\d+)"', page))
    return version


def test_a_correction_made_on_a_page_opened_before_the_signer_changed_the_name_is_held_back(
    app, client, make, letter, moderator
):
    signature = make.signature(letter, "Amnesty Internatonal")
    detail = f"{console()}/signatures/{signature.id}"
    shown = _shown_version(client.get(detail).get_data(as_text=True))
    edit_link = f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"
    signer = app.test_client()
    shown_to_signer = signer.get(edit_link).get_data(as_text=True)
    sent = signer_corrects(signer, edit_link, shown_to_signer, name="Amnesty International")
    assert sent.status_code == 302
    assert fresh(signature.id).name == "Amnesty International"

    sent = {"name": "Amnesty Intl", "country": "GB", "version": shown}
    held = client.post(detail + "/edit", data=sent)
    assert held.status_code == 409
    page = held.get_data(as_text=True)
    assert translated("en", "This signature changed after you opened this page") in page
    assert 'value="Amnesty Intl"' in page  # what the moderator typed is kept
    assert fresh(signature.id).name == "Amnesty International"

    sent["version"] = _shown_version(page)  # sending again decides on what is there now
    assert client.post(detail + "/edit", data=sent).status_code == 302
    assert fresh(signature.id).name == "Amnesty Intl"


def test_a_signer_correcting_over_a_moderators_change_is_told_and_keeps_their_entries(
    app, client, make, letter, moderator
):
    signature = make.signature(letter, "Amnesty Internatonal", country="GB")
    edit_link = f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"
    signer = app.test_client()
    page = signer.get(edit_link).get_data(as_text=True)
    moderated = client.post(
        f"{console()}/signatures/{signature.id}/edit",
        data={"name": "Amnesty International", "country": "GB"},
    )
    assert moderated.status_code == 302
    answer = signer_corrects(signer, edit_link, page, name="AI")
    assert answer.status_code == 400
    assert translated("en", "This signature changed after you opened this page") in (
        answer.get_data(as_text=True)
    )
    assert fresh(signature.id).name == "Amnesty International"


def test_a_signers_link_refused_as_a_concurrent_change_is_not_written_to_the_log(
    app, client, make, letter, moderator, caplog
):
    """The refusal is logged with the path, whose token is the signer's key for a year."""
    signature = make.signature(letter, "Amnesty International", status=S.confirmed)
    token = tokens.make(signature, tokens.EDIT)

    def moderator_approves() -> None:
        assert client.post(console() + "/decide", data={"decide": f"approve:{signature.id}"})

    caplog.set_level(logging.INFO)
    with meanwhile(moderator_approves):
        refused = app.test_client().post(f"/en/signatures/withdraw/{token}", data={"confirm": "1"})
    assert refused.status_code == 409
    assert "concurrent change refused on /en/signatures/withdraw/<token>" in caplog.text
    assert token not in caplog.text
