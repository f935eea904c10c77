"""Strict parsing of environment variables for settings.

Every parser names the variable and the reason when a value is bad, by raising
ImproperlyConfigured, so that start-up stops with a message an operator can act on.
A `.env` file (KEY=value lines) next to manage.py is read first; real environment
variables win over it. `ISO20K_ENV_FILE` points elsewhere, or disables it when empty.
"""

import os
import zoneinfo
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off"}


def load_env_file(path: Path) -> None:
    """Read KEY=value lines into os.environ without overriding what is already set."""
    if not path.is_file():
        return
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep or not key.strip().isidentifier():
            raise ImproperlyConfigured(f"{path}:{lineno}: expected KEY=value, got {raw!r}")
        os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def string(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = _raw(name)
    if value is None:
        if required:
            raise ImproperlyConfigured(f"{name}: must be set")
        return default
    return value


def boolean(name: str, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(
        f"{name}: {value!r} is not a boolean; use one of true/false, yes/no, on/off, 1/0"
    )


def integer(name: str, default: int, *, minimum: int | None = None) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}: {value!r} is not a whole number") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name}: {number} is below the minimum of {minimum}")
    return number


def string_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return default
    items = [item.strip() for item in value.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name}: {value!r} has an empty item; separate items by commas")
    return items


def choice(name: str, default: str, choices: list[str]) -> str:
    value = _raw(name)
    if value is None:
        return default
    if value not in choices:
        raise ImproperlyConfigured(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def time_zone(name: str, default: str) -> str:
    value = _raw(name) or default
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(f"{name}: {value!r} is not a known IANA time zone") from None
    return value


def secret(name: str, *, dev_default: str, debug: bool, min_length: int = 50) -> str:
    """A secret that must be set and long enough in production; dev gets a fixed default."""
    value = _raw(name)
    if value is None:
        if debug:
            return dev_default
        raise ImproperlyConfigured(f"{name}: must be set when DEBUG is false")
    if len(value) < min_length:
        raise ImproperlyConfigured(f"{name}: must be at least {min_length} characters long")
    return value


def history_keys(name: str, *, dev_default: str, debug: bool) -> dict[str, bytes]:
    """Parse `id:secret[,id:secret...]`; the first key signs new history rows.

    Older keys stay listed after a rotation so that rows they signed still verify.
    """
    value = _raw(name)
    if value is None:
        if not debug:
            raise ImproperlyConfigured(f"{name}: must be set when DEBUG is false")
        value = dev_default
    keys: dict[str, bytes] = {}
    for item in value.split(","):
        key_id, sep, key_secret = item.strip().partition(":")
        if not sep or not key_id or not key_id.isalnum() or len(key_id) > 16:
            raise ImproperlyConfigured(
                f"{name}: each key must look like id:secret with a short alphanumeric id"
            )
        if len(key_secret) < 32:
            raise ImproperlyConfigured(
                f"{name}: the secret of key {key_id!r} is under 32 characters"
            )
        if key_id in keys:
            raise ImproperlyConfigured(f"{name}: key id {key_id!r} appears twice")
        keys[key_id] = key_secret.encode()
    return keys


def database_url(name: str, default: str) -> str:
    value = _raw(name) or default
    scheme = urlparse(value).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"{name}: scheme {scheme!r} is not supported; use sqlite:/// or postgres://"
        )
    return value


def email_address(name: str, default: str) -> str:
    value = _raw(name) or default
    if "@" not in value.split("<")[-1]:
        raise ImproperlyConfigured(f"{name}: {value!r} is not an e-mail address")
    return value


def upload_storage() -> dict:
    """STORAGES["default"]: S3-compatible when S3_BUCKET is set, else the local MEDIA_ROOT."""
    bucket = string("S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": string("S3_ENDPOINT_URL", None),
            "region_name": string("S3_REGION", None),
            "access_key": string("S3_ACCESS_KEY", None),
            "secret_key": string("S3_SECRET_KEY", None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


MAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}


def mailer(*, debug: bool, file_path: Path) -> dict:
    """MAILERS["default"] from EMAIL_BACKEND and the SMTP variables."""
    backend = choice("EMAIL_BACKEND", "console" if debug else "smtp", list(MAIL_BACKENDS))
    options = {}
    if backend == "smtp":
        options = {
            "host": string("EMAIL_HOST", "localhost"),
            "port": integer("EMAIL_PORT", 25, minimum=1),
            "username": string("EMAIL_HOST_USER", ""),
            "password": string("EMAIL_HOST_PASSWORD", ""),
            "use_tls": boolean("EMAIL_USE_TLS", default=False),
            "timeout": 30,
        }
    elif backend == "file":
        options = {"file_path": str(file_path)}
    return {"BACKEND": MAIL_BACKENDS[backend], "OPTIONS": options}
