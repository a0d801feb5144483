"""The incremental index and batch clustering."""

import pycountry
import pytest

from campaign.matching import MatchIndex, OrgRecord, find_clusters
from campaign.matching.cluster import candidate_pairs
from campaign.matching.profile import profile


def _records(*names):
    return [OrgRecord(str(i), n) for i, n in enumerate(names, start=1)]


def test_query_finds_a_known_organisation_with_reasons():
    index = MatchIndex(_records("Amnesty International", "Oxfam", "Statewatch"))
    found = index.query(OrgRecord("new", "AMNESTY INTERNATIONAL."))
    assert [c.record.id for c in found] == ["1"]
    assert found[0].is_match and found[0].reasons


def test_query_does_not_offer_a_parent_for_a_chapter():
    index = MatchIndex(_records("Jesuit Refugee Service"))
    assert index.query(OrgRecord("new", "Jesuit Refugee Service Malta")) == []


def test_alias_table_grows_from_merges():
    index = MatchIndex(_records("Bread for the World"))
    new = OrgRecord("new", "Brot für die Welt")
    assert index.query(new) == []
    index.add_aliases(["Bread for the World", "Brot für die Welt"])
    assert [c.record.id for c in index.query(new)] == ["1"]


def test_known_aliases_feed_batch_clustering():
    records = _records("Bread for the World", "Brot für die Welt", "Oxfam")
    assert find_clusters(records).clusters == []
    groups = [["Brot für die Welt", "Bread for the World"]]
    assert find_clusters(records, known_aliases=groups).clusters == [["1", "2"]]


def test_clusters_keep_input_order_and_skip_singletons():
    records = _records("Statewatch", "Oxfam", "The Statewatch", "statewatch.")
    assert find_clusters(records).clusters == [["1", "3", "4"]]


def test_chains_through_a_typo_do_not_join_chapter_and_parent():
    records = _records(
        "Jesuit Refugee Service", "Jesuit Refugee Servce", "Jesuit Refugee Service Malta"
    )
    assert find_clusters(records).clusters == [["1", "2"]]


def test_an_acronym_shared_by_two_organisations_joins_neither():
    records = _records("AI", "Amnesty International (AI)", "ActionAid International (AI)")
    assert find_clusters(records).clusters == []


def test_typo_variants_join_through_the_correct_spelling():
    records = _records(
        "Kino Border Initiaitve", "Kino Border Initiative", "Kino Border Initiiative"
    )
    assert find_clusters(records).clusters == [["1", "2", "3"]]


def test_sentences_and_empty_names_are_flagged_not_clustered():
    records = _records("We support this letter!", "We support this letter!", "", "")
    result = find_clusters(records)
    assert result.clusters == []
    assert result.flags == {"1": ["sentence"], "2": ["sentence"], "3": ["empty"], "4": ["empty"]}


def test_a_domain_shared_by_many_records_does_not_make_them_candidates():
    index = MatchIndex(
        OrgRecord(str(n), f"Organisation number {n}", email=f"x{n}@bigcoalition.org")
        for n in range(200)
    )
    probe = OrgRecord("new", "Entirely different name", email="y@bigcoalition.org")
    assert len(index.candidate_ids(index.profile(probe))) < 50


def test_a_run_of_words_written_as_initials_is_found_from_either_side():
    long_name, short_name = "Water Action Network Europe", "WAN Europe"
    assert [c.record.id for c in MatchIndex(_records(long_name)).query(
        OrgRecord("new", short_name)
    )] == ["1"]  # fmt: skip
    assert [c.record.id for c in MatchIndex(_records(short_name)).query(
        OrgRecord("new", long_name)
    )] == ["1"]  # fmt: skip


# Places of one word, in alphabetical order: many share their first letter.
PLACES = sorted({s.name for s in pycountry.subdivisions if s.name.isalpha() and s.name.isascii()})[
    :600
]


@pytest.mark.parametrize(
    "pattern",
    [
        "Amnesty International Group {place}",
        "Comité de défense des droits de l'homme de {place}",
        "{place} Human Rights Network",
        "Organisation numéro {number} pour les droits de l'homme",
        "Amnesty International Group {number}",
    ],
)
def test_a_list_of_local_groups_is_not_compared_pair_by_pair(pattern):
    """Local groups, sections and numbered branches share every word but one, and that word
    vanishes from their initials: had those initials been a key they share, a list of a few
    thousand would be compared pair by pair (minutes per moderation page). Their comparisons
    grow with the list, not with its square, and they stay apart."""
    names = [pattern.format(place=p, number=i) for i, p in enumerate(PLACES, start=1)]
    profiles = [profile(r) for r in _records(*names)]
    assert len(candidate_pairs(profiles)) < len(names)
