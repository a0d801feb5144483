"""Unit tests for the general rules added after the held-out audit (invented names only)."""

from campaign.matching import OrgRecord, find_clusters, flag_name, name_key, score_records
from campaign.matching.canonical import canonical
from campaign.matching.cluster import candidate_pairs
from campaign.matching.normalise import parse_name
from campaign.matching.profile import profile


def _match(a: OrgRecord, b: OrgRecord) -> bool:
    return score_records(a, b).is_match(0.8)


def _rec(i: str, name: str, country: str = "", email: str = "", website: str = ""):
    return OrgRecord(i, name, country, email, website)


# Flags: a country written in capitals is not the pronoun "us".
def test_us_in_capitals_is_not_a_pronoun():
    assert flag_name("Friends of the Forest U.S.") == []
    assert flag_name("Friends of the Forest US") == []
    assert "sentence" in flag_name("We support this letter")
    assert "sentence" in flag_name("WE SUPPORT THIS LETTER")


# Abbreviated words are spelt out.
def test_abbreviations_are_expanded():
    full = name_key("Pax Mundi International")
    assert name_key("Pax Mundi Int'l") == full
    assert name_key("Pax Mundi Intl.") == full
    assert name_key("Pax Mundi Int.") == full
    assert name_key("INT") == "int"  # a lone word is left alone


# Acronyms written as one hyphenated word, or with small letters inside.
def test_hyphenated_and_mixed_case_acronyms():
    assert parse_name("ABC-DEF").acronyms == ("abcdef",)
    assert profile(_rec("1", "ABC-DEF")).acronym_only
    assert not profile(_rec("1", "NET-ASIA")).acronym_only  # a region: not only an acronym
    assert parse_name("GNRi").acronyms == ("gnri",)
    assert parse_name("IRMU, A.C.").acronyms == ("irmu",)
    assert parse_name("McKay").acronyms == ()


# Short names written beside a long name.
def test_short_name_in_brackets():
    assert parse_name("Union for Open Archives (Archives)").acronyms == ("archives",)
    assert parse_name("Instituto de Estudios de Humedales (Humedalia)").acronyms == ("humedalia",)
    assert parse_name("Komite untuk Korban Tindak (TerraNova)").acronyms == ("terranova",)
    # A place in brackets shares nothing with the name and stays part of it.
    assert parse_name("Women in Black (Belgrade)").key == "women in black belgrade"


def test_short_name_before_a_description():
    parsed = parse_name("Ubuntu - The Legal Centre for Rural Land Rights in Lesotho")
    assert parsed.acronyms == ("ubuntu",)
    assert parsed.key == "legal centre for rural land rights in lesotho"
    parsed = parse_name("Clause 7: Global Campaign for Open Courts")
    assert parsed.acronyms == ("clause7",)
    # A place after the dash is not a description.
    assert parse_name("Women in Black - Belgrade").key == "women in black belgrade"
    assert parse_name("Hope Relief, Lima City Branch").acronyms == ()


def test_short_name_matches_the_long_name_that_writes_it():
    long = _rec("1", "Red Nacional de Vecinos por la Zona Verde (Red QZV)", "México")
    assert _match(_rec("2", "Red QZV", "MX"), long)
    # Without the written short name, the words differ: no match.
    bare = _rec("3", "Red Nacional de Vecinos por la Zona Verde", "México")
    assert not _match(_rec("2", "Red QZV", "MX"), bare)


def test_coined_short_name_needs_no_other_signal():
    long = _rec("1", "European Network on Links and Development (Eurolink)")
    assert _match(_rec("2", "Eurolink"), long)


# An acronym written as a word inside the name.
def test_acronym_word_stands_for_a_run_of_words():
    full = _rec("1", "Water Action Network Europe", "BE")
    assert _match(_rec("2", "WAN Europe"), full)
    assert not _match(_rec("3", "WAN Africa"), full)
    assert score_records(_rec("3", "WAN Africa"), full).conflict
    assert candidate_pairs([profile(full), profile(_rec("2", "WAN Europe"))]) == {(0, 1)}


# Singular and plural forms meet in the canonical form.
def test_plurals_fold_to_the_singular():
    assert canonical(("refugiados",)) == canonical(("refugees",)) == ("refugee",)
    assert canonical(("eglises",)) == canonical(("churches",)) == ("church",)
    assert canonical(("services",)) == ("service",)
    assert canonical(("rights",)) == ("rights",)  # no table entry for "right": unchanged


def test_translation_one_slip_apart_is_compared():
    a = profile(_rec("1", "Comité international des juristes"))
    b = profile(_rec("2", "International Committee of Jurists"))
    assert candidate_pairs([a, b]) == {(0, 1)}


# Initials with articles left out ("of" counts, "the" does not).
def test_initials_skip_articles():
    assert _match(_rec("1", "FoWI"), _rec("2", "Friends of the Woods International"))


# Clusters: an acronym alone does not block a translation that joined through a real match.
def test_acronym_alone_does_not_block_a_translation():
    records = [
        _rec("1", "CMS"),
        _rec("2", "Catholic Migrant Service", "", "info@cms-example.org"),
        _rec("3", "Servicio Católico a Migrantes", "", "", "cms-example.org"),
    ]
    assert find_clusters(records).clusters == [["1", "2", "3"]]


def test_two_full_names_still_need_to_agree():
    records = [
        _rec("1", "PCW"),
        _rec("2", "Pacific Council of Weavers", "FJ"),
        _rec("3", "Panama Center for Workers", "PA"),
    ]
    clusters = find_clusters(records).clusters
    assert not any({"2", "3"} <= set(c) for c in clusters)
