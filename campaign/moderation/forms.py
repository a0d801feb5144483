"""Moderation forms. Queue decisions read their ids from the posted checkboxes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import get_locale
from wtforms import (
    DateTimeLocalField,
    EmailField,
    Field,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, StopValidation

from campaign import text
from campaign.forms import Form, VersionedForm
from campaign.i18n import _, _l
from campaign.moderation.bulk import CRITERIA_LABELS as LABELS
from campaign.moderation.contacts import ADDRESS_NEEDED
from campaign.signatures import choices
from campaign.signatures.forms import NOT_AN_ADDRESS, check_email_key
from campaign.signatures.models import CONTACT_NAME_LENGTH, Signature, SignerKind
from campaign.validators import (
    NOT_A_DATETIME,
    NOT_AN_INTEGER,
    EmailAddress,
    OptionalBlank,
    SafeText,
    ValidChoice,
    empty_if_none,
)

NOT_A_CHOICE = _l("Choose one of the options offered.")
OTHER = "__other__"


def _countries() -> list:
    return choices.country_choices(str(get_locale() or "en"), _("No country"))


def _menu(label: object) -> SelectField:
    """One of the sign-on form's short menus; left empty, it leaves the value as it is."""
    validators = [OptionalBlank(), ValidChoice(NOT_A_CHOICE)]
    return SelectField(label, validators=validators, validate_choice=False)


class EditForm(VersionedForm):
    """A moderator's correction of the listing: name, country, type and ECOSOC status (an
    individual has no type)."""

    name = StringField(
        _l("Name as listed"),
        validators=[SafeText(300, formula=True), DataRequired(_l("Enter the name to be listed."))],
    )
    country = SelectField(
        _l("Country"), validators=[ValidChoice(NOT_A_CHOICE)], validate_choice=False
    )
    org_type = _menu(_l("Type of organisation"))
    ecosoc_status = _menu(_l("Consultative status with ECOSOC"))

    def __init__(self, *args: Any, kind: SignerKind, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = _countries()
        self.ecosoc_status.choices = choices.STAFF_MENUS["ecosoc_status"]
        if kind is SignerKind.individual:
            del self.org_type
        else:
            self.org_type.choices = choices.MENUS["org_type"]

    def changes(self) -> dict[str, Any]:
        """The values to set; a menu sent empty is left out (kept as it is)."""
        values = {"name": self.name.data, "country": self.country.data or None}
        for menu in ("org_type", "ecosoc_status"):
            if menu in self and self[menu].data:
                values[menu] = self[menu].data
        return values


class ContactForm(VersionedForm):
    """A moderator's correction of a signature's contact (never published). The address may
    be left empty only where there was none (some imported signatures): a signer is reached
    through it."""

    contact_name = StringField(
        _l("Contact person"), validators=[SafeText(CONTACT_NAME_LENGTH, formula=True)]
    )
    contact_role = StringField(
        _l("Role or title (optional)"), validators=[OptionalBlank(), SafeText(200, formula=True)]
    )
    contact_email = EmailField(
        _l("Contact email"),
        validators=[OptionalBlank(), SafeText(254), EmailAddress(NOT_AN_ADDRESS)],
        description=_l(
            "Changing it sends the new address its links: the request to confirm, or the "
            "private link to correct or withdraw. The links sent to the old address stop working."
        ),
        render_kw={"dir": "ltr", "autocomplete": "off"},
    )

    def __init__(self, *args: Any, has_address: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if has_address:
            required = DataRequired(ADDRESS_NEEDED)
            self.contact_email.validators = [required, *self.contact_email.validators]

    def validate_contact_email(self, field: Field) -> None:
        try:
            check_email_key(str(field.data or ""))
        except text.TextProblem as problem:
            raise StopValidation(str(problem.message)) from None


MERGE_CHANGED = _l(
    "Some of these signatures changed after you opened this page (their signers or a "
    "moderator changed them), so nothing was merged. They are shown as they are now: check "
    "your choices and send again."
)


def versions_of(members: Iterable[Signature]) -> str:
    """The signatures' versions as a merge form carries them ("7:3,8:1")."""
    return ",".join(f"{s.id}:{s.version}" for s in sorted(members, key=lambda s: s.id))


class MergeForm(Form):
    """Fold a cluster into one signature: which one stays, the name, country and ECOSOC
    status it shows (left empty: the group's highest). It carries the versions of the
    signatures it showed, so a merge over a change made since (by a signer, another
    moderator) is caught rather than written over it, and the page it was opened from, to
    go back to."""

    ids = HiddenField()
    versions = HiddenField()
    next = HiddenField()
    primary = RadioField(
        _l("Signature to keep"), validators=[ValidChoice(NOT_A_CHOICE)], validate_choice=False
    )
    name_choice = RadioField(
        _l("Name to show"), validators=[ValidChoice(NOT_A_CHOICE)], validate_choice=False
    )
    other_name = StringField(
        _l("Another spelling"), validators=[SafeText(300, formula=True)], filters=[empty_if_none]
    )
    country = SelectField(
        _l("Country"), validators=[ValidChoice(NOT_A_CHOICE)], validate_choice=False
    )
    ecosoc_status = _menu(_l("Consultative status with ECOSOC"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.country.choices = _countries()
        self.ecosoc_status.choices = choices.STAFF_MENUS["ecosoc_status"]

    def validate_other_name(self, field: Field) -> None:
        if self.name_choice.data == OTHER and not field.data:
            raise StopValidation(_("Enter the name to show."))

    def chosen_name(self) -> str:
        return self.other_name.data if self.name_choice.data == OTHER else self.name_choice.data

    def changed_since_shown(self, members: Iterable[Signature]) -> bool:
        """True (with a message) if the signatures are no longer the versions the form showed;
        either way the form now carries the current ones, so sending it again merges what is
        there now. A form sent without versions is not checked."""
        shown, self.versions.data = self.versions.data, versions_of(members)
        if not shown or shown == self.versions.data:
            return False
        self.form_errors.append(str(MERGE_CHANGED))
        return True


class BulkForm(Form):
    """Who to reject in a spam wave; at least one criterion, previewed before applying."""

    email_domain = StringField(
        LABELS["email_domain"],
        validators=[OptionalBlank(), SafeText(254)],
        filters=[empty_if_none],
        description=_l("For example: spam.example"),
    )
    ip_address = StringField(
        LABELS["ip_address"], validators=[OptionalBlank(), SafeText(45)], filters=[empty_if_none]
    )
    since = DateTimeLocalField(
        LABELS["since"], validators=[OptionalBlank()], invalid_value_message=NOT_A_DATETIME
    )
    until = DateTimeLocalField(
        LABELS["until"], validators=[OptionalBlank()], invalid_value_message=NOT_A_DATETIME
    )
    name_pattern = StringField(
        LABELS["name_pattern"],
        validators=[OptionalBlank(), SafeText(200)],
        filters=[empty_if_none],
        description=_l(
            "Plain text, or a pattern where * stands for any text and ? for one character."
        ),
    )
    expected = IntegerField(validators=[OptionalBlank()], invalid_value_message=NOT_AN_INTEGER)

    def criteria(self) -> dict[str, Any]:
        return {
            "email_domain": self.email_domain.data.strip().lstrip("@").lower(),
            "ip_address": self.ip_address.data.strip(),
            "since": self.since.data,
            "until": self.until.data,
            "name_pattern": self.name_pattern.data,
        }
