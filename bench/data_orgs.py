"""Synthetic sign-on lists: plausible organisation names, typed the way people type them.

``make_list(n, seed)`` returns ``n`` submissions and their truth (which are one organisation).
Base organisations are drawn from general word pools (causes, organisation types, places and
invented proper names) in English, Spanish and French; each is then submitted one or more times
with variations: case, spacing, accents dropped, a typo, an acronym in brackets or before a
dash, a legal suffix, a leading "The", or the name in another language. National chapters
("... Kenya") are separate organisations, as they are in real lists.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

CAUSES = [
    ("Human Rights", "Derechos Humanos", "Droits Humains"),
    ("Refugees", "Refugiados", "Réfugiés"),
    ("Migrants", "Migrantes", "Migrants"),
    ("Women", "Mujeres", "Femmes"),
    ("Children", "Niños", "Enfants"),
    ("Peace", "Paz", "Paix"),
    ("Justice", "Justicia", "Justice"),
    ("Democracy", "Democracia", "Démocratie"),
    ("Health", "Salud", "Santé"),
    ("Development", "Desarrollo", "Développement"),
    ("Solidarity", "Solidaridad", "Solidarité"),
    ("Freedom", "Libertad", "Liberté"),
    ("Education", "Educación", "Éducation"),
    ("Workers", "Trabajadores", "Travailleurs"),
    ("Environment", "Medio Ambiente", "Environnement"),
    ("Indigenous Peoples", "Pueblos Indígenas", "Peuples Autochtones"),
    ("Torture Prevention", "Prevención de la Tortura", "Prévention de la Torture"),
    ("Press Freedom", "Libertad de Prensa", "Liberté de la Presse"),
    ("Land Rights", "Derechos a la Tierra", "Droits Fonciers"),
    ("Asylum", "Asilo", "Asile"),
]
TYPES = [
    ("Network", "Red", "Réseau"),
    ("Coalition", "Coalición", "Coalition"),
    ("Alliance", "Alianza", "Alliance"),
    ("Association", "Asociación", "Association"),
    ("Foundation", "Fundación", "Fondation"),
    ("Centre", "Centro", "Centre"),
    ("Institute", "Instituto", "Institut"),
    ("Council", "Consejo", "Conseil"),
    ("Committee", "Comité", "Comité"),
    ("Forum", "Foro", "Forum"),
    ("League", "Liga", "Ligue"),
    ("Movement", "Movimiento", "Mouvement"),
    ("Collective", "Colectivo", "Collectif"),
    ("Platform", "Plataforma", "Plateforme"),
    ("Observatory", "Observatorio", "Observatoire"),
    ("Federation", "Federación", "Fédération"),
    ("Service", "Servicio", "Service"),
]
QUALIFIERS = [
    ("National", "Nacional", "National"),
    ("International", "Internacional", "International"),
    ("Regional", "Regional", "Régional"),
    ("", "", ""),
]
PLACES = [
    "Kenya",
    "Mexico",
    "Spain",
    "France",
    "Italy",
    "Germany",
    "Brazil",
    "Chile",
    "Peru",
    "Greece",
    "Malta",
    "Uganda",
    "Nigeria",
    "India",
    "Nepal",
    "Philippines",
    "Colombia",
    "Guatemala",
    "Morocco",
    "Tunisia",
    "Lebanon",
    "Poland",
    "Hungary",
    "Serbia",
    "Ghana",
    "Senegal",
    "Bolivia",
    "Ecuador",
    "Honduras",
    "Argentina",
    "Canada",
    "Australia",
]
SYLLABLES = "ka ri to na mi so lu be da ve ko ra ti no sa me gu lo pe ha ni zu fa ye wi mo".split()
LEGAL = ["Inc.", "e.V.", "A.C.", "asbl", "Ltd", "gGmbH", "Onlus", "I.A.P.", "vzw"]
FREE = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "protonmail.com", "gmx.de"]


@dataclass
class Org:
    """A base organisation with its names in three languages."""

    names: tuple[str, str, str]
    country: str
    domain: str


def _proper(rng: random.Random) -> str:
    """An invented proper name ("Kavelumi"), so lists have many distinct organisations."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _names(rng: random.Random) -> tuple[str, str, str]:
    """Names in en/es/fr for one organisation, from one of several patterns."""
    cause, kind, qual = rng.choice(CAUSES), rng.choice(TYPES), rng.choice(QUALIFIERS)
    proper, place = _proper(rng), rng.choice(PLACES)
    pattern = rng.randrange(5)
    if pattern == 0:
        return (
            f"{proper} {kind[0]} for {cause[0]}",
            f"{kind[1]} {proper} por los {cause[1]}",
            f"{kind[2]} {proper} pour les {cause[2]}",
        )
    if pattern == 1:
        return (
            f"{qual[0]} {kind[0]} for {cause[0]} {proper}".replace("  ", " ").strip(),
            f"{kind[1]} {qual[1]} de {cause[1]} {proper}".replace("  ", " "),
            f"{kind[2]} {qual[2]} des {cause[2]} {proper}".replace("  ", " "),
        )
    if pattern == 2:
        return (f"{proper}", f"{proper}", f"{proper}")
    if pattern == 3:
        return (
            f"{proper} {cause[0]} {kind[0]} {place}",
            f"{kind[1]} {proper} de {cause[1]} {place}",
            f"{kind[2]} {proper} des {cause[2]} {place}",
        )
    return (
        f"{proper} {proper[::-1].capitalize()}",
        f"{proper} {proper[::-1].capitalize()}",
        f"{proper} {proper[::-1].capitalize()}",
    )
