"""REDIS_URL switches Village to its production profile: shared cache, sessions and queue."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import django_rq
import pytest
from django.conf import settings
from django.utils import timezone

from village.common.tasks import deliver_email

SHOW_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'cache': s.CACHES['default']['BACKEND'], 'sessions': s.SESSION_ENGINE, "
    "'tasks': s.TASKS['default']['BACKEND'], 'queue': s.RQ_QUEUES['default']['URL'] "
    "if hasattr(s, 'RQ_QUEUES') else None, 'rq': 'django_tasks_rq' in s.INSTALLED_APPS}))"
)


def effective_settings(**env) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("REDIS")}
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=settings.BASE_DIR,
        env={**environment, "DJANGO_SETTINGS_MODULE": "village.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_redis_everything_stays_on_one_machine():
    assert effective_settings() == {
        "cache": "village.common.cache.DiskCache",
        "sessions": "django.contrib.sessions.backends.cached_db",
        "tasks": "django_tasks_db.DatabaseBackend",
        "queue": None,
        "rq": False,
    }


def test_redis_url_moves_cache_sessions_and_the_task_queue_to_redis():
    url = "redis://127.0.0.1:6379/3"
    assert effective_settings(REDIS_URL=url) == {
        "cache": "village.common.cache.RedisCache",
        "sessions": "django.contrib.sessions.backends.cached_db",
        "tasks": "village.common.task_backends.RQBackend",
        "queue": url,
        "rq": True,
    }
    queue = effective_settings(REDIS_URL=url, REDIS_QUEUE_URL="redis://127.0.0.1:6379/4")
    assert queue["queue"] == "redis://127.0.0.1:6379/4"


@pytest.mark.skipif(not settings.REDIS_URL, reason="the production profile (REDIS_URL) only")
def test_a_scheduled_task_is_filed_at_its_exact_time_not_a_second_early(db):
    run_after = timezone.now() + timedelta(seconds=30, microseconds=700_000)
    result = deliver_email.using(run_after=run_after).enqueue(0)
    queue = django_rq.get_queue("default")
    score = queue.connection.zscore(queue.scheduled_job_registry.key, result.id)
    assert score == pytest.approx(run_after.timestamp(), abs=0.001)
    assert queue.scheduled_job_registry.get_jobs_to_schedule(run_after.timestamp() - 0.1) == []
