"""The benchmark's own logic, without starting a server."""

from tests.bench.run import PAGES, growth, parse_wrk, targets

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8000/en/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.10ms    2.01ms  40.22ms   90.00%
    Req/Sec     1.31k   100.00     1.50k    70.00%
  Latency Distribution
     50%  850.00us
     75%    6.50ms
     90%    8.00ms
     99%    1.20s
  13100 requests in 5.00s, 40.00MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   2620.50
Transfer/sec:      8.00MB
"""


def test_wrk_output_is_read_in_milliseconds():
    assert parse_wrk(WRK_OUTPUT) == {"rps": 2620.5, "p50_ms": 0.85, "p99_ms": 1200.0, "non_2xx": 3}


def test_every_page_has_a_name_and_a_path():
    assert PAGES[0] == ("baseline", "/healthz/live")
    assert all(path.startswith("/") for _name, path in PAGES)
    assert len({name for name, _ in PAGES}) == len(PAGES)


def row(name, rps, p50, ratio):
    return {"name": name, "rps": rps, "p50_ms": p50, "ratio": ratio}


def test_targets_compare_ratios_and_latencies_of_one_run():
    cached = {
        "rows": [row("baseline", 1000, 5, 1.0), row("home", 800, 6, 0.8)],
        "worker_rss_mb": 60,
    }
    uncached = {
        "rows": [row("baseline", 1000, 5, 1.0), row("project list", 100, 20, 0.10)],
        "worker_rss_mb": 70,
    }
    scaled = {"rows": [row("project list", 90, 31, 0.09)], "worker_rss_mb": 160}
    met = {check["target"]: check["met"] for check in targets(cached, uncached, scaled)}
    assert met == {
        "cached home: ratio 0.80 >= 0.75": True,
        "cache off, project list: ratio 0.10 >= 0.15": False,
        "project list at scale: p50 31.00 ms <= 1.5 x 20.00 ms": False,
        "peak worker memory 160.0 MB < 150 MB": False,
    }


def test_growth_with_no_cache_is_reported_not_a_target(capsys):
    demo = {"rows": [row("search", 50, 30, 0.05)], "workers": 2}
    grown = {"rows": [row("search", 10, 95, 0.01)], "workers": 2}
    lines = growth(demo, grown)
    assert lines == [
        {
            "page": "search",
            "factor": 3.17,
            "text": "search: p50 95.00 ms = 3.2 x 30.00 ms; 200.0 ms of a worker a request",
        }
    ]
    assert "MISSED" not in capsys.readouterr().out
