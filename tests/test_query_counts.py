"""Staff and public pages ask the database the same number of questions however long their
lists are (no query per row: a letter with a big team, many look-alikes or many sign-ups
whose email could not be delivered stays fast)."""

from __future__ import annotations

import pytest

from campaign.accounts import staff
from campaign.accounts.models import Role
from campaign.db import db
from campaign.mail_models import OutboxStatus
from campaign.signatures.models import SignatureStatus
from tests.statements import recorded

PAGES = [
    "/en/",
    "/manage/",
    "/manage/accounts/",
    "/manage/letters/target/team/",
    "/manage/letters/target",
    "/manage/letters/target/moderation",
    "/manage/letters/target/moderation?status=all",
    "/manage/letters/target/moderation/duplicates",
    "/manage/letters/target/audit",
    "/manage/letters/target/exports/",
    "/en/letters/target",
    "/fr/letters/target?by=country",
]


def _grow(make, letter, admin, start: int, stop: int) -> None:  # noqa: ANN001
    """Team members with roles on other letters too, switched off and on (log entries), pairs
    of look-alike signatures (duplicate clusters and the public list), and sign-ups whose
    confirmation email was given up (flagged in the queue)."""
    others = [make.letter(f"other-{start}-{i}") for i in range(2)]  # open: on the public index
    for i in range(start, stop):
        user = make.user(
            f"member{i}@example.org", roles={letter: Role.moderator, others[i % 2]: Role.exporter}
        )
        staff.switch(db.session, user.id, False, admin)
        staff.switch(db.session, user.id, True, admin)
        country = ["FR", "EG", "BR"][i % 3]
        make.signature(
            letter, f"Amnesty International {i}", status=SignatureStatus.confirmed, country=country
        )
        make.signature(letter, f"Amnesty Intl {i}", country=country)
        lost = make.signature(letter, f"Lost Org {i}", status=SignatureStatus.pending)
        make.signer_email(lost, OutboxStatus.failed, "refused: (550, b'5.1.1 No such user')")
    db.session.commit()


@pytest.mark.parametrize("path", PAGES)
def test_queries_do_not_grow_with_the_lists(client, make, login_as, path):
    letter = make.letter("target", texts={"en": ("Title", "Body"), "fr": ("Titre", "Texte")})
    admin = make.user("admin@example.org", admin=True, roles={letter: Role.coordinator})
    login_as(admin)
    sizes = []
    for start, stop in ((0, 2), (2, 12)):
        _grow(make, letter, admin, start, stop)
        client.get(path)  # warm: the first view may fill caches
        with recorded() as sent:
            assert client.get(path).status_code == 200
        sizes.append(len(sent))
    assert sizes[0] == sizes[1], f"{path}: {sizes[0]} queries with 2 of each, {sizes[1]} with 12"
