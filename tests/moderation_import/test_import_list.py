"""The acceptance case: a real-looking published list, pasted as text, through CLI and web.

Every problem surfaces (the exact duplicate, the English/Spanish pair, the sentence, the gaps
in numbering); once the held entries are decided, the public list and the exports number
1..N without gaps.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from campaign.db import db
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.signatures.models import SignatureStatus, Source
from campaign.signatures.states import move
from tests.moderation_import.conftest import (
    ENGLISH,
    ENTRIES,
    EXACT_DUPLICATE,
    LIST,
    SENTENCE,
    SPANISH,
    audit_actions,
    signatures,
)

HELD = {EXACT_DUPLICATE, SPANISH, SENTENCE}


def test_cli_import_surfaces_every_problem_then_lists_number_without_gaps(runner, letter):
    result = runner.invoke(args=["import", letter.slug, str(LIST), "--yes"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Read 300 entries (text)." in out
    assert "numbering: missing 45–46, 130, 251–253, 277" in out
    assert re.search(rf"HELD line \d+ \(no\. 270\): {EXACT_DUPLICATE}: possible duplicate", out)
    assert f"looks like {EXACT_DUPLICATE} (line 60 of this list; same name" in out
    assert f"HELD line 245 (no. 237): {SPANISH}: possible duplicate" in out
    assert f"looks like {ENGLISH} (line 42 of this list; same acronym" in out
    assert f"HELD line 158 (no. 155): {SENTENCE}: looks like a sentence" in out
    assert "Imported 300 entries: 297 published, 3 held for moderators" in out

    rows = signatures(letter)
    assert len(rows) == ENTRIES and {s.source for s in rows} == {Source.imported}
    held = {s.name for s in rows if s.status is SignatureStatus.confirmed}
    assert held == HELD
    assert all(s.email_key is None and s.flags == [] for s in rows if s.name not in HELD)
    assert audit_actions(letter) == ["import"] * ENTRIES + ["import_batch"]

    _decide_held_entries(letter)
    _assert_lists_number_without_gaps(runner, letter, ENTRIES - len(HELD))


def _decide_held_entries(letter) -> None:  # noqa: ANN001
    """What moderators decide in their console: the repeat and the sentence are rejected, and
    the Spanish name leaves the list for its English twin (as a merge does)."""
    for signature in signatures(letter):
        if signature.name in (SENTENCE, SPANISH) or (
            signature.name == EXACT_DUPLICATE and signature.status is SignatureStatus.confirmed
        ):
            move(signature, SignatureStatus.rejected)
    db.session.commit()


def _assert_lists_number_without_gaps(runner, letter, expected: int) -> None:  # noqa: ANN001
    from campaign.signatures.queries import public_entries

    entries = public_entries(db.session, letter.id).organisations
    assert [e.number for e in entries] == list(range(1, expected + 1))
    for fmt in ("txt", "csv"):
        exported = runner.invoke(args=["export", letter.slug, "--format", fmt])
        assert exported.exit_code == 0, exported.output
        numbers = [int(n) for n in re.findall(r"^\"?(\d+)[.,\"]", exported.output, re.M)]
        assert numbers == list(range(1, expected + 1)), fmt


def test_web_preview_shows_the_same_problems_and_writes_nothing_until_confirmed(
    client, login_as, letter, coordinator
):
    login_as(coordinator)
    data = {"pasted": LIST.read_text(encoding="utf-8"), "format": "auto", "encoding": "utf-8"}
    response = client.post(f"/manage/letters/{letter.slug}/import/", data=data)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Nothing has been written yet." in page and signatures(letter) == []
    assert "To be added: 300" in page and "held for moderators: 3" in page
    assert "Numbers missing: 45–46, 130, 251–253, 277." in page
    review = page.split('id="import-review"')[1].split("</table>")[0]
    for name in (EXACT_DUPLICATE, SPANISH, SENTENCE, ENGLISH, "line 42 of this list"):
        assert name in review
    assert "same acronym" in review and "looks like a sentence" in review

    batch = db.session.scalar(select(ImportBatch))
    confirmed = client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/apply")
    assert confirmed.status_code == 302
    assert len(signatures(letter)) == ENTRIES
    again = client.post(f"/manage/letters/{letter.slug}/import/{batch.id}/apply")
    assert len(signatures(letter)) == ENTRIES  # a second click imports nothing more
    assert "already confirmed or cancelled" in client.get(again.headers["Location"]).get_data(
        as_text=True
    )
    db.session.expire_all()
    assert db.session.get(ImportBatch, batch.id).status is BatchStatus.applied
