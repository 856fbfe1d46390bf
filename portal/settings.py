"""Settings of the Guanxian Bearing Investment Portal.

Every knob is read from the environment (or a local `.env` file) through django-environ;
`.env.example` documents each variable. The defaults run the site with nothing else installed:
SQLite, a cache in files that the server's workers share, mail printed to the console and media
on local disk.
"""

import base64
import hashlib
from email.utils import getaddresses
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from js_asset import static_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production "
            "(see .env.example), or set DJANGO_DEBUG=true for local development."
        )
    SECRET_KEY = "django-insecure-local-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS",
    default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it loads before it.
    "modeltranslation",
    # The admin site class adds the optional second factor (portal/security/admin.py).
    "portal.security.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_prose_editor",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Versions of every content record, for history, compare and restore (portal/core/revisions.py).
    "reversion",
    # Export to Excel and import back, with a preview (portal/core/spreadsheets.py).
    "import_export",
    # The kernel first, then the registry, then the apps built on it, then the site shell.
    "portal.core",
    # Images and PDFs uploaded once and reused (portal/media_library).
    "portal.media_library",
    # The optional review step before publication (portal/core/review).
    "portal.core.review",
    "projects",
    "portal.news",
    "portal.enquiries",
    "portal.invest",
    "portal.chain",
    "portal",
]
# The apps whose models pages show: a change to any of their rows renews the content version
# (portal.core.content_version), and "Content editors" may edit them (portal.groups).
CONTENT_APPS = ["projects", "news", "invest", "chain", "media_library", "portal"]
# With review on, editors submit changes of what visitors see and a "Reviewers" group approves
# and publishes them; the site shows the last approved version meanwhile (portal/core/review).
CONTENT_REVIEW_REQUIRED = env.bool("CONTENT_REVIEW_REQUIRED", default=False)

# The rich-text editor's own buttons: an image from the media library and a link to a project,
# park or article (static/js/admin-prose-pickers.js, configured in portal/news/sanitize.py).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/admin-prose-pickers.js")],
        "extensions": {"LibraryPickers": lambda config, shared: None},
    }
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.security.middleware.SecurityHeadersMiddleware",
    # ETag and 304 for every page, feeds and the sitemap included, cached or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # A hit answers from here and skips everything below (see portal/core/page_cache.py).
    "portal.core.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that it sees the login's outcome and answers a lockout with its own page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "portal.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write at once: WAL lets readers go on while one writes, and
    # IMMEDIATE transactions take the write lock up front, so a second writer waits out the
    # busy timeout instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Connections are kept between requests and checked before reuse, so a database restart
# costs one reconnect instead of a 500.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DJANGO_CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------

# Without CACHE_URL the cache is a folder of files that every worker process of this server
# shares (gunicorn's and runserver's alike), so a page cached by one worker is right for all.
# Redis through CACHE_URL is shared by several servers.
if "CACHE_URL" in env:
    CACHES = {"default": env.cache_url("CACHE_URL")}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.str("DJANGO_CACHE_DIR", default=str(BASE_DIR / "var" / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
CACHES["default"].setdefault("KEY_PREFIX", env.str("DJANGO_CACHE_PREFIX", default="portal"))
# Redis (redis://, rediss://) through Django's RedisCache, but a Redis that fails slows the
# site down instead of stopping it (portal/core/cache_backends.py).
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "portal.core.cache_backends.ResilientRedisCache"
# Seconds an anonymous page stays in the page cache (portal/core/page_cache.py); 0 switches
# it off. A page is never served after the content changed, so this bounds memory only.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Refuse to start against a Redis without a memory limit and an evicting policy
# (portal/core/checks.py): production sets it once Redis has `maxmemory-policy allkeys-lru`.
CACHE_REDIS_REQUIRE_EVICTION = env.bool("CACHE_REDIS_REQUIRE_EVICTION", default=False)
# The largest page kept, gzip-compressed, in bytes.
PAGE_CACHE_MAX_ENTRY_BYTES = env.int("PAGE_CACHE_MAX_ENTRY_BYTES", default=256 * 1024)

# --- Passwords and sessions -----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A staff session lasts a working day, and ends sooner when the browser closes.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_COOKIE_AGE", default=9 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)

# Failed sign-ins are counted per pair of account and client address (django-axes): after
# AXES_FAILURE_LIMIT failures the pair is locked out for AXES_COOLOFF_TIME hours, so guessing
# someone's password from elsewhere never locks that person out. An address that fails
# LOGIN_ADDRESS_FAILURE_LIMIT times across any accounts is locked on its own
# (portal/security/lockouts.py).
AUTHENTICATION_BACKENDS = [
    "portal.security.backends.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "portal.security.lockouts.PairAndAddressHandler"
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.float("DJANGO_LOGIN_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/lockout.html"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
AXES_CLIENT_IP_CALLABLE = "portal.security.client.client_address"
# Staff sign in with a one-time code from an authenticator app as well (django-otp, TOTP).
ADMIN_REQUIRE_2FA = env.bool("DJANGO_ADMIN_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Guanxian Investment Portal"

# --- Languages ------------------------------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
# Pages never cached that read GET parameters of their own (the enquiry form's campaign tags):
# the page cache leaves them alone instead of redirecting to the address without them.
PAGE_CACHE_UNCACHED_PATHS = [
    f"/{code}/enquire/{form}" for code, _name in LANGUAGES for form in ("", "visit/")
]
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = "portal.formats"
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "zh-hans"), "en": ("zh-hans",)}

# --- Static files and media -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files that must live at the site root (favicon.ico) are served from here by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
WHITENOISE_USE_FINDERS = DEBUG

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files chosen before a form error wait here for the corrected save (portal/core/upload_stash.py):
# never served, shared by the server's workers, each removed after a day at most.
UPLOAD_STASH_ROOT = env.str("UPLOAD_STASH_ROOT", default="") or None
UPLOAD_STASH_MAX_AGE = env.int("UPLOAD_STASH_MAX_AGE", default=24 * 60 * 60)

# Media on S3-compatible object storage when a bucket is named, on local disk otherwise. Code
# reads and writes uploads (and their renditions) through the storage API only.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "access_key": env.str("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("AWS_SECRET_ACCESS_KEY", default="") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "location": env.str("AWS_LOCATION", default=""),
            # Public media under plain, cacheable URLs; signed URLs only if asked for.
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "default_acl": env.str("AWS_DEFAULT_ACL", default="") or None,
            # Rendition names are fixed, so a new rendition replaces the old one in place.
            "file_overwrite": True,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Email ----------------------------------------------------------------------------------

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Guanxian Investment Portal <invest@localhost>"
)
SERVER_EMAIL = env.str("DJANGO_SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=10)
# Who gets a mail for each server error: "Name <address>, Other <address>".
ADMINS = [
    (name, address)
    for name, address in getaddresses([env.str("DJANGO_ADMINS", default="")])
    if "@" in address
]

# --- The portal -----------------------------------------------------------------------------

ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="invest@guanxian.example.cn")
PORTAL_CONTACT_PHONE = env.str("PORTAL_CONTACT_PHONE", default="+86 635 000 0000")
# The site's own address, for links in mail sent outside a request (reminders, the worker).
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="")
# The filings a Chinese government site shows in its footer, each only when set: the ICP
# filing number (e.g. 鲁ICP备12345678号-1, linked to beian.miit.gov.cn), the public-security
# filing number (e.g. 鲁公网安备37152502000123号, linked to its record on beian.mps.gov.cn) and
# the government website code (政府网站标识码, ten digits).
PORTAL_ICP_NUMBER = env.str("PORTAL_ICP_NUMBER", default="")
PORTAL_PUBLIC_SECURITY_NUMBER = env.str("PORTAL_PUBLIC_SECURITY_NUMBER", default="")
PORTAL_GOVERNMENT_SITE_CODE = env.str("PORTAL_GOVERNMENT_SITE_CODE", default="")
# The elderly-friendly mode's head script runs inline, before the first paint, so that a page
# never flashes in the standard size; the policy allows it by its hash.
CARE_MODE_SCRIPT = (BASE_DIR / "templates" / "includes" / "care_mode.js").read_text().strip()
CARE_MODE_SCRIPT_HASH = (
    "'sha256-" + base64.b64encode(hashlib.sha256(CARE_MODE_SCRIPT.encode()).digest()).decode() + "'"
)

# --- Enquiries ------------------------------------------------------------------------------

# What each of these does: the README's table of variables, and .env.example.
ENQUIRY_DEFAULT_INBOX = env.str("ENQUIRY_DEFAULT_INBOX", default=PORTAL_CONTACT_EMAIL)
ENQUIRY_OFFICER_LANGUAGE = env.str("ENQUIRY_OFFICER_LANGUAGE", default="zh-hans")
ENQUIRY_RESPONSE_WORKING_DAYS = env.int("ENQUIRY_RESPONSE_WORKING_DAYS", default=5)
ENQUIRY_RATE_LIMIT = env.int("ENQUIRY_RATE_LIMIT", default=5)
ENQUIRY_RATE_WINDOW = env.int("ENQUIRY_RATE_WINDOW", default=600)
ENQUIRY_FORM_TOKEN_MAX_AGE = env.int("ENQUIRY_FORM_TOKEN_MAX_AGE", default=4 * 60 * 60)
ENQUIRY_NO_RESPONSE_WEEKS = env.int("ENQUIRY_NO_RESPONSE_WEEKS", default=4)
ENQUIRY_MIN_FILL_SECONDS = env.int("ENQUIRY_MIN_FILL_SECONDS", default=3)
ENQUIRY_DUPLICATE_WINDOW = env.int("ENQUIRY_DUPLICATE_WINDOW", default=600)
ENQUIRY_MAX_BODY_BYTES = env.int("ENQUIRY_MAX_BODY_BYTES", default=64 * 1024)
ENQUIRY_MAX_SEND_ATTEMPTS = env.int("ENQUIRY_MAX_SEND_ATTEMPTS", default=8)

# --- Investor tools: open data and the map ---------------------------------------------------

OPEN_DATA_LICENCE = env.str("OPEN_DATA_LICENCE", default="CC BY 4.0")
OPEN_DATA_LICENCE_URL = env.str(
    "OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/"
)
# No tile server by default: the map page shows the site's own sketch map. The README's map
# section names providers that are reachable and licensed in mainland China.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_TILE_SUBDOMAINS = env.str("MAP_TILE_SUBDOMAINS", default="abc")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")

# --- Security -------------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
BEHIND_PROXY = env.bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front append to X-Forwarded-For; the client is the entry that many from
# the right (portal/security/client.py). 0 means REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=1 if BEHIND_PROXY else 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT cannot be negative.")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# Powerful browser features the portal never uses, switched off for every page and file.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
}


def _static_file_headers(headers, path, url):
    """Static files skip the middleware after WhiteNoise; this gives them the same headers."""
    from portal.security.headers import add_static_headers

    add_static_headers(headers, path, url)


WHITENOISE_ADD_HEADERS_FUNCTION = _static_file_headers
# Error reports (mail to ADMINS, the debug page) never show form values or cookies.
DEFAULT_EXCEPTION_REPORTER_FILTER = "portal.security.reporting.PersonalDataReporterFilter"
SECURITY_TXT_CONTACT = env.list(
    "PORTAL_SECURITY_CONTACT", default=[f"mailto:{PORTAL_CONTACT_EMAIL}"]
)

# Nothing the page loads comes from another site, and no script runs inline.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", CARE_MODE_SCRIPT_HASH],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Log lines carry the message and traceback only, never a request body, form values or
# cookies, and e-mail addresses and phone numbers in them are masked. Server errors are also
# mailed to ADMINS, when set, by Django's own "django" logger (outside debug), through
# DEFAULT_EXCEPTION_REPORTER_FILTER above.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_personal_data": {"()": "portal.security.reporting.RedactPersonalDataFilter"},
        "one_line_warning": {"()": "portal.security.reporting.OneLineWarningFilter"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_personal_data"],
        },
        "console_one_line": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["one_line_warning", "no_personal_data"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Scanners send made-up Host headers all day: one warning line each, without the
        # traceback, and no mail to ADMINS.
        "django.security.DisallowedHost": {"handlers": ["console_one_line"], "propagate": False},
    },
}
