"""WTForms glue for ``campaign.text``: filters and validators shared by every form."""

from __future__ import annotations

from typing import Any

from wtforms import Field, Form
from wtforms.validators import StopValidation, ValidationError

from campaign import text


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
            raise StopValidation(str(problem.message)) from None


def raise_problem(problem: text.TextProblem) -> None:
    """Turn a service-level TextProblem into a form validation error."""
    raise ValidationError(str(problem.message))


def empty_if_none(value: str | None) -> str:
    """Filter for optional text fields: an absent value is stored as an empty string."""
    return "" if value is None else value
