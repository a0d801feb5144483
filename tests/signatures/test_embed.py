"""The sign-on form in a frame on the sites a letter's coordinators named: the settings, the
headers that let (only) those sites frame it, and signing through it with no session."""

from __future__ import annotations

import re

import pytest

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters.models import Letter, LetterStatus
from campaign.signatures.models import SignatureStatus
from campaign.validators import site_origin
from tests.conftest import login
from tests.i18n import translated
from tests.signatures.conftest import form_data, signatures, too_many

SITES = "https://coalition.example.org\nhttp://localhost:8000"


def ancestors(response) -> str:  # noqa: ANN001
    policy = response.headers["Content-Security-Policy"]
    return re.search(r"frame-ancestors ([^;]*)", policy).group(1)


@pytest.mark.parametrize(
    ("typed", "origin"),
    [
        ("coalition.example.org", "https://coalition.example.org"),
        ("HTTPS://Coalition.Example.ORG/", "https://coalition.example.org"),
        ("https://coalition.example.org:443", "https://coalition.example.org"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("https://réseau.example", "https://xn--rseau-bsa.example"),
        ("https://coalition.example.org/join", None),  # a page, not a site
        ("https://coalition.example.org?x=1", None),
        ("https://user@coalition.example.org", None),
        ("ftp://coalition.example.org", None),
        ("https://coalition", None),
        ("https://*.example.org", None),
        ("https://example.org; script-src *", None),  # would write a policy of its own
        ("https://example.org 'unsafe-inline'", None),
        ("https://[::1]:99999", None),
        ("", None),
    ],
)
def test_a_site_address_is_stored_as_its_origin_or_refused(typed, origin):
    assert site_origin(typed) == origin


@pytest.fixture
def coordinator(make, client):
    letter = make.letter("carta")
    make.user("coord@example.org", roles={letter: Role.coordinator})
    login(client, "coord@example.org")
    return letter


def save_sites(client, typed: str, lang: str = "en"):  # noqa: ANN201
    data = {"slug": "carta", "embed_origins": typed}
    return client.post(f"/manage/letters/carta/settings?lang={lang}", data=data)


def test_coordinators_list_the_sites_and_get_the_code_to_paste(client, make, coordinator):
    page = client.get("/manage/letters/carta").get_data(as_text=True)
    assert "list those sites in the settings above" in page and "&lt;iframe" not in page

    typed = "Coalition.example.org\n\n  http://localhost:8000  \ncoalition.example.org/"
    assert save_sites(client, typed).status_code == 302
    db.session.expire_all()
    assert db.session.get(Letter, coordinator.id).embed_origins == SITES

    page = client.get("/manage/letters/carta").get_data(as_text=True)
    assert "https://coalition.example.org\nhttp://localhost:8000</textarea>" in page
    code = "&lt;iframe src=&#34;http://localhost/en/letters/carta/embed&#34; title=&#34;"
    assert code in page
    resizer = "&lt;script src=&#34;http://localhost/static/embed.js&#34; async&gt;&lt;/script&gt;"
    assert resizer in page
    # The script the code names is there for other sites to load (no policy against it).
    with client.get("/static/embed.js") as script:
        assert script.status_code == 200 and "Cross-Origin-Resource-Policy" not in script.headers


def test_a_wrong_site_address_is_refused_in_the_page_language_and_nothing_saved(
    client, coordinator
):
    client.get("/language/fr")
    response = save_sites(client, "https://coalition.example.org\ncoalition.example.org/join")
    assert response.status_code == 400
    message = translated(
        "fr",
        "“%(line)s” is not a site address such as https://coalition.example.org.",
        line="coalition.example.org/join",
    )
    assert message in response.get_data(as_text=True)
    assert "coalition.example.org/join</textarea>" in response.get_data(as_text=True)  # as typed
    many = save_sites(client, "\n".join(f"s{n}.example.org" for n in range(21)))
    assert translated("fr", "List at most %(most)d sites.", most=20) in many.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Letter, coordinator.id).embed_origins == ""


def test_only_the_named_sites_may_frame_the_form_and_nothing_else(client, make):
    make.letter("carta", embed_origins=SITES)
    make.letter("otra")
    framed = client.get("/fr/letters/carta/embed")
    assert framed.status_code == 200
    assert ancestors(framed) == "'self' https://coalition.example.org http://localhost:8000"
    assert "X-Frame-Options" not in framed.headers
    assert ancestors(client.get("/fr/letters/otra/embed")) == "'self'"
    for other in ("/fr/letters/carta", "/fr/letters/carta/thanks", "/login"):
        response = client.get(other)
        assert ancestors(response) == "'none'" and response.headers["X-Frame-Options"] == "DENY"
    missing = client.get("/fr/letters/nowhere/embed")
    assert missing.status_code == 404 and ancestors(missing) == "'self'"


def test_the_framed_form_keeps_no_session_and_links_out_to_the_letter(client, make):
    make.letter(
        "carta", embed_origins=SITES, texts={"fr": ("Lettre au Conseil", "…")}, language="fr"
    )
    response = client.get("/fr/letters/carta/embed")
    page = response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers
    assert 'name="csrf_token"' not in page and 'name="started"' in page
    assert 'action="/fr/letters/carta/embed"' in page
    assert 'href="/fr/letters/carta" target="_blank" rel="noopener" lang="fr"' in page
    assert 'dir="ltr">Lettre au Conseil</a>' in page
    assert 'class="site-header"' not in page


def test_the_frame_is_headed_by_the_letters_title(client, make):
    """A screen reader in the frame finds its one h1, the letter's title, before the form's h2."""
    texts = {"fr": ("Lettre au Conseil", "…")}
    make.letter("carta", embed_origins=SITES, texts=texts, language="fr")
    page = client.get("/fr/letters/carta/embed").get_data(as_text=True)
    headings = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", page, re.S)
    assert [level for level, _ in headings] == ["1", "2"]
    assert headings[0][1].endswith('dir="ltr">Lettre au Conseil</a>')


def test_signing_in_the_frame_needs_no_cookie_and_is_confirmed_by_email(app, client, make, smtp):
    app.config["WTF_CSRF_ENABLED"] = True
    make.letter("carta", embed_origins=SITES, auto_approve=True)
    sent = client.post("/es/letters/carta/embed", data=form_data())
    assert sent.status_code == 302
    assert sent.headers["Location"].endswith("/es/letters/carta/embed/thanks")
    assert "Set-Cookie" not in sent.headers
    thanks = client.get(sent.headers["Location"])
    assert translated("es", "Please check your email") in thanks.get_data(as_text=True)
    assert "https://coalition.example.org" in ancestors(thanks)
    [signature] = signatures()
    assert signature.status is SignatureStatus.pending
    [message] = smtp.inbox.to("lucia@proderechos.example.org")
    assert "/es/signatures/confirm/" in smtp.inbox.text(message)
    # The letter page's own form still wants its token.
    assert client.post("/es/letters/carta/sign", data=form_data()).status_code == 400


def test_entries_to_correct_come_back_in_the_frame_as_typed(client, make):
    make.letter("carta", embed_origins=SITES)
    sent = client.post(
        "/es/letters/carta/embed", data=form_data(contact_email="not an address", name="Mi ONG")
    )
    assert sent.status_code == 400
    page = sent.get_data(as_text=True)
    message = "Enter an email address such as name@example.org."
    assert translated("es", message) in page and 'value="Mi ONG"' in page
    assert 'action="/es/letters/carta/embed"' in page and 'class="site-header"' not in page
    assert "https://coalition.example.org" in ancestors(sent)
    assert signatures() == []
    # Focus goes to the summary (by script: browsers ignore autofocus in a framed page from
    # another site), and the frame's history takes the form's address (Back asks no resending).
    assert '<div class="error-summary"' in page and "/static/embed_frame.js?v=" in page
    assert re.search(r'post_address\.js\?v=\w+" data-address="/es/letters/carta/embed"', page)
    assert "post_address.js" not in client.get("/es/letters/carta/embed").get_data(as_text=True)


def test_the_robot_checks_still_hold_in_the_frame(app, client, make):
    make.letter("carta", embed_origins=SITES)
    app.config["SIGN_MIN_SECONDS"] = 5
    too_fast = client.post("/en/letters/carta/embed", data=form_data())
    assert too_fast.status_code == 400
    assert "Please take a moment to check your entries" in too_fast.get_data(as_text=True)
    forged = client.post("/en/letters/carta/embed", data=form_data(started="form.forged"))
    assert forged.status_code == 400
    app.config["SIGN_MIN_SECONDS"] = 0
    honeypot = client.post("/en/letters/carta/embed", data=form_data(homepage="http://spam"))
    assert honeypot.status_code == 302
    assert signatures() == []


def test_a_closed_letter_says_so_in_the_frame(client, make):
    make.letter("carta", embed_origins=SITES, status=LetterStatus.closed)
    page = client.get("/en/letters/carta/embed").get_data(as_text=True)
    assert "This letter is closed for signature." in page and "<form" not in page
    sent = client.post("/en/letters/carta/embed", data=form_data())
    assert sent.status_code == 409 and "https://coalition.example.org" in ancestors(sent)
    assert signatures() == []


@pytest.mark.parametrize(
    "config_overrides",
    [{"RATELIMIT_ENABLED": True, "SIGN_RATE_LIMIT": "2 per 5 minutes", "SIGN_MIN_SECONDS": 0}],
)
def test_the_frame_and_the_letter_page_share_one_rate_limit(client, make, config_overrides):
    make.letter("carta", embed_origins=SITES)
    codes = [
        client.post(path, data=form_data(contact_email=f"a{n}@example.org")).status_code
        for n, path in enumerate(
            ["/es/letters/carta/sign", "/es/letters/carta/embed", "/es/letters/carta/embed"]
        )
    ]
    assert codes == [302, 302, 429]
    limited = client.post("/es/letters/carta/embed", data=form_data(name="Colectivo Río"))
    page = limited.get_data(as_text=True)
    assert too_many("es", limited, 300) in page
    assert 'value="Colectivo Río"' in page  # the form as typed, to send again later
    assert "https://coalition.example.org" in ancestors(limited)  # shown in the frame
