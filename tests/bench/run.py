"""The load benchmark: `make bench` (see README, "Performance").

Seeds a separate SQLite database with the demo content and a copy grown to 10,000 projects,
collects the static files and serves each database with gunicorn under production settings
(`gunicorn.conf.py`, 2 sync workers on 127.0.0.1, `--no-control-socket`, debug off). wrk drives
each page; for each page the table shows requests per second, the ratio to `/healthz/live` (no
I/O, measured by the same server in the same phase), p50 and p99 latency, response bytes, the
page cache's answer and the SQL queries of one request (counted in-process on the same
database with `CaptureQueriesContext`).

Four phases: the demo content and 10,000 projects, each with the page cache on (the default
file cache, in a folder of its own that the workers share) and with no cache at all
(PAGE_CACHE_SECONDS=0). Then every target, met or missed, and for each page that misses one
where its time goes: its queries with their durations, its template render time and a cProfile
top ten of one request. The whole report goes as JSON to tests/bench/results/; `--summary FILE`
also writes a short Markdown table of the run.

Pages that do not answer 200 are reported and skipped (and miss their targets). `{project}`,
`{park}`, `{article}` and `{sector}` in PAGES are filled in from the demo database (the first
item each list shows; the grown copy still holds them).
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
RESULTS = BASE_DIR / "tests" / "bench" / "results"
PYTHON = sys.executable
DJANGO_SIDE = str(BASE_DIR / "tests" / "bench" / "django_side.py")

BASELINE = "baseline"
PAGES = [
    (BASELINE, "/healthz/live"),
    ("home", "/en/"),
    ("project list", "/en/projects/"),
    ("project list, filtered", "/en/projects/?sector={sector}"),
    ("project detail", "/en/projects/{project}/"),
    ("park detail", "/en/projects/parks/{park}/"),
    ("news list", "/en/news/"),
    ("article", "/en/news/{article}/"),
    ("search", "/en/search/?q=bearing"),
    ("enterprise directory", "/en/enterprises/"),
    ("industry chain", "/en/industry-chain/"),
]

# The project list asked for with a new unknown parameter on every request (wrk script): the
# page cache answers each with a redirect to the cached page, never with a render.
RANDOM_PARAMETERS = "project list, random unknown parameters"
RANDOM_PARAMETERS_SCRIPT = """
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/en/projects/?utm_source=" .. math.random(1, 1000000000))
end
"""
# With the page cache on, each of these answers at least this share of the baseline.
CACHED_PAGES = (
    "home",
    "project list",
    "project detail",
    "park detail",
    "news list",
    "article",
    "enterprise directory",
    "industry chain",
    RANDOM_PARAMETERS,
)
TARGET_CACHED_RATIO = 0.80
# With no cache at all, each of these answers at least this share of the baseline, makes at
# most this many queries, and its p50 at scale stays within the factor of the demo's.
UNCACHED_PAGES = (
    "home",
    "project list",
    "project detail",
    "park detail",
    "enterprise directory",
    "industry chain",
)
TARGET_UNCACHED_RATIO = 0.08
TARGET_MAX_QUERIES = 10
TARGET_SCALE_FACTOR = 1.5
TARGET_RSS_MB = 120

WRK_THREADS = 2
# A page that takes longer than this under load is reported as such, not waited for.
REQUEST_TIMEOUT = 60


def environment(work, database, page_cache_seconds, cache_url=None, cache_dir=None):
    """Production settings on the bench database; the cache is the default file cache (in
    `cache_dir`, else `work/cache`) unless `cache_url` or BENCH_CACHE_URL names another."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "AWS_", "GUNICORN_", "PAGE_CACHE"))
        and k not in ("DATABASE_URL", "CACHE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-" + "k" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_MEDIA_ROOT=str(work / "media"),
        DJANGO_CACHE_DIR=str(cache_dir or work / "cache"),
        DJANGO_LOG_LEVEL="ERROR",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        GUNICORN_ACCESS_LOG="",
        GUNICORN_LOG_LEVEL="warning",
        PYTHONDONTWRITEBYTECODE="1",
    )
    if cache_url or os.environ.get("BENCH_CACHE_URL"):
        env["CACHE_URL"] = cache_url or os.environ["BENCH_CACHE_URL"]
    return env


def run(args, env, **kwargs):
    result = subprocess.run(args, cwd=BASE_DIR, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def prepare(work, projects):
    """The demo database, its copy grown to `projects`, and the collected static files."""
    if work.exists():
        shutil.rmtree(work)
    (work / "media").mkdir(parents=True)
    demo, scale = work / "bench.sqlite3", work / "bench-scale.sqlite3"
    env = environment(work, demo, 0)
    run([PYTHON, "manage.py", "migrate", "--noinput"], env)
    print("seeded:", run([PYTHON, DJANGO_SIDE, "seed"], env).strip())
    run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    values = json.loads(run([PYTHON, DJANGO_SIDE, "placeholders"], env))
    shutil.copy(demo, scale)
    print(
        "grown:",
        run([PYTHON, DJANGO_SIDE, "grow", str(projects)], environment(work, scale, 0)).strip(),
    )
    return demo, scale, values


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid):
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def _peak_rss_mb(pid):
    """VmHWM of a process: the most resident memory it ever had."""
    try:
        match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return None
    return int(match.group(1)) / 1024 if match else None


def _private_mb(pid):
    """Memory a worker holds alone (Private_Clean + Private_Dirty of smaps_rollup): what one
    worker more costs, since gunicorn loads the application before forking (preload_app)
    and the pages it shares with the master count in every worker's resident size."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    kb = sum(int(v) for v in re.findall(r"^Private_(?:Clean|Dirty):\s+(\d+) kB", text, re.M))
    return kb / 1024 if kb else None


class Server:
    """gunicorn on a free port; a thread keeps the highest VmHWM of any of its workers, since
    gunicorn replaces a worker after `max_requests` and its peak would leave with it."""

    def __init__(self, env, workers):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{self.port}",
        ]
        if "--no-control-socket" in run([command[0], "--help"], env):
            command.append("--no-control-socket")
        self.process = subprocess.Popen(command, cwd=BASE_DIR, env=env)
        self.peak_rss_mb = None
        self.peak_private_mb = None
        self._stopping = threading.Event()
        for _ in range(150):
            try:
                self.get("/healthz/live")
                break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise SystemExit("gunicorn did not start")
        self._sampler = threading.Thread(target=self._sample_memory, daemon=True)
        self._sampler.start()

    def _sample_memory(self):
        while True:
            self._note_memory()
            if self._stopping.wait(0.25):
                return

    def _note_memory(self):
        for pid in _children(self.process.pid):
            peak = _peak_rss_mb(pid)
            if peak is not None and (self.peak_rss_mb is None or peak > self.peak_rss_mb):
                self.peak_rss_mb = peak
            private = _private_mb(pid)
            if private is not None and (
                self.peak_private_mb is None or private > self.peak_private_mb
            ):
                self.peak_private_mb = private

    def get(self, path):
        """`(status, headers, body)` of one GET."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=REQUEST_TIMEOUT) as response:  # noqa: S310
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def worker_peak_rss_mb(self):
        self._note_memory()
        return self.peak_rss_mb

    def stop(self):
        self._stopping.set()
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(url, seconds, threads, connections, script=None):
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            f"--timeout={REQUEST_TIMEOUT}s",
            "--latency",
            # As every browser does: the page cache then sends its stored gzip bytes as they are.
            "-H",
            "Accept-Encoding: gzip, deflate, br",
            *(["-s", str(script)] if script else []),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + REQUEST_TIMEOUT + 30,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        p: float(value) * UNITS[unit]
        for p, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    if rps == 0:  # nothing completed: wrk prints a distribution of zeros
        latency = {}
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def add_ratios(rows):
    """Each measured row's throughput as a share of the baseline's in the same phase."""
    baseline = next((r for r in rows if r["name"] == BASELINE and r.get("rps")), None)
    for row in rows:
        if "rps" in row:
            row["ratio"] = round(row["rps"] / baseline["rps"], 3) if baseline else None
    return rows


def phase(label, work, database, page_cache_seconds, names, values, options):
    """One server on one database: every page in `names` measured with wrk."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    env = environment(work, database, page_cache_seconds, cache_dir=work / f"cache-{slug}")
    pages = [(name, template) for name, template in PAGES if name in names]
    measured = json.loads(
        run([PYTHON, DJANGO_SIDE, "measure", json.dumps(pages), json.dumps(values)], env)
    )
    server = Server(env, options.workers)
    rows = []
    try:
        for page in measured:
            rows.append(measure_page(server, page, options))
        if page_cache_seconds > 0:
            rows.append(measure_random_parameters(server, work, options))
        # Load from elsewhere on the machine drifts during a phase: the baseline is measured
        # at its start and at its end, and the ratios use the mean of the two.
        baseline = next((r for r in rows if r["name"] == BASELINE and "rps" in r), None)
        if baseline:
            again = wrk(
                server.base + baseline["url"], options.seconds, WRK_THREADS, options.connections
            )
            baseline["rps_start_end"] = [baseline["rps"], again["rps"]]
            baseline["rps"] = (baseline["rps"] + again["rps"]) / 2
        rss = server.worker_peak_rss_mb()
        private = server.peak_private_mb
    finally:
        server.stop()
    add_ratios(rows)
    result = {
        "label": label,
        "database": str(database),
        "page_cache_seconds": page_cache_seconds,
        "cache": env.get("CACHE_URL", "file cache " + env["DJANGO_CACHE_DIR"]),
        "workers": options.workers,
        "rows": rows,
        "worker_rss_mb": rss,
        "worker_private_mb": private,
    }
    print_table(result)
    return result


WARM_UP_SECONDS = 3


def measure_page(server, page, options):
    """One page under wrk, after a few requests have warmed every worker's connection and
    templates (and stored the page, with the page cache on)."""
    row = {**page}
    try:
        status, headers, body = server.get(page["url"])
        row.update(status=status, bytes=len(body))
        if status != 200:
            return {**row, "missing": True}
        started = time.monotonic()
        for _ in range(4 * options.workers):
            if time.monotonic() - started > WARM_UP_SECONDS:
                break
            _status, headers, _body = server.get(page["url"])
    except OSError as error:  # a timeout, or the worker killed by gunicorn's own timeout
        return {**row, "status": type(error).__name__, "bytes": 0, "missing": True}
    row["x_cache"] = headers.get("X-Cache", "-")
    url = server.base + page["url"]
    result = wrk(url, options.seconds, WRK_THREADS, options.connections)
    if result["p50_ms"] is None:  # wrk printed no distribution: once more
        result = wrk(url, options.seconds, WRK_THREADS, options.connections)
    row.update(result)
    return row


def measure_random_parameters(server, work, options):
    """The project list with a new unknown query parameter on every request."""
    script = work / "random-parameters.lua"
    script.write_text(RANDOM_PARAMETERS_SCRIPT)
    status, headers, _body = server.get("/en/projects/?utm_source=1")
    row = {
        "name": RANDOM_PARAMETERS,
        "url": "/en/projects/?utm_source=<random>",
        "status": status,
        "bytes": 0,
        "queries": 0,
        "x_cache": headers.get("X-Cache", "-"),
    }
    row.update(wrk(server.base + "/", options.seconds, WRK_THREADS, options.connections, script))
    return row


def print_table(result):
    print(f"\n{result['label']}")
    header = (
        f"{'page':<24}{'req/s':>9}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}{'bytes':>8}"
        f"{'cache':>7}{'SQL':>5}  url"
    )
    print(header)
    print("-" * len(header))
    for r in result["rows"]:
        if r.get("missing"):
            skipped = f"answers {r['status']}, skipped"
            print(
                f"{r['name']:<24}{skipped:>40}{r['bytes']:>8}{'':>7}{r['queries']:>5}  {r['url']}"
            )
            continue
        p50, p99 = (
            f"{r[k]:>8.2f}" if r[k] is not None else f"{'?':>8}" for k in ("p50_ms", "p99_ms")
        )
        ratio = f"{r['ratio']:>7.2f}" if r.get("ratio") is not None else f"{'?':>7}"
        errors = "".join(
            f"  ({r[key]} {what})"
            for key, what in (("non_2xx", "non-2xx"), ("timeouts", "timed out"))
            if r.get(key)
        )
        print(
            f"{r['name']:<24}{r['rps']:>9.0f}{ratio}{p50}{p99}{r['bytes']:>8}"
            f"{r.get('x_cache', '-'):>7}{r['queries']:>5}  {r['url']}{errors}"
        )
    rss = result["worker_rss_mb"]
    private = result.get("worker_private_mb")
    shared = f" (its own: {private:.1f} MB; the rest is shared with the master)" if private else ""
    print(f"peak memory of a worker: {rss:.1f} MB{shared}" if rss else "peak memory: unknown")


def _rows(phase_result):
    return {r["name"]: r for r in phase_result["rows"]}


def _check(text, met, phase_result=None, page=None):
    check = {"target": text, "met": bool(met)}
    if phase_result is not None and page is not None:
        check["phase"] = phase_result["label"]
        check["database"] = phase_result["database"]
        check["page_cache_seconds"] = phase_result["page_cache_seconds"]
        check["page"] = page
    return check


def _measured(row):
    return row is not None and row.get("rps") is not None and not row.get("missing")


def _not_measured(row):
    return "not measured" if row is None else f"answers {row.get('status')}"


def _ratio_checks(phase_result, pages, target):
    rows = _rows(phase_result)
    checks = []
    for name in pages:
        row = rows.get(name)
        label = f"{phase_result['label']}: {name}"
        if _measured(row) and row.get("ratio") is not None:
            checks.append(
                _check(
                    f"{label} ratio {row['ratio']:.3f} >= {target:.2f}",
                    row["ratio"] >= target,
                    phase_result,
                    name,
                )
            )
        else:
            checks.append(_check(f"{label} {_not_measured(row)}", False, phase_result, name))
    return checks


def _query_checks(phase_result, pages):
    rows = _rows(phase_result)
    checks = []
    for name in pages:
        row = rows.get(name)
        label = f"{phase_result['label']}: {name}"
        if row is not None and row.get("status") == 200:
            checks.append(
                _check(
                    f"{label} {row['queries']} queries <= {TARGET_MAX_QUERIES}",
                    row["queries"] <= TARGET_MAX_QUERIES,
                    phase_result,
                    name,
                )
            )
        else:
            checks.append(_check(f"{label} {_not_measured(row)}", False, phase_result, name))
    return checks


def _scale_checks(small_phase, large_phase, pages):
    small_rows, large_rows = _rows(small_phase), _rows(large_phase)
    checks = []
    for name in pages:
        small, large = small_rows.get(name), large_rows.get(name)
        label = f"{large_phase['label']}: {name}"
        if _measured(small) and _measured(large) and small["p50_ms"] and large["p50_ms"]:
            checks.append(
                _check(
                    f"{label} p50 {large['p50_ms']:.2f} ms <= {TARGET_SCALE_FACTOR} x"
                    f" {small['p50_ms']:.2f} ms ({large['p50_ms'] / small['p50_ms']:.2f} x)",
                    large["p50_ms"] <= small["p50_ms"] * TARGET_SCALE_FACTOR,
                    large_phase,
                    name,
                )
            )
        else:
            checks.append(_check(f"{label} p50 unknown", False, large_phase, name))
    return checks


def evaluate(demo_cached, demo_uncached, scale_cached, scale_uncached):
    """Every target as `{"target": text, "met": bool}`, with the phase and page it is about."""
    checks = []
    for cached in (demo_cached, scale_cached):
        checks += _ratio_checks(cached, CACHED_PAGES, TARGET_CACHED_RATIO)
    for uncached in (demo_uncached, scale_uncached):
        checks += _ratio_checks(uncached, UNCACHED_PAGES, TARGET_UNCACHED_RATIO)
        checks += _query_checks(uncached, UNCACHED_PAGES)
    checks += _scale_checks(demo_uncached, scale_uncached, UNCACHED_PAGES)
    phases = (demo_cached, demo_uncached, scale_cached, scale_uncached)
    peaks = [p["worker_rss_mb"] for p in phases if p.get("worker_rss_mb") is not None]
    if peaks:
        peak = max(peaks)
        checks.append(
            _check(f"peak worker memory {peak:.1f} MB < {TARGET_RSS_MB} MB", peak < TARGET_RSS_MB)
        )
    else:
        checks.append(_check("peak worker memory unknown", False))
    return checks


def print_targets(checks):
    met = sum(c["met"] for c in checks)
    print(f"\ntargets: {met} of {len(checks)} met")
    for check in checks:
        print(f"  {'met   ' if check['met'] else 'MISSED'}  {check['target']}")


def missed_pages(checks):
    """`{(database, page cache seconds, phase label): [page, ...]}` of the missed targets."""
    found = {}
    for check in checks:
        if not check["met"] and "page" in check:
            key = (check["database"], check["page_cache_seconds"], check["phase"])
            pages = found.setdefault(key, [])
            if check["page"] not in pages:
                pages.append(check["page"])
    return found


def where_the_time_goes(work, checks, values):
    """For each page that missed a target: one request taken apart in-process, under the
    settings and on the database of the phase where it missed."""
    found = missed_pages(checks)
    if not found:
        return []
    print("\nwhere the time goes (in-process, one request, the phase's settings and database)")
    profiles = []
    for (database, seconds, label), names in found.items():
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        env = environment(work, Path(database), seconds, cache_dir=work / f"cache-{slug}")
        pages = [(name, template) for name, template in PAGES if name in names]
        out = run([PYTHON, DJANGO_SIDE, "profile", json.dumps(pages), json.dumps(values)], env)
        for profile in json.loads(out):
            profile["phase"] = label
            print_profile(profile)
            profiles.append(profile)
    return profiles


def _times(repeats):
    return "one request" if repeats == 1 else f"median of {repeats}"


def print_profile(p):
    print(f"\n{p['phase']}: {p['name']}  {p['url']}  (answers {p['status']})")
    print(
        f"  request {p['request_ms']:.1f} ms ({_times(p['repeats'])}), {p['bytes']:,} bytes;"
        f" then, under cProfile: SQL {p['sql_ms']:.1f} ms in {len(p['queries'])} queries,"
        f" template render {p['render_ms']:.1f} ms ({p['render_queries']} of the queries"
        " run while rendering)"
    )
    if p.get("x_cache"):
        print(f"  page cache: {p['x_cache']}")
    for q in p["queries"][:12]:
        print(f"    {q['ms']:7.2f} ms  {q['sql']}")
    if len(p["queries"]) > 12:
        print(f"    ... {len(p['queries']) - 12} more")
    for shape in p["repeated"]:
        print(f"    repeated {shape['count']} x: {shape['sql']}")
    print("  cProfile, top 10 by own time:")
    for f in p["top_own_time"]:
        print(
            f"    {f['tottime_ms']:7.2f} ms own {f['cumtime_ms']:8.2f} ms cum {f['calls']:>6}  {f['function']}"
        )
    print("  the portal's own code below the middleware, top 5 by cumulative time:")
    for f in p["top_portal_cumulative"]:
        print(f"    {f['cumtime_ms']:8.2f} ms cum {f['calls']:>6}  {f['function']}")


def summary_markdown(report):
    """A short Markdown summary of one run: ratios, latency and queries per page, then the
    targets missed."""
    phases = report["phases"]
    by_label = {p["label"]: _rows(p) for p in phases}
    labels = [p["label"] for p in phases]
    short = {
        labels[0]: "demo, cached",
        labels[1]: "demo, no cache",
        labels[2]: f"{report['projects']:,}, cached",
        labels[3]: f"{report['projects']:,}, no cache",
    }

    def ratio(label, name):
        row = by_label[label].get(name)
        return f"{row['ratio']:.2f}" if row and row.get("ratio") is not None else "-"

    def p50(label, name):
        row = by_label[label].get(name)
        return f"{row['p50_ms']:.1f}" if row and row.get("p50_ms") is not None else "-"

    def queries(label, name):
        row = by_label[label].get(name)
        return str(row["queries"]) if row and "queries" in row else "-"

    wrk_ = report["wrk"]
    lines = [
        "# Benchmark results",
        "",
        f"One run of `make bench` ({report['command']}), {report['when'][:10]}; machine:"
        f" {report['machine']['cpus']} cores, Python {report['machine']['python']};"
        f" gunicorn with {report['workers']} sync workers; wrk {wrk_['seconds']} s per page,"
        f" {wrk_['threads']} threads, {wrk_['connections']} connections. Ratios are throughput"
        " over `/healthz/live` measured by the same server in the same phase; p50 in ms under"
        " that load; SQL is the queries of one request with no cache.",
        "",
        "| page | "
        + " | ".join(f"ratio {short[label]}" for label in labels)
        + f" | p50 demo / {report['projects']:,}, no cache | SQL demo / {report['projects']:,} |",
        "|---|" + "---:|" * (len(labels) + 2),
    ]
    names = [n for n, _ in PAGES if n != BASELINE and any(n in by_label[lb] for lb in labels)]
    for name in names:
        lines.append(
            f"| {name} | "
            + " | ".join(ratio(label, name) for label in labels)
            + f" | {p50(labels[1], name)} / {p50(labels[3], name)}"
            + f" | {queries(labels[1], name)} / {queries(labels[3], name)} |"
        )
    baseline = " / ".join(
        f"{by_label[label][BASELINE]['rps']:.0f}" if BASELINE in by_label[label] else "-"
        for label in labels
    )
    peak = max((p["worker_rss_mb"] or 0) for p in phases)
    private = max((p.get("worker_private_mb") or 0) for p in phases)
    checks = report["targets"]
    missed = [c["target"] for c in checks if not c["met"]]
    lines += [
        "",
        f"Baseline req/s in the four phases: {baseline}. Peak worker memory (VmHWM): "
        f"{peak:.1f} MB, of which the worker's own (private pages): {private:.1f} MB; the rest "
        "is shared with the gunicorn master, which loads the application before forking.",
        "",
        f"Targets: {len(checks) - len(missed)} of {len(checks)} met"
        + ("; missed:" if missed else "."),
    ]
    lines += [f"- {text}" for text in missed]
    return "\n".join(lines) + "\n"


def write_summary(json_path, summary_path):
    """The Markdown summary of a run already made, from its JSON."""
    Path(summary_path).write_text(summary_markdown(json.loads(Path(json_path).read_text())))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--projects", type=int, default=10_000, help="projects at scale")
    parser.add_argument("--work", type=Path, default=Path("/tmp/portal-bench"))
    parser.add_argument("--summary", type=Path, help="also write a Markdown summary here")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    started = time.time()
    demo, scale, values = prepare(options.work, options.projects)
    cached_names = {BASELINE, *CACHED_PAGES}
    every = {name for name, _ in PAGES}
    at_scale = f"{options.projects:,} projects"
    phases = [
        phase(
            "demo content, page cache on", options.work, demo, 600, cached_names, values, options
        ),
        phase("demo content, no cache", options.work, demo, 0, every, values, options),
        phase(
            f"{at_scale}, page cache on", options.work, scale, 600, cached_names, values, options
        ),
        phase(f"{at_scale}, no cache", options.work, scale, 0, every, values, options),
    ]
    checks = evaluate(*phases)
    print_targets(checks)
    profiles = where_the_time_goes(options.work, checks, values)

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": " ".join(["tests/bench/run.py", *sys.argv[1:]]),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "wrk": {
            "seconds": options.seconds,
            "threads": WRK_THREADS,
            "connections": options.connections,
        },
        "workers": options.workers,
        "projects": options.projects,
        "phases": phases,
        "targets": checks,
        "where_the_time_goes": profiles,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2))
    shutil.copy(path, RESULTS / "latest.json")
    if options.summary:
        options.summary.write_text(summary_markdown(report))
        print(f"\nsummary: {options.summary}")
    print(f"\nJSON: {path.relative_to(BASE_DIR)}   ({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
