"""Cross-language table of common words in organisation names, mapped to one English form.

A general dictionary (es, fr, de, it, pt, nl, latin) of the vocabulary civil-society
organisations use for themselves; it lets "Instituto para el Desarrollo y la Paz"
and "Institute for Development and Peace" compare word for word. All entries are folded
(lower case, no accents). It lists words, never organisations.
"""

from __future__ import annotations

_TABLE = """
human rights: derechos humanos, droits humains, droits de l homme, droits de lhomme,
  menschenrechte, diritti umani, direitos humanos, mensenrechten, ddhh
civil society: sociedad civil, societe civile, zivilgesellschaft, societa civile
without borders: sin fronteras, sans frontieres, ohne grenzen, senza frontiere,
  sem fronteiras, zonder grenzen
international: internacional, internationale, internationales, internationaux,
  internazionale, internationalis, internacionales, internazionali, internationaal
national: nacional, nationale, nazionale, nationaal, nacionales, nazionali
rights: derechos, droits, rechte, diritti, direitos, rechten
law: derecho, droit, recht, diritto, direito
council: consejo, conseil, rat, consiglio, conselho, raad
federation: federacion, federazione, federacao, foderation
network: red, reseau, netzwerk, rete, rede, netwerk
center: centre, centro, zentrum, centrum
association: asociacion, associacao, associazione, verein, vereniging, associacio,
  forderverein
foundation: fundacion, fondation, stiftung, fondazione, fundacao, stichting
institute: instituto, institut, istituto, instituut
committee: comite, comitato, komitee, comitee
commission: comision, kommission, commissione, comissao, commissie
coalition: coalicion, coalizione, coligacao, koalition
alliance: alianza, allianz, alleanza, alianca
league: liga, ligue, lega
movement: movimiento, mouvement, bewegung, movimento, beweging
service: servicio, servizio, servico, dienst
office: oficina, bureau, ufficio
forum: foro
observatory: observatorio, observatoire, osservatorio
platform: plataforma, plateforme, plattform, piattaforma
collective: colectivo, collectif, kollektiv, collettivo, coletivo
society: sociedad, societe, gesellschaft, societa, sociedade
world: mundo, monde, welt, mondo, wereld, mundial, mondiale, mondial, weltweit
european: europeo, europea, europeen, europeenne, europaische, europaischer, europees
people: pueblos, peuples, volker, popoli, povos, pueblo, peuple, popolo, povo
women: mujeres, femmes, frauen, donne, mulheres, vrouwen
children: ninos, ninas, ninez, infancia, enfants, enfance, kinder, bambini, criancas,
  kinderen, infanzia
youth: juventud, jeunesse, jugend, giovani, juventude, jeugd
migrants: migrantes, migranten, migranti
migrant: migrante
migration: migracion, migrations, migrazione, migracao, migraciones
refugees: refugiados, refugies, fluchtlinge, rifugiati, vluchtelingen
refugee: refugiado, refugie, fluchtling, rifugiato, vluchteling
asylum: asilo, asile, asyl
immigrants: inmigrantes, immigres, immigrati, imigrantes, immigranten
workers: trabajadores, travailleurs, arbeiter, lavoratori, trabalhadores
lawyers: abogados, avocats, anwalte, rechtsanwalte, avvocati, advogados, advocaten
doctors: medicos, medecins, arzte, medici
health: salud, sante, gesundheit, salute, saude, gezondheid
justice: justicia, gerechtigkeit, giustizia, justica, justitia, gerechtigheid
peace: paz, paix, frieden, pace, pax, vrede
development: desarrollo, developpement, entwicklung, sviluppo, desenvolvimento,
  ontwikkeling
solidarity: solidaridad, solidarite, solidaritat, solidarieta, solidariedade, solidariteit
democracy: democracia, democratie, demokratie, democrazia
freedom: libertad, liberte, freiheit, liberta, liberdade, vrijheid
defenders: defensores, defenseurs, verteidiger, difensori, defensoras
defense: defensa, verteidigung, difesa, defesa, defence
torture: tortura, folter, marteling
prevention: prevencion, pravention, prevenzione, prevencao, preventie
against: contra, contre, gegen, contro, tegen
without: sin, sans, ohne, senza, sem, zonder
borders: fronteras, frontieres, grenzen, frontiere, fronteiras
border: frontera, frontiere, grenze, fronteira, grens
action: accion, aktion, azione, acao, actie
aid: ayuda, aide, hilfe, aiuto, ajuda, hulp
social: sociale, sozial, sociais, sociales, sociaux
education: educacion, bildung, educazione, educacao, onderwijs
environment: medio ambiente, environnement, umwelt, ambiente, milieu
community: comunidad, communaute, gemeinschaft, comunita, comunidade, gemeenschap
hunger: hambre, faim, fame, fome, honger
poverty: pobreza, pauvrete, armut, poverta
protection: proteccion, schutz, protezione, protecao, bescherming
studies: estudios, etudes, studien, studi, estudos
research: investigacion, recherche, forschung, ricerca, pesquisa, onderzoek
analysis: analisis, analyse, analisi, analise
independent: independiente, independant, unabhangig, indipendente, independente
house: casa, maison, haus, huis
church: iglesia, eglise, kirche, chiesa, igreja, kerk
catholic: catolica, catolico, catholique, katholisch, katholische, cattolica, catolicos
jesuit: jesuita, jesuite, jesuiten, gesuiti, jesuitas
indigenous: indigena, indigenas, autochtones, indigenes, indigeni
labor: trabajo, travail, arbeit, lavoro, trabalho, arbeid, labour
friends: amigos, amis, freunde, amici, vrienden
volunteers: voluntarios, benevoles, freiwillige, volontari
agency: agencia, agence, agentur, agenzia, hilfswerk
program: programa, programme, programm, programma
project: proyecto, projet, projekt, progetto, projeto
initiative: iniciativa, iniziativa
coordination: coordinacion, koordination, coordinamento, coordenacao, coordinadora,
  coordinamento
cooperation: cooperacion, kooperation, cooperazione, cooperacao
group: grupo, groupe, gruppe, gruppo, groep
equality: igualdad, egalite, gleichstellung, uguaglianza, igualdade
dignity: dignidad, dignite, wurde, dignita, dignidade
victims: victimas, victimes, opfer, vittime, vitimas
journalists: periodistas, journalistes, journalisten, giornalisti, jornalistas
press: prensa, presse, stampa, imprensa
transparency: transparencia, transparence, transparenz, trasparenza
citizens: ciudadanos, citoyens, burger, cittadini, cidadaos
organization: organizacion, organisation, organizzazione, organizacao, organisatie
organizations: organizaciones, organisations, organizzazioni, organizacoes, organismos
amnesty: amnistia, amnistie, amnestie
relief: socorro, secours, soccorso
earth: tierra, terre, erde, terra, aarde
ecumenical: ecumenico, ecumenica, oecumenique, ecumenique, okumenisch, okumenische
episcopal: episcopale, episcopales, episcopali, bischoflich, bischofliche,
  bischofliches, bischoflicher, episcopalian
section: seccion, sezione, secao, sektion, sectie
chapter: capitulo, chapitre, kapitel, capitolo
campaign: campana, campagne, kampagne, campagna, campanha
lutheran: luterana, luterano, lutherienne, lutherien, lutherische, lutherischer
reproductive: reproductivos, reproductivas, reproductifs, reproductive, reproduktive,
  riproduttivi, reprodutivos
sexual: sexuales, sexuels, sexuelles, sexuelle, sessuali, sexuais
civil: civiles, civils, civile, civis
liberties: libertades, libertes, liberdades
trade union: sindical, sindicales, syndicale, syndical, syndicales, sindicato, syndicat,
  gewerkschaft, sindacato, sindacale, sindicatos, syndicats, gewerkschaften, vakbond
confederation: confederacion, konfoderation, confederazione, confederacao
public: publico, publica, publicos, publicas, publique, publics, publiques, offentlich,
  offentliche, pubblico, pubblici
digital: digitales, numerique, numeriques, digitale, digitali, digitais
environmental: ambiental, ambientales, environnemental, environnementale, ambientale
food: alimentacion, alimentation, alimentos, ernahrung, alimentazione, alimentacao
general: generale, geral, allgemeine, allgemeiner
union: unione, uniao, unie
african: africana, africano, africanas, africanos, africain, africaine, afrikanisch
arab: arabe, arabes, arabisch, arabo, arabi
"""

#: Region words: like country names, they mark a chapter or section ("X Europe").
REGIONS: dict[tuple[str, ...], str] = {
    tuple(k.split()): v
    for v, keys in {
        "europe": "europe, europa",
        "latin america": "latin america, america latina, amerique latine, lateinamerika,"
        " latinoamerica, america latina e caribe",
        "central america": "central america, centroamerica, america central,"
        " amerique centrale, mittelamerika",
        "middle east": "middle east, medio oriente, moyen orient, naher osten, oriente medio",
        "mediterranean": "mediterranean, mediterraneo, mediterranee, mittelmeer",
        "africa": "africa, afrique, afrika",
        "asia": "asia, asie, asien, azie",
        "americas": "americas, ameriques, amerika",
        "pacific": "pacific, pacifico, pacifique, pazifik",
        "caribbean": "caribbean, caribe, caraibes, karibik",
        "balkans": "balkans, balcanes, balkan",
    }.items()
    for k in keys.split(",")
}


def _parse(table: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Parse ``english: variant, variant`` lines (continued by indentation) into a map."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for entry in table.replace("\n  ", " ").strip().split("\n"):
        english, variants = entry.split(":", 1)
        target = tuple(english.split())
        out[target] = target
        for variant in variants.split(","):
            if variant.strip():
                out[tuple(variant.split())] = target
    return out


#: Phrase (tuple of folded words) -> English phrase.
PHRASES: dict[tuple[str, ...], tuple[str, ...]] = _parse(_TABLE)
#: Longest phrase length, for greedy matching.
MAX_PHRASE = max(len(k) for k in PHRASES)
