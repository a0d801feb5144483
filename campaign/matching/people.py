"""Tables for telling people and sentences from organisations (general, not per list)."""

from __future__ import annotations

from .tables import _words

#: Titles that open a person's name.
HONORIFICS = _words(
    """
    mr mrs ms miss mx dr prof professor rev revd reverend fr father sr sister br brother
    sra srta don dona dr mme mlle m herr frau hr fr dott dottssa sig sigra ing lic
    sir dame lord lady hon rabbi imam pastor bishop
    """
)

#: Common given names across languages (a sample large enough for a heuristic).
GIVEN_NAMES = _words(
    """
    aaron abdul abdullah adam adriana ahmed aisha alberto alejandra alejandro alex alexander
    alexandra ali alice alicia amanda amina ana andrea andreas andres andrew angela anna anne
    antonio ana anton barbara beatriz ben benjamin bernard brian bruno camila carla carlos
    carmen caroline catherine charles charlotte chris christian christine christopher claire
    claudia daniel daniela david diana diego dimitri dominique eduardo elena elizabeth emily
    emma emmanuel eric erik esther eva fatima felipe fernando florence francesca francesco
    francisco francois frank gabriel gabriela george giovanni giuseppe grace guillaume hans
    hassan helen helena henry hugo ibrahim ines isabel isabella jacques james jan jane javier
    jean jennifer jessica joao johan johanna john jorge jose josef joseph juan julia julian
    julie karen karim katarina kate katharina laura lucas lucia luis luisa luca lukas magdalena
    manuel marco marcos margaret maria mariana marie mario mark marta martin mary matthew
    michael michel miguel mohamed mohammed muhammad monica nadia natalia nicolas nina olga
    omar oscar pablo paolo patricia patrick paul paula pedro peter philippe pierre rachel
    rafael raul ricardo richard robert roberto rosa ruth sam samuel sandra sara sarah sebastian
    sergio simon sofia sophie stefan stephanie susan thomas tom valentina victor victoria
    william yusuf zainab fatou aminata moussa kwame kofi ngozi chinedu oluwaseun priya rahul
    anil sunita wei li ming hiroshi yuki sung min-jun olena oleksandr ivan sergei natasha
    """
)

#: Words that show a sentence typed into the name field.
PRONOUNS = _words(
    "i we my our us me je nous notre nos mon ma moi yo nosotros nosotras nuestra nuestro mi"
    " ich wir unser unsere mein eu nos nossa nosso io noi"
)
SIGN_VERBS = _words(
    """
    sign signs signed signing support supports supported endorse endorses endorsing agree
    agrees join joining behalf please thanks thank firmo firmamos apoyamos apoyo adherimos
    signe signons soutenons soutiens unterschreibe unterstutzen unterzeichnen assino apoiamos
    aderimos firmiamo sosteniamo
    """
)
