"""Fixtures every test can use: personas, factories and the browser set-up."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from tests.factories import ExpertFactory, MemberFactory
from tests.mail import SMTPServer
from village.common.pagecache import local_pages

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# beside one unless told it is safe, which it is here: each test thread is synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session", autouse=True)
def _static_files_without_manifest():
    """Serve static files straight from the source folders: tests don't run collectstatic.
    WhiteNoise looks each file up when asked (autorefresh) rather than listing every static
    file whenever a test client starts, which took a tenth of a second per client."""
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages, WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True
    ):
        yield


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Each test run gets its own cache folder (the on-disk cache is shared by every process
    on a machine), and whole-page caching for visitors is off unless a test asks for it
    (the `page_cache` fixture): most tests read a page right after changing it."""
    caches = {alias: dict(config) for alias, config in settings.CACHES.items()}
    if caches["default"]["BACKEND"] == "village.common.cache.DiskCache":
        caches["default"]["LOCATION"] = str(tmp_path_factory.mktemp("cache"))
    with override_settings(CACHES=caches, PAGE_CACHE_SECONDS=0):
        yield


@pytest.fixture
def page_cache(settings):
    """Whole-page caching on (visitors and members), as served."""
    settings.PAGE_CACHE_SECONDS = 5
    return settings


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and cached pages live in the cache: start every test clean."""
    cache.clear()
    local_pages.clear()
    yield
    cache.clear()
    local_pages.clear()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that Village's email settings point at."""
    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = server.host
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM", "/usr/bin/chromium"),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture
def parent(db):
    return MemberFactory(display_name="Jo Parent", headline="Mum of two", city="York", country="GB")


@pytest.fixture
def expert(db):
    return ExpertFactory(display_name="Dr Sam Expert", area="Sleep", city="Bath", country="GB")


@pytest.fixture
def admin_member(db):
    return MemberFactory(display_name="Ada Founder", role="admin", headline="Founder @ Village")
