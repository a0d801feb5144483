"""The ``dedupe`` command through click's CliRunner."""

import json

import pytest
from click.testing import CliRunner

from campaign.matching.cli import dedupe_command

HEADER = "id,name,country,email,website\n"


def _run(tmp_path, content, *args, binary=False):
    path = tmp_path / "in.csv"
    if binary:
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return CliRunner().invoke(dedupe_command, [str(path), *args])


def test_prints_clusters_details_and_flags(tmp_path):
    content = HEADER + (
        "a1,Statewatch,UK,,\na2,The Statewatch.,GB,,\na3,Oxfam,,,\na4,Maria Gonzalez,,,\n"
    )
    result = _run(tmp_path, content)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["clusters"] == [["a1", "a2"]]
    assert data["details"][0]["ids"] == ["a1", "a2"]
    assert data["details"][0]["pairs"][0]["reasons"]
    assert data["flags"] == {"a4": ["person"]}


def test_ids_stay_strings_and_extra_columns_are_ignored(tmp_path):
    content = "name,id,notes\nStatewatch,007,x\nStatewatch.,10,y\n"
    data = json.loads(_run(tmp_path, content).stdout)
    assert data["clusters"] == [["007", "10"]]


def test_byte_order_mark_is_tolerated(tmp_path):
    content = ("\ufeff" + HEADER + "1,Oxfam,,,\n2,OXFAM,,,\n").encode("utf-8")
    result = _run(tmp_path, content, binary=True)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["clusters"] == [["1", "2"]]


def test_threshold_option_is_accepted(tmp_path):
    result = _run(tmp_path, HEADER + "1,Oxfam,,,\n", "--threshold", "0.9")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["clusters"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        ("id,country\n1,UK\n", "name"),
        ("name,country\nOxfam,UK\n", "id"),
        (HEADER + "1,Oxfam,,,\n1,Statewatch,,,\n", "repeats id"),
        (HEADER + "1,Oxfam\n", "fields"),
        (HEADER + ",Oxfam,,,\n", "empty id"),
    ],
)
def test_malformed_input_fails_with_a_message(tmp_path, content, message):
    result = _run(tmp_path, content)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, (ValueError, KeyError, TypeError))


def test_non_utf8_input_fails_with_a_message(tmp_path):
    result = _run(tmp_path, (HEADER + "1,Médecins,,,\n").encode("latin-1"), binary=True)
    assert result.exit_code != 0
    assert "UTF-8" in result.output


def test_missing_file_fails_with_a_message(tmp_path):
    result = CliRunner().invoke(dedupe_command, [str(tmp_path / "nope.csv")])
    assert result.exit_code != 0
    assert "no such file" in result.output
