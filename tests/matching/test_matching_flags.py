"""Flags for entries that are probably not an organisation."""

import pytest

from campaign.matching import flag_name


@pytest.mark.parametrize(
    "name", ["Maria Gonzalez", "Dr. John Smith", "Ms Amina Yusuf", "Jean-Pierre Dupont"]
)
def test_person_names_are_flagged(name):
    assert flag_name(name) == ["person"]


@pytest.mark.parametrize(
    "name",
    [
        "We fully support this letter!",
        "I sign on behalf of my community",
        "Nous soutenons cette lettre",
    ],
)
def test_sentences_are_flagged(name):
    assert "sentence" in flag_name(name)


@pytest.mark.parametrize("name", ["", "   ", "...", "()", "-"])
def test_names_empty_after_normalisation_are_flagged(name):
    assert flag_name(name) == ["empty"]


@pytest.mark.parametrize(
    "name",
    [
        "Amnesty International",
        "Are You Syrious?",
        "Christian Aid",
        "Kituo Cha Sheria",
        "Access Now",
        "Tenaganita",
        "Maria Foundation",
    ],
)
def test_organisations_are_not_flagged(name):
    assert flag_name(name) == []


@pytest.mark.parametrize(
    "name",
    [
        "Buy cheap watches at www.cheap-watches.example best prices today",
        "http://spam.example",
        "HTTPS://SPAM.EXAMPLE/offer",
        "www2.spam.example",
        "www\uff0espam\uff0ecom",  # full-width dots
        "cheap-watches.com",
        "Pills.shop",
        "CHEAP-WATCHES.COM",
        "BUY-CHEAP.COM",
        "Visit Example.Com",
        "Buy-Cheap.Com today",
        "Visit example.COM",
        "Cheap-Pills.Shop",
        "best prices at relojes-baratos.es",
        "Red Andina <info@redandina.org>",
        "www.foo.net",
        # An address with a path is a page, even of a ".org".
        "foo.org/join",
        "Join us at 350.org/act",
        # The names RFC 2606 reserves for examples are addresses, not anyone's name.
        "example.org",
        "Visit Example.Org",
        "lists.example.net",
        # A word ending written in lower case is still an address's.
        "pills.tech",
        "Inst.tech",
    ],
)
def test_names_with_a_web_or_email_address_are_flagged(name):
    assert "web_address" in flag_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Article 19",
        "Front Line Defenders",
        "ACT Alliance",
        "Forum-Asia",
        "CIVICUS",
        "J.D. Foundation",
        "St. Mary's",
        "U.S.A. Refugee Fund",
        "Flüchtlingsrat Berlin e.V.",
        "Sin Fronteras, I.A.P.",
        "CNCD-11.11.11",
        "Ass.ne Naga",
        "Soc.Coop. Sociale",
        "Web 2.0 Initiative",
        "WWW Foundation",
        "Amnesty Int.",
        "350.org",
        "MoveOn.org Civic Action",
        # The same in capitals: an ending's case alone proves nothing either way.
        "J.D. FOUNDATION",
        "ST. MARY'S",
        "E.V.",
        "FLÜCHTLINGSRAT BERLIN E.V.",
        "U.S.A. REFUGEE FUND",
        "SIN FRONTERAS, I.A.P.",
        "Cncd-11.11.11",
        "SOC.COOP. SOCIALE",
        "WEB 2.0 INITIATIVE",
        "AMNESTY INT.",
        "350.ORG",
        "MoveOn.Org Civic Action",
        # Abbreviations glued to the next word by their dot, an ending that is also a word
        # ("Tech", "Info", "Live") standing after them as a word, not as a domain.
        "Inst.Tech",
        "Inst.Tech Foundation",
        "Centro de Estudios Univ.Tech",
        "Asoc.Civil",
        "Asoc.Civil Red Andina",
        "Fund.Pro Derechos",
        "Soc.Coop.Live",
        "Centro Info.Juvenil",
        "Red Juvenil Inf.Info",
        "INST.TECH",
        "ASOC.CIVIL",
        "FUND.PRO",
    ],
)
def test_names_with_dots_that_are_no_address_are_not_flagged(name):
    assert "web_address" not in flag_name(name)
