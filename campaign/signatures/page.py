"""The public letter page: text, sign-on form and the numbered list of signatories."""

from __future__ import annotations

from flask import abort, g, render_template, request
from markupsafe import Markup

from campaign.db import db
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES
from campaign.letters.models import Letter
from campaign.letters.rendering import render_markdown
from campaign.signatures import queries, tokens
from campaign.signatures.choices import country_name
from campaign.signatures.forms import SignForm
from campaign.signatures.services import accepting_signatures


def new_sign_form(**meta: object) -> SignForm:
    """An empty sign-on form, stamped with the time it was served."""
    form = SignForm(page_language=g.lang, formdata=None, meta=meta)
    form.started.data = tokens.form_started()
    return form


def signatories_html(letter: Letter) -> Markup:
    """The numbered list of signatories, in the page's language, alphabetical or grouped by
    country (``?by=country``). With thousands of names its rendering costs more than the
    rest of the page, so it is made once per language and order while the list is current."""
    entries = queries.public_entries(db.session, letter.id)
    by_country = request.args.get("by") == "country"
    key = (g.lang, "country" if by_country else "name")
    html = entries.views.get(key)
    if html is None:
        grouped = None
        if by_country:
            grouped = queries.by_country(entries.organisations, lambda c: country_name(c, g.lang))
        html = entries.views[key] = render_template(
            "signatures/_list.html", entries=entries, grouped=grouped, country_name=country_name
        )
    return Markup(html)


def render_letter_page(letter: Letter, form: SignForm | None = None, code: int = 200):  # noqa: ANN201
    """Render the letter in the page's language (or its authoritative text as a fallback)."""
    text = letter.text_for(g.lang)
    fallback = text is None
    text = text or letter.authoritative_text
    if text is None:
        abort(404)
    open_ = accepting_signatures(letter)
    switch = sorted(set(letter.languages) | set(INTERFACE_LANGUAGES))
    return render_template(
        "letters/letter.html",
        letter=letter,
        text=text,
        body_html=render_markdown(text.body),
        fallback=fallback,
        alternates=letter.languages,
        switch_languages=[CONTENT_LANGUAGES[c] for c in switch if c in CONTENT_LANGUAGES],
        accepting=open_,
        form=(form or new_sign_form()) if open_ else None,
        signatories=signatories_html(letter),
    ), code
