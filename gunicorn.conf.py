"""gunicorn settings of the portal: `gunicorn portal.wsgi` reads this file from the working
directory by itself. Every value can be changed through the environment."""

import multiprocessing
import os

import gunicorn

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are short CPU work, and the page cache answers most of them.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
# A worker is replaced after this many requests (at a random point within the jitter, so that
# they are not all replaced at once): memory that a long life accumulates is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 200))
# Load the application before forking, so the workers share its memory.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
# Forwarded headers (the scheme, SCRIPT_NAME, PATH_INFO) are trusted from no one unless
# GUNICORN_FORWARDED_ALLOW_IPS names the proxy: gunicorn's own default trusts every local
# process. Django reads X-Forwarded-Proto itself only with DJANGO_SECURE_PROXY_SSL_HEADER,
# and the client address through portal/security/client.py, so gunicorn needs none of them
# unless the proxy is configured.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "")
# Only the header Django reads, so that a proxy which overwrites X-Forwarded-Proto cannot be
# bypassed with X-Forwarded-Ssl or X-Forwarded-Protocol.
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
# The portal is served at the root of its host: no path headers from the proxy.
forwarder_headers = ""

# An empty GUNICORN_ACCESS_LOG switches the access log off (the benchmark does).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The path without the query string: a query string can carry what a visitor typed.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'

# gunicorn 25 added a control socket; the portal does not use it, so none is opened.
if tuple(int(part) for part in gunicorn.__version__.split(".")[:2]) >= (25, 0):
    control_socket_disable = True
