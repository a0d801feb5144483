"""Entry point for gunicorn: ``gunicorn --preload wsgi:app``."""

from campaign import create_app, warm_up

app = create_app()
warm_up(app)
