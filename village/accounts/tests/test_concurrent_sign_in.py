"""Two people signing in at the same moment never receive each other's session.

A real server (gunicorn, several worker processes, each with several threads, as in
production) and many members, each in their own "browser" (their own cookie jar), who all
submit the real sign-in form at the same instant. Afterwards every session cookie must lead
to its own member, on the page and in the session store, and no two members may share a key.

On SQLite the server gets a migrated database file of its own (pytest-django's in-memory
test database can't be shared with another process); on PostgreSQL it uses the test database.
"""

import functools
import http.client
import http.cookiejar
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from tests.servers import gunicorn

ROOT = Path(__file__).resolve().parents[3]
PAIRS = 12
WORKERS, THREADS = 3, 4
PASSWORD = "lantern-window-pebble-73"

# One password hash is computed once and shared (hashing is deliberately slow); every
# sign-in on the server still checks the password properly.
SETUP = f"""
import json
from tests.servers import gunicorn
from village.accounts.models import User
from village.accounts.services import create_member

people = []
for n in range({PAIRS * 2}):
    user = create_member(
        email=f"signin{{n:02d}}@example.org",
        display_name=f"Parent Number {{n:02d}}",
        password={PASSWORD!r} if n == 0 else None,
        email_verified=True,
    )
    people.append({{"pk": user.pk, "email": user.email, "name": user.profile.display_name}})
first = User.objects.get(pk=people[0]["pk"])
User.objects.exclude(pk=first.pk).filter(email__startswith="signin").update(password=first.password)
print(json.dumps(people))
"""


def _database_url(tmp_path) -> str:
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'village.sqlite3'}"
    # PostgreSQL: the test database itself, with real commits (emptied again afterwards).
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def server(transactional_db, tmp_path):
    url = _database_url(tmp_path)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "VAR_DIR": str(tmp_path),
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
        "DEBUG": "true",  # static files from the source folders: no collectstatic here
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    commands = [[*manage, "migrate", "--noinput"]] if url.startswith("sqlite") else []
    for command in [*commands, [*manage, "shell", "-c", SETUP]]:
        setup = subprocess.run(command, env=env, cwd=ROOT, capture_output=True)
        if setup.returncode:
            pytest.fail(f"{command[2]} failed on {url}:\n{setup.stderr.decode()[-3000:]}")
    people = json.loads(setup.stdout.decode().strip().splitlines()[-1])
    with gunicorn(env, tmp_path / "server.log", WORKERS, "--threads", str(THREADS)) as (base, log):
        yield {"base": base, "url": url, "people": people, "log": log}


class _FromAddress(urllib.request.HTTPHandler):
    """Connect from a loopback address of our own (all of 127.0.0.0/8 is this machine)."""

    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        connect = functools.partial(http.client.HTTPConnection, source_address=(self.address, 0))
        return self.do_open(connect, req)


class Browser:
    """One person's browser: a cookie jar of its own, and an address of its own. (People at
    home each have their own address; sign-in limits failed attempts per address, and counts
    attempts still in progress, so a crowd from one address would be turned away.)"""

    def __init__(self, base: str, n: int):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            _FromAddress(f"127.0.0.{10 + n}"), urllib.request.HTTPCookieProcessor(self.jar)
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post(self, path: str, data: dict) -> str:
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(self.base + path, data=body, timeout=60) as response:
            return response.read().decode()

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")


def _token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _signed_in_as(html: str) -> tuple[int, str] | None:
    """Who the header says is signed in: their profile link and name."""
    found = re.search(r'class="site-nav__who" href="/people/(\d+)/">([^<]+)</a>', html)
    return (int(found.group(1)), found.group(2)) if found else None


def _stored_sessions(url: str, keys: list[str]) -> dict[str, str]:
    """session key -> the member id stored in it, read straight from the session table."""
    if url.startswith("sqlite"):
        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        rows = db.execute("SELECT session_key, session_data FROM django_session").fetchall()
        db.close()
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT session_key, session_data FROM django_session")
            rows = cursor.fetchall()
    store = SessionStore()
    return {key: store.decode(data).get("_auth_user_id") for key, data in rows if key in keys}


@pytest.mark.django_db(transaction=True)
def test_members_signing_in_at_the_same_moment_each_get_their_own_session(server):
    people = server["people"]
    browsers = [Browser(server["base"], n) for n in range(len(people))]
    forms = [browser.get("/accounts/login/") for browser in browsers]
    start = threading.Barrier(len(people))

    def sign_in(n: int) -> list[tuple[int, str] | None]:
        browser, person = browsers[n], people[n]
        data = {
            "csrfmiddlewaretoken": _token(forms[n]),
            "login": person["email"],
            "password": PASSWORD,
            "next": "/people/me/edit/",
        }
        start.wait()  # everyone presses "Sign in" together
        seen = [_signed_in_as(browser.post("/accounts/login/", data))]
        # ...and keeps browsing for a moment, while the others are still signing in.
        seen += [_signed_in_as(browser.get(path)) for path in ("/", "/people/me/edit/")]
        return seen

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        results = list(pool.map(sign_in, range(len(people))))
    seconds = time.monotonic() - began

    for person, seen in zip(people, results, strict=True):
        assert seen == [(person["pk"], person["name"])] * 3, person["email"]

    keys = [browser.cookie("sessionid") for browser in browsers]
    assert all(keys) and len(set(keys)) == len(people)
    stored = _stored_sessions(server["url"], keys)
    assert {key: stored.get(key) for key in keys} == {
        key: str(person["pk"]) for key, person in zip(keys, people, strict=True)
    }

    server["log"].seek(0)
    log = server["log"].read()
    assert "Traceback" not in log
    print(f"{len(people)} members signed in at once ({PAIRS} pairs) in {seconds:.1f} s")
