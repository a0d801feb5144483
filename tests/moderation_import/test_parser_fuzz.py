"""Whatever bytes or text arrive, the parsers answer with rows or a clear problem, never a crash."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from campaign.moderation import import_messages
from campaign.moderation.import_rows import check_row
from campaign.moderation.imports import ImportFileError, read

SETTINGS = settings(max_examples=300, deadline=None)
LIMIT = 200
cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ["", '"', '""', "=1+1", "\u202e", "\u200b", "\ufeff", "\r", "\n", ";", ",", "\t", "x" * 400]
)
csv_text = st.lists(st.lists(cells, max_size=5), max_size=8).map(
    lambda rows: "\n".join(",".join(r) for r in rows)
)


def _outcome(data: bytes, fmt: str, encoding: str | None = None) -> None:
    try:
        parsed = read(data, fmt, LIMIT, encoding)
    except ImportFileError as error:
        assert error.code in import_messages.FILE_ERRORS
        return
    for row in parsed.rows:
        checked = check_row(row)
        json.dumps(checked)  # stored as JSON in the batch
        for problem in checked["problems"] + checked["warnings"]:
            assert problem["code"] in import_messages.PROBLEMS or problem["code"] == "characters"


@SETTINGS
@given(st.binary(max_size=300), st.sampled_from(["text", "csv", "xlsx", "auto"]))
def test_arbitrary_bytes(data, fmt):
    _outcome(data, fmt)


@SETTINGS
@given(st.binary(max_size=200), st.sampled_from(["cp1252", "latin-1"]))
def test_arbitrary_bytes_in_a_chosen_encoding(data, encoding):
    _outcome(data, "text", encoding)


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_unicode_as_text(value):
    _outcome(value.encode("utf-8", "surrogatepass"), "text")


@SETTINGS
@given(
    st.sampled_from(["name", "Name,Country,Email,Website,Type,ECOSOC,Individual", "nom;pays"]),
    csv_text,
)
def test_arbitrary_csv_under_a_header(header, body):
    _outcome(f"{header}\n{body}".encode("utf-8", "surrogatepass"), "csv")
