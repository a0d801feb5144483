"""WTForms glue for ``campaign.text``: filters and validators shared by every form."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from wtforms import Field, Form
from wtforms.validators import Optional, StopValidation, ValidationError

from campaign import text
from campaign.i18n import _, _l

# WTForms' own messages, kept in our catalogue. WTF_I18N_ENABLED is off (Flask-WTF reloaded
# WTForms' catalogue on every request), so each form passes these where WTForms has a default.
REQUIRED = _l("This field is required.")
TOO_LONG = _l("Field cannot be longer than %(max)d characters.")
NOT_A_CHOICE = _l("Not a valid choice.")
NOT_A_NUMBER = _l("Invalid Choice: could not coerce.")
NOT_AN_INTEGER = _l("Not a valid integer value.")
NOT_A_DATETIME = _l("Not a valid datetime value.")
NOT_A_DATE = _l("Not a valid date value.")
# Said when a field came back without the characters that show nothing (see SafeText).
HIDDEN_REMOVED = _l(
    "This field held hidden characters (text-direction marks or invisible spaces), now "
    "removed. Check it and send the form again."
)


class OptionalBlank(Optional):
    """WTForms' Optional (an empty field skips the other checks), which also empties a field
    sent holding only spaces: left as it was, "  " went on past the checks it skipped, into
    a menu's value or a stored website. A field not sent at all keeps its value."""

    def __call__(self, form: Form, field: Field) -> None:
        try:
            super().__call__(form, field)
        except StopValidation:
            if field.raw_data and isinstance(field.data, str):
                field.data = ""
            raise


class SafeText:
    """Clean a field with :func:`campaign.text.clean` and replace its data with the result."""

    def __init__(self, max_length: int, multiline: bool = False, formula: bool = False) -> None:
        self.max_length = max_length
        self.multiline = multiline
        self.formula = formula
        self.field_flags = {"maxlength": max_length}

    def __call__(self, form: Form, field: Field) -> None:
        raw: Any = field.data
        if raw is None:
            return
        try:
            field.data = text.clean(str(raw), self.max_length, self.multiline)
            if self.formula:
                text.check_not_formula(field.data)
        except text.TextProblem as problem:
            if problem.without_hidden is not None:
                # Characters that show nothing cannot be found and deleted by the person
                # typing (an Arabic name with a mark a phone keyboard put in): the field
                # comes back without them, to check and send again.
                field.data = problem.without_hidden
                field.raw_data = [problem.without_hidden]
                raise StopValidation(str(HIDDEN_REMOVED)) from None
            raise StopValidation(str(problem.message)) from None


def raise_problem(problem: text.TextProblem) -> None:
    """Turn a service-level TextProblem into a form validation error."""
    raise ValidationError(str(problem.message))


def empty_if_none(value: str | None) -> str:
    """Filter for optional text fields: an absent value is stored as an empty string."""
    return "" if value is None else value


class ValidChoice:
    """The submitted value must be one of the field's choices (WTForms' own message is not ours)."""

    def __init__(self, message: object) -> None:
        self.message = message
        # The last choices seen and their values: a cached tuple of choices (the countries)
        # is checked without rebuilding a set of ~250 values on every request.
        self._last: tuple[object, frozenset[str]] = ((), frozenset())

    def _values(self, choices: Any) -> frozenset[str]:
        last_choices, last_values = self._last
        if choices is last_choices:
            return last_values
        values = frozenset(str(tuple(choice)[0]) for choice in choices or ())
        if isinstance(choices, tuple):
            self._last = (choices, values)
        return values

    def __call__(self, form: Form, field: Field) -> None:
        if str(field.data or "") not in self._values(field.choices):
            raise StopValidation(str(self.message))


NON_ASCII_MAILBOX = _l(
    "We cannot send email to an address with accents or other non-Latin letters before the "
    "@. Please give another address."
)


class EmailAddress:
    """A well-formed address we can send to (no DNS lookups); the field gets the normalised
    form. The domain may be in any script (it is sent as IDNA), but the part before the @
    must be ASCII: an address such as élodie@… needs SMTPUTF8 all along the way, which the
    mail path (Flask-Mail) cannot give, so the form says so rather than a mail never going."""

    def __init__(self, message: object) -> None:
        self.message = message
        self.field_flags = {"maxlength": 254}

    def __call__(self, form: Form, field: Field) -> None:
        try:
            field.data = email_address(str(field.data or ""), self.message)
        except text.TextProblem as problem:
            raise StopValidation(str(problem.message)) from None


def email_address(value: str, message: object) -> str:
    """``value`` normalised, if :class:`EmailAddress` takes it; else TextProblem saying
    ``message``, or NON_ASCII_MAILBOX for a mailbox (before the @) that is not ASCII. For
    addresses that come in some other way than a form (imported lists)."""
    try:
        result = validate_email(value, check_deliverability=False, allow_smtputf8=False)
    except EmailNotValidError:
        mailbox = value.rpartition("@")[0]
        raise text.TextProblem(NON_ASCII_MAILBOX if not mailbox.isascii() else message) from None
    return result.normalized


class WebAddress:
    """An http(s) address; "example.org" becomes "https://example.org", which must still fit
    ``max_length`` (the column's)."""

    def __init__(self, message: object, max_length: int) -> None:
        self.message = message
        self.max_length = max_length

    def __call__(self, form: Form, field: Field) -> None:
        typed = str(field.data or "").strip()
        if not typed:
            return
        address = text.web_address(typed)
        if address is None:
            raise StopValidation(str(self.message))
        if len(address) > self.max_length:
            # Said of what was typed: the scheme added in front takes part of the room.
            limit = self.max_length - (len(address) - len(typed))
            raise StopValidation(str(text.too_long(limit, len(typed))))
        field.data = address


_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")


def site_origin(value: str) -> str | None:
    """The origin a site address names ("coalition.org/join" is not one: a frame's parent is
    a whole site), as a Content-Security-Policy source such as "https://coalition.org", or
    None. Hosts are checked to the letter, since the result goes into a response header."""
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (ValueError, UnicodeError):
        return None
    if (
        parts.scheme not in {"http", "https"}
        or parts.username is not None
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
        or not _HOST.fullmatch(host)
        or ("." not in host and host != "localhost")
    ):
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


class SiteOrigins:
    """A list of site addresses, one per line, stored as origins (see ``site_origin``)."""

    def __init__(self, most: int) -> None:
        self.most = most

    def __call__(self, form: Form, field: Field) -> None:
        lines = [line.strip() for line in str(field.data or "").splitlines() if line.strip()]
        if len(lines) > self.most:
            raise StopValidation(_("List at most %(most)d sites.", most=self.most))
        origins = []
        for line in lines:
            origin = site_origin(line)
            if origin is None:
                raise StopValidation(
                    _(
                        "“%(line)s” is not a site address such as https://coalition.example.org.",
                        line=line,
                    )
                )
            if origin not in origins:
                origins.append(origin)
        field.data = "\n".join(origins)
