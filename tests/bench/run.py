"""The load benchmark: `make bench` (see README, "Performance").

Seeds a separate SQLite database with the demo content, serves it with gunicorn under
production settings (2 sync workers on 127.0.0.1), drives each page with wrk and prints, per
page, requests per second, p50 and p99 latency, the ratio to the no-I/O baseline measured by
the same server, response bytes and SQL queries; first with the page cache, then without it,
then without it on 10,000 projects; then the list, detail and search with no cache at all, on
the demo content and on 10,000 projects. Prints the targets of issue 8 as met or not, the peak
memory of a worker, and writes everything as JSON to tests/bench/results/.

Pages that do not exist yet answer 404: they are reported as missing and skipped. Edit PAGES
to follow the site; `{project}`, `{park}`, `{article}` and `{sector}` are filled in from the
database (the first item each list shows).
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
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
]
# Pages repeated on 10,000 projects.
AT_SCALE = {BASELINE, "project list", "project list, filtered", "project detail", "search"}

TARGET_CACHED = 0.75
TARGET_UNCACHED = {"project list": 0.15, "project detail": 0.15, "home": 0.10}
TARGET_SCALE = {"project list": 1.5, "project detail": 1.5, "search": 3.0}
TARGET_RSS_MB = 150
NO_CACHE = "dummycache://"


def environment(work, database, page_cache_seconds, cache_url=None):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "AWS_", "GUNICORN_", "PAGE_CACHE"))
        and k not in ("DATABASE_URL", "CACHE_URL")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-" + "k" * 60,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_STATIC_ROOT=str(work / "static"),
        DJANGO_MEDIA_ROOT=str(work / "media"),
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
    # The same pages at scale: the demo's first project, park and article are still there.
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


class Server:
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
        for _ in range(100):
            try:
                self.get("/healthz/live")
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def get(self, path):
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def worker_peak_rss_mb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        peaks = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return max(peaks) if peaks else None

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(url, seconds, threads, connections):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(out)


def parse_wrk(out):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        p: float(value) * UNITS[unit]
        for p, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def phase(label, work, database, cache_seconds, names, values, options, cache_url=None):
    env = environment(work, database, cache_seconds, cache_url)
    pages = [(name, template) for name, template in PAGES if name in names]
    measured = json.loads(
        run([PYTHON, DJANGO_SIDE, "measure", json.dumps(pages), json.dumps(values)], env)
    )
    server = Server(env, options.workers)
    rows = []
    try:
        for page in measured:
            status, body = server.get(page["url"])
            row = {**page, "status": status, "bytes": len(body)}
            if status != 200:
                row["missing"] = True
                rows.append(row)
                continue
            for _ in range(4 * options.workers):  # every worker's cache and connection warm
                server.get(page["url"])
            result = wrk(server.base + page["url"], options.seconds, 2, options.connections)
            if result["p50_ms"] is None:  # wrk printed no distribution: once more
                result = wrk(server.base + page["url"], options.seconds, 2, options.connections)
            row.update(result)
            rows.append(row)
        rss = server.worker_peak_rss_mb()
    finally:
        server.stop()
    baseline = next(r for r in rows if r["name"] == BASELINE)
    for row in rows:
        if "rps" in row:
            row["ratio"] = round(row["rps"] / baseline["rps"], 3)
    print_table(label, rows, rss)
    return {
        "label": label,
        "page_cache_seconds": cache_seconds,
        "cache_url": env.get("CACHE_URL", "locmemcache://"),
        "workers": options.workers,
        "rows": rows,
        "worker_rss_mb": rss,
    }


def print_table(label, rows, rss):
    print(f"\n{label}")
    header = (
        f"{'page':<24}{'req/s':>9}{'ratio':>7}{'p50 ms':>8}{'p99 ms':>8}{'bytes':>8}{'SQL':>5}  url"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        if r.get("missing"):
            print(
                f"{r['name']:<24}{'answers ' + str(r['status']) + ', skipped':>32}{r['queries']:>13}  {r['url']}"
            )
            continue
        p50, p99 = (
            f"{r[k]:>8.2f}" if r[k] is not None else f"{'?':>8}" for k in ("p50_ms", "p99_ms")
        )
        print(
            f"{r['name']:<24}{r['rps']:>9.0f}{r['ratio']:>7.2f}{p50}{p99}"
            f"{r['bytes']:>8}{r['queries']:>5}  {r['url']}"
        )
    print(f"peak memory of a worker: {rss:.1f} MB" if rss else "peak memory: unknown")


def _rows(phase_result):
    return {r["name"]: r for r in phase_result["rows"] if "rps" in r}


def targets(cached, uncached, scaled, *others):
    """Each target of the issue as met or not: the pages with the page cache on and off, their
    growth at scale with the page cache off; the peak memory over every phase."""
    checks = []
    for name, row in _rows(cached).items():
        if name != BASELINE:
            checks.append(
                (
                    f"cached {name}: ratio {row['ratio']:.2f} >= {TARGET_CACHED}",
                    row["ratio"] >= TARGET_CACHED,
                )
            )
    for name, target in TARGET_UNCACHED.items():
        row = _rows(uncached).get(name)
        if row:
            checks.append(
                (f"cache off, {name}: ratio {row['ratio']:.2f} >= {target}", row["ratio"] >= target)
            )
    for name, factor in TARGET_SCALE.items():
        small, large = _rows(uncached).get(name), _rows(scaled).get(name)
        if small and large and small["p50_ms"] and large["p50_ms"]:
            limit = small["p50_ms"] * factor
            checks.append(
                (
                    f"{name} at scale: p50 {large['p50_ms']:.2f} ms <= {factor} x {small['p50_ms']:.2f} ms",
                    large["p50_ms"] <= limit,
                )
            )
    peak = max(p["worker_rss_mb"] or 0 for p in (cached, uncached, scaled, *others))
    checks.append((f"peak worker memory {peak:.1f} MB < {TARGET_RSS_MB} MB", peak < TARGET_RSS_MB))
    print("\ntargets")
    for text, ok in checks:
        print(f"  {'met ' if ok else 'MISSED'}  {text}")
    return [{"target": text, "met": ok} for text, ok in checks]


def growth(demo, grown):
    """How much slower each page is at scale when computed in full (no cache at all): what the
    first visitor after a change waits for. Reported, not a target."""
    print("\nwith no cache at all, at scale (what the first request after a change costs)")
    lines = []
    for name in TARGET_SCALE:
        small, large = _rows(demo).get(name), _rows(grown).get(name)
        if small and large and small["p50_ms"] and large["p50_ms"]:
            factor = large["p50_ms"] / small["p50_ms"]
            text = (
                f"{name}: p50 {large['p50_ms']:.2f} ms = {factor:.1f} x {small['p50_ms']:.2f} ms;"
                f" {1000 / large['rps'] * grown.get('workers', 1):.1f} ms of a worker a request"
            )
            print(f"  {text}")
            lines.append({"page": name, "factor": round(factor, 2), "text": text})
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--projects", type=int, default=10_000, help="projects at scale")
    parser.add_argument("--work", type=Path, default=Path("/tmp/portal-bench"))
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    started = time.time()
    demo, scale, values = prepare(options.work, options.projects)
    every = {name for name, _ in PAGES}
    cached = phase("demo content, page cache on", options.work, demo, 600, every, values, options)
    uncached = phase("demo content, page cache off", options.work, demo, 0, every, values, options)
    scaled = phase(
        f"{options.projects:,} projects, page cache off",
        options.work,
        scale,
        0,
        AT_SCALE,
        values,
        options,
    )
    # The same pages computed in full on every request: no page cache, no fragments, no
    # records kept (Django's dummy cache; only each server's page shell stays in memory).
    no_cache = phase(
        "demo content, no cache at all",
        options.work,
        demo,
        0,
        AT_SCALE,
        values,
        options,
        cache_url=NO_CACHE,
    )
    no_cache_scaled = phase(
        f"{options.projects:,} projects, no cache at all",
        options.work,
        scale,
        0,
        AT_SCALE,
        values,
        options,
        cache_url=NO_CACHE,
    )
    phases = [cached, uncached, scaled, no_cache, no_cache_scaled]
    checks = targets(*phases)
    cold = growth(no_cache, no_cache_scaled)

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "wrk": {"seconds": options.seconds, "threads": 2, "connections": options.connections},
        "workers": options.workers,
        "phases": phases,
        "targets": checks,
        "no_cache_growth": cold,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2))
    shutil.copy(path, RESULTS / "latest.json")
    print(f"\nJSON: {path.relative_to(BASE_DIR)}   ({time.time() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
