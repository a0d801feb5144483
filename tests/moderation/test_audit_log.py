"""The letter's audit log reads as moderators speak: translated field labels, values as
people read them, only what changed, details as sentences with links; filtered by action,
person, dates and signature from the address, bad filters said, never a server error."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.models import AuditEntry
from campaign.signatures.choices import country_name
from campaign.signatures.models import OrgType
from campaign.signatures.models import SignatureStatus as S
from tests.conftest import login
from tests.i18n import translated
from tests.moderation.conftest import console, entries, page_of
from tests.moderation.test_duplicates import merge, seed
from tests.moderation_import.conftest import confirm, previewed

LOG = "/manage/letters/carta/audit"
BACKWARDS = "This date is before the first day of the period."
TOO_LONG = "Keep this under %(limit)d characters (it has %(count)d)."
HIDDEN = (
    "This field held hidden characters (text-direction marks or invisible spaces), now "
    "removed. Check it and send the form again."
)


def log_page(client, lang: str, query: str = "") -> str:
    """The log's entries (the table's body), read in ``lang``."""
    client.get(f"/language/{lang}")
    page = client.get(LOG + query).get_data(as_text=True)
    return page.split("<tbody>")[1].split("</tbody>")[0]


def isolated(text: str) -> str:
    return f'<bdi dir="auto">{text}</bdi>'


def value(lang: str, label: str, shown: str) -> str:
    """A field an entry records with one value, as the log marks it up."""
    return f"<dt>{translated(lang, label)}</dt><dd>{shown}</dd>"


def change(lang: str, label: str, before: str, after: str) -> str:
    """A field changed, with the arrow of the reading direction and words for screen readers."""
    arrow = "←" if lang == "ar" else "→"
    said = translated(lang, "changed to")
    return (
        f'<dt>{translated(lang, label)}</dt><dd>{before} <span aria-hidden="true">{arrow}</span>'
        f'<span class="visually-hidden">{said}</span> {after}</dd>'
    )


def link(signature) -> str:  # noqa: ANN001
    return f'<a href="{page_of(signature)}">{isolated(signature.name)}</a>'


def test_a_correction_shows_only_what_changed_with_french_labels_and_values(
    client, make, letter, moderator
):
    s = make.signature(letter, "Amel", country="LB", org_type=OrgType.ngo, ecosoc_status="none")
    data = {"name": "Amel", "country": "FR", "org_type": "network", "ecosoc_status": "special"}
    assert client.post(page_of(s) + "/edit", data=data).status_code == 302
    page = log_page(client, "fr")
    lebanon = country_name("LB", "fr")  # the names the sign-on form offers
    assert lebanon == "Liban"
    assert change("fr", "Country", isolated(lebanon), isolated("France")) in page
    types = [
        translated("fr", t) for t in ("Non-governmental organisation (NGO)", "Network or coalition")
    ]
    assert change("fr", "Type of organisation", *types) in page
    statuses = [
        translated("fr", e) for e in ("No consultative status", "Special consultative status")
    ]
    assert change("fr", "Consultative status with ECOSOC", *statuses) in page
    assert f"<dt>{translated('fr', 'Name')}</dt>" not in page  # unchanged: not shown
    for code in ("country", "org_type", "ecosoc", "ngo", "LB", ": "):
        assert code not in page
    history = client.get(page_of(s)).get_data(as_text=True)  # the signature's own page
    assert change("fr", "Country", isolated(lebanon), isolated("France")) in history
    [entry] = entries("edit")
    assert entry.before["country"] == "LB"  # what is stored stays as it was


def test_an_import_reads_in_arabic_with_its_line_its_list_and_people_s_values(
    client, make, letter, moderator
):
    upload = (io.BytesIO(b"name,country\nRed Andina,LB\n"), "list.csv")
    batch = previewed(client, letter, upload=upload)
    confirm(client, letter, batch)
    page = log_page(client, "ar")
    to_batch = f'<a href="/manage/letters/carta/import/{batch}">{batch}</a>'
    line = translated("ar", "Line %(line)s of list %(batch)s", escape=False, line=2, batch=to_batch)
    assert line in page and f"السطر 2 من القائمة {to_batch}" in page
    file = isolated("list.csv")
    named = translated("ar", "List %(batch)s: %(file)s", escape=False, batch=to_batch, file=file)
    assert named in page
    assert value("ar", "Country", isolated(country_name("LB", "ar"))) in page
    assert country_name("LB", "ar") == "لبنان"
    assert value("ar", "Kind", translated("ar", "Organisation")) in page
    assert value("ar", "May be contacted about this campaign", translated("ar", "No")) in page
    assert value("ar", "Preferred language for emails", "الإنجليزية") in page
    for raw in ("organisation_id", "merged_into_id", "flags", "consent_contact", "<dd>—", "False"):
        assert raw not in page  # what a record leaves empty is left out; nothing raw
    assert translated("ar", "Entries read: %(count)d", count=1) in page  # the list's counts
    make.user("other@example.org", roles={letter: Role.moderator})
    login(client, "other@example.org")  # the import's page is its importer's alone
    other = log_page(client, "ar")
    assert to_batch not in other and f"السطر 2 من القائمة {batch}" in other


def test_merges_undos_and_bulk_rejections_are_sentences_naming_the_signatures(
    client, make, letter, moderator
):
    rows = seed(make, letter)
    keep, dup = rows["Amnesty International"], rows["Amnesty Internatonal"]
    merge(client, [keep, dup], "Amnesty International")
    [record] = {e.detail for e in entries("merge")}
    client.post(console() + f"/merges/{record.split()[1].rstrip(':')}/undo")
    client.post(
        console() + "/bulk",
        data={
            "email_domain": "oxfam.example",
            "since": "2020-01-02T03:04",
            "expected": "1",
            "apply": "1",
        },
    )
    page = log_page(client, "fr")
    number = record.split()[1].rstrip(":")
    merged = translated(
        "fr", "Merge %(number)s: %(merged)s into %(kept)s", escape=False,
        number=number, merged=f"<bdi>{link(dup)}</bdi>", kept=link(keep),
    )  # fmt: skip
    assert merged in page
    assert translated("fr", "Undoing merge %(number)s", number=number) in page
    assert change("fr", "Merged into", "—", link(keep)) in page
    assert value("fr", "Email domain", isolated("oxfam.example")) in page
    assert value("fr", "Signed from (UTC)", "02/01/2020 03:04") in page
    assert "bulk invalidation:" not in page and "undo merge" not in page


def old_entry(letter, **fields) -> AuditEntry:  # noqa: ANN001
    """An entry as an older version of the app may have written it."""
    entry = AuditEntry(letter_id=letter.id, actor_label="old@example.org", **fields)
    db.session.add(entry)
    db.session.commit()
    return entry


def test_entries_the_display_does_not_know_show_as_stored(client, make, letter, moderator):
    s = make.signature(letter, "Red Andina")
    odd = {"colour": "blue", "country": ["LB"], "status": "lost", "flags": [{"x": 1}, "spam"]}
    old_entry(letter, action="retired", signature_id=s.id, before={}, after=odd, detail="a b")
    old_entry(letter, action="merge", before={"merged_into_id": 10**30}, after={}, detail="merge x")
    old_entry(letter, action="bulk_reject", detail="bulk invalidation: nothing known")
    old_entry(letter, action="import", before=[1], after="text", detail="import 99, line 1")
    response = client.get(LOG)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for raw in ("retired", "colour", "blue", "lost", "spam", "merge x", "nothing known", "text"):
        assert raw in page
    assert translated("en", "Line %(line)s of list %(batch)s", line="1", batch="99") in page
    assert client.get(page_of(s)).status_code == 200


@pytest.fixture
def three_people(app, client, make, letter, moderator, runner, tmp_path):
    """Entries by the moderator (two decisions), another one, and the command line."""
    a, b = (make.signature(letter, name, status=S.confirmed) for name in ("Amnesty", "Oxfam"))
    client.post(console() + "/decide", data={"decide": f"hold:{a.id}"})
    client.post(console() + "/decide", data={"decide": f"hold:{b.id}"})
    make.user("other@example.org", roles={letter: Role.moderator})
    other = app.test_client()
    login(other, "other@example.org")
    other.post(console() + "/decide", data={"decide": f"approve:{a.id}"})
    path = tmp_path / "list.txt"
    path.write_text("Red Andina\n")
    assert runner.invoke(args=["import", letter.slug, str(path), "--yes"]).exit_code == 0
    return a, b


def count(page: str) -> int:
    return page.count("<tr>")


def test_the_log_is_filtered_by_person_dates_and_signature(client, letter, three_people):
    a, b = three_people
    everyone = log_page(client, "en")
    assert count(everyone) == 5
    assert count(log_page(client, "en", "?who=mod%40example.org")) == 2
    cli = log_page(client, "fr", "?who=command+line")
    assert count(cli) == 2 and translated("fr", "The command line, on the server") in cli
    menu = client.get(LOG).get_data(as_text=True)
    assert '<option value="other@example.org">other@example.org</option>' in menu
    today = datetime.now(UTC).date()
    assert count(log_page(client, "en", f"?since={today}&until={today}")) == 5
    assert "Nothing recorded yet." in log_page(client, "en", f"?since={today + timedelta(1)}")
    assert "Nothing recorded yet." in log_page(client, "en", f"?until={today - timedelta(1)}")
    assert count(log_page(client, "en", f"?signature={a.id}")) == 2
    assert count(log_page(client, "en", f"?signature=%23{b.id}")) == 1
    assert count(log_page(client, "en", "?signature=AMNES&who=other%40example.org")) == 1
    assert count(log_page(client, "en", "?signature=andina&action=import")) == 1


def test_pages_of_a_filtered_log_keep_their_filters(app, client, letter, three_people):
    app.config["MODERATION_PAGE_SIZE"] = 1
    page = client.get(LOG + "?who=mod%40example.org").get_data(as_text=True)
    assert "Page 1 of 2" in page
    assert 'href="/manage/letters/carta/audit?who=mod@example.org&amp;page=2"' in page
    second = client.get(LOG + "?who=mod%40example.org&page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and ">Amnesty</bdi></a>" in second


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("action=drop+table", "action", "Choose one of the options offered."),
        ("who=" + "x" * 5000, "who", "Choose one of the options offered."),
        ("since=2026-13-45", "since", "Not a valid date value."),
        ("until=tomorrow", "until", "Not a valid date value."),
        ("since=2026-05-02&until=2026-05-01", "until", BACKWARDS),
        ("signature=" + "x" * 201, "signature", TOO_LONG),
        ("signature=Amnesty%E2%80%AE", "signature", HIDDEN),
        ("signature=%00", "signature", HIDDEN),
        ("signature=%EE%80%80", "signature", "This field contains characters that cannot be used."),
    ],
    ids=["action", "who", "since", "until", "backwards", "long", "bidi", "nul", "private-use"],
)  # fmt: skip
def test_bad_filters_are_said_in_the_readers_language(
    client, letter, three_people, query, field, message
):
    client.get("/language/fr")
    response = client.get(f"{LOG}?{query}&page=2")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    said = translated("fr", message, limit=200, count=201)
    assert f'<p class="error" id="{field}-error">{said}</p>' in page
    assert count(page.split("<tbody>")[1]) == 5, page  # the bad filter is left out, not applied


@pytest.mark.parametrize(
    "query",
    ["since=9999-12-31", "until=0001-01-01", "signature=99999999999999999999", "page=%FF", "who="],
)
def test_filters_at_the_edges_of_what_is_valid_find_nothing_or_everything(
    client, letter, three_people, query
):
    assert client.get(f"{LOG}?{query}").status_code == 200
