"""Page throughput, in-process, side by side with a trivial view (the floor).

Runs against its own SQLite file (var/bench.sqlite3) with the demo community loaded, through
Django's test client, so the figures measure Village's code (queries, templates), not the
network or the web server. Usage: `make bench` or `.venv/bin/python bench/pages.py [N]`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "village.settings")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from village.questions.models import Question  # noqa: E402

PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def measure(client: Client, url: str, n: int) -> dict[str, float]:
    for _ in range(10):  # warm caches and connections
        assert client.get(url).status_code == 200, url
    timings = []
    started = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - started
    timings.sort()
    return {
        "rps": n / elapsed,
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    featured = Question.objects.get(is_featured=True)
    pages = {
        "floor: /healthz (trivial view)": "/healthz",
        "home: newest questions": "/",
        "question page (7 answers, replies)": featured.get_absolute_url(),
        "topic page": "/topics/e-safety/",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    engine = os.environ["DATABASE_URL"].split(":")[0]
    print(f"{n} sequential requests each, one process, {engine}")
    print(f"{'page':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}  of floor")
    floor = None
    with override_settings(STORAGES=PLAIN_STATIC):
        for name, url in pages.items():
            result = measure(client, url, n)
            floor = floor or result["rps"]
            share = result["rps"] / floor
            print(
                f"{name:40} {result['rps']:8.0f} {result['p50']:8.2f} {result['p95']:8.2f}"
                f"  {share:6.0%}"
            )


if __name__ == "__main__":
    main()
