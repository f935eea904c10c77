"""pytest plugin loaded before Django settings: fixed, test-only secrets and English default.

Loaded with `-p iso20k.core.testing.env` (pyproject addopts) so that settings read these
values, whatever the developer's .env says.
"""

import os

os.environ["ISO20K_ENV_FILE"] = ""
os.environ.setdefault("SECRET_KEY", "test-secret-key-" + "t" * 50)
os.environ.setdefault("HISTORY_KEY", "test:test-history-key-0123456789abcdef")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("LANGUAGE_CODE", "en")
os.environ.setdefault("EMAIL_BACKEND", "memory")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
