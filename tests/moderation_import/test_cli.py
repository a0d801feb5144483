"""``campaign import``: asks before writing, refuses bad files with a reason, prints a summary."""

from __future__ import annotations

import pytest

from campaign.letters.models import LetterStatus
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import SignatureStatus
from tests.i18n import translated
from tests.moderation_import.conftest import LIST, audit_actions, signatures


def test_without_yes_and_without_a_terminal_nothing_is_written(runner, letter):
    result = runner.invoke(args=["import", letter.slug, str(LIST)])
    assert result.exit_code == 1
    assert "Import 300 entries? [y/N]" in result.output
    assert "Nothing was imported (confirm, or pass --yes)." in result.output
    assert signatures(letter) == [] and audit_actions(letter) == []


def test_answering_yes_imports_and_no_does_not(runner, letter):
    refused = runner.invoke(args=["import", letter.slug, str(LIST)], input="n\n")
    assert refused.exit_code == 1 and signatures(letter) == []
    accepted = runner.invoke(args=["import", letter.slug, str(LIST)], input="y\n")
    assert accepted.exit_code == 0 and len(signatures(letter)) == 300


def test_refused_rows_are_listed_with_their_line(runner, letter, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        'name,country\nRed Andina,Perú\n"=SUM(A1)",KE\n—,KE\nOK Org,Narnia\n\u200d\u200d,KE\n'
    )
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "REFUSED line 3: '=SUM(A1)': Name — A name cannot start with" in result.output
    assert "REFUSED line 4: '—': Name — No letters or digits in the name." in result.output
    assert "WARNING line 5: Country — “Narnia” was not understood and is left out." in result.output
    invisible = "Name — Type some visible text: this field holds only invisible characters."
    assert f"REFUSED line 6: '\\u200d\\u200d': {invisible}" in result.output  # shown escaped
    assert "Imported 2 entries" in result.output
    assert [(s.name, s.country) for s in signatures(letter)] == [
        ("Red Andina", "PE"),
        ("OK Org", None),
    ]


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("Fédération".encode("cp1252"), [], "not UTF-8 text (first problem on line 1)"),
        (b"a\x00b", [], "contains NUL bytes"),
        (b"not a workbook", ["--format", "xlsx"], "not an Excel workbook"),
        (b"id,title\n1,x\n", ["--format", "csv"], "(line 1) holds: id, title."),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    runner, letter, tmp_path, content, args, message
):
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes", *args])
    assert result.exit_code == 1 and message in result.output
    assert signatures(letter) == []


def test_a_chosen_encoding_is_used(runner, letter, tmp_path):
    path = tmp_path / "list.txt"
    path.write_bytes("1. Fédération des Œuvres\n".encode("cp1252"))
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes", "--encoding", "cp1252"])
    assert result.exit_code == 0 and signatures(letter)[0].name == "Fédération des Œuvres"


def test_files_over_the_upload_limit_are_refused(app, runner, letter, tmp_path):
    app.config["MAX_CONTENT_LENGTH"] = 10
    path = tmp_path / "list.txt"
    path.write_text("1. A long enough list\n")
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 1 and "larger than 10 bytes" in result.output


def test_unknown_letters_and_submitted_letters_are_refused(runner, make):
    assert (
        "No letter with the address 'nope'"
        in runner.invoke(args=["import", "nope", str(LIST), "--yes"]).output
    )
    done = make.letter(status=LetterStatus.submitted)
    result = runner.invoke(args=["import", done.slug, str(LIST), "--yes"])
    assert result.exit_code == 1 and "has been submitted" in result.output


def test_entries_already_on_the_letter_or_sharing_an_address_are_held(
    runner, make, letter, tmp_path
):
    make.signature(letter, "Kenya Human Rights Commission", contact_email="info@khrc.example")
    path = tmp_path / "list.csv"
    path.write_text(
        "name,email\nKenya Human Rights Commission,\nUganda Land Alliance,INFO@khrc.example\n"
        "Zambia Legal Aid,a@zla.example\nZambia Legal Aid Board,a@zla.example\n"
    )
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert result.exit_code == 0, result.output
    assert "signature #" in result.output and "same contact email" in result.output
    imported = {s.name: s for s in signatures(letter)[1:]}
    assert all(
        s.status is SignatureStatus.confirmed
        for n, s in imported.items()
        if n != "Zambia Legal Aid"
    )
    assert imported["Zambia Legal Aid"].status is SignatureStatus.approved
    assert imported["Uganda Land Alliance"].email_key is None  # the letter's key stays unique
    assert imported["Uganda Land Alliance"].contact_email.lower() == "info@khrc.example"


def test_registry_names_are_suggested_not_flagged(runner, make, letter, tmp_path):
    from campaign.db import db

    org = Organisation(name="Amnesty International", name_key=name_key("Amnesty International"))
    org.aliases.append(
        OrganisationAlias(
            name="Amnistía Internacional", name_key=name_key("Amnistía Internacional")
        )
    )
    db.session.add(org)
    db.session.commit()
    path = tmp_path / "list.txt"
    path.write_text("1. Amnistía Internacional\n")
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert "Imported 1 entry: 1 published" in result.output
    assert signatures(letter)[0].status is SignatureStatus.approved


def test_ragged_rows_and_long_names_are_explained(runner, letter, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(f"name,country\nA,KE,stray\n{'x' * 301},KE\n")
    result = runner.invoke(args=["import", letter.slug, str(path), "--yes"])
    assert "REFUSED line 2: 'A': This row has 3 cells but the header has 2." in result.output
    assert "REFUSED line 3: " in result.output
    assert "Name — Too long: 301 characters, at most 300." in result.output


def test_an_import_from_the_shell_reads_in_the_audit_log_language(
    runner, client, letter, coordinator, login_as, tmp_path
):
    """Its entries and its actor are labelled in the reader's language, not as codes."""
    path = tmp_path / "list.csv"
    path.write_text("name\nRed Andina\n")
    assert runner.invoke(args=["import", letter.slug, str(path), "--yes"]).exit_code == 0
    login_as(coordinator)
    client.get("/language/fr")
    page = client.get(f"/manage/letters/{letter.slug}/audit").get_data(as_text=True)
    for label in ("Imported from a list", "List imported", "The command line, on the server"):
        assert translated("fr", label) in page
    assert ">import<" not in page and ">command line<" not in page
