# ruff: noqa: E501
"""Build the held-out evaluation set (holdout.csv + holdout-truth.csv).

Written independently of the dev set: real civil-society organisations,
typed the way sign-on forms receive them.  Each line of ROWS is
``org-key | name | country | email | website``; rows are shuffled with a
fixed seed and numbered, so the output is reproducible.

    python tests/matching/data/build_holdout.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

ROWS = r"""
amnesty|Amnesty International|GB|press@amnesty.org|amnesty.org
amnesty|Amnistía Internacional|||www.amnesty.org
amnesty|Amnistie internationale||info@amnesty.org|
amnesty|AMNESTY INTERNATIONAL|||
amnesty_uk|Amnesty International UK|United Kingdom|sct@amnesty.org.uk|amnesty.org.uk
amnesty_uk|Amnesty International UK Section|GB||https://www.amnesty.org.uk
amnesty_fr|Amnesty International France (AIF)|France||amnesty.fr
amnesty_fr|AMNESTY INTERNATIONAL FRANCE|FR||
amnesty_mx|Amnistía Internacional México|MX||amnistia.org.mx
amnesty_mx|Amnistia Internacional Mexico|Mexico|contacto@amnistia.org.mx|
amnesty_usa|Amnesty International USA|US||amnestyusa.org
hrw|Human Rights Watch|US|hrwpress@hrw.org|hrw.org
hrw|HRW|||hrw.org
hrw|Human Rights Watch (HRW)|United States||
hrw|Human Rights Wacth|USA|kmartin@hrw.org|
hrw|Human Rights Watch|||
hrf|Human Rights First|US||humanrightsfirst.org
hrwf|Human Rights Without Frontiers International|BE||hrwf.eu
fidh|FIDH|France||fidh.org
fidh|Fédération internationale pour les droits humains|FR||
fidh|International Federation for Human Rights (FIDH)|||
fidh|Federación Internacional por los Derechos Humanos - FIDH||aperez@fidh.org|
omct|World Organisation Against Torture (OMCT)|Switzerland||omct.org
omct|OMCT - Organisation mondiale contre la torture|CH||
omct|OMCT||omct@omct.org|
icj|International Commission of Jurists|CH||icj.org
icj|ICJ|Switzerland|info@icj.org|
icj|Commission internationale de juristes|Suisse||
icj_kenya|ICJ Kenya|Kenya|info@icj-kenya.org|
icj_kenya|Kenyan Section of the International Commission of Jurists|KE||icj-kenya.org
article19|ARTICLE 19|GB|info@article19.org|
article19|Article 19: Global Campaign for Free Expression|United Kingdom||article19.org
article19_mx|ARTICLE 19 Oficina para México y Centroamérica|MX||articulo19.org
article19_mx|Artículo 19 México|México|comunicacion@articulo19.org|
rsf|Reporters Without Borders (RSF)|FR||rsf.org
rsf|Reporters sans frontières|France||rsf.org
rsf|RSF|||
cpj|Committee to Protect Journalists|US||cpj.org
cpj|CPJ|USA|info@cpj.org|
ifj|International Federation of Journalists|BE|ifj@ifj.org|
ifj|Fédération Internationale des Journalistes (FIJ)|Belgium||
ifj|IFJ|||ifj.org
pen_intl|PEN International|UK||pen-international.org
pen_intl|Pen International|||
pen_america|PEN America|US||pen.org
frontline|Front Line Defenders|Ireland|info@frontlinedefenders.org|
frontline|Frontline Defenders|IE||
frontline|FRONT LINE DEFENDERS|||frontlinedefenders.org
cels|Centro de Estudios Legales y Sociales (CELS)|Argentina||cels.org.ar
cels|CELS|AR||www.cels.org.ar
cels|Centro de Estudios Legales y Sociales||cels.prensa@gmail.com|
cejil|CEJIL|Costa Rica||
cejil|Center for Justice and International Law|US||cejil.org
cejil|Centro por la Justicia y el Derecho Internacional (CEJIL)|||
prodh|Centro de Derechos Humanos Miguel Agustín Pro Juárez (Centro Prodh)|México||centroprodh.org.mx
prodh|Centro Prodh|MX||
prodh|Centro de Derechos Humanos Miguel Agustin Pro Juarez, A.C.|Mexico||
tlachinollan|Centro de Derechos Humanos de la Montaña Tlachinollan|Mexico||tlachinollan.org
tlachinollan|Tlachinollan|MX||
frayba|Centro de Derechos Humanos Fray Bartolomé de Las Casas|MX||frayba.org.mx
frayba|Frayba|||frayba.org.mx
dejusticia|Dejusticia|Colombia||dejusticia.org
dejusticia|Centro de Estudios de Derecho, Justicia y Sociedad (Dejusticia)|CO||
conectas|Conectas Direitos Humanos|Brazil||conectas.org
conectas|Conectas Human Rights|BR||conectas.org
conectas|CONECTAS|||
jglobal|Justiça Global|Brasil||global.org.br
jglobal|Justica Global|BR||
wola|Washington Office on Latin America (WOLA)|US||wola.org
wola|WOLA|||
wola|Oficina en Washington para Asuntos Latinoamericanos|||wola.org
lawg|Latin America Working Group|US||lawg.org
ccr|Center for Constitutional Rights|US||ccrjustice.org
ccr|Center for Constitutional Rights (CCR)|||
crr|Center for Reproductive Rights|US||reproductiverights.org
crr|Centro de Derechos Reproductivos|||reproductiverights.org
aclu|American Civil Liberties Union|US||aclu.org
aclu|ACLU|||
aclu|The American Civil Liberties Union (ACLU)|USA|media@aclu.org|
aclu_nc|ACLU of Northern California|US||aclunc.org
phr|Physicians for Human Rights|US||phr.org
phr|PHR|||phr.org
phr_il|Physicians for Human Rights - Israel|IL||phr.org.il
phr_il|Physicians for Human Rights Israel|Israel|mail@phr.org.il|
khrc|Kenya Human Rights Commission|KE||khrc.or.ke
khrc|KHRC|Kenya||
khrc|Kenya Human Rights Commission (KHRC)|||
lrc|Legal Resources Centre|South Africa||lrc.org.za
lrc|LRC|ZA||
section27|SECTION27|ZA||
section27|Section 27|South Africa||
lhr|Lawyers for Human Rights|South Africa||lhr.org.za
lhr|Lawyers for Human Rights (LHR)|ZA||
zlhr|Zimbabwe Lawyers for Human Rights|Zimbabwe||zlhr.org.zw
zlhr|ZLHR|ZW||
raddho|Rencontre Africaine pour la Défense des Droits de l'Homme (RADDHO)|Sénégal||
raddho|RADDHO|SN||
amdh_ml|Association Malienne des Droits de l'Homme (AMDH)|Mali||
amdh_ml|AMDH|ML||
amdh_ma|Association Marocaine des Droits Humains|Maroc||amdh.org.ma
amdh_ma|AMDH|Morocco||amdh.org.ma
ltdh|Ligue Tunisienne pour la Défense des Droits de l'Homme (LTDH)|Tunisia||
ltdh|LTDH|TN||
ldh_fr|Ligue des droits de l'Homme|France||ldh-france.org
ldh_fr|LDH|FR||ldh-france.org
ldh_fr|LIGUE DES DROITS DE L'HOMME|||
ldh_be|Ligue des droits humains|Belgique||liguedh.be
cihrs|Cairo Institute for Human Rights Studies (CIHRS)|Egypt||cihrs.org
cihrs|CIHRS|||
cihrs|Cairo Institute for Human Rights Studies||cihrs.info@gmail.com|
eipr|Egyptian Initiative for Personal Rights|EG||eipr.org
eipr|EIPR|||
eipr|Egyptian Initiative for Personal Rights (EIPR)|Egypt||
alhaq|Al-Haq|Palestine||alhaq.org
alhaq|Al Haq|PS||
alhaq|AL-HAQ, Law in the Service of Man|||alhaq.org
btselem|B'Tselem|Israel||btselem.org
btselem|B’Tselem – The Israeli Information Center for Human Rights in the Occupied Territories|IL||
adalah|Adalah – The Legal Center for Arab Minority Rights in Israel|IL||adalah.org
adalah|Adalah|Israel||
adalah_jp|Adalah Justice Project|US||adalahjusticeproject.org
gchr|Gulf Centre for Human Rights (GCHR)|Lebanon||gc4hr.org
gchr|GCHR|||
hrcp|Human Rights Commission of Pakistan|Pakistan||hrcp-web.org
hrcp|HRCP|PK||
forumasia|FORUM-ASIA|Thailand||forum-asia.org
forumasia|Asian Forum for Human Rights and Development (FORUM-ASIA)|||
forumasia|Forum Asia|TH||
odhikar|Odhikar|Bangladesh||
odhikar|ODHIKAR|BD||
ask|Ain o Salish Kendra (ASK)|Bangladesh||askbd.org
ask|Ain-O-Salish Kendra|BD||
pucl|People's Union for Civil Liberties (PUCL)|India||
pucl|PUCL|IN||
pucl|Peoples Union for Civil Liberties|||
chri|Commonwealth Human Rights Initiative|India||humanrightsinitiative.org
chri|CHRI|||
kontras|KontraS|Indonesia||
kontras|Komisi untuk Orang Hilang dan Korban Tindak Kekerasan (KontraS)|ID||kontras.org
kontras|Commission for the Disappeared and Victims of Violence (KontraS)|||
suaram|SUARAM|Malaysia||
suaram|Suara Rakyat Malaysia (SUARAM)|MY||suaram.net
karapatan|Karapatan Alliance Philippines|PH||
karapatan|KARAPATAN|Philippines||
licadho|LICADHO|Cambodia||
licadho|Cambodian League for the Promotion and Defense of Human Rights (LICADHO)|KH||licadho-cambodia.org
adhoc|ADHOC|KH||
adhoc|Cambodian Human Rights and Development Association (ADHOC)|Cambodia||
fwrm|Fiji Women's Rights Movement|Fiji||fwrm.org.fj
fwrm|FWRM|FJ||
fwrm|Fiji Womens Rights Movement|||
fwcc|Fiji Women's Crisis Centre|FJ||fijiwomen.com
pcc|Pacific Conference of Churches|Fiji||pcc.org.fj
pcc|PCC|FJ||
dawn|DAWN - Development Alternatives with Women for a New Era|Fiji||dawnnet.org
dawn|Development Alternatives with Women for a New Era (DAWN)|||
piango|Pacific Islands Association of NGOs (PIANGO)|Fiji||
piango|PIANGO|FJ||
pacific350|350 Pacific|Fiji||
org350|350.org|||350.org
org350|350.ORG|US||
gp_intl|Greenpeace International|Netherlands||greenpeace.org
gp_intl|GREENPEACE INTERNATIONAL|NL||
gp_es|Greenpeace España|ES||es.greenpeace.org
gp_es|Greenpeace Espana|Spain||
gp_br|Greenpeace Brasil|BR||
foei|Friends of the Earth International|NL||foei.org
foei|FoEI|||foei.org
foei|Amigos de la Tierra Internacional|||
foe_ewni|Friends of the Earth England, Wales and Northern Ireland|UK||friendsoftheearth.uk
foe_us|Friends of the Earth U.S.|USA||foe.org
foe_us|Friends of the Earth US|US||
adlt_es|Amigos de la Tierra España|ES||
adlt_fr|Les Amis de la Terre France|FR||amisdelaterre.org
adlt_fr|Amis de la Terre|France||
bund|BUND - Friends of the Earth Germany|DE||bund.net
bund|Bund für Umwelt und Naturschutz Deutschland (BUND)|Germany||
walhi|WALHI|Indonesia||
walhi|Wahana Lingkungan Hidup Indonesia (WALHI)|ID||walhi.or.id
wwf|WWF International|Switzerland||
wwf|WWF-International|||
wwf_uk|WWF-UK|GB||wwf.org.uk
ciel|Center for International Environmental Law (CIEL)|US||ciel.org
ciel|CIEL|||
ciel|Centre for International Environmental Law|||ciel.org
clientearth|ClientEarth|UK||clientearth.org
clientearth|Client Earth|||
can_intl|Climate Action Network International|DE||climatenetwork.org
can_intl|CAN International|||
can_eu|Climate Action Network Europe|BE||caneurope.org
can_eu|CAN Europe|||
gw|Global Witness|UK||globalwitness.org
gw|GLOBAL WITNESS|||
bhrrc|Business & Human Rights Resource Centre|UK||business-humanrights.org
bhrrc|Business and Human Rights Resource Centre|||
bhrrc|BHRRC|||business-humanrights.org
somo|SOMO|Netherlands||
somo|Centre for Research on Multinational Corporations (SOMO)|NL||somo.nl
fian|FIAN International|DE||fian.org
fian|FIAN|||fian.org
lvc|La Via Campesina|||viacampesina.org
lvc|La Vía Campesina|||
lvc|Via Campesina|||
grain|GRAIN|ES||grain.org
grain|Grain|||
oxfam|Oxfam International|KE||oxfam.org
oxfam|OXFAM INTERNATIONAL|||
oxfam_im|Oxfam Intermón|Spain||oxfamintermon.org
oxfam_im|Oxfam Intermon|ES||
oxfam_gb|Oxfam GB|UK||oxfam.org.uk
oxfam_novib|Oxfam Novib|NL||
sci|Save the Children International|UK||savethechildren.net
sci|Save the Children International (SCI)|||
sc_it|Save the Children Italia|Italy||savethechildren.it
sc_it|Save the Children Italy|IT||
sc_uk|Save the Children UK|GB||savethechildren.org.uk
msf|Médecins Sans Frontières International|CH||msf.org
msf|MSF International|Switzerland||
msf|Medecins Sans Frontieres International|||
nrc|Norwegian Refugee Council|Norway||nrc.no
nrc|NRC|NO||
nrc|Norwegian Refugee Council (NRC)|||
nrc|Flyktninghjelpen|Norway||nrc.no
rc_uk|Refugee Council|United Kingdom||refugeecouncil.org.uk
rc_uk|The Refugee Council|UK||
rc_au|Refugee Council of Australia|Australia||refugeecouncil.org.au
rc_au|RCOA|AU||
rc_sc|Scottish Refugee Council|UK||scottishrefugeecouncil.org.uk
drc|Danish Refugee Council|Denmark||drc.ngo
drc|DRC|DK||
irc|International Rescue Committee|US||rescue.org
irc|IRC|||rescue.org
irc|International Rescue Committee (IRC)|||
jrs|Jesuit Refugee Service|Italy||jrs.net
jrs|JRS|||
jrs|Servicio Jesuita a Refugiados|||jrs.net
jrs|Service Jésuite des Réfugiés|||
sjm_mx|Servicio Jesuita a Migrantes México|MX||
picum|PICUM|Belgium||
picum|Platform for International Cooperation on Undocumented Migrants (PICUM)|BE||picum.org
ecre|European Council on Refugees and Exiles (ECRE)|BE||ecre.org
ecre|ECRE|||
proasyl|PRO ASYL|Germany||proasyl.de
proasyl|Pro Asyl e.V.|DE||
proasyl|Förderverein PRO ASYL e.V.|||
cimade|La Cimade|France||lacimade.org
cimade|Cimade|FR||
gisti|Gisti|France||
gisti|GISTI - Groupe d'information et de soutien des immigré·es|FR||gisti.org
cear|Comisión Española de Ayuda al Refugiado (CEAR)|España||cear.es
cear|CEAR|ES||
sinfronteras|Sin Fronteras IAP|México||
sinfronteras|Sin Fronteras, I.A.P.|MX||sinfronteras.org.mx
imumi|Instituto para las Mujeres en la Migración (IMUMI)|MX||imumi.org
imumi|IMUMI, A.C.|||
fm4|FM4 Paso Libre|MX||
fm4|FM4 Paso Libre|||
asylumaccess|Asylum Access|US||asylumaccess.org
aa_mx|Asylum Access México (AAMX)|MX||
hias|HIAS|US||hias.org
hias|Hebrew Immigrant Aid Society (HIAS)|||
wrc|Women's Refugee Commission|US||womensrefugeecommission.org
wrc|Womens Refugee Commission|||
kind|Kids in Need of Defense (KIND)|US||supportkind.org
kind|KIND|||
icva|ICVA|Switzerland||
icva|International Council of Voluntary Agencies|||icvanetwork.org
caritas|Caritas Internationalis|VA||caritas.org
caritas|Caritas Internationalis|||
caritas_mx|Cáritas Mexicana IAP|México||
caritas_mx|Caritas Mexico|MX||
caritas_eu|Caritas Europa|BE||
cafod|CAFOD|UK||cafod.org.uk
cafod|Catholic Agency for Overseas Development (CAFOD)|||
christianaid|Christian Aid|UK||christianaid.org.uk
christianaid|CHRISTIAN AID|||
crs|Catholic Relief Services|USA||crs.org
crs|CRS|||
act|ACT Alliance|CH||actalliance.org
act|Action by Churches Together (ACT) Alliance|||
wcc|World Council of Churches|Switzerland||oikoumene.org
wcc|WCC|||
wcc|Conseil œcuménique des Églises|||oikoumene.org
lwf|Lutheran World Federation|CH||
lwf|The Lutheran World Federation|||lutheranworld.org
lwf|Fédération luthérienne mondiale|||
irw|Islamic Relief Worldwide|UK||islamic-relief.org
irw|ISLAMIC RELIEF WORLDWIDE|||
irusa|Islamic Relief USA|US||irusa.org
quno|Quaker United Nations Office|CH||quno.org
quno|QUNO|||
afsc|American Friends Service Committee|US||afsc.org
afsc|AFSC|||
paxchristi|Pax Christi International|Belgium||paxchristi.net
paxchristi|Pax Christi Int'l|||
fi|Franciscans International|CH||
fi|Franciscans International (FI)|||franciscansinternational.org
tuc|Trades Union Congress|UK||tuc.org.uk
tuc|TUC|||
ituc|International Trade Union Confederation (ITUC)|Belgium||ituc-csi.org
ituc|ITUC|||
ituc|Confédération syndicale internationale (CSI)|||ituc-csi.org
ituc|Confederación Sindical Internacional|||
etuc|European Trade Union Confederation|BE||etuc.org
etuc|ETUC|||
cgt_fr|Confédération générale du travail (CGT)|France||cgt.fr
cgt_fr|CGT|FR||
cgt_ar|Confederación General del Trabajo de la República Argentina|Argentina||
cgt_ar|CGT|AR||
cut|Central Única dos Trabalhadores (CUT)|Brazil||cut.org.br
cut|CUT Brasil|BR||
cosatu|COSATU|South Africa||cosatu.org.za
cosatu|Congress of South African Trade Unions|||
industriall|IndustriALL Global Union|CH||industriall-union.org
industriall|IndustriALL|||
psi|Public Services International|France||world-psi.org
psi|PSI|||
psi|Internationale des Services Publics (ISP)|||world-psi.org
ei|Education International|BE||
ei|Internationale de l'Éducation|||
ei|Education International (EI)|||ei-ie.org
aflcio|AFL-CIO|US||aflcio.org
aflcio|American Federation of Labor and Congress of Industrial Organizations|||
aflcio|AFL CIO|||
ugtt|Union Générale Tunisienne du Travail (UGTT)|Tunisie||
ugtt|UGTT|TN||
equalitynow|Equality Now|US||equalitynow.org
equalitynow|EQUALITY NOW|||
awid|AWID|||awid.org
awid|Association for Women's Rights in Development|||
awid|Association for Womens Rights in Development (AWID)|||
wilpf|Women's International League for Peace and Freedom (WILPF)|CH||wilpf.org
wilpf|WILPF|||
wilpf|Ligue internationale des femmes pour la paix et la liberté|||
madre|MADRE|US||madre.org
madre|Madre|||
uaf|Urgent Action Fund for Women's Human Rights|US||urgentactionfund.org
uaf|UAF|||urgentactionfund.org
uaf_africa|Urgent Action Fund-Africa|Kenya||uaf-africa.org
femnet|FEMNET|Kenya||
femnet|African Women's Development and Communication Network (FEMNET)|KE||femnet.org
apwld|Asia Pacific Forum on Women, Law and Development (APWLD)|Thailand||apwld.org
apwld|APWLD|||
cladem|CLADEM|Perú||
cladem|Comité de América Latina y el Caribe para la Defensa de los Derechos de las Mujeres (CLADEM)|PE||
cdd_mx|Católicas por el Derecho a Decidir|México||catolicas.org.mx
cdd_mx|Catolicas por el Derecho a Decidir, A.C.|MX||
cdd_ar|Católicas por el Derecho a Decidir Argentina|Argentina||
gire|Grupo de Información en Reproducción Elegida (GIRE)|MX||gire.org.mx
gire|GIRE|||
ilga|ILGA World|CH||ilga.org
ilga|ILGA World - The International Lesbian, Gay, Bisexual, Trans and Intersex Association|||
ilga_eu|ILGA-Europe|BE||ilga-europe.org
ilga_eu|ILGA Europe|||
outright|OutRight Action International|US||outrightinternational.org
outright|Outright International|||outrightinternational.org
coldiversa|Colombia Diversa|Colombia||colombiadiversa.org
coldiversa|COLOMBIA DIVERSA|||
galck|Gay and Lesbian Coalition of Kenya (GALCK+)|Kenya||
galck|GALCK|KE||
helem|Helem|Lebanon||
helem|HELEM|LB||
tgeu|Transgender Europe (TGEU)|Germany||tgeu.org
tgeu|TGEU|||
actionaid|ActionAid International|South Africa||actionaid.org
actionaid|Action Aid International|||
actionaid_uk|ActionAid UK|UK||actionaid.org.uk
care|CARE International|CH||care-international.org
care|Care International|||
plan|Plan International|UK||plan-international.org
plan|PLAN INTERNATIONAL|||
wvi|World Vision International|||wvi.org
wvi|World Vision Int.|||
eurodad|Eurodad|BE||eurodad.org
eurodad|European Network on Debt and Development (Eurodad)|||
tjn|Tax Justice Network|UK||taxjustice.net
tjn|TJN|||
tjna|Tax Justice Network Africa (TJNA)|Kenya||taxjusticeafrica.net
ti|Transparency International|Germany||transparency.org
ti|TRANSPARENCY INTERNATIONAL|||
ti_ke|Transparency International Kenya|KE||tikenya.org
misereor|MISEREOR|Germany||misereor.de
misereor|Bischöfliches Hilfswerk MISEREOR e.V.|DE||
bftw_de|Brot für die Welt|Germany||brot-fuer-die-welt.de
bftw_de|Brot fuer die Welt|DE||
bftw_us|Bread for the World|US||bread.org
medico|medico international|Germany||medico.de
medico|Medico International e.V.|||
cordaid|Cordaid|Netherlands||
cordaid|CORDAID|||
trocaire|Trócaire|Ireland||trocaire.org
trocaire|Trocaire|IE||
ccfd|CCFD-Terre Solidaire|France||ccfd-terresolidaire.org
ccfd|CCFD Terre Solidaire|||
ccfd|Comité Catholique contre la Faim et pour le Développement|||ccfd-terresolidaire.org
cncd|CNCD-11.11.11|Belgique||
cncd|CNCD 11.11.11|BE||cncd.be
b111111|11.11.11|Belgium||11.be
enda|ENDA Tiers Monde|Sénégal||
enda|Enda Tiers-Monde|SN||
asf|Avocats Sans Frontières|Belgique||asf.be
asf|ASF|BE||
acat|ACAT-France|France||acatfrance.fr
acat|ACAT France|||
acat|Action des chrétiens pour l'abolition de la torture (ACAT-France)|||acatfrance.fr
fiacat|FIACAT|France||fiacat.org
lidho|Ligue Ivoirienne des Droits de l'Homme (LIDHO)|Côte d'Ivoire||
lidho|LIDHO|CI||
midh|Mouvement Ivoirien des Droits Humains (MIDH)|Cote d'Ivoire||
asadho|ASADHO|CD||
asadho|Association Africaine de Défense des Droits de l'Homme|DR Congo||
lucha|LUCHA|CD||
lucha|Lutte pour le Changement (LUCHA)|||
balai|Le Balai Citoyen|Burkina Faso||
balai|Balai Citoyen|BF||
yenamarre|Y'en a Marre|Senegal||
yenamarre|Y’en a marre|SN||
wacsi|WACSI|Ghana||
wacsi|West Africa Civil Society Institute (WACSI)|GH||wacsi.org
cddgh|CDD-Ghana|Ghana||cddgh.org
cddgh|Ghana Center for Democratic Development (CDD-Ghana)|||
serap|SERAP|Nigeria||
serap|Socio-Economic Rights and Accountability Project (SERAP)|NG||serap-nigeria.org
chapter4|Chapter Four Uganda|UG||chapterfouruganda.org
chapter4|Chapter Four|Uganda||
defdef|DefendDefenders (East and Horn of Africa Human Rights Defenders Project)|Uganda||defenddefenders.org
defdef|DefendDefenders|||
defdef|Defend Defenders|||
salc|Southern Africa Litigation Centre (SALC)|ZA||
salc|SALC|||southernafricalitigationcentre.org
edri|European Digital Rights (EDRi)|BE||edri.org
edri|EDRi|||
accessnow|Access Now|US||accessnow.org
accessnow|AccessNow|||
pi|Privacy International|UK||privacyinternational.org
pi|Privacy International (PI)|||
eff|Electronic Frontier Foundation|US||eff.org
eff|EFF|||
eff|Electronic Frontier Foundation (EFF)|||
dd|Derechos Digitales|Chile||derechosdigitales.org
dd|Derechos Digitales América Latina|||
r3d|Red en Defensa de los Derechos Digitales (R3D)|Mexico||r3d.mx
r3d|R3D|||
hhc|Hungarian Helsinki Committee|Hungary||helsinki.hu
hhc|Magyar Helsinki Bizottság|HU||helsinki.hu
nhc|Norwegian Helsinki Committee|NO||nhc.no
hfhr|Helsinki Foundation for Human Rights|Poland||hfhr.pl
liberties|Civil Liberties Union for Europe (Liberties)|DE||liberties.eu
liberties|Liberties|||liberties.eu
ovd|OVD-Info|||ovdinfo.org
ovd|OVD Info|||
uhhru|Ukrainian Helsinki Human Rights Union|Ukraine||helsinki.org.ua
uhhru|UHHRU|||
ccl|Center for Civil Liberties|Ukraine||ccl.org.ua
ccl|Centre for Civil Liberties|UA||
ihd|Human Rights Association (İHD)|Turkey||ihd.org.tr
ihd|İnsan Hakları Derneği|TR||
sierra|Sierra Club|US||sierraclub.org
sierra|The Sierra Club|||
earthjustice|Earthjustice|US||earthjustice.org
earthjustice|Earth Justice|||
ccla|Canadian Civil Liberties Association|Canada||ccla.org
ccla|CCLA|||
ccla|Association canadienne des libertés civiles|||ccla.org
bccla|BC Civil Liberties Association|CA||bccla.org
interpares|Inter Pares|CA||
redtdt|Red Nacional de Organismos Civiles de Derechos Humanos Todos los Derechos para Todas y Todos (Red TDT)|México||
redtdt|Red TDT|MX||
imd|Iniciativa Mesoamericana de Mujeres Defensoras de Derechos Humanos (IM-Defensoras)|Mexico||
imd|IM-Defensoras|||
pbi|Peace Brigades International|UK||peacebrigades.org
pbi|PBI|||
pbi|Brigadas Internacionales de Paz (PBI)|||
copinh|COPINH|Honduras||
copinh|Consejo Cívico de Organizaciones Populares e Indígenas de Honduras|HN||
cofadeh|COFADEH|HN||
cofadeh|Comité de Familiares de Detenidos Desaparecidos en Honduras (COFADEH)|Honduras||
udefegua|UDEFEGUA|Guatemala||
ccj|Comisión Colombiana de Juristas|Colombia||coljuristas.org
ccj|CCJ|CO||
cinep|CINEP/Programa por la Paz|Colombia||cinep.org.co
cinep|CINEP|CO||
provea|PROVEA|Venezuela||derechos.org.ve
provea|Programa Venezolano de Educación-Acción en Derechos Humanos (PROVEA)|||
foropenal|Foro Penal|Venezuela||
foropenal|Foro Penal Venezolano|VE||
idl|Instituto de Defensa Legal (IDL)|Perú||
idl|IDL|PE||
aprodeh|APRODEH|Peru||
aprodeh|Asociación Pro Derechos Humanos (APRODEH)|||
apdh_ar|Asamblea Permanente por los Derechos Humanos (APDH)|Argentina||
apdhb|Asamblea Permanente de Derechos Humanos de Bolivia (APDHB)|BO||
abuelas|Abuelas de Plaza de Mayo|Argentina||abuelas.org.ar
abuelas|Asociación Abuelas de Plaza de Mayo|||
madres_lf|Madres de Plaza de Mayo Línea Fundadora|Argentina||
mst|Movimento dos Trabalhadores Rurais Sem Terra (MST)|Brasil||mst.org.br
mst|MST|||
mst|Landless Workers Movement (MST)|Brazil||
cimi|Conselho Indigenista Missionário (CIMI)|BR||
cimi|CIMI|||
apib|Articulação dos Povos Indígenas do Brasil (APIB)|Brazil||apiboficial.org
apib|APIB|||
coica|COICA|Ecuador||
coica|Coordinadora de las Organizaciones Indígenas de la Cuenca Amazónica|||
survival|Survival International|UK||survivalinternational.org
survival|Survival International|||
iwgia|IWGIA|Denmark||iwgia.org
iwgia|International Work Group for Indigenous Affairs|||
fpp|Forest Peoples Programme|UK||forestpeoples.org
fpp|Forest Peoples Program|||
rfn|Rainforest Foundation Norway|NO||rainforest.no
rfn|Regnskogfondet|Norway||rainforest.no
rf_uk|Rainforest Foundation UK|GB||rainforestfoundationuk.org
banktrack|BankTrack|Netherlands||banktrack.org
banktrack|Bank Track|||
urgewald|urgewald e.V.|Germany||urgewald.org
urgewald|Urgewald|||
duh|Deutsche Umwelthilfe (DUH)|DE||
duh|Deutsche Umwelthilfe e.V.|||
memorial|Memorial Human Rights Centre|Russia||
memorial|Human Rights Centre Memorial|||
statewatch|Statewatch|UK||
statewatch|statewatch|||
cidse|CIDSE|Belgium||
cidse|CIDSE - International family of Catholic social justice organisations|||cidse.org
alternatives|Alternatives|Canada||
alternatives|ALTERNATIVES|||
junk1|John Smith||jsmith1967@gmail.com|
junk2|We support this letter|||
junk3||||
junk4|María Fernanda López (a título personal)|México|mafer.lopez@hotmail.com|
junk5|n/a|||
junk6|Dr. Peter Okafor|Nigeria|p.okafor@yahoo.com|
"""

# Free-mail addresses that real forms carry; attached after parsing so that
# several different organisations share gmail/yahoo/hotmail.
FREE_MAIL = {
    "conectas": "conectas.sp@gmail.com",
    "odhikar": "odhikar.bd@gmail.com",
    "raddho": "raddho.dakar@yahoo.fr",
    "lidho": "lidho.ci@yahoo.fr",
    "helem": "helem.lb@hotmail.com",
    "copinh": "copinh.honduras@gmail.com",
    "karapatan": "karapatan.ph@yahoo.com",
    "balai": "balaicitoyen@gmail.com",
    "cofadeh": "cofadeh@hotmail.com",
}


def parse() -> list[tuple[str, str, str, str, str]]:
    rows = []
    seen_free: set[str] = set()
    for line in ROWS.strip().splitlines():
        org, name, country, email, website = (p.strip() for p in line.split("|"))
        if not email and org in FREE_MAIL and org not in seen_free:
            email = FREE_MAIL[org]
            seen_free.add(org)
        rows.append((org, name, country, email, website))
    return rows


def main() -> None:
    here = Path(__file__).resolve().parent
    rows = parse()
    random.Random(20240611).shuffle(rows)
    with (
        (here / "holdout.csv").open("w", newline="", encoding="utf-8") as data,
        (here / "holdout-truth.csv").open("w", newline="", encoding="utf-8") as truth,
    ):
        dw, tw = csv.writer(data), csv.writer(truth)
        dw.writerow(["id", "name", "country", "email", "website"])
        tw.writerow(["id", "org"])
        for i, (org, name, country, email, website) in enumerate(rows, 1):
            rid = f"h{i:03d}"
            dw.writerow([rid, name, country, email, website])
            tw.writerow([rid, org])
    orgs = {r[0] for r in rows}
    print(f"{len(rows)} rows, {len(orgs)} organisations")


if __name__ == "__main__":
    main()
