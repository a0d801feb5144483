"""What the columns of an imported spreadsheet mean, and what their values may say.

Headers and values are compared by their folded key (case, accents, spaces and punctuation
ignored), so "E-mail", "email" and "Courriel" all name the email column, and "Côte d'Ivoire",
"cote divoire" and "CI" all name one country. Headers and values are understood in English,
French, Spanish and Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale

from campaign.matching.countries import country_code as matching_country_code
from campaign.signatures.keys import name_key
from campaign.signatures.models import EcosocStatus, OrgType, SignerKind

HEADERS = {
    "name": "name organisation organization organisation_name organization_name org "
    "signatory signatories nom nom_de_l_organisation organisme nombre organización "
    "nombre_de_la_organización entidad الاسم المنظمة اسم_المنظمة",
    "country": "country pays país pais nation البلد الدولة",
    "email": "email e-mail mail contact_email courriel correo correo_electrónico البريد_الإلكتروني",
    "website": "website web site url homepage site_web site_internet sitio_web página_web الموقع",
    "type": "type org_type organisation_type organization_type type_of_organisation "
    "type_of_organization type_d_organisation tipo tipo_de_organización النوع",
    "ecosoc": "ecosoc ecosoc_status consultative_status statut_ecosoc statut_consultatif "
    "estatus_ecosoc estatus_consultivo",
    "kind": "kind individual signing_as sign_as signed_as individuel individuelle individuo "
    "a_título_individual",
    "contact_name": "contact contact_name contact_person personne_de_contact persona_de_contacto",
}
_HEADER_KEYS = {
    name_key(word): column for column, words in HEADERS.items() for word in words.split()
}

ORG_TYPES = {
    OrgType.ngo: "ngo ong ngos nongovernmental non-governmental_organisation "
    "non-governmental_organization منظمة_غير_حكومية",
    OrgType.network: "network coalition alliance réseau red coalición شبكة",
    OrgType.trade_union: "trade_union union labour_union syndicat sindicato نقابة",
    OrgType.faith_based: "faith_based faith religious confessionnelle religiosa",
    OrgType.academic: "academic university research académique universidad académica",
    OrgType.foundation: "foundation fondation fundación مؤسسة",
    OrgType.other: "other autre otro otra أخرى",
}
# The categories as ECOSOC names them (resolution 1996/31): general and special consultative
# status, and the Roster. "Statut consultatif spécial", "carácter consultivo especial",
# "المركز الاستشاري الخاص" or "Inscription sur la Liste" (the sign-on form's own labels in
# French, Spanish, Arabic) are read by setting aside the words that only say "consultative
# status" (ECOSOC_FILLER), leaving the category.
ECOSOC = {
    EcosocStatus.general: "general général general_consultative_status عام العام",
    EcosocStatus.special: "special spécial especial special_consultative_status خاص الخاص",
    EcosocStatus.roster: "roster liste lista قائمة القائمة",
    EcosocStatus.none: "none no non ninguno aucun aucune ninguna sans sin pas لا لا_يوجد",
    EcosocStatus.unknown: "unknown don't_know i_don't_know inconnu je_ne_sais_pas desconocido "
    "no_lo_sé no_sé لا_أعرف غير_معروف",
}
ECOSOC_FILLER = (
    "status consultative with in on the ecosoc statut consultatif auprès de du l la le sur "
    "inscription inscrit inscrite estatus estatuto carácter consultivo consultiva entidad con "
    "ante el del en inscripción inscrito inscrita مركز المركز بمركز استشاري الاستشاري ذات ذو "
    "لدى مدرجة المدرجة الإدراج إدراج في تتمتع يتمتع"
)
KINDS = {
    SignerKind.individual: "individual person personal individuel individuelle individuo "
    "personne persona yes y x true 1 oui sí si فرد",
    SignerKind.organisation: "organisation organization org no n false 0 non organisme "
    "organización منظمة",
}


def _table(vocabulary: dict) -> dict[str, object]:
    return {
        name_key(w.replace("_", " ")): m for m, words in vocabulary.items() for w in words.split()
    }


_TABLES = {"type": _table(ORG_TYPES), "ecosoc": _table(ECOSOC), "kind": _table(KINDS)}
_FILLER = frozenset(name_key(word) for word in ECOSOC_FILLER.split())
# A header cell may name its column in several languages: "Nom / Name", "Organisation |
# Organización", or one name a line.
_HEADER_PARTS = re.compile(r"[/|\r\n]+")
HEADER_ROWS = 10  # non-empty rows searched for the header, under a title or a note


@dataclass
class Header:
    """The header row found: its line (or row), its columns by meaning, and its width."""

    line: int
    columns: dict[str, int]
    width: int


def _column(title: str) -> str | None:
    for part in (title, *_HEADER_PARTS.split(title)):
        column = _HEADER_KEYS.get(name_key(part.replace("_", " ")))
        if column is not None:
            return column
    return None


def columns_of(header: list[str]) -> dict[str, int]:
    """Column positions by meaning, the first column of each meaning counting."""
    columns: dict[str, int] = {}
    for position, title in enumerate(header):
        column = _column(title) if title else None
        if column is not None and column not in columns:
            columns[column] = position
    return columns


def find_header(rows: Iterable[tuple[int, list[str]]]) -> Header | None:
    """Among the first ``HEADER_ROWS`` of ``rows`` (non-empty rows, with their line), the
    header: the first naming a name column, except that a row of a single cell (a title such
    as "Signatories") gives way to a later one naming more columns. Rows above the header (a
    title, a note) are left out. None if no row names a name column."""
    best: Header | None = None
    for count, (line, cells) in enumerate(rows, start=1):
        columns = columns_of(cells)
        if "name" in columns and (best is None or len(columns) > len(best.columns)):
            best = Header(line, columns, len(cells))
            if sum(bool(cell.strip()) for cell in cells) > 1:
                break
        if count == HEADER_ROWS:
            break
    return best


def shown_cells(cells: list[str]) -> str:
    """A row's non-empty cells, to say what a refused file holds where its header should be."""
    return ", ".join(c.strip() for c in cells if c.strip())[:200]


def vocabulary_value(column: str, value: str) -> object | None:
    """The enum member a cell of the ``type``, ``ecosoc`` or ``kind`` column means."""
    key = name_key(value)
    found = _TABLES[column].get(key)
    if found is None and column == "ecosoc":
        found = _TABLES[column].get(" ".join(w for w in key.split() if w not in _FILLER))
    return found


@cache
def _country_names() -> dict[str, str]:
    """Folded country name in en/fr/es/ar (Babel), and ISO codes, to alpha-2 code."""
    codes = {c.alpha_2 for c in pycountry.countries}
    table: dict[str, str] = {}
    for language in ("en", "fr", "es", "ar"):
        for code, label in Locale.parse(language).territories.items():
            if code in codes:
                table.setdefault(name_key(label), code)
    for country in pycountry.countries:
        table.setdefault(name_key(country.alpha_2), country.alpha_2)
        table.setdefault(name_key(country.alpha_3), country.alpha_2)
    return table


def country_code(value: str) -> str | None:
    """ISO alpha-2 for a country named in en/fr/es/ar or by ISO code; None if unknown."""
    key = name_key(value)
    if not key:
        return None
    return _country_names().get(key) or matching_country_code(value)
