"""What the columns of an imported spreadsheet mean, and what their values may say.

Headers and values are compared by their folded key (case, accents, spaces and punctuation
ignored), so "E-mail", "email" and "Courriel" all name the email column, and "Côte d'Ivoire",
"cote divoire" and "CI" all name one country. Headers and values are understood in English,
French, Spanish and Arabic.
"""

from __future__ import annotations

from functools import cache

import pycountry
from babel import Locale

from campaign.matching.countries import country_code as matching_country_code
from campaign.moderation.imports import ImportFileError
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
ECOSOC = {
    EcosocStatus.general: "general général general_consultative_status",
    EcosocStatus.special: "special spécial especial special_consultative_status",
    EcosocStatus.roster: "roster liste lista",
    EcosocStatus.none: "none no non ninguno aucun aucune ninguna لا",
    EcosocStatus.unknown: "unknown don't_know inconnu desconocido",
}
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


def header_columns(header: list[str]) -> dict[str, int]:
    """Column positions by meaning; refuses a header without a name column."""
    columns: dict[str, int] = {}
    for position, title in enumerate(header):
        column = _HEADER_KEYS.get(name_key(title.replace("_", " ")))
        if column is not None and column not in columns:
            columns[column] = position
    if "name" not in columns:
        found = ", ".join(h.strip() for h in header if h.strip())[:200]
        raise ImportFileError("no_name_column", found=found)
    return columns


def vocabulary_value(column: str, value: str) -> object | None:
    """The enum member a cell of the ``type``, ``ecosoc`` or ``kind`` column means."""
    return _TABLES[column].get(name_key(value))


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
