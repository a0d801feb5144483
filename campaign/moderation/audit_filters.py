"""The letter's audit log filters, read from the address (so a filtered view can be
bookmarked) and checked as any form is: a value the menus do not offer, a date that is not
one or text no search could hold is said, in the reader's language, and left out."""

from __future__ import annotations

from typing import Any

from wtforms import DateField, Field, SelectField, StringField
from wtforms.validators import StopValidation

from campaign.forms import Form
from campaign.i18n import _, _l
from campaign.moderation import labels
from campaign.moderation.auditlog import LogFilters
from campaign.moderation.forms import NOT_A_CHOICE
from campaign.validators import NOT_A_DATE, OptionalBlank, SafeText, ValidChoice

PERIOD_BACKWARDS = _l("This date is before the first day of the period.")


def _menu(label: object) -> SelectField:
    return SelectField(
        label, validators=[OptionalBlank(), ValidChoice(NOT_A_CHOICE)], validate_choice=False
    )


def _day(label: object) -> DateField:
    return DateField(label, validators=[OptionalBlank()], invalid_value_message=NOT_A_DATE)


class AuditFilterForm(Form):
    action = _menu(_l("Action"))
    who = _menu(_l("Who"))
    since = _day(_l("From (UTC)"))
    until = _day(_l("Until (UTC)"))
    signature = StringField(
        _l("Signature"),
        validators=[OptionalBlank(), SafeText(200)],
        description=_l("Its number, or part of its name."),
    )

    def __init__(self, *args: Any, actions: list[str], actors: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action.choices = [("", _("Every action"))] + [
            (code, labels.label(labels.ACTION_LABELS, code)) for code in actions
        ]
        staff = sorted(a for a in actors if a not in labels.ACTOR_LABELS)
        others = [a for a in labels.ACTOR_LABELS if a in actors]
        self.who.choices = [("", _("Everyone"))] + [
            (actor, labels.label(labels.ACTOR_LABELS, actor)) for actor in [*staff, *others]
        ]

    def validate_until(self, field: Field) -> None:
        since = None if self.since.errors else self.since.data
        if field.data and since and field.data < since:
            raise StopValidation(str(PERIOD_BACKWARDS))

    def filters(self) -> LogFilters:
        """The filters given and valid (those with an error are left out)."""

        def valid(name: str) -> Any:
            return None if self[name].errors else self[name].data

        return LogFilters(
            action=valid("action") or "",
            actor=valid("who") or "",
            since=valid("since"),
            until=valid("until"),
            signature=valid("signature") or "",
        )
