"""The catalogue template is current, and every interface language is complete."""

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from wtforms import DateTimeField, IntegerField
from wtforms.fields.choices import SelectFieldBase
from wtforms.fields.core import UnboundField

from campaign.i18n import INTERFACE_LANGUAGES
from campaign.i18n_cli import POT, compile_catalogues, extract
from tests.conftest import ROOT
from tests.forms import app_forms


def _ids(path):
    with open(path, "rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_messages_pot_is_current(tmp_path):
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    assert _ids(fresh) == _ids(POT), "run `campaign translations update` and commit"


@pytest.mark.parametrize("code", sorted(set(INTERFACE_LANGUAGES) - {"en"}))
def test_catalogue_translates_every_string(code):
    po = ROOT / "translations" / code / "LC_MESSAGES" / "messages.po"
    with open(po, "rb") as handle:
        catalogue = read_po(handle)
    assert _ids(po) == _ids(POT)
    missing = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
    assert not missing, f"{code}: {len(missing)} untranslated, e.g. {missing[:3]}"
    plural = [m for m in catalogue if m.id and isinstance(m.string, tuple)]
    assert all(all(form for form in m.string) for m in plural)


def test_compiled_catalogues_match_sources():
    compile_catalogues()
    for code in set(INTERFACE_LANGUAGES) - {"en"}:
        base = ROOT / "translations" / code / "LC_MESSAGES"
        with open(base / "messages.mo", "rb") as handle:
            assert len(read_mo(handle)) >= len(_ids(base / "messages.po")) - 1


@pytest.mark.parametrize("code", sorted(INTERFACE_LANGUAGES))
def test_translations_keep_placeholders(code):
    po = ROOT / "translations" / code / "LC_MESSAGES" / "messages.po"
    with open(po, "rb") as handle:
        catalogue = read_po(handle)
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalogue.check()]
    assert not problems


def _messages_left_to_wtforms(field: UnboundField) -> list[str]:
    """The messages of ``field`` that WTForms would say in English, whatever the page's
    language (its own catalogue is off, see ``campaign.validators``)."""
    kind, kwargs = field.field_class, field.kwargs
    wanted = []
    if issubclass(kind, DateTimeField | IntegerField):  # dates too: DateField is one
        wanted.append("invalid_value_message")
    if issubclass(kind, SelectFieldBase) and kwargs.get("validate_choice", True):
        wanted.append("invalid_choice_message")
    if issubclass(kind, SelectFieldBase) and kwargs.get("coerce", str) is not str:
        wanted.append("invalid_value_message")
    return [name for name in wanted if not kwargs.get(name)]


def test_every_date_number_and_menu_field_words_its_errors_in_our_catalogue(app):
    """A date that is not one, a number or a choice not offered: each field passes our
    translated message, or a French page says "Not a valid datetime value."."""
    with app.test_request_context():  # some forms' other attributes are lazy strings
        gaps = {
            f"{form.__module__}.{form.__name__}.{name}": missing
            for form in app_forms()
            for name in dir(form)
            if isinstance(field := getattr(form, name), UnboundField)
            and (missing := _messages_left_to_wtforms(field))
        }
    assert not gaps
