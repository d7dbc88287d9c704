"""An import killed outright (SIGKILL: no clean-up, no exception handler) finishes on the next
run with nothing lost and nothing twice. It runs `manage.py` in a child process against a
scratch database of the same kind as the test run's: a SQLite file, or a PostgreSQL database."""

import json
import os
import signal
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

COUNTS = (
    "from village.questions.models import Question, Answer, Reply, HelpfulVote; "
    "from village.importers.models import ImportedRecord; import json; "
    "print(json.dumps({'questions': Question.objects.count(), 'answers': Answer.objects.count(),"
    " 'replies': Reply.objects.count(), 'votes': HelpfulVote.objects.count(),"
    " 'records': ImportedRecord.objects.filter(kind__in=['question', 'answer', 'comment',"
    " 'vote']).count()}))"
)


@pytest.fixture
def scratch_database_url(tmp_path):
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'killed.sqlite3'}"
        return
    db = settings.DATABASES["default"]
    name = f"village_killed_{uuid.uuid4().hex[:8]}"
    server = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    yield f"postgres://{db['USER']}{password}@{server['host']}:{server['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(url: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def counts(url: str) -> dict[str, int]:
    return json.loads(manage(url, "shell", "-c", COUNTS).strip().splitlines()[-1])


def test_an_import_killed_mid_way_completes_when_run_again(coffee_dump, scratch_database_url):
    url = scratch_database_url
    manage(url, "migrate", "--no-input", "-v", "0")
    child = subprocess.Popen(
        [sys.executable, "manage.py", "import_stackexchange", str(coffee_dump)]
        + ["--batch-size", "10", "-v", "2"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    committed = 0
    for line in child.stdout:
        if line.startswith("committed") and "(replies)" in line:
            committed += 1
            if committed == 5:  # a few batches of comments are in: kill it there and then
                child.send_signal(signal.SIGKILL)
                break
    child.wait(timeout=60)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    killed = counts(url)
    assert killed["questions"] == 225 and killed["answers"] == 327
    assert 0 < killed["replies"] < 399
    assert killed["votes"] == 0

    output = manage(url, "import_stackexchange", str(coffee_dump))

    assert "Every row in the dump is accounted for." in output
    assert counts(url) == {
        "questions": 225,
        "answers": 327,
        "replies": 399,
        "votes": 1607,
        "records": 225 + 327 + 399 + 1607,
    }
    replies_line = next(line for line in output.splitlines() if line.startswith("Replies"))
    assert replies_line.split()[-4:] == [
        "758",
        f"{399 - killed['replies']}",
        str(killed["replies"]),
        "359",
    ]
