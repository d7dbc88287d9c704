"""Many members voting and replying at the same moment, against a real server on SQLite.

pytest-django's SQLite test database lives in memory and its live server shares one
connection between threads, which would hide exactly the locking this test is about. So this
test starts the real thing: a SQLite file in WAL mode, migrated from scratch, served by
gunicorn with several worker processes and threads (as `make run` does), and members posting
from separate HTTP sessions in parallel threads. It must end with exact counts and without a
single "database is locked".
"""

import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.servers import gunicorn

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"
MEMBERS = 20
ANSWERS = 10
REPLIES_EACH = 5
WORKERS, THREADS = 4, 4

SETUP = f"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from tests.servers import gunicorn
from village.accounts.services import create_member
from village.questions import services

def member(n, kind):
    return create_member(
        email=f"{{kind}}{{n}}@example.org", display_name=f"{{kind}} {{n}}", email_verified=True
    )

asker = member(0, "asker")
question = services.ask_question(author=asker, title="How do you share one tablet fairly?")
answers = [
    services.post_answer(
        author=member(n, "author"), question=question, body=f"Idea {{n}}", kind="opinion"
    )
    for n in range({ANSWERS})
]
sessions = []
for n in range({MEMBERS}):
    user = member(n, "voter")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "village.accounts.backends.AuthenticationBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    sessions.append(session.session_key)
print(json.dumps({{
    "question": question.get_absolute_url(),
    "answers": [a.pk for a in answers],
    "sessions": sessions,
}}))
"""


@pytest.fixture
def server(tmp_path):
    """A migrated SQLite file with members and answers, served by gunicorn."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'village.sqlite3'}",
        "VAR_DIR": str(tmp_path),
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        # Static files straight from the source folders: this server has no collectstatic.
        "DEBUG": "true",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(
        [*manage, "migrate", "--noinput"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    setup = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    world = json.loads(setup.stdout.strip().splitlines()[-1])
    with gunicorn(env, tmp_path / "server.log", WORKERS, "--threads", str(THREADS)) as (base, log):
        yield {"base": base, "db": tmp_path / "village.sqlite3", "log": log, **world}


class Member:
    """One member's browser: their own cookies, a CSRF token from the page, htmx posts."""

    def __init__(self, base: str, session_key: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.jar.set_cookie(_cookie("sessionid", session_key))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.token = ""

    def open_page(self, path: str) -> None:
        html = self.opener.open(self.base + path, timeout=30).read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(self, path: str, data: dict) -> int:
        request = urllib.request.Request(
            self.base + path,
            data=urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token}).encode(),
            headers={"HX-Request": "true"},
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def _cookie(name: str, value: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0,
        name,
        value,
        None,
        False,
        "127.0.0.1",
        False,
        False,
        "/",
        True,
        False,
        None,
        False,
        None,
        None,
        {},
    )


def test_many_members_voting_and_replying_at_once_end_with_exact_counts(server):
    members = [Member(server["base"], key) for key in server["sessions"]]
    for member in members:
        member.open_page(server["question"])
    start = threading.Barrier(len(members))

    def take_part(n: int, member: Member) -> list[int]:
        start.wait()
        statuses = []
        for i, answer in enumerate(server["answers"]):
            statuses.append(member.post(f"/questions/answers/{answer}/helpful/", {}))
            if i < REPLIES_EACH:
                target = server["answers"][(n + i) % ANSWERS]
                body = f"Reply {i} from member {n}"
                statuses.append(member.post(f"/questions/answers/{target}/reply/", {"body": body}))
        return statuses

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(members)) as pool:
        results = list(pool.map(take_part, range(len(members)), members))
    seconds = time.monotonic() - began

    statuses = [status for result in results for status in result]
    votes, replies = MEMBERS * ANSWERS, MEMBERS * REPLIES_EACH
    assert len(statuses) == votes + replies
    assert set(statuses) == {200}, sorted(set(statuses))

    db = sqlite3.connect(server["db"])
    helpful = dict(db.execute("SELECT id, helpful_count FROM questions_answer"))
    assert helpful == {pk: MEMBERS for pk in server["answers"]}
    assert db.execute("SELECT COUNT(*) FROM questions_helpfulvote").fetchone() == (votes,)
    assert db.execute("SELECT COUNT(*) FROM questions_reply").fetchone() == (replies,)
    assert db.execute("SELECT SUM(reply_count) FROM questions_answer").fetchone() == (replies,)
    db.close()

    server["log"].seek(0)
    log = server["log"].read()
    assert "database is locked" not in log
    assert "Traceback" not in log

    ARTIFACTS.mkdir(exist_ok=True)
    figures = (
        f"{votes} helpful votes and {replies} replies by {MEMBERS} members at once "
        f"(gunicorn {WORKERS} workers x {THREADS} threads, SQLite WAL) in {seconds:.1f} s: "
        f"{(votes + replies) / seconds:.0f} writes/s, 0 errors, 0 'database is locked'"
    )
    (ARTIFACTS / "concurrency.txt").write_text(figures + "\n")
    print(figures)
