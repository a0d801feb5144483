"""Normalisation: the stored name key, acronyms, domains and countries."""

import pytest

from campaign.matching import name_key
from campaign.matching.countries import country_code
from campaign.matching.domains import email_domain, website_domain
from campaign.matching.normalise import parse_name


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("  Human  Rights Law Centre. ", "human rights law centre"),
        ("Médecins Sans Frontières", "medecins sans frontieres"),
        ("The Kino Border Initiative", "kino border initiative"),
        ("Flüchtlingsrat Berlin e.V.", "fluchtlingsrat berlin"),
        ("Centro Prodh A.C.", "centro prodh"),
        ("Fundación Scalabrini I.A.P.", "fundacion scalabrini"),
        ("Refugee Council of Australia Inc.", "refugee council of australia"),
        ("Ciré asbl", "cire"),
        ("Women\u2019s Refugee Commission", "womens refugee commission"),
        ("Euro\u2013Mediterranean Monitor", "euro mediterranean monitor"),
        ("Human Rights & Development", "human rights and development"),
    ],
)
def test_key_ignores_case_accents_punctuation_legal_forms_and_the(raw, key):
    assert name_key(raw) == key


def test_leading_article_is_kept_when_nothing_real_follows():
    assert name_key("La 72") == "la 72"
    assert name_key("The") == "the"
    assert name_key("Le Monde Diplo") == "monde diplo"


def test_legal_form_alone_is_not_stripped_to_nothing():
    assert name_key("Inc.") == "inc"


@pytest.mark.parametrize(
    "raw",
    [
        "Asia Pacific Mission for Migrants (APMM)",
        "APMM - Asia Pacific Mission for Migrants",
        "Asia Pacific Mission for Migrants \u2013 APMM",
    ],
)
def test_bracketed_or_dashed_acronym_becomes_an_alias(raw):
    parsed = parse_name(raw)
    assert parsed.key == "asia pacific mission for migrants"
    assert parsed.acronyms == ("apmm",)


def test_name_that_is_an_acronym_is_its_own_alias():
    assert parse_name("ECRE").acronyms == ("ecre",)


def test_bracketed_word_that_is_not_an_acronym_stays_in_the_key():
    assert name_key("Oxfam (Intermón)") == "oxfam intermon"
    assert name_key("Amnesty International (UK)") == "amnesty international uk"


def test_website_is_reduced_to_its_registrable_domain():
    assert website_domain("https://www.Amnesty.org.uk/en/path?q=1") == "amnesty.org.uk"
    assert website_domain("http://msf.org") == "msf.org"
    assert website_domain("not a website") is None


def test_free_mail_domains_carry_no_signal():
    assert email_domain("someone@gmail.com") is None
    assert email_domain("someone@yahoo.co.uk") is None
    assert email_domain("info@cear.es") == "cear.es"


@pytest.mark.parametrize("raw", ["España", "Spain", "ES", "ESP", "Espagne", "spain"])
def test_country_spellings_become_one_code(raw):
    assert country_code(raw) == "ES"


def test_uk_and_usa_spellings():
    assert {country_code(c) for c in ("U.K.", "UK", "GB", "United Kingdom")} == {"GB"}
    assert {country_code(c) for c in ("USA", "US", "United States of America")} == {"US"}
