"""Property tests: normalisation and scoring hold for arbitrary text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign.matching import OrgRecord, flag_name, name_key, score_records

NAMES = st.one_of(
    st.text(max_size=60),
    st.lists(
        st.sampled_from(
            [
                "The",
                "Amnesty",
                "Internacional",
                "(MSF)",
                "-",
                "e.V.",
                "Ltd",
                "Caritas",
                "Malta",
                "de",
                "l'Homme",
                "Réfugiés",
                "Inc.",
                "APMM",
                "Droits",
                "Human",
                "Rights",
                "Kenya",
                "&",
                ":",
            ]
        ),
        max_size=8,
    ).map(" ".join),
)


@given(NAMES)
def test_normalisation_never_raises_and_is_idempotent(name):
    key = name_key(name)
    assert name_key(key) == key


@given(NAMES)
def test_flagging_never_raises(name):
    assert set(flag_name(name)) <= {"empty", "person", "sentence", "web_address"}


@settings(max_examples=200)
@given(NAMES, NAMES, st.sampled_from(["", "UK", "Kenya"]), st.sampled_from(["", "GB", "MT"]))
def test_scoring_is_symmetric(a, b, country_a, country_b):
    x, y = OrgRecord("x", a, country_a), OrgRecord("y", b, country_b)
    forward, backward = score_records(x, y), score_records(y, x)
    assert abs(forward.score - backward.score) < 1e-9
    assert forward.conflict == backward.conflict
