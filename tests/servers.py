"""A real gunicorn for tests that need several web server processes at once."""

import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from tests.mail import free_port


@contextmanager
def gunicorn(env: dict, log_path: Path, workers: int, *options: str):
    """Start gunicorn on a free loopback port with this environment; yield (base URL, log).

    Its output (and anything `options` sends to "-") goes to `log_path`, which a test can
    read; if the server doesn't answer /healthz within 30 s the test fails with that log.
    """
    port = free_port()
    log = open(log_path, "w+")  # noqa: SIM115 - closed below, after the server
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "village.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            *options,
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                log.seek(0)
                pytest.fail("The server did not start:\n" + log.read())
            time.sleep(0.2)
    try:
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
