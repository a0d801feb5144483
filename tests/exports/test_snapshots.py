"""Frozen lists: identical files on every download, untouched by later edits, diffs."""

from __future__ import annotations

import json
import re

import pytest

from campaign.accounts.models import Role
from campaign.db import db, utcnow
from campaign.demo import TEXTS
from campaign.exports.models import ExportSnapshot
from campaign.exports.pdf import render_pdf
from campaign.exports.rows import canonical_json, digest, from_json, live_data
from campaign.signatures.models import Signature, SignatureStatus
from tests.exports.helpers import (
    as_frozen_before_outdated_was_recorded,
    pdf_text,
    run_cli,
    seed,
    snapshot_texts,
)

FORMATS = [
    ("pdf", "en"),
    ("pdf", "ar"),
    ("docx", "es"),
    ("xlsx", "en"),
    ("csv", "en"),
    ("csv-semicolon", "en"),
    ("txt", "fr"),
]


@pytest.fixture
def letter(make):  # noqa: ANN001, ANN201
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    return letter


def _freeze(client, letter) -> int:  # noqa: ANN001
    response = client.post(f"/manage/letters/{letter.slug}/exports/snapshots")
    assert response.status_code == 302
    return int(re.search(r"/snapshots/(\d+)$", response.headers["Location"])[1])


def _post(client, letter, snapshot_id: int, fmt: str, lang: str, contacts: bool = False):  # noqa: ANN001, ANN202
    data = {"format": fmt, "language": lang, "snapshot": str(snapshot_id), "columns": "1"}
    return client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={**data, **({"contacts": "y"} if contacts else {}), "download": "Download"},
    )


def _download(client, letter, snapshot_id: int, fmt: str, lang: str) -> bytes:  # noqa: ANN001
    response = _post(client, letter, snapshot_id, fmt, lang)
    assert response.status_code == 200, response.data[:300]
    return response.data


def test_a_snapshot_keeps_no_contact_details_and_says_so_when_asked_for_them(
    client, make, login_as, letter
):
    """A snapshot is kept for good: a signer who withdraws later must not stay on file in it.
    Contacts come from the current list; asked of a snapshot, the answer says so."""
    login_as(make.user(roles={letter: Role.exporter}))
    snapshot = db.session.get(ExportSnapshot, _freeze(client, letter))
    stored = json.loads(snapshot.content)
    assert stored["rows"] and "@" not in snapshot.content
    assert all(not row["contact_email"] and not row["contact_name"] for row in stored["rows"])
    refused = _post(client, letter, snapshot.id, "csv", "en", contacts=True)
    assert refused.status_code == 400
    assert "A snapshot keeps no contact details." in refused.get_data(True)
    current = _post(client, letter, 0, "csv", "en", contacts=True)
    assert current.status_code == 200 and "@example.org" in current.data.decode("utf-8-sig")


def test_a_snapshot_frozen_with_contacts_before_still_exports_them(client, make, login_as, letter):
    login_as(make.user(roles={letter: Role.exporter}))
    content = canonical_json(live_data(db.session, letter, utcnow().replace(microsecond=0)))
    old = ExportSnapshot(letter_id=letter.id, sha256=digest(content), content=content)
    db.session.add(old)
    db.session.commit()
    response = _post(client, letter, old.id, "csv", "en", contacts=True)
    assert response.status_code == 200 and "@example.org" in response.data.decode("utf-8-sig")


@pytest.mark.parametrize(("fmt", "lang"), FORMATS)
def test_snapshot_downloads_are_byte_identical_and_survive_later_edits(
    client, make, login_as, letter, fmt, lang
):
    login_as(make.user(roles={letter: Role.exporter}))
    snapshot_id = _freeze(client, letter)
    first = _download(client, letter, snapshot_id, fmt, lang)
    changed = db.session.query(Signature).filter_by(letter_id=letter.id).first()
    changed.name = "Renamed Afterwards"
    make.signature(letter, "Joined Afterwards")
    db.session.commit()
    assert _download(client, letter, snapshot_id, fmt, lang) == first


def test_snapshot_page_shows_fingerprint_and_diff_lists_changes(client, make, login_as, letter):
    login_as(make.user(roles={letter: Role.exporter}))
    old = _freeze(client, letter)
    rows = db.session.query(Signature).filter_by(letter_id=letter.id).order_by(Signature.id)
    first, second = rows[0], rows[1]
    first.name = "Amnesty International (renamed)"
    second.status = SignatureStatus.withdrawn
    make.signature(letter, "Newcomer Network")
    db.session.commit()
    new = _freeze(client, letter)
    page = client.get(f"/manage/letters/{letter.slug}/exports/snapshots/{old}").get_data(True)
    assert re.search(r"[0-9a-f]{64}", page) and "matches the stored list" in page
    diff = client.get(f"/manage/letters/{letter.slug}/exports/diff?old={old}&new={new}")
    text = diff.get_data(as_text=True)
    assert "Newcomer Network" in text
    assert "Àltera Associació" in text  # the withdrawn one
    assert "Amnesty International</bdi> → <bdi>Amnesty International (renamed)" in text


def test_cli_freezes_and_exports_from_a_snapshot(runner, letter, make):
    out = run_cli(runner, "exports", "freeze", letter.slug).decode()
    snapshot_id = re.search(r"Snapshot (\d+): 11 signatories, SHA-256 [0-9a-f]{64}", out)[1]
    make.signature(letter, "Late Org")
    args = ("export", letter.slug, "--format", "txt", "--snapshot", snapshot_id)
    assert "Late Org" not in run_cli(runner, *args).decode()
    assert "Late Org" in run_cli(runner, "export", letter.slug, "--format", "txt").decode()


def test_another_letters_snapshot_is_not_found(client, make, login_as, letter):
    other = make.letter()
    user = make.user(roles={letter: Role.exporter, other: Role.exporter})
    login_as(user)
    snapshot_id = _freeze(client, other)
    url = f"/manage/letters/{letter.slug}/exports/snapshots/{snapshot_id}"
    assert client.get(url).status_code == 404


def test_a_snapshot_frozen_before_texts_had_an_addressee_still_exports(letter):
    """Older snapshots' texts have no "addressee": each language shows the letter's."""
    letter.addressee = "Human Rights Council"
    data = live_data(db.session, letter, utcnow())
    payload = json.loads(canonical_json(data))
    for text in payload["texts"].values():
        del text["addressee"]
    old = from_json(json.dumps(payload), data.as_of)
    assert {lang: old.addressee_in(lang) for lang in old.texts} == dict.fromkeys(
        data.texts, "Human Rights Council"
    )
    assert "Human Rights Council" in pdf_text(render_pdf(old, "fr"))


def test_a_snapshot_frozen_before_outdated_texts_were_recorded_says_it_is_not_known(
    client, make, login_as, letter
):
    """Its texts have no "outdated": the page does not claim they were up to date."""
    login_as(make.user(roles={letter: Role.exporter}))
    snapshot = db.session.get(ExportSnapshot, _freeze(client, letter))
    as_frozen_before_outdated_was_recorded(snapshot)
    url = f"/manage/letters/{letter.slug}/exports/snapshots/{snapshot.id}"
    page = client.get(url).get_data(as_text=True)
    assert "matches the stored list" in page
    texts = snapshot_texts(page)
    assert texts.pop("English") == "(authoritative)"
    assert set(texts.values()) == {"(not recorded whether older than the authoritative text)"}
