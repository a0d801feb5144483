from campaign.accounts.models import Role, User
from campaign.cli import main
from campaign.db import db
from campaign.letters.models import Letter, LetterStatus
from campaign.signatures.queries import public_entries


def test_demo_creates_an_open_letter_in_four_languages(runner, client):
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    letter = db.session.query(Letter).filter_by(slug="demo").one()
    assert letter.status is LetterStatus.open
    assert set(letter.languages) == {"en", "fr", "es", "ar"}
    assert "/en/letters/demo" in result.output
    assert client.get("/ar/letters/demo").status_code == 200


def test_demo_is_idempotent_and_prints_a_working_login(runner, client):
    runner.invoke(args=["demo"])
    result = runner.invoke(args=["demo"])
    assert db.session.query(Letter).count() == 1
    lines = dict(
        line.strip().split(":", 1) for line in result.output.splitlines() if line.startswith("  ")
    )
    email, password = lines["email"].strip(), lines["password"].strip()
    user = db.session.query(User).filter_by(email=email).one()
    assert user.has_role(db.session.query(Letter).one().id, Role.coordinator)
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302


def test_demo_creates_a_signable_letter_and_says_where_mail_goes(runner):
    first = runner.invoke(main, ["demo"])
    again = runner.invoke(main, ["demo"])
    assert first.exit_code == again.exit_code == 0, first.output
    assert "Email (confirmation links) goes to SMTP server 127.0.0.1:" in first.output
    letter = db.session.scalar(Letter.by_slug("demo"))
    assert letter.auto_approve
    names = [e.name for e in public_entries(db.session, letter.id).organisations]
    assert names[:2] == ["Albergue Solidario", "Àltera Asociación"] and len(names) == 5


def test_the_demo_letter_makes_a_statement_for_the_council(runner, tmp_path):
    """Its signatories have ECOSOC statuses: co-sponsors above the title, others in a note."""
    from docx import Document

    runner.invoke(main, ["demo"])
    path = tmp_path / "statement.docx"
    args = ["export", "demo", "--format", "docx", "--lang", "fr", "--output", str(path)]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [p.text for p in Document(str(path)).paragraphs]
    assert "Zentrum für Menschenrechte (Général)" in lines  # left to right: no isolates
