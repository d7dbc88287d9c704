"""Real HTTP load on Village at several community sizes, side by side with the floor.

For each database and size: prepare the database (bench/fixtures.py: a generated community of
about N posts, a question with 6 answers, one with 100 answers and replies, a member), start
gunicorn with the production settings (DEBUG off, 2 sync workers; PostgreSQL runs in the
production profile with Redis as cache and session store), and drive it with wrk from a
second process: `wrk -t2 -c8 -d30s` after a 5 s warm-up, as a visitor (no cookie) and as a
signed-in member. Every target is reported with requests/s, p50 and p99 latency, errors, its
ratio to the floor (a trivial view returning a fixed string, measured in the same run), the
SQL queries the page runs, and the peak memory of a worker.

Two more servers, started the same way, give the cost of a page nobody has cached yet:
- "first view after a change": whole pages are not kept (PAGE_CACHE_SECONDS=0), so every
  request renders the page, as the first view after any change to it does; the answers come
  from the fragment cache, as those a change didn't touch do (their keys are what they show);
- "nothing cached": the fragment cache is off too, so every answer is rendered as well.
(The trivial view touches no cache, so the first server's floor serves all three.)

Usage:
    .venv/bin/python bench/load.py                                   # 1,000 posts, SQLite
    .venv/bin/python bench/load.py --databases sqlite,postgres --posts 1000,100000,1000000
    .venv/bin/python bench/load.py --report        # the table from every result in var/bench/
Results go to var/bench/<database>-<posts>.json; --report prints them as one Markdown table.
"""

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
RESULTS = ROOT / "var" / "bench"
MEMBER = "bench.member@example.org"
PASSWORD = "bench-member-passphrase-2026"
REDIS = "redis://127.0.0.1:6379/7"

# name, url key, as member?, server ("cached" as served, "fresh" with whole pages not kept,
# "cold" with nothing kept)
TARGETS = [
    ("floor: trivial view", "floor", False, "cached"),
    ("question, 6 answers: visitor", "question", False, "cached"),
    ("question, 6 answers: member", "question", True, "cached"),
    ("question, 100 answers + replies: visitor", "big_question", False, "cached"),
    ("question, 100 answers + replies: member", "big_question", True, "cached"),
    ("home feed: visitor", "home", False, "cached"),
    ("home feed: member", "home", True, "cached"),
    ("topic page: visitor", "topic", False, "cached"),
    ("topic page: member", "topic", True, "cached"),
    ("search: visitor", "search", False, "cached"),
    ("search: member", "search", True, "cached"),
    ("helpful vote (toggle): member", "vote", True, "cached"),
    ("question, 6 answers, first view after a change: visitor", "question", False, "fresh"),
    ("question, 6 answers, first view after a change: member", "question", True, "fresh"),
    ("question, 6 answers, nothing cached: visitor", "question", False, "cold"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database: str, posts: int) -> dict:
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "VAR_DIR": str(ROOT / "var"),
        # The write path is measured, not the limit on it: a member may vote this often here.
        "RATE_LIMIT_VOTE": "1000000/h",
    }
    if database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / f'bench-{posts}.sqlite3'}"
        env["CACHE_DIR"] = str(ROOT / "var" / f"bench-cache-{posts}")
        env.pop("REDIS_URL", None)
    else:
        name = f"village_bench_{posts}"
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
        env["REDIS_URL"] = REDIS
    return env


def prepare(env: dict, posts: int) -> dict:
    done = subprocess.run(
        [PY, "bench/fixtures.py", str(posts)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    if done.returncode:
        sys.exit(f"preparing the database failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


class Server:
    """gunicorn with the production settings on a free loopback port."""

    def __init__(self, env: dict, workers: int, kind: str):
        self.env = dict(env)
        if kind in ("fresh", "cold"):
            self.env["PAGE_CACHE_SECONDS"] = "0"
        if kind == "cold":
            self.env["FRAGMENT_CACHE_SECONDS"] = "0"
        self.workers = workers
        self.base = f"http://127.0.0.1:{free_port()}"

    def __enter__(self):
        if "REDIS_URL" in self.env:
            subprocess.run(["redis-cli", "-n", "7", "flushdb"], capture_output=True)
        else:
            shutil.rmtree(self.env["CACHE_DIR"], ignore_errors=True)
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "village.wsgi:application",
                "--bind",
                self.base.removeprefix("http://"),
                "--workers",
                str(self.workers),
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(self.base + "/healthz/live", timeout=1)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def peak_memory_mb(self) -> float:
        pids = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        peaks = []
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:
                continue
            peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024)
        return max(peaks, default=0.0)

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def sign_in(base: str) -> tuple[str, str]:
    """Sign the bench member in through the real form; returns the Cookie header and token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"login": MEMBER, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        base + "/accounts/login/", data=data, headers={"Referer": base + "/accounts/login/"}
    )
    opener.open(request)
    cookies = {c.name: c.value for c in jar}
    assert "sessionid" in cookies, "the bench member could not sign in"
    header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    return header, cookies.get("csrftoken", "")


def wrk(url: str, seconds: int, headers: dict, lua: str | None = None) -> dict:
    cmd = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    if lua:
        cmd += ["-s", lua]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        m = re.search(rf"\s{p}(?:\.000)?%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(x) for x in m.groups()) if m else 0
    return {"rps": rps, "p50": percentile(50), "p99": percentile(99), "errors": errors}


def vote_script(base: str, token: str) -> str:
    path = Path(tempfile.mkstemp(suffix=".lua")[1])
    path.write_text(
        'wrk.method = "POST"\n'
        f'wrk.body = "csrfmiddlewaretoken={token}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Referer"] = "{base}/"\n'
        'wrk.headers["HX-Request"] = "true"\n'
    )
    return str(path)


def run(database: str, posts: int, args) -> dict:
    env = environment(database, posts)
    print(f"== {database}, {posts:,} posts: preparing", flush=True)
    started = time.perf_counter()
    prepared = prepare(env, posts)
    print(f"   prepared in {time.perf_counter() - started:.0f} s", flush=True)
    if args.prepare_only:
        return {}
    urls = {**prepared["urls"], "floor": "/healthz/live"}
    rows, memory = [], {}
    for server_kind in ("cached", "fresh", "cold"):
        targets = [t for t in TARGETS if t[3] == server_kind]
        if args.only:
            targets = [t for t in targets if t[1] == "floor" or args.only in t[0]]
        if not targets:
            continue
        with Server(env, args.workers, server_kind) as server:
            cookie, token = sign_in(server.base)
            lua = vote_script(server.base, token)
            for name, key, as_member, _ in targets:
                headers = {"Cookie": cookie} if as_member else {}
                script = lua if key == "vote" else None
                url = server.base + urls[key]
                wrk(url, args.warmup, headers, script)
                result = wrk(url, args.duration, headers, script)
                who = "member" if as_member else "visitor"
                result.update(name=name, key=key, server=server_kind)
                result["queries"] = 0 if key == "floor" else prepared["queries"].get(f"{key}:{who}")
                rows.append(result)
                print(
                    f"   {name}: {result['rps']:,.0f} req/s, p99 {result['p99']:.1f} ms", flush=True
                )
            memory[server_kind] = server.peak_memory_mb()
    floor = next(r["rps"] for r in rows if r["key"] == "floor")
    for row in rows:
        row["of_floor"] = row["rps"] / floor
    if args.only:
        for row in rows:
            print(f"   {row['name']}: {row['of_floor']:.0%} of the floor")
        return {}
    result = {
        "database": database,
        "posts": prepared["posts"],
        "size": posts,
        "workers": args.workers,
        "duration": args.duration,
        "warmup": args.warmup,
        "peak_memory_mb": memory,
        "rows": rows,
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "load_before": os.getloadavg()[0],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{database}-{posts}.json").write_text(json.dumps(result, indent=1))
    return result


def report() -> str:
    results = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("*.json"))]
    results.sort(key=lambda r: (r["database"] != "sqlite", r["size"]))
    if not results:
        return "No results yet: run bench/load.py first."
    heads = [f"{r['database']} {r['posts']:,} posts" for r in results]
    lines = [
        "req/s (share of the floor) · p99 ms · SQL queries per request",
        "",
        "| target | " + " | ".join(heads) + " |",
        "|---|" + "---:|" * len(results),
    ]
    names = [t[0] for t in TARGETS]
    for name in names:
        cells = []
        for r in results:
            row = next((x for x in r["rows"] if x["name"] == name), None)
            if row is None:
                cells.append("")
                continue
            errors = f" · **{row['errors']} errors**" if row["errors"] else ""
            queries = "" if row["key"] == "floor" else f" · {row['queries']} q"
            cells.append(
                f"{row['rps']:,.0f} ({row['of_floor']:.0%}) · {row['p99']:.1f} ms{queries}{errors}"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    memory = [
        " / ".join(f"{r['peak_memory_mb'][kind]:.0f}" for kind in r["peak_memory_mb"]) + " MB"
        for r in results
    ]
    kinds = " / ".join(results[0]["peak_memory_mb"])
    lines.append(f"| peak memory per worker ({kinds} server) | " + " | ".join(memory) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--databases", default="sqlite", help="sqlite, postgres or both")
    parser.add_argument("--posts", default="1000", help="community sizes, comma-separated")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--prepare-only", action="store_true")
    parser.add_argument("--report", action="store_true", help="print the table and stop")
    parser.add_argument(
        "--only",
        default="",
        help="run just the rows whose name contains this (and the floor); prints, saves nothing",
    )
    args = parser.parse_args()
    if args.report:
        print(report())
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk (make bench installs it)")
    for database in args.databases.split(","):
        for posts in (int(p) for p in args.posts.split(",")):
            run(database.strip(), posts, args)
    if not args.prepare_only:
        print("\n" + report())


if __name__ == "__main__":
    main()
