"""Real HTTP load on Village, side by side with a trivial view (the floor).

Starts gunicorn (production settings: DEBUG off, N sync workers) on a loopback port against a
prepared database, then drives it with wrk from a second process: `wrk -t2 -c8 -d30s` after a
5 s warm-up, as a visitor (no cookie) and as a signed-in member. For every target it reports
requests/s, p50 and p99 latency, errors, the ratio to the floor and peak memory per worker
(SQL queries per page come from bench/pages.py, which counts them in-process).

Usage:
    .venv/bin/python bench/load.py                     # demo data, SQLite, 30 s per target
    .venv/bin/python bench/load.py --duration 10 --database postgres
    .venv/bin/python bench/load.py --questions 100000  # uses `generate_community` when present
Results are printed as a Markdown table and written to var/bench-http-<db>-<size>.md.
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
PASSWORD = "bench-member-passphrase-2026"
MEMBER = "bench.member@example.org"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, check=True):
    return subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def prepare(env, questions: int) -> dict:
    """Migrate, fill the database once, and find the URLs to load."""
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    if questions and "generate_community" in manage(env, "help").stdout:
        manage(env, "generate_community", "--questions", str(questions), "--if-empty", check=False)
    manage(env, "load_demo", "--if-empty")
    script = f"""
import json
from django.db.models import Count
from village.accounts.models import User
from village.accounts.services import create_member
from village.questions import services
from village.questions.models import Answer, Question
if not User.objects.filter(email={MEMBER!r}).exists():
    create_member(email={MEMBER!r}, display_name="Bench Member", password={PASSWORD!r},
                  email_verified=True)
member = User.objects.get(email={MEMBER!r})
featured = Question.objects.filter(is_featured=True).first() or Question.objects.first()
big = Question.objects.filter(title="A question with a hundred answers?").first()
if big is None:
    writer = featured.author
    big = services.ask_question(author=writer, title="A question with a hundred answers?",
                                body="Benchmark fixture.")
    for n in range(100):
        author = create_member(email=f"bench{{n}}@example.org", display_name=f"Bench {{n}}",
                               email_verified=True)
        answer = services.post_answer(author=author, question=big, kind="experience",
                                      body=f"Answer number {{n}} with **some** text. " * 8)
        if n % 3 == 0:
            services.post_reply(author=writer, answer=answer, body="Thank you for this.")
answer = Answer.objects.filter(question=featured).exclude(author=member).first()
topic = featured.topics.first()
print(json.dumps({{
    "question": featured.get_absolute_url(),
    "big_question": big.get_absolute_url(),
    "topic": topic.get_absolute_url() if topic else "/",
    "answer_id": answer.pk,
}}))
"""
    out = manage(env, "shell", "-c", script).stdout.strip().splitlines()[-1]
    return json.loads(out)


def sign_in(base: str) -> str:
    """Sign the bench member in through the real form; returns the Cookie header."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"login": MEMBER, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(
        urllib.request.Request(
            base + "/accounts/login/", data=data, headers={"Referer": base + "/accounts/login/"}
        )
    )
    cookies = {c.name: c.value for c in jar}
    assert "sessionid" in cookies, "bench member could not sign in"
    return "; ".join(f"{k}={v}" for k, v in cookies.items()), cookies.get("csrftoken", "")


def wrk(url: str, seconds: int, headers: dict, lua: str | None = None) -> dict:
    cmd = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    if lua:
        cmd += ["-s", lua]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors += sum(int(x) for x in m.groups()) if m else 0
    return {"rps": rps, "p50": pct(50), "p99": pct(99), "errors": errors}


def peak_memory_mb(pids) -> float:
    peaks = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024)
    return max(peaks, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--questions", type=int, default=0, help="community size to generate")
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    size = args.questions or "demo"
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    if args.database == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{ROOT / 'var' / f'bench-{size}.sqlite3'}"
    else:
        name = f"village_bench_{size}"
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
    print(f"Preparing {args.database} database ({size})...", flush=True)
    urls = prepare(env, args.questions)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "village.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz/live", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        cookie, csrf = sign_in(base)
        member = {"Cookie": cookie}
        lua = Path(tempfile.mkstemp(suffix=".lua")[1])
        lua.write_text(
            'wrk.method = "POST"\n'
            f'wrk.body = "csrfmiddlewaretoken={csrf}"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
            f'wrk.headers["X-CSRFToken"] = "{csrf}"\n'
            f'wrk.headers["Referer"] = "{base}/"\n'
        )
        targets = [
            ("floor: trivial view (fixed string)", "/healthz/live", {}, None),
            ("question page, 7 answers: visitor", urls["question"], {}, None),
            ("question page, 7 answers: member", urls["question"], member, None),
            ("question page, 100 answers: visitor", urls["big_question"], {}, None),
            ("question page, 100 answers: member", urls["big_question"], member, None),
            ("home feed: visitor", "/", {}, None),
            ("home feed: member", "/", member, None),
            ("topic page: visitor", urls["topic"], {}, None),
            ("search 'screen time': visitor", "/search/?q=screen+time", {}, None),
            (
                "helpful vote (toggle): member",
                f"/questions/answers/{urls['answer_id']}/helpful/",
                member,
                str(lua),
            ),
        ]
        rows, floor = [], None
        for name, path, headers, script in targets:
            wrk(base + path, args.warmup, headers, script)
            result = wrk(base + path, args.duration, headers, script)
            floor = floor or result["rps"]
            rows.append((name, result))
            print(f"  {name}: {result['rps']:.0f} req/s", flush=True)
        workers = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        memory = peak_memory_mb(workers)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    lines = [
        f"{args.database}, {size} questions, gunicorn {args.workers} sync workers, "
        f"wrk -t2 -c8 -d{args.duration}s after {args.warmup}s warm-up; "
        f"peak memory per worker {memory:.0f} MB",
        "",
        "| target | req/s | p50 ms | p99 ms | errors | of floor |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
            f"{r['errors']} | {r['rps'] / floor:.0%} |"
        )
    report = "\n".join(lines)
    print("\n" + report)
    out = ROOT / "var" / f"bench-http-{args.database}-{size}.md"
    out.write_text(report + "\n")


if __name__ == "__main__":
    main()
