from __future__ import annotations

from wtforms import (
    BooleanField,
    DateTimeLocalField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from campaign.forms import Form, VersionedForm
from campaign.i18n import CONTENT_LANGUAGES, _l
from campaign.validators import (
    NOT_A_CHOICE,
    NOT_A_DATETIME,
    REQUIRED,
    OptionalBlank,
    SafeText,
    SiteOrigins,
    empty_if_none,
)


def language_choices() -> list[SelectChoice]:
    """Each language named in itself, and marked so (lang, dir)."""
    return [
        SelectChoice(code, lang.native_name, render_kw=lang.attrs)
        for code, lang in CONTENT_LANGUAGES.items()
    ]


SETTINGS_CHANGED = _l(
    "Another coordinator changed this letter after you opened this page, so your settings "
    "were not saved. Your entries are below, and the rest of the page shows the letter as it "
    "is now: check them and save again."
)
TEXT_CHANGED = _l(
    "Another coordinator saved this text after you opened this page, so yours was not saved. "
    "Their version is shown beside yours, and your entries are below: bring the two "
    "together and save again."
)


class LetterSettingsForm(VersionedForm):
    changed_message = SETTINGS_CHANGED

    slug = StringField(
        _l("Web address (slug)"),
        validators=[DataRequired(REQUIRED), SafeText(80)],
        description=_l("Lower-case letters, digits and hyphens, e.g. “hrc-61-migrants”."),
    )
    addressee = StringField(
        _l("Addressed to"),
        validators=[OptionalBlank(), SafeText(300)],
        filters=[empty_if_none],
        description=_l("For example: Human Rights Council"),
    )
    lead_organisations = TextAreaField(
        _l("Lead organisations"),
        validators=[OptionalBlank(), SafeText(2000, multiline=True)],
        filters=[empty_if_none],
        description=_l("One per line."),
    )
    deadline = DateTimeLocalField(
        _l("Sign-on deadline (UTC)"),
        validators=[OptionalBlank()],
        format="%Y-%m-%dT%H:%M",
        invalid_value_message=NOT_A_DATETIME,
    )
    auto_approve = BooleanField(_l("Approve confirmed signatures without moderation"))
    embed_origins = TextAreaField(
        _l("Sites that may show the sign-on form"),
        validators=[OptionalBlank(), SafeText(2000, multiline=True), SiteOrigins(most=20)],
        filters=[empty_if_none],
        description=_l(
            "One site address per line, such as https://coalition.example.org. Only these "
            "sites can embed the form in their pages; leave empty for none."
        ),
    )
    submit = SubmitField(_l("Save"))


class NewLetterForm(LetterSettingsForm):
    embed_origins = None  # set later, on the letter's own page, with its address known
    version = None  # nothing to compare with: the letter does not exist yet
    language = SelectField(
        _l("Language of the authoritative text"),
        choices=language_choices,
        invalid_choice_message=NOT_A_CHOICE,
    )
    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), SafeText(300)])
    body = TextAreaField(
        _l("Text (Markdown)"),
        validators=[OptionalBlank(), SafeText(100_000, multiline=True)],
        filters=[empty_if_none],
    )
    submit = SubmitField(_l("Create letter"))


class LetterTextForm(VersionedForm):
    changed_message = TEXT_CHANGED

    title = StringField(_l("Title"), validators=[DataRequired(REQUIRED), SafeText(300)])
    # Translations only: the authoritative text's addressee is the letter's (its settings).
    addressee = StringField(
        _l("Addressed to, in this language"),
        validators=[OptionalBlank(), SafeText(300)],
        filters=[empty_if_none],
        description=_l("Leave empty to show the letter's addressee as it is in its settings."),
    )
    body = TextAreaField(
        _l("Text (Markdown)"),
        validators=[OptionalBlank(), SafeText(100_000, multiline=True)],
        filters=[empty_if_none],
    )
    submit = SubmitField(_l("Save text"))


class ActionForm(Form):
    """An empty form: a CSRF-protected button."""

    submit = SubmitField(_l("Confirm"))
