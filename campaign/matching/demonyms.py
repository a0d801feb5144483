"""Nationality adjectives ("venezolano", "mexicaine", "kenyan") and parts of countries.

A general language table, like the country names it extends: a nationality word inside a
name marks the same thing as the country's name ("Foro Cívico Venezolano" is the
Venezuelan one), so both become the country's ``@CODE`` token. Words that also name a
continent, a people or a religious order ("american", "indian", "dominican") and
ambiguous ones ("congolese", "guinean", "korean") are left out on purpose.

Parts of a country ("Scotland", "Wales") are geography of their own inside a name:
"Friends of the River Scotland" is not the UK-wide "Friends of the River UK".
"""

from __future__ import annotations

from functools import cache

from .countries import name_table
from .text import words

# One line per country: base forms (masculine singular, folded); inflections are derived.
_TABLE = """
AF: afghan, afgano, afghane, afghanisch
AL: albanian, albanes, albanais, albanisch, albanese
DZ: algerian, argelino, algerien, algerisch, algerino
AO: angolan, angolano, angolais
AR: argentinian, argentine, argentino, argentin, argentinisch
AM: armenian, armenio, armenien, armenisch, armeno
AU: australian, australiano, australien, australisch
AT: austrian, austriaco, autrichien, osterreichisch
AZ: azerbaijani, azerbaiyano, azerbaidjanais
BD: bangladeshi, bangladesi, bangladais
BY: belarusian, bielorruso, bielorusse, belarussisch
BE: belgian, belga, belge, belgisch
BJ: beninese, beninois
BO: bolivian, boliviano, bolivien, bolivianisch
BA: bosnian, bosnio, bosniaque, bosnisch
BR: brazilian, brasileno, brasileiro, bresilien, brasilianisch, brasiliano
BG: bulgarian, bulgaro, bulgare, bulgarisch
BF: burkinabe
BI: burundian, burundes, burundais
KH: cambodian, camboyano, cambodgien, kambodschanisch, cambogiano
CM: cameroonian, camerunes, camerounais, kamerunisch
CA: canadian, canadiense, canadien, kanadisch, canadese
TD: chadian, chadiano, tchadien
CL: chilean, chileno, chilien, chilenisch, cileno
CN: chinese, chino, chinois, chinesisch, cinese
CO: colombian, colombiano, colombien, kolumbianisch
CR: costa rican, costarricense, costaricien
HR: croatian, croata, croate, kroatisch
CU: cuban, cubano, cubain, kubanisch
CY: cypriot, chipriota, chypriote, zyprisch, cipriota
CZ: czech, checo, tcheque, tschechisch
DK: danish, danes, danois, danisch, danese
EC: ecuadorian, ecuatoriano, equatorien, ecuadorianisch, ecuadoriano, equatoriano
EG: egyptian, egipcio, egyptien, agyptisch, egiziano
SV: salvadoran, salvadoreno, salvadorien
ER: eritrean, eritreo, erythreen
EE: estonian, estonio, estonien, estnisch, estone
ET: ethiopian, etiope, ethiopien, athiopisch
FJ: fijian, fiyiano, fidjien
FI: finnish, finlandes, finlandais, finnisch, finlandese
FR: french, frances, francais, franzosisch, francese
GA: gabonese, gabones, gabonais
GM: gambian, gambiano, gambien
DE: german, aleman, allemand, deutsch, tedesco, alemao
GH: ghanaian, ghanes, ghaneen, ghanaisch
GR: greek, griego, grec, griechisch, greco, grego
GT: guatemalan, guatemalteco, guatemalteque
HT: haitian, haitiano, haitien
HN: honduran, hondureno, hondurien
HU: hungarian, hungaro, hongrois, ungarisch, ungherese
IS: icelandic, islandes, islandais, islandisch
ID: indonesian, indonesio, indonesien, indonesisch, indonesiano
IR: iranian, irani, iranien, iranisch, iraniano
IQ: iraqi, iraqui, irakien, irakisch, iracheno
IE: irish, irlandes, irlandais, irisch, irlandese
IL: israeli, israeli, israelien, israelisch, israeliano
IT: italian, italiano, italien, italienisch
CI: ivorian, ivoirien, marfileno
JM: jamaican, jamaicano, jamaicain
JP: japanese, japones, japonais, japanisch, giapponese
JO: jordanian, jordano, jordanien, jordanisch, giordano
KZ: kazakh, kazajo, kazakhstanais
KE: kenyan, keniano, keniata, kenyan, kenianisch
KG: kyrgyz, kirguis, kirghize
LB: lebanese, libanes, libanais, libanesisch, libanese
LR: liberian, liberiano, liberien
LY: libyan, libio, libyen, libysch, libico
LT: lithuanian, lituano, lituanien, litauisch
MG: malagasy, malgache
MW: malawian, malawiano, malawite
MY: malaysian, malasio, malaisien, malaysisch
ML: malian, maliense, malien
MR: mauritanian, mauritano, mauritanien
MX: mexican, mexicano, mexicain, mexikanisch, messicano
MD: moldovan, moldavo, moldave
MN: mongolian, mongol, mongolisch
ME: montenegrin, montenegrino, montenegrin
MA: moroccan, marroqui, marocain, marokkanisch, marocchino
MZ: mozambican, mozambiqueno, mozambicain, mocambicano
MM: burmese, birmano, birman
NA: namibian, namibio, namibien
NP: nepali, nepalese, nepali, nepalais
NL: dutch, neerlandes, neerlandais, niederlandisch, olandese, holandes
NZ: new zealander, neozelandes, neo zelandais
NI: nicaraguan, nicaraguense, nicaraguayen
NE: nigerien, nigerino
NG: nigerian, nigeriano, nigerian, nigerianisch
NO: norwegian, noruego, norvegien, norwegisch, norvegese
PK: pakistani, paquistani, pakistanais, pakistanisch
PS: palestinian, palestino, palestinien, palastinensisch, palestinese
PA: panamanian, panameno, panameen
PY: paraguayan, paraguayo, paraguayen
PE: peruvian, peruano, peruvien, peruanisch
PH: filipino, philippin, philippine, philippinisch
PL: polish, polaco, polonais, polnisch, polacco
PT: portuguese, portugues, portugais, portugiesisch, portoghese
PR: puerto rican, puertorriqueno, portoricain
RO: romanian, rumano, roumain, rumanisch, romeno
RU: russian, ruso, russe, russisch, russo
RW: rwandan, ruandes, rwandais, ruandisch
SA: saudi, saudita, saoudien
SN: senegalese, senegales, senegalais, senegalesisch
RS: serbian, serbio, serbe, serbisch
SL: sierra leonean, sierraleones
SK: slovak, eslovaco, slovaque, slowakisch
SI: slovenian, esloveno, slovene, slowenisch
SO: somali, somalien
ZA: south african, sudafricano, sud africain, sudafrikanisch, sul africano
SS: south sudanese, sursudanes, sud soudanais
ES: spanish, espanol, espagnol, spanisch, spagnolo, espanhol
LK: sri lankan, ceilandes, srilankais
SD: sudanese, sudanes, soudanais, sudanesisch
SE: swedish, sueco, suedois, schwedisch, svedese
CH: swiss, suizo, suisse, schweizer, schweizerisch, svizzero
SY: syrian, sirio, syrien, syrisch, siriano
TW: taiwanese, taiwanes, taiwanais
TJ: tajik, tayiko, tadjik
TZ: tanzanian, tanzano, tanzanien, tansanisch
TH: thai, tailandes, thailandais, thailandisch
TG: togolese, togoles, togolais
TN: tunisian, tunecino, tunisien, tunesisch, tunisino
TR: turkish, turco, turc, turkisch
UG: ugandan, ugandes, ougandais, ugandisch
UA: ukrainian, ucraniano, ukrainien, ukrainisch, ucraino
GB: british, britanico, britannique, britisch, britannico, britanique
US: estadounidense, etats unien, us amerikanisch
UY: uruguayan, uruguayo, uruguayen
UZ: uzbek, uzbeko, ouzbek
VE: venezuelan, venezolano, venezuelien, venezolanisch, venezuelano
VN: vietnamese, vietnamita, vietnamien, vietnamesisch
YE: yemeni, yemeni, yemenite, jemenitisch
ZM: zambian, zambiano, zambien
ZW: zimbabwean, zimbabuense, zimbabween
"""

#: Parts of a country: geography inside a name, but never the country itself.
SUBNATIONAL: dict[tuple[str, ...], str] = {
    tuple(k.split()): code
    for code, keys in {
        "GB-ENG": "england, inglaterra, angleterre",
        "GB-SCT": "scotland, scottish, escocia, ecosse, schottland, scozia",
        "GB-WLS": "wales, welsh, gales, pays de galles",
        "GB-NIR": "northern ireland, irlanda del norte, irlande du nord",
    }.items()
    for k in keys.split(",")
}

#: Endings of a base form and the endings of its other genders and numbers.
_INFLECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("isch", ("ische", "ischer", "isches", "ischen")),
    ("ain", ("aine", "ains", "aines")),
    ("ien", ("ienne", "iens", "iennes")),
    ("ais", ("aise", "aises")),
    ("ois", ("oise", "oises")),
    ("ense", ("enses",)),
    ("ese", ("esi", "eses")),
    ("es", ("esa", "eses", "esas")),
    ("o", ("a", "os", "as", "i")),
    ("an", ("ans",)),
    ("i", ("is", "ies")),
    ("a", ("as",)),
    ("e", ("es",)),
)


def _forms(base: str) -> list[str]:
    """A base form with its feminine and plural forms ("mexicano" -> "mexicana", ...)."""
    last = base.split()[-1]
    for end, others in _INFLECTIONS:
        if last.endswith(end):
            stem = base[: -len(end)]
            return [base] + [stem + other for other in others]
    return [base]


@cache
def demonym_table() -> dict[tuple[str, ...], str]:
    """Folded nationality word (as a word tuple) -> ISO alpha-2 code."""
    table: dict[tuple[str, ...], str] = {}
    countries = name_table()
    for line in _TABLE.strip().splitlines():
        code, bases = line.split(":", 1)
        for base in bases.split(","):
            for form in _forms(" ".join(words(base))):
                key = tuple(form.split())
                if key not in countries:  # "argentina", "philippines": the country itself
                    table.setdefault(key, code.strip())
    return table
