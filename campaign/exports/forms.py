"""The staff exports page: what to download, the statement's session, freezing, comparing."""

from __future__ import annotations

from collections.abc import Iterable

from wtforms import BooleanField, DateField, Field, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from campaign.db import utcnow
from campaign.exports.jws import session_start_is_plausible
from campaign.exports.services import NO_TEXT_IN_LANGUAGE
from campaign.forms import Form
from campaign.i18n import CONTENT_LANGUAGES, _l
from campaign.validators import NOT_A_CHOICE, NOT_A_DATE, NOT_A_NUMBER, OptionalBlank, SafeText

NOT_A_SESSION_START = _l(
    "Enter the first day of a Council session: a date from 2006 on, "
    "and no more than ten years ahead."
)


def plausible_session_start(_form: Form, field: Field) -> None:
    if field.data is not None and not session_start_is_plausible(field.data, utcnow().date()):
        raise ValidationError(str(NOT_A_SESSION_START))


def choices(pairs: list[tuple[object, object]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def language_choices(codes: Iterable[str] | None = None) -> list[SelectChoice]:
    """Each language (of ``codes``, else every one a letter may be written in) named in
    itself, and marked so (lang, dir)."""
    return [
        SelectChoice(
            code, CONTENT_LANGUAGES[code].native_name, render_kw=CONTENT_LANGUAGES[code].attrs
        )
        for code in (CONTENT_LANGUAGES if codes is None else codes)
        if code in CONTENT_LANGUAGES
    ]


FORMAT_CHOICES = [
    ("pdf", _l("Letter with numbered list (PDF)")),
    ("docx", _l("Joint written statement for the Human Rights Council (Word)")),
    ("xlsx", _l("Spreadsheet for the records (Excel)")),
    ("csv", _l("Spreadsheet for the records (CSV, comma-separated)")),
    ("csv-semicolon", _l("Spreadsheet for the records (CSV for Excel, semicolon-separated)")),
    ("txt", _l("Numbered list to paste into an email (text)")),
]


class ExportForm(Form):
    format = SelectField(
        _l("Format"),
        choices=lambda: choices(FORMAT_CHOICES),
        invalid_choice_message=NOT_A_CHOICE,
        description=_l(
            "Excel splits a CSV file into columns by the list separator of the computer's "
            "regional settings: a semicolon where numbers are written with a decimal comma "
            "(French, Spanish and many more), otherwise a comma. The Excel (XLSX) file opens "
            "the same everywhere."
        ),
    )
    # The letter's own languages (set by the view): a file is never made in one language
    # from another's text.
    language = SelectField(
        _l("Language"), choices=language_choices, invalid_choice_message=NO_TEXT_IN_LANGUAGE
    )
    snapshot = SelectField(
        _l("List"),
        coerce=int,
        choices=lambda: choices([(0, _l("Current list"))]),
        invalid_choice_message=NOT_A_CHOICE,
        invalid_value_message=NOT_A_NUMBER,
    )
    contacts = BooleanField(_l("Include contact details (spreadsheets only)"))
    group = BooleanField(_l("Group by country"))
    columns = SelectField(
        _l("Columns in the PDF"),
        coerce=int,
        choices=lambda: choices([(1, "1"), (2, "2")]),
        invalid_choice_message=NOT_A_CHOICE,
        invalid_value_message=NOT_A_NUMBER,
    )
    session = StringField(
        _l("Council session number"),
        validators=[OptionalBlank(), SafeText(10)],
        description=_l("For the joint written statement, e.g. 61."),
    )
    agenda_item = StringField(_l("Agenda item"), validators=[OptionalBlank(), SafeText(10)])
    session_start = DateField(
        _l("First day of the session"),
        validators=[OptionalBlank(), plausible_session_start],
        description=_l("Statements are due two weeks before this date."),
        invalid_value_message=NOT_A_DATE,
    )
    check = SubmitField(_l("Check the statement"))
    download = SubmitField(_l("Download"))


class FreezeForm(Form):
    submit = SubmitField(_l("Freeze the list for submission"))


class DiffForm(Form):
    """Sent by GET: the choice of snapshots is in the address."""

    old = SelectField(
        _l("Earlier snapshot"),
        coerce=int,
        invalid_choice_message=NOT_A_CHOICE,
        invalid_value_message=NOT_A_NUMBER,
    )
    new = SelectField(
        _l("Later snapshot"),
        coerce=int,
        invalid_choice_message=NOT_A_CHOICE,
        invalid_value_message=NOT_A_NUMBER,
    )
    submit = SubmitField(_l("Compare"))
