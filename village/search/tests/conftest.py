import pytest
from django.core.management import call_command

from tests.factories import MemberFactory
from village.search.tests.stackexchange import COFFEE, load_posts


@pytest.fixture
def moderator(db):
    return MemberFactory(display_name="Mo Moderator", role="moderator")


@pytest.fixture
def demo(db):
    call_command("load_demo")


@pytest.fixture
def coffee(db):
    if not (COFFEE / "Posts.xml").exists():
        pytest.skip(f"The Stack Exchange sample is not at {COFFEE}")
    return load_posts()
