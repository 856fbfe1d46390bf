"""The Lighthouse budget: `make lighthouse` (see README, "Quality").

Seeds a separate SQLite database with the demo content, collects the static files and serves
the site with gunicorn under production settings (the load benchmark's own functions, from
tests/bench/run.py), then runs Lighthouse 12.2.3 with the mobile preset on the system Chromium
for each page below. Prints one JSON line of scores per page and exits non-zero when a page
misses a target: performance at least 0.95; accessibility, best practices and SEO 1.00.

Lighthouse is installed from npm with `npm i -E lighthouse@12.2.3` into tests/bench/node_modules
when it is not there; it never downloads a browser (CHROME_PATH points at /usr/bin/chromium).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parents[1]))

from tests.bench import run as bench  # noqa: E402

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# DESIGN.md, "Running things on these machines".
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PAGES = [
    ("home", "/en/"),
    ("project list", "/en/projects/"),
    ("project detail", "/en/projects/{project}/"),
    ("park detail", "/en/projects/parks/{park}/"),
    ("news list", "/en/news/"),
    ("article", "/en/news/{article}/"),
    ("enquiry", "/en/enquire/"),
    ("cost estimator", "/en/projects/estimate/?land=50&electricity=2000000&water=30000"),
    ("why Guanxian", "/en/invest/"),
    ("investment guide", "/en/invest/guide/"),
    ("enterprise directory", "/en/enterprises/"),
    ("industry chain", "/en/industry-chain/"),
    ("park comparison", "/en/projects/compare/parks/"),
    ("home, Chinese", "/zh-hans/"),
    ("project list, Chinese", "/zh-hans/projects/"),
    ("enterprise directory, Chinese", "/zh-hans/enterprises/"),
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        raise SystemExit("Node.js and npm are needed: apt-get install nodejs npm")
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {BENCH / 'node_modules'}", flush=True)
    subprocess.run(
        ["npm", "i", "-E", "--no-audit", "--no-fund", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=BENCH,
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        check=True,
    )


def prepare(work):
    """The demo database and the collected static files, under production settings."""
    if work.exists():
        shutil.rmtree(work)
    (work / "media").mkdir(parents=True)
    database = work / "lighthouse.sqlite3"
    env = bench.environment(work, database, page_cache_seconds=600)
    bench.run([bench.PYTHON, "manage.py", "migrate", "--noinput"], env)
    print("seeded:", bench.run([bench.PYTHON, bench.DJANGO_SIDE, "seed"], env).strip(), flush=True)
    bench.run([bench.PYTHON, "manage.py", "collectstatic", "--noinput"], env)
    values = json.loads(bench.run([bench.PYTHON, bench.DJANGO_SIDE, "placeholders"], env))
    return env, values


# Lighthouse's own advice when Chromium's trace of a load comes back without its start
# ("NO_NAVSTART ... Please run Lighthouse again"): a failure of the recording, not of the page.
RETRIED_ERRORS = ("NO_NAVSTART", "NO_FCP")
ATTEMPTS = 3


def lighthouse(url, report_dir):
    """Lighthouse's category scores for one address (its default config is the mobile one)."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _lighthouse(url, report_dir)
        except RecordingFailed as error:
            if attempt == ATTEMPTS:
                raise SystemExit(str(error)) from None
            print(f"{url}: the trace failed ({error.code}); again", flush=True)
    raise AssertionError("unreachable")


class RecordingFailed(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _lighthouse(url, report_dir):
    report = report_dir / "report.json"
    report.unlink(missing_ok=True)
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME_PATH},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0 or not report.exists():
        message = f"lighthouse failed on {url}:\n{result.stdout}{result.stderr}"
        code = next((c for c in RETRIED_ERRORS if c in message), None)
        if code:
            raise RecordingFailed(code, message)
        raise SystemExit(message)
    data = json.loads(report.read_text())
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")
        and any(
            ref["id"] == audit["id"]
            for name in CATEGORIES[1:]
            for ref in data["categories"][name]["auditRefs"]
            if ref.get("weight", 0) > 0
        )
    ]
    metrics = {
        key: round(data["audits"][audit]["numericValue"])
        for key, audit in (
            ("fcp_ms", "first-contentful-paint"),
            ("lcp_ms", "largest-contentful-paint"),
            ("tbt_ms", "total-blocking-time"),
        )
    }
    return scores, metrics, failing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/portal-lighthouse"))
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    if not Path(CHROME_PATH).exists():
        raise SystemExit(f"Chromium is needed at {CHROME_PATH}: apt-get install chromium")
    install_lighthouse()
    env, values = prepare(options.work)
    server = bench.Server(env, options.workers)
    missed = []
    try:
        with tempfile.TemporaryDirectory() as report_dir:
            for name, template in PAGES:
                path = template.format(**values)
                server.get(path)  # the page cache warm, as a visitor finds it
                scores, metrics, failing = lighthouse(server.base + path, Path(report_dir))
                misses = [c for c, target in TARGETS.items() if (scores[c] or 0) < target]
                missed += [f"{name}: {c} {scores[c]}" for c in misses]
                line = {"page": name, "path": path, **scores, **metrics, "met": not misses}
                if failing:
                    line["failing_audits"] = failing
                print(json.dumps(line), flush=True)
    finally:
        server.stop()
    if missed:
        raise SystemExit("targets missed: " + "; ".join(missed))
    print("every page meets the targets", flush=True)


if __name__ == "__main__":
    main()
