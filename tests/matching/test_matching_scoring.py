"""Pair scoring: same organisation or not, and why."""

import pytest

from campaign.matching import DEFAULT_THRESHOLD, OrgRecord, score_records


def _match(a, b, **fields):
    """Score two names (with optional per-side fields a_country, b_email, ...)."""
    side = {"a": {}, "b": {}}
    for key, value in fields.items():
        side[key[0]][key[2:]] = value
    return score_records(OrgRecord("a", a, **side["a"]), OrgRecord("b", b, **side["b"]))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jesuit Refugee Service", "Jesuit Refugee Service Malta"),
        ("Caritas Europa", "Caritas Italiana"),
        ("Refugee Council", "Refugee Council of Australia"),
        ("Amnesty International", "Amnesty International USA"),
        ("Médecins Sans Frontières (MSF)", "Médicos Sin Fronteras México"),
    ],
)
def test_chapter_is_not_its_parent(a, b):
    result = _match(a, b)
    assert result.conflict
    assert not result.is_match(DEFAULT_THRESHOLD)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Oxfam", "Oxfam Intermón"),
        ("Save the Children", "Save the Children International"),
        ("Migrant Forum", "Migrant Forum in Asia"),
    ],
)
def test_name_contained_in_another_is_another_organisation(a, b):
    assert _match(a, b).conflict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Plan International", "PEN International"),
        ("Human Rights Watch", "Human Rights First"),
        ("Utopia 56", "Utopia 57"),
        ("Kabesa", "Nabesa"),
    ],
)
def test_different_names_do_not_match(a, b):
    assert not _match(a, b).is_match(DEFAULT_THRESHOLD)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Amnesty Internatinal", "Amnesty International"),
        ("Open Society Jutsice Initiative", "Open Society Justice Initiative"),
        ("Front Line Defenders", "Frontline Defenders"),
    ],
)
def test_typos_and_word_breaks_match(a, b):
    result = _match(a, b)
    assert result.is_match(DEFAULT_THRESHOLD)
    assert {r.code for r in result.reasons} & {"typo", "joined_words"}


def test_typo_in_a_one_word_name_needs_another_signal():
    assert not _match("Ripehati", "Ripehato").is_match(DEFAULT_THRESHOLD)
    assert _match("Ripehati", "Ripehato", a_country="NG", b_country="Nigeria").is_match(0.8)


def test_translation_with_shared_acronym_matches():
    result = _match("Doctors Without Borders (MSF)", "Médecins Sans Frontières (MSF)")
    assert result.is_match(DEFAULT_THRESHOLD)


def test_different_languages_match_through_a_shared_acronym():
    result = _match(
        "Washington Office on Latin America (WOLA)",
        "Oficina en Washington para Asuntos Latinoamericanos (WOLA)",
    )
    assert result.is_match(DEFAULT_THRESHOLD)
    assert "shared_acronym" in {r.code for r in result.reasons}


def test_acronym_matching_initials_needs_domain_or_country():
    bare = _match("Dansk Flygtningehjælp (DRC)", "Danish Refugee Council")
    backed = _match(
        "Dansk Flygtningehjælp (DRC)",
        "Danish Refugee Council",
        a_email="info@drc.ngo",
        b_website="https://www.drc.ngo/",
    )
    assert not bare.is_match(DEFAULT_THRESHOLD)
    assert backed.is_match(DEFAULT_THRESHOLD)
    assert "same_domain" in {r.code for r in backed.reasons}


def test_acronym_alone_matches_the_full_name():
    assert _match("ECRE", "European Council on Refugees and Exiles (ECRE)").is_match(0.8)
    assert _match("CAFOD", "Catholic Agency for Overseas Development").is_match(0.8)


def test_translated_generic_name_alone_is_not_enough():
    assert not _match("Centro de Derechos Humanos", "Human Rights Center").is_match(0.8)


def test_countries_that_differ_veto_a_match():
    result = _match("Caritas", "Caritas", a_country="Italy", b_country="Spain")
    assert result.conflict


def test_same_domain_is_support_not_proof():
    result = _match(
        "PEN International",
        "Protection International",
        a_website="piinte.ngo",
        b_email="x@piinte.ngo",
    )
    assert not result.is_match(DEFAULT_THRESHOLD)


def test_every_reason_is_explained():
    result = _match("The Statewatch", "Statewatch.", a_country="UK", b_country="GB")
    assert all(r.code and r.detail for r in result.reasons)
    assert "same_country" in {r.code for r in result.reasons}


def test_free_mail_domains_do_not_support_a_match():
    result = _match("Kabesa", "Nabesa", a_email="x@gmail.com", b_email="y@gmail.com")
    assert "same_domain" not in {r.code for r in result.reasons}
