"""iso20k settings: one module, driven by environment variables (see README "Configuration").

Every variable is parsed strictly by iso20k.core.env; a bad value stops start-up with a
message naming the variable. Defaults are for local development with DEBUG=true.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from iso20k.core import env

BASE_DIR = Path(__file__).resolve().parent.parent
env.load_env_file(Path(os.environ.get("ISO20K_ENV_FILE", BASE_DIR / ".env")))

DEBUG = env.boolean("DEBUG", default=False)
SECRET_KEY = env.secret("SECRET_KEY", debug=DEBUG, dev_default="dev-only-insecure-key-" + "x" * 40)
HISTORY_KEYS = env.history_keys(
    "HISTORY_KEY", debug=DEBUG, dev_default="dev:dev-only-history-key-not-for-production-use"
)
ALLOWED_HOSTS = env.string_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.string("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_tasks_db",
    "axes",
    # iso20k, foundation first: later apps import these.
    "iso20k.core",
    "iso20k.history",
    "iso20k.catalogue",
    "iso20k.accounts",
    "iso20k.notifications",
    "iso20k.files",
    "iso20k.organisations",
    # Stages 1 and 2 (programme, gap assessments, training) go here.
    "iso20k.programme",
    "iso20k.gaps",
    "iso20k.training",
    # Stage 3 (documents) goes here.
    "iso20k.documents",
    # Stage 4 (service desk) goes here.
    "iso20k.customers",
    "iso20k.servicecatalogue",
    "iso20k.calendars",
    "iso20k.slas",
    "iso20k.servicedesk",
    "iso20k.problems",
    "iso20k.incidents",
    "iso20k.servicerequests",
    "iso20k.portal",
    # The evidence engine comes last: its checks read every app above.
    "iso20k.evidence",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "iso20k.accounts.middleware.UserPreferencesMiddleware",
    "iso20k.core.middleware.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
FORM_RENDERER = "iso20k.core.forms_renderer.FormRenderer"
DJANGO_TABLES2_TEMPLATE = "components/table_body.html"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iso20k.core.context_processors.shell",
            ],
        },
    }
]

# Databases: SQLite by default; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env.database_url("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'iso20k.sqlite3'}"),
        conn_max_age=env.integer("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] not in ("", ":memory:"):
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE transactions make concurrent writers queue instead of failing, and
        # serialise history appends (the chain head); WAL lets readers run alongside.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Failed logins: a cool-off per user name and address, never a permanent lock.
AXES_FAILURE_LIMIT = env.integer("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "iso20k.accounts.views.locked_out"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = env.integer("SESSION_HOURS", 10, minimum=1) * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Languages and time: English and Chinese are both first-class.
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
LANGUAGE_CODE = env.choice("LANGUAGE_CODE", "zh-hans", ["en", "zh-hans"])
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env.time_zone("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "assets", ("vendor", BASE_DIR / "var" / "vendor")]
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
UPLOAD_MAX_BYTES = env.integer("UPLOAD_MAX_MB", 20, minimum=1) * 1024 * 1024
UPLOAD_MAX_UNPACKED_BYTES = 10 * UPLOAD_MAX_BYTES
FILE_UPLOAD_PERMISSIONS = 0o640
STORAGES = {
    # Uploads: a local folder, or an S3-compatible bucket when S3_BUCKET is set; files are only
    # ever served through files.views.download, which checks access.
    "default": env.upload_storage(),
    # Hashed, compressed names once `collectstatic` has run (production); plain names before.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.boolean("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Background work: django.tasks with the database backend (SQLite and PostgreSQL).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
HISTORY_VERIFY_EVERY = timedelta(hours=env.integer("HISTORY_VERIFY_HOURS", 24, minimum=1))

# E-mail (Django 6.1 MAILERS): smtp, console, file (var/mail) or memory.
MAILERS = {"default": env.mailer(debug=DEBUG, file_path=BASE_DIR / "var" / "mail")}
DEFAULT_FROM_EMAIL = env.email_address("DEFAULT_FROM_EMAIL", "iso20k <iso20k@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production values are the defaults whenever DEBUG is false.
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
if env.boolean("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# REST API.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "knox.auth.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "iso20k.core.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "iso20k.core.api.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "1200/min"},
    "PAGE_SIZE": 50,
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env.integer("API_TOKEN_DAYS", 90, minimum=1)),
    "AUTO_REFRESH": False,
    "TOKEN_LIMIT_PER_USER": 20,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "iso20k API",
    "DESCRIPTION": "ISO/IEC 20000-1 service management and certification readiness.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "DocumentStatusEnum": "iso20k.documents.choices.DocumentStatus",
        "ProgrammeKindEnum": "iso20k.programme.choices.ProgrammeKind",
        "ProgrammeRoleEnum": "iso20k.programme.choices.ProgrammeRole",
        "RoleEnum": "iso20k.accounts.choices.Role",
        "RatingEnum": "iso20k.gaps.choices.Rating",
        "CourseKindEnum": "iso20k.training.choices.CourseKind",
        "HoldReasonEnum": "iso20k.servicedesk.choices.HoldReason",
        "TicketSourceEnum": "iso20k.servicedesk.choices.TicketSource",
        "ProblemSourceEnum": "iso20k.problems.choices.ProblemSource",
        "TicketCategoryEnum": "iso20k.servicedesk.choices.Category",
        "BudgetCategoryEnum": "iso20k.programme.choices.BudgetCategory",
        "SatisfactionEnum": "iso20k.servicedesk.choices.Rating",
        "SlaPriorityEnum": "iso20k.slas.choices.Priority",
        "TaskPriorityEnum": "iso20k.programme.choices.Priority",
        "ProgrammeStageEnum": "iso20k.programme.choices.Stage",
        "ClockStageEnum": "iso20k.slas.choices.ClockStage",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {"axes": {"level": "WARNING"}},
    "root": {
        "handlers": ["console"],
        "level": env.choice("LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR"]),
    },
}
