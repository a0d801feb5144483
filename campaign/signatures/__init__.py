"""Signatures: the sign-on form, confirmation by email, private edit links, the public list."""

from campaign.i18n import language_blueprint
from campaign.private_links import mark_private

bp = language_blueprint("signatures", __name__)


# Pages reached by private links: never cached, never leaking the link as a referrer.
bp.after_request(mark_private)


from campaign.signatures import views, views_embed, views_private  # noqa: E402, F401
