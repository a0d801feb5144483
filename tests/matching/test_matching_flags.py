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
