"""The catalogue template is current, and every interface language is complete."""

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from campaign.i18n import INTERFACE_LANGUAGES
from campaign.i18n_cli import POT, compile_catalogues, extract
from tests.conftest import ROOT


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
