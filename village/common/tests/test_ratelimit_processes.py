"""Rate limits hold across web server processes: two gunicorn workers share one count.

Starts gunicorn with two sync workers on a scratch SQLite database, with the cache this test
run is configured with (on disk by default, Redis in the production profile), and sends
requests at the same time so both workers answer. The access log names the worker (its pid)
behind every response.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from tests.servers import gunicorn

ROOT = Path(settings.BASE_DIR)
EMAIL = "shared.limits@example.org"
PASSWORD = "a-long-passphrase-for-limits"
MAKE_MEMBER = f"""
from village.accounts.services import create_member
from village.questions import services
asker = create_member(email="asker@example.org", display_name="Asker", email_verified=True)
writer = create_member(email="writer@example.org", display_name="Writer", email_verified=True)
create_member(email={EMAIL!r}, display_name="Voter", password={PASSWORD!r}, email_verified=True)
question = services.ask_question(author=asker, title="How do we share the night feeds fairly?",
                                 body="Both of us work.")
answer = services.post_answer(author=writer, question=question, kind="experience",
                              body="We took alternate nights and it saved us.")
print(answer.pk)
"""


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-workers")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "CACHE_DIR": str(folder / "cache"),
        "DEBUG": "true",  # static files from the source folders: no collectstatic here
        "SECRET_KEY": "two-workers-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "RATE_LIMIT_VOTE": "5/h",
        "DJANGO_SETTINGS_MODULE": "village.settings",
    }
    if settings.REDIS_URL:
        # The production profile: the count lives in Redis; a database of its own, emptied.
        env["REDIS_URL"] = "redis://127.0.0.1:6379/9"
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    made = subprocess.run(
        [*manage, "shell", "-c", MAKE_MEMBER],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    answer_id = int(made.stdout.strip().splitlines()[-1])
    log = folder / "access.log"
    logging = ["--access-logfile", str(log), "--access-logformat", "%(p)s %(s)s %(m)s %(U)s"]
    with gunicorn(env, folder / "server.log", 2, *logging) as (base, _):
        yield {"base": base, "answer_id": answer_id, "log": log}


def signed_in_opener(base: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"login": EMAIL, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    opener.open(urllib.request.Request(base + "/accounts/login/", data=data))
    assert any(c.name == "sessionid" for c in jar), "could not sign in"
    csrf = next(c.value for c in jar if c.name == "csrftoken")
    return opener, csrf


def post(opener, url: str, fields: dict) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode())
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def pids_behind(log: Path, path: str) -> set[str]:
    time.sleep(0.3)  # gunicorn writes the access log line after the response
    return {line.split()[0] for line in log.read_text().splitlines() if path in line}


def test_votes_are_counted_once_across_both_workers(two_workers):
    base, answer_id = two_workers["base"], two_workers["answer_id"]
    opener, csrf = signed_in_opener(base)
    url = f"{base}/questions/answers/{answer_id}/helpful/"
    # Each vote toggles; "ensure" keeps it on, so every accepted request is a real write.
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(
                lambda _: post(opener, url, {"csrfmiddlewaretoken": csrf, "ensure": "1"}),
                range(14),
            )
        )
    statuses = sorted(status for status, _, _ in results)
    assert statuses.count(429) == 9, statuses
    assert len([s for s in statuses if s in (200, 302)]) == 5, statuses
    refused = next((headers, body) for status, headers, body in results if status == 429)
    assert int(refused[0]["Retry-After"]) > 0
    assert "try again" in refused[1].lower()
    assert len(pids_behind(two_workers["log"], f"/questions/answers/{answer_id}/helpful/")) == 2


def test_failed_sign_ins_are_counted_once_across_both_workers(two_workers):
    base = two_workers["base"]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    wrong = {
        "login": "writer@example.org",
        "password": "not-the-password",
        "csrfmiddlewaretoken": token,
    }
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: post(opener, base + "/accounts/login/", wrong), range(8)))
    refused = [body for _, _, body in results if "too many failed" in body.lower()]
    # allauth allows 5 failed attempts per account in 5 minutes, then refuses with a message
    # on the form: 3 of these 8 attempts, whichever worker answered them.
    assert len(refused) == 3, [status for status, _, _ in results]
    assert len(pids_behind(two_workers["log"], "/accounts/login/")) == 2
