"""Numbered lists, CSV, XLSX and plain text: numbering, collation order, inert formulas."""

from __future__ import annotations

import csv
import html
import io
import re
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from campaign.accounts.models import Role
from campaign.collation import sort_key
from campaign.demo import TEXTS
from campaign.signatures import queries
from campaign.signatures.models import OrgType, SignerKind
from tests.exports.helpers import expected_order, numbered, pdf_text, run_cli, seed
from tests.i18n import translated


def _export(runner, letter, *args: str) -> bytes:  # noqa: ANN001
    return run_cli(runner, "export", letter.slug, *args)


def test_text_list_is_numbered_without_gaps_in_collation_order(runner, make):
    """Organisations 1..10, then the individuals apart from 1, as on the letter page."""
    letter = make.letter()
    seed(make, letter)
    text = _export(runner, letter, "--format", "txt").decode()
    lines = [line for line in text.splitlines() if line[:1].isdigit()]
    numbers = [int(line.split(".")[0]) for line in lines]
    assert numbers == [*range(1, 11), 1]
    names = [line.split(". ", 1)[1].rsplit(" (", 1)[0] for line in lines[:10]]
    assert names == expected_order()
    assert "1. Jane Doe (" in text
    assert text.index("Individuals (1)") > text.index("Organisations (10)")
    assert "Pending Org" not in text and "Rejected Org" not in text


def test_text_list_grouped_by_country_uses_localised_names(runner, make):
    letter = make.letter(texts={code: ("Letter", "Text") for code in ("en", "fr", "es")})
    seed(make, letter)
    text = _export(runner, letter, "--format", "txt", "--lang", "fr", "--group").decode()
    assert "Grèce" in text and "Égypte" in text
    text_es = _export(runner, letter, "--format", "txt", "--lang", "es", "--group").decode()
    assert "Grecia" in text_es


def test_csv_has_bom_inert_formulas_and_contacts_only_when_asked(runner, make):
    letter = make.letter()
    seed(make, letter)
    raw = _export(runner, letter, "--format", "csv", "--contacts")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","click")' in names
    assert not any(cell.startswith(("=", "+", "@", "-")) for row in rows for cell in row)
    assert "Contact email" in rows[0] and any("@example.org" in c for c in rows[1])
    public = _export(runner, letter, "--format", "csv", "--no-contacts").decode("utf-8-sig")
    assert "@example.org" not in public and "Contact Person" not in public


def test_xlsx_stores_formula_like_names_as_text(runner, make):
    """Names exactly as written (no apostrophe in front, which CSV needs), in string
    cells, never a formula; the formula-like ones marked "quote prefix" for editing."""
    letter = make.letter()
    seed(make, letter)
    make.signature(letter, "-Minus Initiative")
    make.signature(letter, "+Plus Foundation")
    sheet = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx"))).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    organisations = sorted(
        [*expected_order(), "-Minus Initiative", "+Plus Foundation"], key=sort_key
    )
    assert [c.value for c in cells][:12] == organisations
    assert all(c.data_type == "s" for c in cells)
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    quoted = {c.value for c in cells if c.quotePrefix}
    assert quoted == {
        '=HYPERLINK("http://evil.example","click")',
        "-Minus Initiative",
        "+Plus Foundation",
    }
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [*range(1, 13), 1]


def test_exporter_downloads_csv_with_contacts_over_http(client, make, login_as):
    letter = make.letter()
    seed(make, letter)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={
            "format": "csv",
            "language": "en",
            "snapshot": "0",
            "contacts": "y",
            "columns": "1",
            "download": "Download",
        },
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # said once
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "@example.org" in response.data.decode("utf-8-sig")


def _page_lists(client, letter) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:  # noqa: ANN001
    """The letter page's two numbered lists: organisations, individuals."""
    page = client.get(f"/en/letters/{letter.slug}").get_data(as_text=True)
    organisations, individuals = page.split('class="signatory-list individuals"')
    item = re.compile(r'<li value="(\d+)"><bdi class="name">(.*?)</bdi>')
    return [
        [(int(n), html.unescape(name)) for n, name in item.findall(part)]
        for part in (organisations, individuals)
    ]


def test_every_export_numbers_as_the_letter_page(client, runner, make):
    """One numbering (``queries.numbered``): organisations 1..N and individuals apart from
    1, on the letter page and in CSV, XLSX, text and PDF; two entries with the same name
    in the order they signed (by id)."""
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    make.signature(letter, "Same Name", country="KE")
    make.signature(letter, "Same Name", country="BR")
    for name in ("Zoë Ångström", "Ana Lima", "Ana Lima"):
        make.signature(letter, name, kind=SignerKind.individual, country="BR")
    organisations, individuals = _page_lists(client, letter)
    assert [n for n, _ in organisations] == list(range(1, 13))
    assert individuals == [(1, "Ana Lima"), (2, "Ana Lima"), (3, "Jane Doe"), (4, "Zoë Ångström")]

    sheet = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx"))).active
    by_kind: dict[str, list[tuple[int, str]]] = {"Organisation": [], "Individual": []}
    same = []
    for number, name, kind, country, *_ in sheet.iter_rows(min_row=2, values_only=True):
        by_kind[kind].append((number, name))
        same += [(number, country)] if name == "Same Name" else []
    assert by_kind == {"Organisation": organisations, "Individual": individuals}
    assert [country for _, country in sorted(same)] == ["KE", "BR"]  # the first to sign first

    raw = _export(runner, letter, "--format", "csv").decode("utf-8-sig")
    csv_rows = list(csv.reader(io.StringIO(raw)))[1:]
    listed = [(int(r[0]), r[1].removeprefix("'")) for r in csv_rows]
    assert listed == organisations + individuals

    text = _export(runner, letter, "--format", "txt").decode()
    lines = [line.split(". ", 1) for line in text.splitlines() if line[:1].isdigit()]
    listed = [(int(n), rest.rsplit(" (", 1)[0]) for n, rest in lines]
    assert listed == organisations + individuals

    pdf = numbered(pdf_text(_export(runner, letter, "--format", "pdf")))
    assert pdf == organisations + individuals


def test_numbered_breaks_ties_by_id_whatever_the_order_given():
    rows = [
        SimpleNamespace(id=i, name=name, kind=kind)
        for i, name, kind in [
            (7, "Same", SignerKind.organisation),
            (3, "Same", SignerKind.organisation),
            (5, "Alpha", SignerKind.individual),
            (4, "Alpha", SignerKind.individual),
            (9, "Other", SignerKind.organisation),
        ]
    ]
    for order in (rows, rows[::-1]):
        organisations, individuals = queries.numbered(
            order, name=lambda r: r.name, kind=lambda r: r.kind, ident=lambda r: r.id
        )
        assert [(n, r.id) for n, r in organisations] == [(1, 9), (2, 3), (3, 7)]
        assert [(n, r.id) for n, r in individuals] == [(1, 4), (2, 5)]


def test_contacts_are_left_out_unless_ticked_and_come_with_the_consent(
    client, runner, make, login_as
):
    letter = make.letter()
    make.signature(letter, "Consent Org", contact_email="yes@example.org", consent_contact=True)
    make.signature(letter, "No Consent Org", contact_email="no@example.org", consent_contact=False)
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get(f"/manage/letters/{letter.slug}/exports/").get_data(as_text=True)
    assert "checked" not in re.search(r'<input[^>]*name="contacts"[^>]*>', page)[0]

    url = f"/manage/letters/{letter.slug}/exports/download"
    form = {"format": "csv", "language": "en", "snapshot": "0", "columns": "1", "download": "1"}
    untouched = client.post(url, data=form).data.decode("utf-8-sig")  # the box left as shown
    assert "@example.org" not in untouched and "Consent to be contacted" not in untouched

    raw = client.post(url, data={**form, "contacts": "y"}).data.decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(raw))
    assert header[-4:] == [
        "Contact name",
        "Contact email",
        "Contact role",
        "Consent to be contacted",
    ]
    assert {row[1]: (row[-3], row[-1]) for row in rows} == {
        "Consent Org": ("yes@example.org", "Yes"),
        "No Consent Org": ("no@example.org", "No"),
    }

    sheet = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx", "--contacts")))
    values = list(sheet.active.iter_rows(values_only=True))
    assert values[0][-1] == "Consent to be contacted"
    assert {row[1]: row[-1] for row in values[1:]} == {"Consent Org": "Yes", "No Consent Org": "No"}
    public = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx")))
    assert "Consent to be contacted" not in next(public.active.iter_rows(values_only=True))


def test_an_address_that_starts_like_a_formula_is_exact_in_xlsx_and_inert_in_csv(runner, make):
    """``=1+1@example.org`` is a legal address. A CSV cell has no type, so there it takes
    the apostrophe (Excel would run it); an XLSX cell is typed, so there it is the address
    exactly, in a string cell, not a formula."""
    letter = make.letter()
    make.signature(letter, "Some Org", contact_email="=1+1@example.org")
    workbook = load_workbook(io.BytesIO(_export(runner, letter, "--format", "xlsx", "--contacts")))
    header, row = workbook.active.iter_rows()
    cell = row[[c.value for c in header].index("Contact email")]
    assert (cell.value, cell.data_type) == ("=1+1@example.org", "s")
    raw = _export(runner, letter, "--format", "csv", "--contacts").decode("utf-8-sig")
    header, values = csv.reader(io.StringIO(raw))
    assert values[header.index("Contact email")] == "'=1+1@example.org"


def _records(client, letter, **fields: str):  # noqa: ANN001, ANN202
    form = {"format": "csv", "language": "en", "snapshot": "0", "columns": "1", "download": "1"}
    return client.post(f"/manage/letters/{letter.slug}/exports/download", data={**form, **fields})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_type_of_organisation_is_in_the_files_language_like_other_columns(
    client, make, login_as, fmt
):
    """Not the stored code ("ngo"), in French or any other language."""
    letter = make.letter(texts={"en": ("Letter", "Text"), "fr": ("Lettre", "Texte")})
    make.signature(letter, "Ligue des droits", org_type=OrgType.ngo, country="FR")
    make.signature(letter, "Syndicat", org_type=OrgType.trade_union)
    make.signature(letter, "Jane Doe", kind=SignerKind.individual)
    login_as(make.user(roles={letter: Role.exporter}))
    response = _records(client, letter, format=fmt, language="fr")
    assert response.status_code == 200
    if fmt == "csv":
        header, *rows = csv.reader(io.StringIO(response.data.decode("utf-8-sig")))
    else:
        sheet = load_workbook(io.BytesIO(response.data)).active
        header, *rows = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    column = header.index(translated("fr", "Type of organisation", escape=False))
    types = {row[1]: row[column] for row in rows}
    assert types == {
        "Ligue des droits": translated("fr", "Non-governmental organisation (NGO)", escape=False),
        "Syndicat": translated("fr", "Trade union", escape=False),
        "Jane Doe": "",
    }
    assert translated("fr", "Country", escape=False) in header  # the same language as the rest


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_file_with_contact_details_says_so_in_its_name(client, make, login_as, fmt):
    """The personal-data file is told apart from the public list before anyone opens it."""
    letter = make.letter("civic")
    make.signature(letter, "Only Org")
    login_as(make.user(roles={letter: Role.exporter}))
    name = re.compile(r'attachment; filename="(.+)"')
    with_contacts = name.match(
        _records(client, letter, format=fmt, contacts="y").headers["Content-Disposition"]
    )[1]
    without = name.match(_records(client, letter, format=fmt).headers["Content-Disposition"])[1]
    assert re.fullmatch(rf"civic-signatories-en-with-contacts-\d{{8}}\.{fmt}", with_contacts)
    assert re.fullmatch(rf"civic-signatories-en-\d{{8}}\.{fmt}", without)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_each_language_of_a_list_is_a_file_of_its_own_name(client, make, login_as, fmt):
    """Headings and country names are in the file's language: the French and the Arabic list
    of one day do not overwrite each other in a downloads folder."""
    texts = {"en": ("Letter", "Text"), "fr": ("Lettre", "Texte"), "ar": ("رسالة", "نص")}
    letter = make.letter("civic", texts=texts)
    make.signature(letter, "Only Org")
    login_as(make.user(roles={letter: Role.exporter}))
    for code in ("fr", "ar"):
        disposition = _records(client, letter, format=fmt, language=code).headers
        assert re.fullmatch(
            rf'attachment; filename="civic-signatories-{code}-\d{{8}}\.{fmt}"',
            disposition["Content-Disposition"],
        )


def test_csv_for_excel_has_the_same_cells_separated_by_semicolons(client, runner, make, login_as):
    """What Excel in French or Spanish splits into columns: the comma CSV's cells (a name
    holding a semicolon or a comma kept whole), with the byte-order mark, in a file whose
    name says so; offered on the page, and the same file from the shell."""
    letter = make.letter("civic")
    seed(make, letter)
    make.signature(letter, "Droits; Libertés, Égalité")
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get(f"/manage/letters/{letter.slug}/exports/").get_data(as_text=True)
    assert '<option value="csv-semicolon">' in page
    response = _records(client, letter, format="csv-semicolon", contacts="y")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    name = r'attachment; filename="civic-signatories-en-with-contacts-semicolons-\d{8}\.csv"'
    assert re.fullmatch(name, response.headers["Content-Disposition"])
    assert response.data.startswith(b"\xef\xbb\xbf")
    content = response.data.decode("utf-8-sig")
    assert content.startswith("No.;Name;Signing as;")
    semicolons = list(csv.reader(io.StringIO(content), delimiter=";"))
    commas = _records(client, letter, contacts="y").data.decode("utf-8-sig")
    assert semicolons == list(csv.reader(io.StringIO(commas)))
    assert "Droits; Libertés, Égalité" in [row[1] for row in semicolons]
    assert _export(runner, letter, "--format", "csv-semicolon", "--contacts") == response.data


def test_the_contacts_box_does_not_mark_a_file_that_cannot_hold_contacts(client, make, login_as):
    letter = make.letter("civic")
    make.signature(letter, "Only Org")
    login_as(make.user(roles={letter: Role.exporter}))
    response = _records(client, letter, format="txt", contacts="y")
    assert "with-contacts" not in response.headers["Content-Disposition"]
    assert "@example.org" not in response.get_data(as_text=True)
