"""The preview in the moderator's language: each problem under its column's name as French,
Spanish and Arabic write it, and match scores in the reader's number format."""

from __future__ import annotations

import pytest
from markupsafe import escape

from tests.i18n import translated
from tests.moderation_import.conftest import preview_page, upload


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_a_problem_is_set_after_its_column_as_a_label_not_after_a_colon(
    client, login_as, letter, coordinator, language
):
    login_as(coordinator)
    client.get(f"/language/{language}?next=/manage/")
    content = b"Nom,Pays\r\nCimade,Narnia\r\n"
    page = preview_page(client, letter, **upload(content, "signataires.csv"))
    warnings = page.split('id="import-warnings"')[1].split("</table>")[0]
    column = translated(language, "Country", escape=False)
    message = translated(
        language, "“%(value)s” was not understood and is left out.", value="Narnia", escape=False
    )
    label = translated(language, "%(column)s — %(message)s", escape=False)
    shown = escape(label % {"column": column, "message": message})
    assert f"<p>{shown}</p>" in warnings and f"{column}:" not in warnings


@pytest.mark.parametrize(
    ("language", "score", "other"),
    [("en", "1.00", "1,00"), ("fr", "1,00", "1.00"), ("es", "1,00", "1.00"), ("ar", "1.00", "١")],
)
def test_match_scores_are_written_as_the_reader_writes_numbers(
    client, login_as, letter, coordinator, language, score, other
):
    login_as(coordinator)
    client.get(f"/language/{language}?next=/manage/")
    content = b"name\r\nRed Andina\r\nRed Andina\r\n"
    page = preview_page(client, letter, **upload(content, "list.csv"))
    review = page.split('id="import-review"')[1].split("</table>")[0]
    assert f", {score})" in review.replace("،", ",") and other not in review
