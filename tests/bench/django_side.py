"""The benchmark's work inside Django, run as a child process against the bench database.

    python tests/bench/django_side.py seed              demo content (seed_demo, else generated)
    python tests/bench/django_side.py grow 10000        add generated projects up to a total
    python tests/bench/django_side.py placeholders      slugs for the pages' {placeholders}
    python tests/bench/django_side.py measure PAGES VALUES   queries, status and bytes per page
    python tests/bench/django_side.py profile PAGES VALUES   one request of each page taken apart

The parent (tests/bench/run.py) sets DATABASE_URL and the production environment.
"""

import contextlib
import cProfile
import datetime
import json
import os
import pstats
import re
import statistics
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.template.backends.django import Template as DjangoTemplate  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal.core.content_version import bump_content_version  # noqa: E402
from portal.core.reading_order import pinyin_sort_column  # noqa: E402
from portal.news.models import Article, Category  # noqa: E402
from projects.models import ClusterFigure, Park, Partner, Project, Sector  # noqa: E402

SIGNED = datetime.date(2023, 11, 14)
SECTORS = [
    ("bearing-rings", "Bearing rings", "轴承套圈"),
    ("forging", "Forging", "锻造"),
    ("rolling-elements", "Rolling elements", "滚动体"),
    ("heat-treatment", "Heat treatment", "热处理"),
    ("precision-machining", "Precision machining", "精密加工"),
    ("equipment", "Forging equipment", "锻造装备"),
]
STAGES = [choice for choice, _label in Project.Stage.choices]


def _generated_demo():
    """Demo-sized content while the apps' own demo modules are not there."""
    now = timezone.now()
    sectors = [
        Sector.objects.create(slug=slug, name_en=en, name_zh_hans=zh, order=i)
        for i, (slug, en, zh) in enumerate(SECTORS)
    ]
    parks = [
        Park.objects.create(
            slug=f"bench-park-{n}",
            name_en=f"Qingshui Bearing Forging Industrial Park {n}",
            name_zh_hans=f"清水轴承锻造产业园{n}",
            summary_en="Sample park for the benchmark: land, power, gas and steam on site.",
            summary_zh_hans="基准测试示例产业园。",
            body_en="<p>Sample description of the park.</p>" * 8,
            is_published=True,
            published_at=now - datetime.timedelta(days=30),
            planned_area_ha=Decimal("120.5"),
        )
        for n in (1, 2)
    ]
    for park in parks:
        park.sectors.set(sectors[:3])
    _bulk_projects(sectors, parks, 0, 15)
    categories = [
        Category.objects.create(slug=slug, name_en=en, name_zh_hans=zh, order=i)
        for i, (slug, en, zh) in enumerate(
            [
                ("cluster", "Cluster news", "产业动态"),
                ("policy", "Policy", "政策"),
                ("events", "Events", "活动"),
            ]
        )
    ]
    for n in range(12):
        Article.objects.create(
            slug=f"bench-article-{n}",
            title_en=f"Sample news article {n} about the bearing cluster",
            title_zh_hans=f"轴承产业示例新闻{n}",
            summary_en="A sample article for the benchmark.",
            summary_zh_hans="基准测试示例文章。",
            body_en="<p>Sample paragraph about forging in Qingshui Town.</p>" * 12,
            body_zh_hans="<p>清水镇锻造示例段落。</p>" * 12,
            category=categories[n % 3],
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(days=n + 1),
        )
    for n, (label, value) in enumerate(
        [("Bearing processing enterprises", 528), ("Machine tools", 11000), ("Workers", 20000)]
    ):
        ClusterFigure.objects.create(
            label_en=label, value=value, source="Guanxian County", as_of=SIGNED, order=n
        )
    Partner.objects.create(
        organisation_en="China Bearing Industry Association",
        organisation_zh_hans="中国轴承工业协会",
        agreement_en="Strategic cooperation agreement",
        signed_on=SIGNED,
    )


def _bulk_projects(sectors, parks, start, stop):
    now = timezone.now()
    batch = []
    for n in range(start, stop):
        batch.append(
            Project(
                slug=f"bench-project-{n:05d}",
                name_en=f"Sample bearing project {n}",
                name_zh_hans=f"示例轴承项目{n}",
                # bulk_create skips save(), which keeps the Chinese sort key
                name_pinyin=pinyin_sort_column(f"示例轴承项目{n}"),
                summary_en="A generated sample project: forged bearing rings for wind turbines.",
                summary_zh_hans="生成的示例项目：风电轴承锻造套圈。",
                description_en="<p>Generated description.</p>" * 6,
                sector=sectors[n % len(sectors)],
                park=parks[n % len(parks)] if parks else None,
                stage=STAGES[n % len(STAGES)],
                investment_yuan=Decimal(50_000_000 + (n * 7_919_000) % 1_500_000_000),
                signing_date=SIGNED - datetime.timedelta(days=n % 700),
                is_published=True,
                published_at=now - datetime.timedelta(days=1),
                is_featured=n < 3,
            )
        )
        if len(batch) == 1000:
            Project.objects.bulk_create(batch)
            batch = []
    Project.objects.bulk_create(batch)


def seed():
    call_command("seed_demo", verbosity=0)
    if not Project.objects.exists():
        with transaction.atomic():
            _generated_demo()
    print(f"{Project.objects.count()} projects, {Article.objects.count()} articles")


ENTERPRISES_AT_SCALE = 2000


def _bulk_enterprises(total):
    """Enterprises up to `total`, spread over the stages, parks and certifications, with
    their stage and certification rows."""
    from portal.chain.models import Certification, ChainStage, Enterprise

    stages, certifications = list(ChainStage.objects.all()), list(Certification.objects.all())
    parks = list(Park.objects.all())
    start = Enterprise.objects.count()
    if not stages or start >= total:
        return
    now, today = timezone.now(), timezone.localdate()
    made = Enterprise.objects.bulk_create(
        Enterprise(
            slug=f"bench-enterprise-{n:05d}",
            name_en=f"Bench ring works {n}",
            name_zh_hans=f"测试套圈企业{n}号",
            # bulk_create skips save(), which keeps the Chinese sort key
            name_pinyin=pinyin_sort_column(f"测试套圈企业{n}号"),
            park=parks[n % len(parks)] if parks and n % 3 else None,
            main_products_en="Forged and rolled rings",
            main_products_zh_hans="锻造碾制套圈",
            capacity=Decimal(1000 + n * 37 % 90000),
            last_checked=today,
            is_illustrative=True,
            is_published=True,
            published_at=now - datetime.timedelta(days=1),
        )
        for n in range(start, total)
    )
    Enterprise.stages.through.objects.bulk_create(
        Enterprise.stages.through(enterprise_id=e.pk, chainstage_id=stages[i % len(stages)].pk)
        for i, e in enumerate(made)
    )
    if certifications:
        Enterprise.certifications.through.objects.bulk_create(
            Enterprise.certifications.through(
                enterprise_id=e.pk, certification_id=certifications[i % len(certifications)].pk
            )
            for i, e in enumerate(made)
        )


def grow(total):
    existing = Project.objects.count()
    with transaction.atomic():
        _bulk_projects(list(Sector.objects.all()), list(Park.objects.all()), existing, total)
        _bulk_enterprises(ENTERPRISES_AT_SCALE)
        # bulk_create sends no signal: the grown copy must not share the demo's version.
        bump_content_version()
    from portal.chain.models import Enterprise

    print(f"{Project.objects.count()} projects, {Enterprise.objects.count()} enterprises")


def placeholders():
    """Values for the page list's {placeholders}: the first item each list shows."""
    project = Project.objects.published().first()
    busiest = Sector.objects.filter(projects__isnull=False).order_by("order", "slug").first()
    return {
        "project": project.slug if project else "none",
        "park": getattr(Park.objects.published().first(), "slug", "none"),
        "article": getattr(Article.objects.published().first(), "slug", "none"),
        "sector": getattr(busiest, "slug", "none"),
    }


def measure(pages, values):
    client = Client(HTTP_HOST="127.0.0.1")
    results = []
    for name, template in pages:
        url = template.format(**values)
        client.get(url)  # the first request fills per-process caches (templates, translations)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        results.append(
            {
                "name": name,
                "url": url,
                "status": response.status_code,
                "bytes": len(response.content),
                "queries": len(queries),
            }
        )
    print(json.dumps(results))


@contextlib.contextmanager
def _timed_renders(spans):
    """Times each outermost template render (a template tag that renders another template
    nests inside it) and counts the queries run meanwhile."""
    original = DjangoTemplate.render
    depth = 0

    def render(self, context=None, request=None):
        nonlocal depth
        depth += 1
        queries_before, start = len(connection.queries), time.perf_counter()
        try:
            return original(self, context, request)
        finally:
            depth -= 1
            if depth == 0:
                spans.append(
                    (time.perf_counter() - start, len(connection.queries) - queries_before)
                )

    DjangoTemplate.render = render
    try:
        yield
    finally:
        DjangoTemplate.render = original


def _shape(sql):
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def _function(key):
    filename, line, name = key
    path = Path(filename)
    with contextlib.suppress(ValueError):
        path = path.relative_to(BASE_DIR)
    return f"{path}:{line}({name})"


def _is_portal_code(filename):
    path = Path(filename)
    return (
        path.is_relative_to(BASE_DIR)
        and ".venv" not in path.parts
        and path != Path(__file__).resolve()
    )


def _top(stats, key, limit, keep=lambda filename: True):
    rows = [
        {
            "function": _function(func),
            "calls": calls,
            "tottime_ms": round(tottime * 1000, 2),
            "cumtime_ms": round(cumtime * 1000, 2),
        }
        for func, (_cc, calls, tottime, cumtime, _callers) in stats.stats.items()
        if keep(func[0])
    ]
    return sorted(rows, key=lambda r: r[key], reverse=True)[:limit]


def _below_the_middleware(stats):
    """The portal's own functions, without the middleware that wraps the whole request."""
    whole = max(cumtime for _cc, _nc, _tt, cumtime, _callers in stats.stats.values())
    return [
        row
        for row in _top(stats, "cumtime_ms", 50, _is_portal_code)
        if row["cumtime_ms"] < 0.9 * whole * 1000
    ][:5]


def profile(pages, values):
    """Each page's request taken apart: wall time, its queries with their durations, the
    template render time and a cProfile, the last three from one request."""
    client = Client(HTTP_HOST="127.0.0.1")
    results = []
    for name, template in pages:
        url = template.format(**values)
        start = time.perf_counter()
        client.get(url)  # per-process caches warm, and the page stored if it is cacheable
        # A page that takes seconds is timed once: the median of five would take minutes.
        repeats = 5 if time.perf_counter() - start < 0.5 else 1
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        spans = []
        profiler = cProfile.Profile()
        with CaptureQueriesContext(connection) as captured, _timed_renders(spans):
            profiler.enable()
            response = client.get(url)
            profiler.disable()
        stats = pstats.Stats(profiler)
        queries = [
            {"ms": round(float(q["time"]) * 1000, 2), "sql": q["sql"][:140]}
            for q in captured.captured_queries
        ]
        shapes = Counter(_shape(q["sql"]) for q in captured.captured_queries)
        results.append(
            {
                "name": name,
                "url": url,
                "status": response.status_code,
                "bytes": len(response.content),
                "x_cache": response.get("X-Cache"),
                "repeats": repeats,
                "request_ms": round(statistics.median(times) * 1000, 2),
                "sql_ms": round(sum(q["ms"] for q in queries), 2),
                "queries": queries,
                "repeated": [
                    {"count": count, "sql": sql[:140]}
                    for sql, count in shapes.most_common()
                    if count > 1
                ],
                "render_ms": round(sum(s for s, _ in spans) * 1000, 2),
                "render_queries": sum(n for _, n in spans),
                "top_own_time": _top(stats, "tottime_ms", 10),
                "top_portal_cumulative": _below_the_middleware(stats),
            }
        )
    print(json.dumps(results))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed()
    elif command == "grow":
        grow(int(sys.argv[2]))
    elif command == "placeholders":
        print(json.dumps(placeholders()))
    elif command == "measure":
        measure(json.loads(sys.argv[2]), json.loads(sys.argv[3]))
    elif command == "profile":
        profile(json.loads(sys.argv[2]), json.loads(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
