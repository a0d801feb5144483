"""The sign-on form and the private edit form; every check runs on the server."""

from __future__ import annotations

from typing import Any

from wtforms import (
    BooleanField,
    EmailField,
    Field,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, StopValidation

from campaign import text
from campaign.csrf import refused_for_referrer
from campaign.errors import NO_REFERRER, please_wait
from campaign.forms import Form, VersionedForm
from campaign.i18n import _, _l, interface_language
from campaign.signatures import choices
from campaign.signatures.keys import email_key
from campaign.signatures.models import (
    CONTACT_NAME_LENGTH,
    EMAIL_KEY_LENGTH,
    WEBSITE_LENGTH,
    SignerKind,
)
from campaign.signatures.services import DETAIL_FIELDS
from campaign.validators import (
    EmailAddress,
    OptionalBlank,
    SafeText,
    ValidChoice,
    WebAddress,
    email_address,
)

NOT_A_CHOICE = _l("Choose one of the options offered.")
NOT_AN_ADDRESS = _l("Enter an email address such as name@example.org.")
# Said when a form comes back because the session behind its CSRF token was lost.
SESSION_ENDED = _l(
    "Nothing was sent, because the page's session had ended. Your entries are below: "
    "please send them again. If this happens again, allow cookies for this site."
)


def too_many() -> str:
    """Said when a form comes back because it was sent over a rate limit: how long to wait."""
    return _(
        "Nothing was sent, because many signatures have just come from your connection or for "
        "this letter. Your entries are below. %(wait)s",
        wait=please_wait(),
    )


def check_email_key(address: str) -> None:
    """An address whose lookup key (case folded, which can lengthen it: "ΐ" becomes three
    characters) would not fit the key's column is refused like a malformed one."""
    if len(email_key(address)) > EMAIL_KEY_LENGTH:
        raise text.TextProblem(NOT_AN_ADDRESS)


def contact_email(value: str) -> str:
    """The sign-on form's check of a contact address (already through ``text.clean``), for
    addresses that come in otherwise (imported lists): the normalised address, or
    TextProblem with the message the form would give."""
    address = email_address(value, NOT_AN_ADDRESS)
    check_email_key(address)
    return address


def refusal_message() -> str:
    """Why a signer's form came back from the CSRF check, and what to do about it: its
    session had ended, or (over HTTPS) the browser did not say the form came from here."""
    return str(NO_REFERRER if refused_for_referrer() else SESSION_ENDED)


# Required when an organisation signs, optional for an individual (see ``validate_*`` below).
ORGANISATION_FIELDS = ("country", "org_type", "contact_name")


def _select(label: object, **kwargs: Any) -> SelectField:
    return SelectField(
        label, validators=[ValidChoice(NOT_A_CHOICE)], validate_choice=False, **kwargs
    )


class SignerDetailsForm(Form):
    """What a signer may state about themselves, and later correct."""

    name = StringField(
        _l("Name as it should appear in the list"),
        validators=[SafeText(300, formula=True), DataRequired(_l("Enter the name to be listed."))],
        description=_l("The organisation's name, or your own if you sign as an individual."),
        render_kw={"autocomplete": "organization"},
    )
    country = _select(_l("Country"), render_kw={"autocomplete": "country"})
    org_type = _select(_l("Type of organisation"))
    website = StringField(
        _l("Website"),
        validators=[
            OptionalBlank(),
            SafeText(WEBSITE_LENGTH),
            WebAddress(_l("Enter a web address such as example.org."), WEBSITE_LENGTH),
        ],
        # Text, not type=url: "example.org" without a scheme is accepted.
        render_kw={"dir": "ltr", "inputmode": "url", "autocomplete": "url"},
    )
    ecosoc_status = _select(_l("Consultative status with ECOSOC"), default="unknown")
    contact_name = StringField(
        _l("Contact person"),
        validators=[SafeText(CONTACT_NAME_LENGTH, formula=True)],
        description=_l("Who the coordinators may contact about this signature. Never published."),
        render_kw={"autocomplete": "name"},
    )
    contact_role = StringField(
        _l("Role or title (optional)"),
        validators=[OptionalBlank(), SafeText(200, formula=True)],
        render_kw={"autocomplete": "organization-title"},
    )
    consent_contact = BooleanField(_l("The coordinators may write to me about this campaign"))
    language = _select(_l("Preferred language for emails"))

    def __init__(self, *args: Any, page_language: str, **kwargs: Any) -> None:
        if kwargs.get("obj") is None:
            kwargs.setdefault("language", interface_language(page_language))
        super().__init__(*args, **kwargs)
        self.country.choices = choices.signing_countries(page_language)
        self.org_type.choices = choices.MENUS["org_type"]
        self.ecosoc_status.choices = choices.MENUS["ecosoc_status"]
        self.language.choices = choices.MENUS["language"]
        self._mark_organisation_fields()

    def _mark_organisation_fields(self) -> None:
        """Flag the fields only organisations must fill in, for the labels: required when the
        signer is known to be an organisation, "required for organisations" while unknown."""
        kind = getattr(self, "_kind", None)
        for name in ORGANISATION_FIELDS:
            if kind is None:
                self[name].flags.required_for_organisations = True
            elif kind is SignerKind.organisation:
                self[name].flags.required = True

    def signer_kind(self) -> SignerKind:
        """Who signs: the edit form knows it from the signature, the sign form from its field."""
        return getattr(self, "_kind", SignerKind.organisation)

    def _required_for_organisations(self, field: Field, message: object) -> None:
        if self.signer_kind() is SignerKind.organisation and not field.data:
            raise StopValidation(str(message))

    def validate_country(self, field: Field) -> None:
        self._required_for_organisations(field, _l("Choose the organisation's country."))

    def validate_org_type(self, field: Field) -> None:
        self._required_for_organisations(field, _l("Choose the type of organisation."))

    def validate_contact_name(self, field: Field) -> None:
        self._required_for_organisations(field, _l("Enter the name of a contact person."))

    def validate_name(self, field: Field) -> None:
        """An individual who names no other contact person is their own: their name must
        also fit where contact names are kept."""
        individual = self.signer_kind() is SignerKind.individual
        name, contact = str(field.data or ""), str(self.contact_name.data or "").strip()
        if individual and not contact and len(name) > CONTACT_NAME_LENGTH:
            raise StopValidation(str(text.too_long(CONTACT_NAME_LENGTH, len(name))))

    def details(self) -> dict[str, Any]:
        """The cleaned values, ready for the signature services."""
        return {name: getattr(self, name).data for name in DETAIL_FIELDS}


class SignForm(SignerDetailsForm):
    kind = RadioField(
        _l("I sign"),
        default=SignerKind.organisation.value,
        validators=[ValidChoice(NOT_A_CHOICE)],
        validate_choice=False,
    )
    contact_email = EmailField(
        _l("Contact email"),
        validators=[
            SafeText(254),
            DataRequired(_l("Enter an email address.")),
            EmailAddress(NOT_AN_ADDRESS),
        ],
        description=_l("We send a confirmation link here. Never published."),
        render_kw={"autocomplete": "email"},
    )
    # Left empty by people; filled in by robots that fill in every field.
    homepage = StringField(_l("Leave this field empty"))
    started = HiddenField()
    submit = SubmitField(_l("Sign the letter"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind.choices = choices.MENUS["kind"]
        # First, as on the page, so the error summary lists the fields in the page's order.
        self._fields = {"kind": self._fields.pop("kind"), **self._fields}

    def validate_contact_email(self, field: Field) -> None:
        try:
            check_email_key(str(field.data or ""))
        except text.TextProblem as problem:
            raise StopValidation(str(problem.message)) from None

    def signer_kind(self) -> SignerKind:
        value = self.kind.data
        return (
            SignerKind(value) if value in SignerKind._value2member_map_ else SignerKind.organisation
        )


class EditForm(SignerDetailsForm, VersionedForm):
    submit = SubmitField(_l("Save corrections"))

    def __init__(self, *args: Any, kind: SignerKind, **kwargs: Any) -> None:
        self._kind = kind
        super().__init__(*args, **kwargs)


class WithdrawForm(Form):
    """The second step of a withdrawal: "Withdraw" on the private page only asks (WCAG 3.3.4),
    and this form's button withdraws."""

    confirm = HiddenField()  # "1" on the confirmation page; absent from an older page's form
    submit = SubmitField(_l("Yes, withdraw"))
