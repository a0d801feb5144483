"""Ids read from clients: ASCII digits an id column can hold, nothing else."""

import pytest

from campaign.ids import ID_MAX, parse_id, parse_ids
from campaign.text import search_term


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", 1),
        ("0042", 42),
        (str(ID_MAX), ID_MAX),
        (str(ID_MAX + 1), None),
        ("9" * 25, None),
        ("0", None),
        ("-1", None),
        ("²", None),
        ("٣", None),
        (" 1", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_id(raw, expected):
    assert parse_id(raw) == expected


def test_parse_ids_refuses_the_lot_for_one_bad_id():
    assert parse_ids(["3", "1"]) == [3, 1]
    assert parse_ids(["3", "²"]) is None
    assert parse_ids([]) == []


def test_search_term_is_trimmed_cut_and_empty_when_unusable():
    assert search_term("  Amnesty   Intl ", 200) == "Amnesty Intl"
    assert search_term("x" * 300, 200) == "x" * 200
    assert search_term("a\x00b", 200) == search_term("\u202eevil", 200) == ""
    assert search_term(None, 200) == ""
