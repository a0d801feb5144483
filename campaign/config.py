"""Settings read from the environment; tests pass overrides to ``create_app``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV_PREFIX = "CAMPAIGN_"
INSECURE_SECRETS = {"", "dev", "changeme", "secret", "change-me"}


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(ENV_PREFIX + name, default)


def _env_bool(name: str, default: bool = False) -> bool:
    value = _env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = _env(name)
    return int(value) if value not in (None, "") else default


def send_mode(value: object) -> str:
    """MAIL_SEND_AFTER_REQUEST: "background" (the default, or true), "inline", or "off"
    (false, 0, no)."""
    if value is None or value is True:
        return "background"
    if value is False or str(value).strip().lower() in {"0", "false", "no", "off"}:
        return "off"
    return "inline" if str(value).strip().lower() == "inline" else "background"


def instance_secret(instance_path: Path) -> str:
    """Return the secret kept under ``instance/``, creating it once if missing."""
    path = instance_path / "secret_key"
    if not path.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def from_environment(instance_path: Path) -> dict[str, object]:
    """Build the configuration mapping from ``CAMPAIGN_*`` environment variables."""
    default_db = f"sqlite:///{instance_path / 'campaign.sqlite3'}"
    production = _env("ENV", "development") == "production"
    return {
        "ENV_NAME": "production" if production else "development",
        "DEBUG": _env_bool("DEBUG", False),
        "SECRET_KEY": _env("SECRET_KEY"),
        "DATABASE_URL": _env("DATABASE_URL", default_db),
        "PUBLIC_BASE_URL": (_env("PUBLIC_BASE_URL", "http://127.0.0.1:5000") or "").rstrip("/"),
        "MAIL_SERVER": _env("MAIL_SERVER", "127.0.0.1"),
        "MAIL_PORT": _env_int("MAIL_PORT", 8025),
        "MAIL_USE_TLS": _env_bool("MAIL_USE_TLS", False),
        "MAIL_USE_SSL": _env_bool("MAIL_USE_SSL", False),
        "MAIL_USERNAME": _env("MAIL_USERNAME"),
        "MAIL_PASSWORD": _env("MAIL_PASSWORD"),
        "MAIL_DEFAULT_SENDER": _env("MAIL_SENDER", "campaign@localhost"),
        "MAIL_TIMEOUT": _env_int("MAIL_TIMEOUT", 10),
        # "smtp" sends through MAIL_SERVER; "console" prints each message (demos).
        "MAIL_BACKEND": _env("MAIL_BACKEND", "smtp"),
        # "background": a thread of the web process sends what each request committed;
        # "inline": sent before the response (tests); "off": `campaign outbox worker` only.
        "MAIL_SEND_AFTER_REQUEST": send_mode(_env("MAIL_SEND_AFTER_REQUEST")),
        "MAIL_RETRY_BASE_SECONDS": _env_int("MAIL_RETRY_BASE_SECONDS", 30),
        "MAIL_RETRY_MAX_SECONDS": _env_int("MAIL_RETRY_MAX_SECONDS", 3600),
        "MAIL_MAX_ATTEMPTS": _env_int("MAIL_MAX_ATTEMPTS", 20),
        # A sender holds the messages it claimed this long (each one's hold renewed just
        # before it is sent); one that dies leaves its batch to the others after this.
        "MAIL_LEASE_SECONDS": _env_int("MAIL_LEASE_SECONDS", 300),
        # How many reverse proxies in front of the app set X-Forwarded-For, -Proto and -Host
        # (1 behind one nginx). With 0 those headers are ignored, as any client could send
        # them; behind a proxy that leaves every visitor with the proxy's address, so they
        # would share one rate limit and look like one burst.
        "PROXY_HOPS": _env_int("PROXY_HOPS", 0),
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": _env_bool("RATELIMIT_ENABLED", True),
        "LOGIN_RATE_LIMIT": _env("LOGIN_RATE_LIMIT", "10 per 5 minutes"),
        # Failed logins to one account from all addresses together: a brake on guessing
        # spread over many networks, loose enough that its owner is rarely held up (and
        # "Forgot your password?" still lets them in).
        "LOGIN_ACCOUNT_RATE_LIMIT": _env("LOGIN_ACCOUNT_RATE_LIMIT", "20 per 15 minutes"),
        "SIGN_RATE_LIMIT": _env("SIGN_RATE_LIMIT", "5 per 5 minutes"),
        # All addresses together, per letter: a brake on floods from many addresses.
        "SIGN_LETTER_RATE_LIMIT": _env("SIGN_LETTER_RATE_LIMIT", "3000 per minute"),
        "SIGN_MIN_SECONDS": _env_int("SIGN_MIN_SECONDS", 3),
        "SIGN_CONFIRM_MAX_AGE": _env_int("SIGN_CONFIRM_MAX_AGE", 14 * 24 * 3600),
        "SIGN_EDIT_MAX_AGE": _env_int("SIGN_EDIT_MAX_AGE", 366 * 24 * 3600),
        # How long the link in an invitation to a letter's team lets a new member choose a
        # password; a coordinator can send it again.
        "STAFF_INVITE_MAX_AGE": _env_int("STAFF_INVITE_MAX_AGE", 7 * 24 * 3600),
        # How long the link sent by "Forgot your password?" works.
        "STAFF_RESET_MAX_AGE": _env_int("STAFF_RESET_MAX_AGE", 3600),
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        # Flask-Compress: pages, not streamed files (compressing a stream left its file open);
        # static CSS and JS are read into their responses to be compressed (static_versions).
        "COMPRESS_STREAMS": False,
        "MAX_CONTENT_LENGTH": _env_int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024),
        # Signatory lists brought in by coordinators (campaign.moderation.imports).
        "IMPORT_MAX_ROWS": _env_int("IMPORT_MAX_ROWS", 5000),
        "WTF_CSRF_TIME_LIMIT": None,
        # Flask-WTF would parse WTForms' catalogue on every request; our forms pass their
        # messages (campaign.validators), translated from our own catalogue.
        "WTF_I18N_ENABLED": False,
        # Exports this long or longer (PDF, Word, Excel) are built in the background;
        # "thread" builds them in the web process, "process" leaves them to
        # `campaign exports worker`.
        "EXPORT_BACKGROUND_ROWS": _env_int("EXPORT_BACKGROUND_ROWS", 500),
        "EXPORT_WORKER": _env("EXPORT_WORKER", "thread"),
        # A job's builder says it is alive this often (seconds); one silent for four times
        # as long is taken for dead (killed, its server restarted) and the job built again.
        "EXPORT_HEARTBEAT_SECONDS": _env_int("EXPORT_HEARTBEAT_SECONDS", 15),
        # How long contact details kept for a while are kept (see campaign.housekeeping).
        "MAIL_KEEP_DAYS": _env_int("MAIL_KEEP_DAYS", 30),
        "EXPORT_KEEP_DAYS": _env_int("EXPORT_KEEP_DAYS", 7),
        "IMPORT_KEEP_DAYS": _env_int("IMPORT_KEEP_DAYS", 7),
        # Sign-ups never confirmed by email are deleted after this (never less than the
        # confirmation link's own lifetime): their owners never agreed to be kept.
        "SIGN_UNCONFIRMED_KEEP_DAYS": _env_int("SIGN_UNCONFIRMED_KEEP_DAYS", 30),
        "EXPORT_CACHE_DIR": _env("EXPORT_CACHE_DIR", str(instance_path / "export-cache")),
        # A "suspicious burst": this many signatures or more from one IP address, or from one
        # organisation's email domain (free-mail domains excepted), within this many minutes.
        "MODERATION_BURST_SIZE": _env_int("MODERATION_BURST_SIZE", 5),
        "MODERATION_BURST_MINUTES": _env_int("MODERATION_BURST_MINUTES", 10),
        "MODERATION_PAGE_SIZE": _env_int("MODERATION_PAGE_SIZE", 50),
    }


class ConfigError(RuntimeError):
    """Raised when the app is asked to start with unsafe or incomplete settings."""


def check(config: dict[str, object]) -> None:
    """Refuse unsafe or unfinished production settings: debug on, a missing or weak secret,
    no public https address for emailed links, or no sender address."""
    if config.get("ENV_NAME") != "production":
        return
    if config.get("DEBUG"):
        raise ConfigError("CAMPAIGN_DEBUG must be off in production.")
    # A key generated under instance/ would differ between servers: production names one.
    secret = str(config.get("SECRET_KEY") or "")
    if secret.lower() in INSECURE_SECRETS or len(secret) < 32:
        raise ConfigError("Set CAMPAIGN_SECRET_KEY to a random value of 32+ characters.")
    # Every confirmation, edit and password link is built on this address: left at its
    # default, signers would be mailed links to the server's own loopback.
    if not str(config.get("PUBLIC_BASE_URL") or "").startswith("https://"):
        raise ConfigError(
            "Set CAMPAIGN_PUBLIC_BASE_URL to the public https:// address: emailed links use it."
        )
    if str(config.get("MAIL_DEFAULT_SENDER") or "").endswith("@localhost"):
        raise ConfigError("Set CAMPAIGN_MAIL_SENDER to an address of the site's own domain.")
