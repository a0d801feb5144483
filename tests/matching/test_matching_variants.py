"""Names that add words which do not make another organisation (invented names only).

Each rule has its positive cases and the traps it must keep apart: chapters, sister bodies,
organisations sharing a university's or a parent's web site.
"""

import pytest

from campaign.matching import OrgRecord, find_clusters, score_records
from campaign.matching.acronyms import loose_fits
from campaign.matching.canonical import canonical
from campaign.matching.cluster import candidate_pairs
from campaign.matching.domains import website_domain, website_site
from campaign.matching.profile import profile


def _rec(i: str, name: str, country: str = "", email: str = "", website: str = ""):
    return OrgRecord(i, name, country, email, website)


def _match(a: tuple, b: tuple) -> bool:
    return score_records(_rec("1", *a), _rec("2", *b)).is_match(0.8)


def _compared(a: tuple, b: tuple) -> bool:
    return candidate_pairs([profile(_rec("1", *a)), profile(_rec("2", *b))]) == {(0, 1)}


# Nationality adjectives are the country; parts of a country are not.
def test_nationality_adjectives_are_countries():
    assert canonical(("foro", "civico", "venezolano")) == ("forum", "civico", "@VE")
    assert canonical(("mexicana",)) == canonical(("mexico",)) == ("@MX",)
    assert canonical(("kenyan",)) == ("@KE",)
    assert canonical(("scotland",)) != canonical(("uk",))


def test_part_of_a_country_is_not_the_country():
    uk = ("Friends of the River UK", "UK")
    assert not _match(("Friends of the River Scotland", "UK"), uk)
    assert not _match(("Scottish Refugee Forum", "GB"), ("Refugee Forum", "GB"))


def test_translation_with_nationality_adjectives():
    assert (
        _match(
            ("Association zentavienne des libertés civiles", "", "", "zlca.org"),
            ("Zentavian Civil Liberties Association", "", "", "zlca.org"),
        )
        is False
    )  # not a real country: no adjective, words differ
    assert _match(
        ("Association canadienne des libertés civiles", "", "", "ccql.org"),
        ("Canadian Civil Liberties Association", "Canada", "", "ccql.org"),
    )


# Rule 1: a coined brand plus generic descriptors.
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("ZENTAVO",), ("Zentavo International", "DE")),
        (("Kurimba", "CH"), ("Kurimba Global Union", "CH")),
        (("MARANTA",), ("Maranta Direitos Humanos", "Brazil", "", "maranta.org")),
        (("Maranta Human Rights", "BR"), ("MARANTA",)),
        (("VELORIX", "Germany", "", "velorix.de"), ("Bischöfliches Hilfswerk VELORIX e.V.", "DE")),
        (
            ("Tarvos International", "", "", "tarvos.org"),
            ("TarVos Action International", "US", "", "tarvos.org"),
        ),
    ],
)
def test_brand_with_descriptors_matches(a, b):
    assert _match(a, b)
    assert _compared(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Zentavo",), ("Zentavo International",)),  # nothing agrees, not in capitals
        (("Zentavo",), ("Zentavo Foundation",)),  # a sister body, no shared domain
        (("ZENTAVO", "US"), ("Zentavo Action Fund", "US")),
        (("Zentavo",), ("Zentavo Justice Project",)),  # "justice" is not a descriptor
        (("Zentavo",), ("Zentavo Marula",)),  # another coined word
        (("ZENTAVO", "ES"), ("Zentavo International", "NL")),  # countries differ
        (("Zentavo", "KE"), ("Zentavo International Kenya", "KE")),  # a section
        (("Amnesty",), ("Amnesty International",)),  # a dictionary word, not a brand
        (("Save the Children",), ("Save the Children International",)),  # not one word
        (("Caritas", "BE"), ("Caritas Europa", "BE")),  # a region is a chapter
    ],
)
def test_brand_traps_stay_apart(a, b):
    assert not _match(a, b)


# Rule 3: a country that is part of the name.
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Foro Cívico", "Venezuela"), ("Foro Cívico Venezolano", "VE")),
        (("Foro Cívico", "VE"), ("Foro Cívico Venezolano",)),
        (("Central Unitária dos Tecelões (CUT)", "Brazil"), ("CUT Brasil", "BR")),
        (("Kalinda", "KE", "", "kalinda.or.ke"), ("Kalinda Kenya", "KE", "info@kalinda.or.ke")),
    ],
)
def test_own_country_in_the_name_matches(a, b):
    assert _match(a, b)
    assert _compared(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Kalinda", "KE"), ("Kalinda Kenya", "KE")),  # parent and chapter look alike
        (("Foro Cívico",), ("Foro Cívico Venezolano", "VE")),  # no country to agree with
        (("Foro Cívico", "CO"), ("Foro Cívico Venezolano", "CO")),  # another country
        (("Kalinda Relief International", "GB"), ("Kalinda Relief International UK", "GB")),
        (("Human Rights Commission", "KE"), ("Kenyan Human Rights Commission", "KE")),
        (
            ("Foro Cívico", "VE", "", "forocivico.org"),
            ("Foro Cívico Venezolano", "VE", "", "forocivico.org.ve"),
        ),
        (
            ("Kalinda", "ES", "", "kalinda.org/international"),
            ("Kalinda España", "ES", "", "kalinda.org/espana"),
        ),
    ],
)
def test_chapter_traps_stay_apart(a, b):
    assert not _match(a, b)


def test_section_beside_a_shared_country():
    assert _match(("Zentavo UK", "GB"), ("Zentavo UK Section", "GB"))
    assert _match(("Sección Argentina de Zentavo",), ("Zentavo Argentina",))
    assert not _match(("Zentavo",), ("Zentavo Section",))
    assert not _match(("Zentavo UK",), ("Zentavo Section",))


def test_leading_association_word():
    assert _match(("Abuelas del Río Seco", "AR"), ("Asociación Abuelas del Río Seco",))
    assert _match(("PRO MIGRA", "DE"), ("Förderverein PRO MIGRA e.V.",))
    assert _compared(("Abuelas del Río Seco",), ("Asociación Abuelas del Río Seco",))
    assert not _match(("Amnesty International",), ("Association Amnesty International",))
    assert not _match(("Abuelas del Río Seco",), ("Fundación Abuelas del Río Seco",))


# Rule 2: names in the organisation's own language tied by its domain.
def test_domain_named_after_the_short_record():
    long = ("Oficina de Zapatos y Tierra", "", "", "ztvo.org")
    assert _match(("ZTVO",), long)
    assert _compared(("ZTVO",), long)
    assert not _match(("ZTV",), ("Oficina de Zapatos y Tierra", "", "", "ztv.org"))
    assert _match(("ZTV", "MX"), ("Oficina de Zapatos y Tierra", "MX", "", "ztv.org"))
    assert not _match(("ZTVO", "AR"), long[:1] + ("MX",) + long[2:])
    assert not _match(("ZTVO",), ("Oficina de Zapatos", "", "", "law.ztvo.edu"))


def test_same_site_links_a_native_name():
    english = ("Danish Refugee Committee", "DK", "", "drc.dk")
    assert _match(("Flygtningekomitéen", "Denmark", "info@drc.dk"), english)
    assert _compared(("Flygtningekomitéen", "Denmark", "info@drc.dk"), english)
    assert _match(("Flygtningekomitéen", "", "info@drc.dk"), english)  # .dk agrees with DK
    # No country to agree with, or the site a university's: not enough.
    assert not _match(("Flygtningekomitéen", "", "", "drc.org"), english[:3] + ("drc.org",))
    assert not _match(
        ("Law Clinic", "US", "", "law.ztvo.edu"), ("Human Rights Program", "US", "", "law.ztvo.edu")
    )
    # The domain must spell one of the names.
    assert not _match(
        ("Fondation Kalinda", "FR", "", "zentavo.fr"), ("Zentavo Sud", "FR", "", "zentavo.fr")
    )


def test_same_site_bridges_a_name_in_an_unknown_language():
    assert _match(
        ("Slovak Tatra Committee", "SK", "", "tatra.sk"),
        ("Slovenský Tatra Výbor", "Slovakia", "", "tatra.sk"),
    )
    assert not _match(
        ("Zentavo Cheminots", "FR", "", "zentavo.fr"),
        ("Zentavo Métallurgie", "FR", "", "zentavo.fr"),
    )


def test_chapters_on_a_parent_site_stay_apart():
    assert not _match(
        ("Kalinda España", "", "", "kalinda.org/espana"),
        ("Kalinda International", "", "", "kalinda.org/international"),
    )
    assert not _match(
        ("Kalinda España", "", "", "es.kalinda.org"),
        ("Kalinda International", "", "", "kalinda.org"),
    )


def test_platform_pages_are_no_domain():
    assert website_domain("https://www.facebook.com/kalinda") is None
    assert website_domain("kalinda.wordpress.com") is None
    assert website_site("https://www.kalinda.org/espana/") == "kalinda.org/espana"
    assert website_site("kalinda.org/en/about") == "kalinda.org"  # a language path
    assert not _match(
        ("Kalinda Nord", "FR", "", "facebook.com/kalinda1"),
        ("Kalinda", "FR", "", "facebook.com/k2"),
    )


def test_domain_named_after_a_written_acronym_supports_a_translation():
    result = score_records(
        _rec("1", "Centre for Justice and Peace Law", "", "", "cejupaz.org"),
        _rec("2", "Centro por la Justicia y el Derecho de la Paz (CEJUPAZ)"),
    )
    assert "translation" in {r.code for r in result.reasons}
    assert result.is_match(0.8)


# An acronym carried over from another language.
def test_borrowed_acronym_in_one_country():
    pt = ("Movimento dos Pescadores Artesanais Sem Barco (MSB)", "Brasil")
    assert loose_fits("msb", ("movimento", "pescadores", "artesanais", "sem", "barco"), 2)
    assert _match(pt, ("Boatless Fishers Movement (MSB)", "Brazil"))
    assert not _match(pt, ("Boatless Fishers Movement (MSB)", "Peru"))
    assert not _match(pt[:1], ("Boatless Fishers Movement (MSB)",))


def test_rules_do_not_merge_a_parent_with_its_chapters():
    records = [
        _rec("1", "ZENTAVO", "NL"),
        _rec("2", "Zentavo International", "NL"),
        _rec("3", "Zentavo Nederland", "NL"),
        _rec("4", "Zentavo Kenya", "KE"),
    ]
    clusters = find_clusters(records).clusters
    assert ["1", "2"] in clusters
    assert not any({"3", "4"} & set(c) and len(c) > 1 for c in clusters)
