"""campaign: joint letters for civil-society coalitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, redirect, request, session, url_for
from werkzeug.routing import BaseConverter
from werkzeug.wrappers import Response

from campaign import config as settings
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES

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
    _init_extensions(app)
    _register_blueprints(app)
    _register_root_routes(app)
    from campaign.cli import register

    register(app)
    return app


def _init_extensions(app: Flask) -> None:
    # Every mapped class, so relationships between domains resolve in any entry point.
    import campaign.models  # noqa: F401
    from campaign import errors, templating
    from campaign import mail as outbox
    from campaign.accounts.loader import init_login
    from campaign.extensions import babel, csrf, db, limiter, mail
    from campaign.i18n import select_locale

    db.init_app(app)
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
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
    from campaign.exports import attach_views
    from campaign.exports import bp as exports_bp
    from campaign.exports import public_bp as exports_public_bp
    from campaign.letters import bp as letters_bp
    from campaign.letters import manage_bp
    from campaign.signatures import bp as signatures_bp

    attach_views()
    blueprints = (accounts_bp, letters_bp, manage_bp, signatures_bp, exports_bp, exports_public_bp)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def _register_root_routes(app: Flask) -> None:
    @app.route("/")
    def home() -> Response:
        lang = session.get("lang") or request.accept_languages.best_match(list(INTERFACE_LANGUAGES))
        return redirect(url_for("letters.index", lang=lang or "en"))

    @app.route("/language/<lang:lang>")
    def choose_language(lang: str) -> Response:
        """Remember an interface language for staff pages, then go back."""
        if lang in INTERFACE_LANGUAGES:
            session["lang"] = lang
        target = request.args.get("next", "")
        if not target.startswith("/") or target.startswith("//"):
            target = url_for("manage.dashboard")
        return redirect(target)

    @app.route("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}
