"""The public list: approved only, numbered 1..N in root collation order, one total."""

from __future__ import annotations

import gzip
import re

from flask import template_rendered
from sqlalchemy import event

from campaign.db import db
from campaign.signatures.models import SignatureStatus, SignerKind
from tests.i18n import translated

NAMES = ["Zeta", "İHH İnsani Yardım", "Albergue", "Àltera", "Iglesia Unida", "Jóvenes", "Hope"]


def listed(client, url: str) -> list[tuple[int, str]]:
    page = client.get(url).get_data(as_text=True)
    pattern = r'<li value="(\d+)"><bdi class="name">([^<]+)</bdi>'
    return [(int(n), name) for n, name in re.findall(pattern, page)]


def test_list_is_in_root_collation_order_and_numbered_without_gaps(client, make):
    letter = make.letter("carta")
    for name in NAMES:
        make.signature(letter, name)
    make.signature(letter, "Pending Org", status=SignatureStatus.pending)
    make.signature(letter, "Withdrawn Org", status=SignatureStatus.withdrawn)
    entries = listed(client, "/en/letters/carta")
    assert [name for _, name in entries] == [
        "Albergue",
        "Àltera",
        "Hope",
        "Iglesia Unida",
        "İHH İnsani Yardım",
        "Jóvenes",
        "Zeta",
    ]
    assert [n for n, _ in entries] == list(range(1, 8))


def test_every_language_page_shows_the_same_numbers_and_total(client, make):
    letter = make.letter("carta", texts={"en": ("L", "b"), "ar": ("ر", "ب")})
    for name in NAMES:
        make.signature(letter, name)
    make.signature(letter, "Person One", kind=SignerKind.individual)
    pages = {
        lang: client.get(f"/{lang}/letters/carta").get_data(as_text=True)
        for lang in "en ar fr".split()
    }
    assert len({tuple(listed(client, f"/{lang}/letters/carta")) for lang in pages}) == 1
    for lang, page in pages.items():
        total = translated(lang, "%(num)s signatory", "%(num)s signatories", num=8)
        assert f'<p class="total">{total}</p>' in page


def test_names_are_isolated_from_the_direction_of_the_page(client, make):
    letter = make.letter("carta")
    make.signature(letter, "Human Rights Watch, Inc.", country="US")
    make.signature(letter, "Jane Doe", kind=SignerKind.individual)
    for by in ("", "?by=country"):
        page = client.get(f"/ar/letters/carta{by}").get_data(as_text=True)
        assert '<bdi class="name">Human Rights Watch, Inc.</bdi>' in page
    assert '<bdi class="name">Jane Doe</bdi>' in page


def test_grouping_by_country_uses_localised_names_and_keeps_numbers(client, make):
    letter = make.letter("carta")
    make.signature(letter, "Albergue", country="ES")
    make.signature(letter, "Berliner Netz", country="DE")
    make.signature(letter, "Cotonou Droits", country="BJ")
    make.signature(letter, "Desconocida")
    page = client.get("/fr/letters/carta?by=country").get_data(as_text=True)
    headings = re.findall(r"<h4>([^<]+)</h4>", page)
    assert headings == ["Allemagne", "Bénin", "Espagne", translated("fr", "Country not given")]
    assert '<li value="2"><bdi class="name">Berliner Netz</bdi>' in page


def test_large_list_is_read_without_a_query_per_signatory(client, make, app):
    make.long_list(make.letter("carta"), 5000)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    page = client.get("/en/letters/carta").get_data(as_text=True)
    assert '<li value="5000"><bdi class="name">Organisation 04999</bdi>' in page
    signature_reads = [s for s in statements if "FROM signatures" in s]
    assert len(signature_reads) <= 2  # the list version, and the list when it moved
    assert '<p class="total">5,000 signatories</p>' in page
    french = client.get("/fr/letters/carta").get_data(as_text=True)
    assert '<p class="total">5\u202f000 signataires</p>' in french


def test_list_is_rendered_once_per_language_and_order_while_it_stays_the_same(client, make, app):
    letter = make.letter("carta")
    make.signature(letter, "Albergue")
    rendered: list[str] = []

    def record(_app, template, context, **_extra):  # noqa: ANN001, ANN202
        rendered.append(template.name)

    template_rendered.connect(record, app)
    try:
        for url in ("/en/letters/carta", "/en/letters/carta", "/fr/letters/carta"):
            client.get(url)
        client.get("/fr/letters/carta?by=country")
        assert rendered.count("signatures/_list.html") == 3  # en, fr, fr by country
        make.signature(letter, "Àltera")
        assert listed(client, "/en/letters/carta") == [(1, "Albergue"), (2, "Àltera")]
        assert rendered.count("signatures/_list.html") == 4
    finally:
        template_rendered.disconnect(record, app)


def test_pages_go_compressed_to_browsers_that_accept_it(client, make):
    """A list of thousands of names is most of a page; compressed, it is a fraction."""
    letter = make.letter("carta")
    for n in range(300):
        make.signature(letter, f"Asociación de Derechos Humanos {n:03d}", country="ES")
    plain = client.get("/es/letters/carta")
    assert "Content-Encoding" not in plain.headers
    packed = client.get("/es/letters/carta", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    page = gzip.decompress(packed.get_data()).decode()
    assert '<li value="300"><bdi class="name">Asociación de Derechos Humanos 299</bdi>' in page
    assert len(packed.get_data()) * 5 < len(plain.get_data())


def test_warm_up_builds_the_open_letters_lists_before_the_server_forks(app, client, make):
    """wsgi.py warms the app before gunicorn forks: open letters' lists are built then (the
    workers share them), and no database connection is left open for the workers to share."""
    from campaign import warm_up
    from campaign.letters.models import LetterStatus

    letter = make.letter("carta")
    for name in NAMES:
        make.signature(letter, name)
    draft = make.letter("borrador", status=LetterStatus.draft)
    make.signature(draft, "Draft Org")
    warm_up(app)
    lists = app.extensions["campaign.public_lists"]
    assert set(lists) == {letter.id}
    assert lists[letter.id].entries.total == len(NAMES)
    assert db.engine.pool.checkedin() == 0
    built = lists[letter.id]
    assert len(listed(client, "/en/letters/carta")) == len(NAMES)
    assert lists[letter.id] is built  # the first view used it


def test_warm_up_leaves_the_lists_to_the_first_views_if_the_database_is_not_ready(tmp_path):
    from campaign import create_app, warm_up

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"})
    warm_up(app)  # no tables yet: logged, not raised
    assert app.extensions.get("campaign.public_lists", {}) == {}
