"""Reading lists: plain text with numbering and bullets, CSV and XLSX by header, bad files."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from campaign.moderation.import_rows import check_row
from campaign.moderation.imports import ImportFileError, decode, detect_format, read

LIMIT = 5000


def names(data: bytes, fmt: str = "text", **kwargs: object) -> list[str]:
    return [r.values["name"] for r in read(data, fmt, LIMIT, **kwargs).rows]


@pytest.mark.parametrize(
    "line",
    [
        "12. Name",
        "  12.   Name  ",
        "12) Name",
        "12)Name",
        "12.Name",
        "12 - Name",
        "12 – Name",
        "#12 Name",
        "# 12. Name",
        "(12) Name",
        "[12] Name",
        "12:\tName",
        "12\tName",
        "• Name",
        "- Name",
        "* Name",
        "Name",
    ],
)
def test_numbering_and_bullets_are_set_aside(line):
    rows = read(line.encode(), "text", LIMIT).rows
    assert [(r.values["name"].strip(), r.number) for r in rows] == [
        ("Name", 12 if "12" in line else None)
    ]


@pytest.mark.parametrize(
    "name", ["350.org", "2.0 Initiative", "3 Rivers Alliance", "1-800 Foundation", "-"]
)
def test_names_that_begin_with_digits_or_dashes_are_kept_whole(name):
    assert names(name.encode()) == [name]


def test_blank_lines_are_skipped_and_lines_keep_their_file_numbers():
    rows = read(b"1. First\n\n   \n2. Second\r\n5. Fifth", "text", LIMIT).rows
    assert [(r.line, r.number, r.values["name"]) for r in rows] == [
        (1, 1, "First"),
        (4, 2, "Second"),
        (5, 5, "Fifth"),
    ]


def test_utf8_with_a_byte_order_mark_is_read():
    assert names("\ufeff1. Fédération".encode()) == ["Fédération"]


def test_other_encodings_are_refused_unless_chosen():
    data = "Fédération des Œuvres".encode("cp1252")
    with pytest.raises(ImportFileError) as refused:
        decode(data)
    assert refused.value.code == "encoding" and refused.value.params["guess"] == "cp1252"
    assert decode(data, "cp1252") == "Fédération des Œuvres"
    assert decode("Fédération".encode("latin-1"), "latin-1") == "Fédération"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("Name".encode("utf-16"), "utf16"),
        (b"one\x00two", "nul"),
        (b"   \n\n", "empty"),
        (b"PK\x03\x04rest", "xlsx_invalid"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, code):
    with pytest.raises(ImportFileError) as refused:
        read(data, "auto", LIMIT)
    assert refused.value.code == code


def test_a_binary_file_sent_as_text_is_refused():
    with pytest.raises(ImportFileError) as refused:
        read(b"PK\x03\x04rest", "text", LIMIT)
    assert refused.value.code == "binary"


def test_row_limit():
    with pytest.raises(ImportFileError) as refused:
        read(b"a\nb\nc\n", "text", 2)
    assert refused.value.params == {"limit": 2}


def test_format_detection():
    assert detect_format("list.CSV", b"name\n") == "csv"
    assert detect_format("list.xlsx", b"") == "xlsx"
    assert detect_format("", b"PK\x03\x04") == "xlsx"
    assert detect_format("list.txt", b"1. A") == "text"
    assert detect_format("", b"1. A") == "text"


def test_csv_columns_are_found_by_header_in_several_languages():
    data = (
        "Nº;Nombre;País;Correo;Sitio web;Tipo;Statut ECOSOC\n"
        "1;Red Andina;Perú;a@b.org;b.org;red;especial\n"
    )
    rows = read(data.encode(), "csv", LIMIT).rows
    checked = check_row(rows[0])
    assert (checked["name"], checked["country"], checked["email"]) == (
        "Red Andina",
        "PE",
        "a@b.org",
    )
    assert (checked["website"], checked["type"], checked["ecosoc"]) == (
        "https://b.org",
        "network",
        "special",
    )


@pytest.mark.parametrize(
    ("country", "code"),
    [
        ("Kenya", "KE"),
        ("KEN", "KE"),
        ("ke", "KE"),
        ("Côte d’Ivoire", "CI"),
        ("Espagne", "ES"),
        ("España", "ES"),
        ("المغرب", "MA"),
        ("Royaume-Uni", "GB"),
    ],
)
def test_countries_by_name_in_four_languages_or_iso_code(country, code):
    row = read(f"name,country\nX,{country}\n".encode(), "csv", LIMIT).rows[0]
    assert check_row(row)["country"] == code


def test_csv_without_a_name_column_is_refused_listing_the_columns_found():
    with pytest.raises(ImportFileError) as refused:
        read(b"id,title\n1,x\n", "csv", LIMIT)
    assert refused.value.code == "no_name_column" and refused.value.params["found"] == "id, title"


def test_malformed_quoting_is_refused_with_its_line():
    with pytest.raises(ImportFileError) as refused:
        read(b'name\nok\n"never closed\n', "csv", LIMIT)
    assert refused.value.code == "csv_malformed"


def test_ragged_rows_are_refused_one_by_one():
    rows = read(b"name,country\nA,KE,extra\nB\nC,UG\n", "csv", LIMIT).rows
    checked = [check_row(r) for r in rows]
    assert [c["refused"] for c in checked] == [True, False, False]
    assert checked[0]["problems"][0]["code"] == "ragged"


def _xlsx(*rows: list[object]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_is_read_by_header_and_formulas_are_refused():
    data = _xlsx(
        ["Organisation", "Country"],
        ["Red Andina", "PE"],
        ['=CONCAT("A","B")', "KE"],
        ["Caritas", "=A1"],
    )
    parsed = read(data, "auto", LIMIT, filename="list.xlsx")
    checked = [check_row(r) for r in parsed.rows]
    assert parsed.format == "xlsx" and parsed.sheet == "Sheet"
    assert [(c["name"], c["refused"]) for c in checked] == [
        ("Red Andina", False),
        ("", True),
        ("Caritas", False),
    ]
    assert checked[1]["problems"][0] == {
        "code": "xlsx_formula",
        "field": "name",
        "params": {"cell": "A3"},
    }
    assert checked[2]["warnings"][0]["code"] == "xlsx_formula" and "country" not in checked[2]


def test_old_xls_files_are_refused_with_advice():
    with pytest.raises(ImportFileError) as refused:
        read(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "auto", LIMIT)
    assert refused.value.code == "xls_old"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ('=HYPERLINK("x")', "formula"),
        ("Evil\u202eName", "characters"),
        ("Zero\u200bwidth", "characters"),
        ("x" * 301, "too_long"),
        ("—", "no_letters"),
    ],
)
def test_names_go_through_the_same_text_checks_as_the_sign_on_form(name, code):
    row = read(name.encode(), "text", LIMIT).rows[0]
    checked = check_row(row)
    assert checked["refused"] and checked["problems"][0]["code"] == code
    assert "\u202e" not in str(checked["raw"])


def test_names_are_normalised_to_nfc_and_single_spaces():
    checked = check_row(read("Cafe\u0301   Solidaire".encode(), "text", LIMIT).rows[0])
    assert checked["name"] == "Café Solidaire"


def test_invalid_optional_values_are_left_out_with_a_warning():
    data = b"name,country,email,website,individual\nA,Narnia,not-an-email,not a site,yes\n"
    checked = check_row(read(data, "csv", LIMIT).rows[0])
    assert not checked["refused"] and checked["kind"] == "individual"
    assert {w["field"] for w in checked["warnings"]} == {"country", "email", "website"}
    assert checked.get("country") is None and checked["email_key"] is None


def test_a_website_that_outgrows_its_column_with_a_scheme_is_left_out_with_a_warning():
    """A website "example.org" is kept as "https://example.org": 300 characters typed would be 308
    kept, more than the column holds (applying the list was a 500 on PostgreSQL)."""
    site = "w" * 296 + ".org"
    checked = check_row(read(f"name,website\nA,{site}\n".encode(), "csv", LIMIT).rows[0])
    assert not checked["refused"] and checked.get("website") is None
    [warning] = checked["warnings"]
    assert (warning["field"], warning["code"]) == ("website", "too_long")
    assert warning["params"] == {"limit": 292, "count": 300}
