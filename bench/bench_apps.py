"""WSGI apps for bench_signing.py: the real campaign app, and a bare Flask baseline.

Both read BENCH_DATABASE_URL. Served by gunicorn as ``bench.bench_apps:sign_app()`` and
``bench.bench_apps:bare_app()``.
"""

from __future__ import annotations

import os

from flask import Flask, request
from sqlalchemy import text

from campaign import create_app, warm_up
from campaign.db import make_engine

BENCH_SECRET = "bench-secret-key-that-is-long-enough-0123456789"


def sign_app() -> Flask:
    """The campaign app as deployed (see wsgi.py), minus rate limits. With BENCH_MAIL_PORT,
    its sender threads send the confirmations to the SMTP server there, as deployed; without,
    mail is left to the outbox worker (not run)."""
    mail_port = os.environ.get("BENCH_MAIL_PORT")
    mail = (
        {"MAIL_SEND_AFTER_REQUEST": "background", "MAIL_PORT": int(mail_port)}
        if mail_port
        else {"MAIL_SEND_AFTER_REQUEST": "off"}
    )
    app = create_app(
        {
            "DATABASE_URL": os.environ["BENCH_DATABASE_URL"],
            "SECRET_KEY": BENCH_SECRET,
            "RATELIMIT_ENABLED": False,
            "SIGN_MIN_SECONDS": 0,
            "MAIL_SERVER": "127.0.0.1",
            **mail,
        }
    )
    warm_up(app)
    return app


def bare_app() -> Flask:
    """A Flask endpoint doing one INSERT per POST: the ceiling for this machine and database."""
    app = Flask(__name__)
    engine = make_engine(os.environ["BENCH_DATABASE_URL"])

    @app.post("/bare")
    def bare() -> tuple[str, int]:
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO bench_bare (email) VALUES (:email)"),
                {"email": request.form.get("contact_email", "")},
            )
        return "", 302

    @app.get("/healthz")
    def healthz() -> str:
        return "ok"

    return app
