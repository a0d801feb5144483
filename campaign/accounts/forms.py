from __future__ import annotations

from typing import Any

from wtforms import EmailField, Field, PasswordField, SelectChoice, SelectField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from campaign.accounts.labels import role_label
from campaign.accounts.models import Role
from campaign.accounts.services import MIN_PASSWORD_LENGTH, guessable
from campaign.forms import Form
from campaign.i18n import _l
from campaign.validators import REQUIRED, TOO_LONG, EmailAddress, SafeText, ValidChoice


def _address_field() -> EmailField:
    """A staff member's address, checked and normalised (inviting, asking for a reset)."""
    return EmailField(
        _l("Email"),
        validators=[
            SafeText(254),
            DataRequired(REQUIRED),
            EmailAddress(_l("Enter an email address such as name@example.org.")),
        ],
    )


class LoginForm(Form):
    email = EmailField(_l("Email"), validators=[DataRequired(REQUIRED), SafeText(254)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(REQUIRED), Length(max=200, message=TOO_LONG)]
    )
    submit = SubmitField(_l("Log in"))


class ForgotPasswordForm(Form):
    email = _address_field()
    submit = SubmitField(_l("Send me a link"))


def _hard_to_guess(form: NewPasswordForm, field: Field) -> None:
    if guessable(field.data or "", form.account_email):
        raise ValidationError(
            _l(
                "Choose a password that is harder to guess: not your email address, and not "
                "a few characters repeated."
            )
        )


class NewPasswordForm(Form):
    """Choosing a password through an emailed link (an invitation, or a reset), for the
    account at ``account_email``."""

    new = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(REQUIRED),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("Use between %(min)d and %(max)d characters."),
            ),
            _hard_to_guess,
        ],
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("new", message=_l("The two passwords differ.")),
        ],
    )
    submit = SubmitField(_l("Save my password"))

    def __init__(self, *args: Any, account_email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.account_email = account_email


class PasswordForm(NewPasswordForm):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(REQUIRED), Length(max=200, message=TOO_LONG)],
    )
    submit = SubmitField(_l("Change password"))


class TeamMemberForm(Form):
    """Add someone to a letter's team by email."""

    email = _address_field()
    role = SelectField(
        _l("Role"),
        default=Role.moderator.value,
        validators=[ValidChoice(_l("Choose one of the options offered."))],
        validate_choice=False,
    )
    submit = SubmitField(_l("Add to the team"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.role.choices = [SelectChoice(role.value, role_label(role)) for role in Role]


class LetterCreatorForm(Form):
    """An administrator lets someone create letters, by email."""

    email = _address_field()
    submit = SubmitField(_l("Allow to create letters"))
