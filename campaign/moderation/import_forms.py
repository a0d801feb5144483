"""The import form: a file or pasted text, its format and, if not UTF-8, its encoding."""

from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import SelectField, SubmitField, TextAreaField

from campaign.forms import Form
from campaign.i18n import _l
from campaign.validators import NOT_A_CHOICE

FORMAT_LABELS = {
    "auto": _l("Recognise it (by file name and content)"),
    "text": _l("Plain text: one organisation per line, numbered or not"),
    "csv": _l("CSV with a header row"),
    "xlsx": _l("Excel workbook (.xlsx): the first sheet with a header row"),
}
ENCODING_LABELS = {
    "utf-8": _l("UTF-8 (recommended)"),
    "cp1252": _l("Windows-1252 (Western European, older Excel CSV)"),
    "latin-1": _l("Latin-1 (ISO 8859-1)"),
}


class ImportForm(Form):
    upload = FileField(
        _l("File"),
        description=_l("CSV, XLSX or plain text. Or paste the list below instead."),
    )
    pasted = TextAreaField(
        _l("Or paste the list"),
        description=_l("One organisation per line; numbering such as “12.” is set aside."),
        render_kw={"rows": 10},
    )
    format = SelectField(_l("Format"), default="auto", invalid_choice_message=NOT_A_CHOICE)
    encoding = SelectField(
        _l("Text encoding"),
        default="utf-8",
        invalid_choice_message=NOT_A_CHOICE,
        description=_l("Leave UTF-8 unless you are told the file is in another encoding."),
    )
    submit = SubmitField(_l("Preview the import"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.format.choices = [(k, str(v)) for k, v in FORMAT_LABELS.items()]
        self.encoding.choices = [(k, str(v)) for k, v in ENCODING_LABELS.items()]

    def has_file(self) -> bool:
        return bool(self.upload.data and getattr(self.upload.data, "filename", ""))

    def content(self) -> tuple[bytes, str]:
        """The bytes to import and the file's name ("" for pasted text)."""
        if self.has_file():
            return self.upload.data.read(), self.upload.data.filename
        return (self.pasted.data or "").encode("utf-8"), ""

    def validate(self, extra_validators: object = None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not self.has_file() and not (self.pasted.data or "").strip():
            self.pasted.errors.append(str(_l("Choose a file or paste a list.")))
            return False
        return True
