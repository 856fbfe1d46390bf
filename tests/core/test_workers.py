"""The default cache under the default server: gunicorn with three sync workers on the
production settings, no CACHE_URL (so the file cache that every worker of the server shares),
debug off and the page cache on. A change made from another process shows on every request
that follows, whichever worker answers it: through a model's `save()`, and through a bulk
`QuerySet.update()` with the content version renewed in the same transaction, as a scheduled
command does it.

Part of the normal suite; it takes half a minute or so (migrate and the server in
subprocesses). Which worker answered is read from outside the app: each worker's count of
bytes read from files (`/proc/<pid>/io`: the cached page, the database) grows only when it
answers a request.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
WORKERS = 3
SLUG = "worker-cache-check"
PAGE = f"/en/projects/{SLUG}/"
COMMAND_TIMEOUT = 180
SERVER_TIMEOUT = 60
REQUEST_TIMEOUT = 15

# The manifest the production static storage reads, written directly: `collectstatic` with
# compression takes over a minute on a shared machine, and rendering a page needs only the
# names. Every file the finders see keeps its own name.
STATIC_MANIFEST = """
import json
from pathlib import Path
from django.conf import settings
from django.contrib.staticfiles import finders
paths = {}
for finder in finders.get_finders():
    for path, _storage in finder.list([]):
        paths[path.replace("\\\\", "/")] = path.replace("\\\\", "/")
root = Path(settings.STATIC_ROOT)
root.mkdir(parents=True, exist_ok=True)
(root / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1"}))
"""

ONE_PUBLISHED_PROJECT = f"""
import datetime
from decimal import Decimal
from django.utils import timezone
from projects.models import Project, Sector
sector = Sector.objects.create(slug="ring-forging", name_en="Ring forging", name_zh_hans="套圈锻造")
Project.objects.create(
    slug="{SLUG}",
    name_en="Forged ring line Alpha",
    name_zh_hans="锻造套圈生产线",
    summary_en="Forged bearing rings for wind turbines.",
    sector=sector,
    investment_yuan=Decimal("120000000"),
    signing_date=datetime.date(2023, 11, 14),
    is_published=True,
    published_at=timezone.now() - datetime.timedelta(days=1),
)
"""

RENAME_BY_SAVE = f"""
from projects.models import Project
project = Project.objects.get(slug="{SLUG}")
project.name_en = {{name!r}}
project.save()
"""

RENAME_BY_BULK_UPDATE = f"""
from django.db import transaction
from portal.core.content_version import bump_content_version
from projects.models import Project
with transaction.atomic():
    assert Project.objects.filter(slug="{SLUG}").update(name_en={{name!r}}) == 1
    bump_content_version()
"""


def _environment(work, port):
    """Production defaults: nothing from the parent's Django, cache, database or gunicorn
    settings, and no CACHE_URL at all."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "PAGE_CACHE", "AWS_"))
        and key not in ("CACHE_URL", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="worker-test-" + "s" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{work / 'portal.sqlite3'}",
        DJANGO_CACHE_DIR=str(work / "cache"),
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_MEDIA_ROOT=str(work / "media"),
        PAGE_CACHE_SECONDS="600",
        GUNICORN_WORKERS=str(WORKERS),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="warning",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )
    assert result.returncode == 0, f"manage.py {args[0]}:\n{result.stdout}{result.stderr}"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(base):
    with urllib.request.urlopen(base + PAGE, timeout=REQUEST_TIMEOUT) as response:  # noqa: S310
        return response.status, response.headers.get("X-Cache"), response.read().decode()


def _read(pid):
    """Bytes the process has read so far (files, not sockets), or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/io").read_text()
    except FileNotFoundError:
        return None
    return int(next(line for line in text.splitlines() if line.startswith("rchar:")).split()[1])


def _read_since(pid, before):
    now = _read(pid)
    return None not in (now, before) and now > before


class Server:
    def __init__(self, process, base, env, log):
        self.process, self.base, self.env, self.log = process, base, env, log

    def workers(self):
        pid = self.process.pid
        return sorted(int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())

    def output(self):
        return self.log.read_text(errors="replace")[-3000:]

    def answers_from_every_worker(self, at_least):
        """At least `at_least` answers, several at a time, and more until each of the
        server's workers has answered since the call (or, if gunicorn replaced one meanwhile,
        since it was first seen)."""
        since = {pid: _read(pid) for pid in self.workers()}
        answers = []
        deadline = time.monotonic() + SERVER_TIMEOUT
        with ThreadPoolExecutor(WORKERS * 2) as pool:
            while True:
                answers += pool.map(lambda _: _get(self.base), range(WORKERS * 2))
                workers = self.workers()
                for pid in workers:
                    since.setdefault(pid, _read(pid))
                answered = {pid for pid in workers if _read_since(pid, since[pid])}
                if len(answers) >= at_least and len(workers) == WORKERS == len(answered):
                    return answers
                assert time.monotonic() < deadline, (
                    f"only workers {sorted(answered)} of {workers} answered in"
                    f" {len(answers)} requests:\n{self.output()}"
                )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("workers")
    port = _free_port()
    env = _environment(work, port)
    _manage(env, "migrate", "--noinput")
    _manage(env, "shell", "-c", STATIC_MANIFEST)
    _manage(env, "shell", "-c", ONE_PUBLISHED_PROJECT)
    log = work / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "--no-control-socket"],
            cwd=BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        running = Server(process, f"http://127.0.0.1:{port}", env, log)
        deadline = time.monotonic() + SERVER_TIMEOUT
        while True:
            assert process.poll() is None, f"gunicorn stopped:\n{running.output()}"
            try:
                if len(running.workers()) == WORKERS and _get(running.base)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"gunicorn did not answer:\n{running.output()}"
            time.sleep(0.2)
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _cached_by_every_worker(server, name):
    """The page with `name` stored once and then served from the cache by every worker."""
    status, x_cache, body = _get(server.base)
    assert status == 200 and name in body
    answers = server.answers_from_every_worker(at_least=30)
    assert {(status, x_cache, name in body) for status, x_cache, body in answers} == {
        (200, "hit", True)
    }


def _check_every_worker_shows(server, new, old):
    """The 20 requests after a change: the first renders the page again and stores it, every
    other one is served from the stored page by whichever worker answers, none shows the old
    name."""
    status, x_cache, body = _get(server.base)
    assert (status, x_cache) == (200, "miss")
    assert new in body and old not in body
    answers = server.answers_from_every_worker(at_least=19)
    assert len(answers) >= 19
    assert [(status, new in body, old in body) for status, _x, body in answers] == [
        (200, True, False)
    ] * len(answers)
    assert {x_cache for _status, x_cache, _body in answers} == {"hit"}


@pytest.mark.parametrize(
    ("change", "old", "new"),
    [
        (RENAME_BY_SAVE, "Forged ring line Bravo", "Forged ring line Charlie"),
        (RENAME_BY_BULK_UPDATE, "Forged ring line Delta", "Forged ring line Echo"),
    ],
    ids=["save", "bulk update and bump"],
)
def test_a_change_from_another_process_shows_on_every_worker(server, change, old, new):
    _manage(server.env, "shell", "-c", RENAME_BY_SAVE.format(name=old))
    _cached_by_every_worker(server, old)

    _manage(server.env, "shell", "-c", change.format(name=new))

    _check_every_worker_shows(server, new, old)
