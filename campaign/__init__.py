"""campaign: joint letters for civil-society coalitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, redirect, request, session, url_for
from werkzeug.routing import BaseConverter
from werkzeug.wrappers import Response

from campaign import access_log
from campaign import config as settings
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES
from campaign.ids import IdConverter

ROOT = Path(__file__).resolve().parent.parent


class LanguageConverter(BaseConverter):
    """Matches only the language codes we publish letters in, so ``/xx/...`` is a 404."""

    regex = "(?:" + "|".join(sorted(CONTENT_LANGUAGES)) + ")"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: settings from the environment, overridden by ``config``."""
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.config.from_mapping(settings.from_environment(Path(app.instance_path)))
    app.config.update(config or {})
    settings.check(app.config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = settings.instance_secret(Path(app.instance_path))
    app.url_map.converters["lang"] = LanguageConverter
    app.url_map.converters["int"] = IdConverter
    _trust_proxies(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_root_routes(app)
    access_log.init_app(app)
    from campaign.cli import register

    register(app)
    return app


def warm_up(app: Flask) -> None:
    """Load now what each server process would otherwise load on its first requests: the
    collation table (about half a second), the country menus of the interface languages (a
    quarter of a second each) and the public lists of open letters (a third of a second for
    5,000 names). The WSGI entry point calls this; with ``--preload`` the server's worker
    processes share the result. The database connections it used are closed before the
    server forks, so no worker shares one; if the database cannot be read yet (not created,
    not migrated), the lists are left to the first views."""
    from sqlalchemy.exc import SQLAlchemyError

    from campaign.collation import load as load_collation
    from campaign.db import db
    from campaign.signatures.choices import countries
    from campaign.signatures.queries import warm_public_lists

    load_collation()
    with app.app_context():
        for language in INTERFACE_LANGUAGES:
            countries(language)
        try:
            warm_public_lists(db.session)
        except SQLAlchemyError as error:
            app.logger.warning("public lists not built at start: %s", error)
        engine = db.engine
    engine.dispose()


def _trust_proxies(app: Flask) -> None:
    """Behind PROXY_HOPS reverse proxies, take the visitor's address, scheme and host from
    the X-Forwarded-* headers they set (Werkzeug's ProxyFix), so that rate limits, stored IP
    addresses, HTTPS checks and absolute links see the visitor, not the proxy."""
    hops = int(app.config.get("PROXY_HOPS") or 0)
    if hops > 0:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]


def _init_extensions(app: Flask) -> None:
    from campaign import (
        errors,
        models,  # noqa: F401 - every table registered before any query
        security_headers,
        templating,
    )
    from campaign import mail as outbox
    from campaign.accounts.loader import init_login
    from campaign.extensions import babel, compress, csrf, db, limiter, mail
    from campaign.i18n import select_locale

    db.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
    compress.init_app(app)
    security_headers.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(ROOT / "translations"),
    )
    outbox.init_app(app)
    init_login(app)
    templating.register(app)
    errors.register(app)


def _register_blueprints(app: Flask) -> None:
    from campaign.accounts import bp as accounts_bp
    from campaign.accounts.views_staff import staff_bp
    from campaign.accounts.views_team import team_bp
    from campaign.exports import attach_views
    from campaign.exports import bp as exports_bp
    from campaign.exports import public_bp as exports_public_bp
    from campaign.letters import bp as letters_bp
    from campaign.letters import manage_bp
    from campaign.moderation import attach_views as attach_moderation_views
    from campaign.moderation import bp as moderation_bp
    from campaign.moderation.digest_views import digest_bp
    from campaign.moderation.import_views import import_bp
    from campaign.signatures import bp as signatures_bp

    attach_views()
    attach_moderation_views()
    blueprints = (
        accounts_bp,
        staff_bp,
        team_bp,
        letters_bp,
        manage_bp,
        signatures_bp,
        exports_bp,
        exports_public_bp,
        moderation_bp,
        import_bp,
        digest_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def _register_root_routes(app: Flask) -> None:
    @app.route("/")
    def home() -> Response:
        lang = session.get("lang") or request.accept_languages.best_match(list(INTERFACE_LANGUAGES))
        return redirect(url_for("letters.index", lang=lang or "en"))

    @app.route("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}
