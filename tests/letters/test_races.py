"""Two coordinators doing the same thing at the same moment: the second is told why nothing
was saved, with what they typed, instead of a server error."""

import threading

import pytest

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters import services, texts
from campaign.letters.models import Letter, LetterStatus
from tests.conftest import login


@pytest.fixture
def two_coordinators(app, make):
    """Alice and Bob, each logged in on their own client, coordinating "hrc-61" and "hrc-62"."""
    letters = [make.letter(slug, status=LetterStatus.draft) for slug in ("hrc-61", "hrc-62")]
    clients = []
    for name in ("alice", "bob"):
        make.user(
            f"{name}@example.org", creator=True, roles={le: Role.coordinator for le in letters}
        )
        clients.append(app.test_client())
        login(clients[-1], f"{name}@example.org")
    return clients


def at_once(monkeypatch, module, step, requests):
    """Run the (client, path, data) ``requests`` in threads that meet after ``step`` (a
    service function of ``module``) has run in each, so both checks pass before either writes."""
    barrier = threading.Barrier(len(requests), timeout=10)
    original = getattr(module, step)

    def met(*args, **kwargs):
        result = original(*args, **kwargs)
        barrier.wait()
        return result

    monkeypatch.setattr(module, step, met)
    responses = [None] * len(requests)

    def run(i, client, path, data):
        responses[i] = client.post(path, data=data)

    threads = [threading.Thread(target=run, args=(i, *r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(responses, key=lambda r: r.status_code)


def test_the_same_translation_added_at_once_is_refused_with_the_text_kept(
    monkeypatch, two_coordinators
):
    alice, bob = two_coordinators
    path = "/manage/letters/hrc-61/texts/fr"
    saved, refused = at_once(
        monkeypatch,
        texts,
        "save_text",
        [
            (alice, path, {"title": "Lettre", "body": "Texte d’Alice", "version": "0"}),
            (bob, path, {"title": "Lettre", "body": "Texte de Bob", "version": "0"}),
        ],
    )
    assert (saved.status_code, refused.status_code) == (302, 409)
    page = refused.get_data(as_text=True)
    assert "Another coordinator saved this text" in page
    kept = db.session.query(Letter).filter_by(slug="hrc-61").one().text_for("fr").body
    theirs, mine = ("Texte d’Alice", "Texte de Bob")[:: 1 if "Alice" in kept else -1]
    assert mine in page and theirs in page


def test_the_same_new_address_taken_at_once_is_refused_with_the_input_kept(
    monkeypatch, two_coordinators
):
    alice, bob = two_coordinators
    new = {"slug": "hrc-63", "language": "en", "body": "x", "deadline": ""}
    refused, created = at_once(
        monkeypatch,
        services,
        "slug_taken",
        [
            (alice, "/manage/letters/new", {**new, "title": "Alice’s letter"}),
            (bob, "/manage/letters/new", {**new, "title": "Bob’s letter"}),
        ],
    )
    assert (refused.status_code, created.status_code) == (200, 302)
    form = refused.get_data(as_text=True)
    assert "Another letter already uses this address." in form
    assert "Alice’s letter" in form or "Bob’s letter" in form
    assert db.session.query(Letter).filter_by(slug="hrc-63").count() == 1


def test_renaming_two_letters_to_one_address_at_once_is_refused_with_the_input_kept(
    monkeypatch, two_coordinators
):
    alice, bob = two_coordinators
    settings = {"slug": "hrc-99", "addressee": "", "deadline": ""}
    responses = at_once(
        monkeypatch,
        services,
        "slug_taken",
        [
            (alice, "/manage/letters/hrc-61/settings", {**settings, "addressee": "Alice’s"}),
            (bob, "/manage/letters/hrc-62/settings", {**settings, "addressee": "Bob’s"}),
        ],
    )
    assert [r.status_code for r in responses] == [302, 400]
    page = responses[1].get_data(as_text=True)
    assert "Another letter already uses this address." in page and "’s" in page
    assert db.session.query(Letter).filter_by(slug="hrc-99").count() == 1
