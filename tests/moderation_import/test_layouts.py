"""Spreadsheets as coalitions lay them out: a title above the header, instructions in the first
sheet, headers in two languages, ECOSOC categories in French, Spanish or Arabic."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from openpyxl import Workbook

from campaign.signatures.choices import ECOSOC_LABELS
from campaign.signatures.models import EcosocStatus
from tests.moderation_import.conftest import (
    batch_page,
    confirm,
    preview_page,
    previewed,
    refusal,
    saved,
    signatures,
    upload,
    workbook,
)


def _imported(letter) -> list[tuple[str, str | None]]:  # noqa: ANN001
    return [(s.name, s.country) for s in signatures(letter)]


def test_a_title_above_the_header_is_left_out_and_the_preview_names_the_header_row(
    client, login_as, letter, coordinator
):
    book = workbook(
        {
            "Liste": [
                ["Signataires de la lettre conjointe"],
                [],
                ["Nom", "Pays", "Courriel"],
                ["Cimade", "France", "contact@cimade.example"],
                ["Red Andina", "Perú", ""],
            ]
        }
    )
    book["Liste"].merge_cells("A1:C1")
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(saved(book), "signataires.xlsx"))
    page = batch_page(client, letter, batch_id)
    assert "Read from sheet “Liste”, header on row 3." in page
    assert "To be added: 2" in page and "Refused: 0" in page
    confirm(client, letter, batch_id)
    assert _imported(letter) == [("Cimade", "FR"), ("Red Andina", "PE")]


def test_the_list_is_read_from_the_first_sheet_with_a_header(client, login_as, letter, coordinator):
    sheets = {
        "Instructions": [
            ["How to fill in this list"],
            ["One organisation a row, in the sheet “Signatories”; the country in English."],
        ],
        "Signatories": [["Organisation", "Country"], ["Cimade", "France"]],
    }
    page = preview_page(
        login_as(coordinator), letter, **upload(saved(workbook(sheets)), "list.xlsx")
    )
    assert "Read from sheet “Signatories”, header on row 1." in page
    assert "To be added: 1" in page and "How to fill in" not in page


def test_a_csv_with_a_title_line_is_read_under_its_header(client, login_as, letter, coordinator):
    content = (
        b"Signataires de la lettre conjointe\r\n\r\nNom;Pays\r\n"
        b"Cimade;France\r\nAmis de la Terre, groupe local;France\r\n"
    )
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(content, "signataires.csv"))
    page = batch_page(client, letter, batch_id)
    assert "Header on line 3." in page and "To be added: 2" in page
    confirm(client, letter, batch_id)
    assert _imported(letter) == [("Cimade", "FR"), ("Amis de la Terre, groupe local", "FR")]


def test_a_workbook_without_a_header_is_refused_saying_where_it_looked(
    client, login_as, letter, coordinator
):
    sheets = {"Instructions": [["Read me first"]], "Data": [["id", "title"], [1, "Cimade"]]}
    page = refusal(login_as(coordinator), letter, **upload(saved(workbook(sheets)), "list.xlsx"))
    assert "No sheet has a header row naming a column of names among its first 10" in page
    assert "Sheets looked at: Instructions, Data." in page
    assert "(sheet “Instructions”, row 1) holds: Read me first." in page
    assert signatures(letter) == []


def test_rows_read_in_every_sheet_looked_at_count_towards_the_bound(
    app, client, login_as, letter, coordinator
):
    app.config["IMPORT_MAX_ROWS"] = 100  # 1,200 rows read at most
    book = Workbook()
    book.remove(book.active)
    for number in range(3):  # 500 rows each, none a header
        book.create_sheet(f"Notes {number}").cell(row=500, column=1, value="See the last sheet")
    book.create_sheet("List").append(["Name"])
    book["List"].append(["Cimade"])
    page = refusal(login_as(coordinator), letter, **upload(saved(book), "list.xlsx"))
    assert "This workbook has more than 1200 rows to read" in page


def test_headers_in_two_languages_are_understood(client, login_as, letter, coordinator):
    header = ["Nom / Name", "Pays | Country", "Statut consultatif\nConsultative status"]
    rows = [header, ["Cimade", "France", "Statut consultatif spécial"]]
    login_as(coordinator)
    book = saved(workbook({"Liste": rows}))
    confirm(client, letter, previewed(client, letter, **upload(book, "signataires.xlsx")))
    content = '"Organisation\r\nOrganización";"País / Country"\r\nRed Andina;Perú\r\n'.encode()
    confirm(client, letter, previewed(client, letter, **upload(content, "firmas.csv")))
    assert _imported(letter) == [("Cimade", "FR"), ("Red Andina", "PE")]
    assert signatures(letter)[0].ecosoc_status is EcosocStatus.special


@pytest.mark.parametrize(
    ("written", "status"),
    [
        ("Statut consultatif spécial", EcosocStatus.special),
        ("STATUT CONSULTATIF SPECIAL", EcosocStatus.special),
        ("Statut consultatif général", EcosocStatus.general),
        ("Liste", EcosocStatus.roster),
        ("Inscrite sur la Liste", EcosocStatus.roster),
        ("Estatus consultivo especial", EcosocStatus.special),
        ("Carácter consultivo general", EcosocStatus.general),
        ("Entidad consultiva de carácter especial", EcosocStatus.special),
        ("Lista", EcosocStatus.roster),
        ("المركز الاستشاري الخاص", EcosocStatus.special),
        ("المركز الاستشاري العام", EcosocStatus.general),
        ("مدرجة في القائمة", EcosocStatus.roster),
    ],
)
def test_ecosoc_categories_are_understood_in_french_spanish_and_arabic(
    client, login_as, letter, coordinator, written, status
):
    content = f"Organisation,Statut ECOSOC\r\nCimade,{written}\r\n".encode()
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(content, "list.csv"))
    page = batch_page(client, letter, batch_id)
    assert "Values left out" not in page
    confirm(client, letter, batch_id)
    assert [s.ecosoc_status for s in signatures(letter)] == [status]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_the_sign_on_forms_own_ecosoc_labels_are_understood_in_every_language(
    app, client, login_as, letter, coordinator, language
):
    with force_locale(language):
        labels = {status: str(label) for status, label in ECOSOC_LABELS.items()}
    names = ["Cimade", "Red Andina", "Zambia Legal Aid", "Nepal Teachers Union", "Jordan Forum"]
    lines = [f"{name};{label}" for name, label in zip(names, labels.values(), strict=True)]
    content = ("Nom;Statut ECOSOC\r\n" + "\r\n".join(lines) + "\r\n").encode()
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(content, "list.csv"))
    page = batch_page(client, letter, batch_id)
    assert "Values left out" not in page
    confirm(client, letter, batch_id)
    assert [s.ecosoc_status for s in signatures(letter)] == list(labels)


def test_a_title_that_reads_as_a_header_gives_way_to_the_header_naming_more_columns(
    client, login_as, letter, coordinator
):
    rows = [["Signatories"], ["Name", "Country"], ["Cimade", "France"]]
    login_as(coordinator)
    batch_id = previewed(client, letter, **upload(saved(workbook({"List": rows})), "list.xlsx"))
    page = batch_page(client, letter, batch_id)
    assert "Read from sheet “List”, header on row 2." in page
    confirm(client, letter, batch_id)
    assert _imported(letter) == [("Cimade", "FR")]
