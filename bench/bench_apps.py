"""WSGI apps for bench_signing.py: the real campaign app, and a bare Flask baseline.

Both read BENCH_DATABASE_URL. Served by gunicorn as ``bench.bench_apps:sign_app()`` and
``bench.bench_apps:bare_app()``.
"""

from __future__ import annotations

import json
import os

from flask import Flask, render_template_string, request
from sqlalchemy import text

from campaign import create_app, warm_up
from campaign.db import make_engine
from campaign.signatures.services import DETAIL_FIELDS

BENCH_SECRET = "bench-secret-key-that-is-long-enough-0123456789"
# The columns of the floor app's signature table: the sign-on form's fields (see stack_app).
STACK_COLUMNS = ("kind", *DETAIL_FIELDS, "contact_email", "homepage")


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


def stack_app() -> Flask:
    """The floor for the sign-on form on the stack the project is built on, with none of
    the project's code: Flask-WTF's CSRF check on a cookie session, a WTForms form with the
    sign-on form's fields and stock validators (email_validator for the address), and the
    two INSERTs every signature needs (the row and its confirmation email in the outbox) in
    one transaction. What the campaign app does beyond this is its own cost."""
    from flask_wtf import CSRFProtect, FlaskForm
    from wtforms import (
        BooleanField,
        EmailField,
        HiddenField,
        RadioField,
        SelectField,
        StringField,
        SubmitField,
    )
    from wtforms.validators import DataRequired, Email, Length, Optional

    from campaign.signatures.choices import signing_countries

    countries = signing_countries("en")
    menu = [("a", "A"), ("b", "B"), ("c", "C"), ("d", "D"), ("e", "E")]

    class StackForm(FlaskForm):
        kind = RadioField(choices=[("organisation", "O"), ("individual", "I")])
        name = StringField(validators=[DataRequired(), Length(max=300)])
        country = SelectField(choices=countries, validate_choice=False)
        org_type = SelectField(choices=[("ngo", "NGO"), *menu], validate_choice=False)
        website = StringField(validators=[Optional(), Length(max=300)])
        ecosoc_status = SelectField(choices=[("none", "None"), *menu], validate_choice=False)
        contact_name = StringField(validators=[Length(max=200)])
        contact_role = StringField(validators=[Optional(), Length(max=200)])
        consent_contact = BooleanField()
        language = SelectField(choices=[("en", "English"), *menu], validate_choice=False)
        contact_email = EmailField(validators=[DataRequired(), Email(), Length(max=254)])
        homepage = StringField()
        started = HiddenField()
        submit = SubmitField()

    app = Flask(__name__)
    app.config.update(SECRET_KEY=BENCH_SECRET, WTF_CSRF_TIME_LIMIT=None)
    CSRFProtect(app)
    engine = make_engine(os.environ["BENCH_DATABASE_URL"])
    columns = STACK_COLUMNS
    insert_row = text(
        f"INSERT INTO bench_stack ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id"
    )
    insert_mail = text(
        "INSERT INTO bench_stack_outbox (recipient, context) VALUES (:recipient, :context)"
    )

    @app.get("/stack")
    def stack_page() -> str:
        return render_template_string("{{ form.csrf_token }}{{ form.started }}", form=StackForm())

    @app.post("/stack")
    def stack() -> tuple[str, int]:
        form = StackForm()
        if not form.validate_on_submit():
            return str(form.errors), 400
        values = {c: form.data[c] for c in columns}
        with engine.begin() as connection:
            row_id = connection.execute(insert_row, values).scalar_one()
            connection.execute(
                insert_mail,
                {"recipient": values["contact_email"], "context": json.dumps({"id": row_id})},
            )
        return "", 302

    @app.get("/healthz")
    def healthz() -> str:
        return "ok"

    return app
