"""Settings: a bad environment value stops start-up with a message naming the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from iso20k.core import env

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def environ(monkeypatch):
    def set_(**values):
        for key, value in values.items():
            monkeypatch.setenv(key, value)

    return set_


@pytest.mark.parametrize(
    ("name", "value", "call", "message"),
    [
        ("DEBUG", "maybe", lambda: env.boolean("DEBUG", False), "DEBUG: 'maybe' is not a boolean"),
        (
            "EMAIL_PORT",
            "25a",
            lambda: env.integer("EMAIL_PORT", 25),
            "EMAIL_PORT: '25a' is not a whole",
        ),
        ("EMAIL_PORT", "0", lambda: env.integer("EMAIL_PORT", 25, minimum=1), "below the minimum"),
        (
            "TIME_ZONE",
            "Asia/Atlantis",
            lambda: env.time_zone("TIME_ZONE", "UTC"),
            "not a known IANA",
        ),
        (
            "ALLOWED_HOSTS",
            "a,,b",
            lambda: env.string_list("ALLOWED_HOSTS", []),
            "has an empty item",
        ),
        (
            "LANGUAGE_CODE",
            "fr",
            lambda: env.choice("LANGUAGE_CODE", "en", ["en", "zh-hans"]),
            "LANGUAGE_CODE: 'fr' is not one of en, zh-hans",
        ),
        (
            "DATABASE_URL",
            "mysql://x/y",
            lambda: env.database_url("DATABASE_URL", "sqlite:///x"),
            "scheme 'mysql' is not supported",
        ),
        (
            "SECRET_KEY",
            "short",
            lambda: env.secret("SECRET_KEY", dev_default="x", debug=False),
            "at least 50 characters",
        ),
        (
            "HISTORY_KEY",
            "k1:short",
            lambda: env.history_keys("HISTORY_KEY", dev_default="", debug=False),
            "under 32 characters",
        ),
        (
            "HISTORY_KEY",
            "nocolon",
            lambda: env.history_keys("HISTORY_KEY", dev_default="", debug=False),
            "id:secret",
        ),
        (
            "DEFAULT_FROM_EMAIL",
            "nobody",
            lambda: env.email_address("DEFAULT_FROM_EMAIL", "a@b"),
            "not an e-mail address",
        ),
    ],
)
def test_each_bad_value_names_the_variable_and_the_reason(environ, name, value, call, message):
    environ(**{name: value})
    with pytest.raises(ImproperlyConfigured, match=message):
        call()


def test_production_requires_the_secrets(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY: must be set when DEBUG is false"):
        env.secret("SECRET_KEY", dev_default="x", debug=False)
    assert env.secret("SECRET_KEY", dev_default="dev", debug=True) == "dev"


def test_several_history_keys_parse_with_the_first_signing():
    os.environ["HISTORY_KEY_TEST"] = "new:" + "n" * 32 + ",old:" + "o" * 32
    keys = env.history_keys("HISTORY_KEY_TEST", dev_default="", debug=False)
    assert list(keys) == ["new", "old"]


def run_check(**overrides) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    environ.update(
        {"ISO20K_ENV_FILE": "", "DJANGO_SETTINGS_MODULE": "config.settings"}, **overrides
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_start_up_stops_on_a_bad_value_and_says_why():
    result = run_check(TIME_ZONE="Mars/Base")
    assert result.returncode != 0
    assert "TIME_ZONE: 'Mars/Base' is not a known IANA time zone" in result.stderr


def test_production_settings_pass_the_deploy_check():
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "DATABASE"))}
    environ.update(
        ISO20K_ENV_FILE="",
        DEBUG="false",
        SECRET_KEY="p" * 20 + "Qz9#" * 10,
        HISTORY_KEY="prod:" + "h" * 40,
        ALLOWED_HOSTS="iso20k.example.com",
        SECURE_SSL_REDIRECT="true",
        STATIC_MANIFEST="true",
        EMAIL_BACKEND="smtp",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
