from __future__ import annotations

from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from campaign.accounts.services import MIN_PASSWORD_LENGTH
from campaign.forms import Form
from campaign.i18n import _l
from campaign.validators import REQUIRED, TOO_LONG, SafeText


class LoginForm(Form):
    email = EmailField(_l("Email"), validators=[DataRequired(REQUIRED), SafeText(254)])
    password = PasswordField(
        _l("Password"), validators=[DataRequired(REQUIRED), Length(max=200, message=TOO_LONG)]
    )
    submit = SubmitField(_l("Log in"))


class PasswordForm(Form):
    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(REQUIRED), Length(max=200, message=TOO_LONG)],
    )
    new = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(REQUIRED),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("Use between %(min)d and %(max)d characters."),
            ),
        ],
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("new", message=_l("The two passwords differ.")),
        ],
    )
    submit = SubmitField(_l("Change password"))
