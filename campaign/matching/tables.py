"""General word tables: legal forms, articles, stop words and free-mail domains.

Nothing here names a particular organisation; these are language facts that apply to any
list of civil-society organisations.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Split a whitespace-separated table into a frozen set."""
    return frozenset(text.split())


def _split_forms(text: str) -> tuple[tuple[str, ...], ...]:
    """Parse a comma-separated list of multi-word forms, longest first."""
    forms = {tuple(part.split()) for part in text.split(",") if part.strip()}
    return tuple(sorted(forms, key=len, reverse=True))


#: Legal-form suffixes (folded: lower case, no accents, no dots), stripped from the end of a
#: name, longest first, repeatedly.
LEGAL_FORMS = _split_forms(
    """inc, incorporated, ltd, limited, llc, plc, corp, pty, pty ltd, pte ltd,
    gmbh, ggmbh, ev, e v, ug, mbh, asbl, aisbl, vzw, ivzw, sprl, onlus, aps, odv, ets,
    srl, scarl, ac, a c, iap, abp, sas, sarl, cic, cio, scio, ltda, ry, zs, z s, ops, o p s,
    npo, nfp, asociacion civil, sociedad civil, association loi 1901, loi 1901,
    ngo, ong, oscip, ong aps, odv ets, aps ets, onlus ets"""
)

#: Legal forms that may also open a name ("Asociación Civil Por la Igualdad").
LEADING_LEGAL_FORMS = _split_forms("asociacion civil, sociedad civil")

#: Leading definite articles dropped from the key when at least one real word follows.
#: Dutch/Spanish/French "de" is not here: it also means "of".
LEADING_ARTICLES = _words("the la le les l el los las die der das il lo gli o a os as")

#: Function words ignored when comparing names (en, es, fr, de, it, pt, nl).
STOPWORDS = _words(
    """
    the of for and in on at to an a by with from
    de del la el los las y e en para por al con a
    du des le les l d et pour au aux en avec sur dans
    der die das den dem und fur fuer von vom zu zur zum im mit
    di della delle dei degli il lo gli per ed nel nella
    do da dos das o os as em no na para com
    van het voor en
    """
)

#: Function words that hint at a name's language.
LANGUAGE_HINTS: dict[str, str] = {
    **dict.fromkeys(_words("the of for and on without against with"), "en"),
    **dict.fromkeys(_words("el los las del para por y sin contra con"), "es"),
    **dict.fromkeys(_words("le les des du pour et sans contre avec aux l d"), "fr"),
    **dict.fromkeys(_words("der die das und fur fuer ohne gegen mit von"), "de"),
    **dict.fromkeys(_words("di della delle il per senza contro"), "it"),
    **dict.fromkeys(_words("do dos em sem"), "pt"),
    **dict.fromkeys(_words("van het voor zonder tegen"), "nl"),
}

#: Abbreviated words expanded before comparison ("Int'l", "Intl.", "Assoc.", "Ctr").
ABBREVIATIONS: dict[str, str] = {
    **dict.fromkeys(_words("intl int intnl internat"), "international"),
    **dict.fromkeys(_words("natl"), "national"),
    **dict.fromkeys(_words("assoc assn"), "association"),
    **dict.fromkeys(_words("fdn fndn"), "foundation"),
    **dict.fromkeys(_words("ctr cntr"), "center"),
    **dict.fromkeys(_words("inst"), "institute"),
    **dict.fromkeys(_words("soc"), "society"),
    **dict.fromkeys(_words("cttee cmte"), "committee"),
    **dict.fromkeys(_words("univ"), "university"),
    **dict.fromkeys(_words("dept"), "department"),
    **dict.fromkeys(_words("govt"), "government"),
    **dict.fromkeys(_words("mvt mvmt"), "movement"),
}

#: Free-mail and ISP domains: a shared one says nothing about the organisation.
FREE_MAIL = _words(
    """
    gmail.com googlemail.com yahoo.com yahoo.es yahoo.fr yahoo.co.uk yahoo.de yahoo.it
    yahoo.com.mx yahoo.com.br yahoo.com.ar ymail.com rocketmail.com hotmail.com hotmail.es
    hotmail.fr hotmail.it hotmail.de hotmail.co.uk outlook.com outlook.es outlook.fr
    outlook.de live.com live.fr live.co.uk msn.com protonmail.com proton.me protonmail.ch
    pm.me gmx.de gmx.net gmx.com gmx.at gmx.ch icloud.com me.com mac.com aol.com aol.fr
    yandex.ru yandex.com ya.ru mail.ru inbox.ru list.ru bk.ru qq.com 163.com 126.com
    sina.com web.de t-online.de freenet.de orange.fr wanadoo.fr free.fr laposte.net sfr.fr
    libero.it tiscali.it virgilio.it alice.it tin.it fastmail.com zoho.com tutanota.com
    tuta.io posteo.de mailbox.org hushmail.com mail.com email.com usa.net rediffmail.com
    naver.com daum.net seznam.cz wp.pl o2.pl interia.pl onet.pl terra.com.br uol.com.br
    bol.com.br riseup.net telenet.be skynet.be btinternet.com sky.com bigpond.com
    """
)

#: Registrable second levels under country-code domains ("org.uk", "com.mx").
SECOND_LEVELS = _words("co com org net ac gov gob gouv edu or ne nic ngo ong asso int")

#: Hosting and social platforms: a page there belongs to the platform's many users, so the
#: domain says nothing about the organisation ("facebook.com/...", "x.wordpress.com").
PLATFORMS = _words(
    """
    facebook.com fb.com fb.me twitter.com x.com instagram.com linkedin.com youtube.com
    youtu.be tiktok.com t.me telegram.me wa.me whatsapp.com bsky.app threads.net
    mastodon.social medium.com substack.com wordpress.com wordpress.org blogspot.com
    blogger.com wixsite.com wix.com weebly.com squarespace.com site123.me jimdo.com
    jimdofree.com webnode.com webnode.es godaddysites.com github.io gitlab.io netlify.app
    vercel.app google.com goo.gl forms.gle linktr.ee linktree.com bit.ly tumblr.com
    wikipedia.org canva.site carrd.co strikingly.com over-blog.com e-monsite.com
    """
)

#: Labels of institutional second levels and top levels shared by many separate units
#: (universities, governments): a shared domain there does not make one organisation.
INSTITUTIONAL = _words("edu ac gov gob gouv mil")
